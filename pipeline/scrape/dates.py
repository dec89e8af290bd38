"""Publication dates as ISO 8601, from meta values, feed dates and Vietnamese page text.

Times without a zone are Vietnam time (+07:00); a date without a time stays ``YYYY-MM-DD``.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7))

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T\s](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
# "Thứ tư, 22/10/2025, 19:25 (GMT+7)", "13/07/2022 15:33", "Ngày đăng 18/03/2019 | 03:25 PM",
# "16/07/2026 - 17:17", "22-10-2025"; also "19:25 22/10/2025" (time first).
_DMY = r"(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4})"
_HM = r"(?P<h>\d{1,2})[:hg](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[AP]M)?"
_GMT = r"(?:\s*\(?GMT\s*(?P<gmt>[+-]\d{1,2})\)?)?"
_TEXT_DATE_TIME = re.compile(_DMY + r"(?:\s*[,|-]?\s*" + _HM + r")?" + _GMT, re.IGNORECASE)
_TEXT_TIME_DATE = re.compile(
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[AP]M)?\s*[,|-]?\s*(?:ngày\s*)?"
    + _DMY
    + _GMT,
    re.IGNORECASE,
)


def _build(
    y: int,
    mo: int,
    d: int,
    h: int | None = None,
    mi: int | None = None,
    s: int | None = None,
    tz: timezone | None = None,
) -> str | None:
    try:
        if h is None:
            return datetime(y, mo, d).date().isoformat()
        return datetime(y, mo, d, h, mi or 0, s or 0, tzinfo=tz or VIETNAM).isoformat()
    except ValueError:
        return None


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def iso_datetime(value: str | None) -> str | None:
    """An ISO-like or RFC 822 date string (meta tags, JSON-LD, feeds) as ISO 8601; else None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    m = _ISO.search(value)
    if m:
        g = m.groupdict()
        h = int(g["h"]) if g["h"] is not None else None
        return _build(
            int(g["y"]), int(g["mo"]), int(g["d"]), h, int(g["mi"] or 0), int(g["s"] or 0), _zone(g["tz"])
        )
    try:
        when = email.utils.parsedate_to_datetime(value)  # RSS pubDate: "Wed, 22 Oct 2025 19:25:52 +0700"
    except (TypeError, ValueError, IndexError):
        return date_in_text(value)
    if when.tzinfo is None:
        when = when.replace(tzinfo=VIETNAM)
    return when.isoformat()


def date_in_text(text: str | None) -> str | None:
    """The first day/month/year date (with its time when given) in page text, as ISO 8601."""
    if not text:
        return None
    candidates = [m for m in (_TEXT_TIME_DATE.search(text), _TEXT_DATE_TIME.search(text)) if m]
    if not candidates:
        return None
    m = min(candidates, key=lambda c: c.start())
    g = m.groupdict()
    h = int(g["h"]) if g.get("h") is not None else None
    if h is not None and g.get("ampm"):
        h = h % 12 + (12 if g["ampm"].upper() == "PM" else 0)
    tz = timezone(timedelta(hours=int(g["gmt"]))) if g.get("gmt") else None
    mi = int(g["mi"]) if g.get("mi") is not None else None
    s = int(g["s"]) if g.get("s") is not None else None
    return _build(int(g["y"]), int(g["mo"]), int(g["d"]), h, mi, s, tz)


def date_part(iso: str | None) -> str | None:
    """``YYYY-MM-DD`` of an ISO date or datetime (for ``--since`` comparisons)."""
    return iso[:10] if iso and len(iso) >= 10 else None
