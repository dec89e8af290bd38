import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import money
from pipeline.article import Article

# sentence, span text, value, high, currency, approx
AMOUNTS = [
    ("Thu ngân sách đạt hơn 44.280 tỷ đồng.", "hơn 44.280 tỷ đồng", 44_280 * 10**9, None, "VND", "more_than"),
    ("Tỉnh phân bổ 7.776,6 tỷ đồng cho hạ tầng.", "7.776,6 tỷ đồng", 7_776_600_000_000, None, "VND", None),
    ("Thu nội địa đạt gần 1.455 tỷ đồng.", "gần 1.455 tỷ đồng", 1_455_000_000_000, None, "VND", "nearly"),
    ("Dự án cần từ 5 đến 7 tỷ đồng.", "từ 5 đến 7 tỷ đồng", 5_000_000_000, 7_000_000_000, "VND", None),
    ("Mỗi xã được hỗ trợ 3 tỷ 500 triệu đồng.", "3 tỷ 500 triệu đồng", 3_500_000_000, None, "VND", None),
    ("Mức thưởng 500 nghìn đồng mỗi người.", "500 nghìn đồng", 500_000, None, "VND", None),
    ("Giá vé 300.000đ một lượt.", "300.000đ", 300_000, None, "VND", None),
    ("Lương tối thiểu 4,68 triệu đồng/tháng.", "4,68 triệu đồng", 4_680_000, None, "VND", None),
    ("Mỗi dự án cần tối thiểu 50 tỷ đồng.", "tối thiểu 50 tỷ đồng", 50_000_000_000, None, "VND", "more_than"),
    ("Giá thu mua tăng 500 đồng/kg.", "500 đồng", 500, None, "VND", None),
    ("Hộ vay từ 50 triệu đồng trở lên được hỗ trợ.", "từ 50 triệu đồng trở lên", 50_000_000, None, "VND",
     "more_than"),
    ("Dự án dưới 15 tỷ đồng trở xuống.", "dưới 15 tỷ đồng", 15_000_000_000, None, "VND", "less_than"),
    ("Quỹ có 1.000.000 đồng.", "1.000.000 đồng", 1_000_000, None, "VND", None),
    ("Phí 1.000 VNĐ mỗi lần.", "1.000 VNĐ", 1_000, None, "VND", None),
    ("Mỗi hộ nhận 1,2 triệu VND.", "1,2 triệu VND", 1_200_000, None, "VND", None),
    ("Tổng vốn khoảng 30 ngàn tỷ đồng.", "khoảng 30 ngàn tỷ đồng", 30_000_000_000_000, None, "VND", "about"),
    ("Doanh thu ước 15 tỉ đồng.", "ước 15 tỉ đồng", 15_000_000_000, None, "VND", "about"),
    ("Chi phí dưới 2 triệu đồng.", "dưới 2 triệu đồng", 2_000_000, None, "VND", "less_than"),
    ("Vốn vượt 120 tỷ đồng.", "vượt 120 tỷ đồng", 120_000_000_000, None, "VND", "more_than"),
    ("Giải ngân xấp xỉ 900 tỷ đồng.", "xấp xỉ 900 tỷ đồng", 900_000_000_000, None, "VND", "nearly"),
    ("Mỗi suất từ 1-2 tỷ đồng.", "từ 1-2 tỷ đồng", 1_000_000_000, 2_000_000_000, "VND", None),
    ("Xuất khẩu đạt 5 triệu USD.", "5 triệu USD", 5_000_000, None, "USD", None),
    ("Nhà đầu tư rót 2,5 triệu đô la Mỹ.", "2,5 triệu đô la Mỹ", 2_500_000, None, "USD", None),
    ("Khoản viện trợ 10 triệu euro.", "10 triệu euro", 10_000_000, None, "EUR", None),
    ("Giá 2.000 USD/người.", "2.000 USD", 2_000, None, "USD", None),
    ("Vốn FDI trên 1,5 tỷ USD.", "trên 1,5 tỷ USD", 1_500_000_000, None, "USD", "more_than"),
    ("Dự án 200 triệu nhân dân tệ.", "200 triệu nhân dân tệ", 200_000_000, None, "CNY", None),
    ("Vay 3 tỷ yên Nhật.", "3 tỷ yên Nhật", 3_000_000_000, None, "JPY", None),
    ("Hàng xuất sang Lào trị giá 120 triệu kíp.", "120 triệu kíp", 120_000_000, None, "LAK", None),
    ("Phí dịch vụ 5 triệu vnđ.", "5 triệu vnđ", 5_000_000, None, "VND", None),
    ("Vốn 1,2 tỷ đô la Hồng Kông.", "1,2 tỷ đô la Hồng Kông", 1_200_000_000, None, "HKD", None),
]


@pytest.mark.parametrize(("sentence", "span", "value", "high", "currency", "approx"), AMOUNTS)
def test_money_extract_reads_amounts(sentence, span, value, high, currency, approx):
    spans = money.extract(Article(text=sentence))
    assert len(spans) == 1
    s = spans[0]
    assert s.text == span
    assert sentence[s.start:s.end] == span
    assert s.get("value") == value
    assert s.get("high") == high
    assert s.get("currency") == currency
    assert s.get("approx") == approx


@pytest.mark.parametrize(
    "sentence",
    [
        "Tặng quà cho 48 đồng chí lãnh đạo.",
        "Đồng bào 3 dân tộc cùng tham gia.",
        "Đồng thời 5 đơn vị được khen.",
        "Năng suất tăng 2,69 lần.",
        "Có 15 người và 20 hộ tham gia.",
        "Năm 2022 tỉnh đạt 95% kế hoạch.",
        "Ông được tặng 3 đồng hồ.",
        "Ngày 15/2/2022 ban hành quy định.",
        "Huyện Vĩnh Yên có 3 xã Yên Lạc.",
    ],
)
def test_money_extract_skips_what_is_not_money(sentence):
    assert money.extract(Article(text=sentence)) == []


def test_money_extract_finds_every_amount_in_a_sentence():
    text = "Năm nay thu 15 tỷ đồng, chi 20 tỷ đồng và vay 1 triệu USD."
    spans = money.extract(Article(text=text))
    assert [(s.get("value"), s.get("currency")) for s in spans] == [
        (15_000_000_000, "VND"),
        (20_000_000_000, "VND"),
        (1_000_000, "USD"),
    ]


def test_money_match_returns_figure_end_and_code():
    text = "đạt 12 tỷ đồng"
    [(fig, end, code)] = money.match(text)
    assert text[fig.start:end] == "12 tỷ đồng"
    assert code == "VND"


def test_money_currency_table_is_valid():
    codes = money.currency_codes()
    assert codes["đồng"] == "VND"
    assert codes["usd"] == "USD"
    assert all(len(code) == 3 and code.isupper() for code in codes.values())


WORDS = ["đạt", "hơn", "gần", "khoảng", "từ", "đến", "-", "tỷ", "triệu", "nghìn", "đồng", "USD", "đ",
         "chí", "1.455", "44.280", "7,5", "3", "500", "%", ",", "và", "2,69", "lần"]


@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_money_span_offsets_point_at_their_text(words):
    art = Article(text=" ".join(words))
    spans = money.extract(art)
    art.add("money", spans)  # raises OffsetError on a bad offset
    for s in spans:
        assert art.text[s.start:s.end] == s.text
        assert s.get("value") >= 0
        assert s.get("high") is None or s.get("high") >= s.get("value")
