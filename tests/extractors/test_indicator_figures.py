"""The figures the indicators stage reads: earlier stages' spans and ranks, in text order."""

from __future__ import annotations

import pytest

from extractors.indicator_figures import figures
from pipeline.article import Article
from pipeline.runner import extract_article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tỉnh xếp thứ 5/63 cả nước.", [("rank", "rank", 5.0, 63.0)]),
        ("Chỉ số PCI đứng trong nhóm 10 tỉnh dẫn đầu.", [("rank", "rank", 10.0, None)]),
        (
            "GRDP tăng 7,5%, thu ngân sách đạt 1.200 tỷ đồng.",
            [("percentages", "percent", 7.5, None), ("money", "VND", 1.2e12, None)],
        ),
        ("Toàn tỉnh kết nạp 312 đảng viên mới.", [("quantities", "party_member", 312.0, None)]),
        ("Hội nghị diễn ra trong không khí dân chủ.", []),
    ],
)
def test_indicator_figures_in_text_order(text: str, expected: list[tuple]) -> None:
    article = extract_article(Article(text=text), ["money", "percentages", "quantities"])
    got = [(f.source, f.unit, f.value, f.total) for f in figures(article)]
    assert got == expected
    assert all(text[f.start : f.end] for f in figures(article))
