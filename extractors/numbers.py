"""Vietnamese numbers: "44.280" = 44280, "7.776,6" = 7776.6, "18,01" = 18.01, scale words, ranges.

Conventions (EXTRACTION.md): "." groups thousands and "," is the decimal mark. Where a reporter
writes the other way round, the shape decides: "1,455,000" (several comma groups of three) and
"2.5" (a dot not followed by exactly three digits) are read as the English format.

:func:`find_numbers` finds every written quantity with its qualifier and scale:
"hơn 44.280 tỷ", "khoảng từ 7,5 - 8,5", "từ 16 đến 17.000", "16 - 17 nghìn", "3 tỷ 500 triệu".
Money, percentages and quantities are built on it by looking at the word that follows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

# ------------------------------------------------------------------ token tuples

# Qualifiers written before a figure, longest first; the contract's ``approx`` values.
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("khoảng từ", "about"),
    ("trên dưới", "about"),  # "trên dưới 10%": give or take
    ("không dưới", "more_than"),
    ("không ít hơn", "more_than"),
    ("không vượt quá", "less_than"),
    ("vượt quá", "more_than"),
    ("ngót", "nearly"),
    ("ước khoảng", "about"),
    ("ước tính", "about"),
    ("ước đạt", "about"),
    ("ước", "about"),
    ("khoảng", "about"),
    ("chừng", "about"),
    ("xấp xỉ", "nearly"),
    ("gần như", "nearly"),
    ("gần", "nearly"),
    ("suýt soát", "nearly"),
    ("chưa đến", "less_than"),
    ("chưa tới", "less_than"),
    ("không quá", "less_than"),
    ("tối đa", "less_than"),
    ("dưới", "less_than"),
    ("hơn", "more_than"),
    ("trên", "more_than"),
    ("vượt", "more_than"),
    ("ít nhất", "more_than"),
    ("tối thiểu", "more_than"),
)

# Scale words after a figure, longest first.
SCALES: tuple[tuple[str, float], ...] = (
    ("nghìn tỷ", 1e12),
    ("ngàn tỷ", 1e12),
    ("nghìn tỉ", 1e12),
    ("ngàn tỉ", 1e12),
    ("triệu tỷ", 1e15),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
    ("triệu", 1e6),
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("vạn", 1e4),
)
RANGE_WORDS: tuple[str, ...] = ("đến", "tới", "-", "–", "—", "~")

# ------------------------------------------------------------------ patterns


def alternation_by_first_letter(words: Iterable[str], ignore_case: bool = True) -> str:
    r"""The alternation of ``words``, longest first, a space standing for ``\s+``, with the words of
    one first letter behind that letter: "n(?:ghìn\s+tỷ|ghìn)|t(?:riệu|ỷ)". It matches what the
    plain alternation matches (only one group's letter can match a character), but a regex tries
    one letter per group, not every word. (Plain when two first letters match each other.)"""
    ordered = sorted(words, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for w in ordered:
        groups.setdefault(w[0].lower() if ignore_case else w[0], []).append(
            re.escape(w[1:]).replace(r"\ ", r"\s+"))
    if ignore_case and any(
            a != b and re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in groups for b in groups):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


_B = r"(?<![\w.,/])"  # a number does not continue a word, another number or a "1/2"
_DIGITS = r"\d+(?:[.,]\d+)*"
NUMBER = rf"{_B}{_DIGITS}(?!\d|[.,/]\d)"
_SCALE = rf"(?:{alternation_by_first_letter(w for w, _ in SCALES)})(?!\w)"
_QUAL = rf"(?<!\w)(?:{alternation_by_first_letter(w for w, _ in QUALIFIERS)})"
_SEP = r"\s*(?:-|–|—|~)\s*|\s+(?:đến|tới)\s+"
PCT_TAIL_RE = re.compile(r"\s?%|\s+phần\s+trăm(?!\w)", re.IGNORECASE)

# one figure: a number, an optional scale, and an optional "<number> <smaller scale>" tail
_ONE = rf"(?P<{{n}}>{NUMBER})(?:\s*(?P<{{s}}>{_SCALE}))?(?:\s+(?P<{{t}}>{NUMBER})\s*(?P<{{ts}}>{_SCALE}))?"
FIGURE_RE = re.compile(
    rf"(?:(?P<q>{_QUAL})\s+)?(?:(?P<from>từ)\s+)?"
    + _ONE.format(n="n1", s="s1", t="t1", ts="ts1")
    + r"(?P<pct1>\s?%)?"
    + rf"(?:(?P<sep>{_SEP})"
    + _ONE.format(n="n2", s="s2", t="t2", ts="ts2")
    + r")?",
    re.IGNORECASE,
)

# FIGURE_RE where no qualifier or "từ" stands before the number (its groups never take part)
_BARE_FIGURE_RE = re.compile(
    r"(?:(?P<q>(?!))\s+)?(?:(?P<from>(?!))\s+)?" + FIGURE_RE.pattern[FIGURE_RE.pattern.index("(?P<n1>"):],
    re.IGNORECASE,
)
# NUMBER with its first digit matched before the look back: the regex engine skips to digits
NUMBER_RE = re.compile(r"\d(?<![\w.,/]\d)\d*(?:[.,]\d+)*(?!\d|[.,/]\d)")
# what may stand before a figure's first number: a qualifier and "từ", ending right at the number
PREFIX_RE = re.compile(rf"(?:(?:{_QUAL})\s+)?(?:từ\s+)?\Z", re.IGNORECASE)


def reversed_alt(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` written backwards, longest first, to read text right to left (in a
    case-insensitive pattern): :func:`alternation_by_first_letter` of the reversed words (a word's
    parts are one space apart, so the reversed word is its parts reversed, in reverse order)."""
    return alternation_by_first_letter(w[::-1] for w in words)


# the same, read backwards from the number in the reversed text: the longest prefix first
PREFIX_BACKWARDS_RE = re.compile(
    rf"\s+(?:ừt\s+)?(?:{reversed_alt(tuple(w for w, _ in QUALIFIERS))})(?!\w)|\s+ừt|",
    re.IGNORECASE,
)

_NAMED_LIMIT = re.compile(r"(?:lương|mức|giá|vốn|diện\s+tích)\s+$", re.IGNORECASE)
_SCALE_OF = {w: v for w, v in SCALES}
_QUAL_OF = {w: a for w, a in QUALIFIERS}
_DIGITS_RE = re.compile(_DIGITS)
_SPACES = re.compile(r"\s+")
_THOUSANDS_LAST = re.compile(r"\.\d{3}$")
# FIGURE_RE's groups in order, as :func:`_build` unpacks them
_GROUPS = ("q", "from", "n1", "s1", "t1", "ts1", "pct1", "sep", "n2", "s2", "t2", "ts2")
if tuple(FIGURE_RE.groupindex) != _GROUPS:
    raise AssertionError(f"FIGURE_RE groups changed: {tuple(FIGURE_RE.groupindex)}")


# ------------------------------------------------------------------ parsing


def parse_number(s: str) -> float | None:
    """The value of one written number, or None if ``s`` is not a number.

    >>> parse_number("44.280"), parse_number("7.776,6"), parse_number("18,01"), parse_number("1.000.000")
    (44280.0, 7776.6, 18.01, 1000000.0)
    """
    s = s.strip()
    sign = -1.0 if s[:1] in ("-", "\u2212") else 1.0
    s = s[1:] if sign < 0 else s
    if not _DIGITS_RE.fullmatch(s):
        return None
    value = _unsigned(s)
    return None if value is None else sign * value


def _unsigned(s: str) -> float | None:
    if "." not in s and "," not in s:
        return float(s)  # most numbers in news text: "2024", "15"
    dots, commas = s.count("."), s.count(",")
    if dots + commas == 1:  # "44.280" (thousands, as :func:`_grouped` tells), "18,01", "2.5"
        head, sep, tail = s.partition("." if dots else ",")
        thousands = sep == "." and len(head) <= 3 and len(tail) == 3 and not head.startswith("0")
        return float(head + tail) if thousands else float(head + "." + tail)
    if dots and commas:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        grp = "." if dec == "," else ","
        intpart, _, frac = s.rpartition(dec)
        if dec in intpart or not _grouped(intpart, grp):  # "7,5.1.455": two decimal marks
            return None
        return float(intpart.replace(grp, "") + "." + frac)
    sep = "." if dots else ","  # several of one kind: "1.000.000", "1,455,000"
    return float(s.replace(sep, "")) if _grouped(s, sep) else None


def _grouped(s: str, sep: str) -> bool:
    groups = s.split(sep)
    if len(groups) > 1 and groups[0].startswith("0"):
        return False  # "0.500" is a decimal, never a thousands group
    return len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def format_number(value: float, decimals: int | None = None) -> str:
    """Write ``value`` the Vietnamese way: "44.280", "7.776,6".

    >>> format_number(7776.6), format_number(44280)
    ('7.776,6', '44.280')
    """
    neg = value < 0
    if decimals is None:  # the shortest digits that give the value back
        whole, _, frac = format(Decimal(repr(abs(float(value)))), "f").partition(".")
        frac = frac.rstrip("0")
    else:
        whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups) + ("," + frac if frac else "")
    return "-" + out if neg else out


