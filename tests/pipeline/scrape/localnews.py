"""A small news site written for these tests: three articles, an RSS feed, a listing page.

All text here is our own (invented provincial news), not copied from any site.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Story:
    path: str
    title: str
    published: str  # ISO 8601, as the page's meta tag gives it
    author: str
    paragraphs: tuple[str, ...]


STORIES = (
    Story(
        "/kinh-te/phu-tho-khoi-cong-cum-cong-nghiep-10001.htm",
        "Phú Thọ khởi công cụm công nghiệp mới ở phía nam tỉnh",
        "2025-09-03T08:15:00+07:00",
        "Minh Châu",
        (
            "Sáng 3/9, UBND tỉnh Phú Thọ tổ chức lễ khởi công cụm công nghiệp Tam Hồng với diện tích 75 ha.",
            "Tổng vốn đầu tư giai đoạn một là 1.250 tỷ đồng, dự kiến thu hút 40 doanh nghiệp và tạo việc làm "
            "cho khoảng 6.000 lao động địa phương.",
            "Phó Chủ tịch UBND tỉnh đề nghị chủ đầu tư bảo đảm tiến độ, hoàn thành hạ tầng trong năm 2026.",
        ),
    ),
    Story(
        "/xa-hoi/vinh-yen-mo-rong-truong-hoc-10002.htm",
        "Vĩnh Yên mở rộng ba trường tiểu học trước năm học mới",
        "2025-08-20T16:40:00+07:00",
        "Thu Hà",
        (
            "Thành phố Vĩnh Yên hoàn thành mở rộng ba trường tiểu học với 36 phòng học mới "
            "trước ngày khai giảng.",
            "Tổng kinh phí hơn 85 tỷ đồng từ ngân sách tỉnh và thành phố; tỷ lệ phòng học kiên cố đạt 98,5%.",
            "Ngành giáo dục cho biết sĩ số bình quân mỗi lớp giảm từ 42 xuống 35 học sinh.",
        ),
    ),
    Story(
        "/nong-nghiep/yen-lac-thu-hoach-lua-10003.htm",
        "Yên Lạc thu hoạch lúa mùa, năng suất tăng 4%",
        "2025-10-12T07:05:00+07:00",
        "Quang Nam",
        (
            "Nông dân huyện Yên Lạc đã thu hoạch được 70% diện tích lúa mùa, "
            "năng suất bình quân đạt 58 tạ/ha.",
            "So với cùng kỳ năm trước, năng suất tăng 4%, sản lượng ước đạt 32.000 tấn.",
            "Huyện khuyến cáo bà con làm đất sớm để kịp gieo trồng cây vụ đông trên 1.200 ha.",
        ),
    ),
)

NAV = "".join(
    f'<li><a href="/{c}">{c.title()}</a></li>' for c in ("kinh-te", "xa-hoi", "nong-nghiep", "the-thao")
)


def article_html(
    story: Story,
    *,
    canonical: str | None = None,
    meta_date: bool = True,
    charset: str = "utf-8",
    byline_in_body: bool = False,
) -> str:
    """An article page: navigation, title, date meta, body paragraphs, related links, footer."""
    date_meta = f'<meta property="article:published_time" content="{story.published}">' if meta_date else ""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    paras = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    byline = f'<p class="byline"><strong>{escape(story.author)}</strong></p>' if byline_in_body else ""
    day, time = (
        story.published[8:10] + "/" + story.published[5:7] + "/" + story.published[:4],
        story.published[11:16],
    )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}"><title>{escape(story.title)} - Báo Thử Nghiệm</title>
<meta property="og:title" content="{escape(story.title)}">{date_meta}
<meta name="author" content="{escape(story.author)}">{link}
</head><body>
<header><nav><ul>{NAV}</ul></nav></header>
<main><article>
<h1>{escape(story.title)}</h1>
<div class="meta"><span class="date">{day} {time}</span></div>
<div class="content">{paras}{byline}</div>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/khac/tin-lien-quan-so-mot-20001.htm">Một tin liên quan khác của báo thử nghiệm</a></li>
</ul></aside></main>
<footer><p>Báo Thử Nghiệm - Giấy phép số 00/GP</p></footer>
</body></html>"""


def rss_feed(base: str, items: list[tuple[str, str, str]]) -> str:
    """RSS 2.0 with (path, title, RFC 822 pubDate) items."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>"
        for p, t, d in items
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Thử Nghiệm</title>'
        f"<link>{base}/</link>{body}</channel></rss>"
    )


PUB_DATES = (
    "Wed, 03 Sep 2025 08:15:00 +0700",
    "Wed, 20 Aug 2025 16:40:00 +0700",
    "Sun, 12 Oct 2025 07:05:00 +0700",
)


def feed_items() -> list[tuple[str, str, str]]:
    return [(s.path, s.title, d) for s, d in zip(STORIES, PUB_DATES, strict=True)]


def listing_html(links: list[tuple[str, str]], next_page: str | None = None) -> str:
    """A category page: many headline links, one-line teasers, no article metadata."""
    items = "".join(
        f'<article class="item"><h3><a href="{p}">{escape(t)}</a></h3><p>Tóm tắt ngắn.</p></article>'
        for p, t in links
    )
    more = f'<a class="next" href="{next_page}">Trang sau</a>' if next_page else ""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Kinh tế - Báo Thử Nghiệm</title></head>"
        f"<body><nav><ul>{NAV}</ul></nav><section>{items}</section>{more}</body></html>"
    )
