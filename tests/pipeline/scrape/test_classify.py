"""Article or listing, on pages written here (the real ones are in test_parse.py)."""

from __future__ import annotations

import pytest

from pipeline.scrape.parse import parse_page

SENTENCE = "Hội đồng nhân dân tỉnh thông qua nghị quyết về kế hoạch đầu tư công trung hạn của địa phương. "
SIDEBAR = "".join(
    f'<li><a href="/tin/bai-so-{n}-10{n:03d}.htm">Tin khác số {n} của cổng thông tin điện tử tỉnh</a></li>'
    for n in range(40)
)


def page(body: str, sidebar: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>Trang - Cổng thông tin</title></head><body>"
        f"<h1>Tiêu đề trang thử nghiệm</h1><main>{body}</main><aside><ul>{sidebar}</ul></aside></body></html>"
    )


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        (
            page("<div>" + f"<p>{SENTENCE * 4}</p>" * 5 + "</div>", SIDEBAR),
            "article",
        ),  # long story, busy portal
        (
            page("<div>" + f"<p>{SENTENCE * 2}</p>" * 3 + "</div>", SIDEBAR[:400]),
            "article",
        ),  # short, few links
        (
            page(
                "<div>"
                + "".join(
                    f'<h3><a href="/t/tin-{n}-10{n:03d}.htm">Tin thứ {n} trong mục kinh tế địa phương</a>'
                    f"</h3><p>{SENTENCE * 2}</p>"
                    for n in range(12)
                )
                + "</div>"
            ),
            "listing",
        ),  # flat teasers
        (page("", SIDEBAR), "listing"),  # links only
        (page("<p>Trang đang bảo trì.</p>"), "empty"),
    ],
    ids=["long-article-busy-sidebar", "short-article", "flat-teaser-listing", "links-only", "maintenance"],
)
def test_classify_page_kind(html: str, kind: str) -> None:
    parsed = parse_page(html, "https://cong.example.gov.vn/tin/bai-viet-10999.htm")
    assert parsed.kind == kind
    assert parsed.is_article is (kind == "article")
    if kind == "listing":
        assert parsed.reason and parsed.reason.startswith("listing page")
