"""Period expressions: the words that say which time a figure belongs to, and their roles.

:func:`find_periods` finds every period expression with its role:

- ``point``: a period figures belong to: "năm 2024" → ``2024``, "6 tháng đầu năm" → ``H1``,
  "quý I/2023" → ``2023-Q1``, "11 tháng" → ``M11``, "tháng 5/2024" → ``2024-05``,
  "từ đầu năm đến nay" (year to date, read against the publication month);
- ``plan``: a year named as the one planned for ("triển khai nhiệm vụ năm 2024"): the period of
  figures next to it, but not the year an expression that leaves it unsaid belongs to;
- ``term``: "nhiệm kỳ 2020-2025", "giai đoạn 2021 - 2025" → ``2020/2025``; a term carries to the
  rest of its paragraph ("Nhiệm kỳ 2020 - 2025, … . Tổng thu 5 năm đạt …") unless it names the
  term of a body ("Đại hội … nhiệm kỳ 2025 - 2030", "Ban Chấp hành … nhiệm kỳ …");
- ``span``: "5 năm qua", "sau 5 năm" → the term of that length named earlier ("2020/2025"), else
  the N years up to the publication year; it speaks for its own sentence only;
- ``base``: a comparison base, never the figure's period: "(so với) cùng kỳ năm 2021",
  "so với năm trước", and any period written after "so với" ("so với 6 tháng đầu năm");
- ``date``: a day named in passing ("ngày 10 tháng 12 năm 2024", "15/7/2023"), never a period;
  but "đến ngày 15/8/2024" (as of) gives ``2024-08`` and "đến hết tháng 9" gives ``M9``; a start
  point ("từ tháng 11/2023 đến nay", "kể từ năm 2020", "từ ngày 1/7 đến nay", role ``since``) is
  not a period either: the figures of its sentence run up to now and take the publication year;
  a badge round named by its day ("Huy hiệu Đảng đợt 7/11") is that month.

Not every period becomes the article's running period: one singled out by "riêng"/"trong đó"
("Riêng quý III, …") speaks for its own sentence only, and one a target is set for ("phấn đấu 6
tháng cuối năm …") only for the rest of its paragraph (``PeriodMention.carries``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from extractors.period_starts import build_scans, candidates, finditer, lower_case

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
MONTHS_TO_PART = {3: "Q1", 6: "H1", 12: ""}
# bare "N tháng" (no "đầu năm", no year) is a reporting period only for these N
BARE_MONTH_SPANS = (6, 8, 9, 10, 11)
_NOT_A_SPAN = re.compile(r"\s+(?:tuổi|tới|sau|trước|nữa)(?!\w)", re.IGNORECASE)
MIN_SPAN_YEARS, MAX_SPAN_YEARS = 2, 10  # "5 năm qua"; not "1 năm", not "70 năm tuổi Đảng"
# "Đại hội … nhiệm kỳ 2025 - 2030", "Ban Chấp hành … nhiệm kỳ …": the term of a body, not a period
# "Đại hội xác định mục tiêu nhiệm kỳ 2025 - 2030": the work of the term, not the body's name
_TERM_OF_WORK = re.compile(
    r"(?<!\w)(?:mục\s+tiêu|xác\s+định|đề\s+ra|phấn\s+đấu|kết\s+quả|thực\s+hiện|đánh\s+giá)(?!\w)",
    re.IGNORECASE,
)
_BODY_TERM = re.compile(
    r"(?:đại\s+hội|ban\s+chấp\s+hành|ban\s+thường\s+vụ|hội\s+đồng\s+nhân\s+dân|HĐND|khóa|khoá|"
    r"lần\s+thứ|bầu|ủy\s+viên|uỷ\s+viên)(?!\w)[^.;:\n]{0,60}$",
    re.IGNORECASE,
)
MONTH_END_DAY = 28
# "nhiệm vụ năm 2024", "phương hướng … năm 2025": a year planned for, not the one reported on
_PLAN_BEFORE = re.compile(
    r"(?:nhiệm\s+vụ|phương\s+hướng|kế\s+hoạch|định\s+hướng)(?:\s+[^\s,;.]+){0,2}\s+$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True, init=False)
class PeriodMention:
    """A period expression: ``part`` is "" (whole year), H1/H2, Q1..Q4, M<n>, MM, or YTD."""

    start: int
    end: int
    role: str  # point | plan | term | span (N years up to now) | base | date | since (a start point)
    part: str = ""
    year: int | None = None
    year2: int | None = None
    carries: str = "yes"  # yes | paragraph (a period aimed for) | no (singled out: "Riêng quý III")
    years: int = 0  # a span's length: "5 năm qua" -> 5

    def __init__(self, start: int, end: int, role: str, part: str = "", year: int | None = None,
                 year2: int | None = None, carries: str = "yes", years: int = 0) -> None:
        # the slots' own setters: twice as fast as the frozen dataclass's object.__setattr__
        _set_start(self, start)
        _set_end(self, end)
        _set_role(self, role)
        _set_part(self, part)
        _set_year(self, year)
        _set_year2(self, year2)
        _set_carries(self, carries)
        _set_years(self, years)

    def code(self, default_year: int | None, published_month: int | None = None) -> str | None:
        """The contract's period code, or None when no year can be found."""
        if self.role == "term":
            return f"{self.year}/{self.year2}"
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        part = self.part
        if part == "YTD":
            months = (published_month - 1) if published_month else 0
            part = MONTHS_TO_PART.get(months, f"M{months}") if months > 0 else ""
        return f"{year}-{part}" if part else str(year)


