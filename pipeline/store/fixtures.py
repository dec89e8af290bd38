"""A small store built in code: three short articles (written for this project) with every span type.

Used by the tests, the notebook's fallback and anyone who wants a store to try queries on
without running the extractors: ``python -m pipeline.store.fixtures data/processed/fixture.db``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pipeline.article import Article
from pipeline.store.loader import LoadReport, load_articles

# (table, the words the span covers, attributes); for indicators the words are the whole sentence.
SpanSpec = tuple[str, str, dict[str, Any]]

FIXTURE_TEXTS: list[dict[str, Any]] = [
    {
        "url": "https://example.vn/tin/thu-ngan-sach-hoa-binh-2023",
        "title": "Hòa Bình: thu ngân sách 6 tháng đạt khá",
        "published": "2023-07-10",
        "source": "example.vn",
        "text": (
            "Sáu tháng đầu năm 2023, thu ngân sách nhà nước trên địa bàn tỉnh Hòa Bình đạt 2.150 tỷ đồng, "
            "bằng 52% dự toán. Năm 2023, tỉnh phấn đấu thu ngân sách 4.100 tỷ đồng. "
            "Ông Trần Minh Khoa, Chủ tịch UBND tỉnh Hòa Bình, ký Quyết định số 812/QĐ-UBND ngày 3/7/2023."
        ),
        "spans": [
            ("money", "2.150 tỷ đồng", {"value": 2150e9, "high": None, "currency": "VND", "approx": None}),
            ("money", "4.100 tỷ đồng", {"value": 4100e9, "high": None, "currency": "VND", "approx": None}),
            ("percentages", "52%", {"value": 52, "high": None, "approx": None}),
            ("indicators", "Sáu tháng đầu năm 2023, thu ngân sách nhà nước trên địa bàn tỉnh Hòa Bình đạt "
             "2.150 tỷ đồng, bằng 52% dự toán.",
             {"indicator": "budget_revenue", "label": "thu ngân sách nhà nước", "value": 2150e9, "high": None,
              "unit": "VND", "approx": None, "kind": "actual", "period": "2023-H1", "location": "Hòa Bình"}),
            ("indicators", "Sáu tháng đầu năm 2023, thu ngân sách nhà nước trên địa bàn tỉnh Hòa Bình đạt "
             "2.150 tỷ đồng, bằng 52% dự toán.",
             {"indicator": "budget_revenue", "label": "thu ngân sách nhà nước", "value": 52, "high": None,
              "unit": "percent", "approx": None, "kind": "share_of_plan", "period": "2023-H1",
              "location": "Hòa Bình"}),
            ("indicators", "Năm 2023, tỉnh phấn đấu thu ngân sách 4.100 tỷ đồng.",
             {"indicator": "budget_revenue", "label": "thu ngân sách", "value": 4100e9, "high": None,
              "unit": "VND", "approx": None, "kind": "target", "period": "2023", "location": "Hòa Bình"}),
            ("officials", "Trần Minh Khoa", {"title": "Chủ tịch Ủy ban nhân dân tỉnh",
                                             "unit": "Ủy ban nhân dân tỉnh Hòa Bình"}),
            ("units", "UBND tỉnh Hòa Bình", {"name": "Ủy ban nhân dân tỉnh Hòa Bình", "kind": "government"}),
            ("decisions", "Quyết định số 812/QĐ-UBND ngày 3/7/2023",
             {"type": "Quyết định", "number": "812/QĐ-UBND", "date": "2023-07-03",
              "issuer": "Ủy ban nhân dân tỉnh Hòa Bình"}),
        ],
    },
    {
        "url": "https://example.vn/tin/cong-tac-dang-yen-bai",
        "title": "Yên Bái kết nạp đảng viên mới",
        "published": "2023-12-20",
        "source": "example.vn",
        "text": (
            "Năm 2023, Đảng bộ tỉnh Yên Bái kết nạp 1.250 đảng viên, vượt 4,2% kế hoạch. "
            "Bà Lò Thị Mai, Phó Bí thư Tỉnh ủy Yên Bái, phát biểu tại hội nghị. "
            "Ông Trần Minh Khoa dự hội nghị."
        ),
        "spans": [
            ("percentages", "4,2%", {"value": 4.2, "high": None, "approx": "more_than"}),
            ("indicators", "Năm 2023, Đảng bộ tỉnh Yên Bái kết nạp 1.250 đảng viên, vượt 4,2% kế hoạch.",
             {"indicator": "new_party_members", "label": "kết nạp đảng viên", "value": 1250, "high": None,
              "unit": "party_member", "approx": None, "kind": "actual", "period": "2023",
              "location": "Yên Bái"}),
            ("indicators", "Năm 2023, Đảng bộ tỉnh Yên Bái kết nạp 1.250 đảng viên, vượt 4,2% kế hoạch.",
             {"indicator": "new_party_members", "label": "kết nạp đảng viên", "value": 4.2, "high": None,
              "unit": "percent", "approx": "more_than", "kind": "share_of_plan", "period": "2023",
              "location": "Yên Bái"}),
            ("officials", "Lò Thị Mai", {"title": "Phó Bí thư Tỉnh ủy", "unit": "Tỉnh ủy Yên Bái"}),
            ("officials", "Trần Minh Khoa", {"title": None, "unit": None}),
            ("units", "Tỉnh ủy Yên Bái", {"name": "Tỉnh ủy Yên Bái", "kind": "party"}),
        ],
    },
    {
        "url": None,
        "title": "Hòa Bình: tăng trưởng kinh tế năm 2022",
        "published": "2022-12-28",
        "source": None,
        "text": "Năm 2022, tổng sản phẩm trên địa bàn tỉnh Hòa Bình tăng 7,5 - 8,5% so với năm trước.",
        "spans": [
            ("percentages", "7,5 - 8,5%", {"value": 7.5, "high": 8.5, "approx": None}),
            ("indicators",
             "Năm 2022, tổng sản phẩm trên địa bàn tỉnh Hòa Bình tăng 7,5 - 8,5% so với năm trước.",
             {"indicator": "grdp_growth", "label": "tổng sản phẩm trên địa bàn", "value": 7.5, "high": 8.5,
              "unit": "percent", "approx": None, "kind": "change", "period": "2022", "location": "Hòa Bình"}),
        ],
    },
]


def build_article(spec: dict[str, Any]) -> Article:
    """An article from a spec: each span is found by its words (the n-th time for repeated words)."""
    art = Article(text=spec["text"], url=spec["url"], title=spec["title"], published=spec["published"],
                  source=spec["source"])
    by_table: dict[str, list[Any]] = {}
    seen: dict[tuple[str, str], int] = {}
    for table, words, attrs in spec["spans"]:
        nth = seen.get((table, words), 0)
        start = -1
        for _ in range(nth + 1):
            start = art.text.index(words, start + 1)
        seen[(table, words)] = nth + 1 if table != "indicators" else 0
        by_table.setdefault(table, []).append(art.span(start, start + len(words), **attrs))
    for table, spans in by_table.items():
        art.add(table, spans)
    return art


def fixture_articles() -> list[Article]:
    return [build_article(spec) for spec in FIXTURE_TEXTS]


def populate_fixture_store(db_path: str | Path) -> LoadReport:
    return load_articles(db_path, fixture_articles())


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "data/processed/fixture.db")
    print(populate_fixture_store(target))
