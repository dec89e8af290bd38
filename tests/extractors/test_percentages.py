import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import percentages
from pipeline.article import Article

# sentence, span text, value, high, approx
SHARES = [
    ("Tỷ lệ đạt 18,01%.", "18,01%", 18.01, None, None),
    ("Thu bằng 65 % dự toán.", "65 %", 65, None, None),
    ("Tăng trưởng 7,5 - 8,5% năm.", "7,5 - 8,5%", 7.5, 8.5, None),
    ("Tăng trưởng 7,5% - 8,5% năm.", "7,5% - 8,5%", 7.5, 8.5, None),
    ("GRDP tăng khoảng từ 7,5 - 8,5%.", "khoảng từ 7,5 - 8,5%", 7.5, 8.5, "about"),
    ("Đạt 100 phần trăm kế hoạch.", "100 phần trăm", 100, None, None),
    ("Vượt 44,9% dự toán.", "Vượt 44,9%", 44.9, None, "more_than"),
    ("Hơn 95% hộ dân hài lòng.", "Hơn 95%", 95, None, "more_than"),
    ("Tỷ lệ hộ nghèo dưới 1%.", "dưới 1%", 1, None, "less_than"),
    ("Tỷ lệ tiêm chủng gần 99%.", "gần 99%", 99, None, "nearly"),
    ("Đạt xấp xỉ 70%.", "xấp xỉ 70%", 70, None, "nearly"),
    ("Ước đạt 12%.", "Ước đạt 12%", 12, None, "about"),
    ("Giảm từ 10% đến 15%.", "từ 10% đến 15%", 10, 15, None),
    ("Tăng 5-7% mỗi năm.", "5-7%", 5, 7, None),
    ("Lãi suất 0,5 %/tháng.", "0,5 %", 0.5, None, None),
    ("Chiếm trên 30% tổng số.", "trên 30%", 30, None, "more_than"),
    ("Xã đạt 80% trở lên được khen.", "80% trở lên", 80, None, "more_than"),
    ("Tỷ lệ hộ nghèo 2% trở xuống.", "2% trở xuống", 2, None, "less_than"),
    ("Tăng 5 - 7% trở lên.", "5 - 7%", 5, 7, None),
]


@pytest.mark.parametrize(("sentence", "span", "value", "high", "approx"), SHARES)
def test_percentages_extract_reads_shares(sentence, span, value, high, approx):
    spans = percentages.extract(Article(text=sentence))
    assert len(spans) == 1
    s = spans[0]
    assert s.text == span
    assert sentence[s.start:s.end] == span
    assert s.get("value") == pytest.approx(value)
    assert s.get("high") == (None if high is None else pytest.approx(high))
    assert s.get("approx") == approx


@pytest.mark.parametrize(
    "sentence",
    [
        "Thu nhập tăng 2,69 lần so với năm trước.",
        "Vượt 2,2 lần kế hoạch.",
        "Có 15 người tham gia.",
        "Thu 12 tỷ đồng.",
        "Năm 2022 là năm bản lề.",
        "Một phần tư số hộ.",
    ],
)
def test_percentages_extract_skips_ratios_and_counts(sentence):
    assert percentages.extract(Article(text=sentence)) == []


def test_percentages_extract_finds_each_share_in_a_sentence():
    text = "Đạt 65% dự toán, tăng 18,01% so với cùng kỳ và chiếm 30 phần trăm."
    spans = percentages.extract(Article(text=text))
    assert [s.get("value") for s in spans] == [65, 18.01, 30]


def test_percentages_match_returns_figure_and_end():
    text = "bằng 139% so với cùng kỳ"
    [(fig, end)] = percentages.match(text)
    assert text[fig.start:end] == "139%"


WORDS = ["đạt", "hơn", "gần", "khoảng", "từ", "đến", "-", "%", "phần", "trăm", "lần", "1.455", "7,5",
         "8,5", "65", " ", ",", "và", "2,69"]


@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_percentages_span_offsets_point_at_their_text(words):
    art = Article(text=" ".join(words))
    spans = percentages.extract(art)
    art.add("percentages", spans)
    for s in spans:
        assert art.text[s.start:s.end] == s.text
        assert s.text.endswith(("%", "trăm"))