_MENTION_FIELDS = ("start", "end", "role", "part", "year", "year2", "carries", "years")
_set_start, _set_end, _set_role, _set_part, _set_year, _set_year2, _set_carries, _set_years = (
    vars(PeriodMention)[f].__set__ for f in _MENTION_FIELDS
)


_Y = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_Y2 = r"(?P<y2>(?:19|20)\d{2})(?!\d)"
_OF_YEAR = rf"(?:\s*(?:/|-|năm)?\s*{_Y})?"
_DASH = r"\s*[-–—]\s*"
# "(tính) đến", "(đến) hết", "(so với) cùng": an optional first word written as an alternation
# ("a b|b" for "(?:a )?b"), which matches the same but lets the regex engine pass over most
# positions quickly
_UNTIL = r"(?:tính\s+(?:đến|tới)|đến|tới)"
_UNTIL_END = r"(?:(?:đến|tới)\s+(?:hết|cuối)|hết|cuối)"
_SAME_PERIOD = r"(?:so\s+với\s+cùng|cùng)\s+kỳ"
_UNTIL_STARTS = (r"tính\s+(?:đến|tới)\s", r"đến\s", r"tới\s")


def _base(m: re.Match[str]) -> PeriodMention:
    return PeriodMention(m.start(), m.end(), "base")


def _date(m: re.Match[str]) -> PeriodMention:
    return PeriodMention(m.start(), m.end(), "date")


def _through(m: re.Match[str]) -> PeriodMention | None:
    """ "đến hết tháng 9": the months from January up to that one."""
    n = int(m["n"])
    if not 1 <= n <= 12:
        return None
    part = MONTHS_TO_PART.get(n, f"M{n}")
    return PeriodMention(m.start(), m.end(), "point", part, _year_of(m))


def _as_of(m: re.Match[str]) -> PeriodMention | None:
    """ "đến ngày 31/8/2025": January to August (a month's end); "đến ngày 15/8": August."""
    day, n = int(m["d"]), int(m["n"])
    if not 1 <= n <= 12:
        return None
    part = MONTHS_TO_PART.get(n, f"M{n}") if day >= MONTH_END_DAY else f"{n:02d}"
    return PeriodMention(m.start(), m.end(), "point", part, _year_of(m))


def _term(m: re.Match[str]) -> PeriodMention:
    years = int(m["y"]), int(m["y2"])
    return PeriodMention(m.start(), m.end(), "term", year=years[0], year2=years[1], carries="paragraph")


def _span(m: re.Match[str]) -> PeriodMention | None:
    n = int(m["n"])
    if not MIN_SPAN_YEARS <= n <= MAX_SPAN_YEARS or not (m["pre"] or m["post"]):
        return None
    if not m["post"] and _NOT_A_SPAN.match(m.string, m.end()):
        return None  # "sau 5 năm tới", "trong 3 năm tuổi"
    return PeriodMention(m.start(), m.end(), "span", carries="no", years=n)


