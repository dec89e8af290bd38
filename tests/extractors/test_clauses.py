import pytest

from extractors import money, percentages, quantities
from extractors.clauses import is_dependent
from extractors.indicators import extract
from pipeline.article import Article


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