@dataclass(slots=True)  # not frozen: built for every number, and a frozen one is slower to build
class Figure:
    """A written quantity: offsets (qualifier included, unit excluded), value, range end, qualifier."""

    start: int
    end: int
    value: float
    high: float | None
    approx: str | None
    scale: float  # the scale word's factor (1e9 for "tỷ"), 1 when none


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    word = word.lower()
    return _SCALE_OF.get(word) or _SCALE_OF[_SPACES.sub(" ", word)]


def _figure(n: str, s: str | None, t: str | None, ts: str | None) -> tuple[float, float] | None:
    """The value and scale of one figure; ``n`` and ``t`` are numbers as FIGURE_RE found them
    (digits and separators only, so :func:`_unsigned` reads them as :func:`parse_number` would)."""
    v = _unsigned(n)
    if v is None:
        return None
    scale = _scale(s) if s else 1.0
    total = v * scale
    if t is not None:
        tv = _unsigned(t)
        tscale = _scale(ts)
        if tv is None or not s or tscale >= scale:
            return None
        total += tv * tscale
    return total, scale


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every written quantity in ``text[start:end]``, left to right, not overlapping.

    The figures of the last few texts are remembered: money, percentages and quantities all read
    the same article, and only the first of them pays for the scan.
    """
    return list(_figures(text, start, len(text) if end is None else end))


def forget_figures() -> None:
    """Empty the cache of :func:`find_figures` (benchmarks measure the scan itself)."""
    _figures.cache_clear()


@lru_cache(maxsize=8)
def _figures(text: str, start: int, end: int) -> tuple[Figure, ...]:
    """Every figure: each number of one :data:`NUMBER_RE` scan not taken by the figure before it,
    with the longest qualifier and "từ" right before it (read ``backwards``), as :data:`FIGURE_RE`
    matches from there (no number begins inside another: its look-behind refuses a digit after
    a digit, "." or ",", so the scan's numbers from a figure's end are those a search finds)."""
    out: list[Figure] = []
    pos = start
    size = len(text)
    backwards = ""
    for number in NUMBER_RE.finditer(text, start, end):
        at = number.start()
        if at < pos:
            continue  # a number of the figure before ("16 - 17", "3 tỷ 500 triệu")
        if at > pos and text[at - 1].isspace():  # a qualifier or "từ" needs a space before the number
            backwards = backwards or text[::-1]
            first = size - PREFIX_BACKWARDS_RE.match(backwards, size - at).end()  # type: ignore[union-attr]
            if first < pos:  # the prefix began before pos: the longest one from pos, the slow way
                first = PREFIX_RE.search(text, pos, at).start()  # type: ignore[union-attr]
        else:
            first = at
        m = (FIGURE_RE if first < at else _BARE_FIGURE_RE).match(text, first, end)
        if m is None:
            break
        fig = _build(m)
        if fig is None:
            pos = m.end("n1")
            continue
        out.append(fig)
        pos = fig.end  # a rejected range leaves its second figure to be found again
    return tuple(out)


def _build(m: re.Match[str]) -> Figure | None:
    end = m.end()
    if end == m.end(3):  # the number alone (and its qualifier): no scale, range or "%" after it
        value = _unsigned(m.group(3))
        if value is None or not math.isfinite(value):
            return None
        q = m.group(1)
        if not q:  # most figures: nothing to qualify
            return Figure(m.start(), end, value, None, None, 1.0)
        return _qualified(m, q, m.group(2), end, value, None, 1.0)
    q, from_, n1, s1, t1, ts1, pct1, _, n2, s2, t2, ts2 = m.groups()
    one = _figure(n1, s1, t1, ts1)
    if one is None:
        return None
    value, scale = one
    high = None
    ends = m.regs  # (-1, -1) for a group that did not take part
    fig_end = max(ends[3][1], ends[4][1], ends[5][1], ends[6][1])  # n1, s1, t1, ts1
    two = _figure(n2, s2, t2, ts2) if n2 is not None else None
    if two is not None:
        high, scale2 = two
        if not s1 and s2:  # "16 - 17 nghìn": the scale applies to both ends
            value *= scale2
            scale = scale2
        elif (
            not s1 and not s2 and "." not in n1 and _THOUSANDS_LAST.search(n2)
            and value * 1000 <= high <= value * 2000
        ):
            value *= 1000  # "từ 16 đến 17.000": the low end is written in thousands
        end2 = max(ends[9][1], ends[10][1], ends[11][1], ends[12][1])  # n2, s2, t2, ts2
        pct_after = PCT_TAIL_RE.match(m.string, end2) is not None
        if high < value or (pct1 and not pct_after):
            high = None  # a falling pair or "5% - 7 người" is two figures, not a range
        else:
            fig_end = end2
    if not math.isfinite(value) or (high is not None and not math.isfinite(high)):
        return None
    return _qualified(m, q, from_, fig_end, value, high, scale)


def _qualified(m: re.Match[str], q: str | None, from_: str | None, fig_end: int, value: float,
               high: float | None, scale: float) -> Figure:
    """The figure of ``m`` with the approximation its qualifier ``q`` says."""
    approx = None
    start = m.start()
    if q:
        lowered = q.lower()
        approx = _QUAL_OF.get(lowered) or _QUAL_OF[_SPACES.sub(" ", lowered)]
        if lowered.startswith("tối") and _NAMED_LIMIT.search(m.string[max(0, start - 12):start]):
            # "lương tối thiểu 4,68 triệu": the name of a figure, not a qualifier
            approx, start = None, m.start("from") if from_ else m.start("n1")
    return Figure(start, fig_end, value, high, approx, scale)


def percent_tail(text: str, pos: int) -> int | None:
    """End offset of a "%" / "phần trăm" right at ``pos``, else None."""
    m = PCT_TAIL_RE.match(text, pos)
    return m.end() if m else None


# bounds written after a figure and its unit: "từ 5 tỷ đồng trở lên", "80% trở xuống"
_BOUND_AFTER = re.compile(r"\s+trở\s+(?P<way>lên|xuống)(?!\w)", re.IGNORECASE)


def bound_after(text: str, pos: int, fig: Figure) -> tuple[Figure, int]:
    """``fig`` with ``approx`` from a "trở lên" / "trở xuống" right at ``pos`` (and the end after it),
    when the figure has no qualifier and is not a range; else ``fig`` and ``pos`` unchanged."""
    m = _BOUND_AFTER.match(text, pos)
    if m is None or fig.approx is not None or fig.high is not None:
        return fig, pos
    approx = "more_than" if m.group("way").lower() == "lên" else "less_than"
    return replace(fig, approx=approx), m.end()