def _round(m: re.Match[str]) -> PeriodMention | None:
    """ "Huy hiệu Đảng đợt 7/11": the round awarded on that day, so that month."""
    n = int(m["n"])
    if not 1 <= n <= 12 or not 1 <= int(m["d"]) <= 31:
        return None
    return PeriodMention(m.start(), m.end(), "point", f"{n:02d}")


def _year(m: re.Match[str]) -> PeriodMention:
    return PeriodMention(m.start(), m.end(), "point", "", _year_of(m))


def _half(m: re.Match[str]) -> PeriodMention:
    return PeriodMention(m.start(), m.end(), "point", "H1" if m["h"].lower() == "đầu" else "H2", _year_of(m))


def _quarter(m: re.Match[str]) -> PeriodMention:
    q = m["q"].lower()
    return PeriodMention(m.start(), m.end(), "point", f"Q{ROMAN.get(q) or int(q)}", _year_of(m))


def _months(m: re.Match[str]) -> PeriodMention | None:
    n = int(m["n"])
    if not 2 <= n <= 12:
        return None
    explicit = m["y"] or m["tail"]
    if not explicit and n not in BARE_MONTH_SPANS:
        return None
    part = MONTHS_TO_PART.get(n, f"M{n}")
    return PeriodMention(m.start(), m.end(), "point", part, _year_of(m))


def _month(m: re.Match[str]) -> PeriodMention | None:
    n = int(m["n"])
    if not 1 <= n <= 12:
        return None
    return PeriodMention(m.start(), m.end(), "point", f"{n:02d}", _year_of(m))


def _ytd(m: re.Match[str]) -> PeriodMention:
    year = _year_of(m)
    return PeriodMention(m.start(), m.end(), "point", "" if year else "YTD", year)


def _year_of(m: re.Match[str]) -> int | None:
    return _int(m["y"]) if "y" in m.re.groupindex else None  # not every pattern names a year


def _int(s: str | None) -> int | None:
    return int(s) if s else None


Builder = Callable[[re.Match[str]], PeriodMention | None]

