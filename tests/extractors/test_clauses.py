import re

import pytest

from extractors import money, percentages, quantities
from extractors.clauses import (
    _BREAK,
    GLUED_HEADLINE_SPAN,
    _breaks,
    colon_lines,
    glues,
    is_dependent,
    is_headline_run,
    matches_at_words,
    split,
)
from extractors.indicator_figures import RANK_RE, RANK_WORDS
from extractors.indicators import extract
from pipeline.article import Article
from pipeline.sentences import line_of, line_sentences


def code_and_unit(text: str, figure: str) -> tuple[str, str]:
    art = Article(text=text, published="2024-12-10")
    for name, stage in (("money", money), ("percentages", percentages), ("quantities", quantities)):
        art.add(name, stage.extract(art))
    found = [s for s in extract(art) if figure in text[s.get("figure_start") : s.get("figure_end")]]
    assert len(found) == 1
    return found[0].get("indicator"), found[0].get("unit")


@pytest.mark.parametrize(
    ("clause", "dependent"),
    [
        ("tăng 12% so với cùng kỳ", True),
        ("đến hết tháng 9 mới đạt 2.100 tỷ đồng", True),
        ("đến nay đã đạt 75%", True),
        ("tính đến ngày 30/6 đạt 48%", True),
        ("riêng tháng 11 đạt 410 triệu USD", True),
        ("riêng quý IV/2024 tăng 6%", True),
        ("thu hút 12 dự án", False),
        ("riêng huyện Yên Lạc có 12 xã", False),
    ],
)
def test_clauses_a_clause_opened_by_a_time_still_continues_its_subject(clause, dependent):
    assert is_dependent(clause, (0, len(clause))) is dependent


# sentence, figure, indicator, unit: the figure takes the subject its clause goes on about
CONTINUED = [
    ("Kim ngạch xuất khẩu đạt 4 tỷ USD; riêng tháng 11 đạt 400 triệu USD.", "400", "export_value", "USD"),
    ("Tỷ lệ hộ nghèo giảm còn 2,1%, giảm 0,8 điểm phần trăm so với năm trước.", "0,8", "poverty_rate",
     "percentage_point"),
    ("Giải ngân vốn đầu tư công chậm, tính đến ngày 30/6 đạt 48%.", "48%", "public_investment", "percent"),
]


@pytest.mark.parametrize(("text", "figure", "indicator", "unit"), CONTINUED)
def test_clauses_continued_subject_names_the_figure(text, figure, indicator, unit):
    assert code_and_unit(text, figure) == (indicator, unit)


RANK_TEXTS = [
    "Tỉnh xếp thứ 5/63 về PCI, đứng thứ 12 cả nước.",
    "XẾP THỨ 3; Đứng hạng 7/63; nằm trong top 10 tỉnh; Nằm trong nhóm đầu 5 địa phương.",
    "người đứng đầu 2 cơ quan; xếpthứ 5; đứng  thứ\n9; sắp xếp thứ 4; İstanbul xếp thứ 2; ĐỨng thứ 1",
    "Xếp thứ 4 ở đầu văn bản; nẰM TRONG TOP 3",
    "không có thứ hạng nào ở đây 2024",
]


@pytest.mark.parametrize("text", RANK_TEXTS)
def test_matches_at_words_finds_what_finditer_finds(text):
    found = [m.span() for m in matches_at_words(RANK_RE, RANK_WORDS, text)]
    assert found == [m.span() for m in RANK_RE.finditer(text)]


def test_rank_words_begin_with_letters_the_regex_engine_equates_with_their_cases_only():
    every_char = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    for letter in {c for word in RANK_WORDS for c in word[:2]}:
        same = re.compile(re.escape(letter), re.IGNORECASE).findall(every_char)
        assert set(same) == {letter.lower(), letter.upper()}


