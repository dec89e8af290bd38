import pytest

from extractors import money, percentages, quantities
from extractors.clauses import Cue
from extractors.indicators import extract
from extractors.kinds import _BASE_BEFORE, BASE_WINDOW, _cues_before, _is_a_base, _scanned
from pipeline.article import Article


def kind_of_figure(text: str, figure: str) -> str:
    art = Article(text=text, published="2024-10-20")
    for name, stage in (("money", money), ("percentages", percentages), ("quantities", quantities)):
        art.add(name, stage.extract(art))
    found = [s for s in extract(art) if figure in text[s.get("figure_start") : s.get("figure_end")]]
    assert len(found) == 1, f"{figure!r}: {[s.attrs for s in found]}"
    return found[0].get("kind")


# sentence, figure, kind
KINDS = [
    # an estimated change is an estimate
    ("Tốc độ tăng trưởng kinh tế ước tăng 7,4% so với cùng kỳ.", "7,4%", "estimate"),
    ("Kim ngạch nhập khẩu ước giảm 2,1% so với cùng kỳ.", "2,1%", "estimate"),
    ("Kim ngạch nhập khẩu giảm 2,1% so với cùng kỳ.", "2,1%", "change"),
    # "ước cả năm … đạt": the "đạt" does not end the estimate it belongs to
    ("Thu ngân sách ước cả năm đạt 2.300 tỷ đồng.", "2.300", "estimate"),
    ("Ước cả năm tổng mức bán lẻ hàng hóa đạt 41.000 tỷ đồng.", "41.000", "estimate"),
    # … but a later "đạt", after a figure and a break, does
    ("Xuất khẩu ước đạt 900 triệu USD; thu ngân sách đạt 610 tỷ đồng.", "610", "actual"),
    # a bare percentage reached after a planned amount is a share of the plan
    (
        "Huyện được giao kế hoạch vốn 800 tỷ đồng, đến nay đã giải ngân 520 tỷ đồng, đạt 65%.",
        "65%",
        "share_of_plan",
    ),
    ("Dự toán thu là 1.200 tỷ đồng, đến nay đã thu 1.020 tỷ đồng, tương đương 85%.", "85%", "share_of_plan"),
    ("Có 6 chủ đầu tư giải ngân trên 70%.", "70%", "share_of_plan"),
    # … not when the percentage is a share of the noun after it, or of a total
    ("Khu công nghiệp đã thu hồi 150 ha, đạt 60% diện tích quy hoạch.", "60%", "share_of_total"),
    ("Bàn giao 12 km trên tổng chiều dài 15 km, đạt 80%.", "80%", "share_of_total"),
    ("Thực hiện kế hoạch năm 2024, tỷ lệ trẻ em được tiêm chủng đạt 98%.", "98%", "share_of_total"),
    # a field of work or a purpose named with a target word is not a target
    (
        "Trong công tác bảo đảm an ninh trật tự, công an đã xử lý 300 vụ; tạm giữ 45 phương tiện.",
        "45 phương",
        "actual",
    ),
    ("Nhằm đảm bảo tiến độ, huyện chi trả 12 tỷ đồng cho các hộ dân.", "12 tỷ", "actual"),
    ("Tỉnh phấn đấu bảo đảm giải ngân 95% kế hoạch vốn.", "95%", "target"),
    # "dự kiến" in the figure's clause forecasts the current period; a later year is a target
    ("Dự kiến cả năm thu ngân sách đạt 1.900 tỷ đồng.", "1.900", "estimate"),
    ("Chương trình có kinh phí dự kiến 8 tỷ đồng.", "8 tỷ", "estimate"),
    ("Dự kiến năm 2026 thu ngân sách đạt 2.500 tỷ đồng.", "2.500", "target"),
    ("Tỉnh dự kiến xem xét các nghị quyết, trong đó có đề án với tổng vốn 600 tỷ đồng.", "600", "target"),
    # a place in a leading group is a rank
    ("Kim ngạch xuất khẩu đứng trong nhóm 10 địa phương dẫn đầu cả nước.", "nhóm 10", "rank"),
    ("Chỉ số PCI của tỉnh nằm trong top 20 cả nước.", "top 20", "rank"),
    ("Chỉ số PCI của tỉnh xếp thứ 7/63.", "thứ 7", "rank"),
]


@pytest.mark.parametrize(("text", "figure", "kind"), KINDS)
def test_kinds_of_figures(text, figure, kind):
    assert kind_of_figure(text, figure) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Ước cả năm thu ngân sách đạt 1.455 tỷ đồng, phấn đấu đạt 30.000 tỷ; đã giải ngân 64,4%",
        "Mục tiêu năm 2025 đạt 98%, kết quả đạt được 95%, dự kiến đạt(5%) tăng5% được giao 12 chỉ tiêu",
        "bằng 34% kế hoạch năm, ước tính đạt 8,72%; thực hiện được 7 dự án, ước đạt 12",
    ],
)
def test_kinds_words_before_a_figure_from_one_scan_of_the_stretch(sentence):
    """_cues_before shares one scan of the sentence (or segment) among its figures: it must find
    what a scan that stops at the figure finds, wherever the figure stands."""
    for place in ("segment", "sentence"):
        for upto in range(len(sentence) + 1):
            got = _cues_before(sentence, place, (0, len(sentence)), upto)
            expected = _scanned.__wrapped__(sentence, place, 0, upto)
            assert [(c.start, c.end, c.value) for c in got] == [(c.start, c.end, c.value) for c in expected]


@pytest.mark.parametrize(
    "text",
    [
        "bằng 34% kế hoạch năm, vượt kế hoạch đề ra",
        "giải ngân vốn  kế hoạch; so với\nkế hoạch, theo kế hoạch, gấp 2 lần kế hoạch",
        "ĐẠT kế hoạch, GIẢI NGÂN kế hoạch, xđạt kế hoạch, đạt x kế hoạch",
        "   kế hoạch, đạt\n\n\nkế hoạch, ı kế hoạch, SO VỚI" + " " * 30 + "kế hoạch",
    ],
)
def test_is_a_base_as_the_plain_regex(text):
    """_is_a_base looks at the last character before the cue first: it must answer what
    _BASE_BEFORE alone answers, at every place of the text."""
    for start in range(len(text) + 1):
        cue = Cue(start, start, "target", "")
        expected = _BASE_BEFORE.search(text, max(0, start - BASE_WINDOW), start) is not None
        assert _is_a_base(text, cue) == expected