# In priority order: where two expressions overlap, the earlier pattern wins. Each pattern is led
# by what its first two or three characters can be (a lookahead: "so|cù" for "so với cùng kỳ" |
# "cùng kỳ"), and says where in the lower-cased text a match of it can begin (its starts, see
# :func:`_candidates`): one scan of the text for those places replaces a scan by each pattern.
# A start is a regex over the lower-cased text led by two letters, where a match begins ("so\s+với\s";
# "hoạch »…": right after "hoạch "), or "N <word>": a number of one or two digits before the spaces
# before <word> ("N tháng" for "6 tháng"), or right before "/" ("N /" for "15/7/2023"). Every match
# of the pattern must begin at one of its starts (tests/extractors/test_periods.py checks it).
_LED_PATTERNS: tuple[tuple[str, str, Builder, tuple[str, ...]], ...] = (
    ("so|cù", rf"{_SAME_PERIOD}(?:\s+năm\s+(?:{_Y}|trước|ngoái))?", _base, (r"so\s+với\s", r"cùng\s+kỳ")),
    ("so", rf"so\s+với\s+(?:cả\s+|đầu\s+|cuối\s+)?năm\s+(?:{_Y}|trước|ngoái)", _base, (r"so\s+với\s",)),
    ("tí|đế|tớ", rf"{_UNTIL}\s+(?:hết\s+)?tháng\s+(?P<n>\d{{1,2}}){_OF_YEAR}(?![\d/])", _through,
     _UNTIL_STARTS),
    ("tí|đế|tớ", rf"{_UNTIL}\s+(?:hết\s+)?ngày\s+(?P<d>\d{{1,2}})\s*/\s*(?P<n>\d{{1,2}})"
     rf"(?:\s*/\s*{_Y})?", _as_of, _UNTIL_STARTS),
    ("tí|đế|tớ", rf"{_UNTIL}\s+(?:hết\s+)?(?P<d>\d{{1,2}})/(?P<n>\d{{1,2}})/{_Y}", _as_of, _UNTIL_STARTS),
    (r"ngà|\d[\d/]", r"ngày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}(?:\s*(?:/|năm)\s*\d{4})?"
     r"|(?<![\d/])\d{1,2}/\d{1,2}/\d{4}", _date, (r"ngày\s+\d", "N /")),
    ("nh|gi|nă|ni", rf"(?:nhiệm\s+kỳ|giai\s+đoạn|năm\s+học|niên\s+khóa)\s+{_Y}{_DASH}{_Y2}", _term,
     (r"nhiệm\s+kỳ\s", r"giai\s+đoạn\s", r"năm\s+học\s", r"niên\s+khóa\s")),
    ("từ", rf"từ\s+năm\s+{_Y}\s+(?:đến|tới)\s+(?:năm\s+)?{_Y2}", _term, (r"từ\s+năm",)),
    (r"sa|tr|qu|\d[\d\s]", r"(?<![\w.,])(?:(?P<pre>sau|trong|qua)\s+)?(?P<n>\d{1,2})\s+năm"
     r"(?P<post>\s+(?:qua|vừa\s+qua|gần\s+đây))?(?!\w)", _span,
     (r"sau\s+\d", r"trong\s+\d", r"qua\s+\d", "N năm")),
    ("đợ", r"đợt\s+(?P<d>\d{1,2})\s*/\s*(?P<n>\d{1,2})(?![\d/])", _round, (r"đợt\s+\d",)),
    (r"6\s|sá", rf"(?:6|sáu)\s+tháng\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?:nay|{_Y}))?", _half,
     (r"sáu\s+tháng\s", "N tháng")),
    ("nử", rf"nửa\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?:nay|{_Y}))?", _half, (r"nửa\s",)),
    ("qu", rf"quý\s+(?P<q>IV|III|II|I|[1-4])(?!\w){_OF_YEAR}", _quarter, (r"quý\s",)),
    (r"\d[\d\s]", rf"(?<![\w.,])(?P<n>\d{{1,2}})\s+tháng(?P<tail>\s+(?:đầu\s+năm|năm\s+nay))?{_OF_YEAR}",
     _months, ("N tháng",)),
    ("đế|tớ|hế|cu", rf"{_UNTIL_END}\s+năm(?:\s+{_Y})?", _year,
     (r"đến\s", r"tới\s", r"hết\s+năm", r"cuối\s+năm")),
    ("từ", rf"từ\s+đầu\s+năm(?:\s+{_Y})?(?:\s+(?:đến|tới)\s+nay)?", _ytd, (r"từ\s+đầu",)),
    ("th", rf"tháng\s+(?P<n>\d{{1,2}}){_OF_YEAR}(?![\d/])(?!\s+(?:tới|sau|trước|tiếp)(?!\w))", _month,
     (r"tháng\s+\d",)),
    ("nă|na|19|20", rf"(?:năm\s+tài\s+chính\s+|năm\s+|(?<=kế hoạch )|(?<=dự toán ))(?:{_Y}|nay)", _year,
     (r"năm\s+(?:tài\s|nay|19|20)", r"hoạch »(?<=kế hoạch )(?:19|20|nay)",
      r"toán »(?<=dự toán )(?:19|20|nay)")),
    ("cả", r"cả\s+năm(?!\s+(?:19|20)\d\d)", _year, (r"cả\s+năm",)),
)
PATTERNS: tuple[tuple[re.Pattern[str], Builder], ...] = tuple(
    (re.compile(rf"(?={lead}){p}", re.IGNORECASE), b) for lead, p, b, _ in _LED_PATTERNS
)

_WORD_SCANS, _FOUND_AT = build_scans(tuple(starts for *_, starts in _LED_PATTERNS))


def _candidates(lower: str, start: int = 0, end: int | None = None) -> list[list[int]]:
    """For each pattern, the places in ``[start, end)`` where a match of it may begin (see
    :mod:`extractors.period_starts`)."""
    return candidates(lower, _WORD_SCANS, _FOUND_AT, len(PATTERNS), start, end)


