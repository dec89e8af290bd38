import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.numbers import (
    FIGURE_RE,
    NUMBER,
    NUMBER_RE,
    Figure,
    _build,
    alternation_by_first_letter,
    find_figures,
    format_number,
    parse_number,
    percent_tail,
    reversed_alt,
)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("44.280", 44280),
        ("7.776,6", 7776.6),
        ("18,01", 18.01),
        ("1.455", 1455),  # Vietnamese: "." groups thousands
        ("1,455", 1.455),  # Vietnamese: "," is the decimal mark
        ("2,69", 2.69),
        ("1.000.000", 1_000_000),
        ("1.234.567,89", 1_234_567.89),
        ("1,455,000", 1_455_000),  # several comma groups of three: the English way
        ("1,234.5", 1234.5),  # English grouping and decimal point
        ("2.5", 2.5),  # a dot not followed by three digits is a decimal point
        ("12.50", 12.5),
        ("0.500", 0.5),  # a thousands group never starts with 0
        ("100", 100),
        ("0", 0),
        ("-5", -5),
        ("−3,5", -3.5),
    ],
)
def test_numbers_parse_number_reads_vietnamese_format(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "abc", "1..2", "1.23.4", "1,2,3", ".5", "5.", "1 000", "12a", "--5"])
def test_numbers_parse_number_rejects_non_numbers(written):
    assert parse_number(written) is None


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (44280, "44.280"),
        (7776.6, "7.776,6"),
        (18.01, "18,01"),
        (1_000_000, "1.000.000"),
        (999, "999"),
        (0.5, "0,5"),
        (-1234.5, "-1.234,5"),
        (0, "0"),
    ],
)
def test_numbers_format_number_writes_vietnamese_format(value, written):
    assert format_number(value) == written


def test_numbers_format_number_honours_decimals():
    assert format_number(1455.456, decimals=1) == "1.455,5"
    assert format_number(3, decimals=2) == "3,00"


# text, the figure's text, value, high, approx, scale
FIGURES = [
    ("thu hơn 44.280 tỷ đồng", "hơn 44.280 tỷ", 44280e9, None, "more_than", 1e9),
    ("đạt gần 1.455 tỷ", "gần 1.455 tỷ", 1455e9, None, "nearly", 1e9),
    ("xấp xỉ 30 nghìn lượt khách", "xấp xỉ 30 nghìn", 30_000, None, "nearly", 1e3),
    ("tăng khoảng từ 7,5 - 8,5 điểm", "khoảng từ 7,5 - 8,5", 7.5, 8.5, "about", 1),
    ("ước 12 triệu", "ước 12 triệu", 12e6, None, "about", 1e6),
    ("dưới 5 nghìn hộ", "dưới 5 nghìn", 5000, None, "less_than", 1e3),
    ("trên 10 nghìn người", "trên 10 nghìn", 10_000, None, "more_than", 1e3),
    ("vượt 2,2 lần kế hoạch", "vượt 2,2", 2.2, None, "more_than", 1),
    ("từ 16 đến 17.000 người", "từ 16 đến 17.000", 16_000, 17_000, None, 1),
    ("có 16 - 17 nghìn lao động", "16 - 17 nghìn", 16_000, 17_000, None, 1e3),
    ("trị giá 3 tỷ 500 triệu", "3 tỷ 500 triệu", 3.5e9, None, None, 1e9),
    ("7 triệu 500 nghìn", "7 triệu 500 nghìn", 7.5e6, None, None, 1e6),
    ("1,2 nghìn tỷ", "1,2 nghìn tỷ", 1.2e12, None, None, 1e12),
    ("30 ngàn tỉ", "30 ngàn tỉ", 3e13, None, None, 1e12),
    ("từ 5 đến 7 tỷ", "từ 5 đến 7 tỷ", 5e9, 7e9, None, 1e9),
    ("từ 5 tỷ đến 7 tỷ", "từ 5 tỷ đến 7 tỷ", 5e9, 7e9, None, 1e9),
    ("khoảng 5-7 tỷ", "khoảng 5-7 tỷ", 5e9, 7e9, "about", 1e9),
    ("Khoảng 20 tỷ", "Khoảng 20 tỷ", 20e9, None, "about", 1e9),
    ("chưa đến 3 triệu", "chưa đến 3 triệu", 3e6, None, "less_than", 1e6),
    ("giai đoạn 2020 - 2025", "2020 - 2025", 2020, 2025, None, 1),
    ("tăng trên dưới 10 nghìn", "trên dưới 10 nghìn", 10_000, None, "about", 1e3),
    ("vốn không dưới 5 tỷ", "không dưới 5 tỷ", 5e9, None, "more_than", 1e9),
    ("chi không vượt quá 2 triệu", "không vượt quá 2 triệu", 2e6, None, "less_than", 1e6),
    ("ngót 1.000 người", "ngót 1.000", 1000, None, "nearly", 1),
]