@pytest.mark.parametrize(
    "text",
    [
        "thu ngân sách đạt 16.000 tỷ đồng , trong đó ; thu nội địa : 13.000 tỷ (tăng 5%) … đạt...  90%",
        "a,b , c ,\td;;  :( )...... ..  …,",
        "  ; đầu câu",
        "",
    ],
)
def test_breaks_are_what_the_break_pattern_finds(text):
    for start, end in ((0, len(text)), (1, len(text)), (0, max(0, len(text) - 3))):
        expected = [m.span() for m in _BREAK.finditer(text, start, end)]
        assert _breaks(text, start, end) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Hỗ trợ tín dụngVĩnh Phúc: Hơn 1 tháng xử lý 12 vụ",
        "Giải ngân đạt 61%Phường Liên Bảo: thu 5 tỷ đồng",
        "Kết quả quý III/2024 | Tam Dương: tăng 7%",
        "Vĩnh Phúc: Tp Vĩnh Yên nỗ lực thực hiện các mục tiêu",
        "Một câu rất dàiVới chữ hoa dính liền nhưng dấu hai chấm ở rất xa sau đó mới đến: 5%",
        "không có dấu hai chấm",
    ],
)
def test_is_headline_run_looks_only_before_each_colon(sentence):
    every_glue = any(":" in sentence[i : i + GLUED_HEADLINE_SPAN] for i in glues(sentence))
    assert is_headline_run(sentence) == (":" in sentence and every_glue)


@pytest.mark.parametrize(
    "text",
    [
        "Vĩnh Phúc: thu 5 tỷ đồng.\nKhông có dấu.\nTam Dương: tăng 7%; Yên Lạc: 3%",
        ":\n:\n\n:",
        "Dòng cuối có dấu hai chấm:",
        "Không có dấu hai chấm nào\n",
        "",
    ],
)
def test_clauses_colon_lines_are_the_lines_that_hold_a_colon(text):
    assert colon_lines(text) == sorted({line_of(text, i) for i, c in enumerate(text) if c == ":"})


@pytest.mark.parametrize(
    "line",
    [
        "Tin liên quan. Hỗ trợ tín dụngVĩnh Phúc: Hơn 1 tháng xử lý 12 vụ. Thu 5%.",
        "Kết quả quý III/2024 | Tam Dương: tăng 7%. Dự hội nghị có các đồng chí: A, B.",
        "Dự hội nghị có các đồng chí: Nguyễn Văn A, Bí thư. Giải ngân đạt 61%Phường X: thu 5 tỷ",
        "%Vĩnh Phúc: mở đầu. (A)B: c",
    ],
)
def test_clauses_a_line_that_is_no_headline_run_holds_no_sentence_that_is_one(line):
    """indicators.extract splits into sentences only the lines with a ":" that pass as a whole."""
    runs = [s for s in line_sentences(line, (0, len(line))) if is_headline_run(line[s[0] : s[1]])]
    assert not runs or is_headline_run(line)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("thu ngân sách đạt 16.000 tỷ đồng, trong đó; thu nội địa: 13.000 tỷ (tăng 5%), đạt 90%", []),
        ("công nghiệp, xây dựng tăng 7%, dịch vụ tăng 5%; nông nghiệp: 3%", [(0, 21)]),
        ("a, b, c; d: e (f) g", [(3, 9), (0, 2), (4, 5), (12, 19)]),
        ("a, b, c; d: e (f) g", [(1, 3), (1, 2), (6, 7)]),
        ("  ; x , y  ", [(4, 6)]),
    ],
)
def test_clauses_split_never_cuts_inside_a_kept_span(text, keep):
    def stripped(a: int, b: int) -> tuple[int, int]:
        piece = text[a:b]
        return a + len(piece) - len(piece.lstrip()), b - len(piece) + len(piece.rstrip())

    out, cut = [], 0  # the plain way: every kept span looked at for every break
    for a, b in _breaks(text, 0, len(text)):
        if not any(x < b and a < y for x, y in keep):
            if text[cut:a].strip():
                out.append(stripped(cut, a))
            cut = b
    if text[cut:].strip():
        out.append(stripped(cut, len(text)))
    assert split(text, 0, len(text), keep) == out