# a period written after these words is what a figure is compared with: "so với 6 tháng đầu năm"
_COMPARED_WITH = re.compile(
    r"(?<!\w)so(?:\s+với)?\s+(?:(?:cùng\s+)?(?:kỳ|thời\s+điểm|mức|kết\s+quả|số\s+liệu)\s+)?(?:của\s+)?$",
    re.IGNORECASE,
)
# "từ tháng 11/2023 (đến nay)": where a figure starts counting, not its period (unless "… đến tháng 9")
_SINCE = re.compile(r"(?<!\w)(?:kể\s+)?từ\s+(?:sau\s+)?$", re.IGNORECASE)
_UP_TO_NOW = re.compile(r"\s*(?:đến|tới)\s+nay(?!\w)", re.IGNORECASE)
_UNTIL_PERIOD = re.compile(r"\s*(?:đến|tới)\s+(?:hết\s+)?(?:tháng|quý|năm\s+(?:19|20)\d\d)", re.IGNORECASE)
# "Riêng quý III, …", "trong đó tháng 9 …": a period singled out from the running one
_SINGLED_OUT = re.compile(r"(?<!\w)(?:riêng|trong\s+đó)(?:\s+(?:trong|tại|ở))?\s+$", re.IGNORECASE)
# "Phấn đấu 6 tháng cuối năm …", "mục tiêu năm 2025": a period a target is set for
_AIMED = re.compile(
    r"(?<!\w)(?:phấn\s+đấu|mục\s+tiêu(?!\s+quốc\s+gia)|phương\s+hướng|định\s+hướng)(?!\w)", re.IGNORECASE
)
_AIM_BEFORE = 25  # "phấn đấu đến năm 2025 …", "mục tiêu năm 2025"
_AIM_AFTER = 30  # "6 tháng cuối năm, tỉnh phấn đấu …"
_QUALIFIED = re.compile(r"(?:hơn|gần|khoảng|trên|dưới|sau|trong vòng|mất)\s*$", re.IGNORECASE)


def find_periods(text: str) -> list[PeriodMention]:
    """Every period expression in ``text``, left to right, not overlapping: where two overlap, the
    one of the earlier pattern (each pattern's matches do not overlap one another)."""
    return periods_between(text, lower_case(text), 0, len(text))