@pytest.mark.parametrize(("text", "span", "value", "high", "approx", "scale"), FIGURES)
def test_numbers_find_figures_reads_qualifiers_scales_and_ranges(text, span, value, high, approx, scale):
    figs = find_figures(text)
    assert len(figs) == 1
    fig = figs[0]
    assert text[fig.start:fig.end] == span
    assert fig.value == pytest.approx(value)
    assert fig.high == (None if high is None else pytest.approx(high))
    assert fig.approx == approx
    assert fig.scale == scale


@pytest.mark.parametrize(
    "text",
    ["ngày 15/2/2022", "một nửa (1/2) số hộ", "không có con số nào", "Điều lệ Đảng", "thứ Hai"],
)
def test_numbers_find_figures_skips_dates_fractions_and_words(text):
    assert find_figures(text) == []


def test_numbers_find_figures_keeps_a_falling_pair_as_two_figures():
    figs = find_figures("giảm từ 12,5 - 10")
    assert [(f.value, f.high) for f in figs] == [(12.5, None), (10, None)]


def test_numbers_find_figures_keeps_percent_then_count_apart():
    text = "tăng 5% - 7 người"
    figs = find_figures(text)
    assert figs[0].high is None
    assert text[figs[0].start:figs[0].end] == "5"


def test_numbers_find_figures_respects_the_window():
    text = "có 12 tỷ và 30 tỷ"
    figs = find_figures(text, start=8)
    assert [text[f.start:f.end] for f in figs] == ["30 tỷ"]


@pytest.mark.parametrize(
    ("text", "pos", "end"),
    [("18,01%", 5, 6), ("65 %", 2, 4), ("100 phần trăm", 3, 13), ("2,69 lần", 4, None), ("5 phần", 1, None)],
)
def test_numbers_percent_tail(text, pos, end):
    assert percent_tail(text, pos) == end


# ------------------------------------------------------------------ properties


@given(st.text())
def test_numbers_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@pytest.mark.parametrize("text", ["7,5.1.455", "1.2,3.4", "12,500.000,3", "1,234.5.678"])
def test_numbers_two_decimal_marks_are_not_a_number(text):
    assert parse_number(text) is None
    assert find_figures(f"đạt {text} tỷ đồng") == []