def stretch_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The shortest stretch of ``text`` around ``[start, end)`` that :func:`periods_between` can
    read on its own: from the start of the text or right after a ".", to the end of the text or
    right after a "." (no period expression holds a ".", so none runs across either end)."""
    return text.rfind(".", 0, start) + 1, text.find(".", max(end - 1, 0)) + 1 or len(text)


def periods_between(text: str, lower: str | None, start: int, end: int) -> list[PeriodMention]:
    """The period expressions of :func:`find_periods` that begin in ``[start, end)``, a stretch
    :func:`stretch_around` gives (``lower``: the text lower-cased by
    :func:`extractors.period_starts.lower_case`; None takes the whole text)."""
    if lower is None and (start, end) != (0, len(text)):
        return [m for m in periods_between(text, None, 0, len(text)) if start <= m.start < end]
    places = _candidates(lower, start, end) if lower is not None else None
    out: list[PeriodMention] = []
    starts: list[int] = []  # out's, and its ends: those found so far, left to right
    ends: list[int] = []
    for rank, (pat, build) in enumerate(PATTERNS):
        if places is not None and not places[rank]:
            continue  # no place where it may begin
        for m in pat.finditer(text) if places is None else finditer(pat, text, places[rank]):
            pm = build(m)
            if pm is None:
                continue
            if build is _months and not pm.year and _QUALIFIED.search(text, max(0, pm.start - 12), pm.start):
                continue  # "hơn 1 tháng", "sau 6 tháng": a duration
            at = bisect_left(starts, pm.end)  # those before ``at`` begin before pm ends
            if at and ends[at - 1] > pm.start:
                continue
            starts.insert(at, pm.start)
            ends.insert(at, pm.end)
            out.insert(at, _in_context(text, pm, lower))
    return out


# words one of which a regex's match must hold, to look for in the lower-cased text first
_BODY_WORDS = ("hội", "hành", "vụ", "hđnd", "khóa", "khoá", "thứ", "bầu", "viên")  # _BODY_TERM
_SO = ("so",)  # _COMPARED_WITH
_TU = ("từ",)  # _SINCE
_PLAN_WORDS = ("vụ", "hướng", "hoạch")  # _PLAN_BEFORE
_SINGLING_WORDS = ("riêng", "đó")  # _SINGLED_OUT
_AIM_WORDS = ("đấu", "mục", "hướng")  # _AIMED ("mục tiêu", not the "chỉ tiêu" of every report)
_PREFILTER_WORDS = (_BODY_WORDS, _SO, _TU, _PLAN_WORDS, _SINGLING_WORDS, _AIM_WORDS)
# how far before a point the checks of :func:`_in_context` read (_PLAN_BEFORE's 40 the furthest),
# and every word one of which they need there: with none, only a target named after it counts
_CONTEXT_REACH = 40
_CONTEXT_WORDS = re.compile("|".join(dict.fromkeys(_SO + _TU + _PLAN_WORDS + _SINGLING_WORDS + _AIM_WORDS)))


def _search(
    pattern: re.Pattern[str], text: str, lower: str | None, start: int, end: int, words: tuple[str, ...]
) -> re.Match[str] | None:
    """``pattern.search(text, start, end)``, not run when ``lower`` (the text lower-cased) holds
    none of the ``words`` one of which its match must hold."""
    if lower is not None:
        for word in words:
            if lower.find(word, start, end) >= 0:
                break
        else:
            return None
    return pattern.search(text, start, end)


def _changed(pm: PeriodMention, role: str = "", carries: str = "") -> PeriodMention:
    """``dataclasses.replace(pm, role=…, carries=…)``, several times faster."""
    return PeriodMention(
        pm.start, pm.end, role or pm.role, pm.part, pm.year, pm.year2, carries or pm.carries, pm.years
    )


def _in_context(text: str, pm: PeriodMention, lower: str | None = None) -> PeriodMention:
    """The mention's role and how far it carries, from the words around it (``lower``: the text
    lower-cased by :func:`extractors.period_starts.lower_case`, or None)."""
    start, end = pm.start, pm.end
    if pm.role == "term":
        body = _search(_BODY_TERM, text, lower, max(0, start - 80), start, _BODY_WORDS)
        if body and not _TERM_OF_WORK.search(text, body.start(), start):
            return _changed(pm, carries="no")
    if pm.role == "date" and _search(_SINCE, text, lower, max(0, start - 12), start, _TU):
        return _changed(pm, role="since") if _UP_TO_NOW.match(text, end) else pm  # "từ ngày 1/7 đến nay"
    if pm.role not in ("point", "plan"):
        return pm
    if lower is not None and _CONTEXT_WORDS.search(lower, max(0, start - _CONTEXT_REACH), start) is None:
        aim_after = _search(_AIMED, text, lower, end, min(len(text), end + _AIM_AFTER), _AIM_WORDS)
        if aim_after and "." not in text[end : aim_after.start()]:
            return _changed(pm, carries="paragraph")
        return pm  # none of the checks below can find what it looks for before the mention
    if _search(_COMPARED_WITH, text, lower, max(0, start - 30), start, _SO):
        return _changed(pm, role="base")
    if _search(_SINCE, text, lower, max(0, start - 12), start, _TU) and not _UNTIL_PERIOD.match(text, end):
        return _changed(pm, role="since")
    if pm.role == "point" and not pm.part and _search(
        _PLAN_BEFORE, text, lower, max(0, start - 40), start, _PLAN_WORDS
    ):
        pm = _changed(pm, role="plan")
    if _search(_SINGLED_OUT, text, lower, max(0, start - 16), start, _SINGLING_WORDS):
        return _changed(pm, carries="no")
    # the sentence's (or line's) last 25 characters before the mention
    near = max(0, start - _AIM_BEFORE)
    since = max(text.rfind(". ", near, start), text.rfind("\n", near, start), start - _AIM_BEFORE) + 1
    aim_after = _search(_AIMED, text, lower, end, min(len(text), end + _AIM_AFTER), _AIM_WORDS)
    if _search(_AIMED, text, lower, since, start, _AIM_WORDS) or (
        aim_after and "." not in text[end : aim_after.start()]
    ):
        return _changed(pm, carries="paragraph")
    return pm