@given(st.text(alphabet=st.sampled_from(list("0123456789.,")), max_size=24))
def test_numbers_digits_and_separators_never_raise(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@given(st.text(alphabet=st.sampled_from(list("0123456789.,-–% tỷriệunghìnàđồgkhoảnơvư/")), max_size=60))
def test_numbers_find_figures_never_raises_and_spans_are_ordered(text):
    figs = find_figures(text)
    last_end = 0
    for f in figs:
        assert last_end <= f.start < f.end <= len(text)
        assert math.isfinite(f.value)
        assert f.high is None or f.high >= f.value
        last_end = f.end


_FIGURE_WORDS = ["khoảng", "từ", "hơn", "tối thiểu", "lương", "gần", "trên dưới", "tỷ", "triệu", "nghìn tỷ",
                 "đến", "%", "-", " ", "  ", ",", ".", "/", "a", "1", "12", "2.5", "44.280", "7,5",
                 "1.000.000", "0"]


@given(st.lists(st.sampled_from(_FIGURE_WORDS), max_size=16))
def test_numbers_find_figures_equals_searching_figure_re_everywhere(words):
    text = "".join(words)
    assert find_figures(text) == _figures_by_plain_search(text)


@pytest.mark.parametrize(
    "text",
    ["khoảng từ 16 đến 17.000 người", "lương tối thiểu 4,68 triệu", "gần 3 tỷ 500 triệu, hơn 5% - 7 người"],
)
def test_numbers_find_figures_equals_searching_figure_re_everywhere_examples(text):
    assert find_figures(text) == _figures_by_plain_search(text)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_format_then_parse_gives_the_value_back(value):
    assert parse_number(format_number(value)) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_numbers_formatted_integer_in_a_sentence_is_found_again(value):
    text = f"Tổng số đạt {format_number(value)} người."
    figs = find_figures(text)
    assert len(figs) == 1
    assert figs[0].value == value


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_numbers_formatted_decimal_in_a_sentence_is_found_again(value):
    text = f"Tỷ lệ đạt {format_number(float(value))} điểm."
    figs = find_figures(text)
    assert len(figs) == 1
    assert figs[0].value == pytest.approx(float(value))


def test_regression_format_number_writes_the_shortest_digits_not_the_binary_expansion():
    assert format_number(5.960464477539063e-08) == "0,00000005960464477539063"
    assert parse_number(format_number(5.960464477539063e-08)) == 5.960464477539063e-08


def _figures_by_plain_search(text: str, start: int = 0) -> list[Figure]:
    """What find_figures finds, the slow way: FIGURE_RE searched from each figure's end."""
    out, pos = [], start
    while (m := FIGURE_RE.search(text, pos)) is not None:
        fig = _build(m)
        if fig is None:
            pos = m.end("n1")
            continue
        out.append(fig)
        pos = fig.end
    return out


# find_figures looks for the number first and reads the qualifier before it backwards
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("thu hơn 44.280 tỷ đồng", 0),
        ("Từ 5 đến 7 tỷ, KHOẢNG TỪ 3 - 4%", 0),
        ("khoảng    \n\n  từ   5 người", 0),  # a prefix longer than usual
        ("trên dưới 10%, dưới 5 nghìn", 0),  # the longer qualifier wins
        ("5hơn 3 và 6 hơn 7", 0),  # "hơn" glued to a number is no qualifier
        ("đạt 5 hơn 3", 5),  # the search starts after "đạt 5"
        ("lương tối thiểu 4,68 triệu, vốn tối đa từ 2 tỷ", 0),
        ("cxtừ 5 và Ttừ 6", 0),  # "từ" is matched inside a word, as FIGURE_RE does
        ("a5 1/2 3.5.6 ước 7,5 - 8,5", 0),
        ("", 0),
    ],
)
def test_numbers_find_figures_finds_what_a_plain_search_finds(text, start):
    assert find_figures(text, start) == _figures_by_plain_search(text, start)


@pytest.mark.parametrize("text", ["44.280 tỷ, 1/2, a5, 7,5-8,5; 3.5.6 x.12 ,9 12", "0", "", "５ ٣"])
def test_numbers_number_re_matches_as_number(text):
    assert [m.span() for m in NUMBER_RE.finditer(text)] == [m.span() for m in re.finditer(NUMBER, text)]


_WORDS = ["nghìn tỷ", "nghìn", "ngàn", "tỷ", "tỉ", "Đồng", "đ", "đô la", "ha", "hộ", "m2", "m", "ĐÔ"]


@pytest.mark.parametrize("ignore_case", [True, False])
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, unique=True),
       text=st.text(alphabet=st.sampled_from(list("nghìn tỷỉĐđồôlaHhộm2N ")), max_size=14))
def test_numbers_alternation_by_first_letter_matches_the_plain_alternation(ignore_case, words, text):
    plain = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    flags = re.IGNORECASE if ignore_case else 0
    grouped = re.compile(rf"(?:{alternation_by_first_letter(words, ignore_case)})(?!\w)", flags)
    plain_re = re.compile(rf"(?:{plain})(?!\w)", flags)
    for i in range(len(text) + 1):
        got, want = grouped.match(text, i), plain_re.match(text, i)
        assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize("written", ["khoảng", "trên  dưới", "gần\u00a0bằng", "TỐI THIỂU", "hơn"])
def test_numbers_reversed_alt_reads_backwards_what_the_alternation_reads(written):
    words = ("khoảng", "trên dưới", "gần bằng", "tối thiểu", "tối đa", "hơn")
    forwards = re.compile(rf"(?:{alternation_by_first_letter(words)})", re.IGNORECASE)
    backwards = re.compile(rf"(?:{reversed_alt(words)})", re.IGNORECASE)
    assert forwards.fullmatch(written)
    assert backwards.fullmatch(written[::-1])
    assert not backwards.fullmatch(written)  # written forwards, it is no match read backwards

