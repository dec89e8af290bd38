"""Quantities: counts with their noun, areas and ratios ("80 đảng viên", "26,19ha", "2,69 lần").

Matching finds a written figure (:func:`extractors.numbers.find_figures`) followed by a noun from
``resources/quantity_units.csv`` (longest noun first; a measure such as "ha" or "m2" may be glued
to the number), and the "done/total" form "18/19 chỉ tiêu". Building gives the contract's
``value``/``high``/``approx``, the normalised ``unit`` (party_member, household, ha, times …),
the ``noun`` as written and its ``role`` (count, measure, ratio); "18/19 chỉ tiêu" also carries
``total`` = 19.

A noun of role ``before`` is written before a bare count ("kỷ luật 11 đảng viên, trong đó khiển
trách 7, cảnh cáo 3"): the quantity runs from the noun to the number, which must end its phrase.
"45,2/62 ha" is a done/total with a measure, and "nâng tổng số tổ chức đảng trong doanh nghiệp tư
nhân lên 19" a count of the noun named after "tổng số".

A figure with no known noun after it (a year, a decision number, a date, "Covid-19") is not a
quantity, and neither is the ordinal "lần thứ 6". Whether a quantity is an indicator row is
decided later, by :mod:`extractors.indicators`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from extractors.datafiles import read_csv
from extractors.numbers import QUALIFIERS, Figure, alternation_by_first_letter, find_figures, reversed_alt
from pipeline.article import Article, Span

UNITS_FILE = "quantity_units.csv"
ROW_POLICIES = ("yes", "cue", "no")
ROLES = ("count", "measure", "ratio", "before")


@dataclass(frozen=True, slots=True)
class Noun:
    """One row of ``quantity_units.csv``."""

    noun: str
    unit: str
    role: str
    row: str  # yes | cue | no: is a figure of this noun an indicator row by itself
    indicator: str = ""  # the indicator a count of it reports when nothing else is named


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float
    high: float | None
    approx: str | None
    noun: str  # as written
    info: Noun
    total: float | None = None  # "18/19 chỉ tiêu" -> 19


_SPACES = re.compile(r"\s+")


def _key(noun: str) -> str:
    return _SPACES.sub(" ", noun).casefold()


@cache
def nouns() -> dict[str, Noun]:
    """Known nouns by their case-folded form."""
    out = {}
    for r in read_csv(UNITS_FILE, ("noun", "unit", "role", "row")):
        if r["role"] not in ROLES or r["row"] not in ROW_POLICIES:
            raise ValueError(f"{UNITS_FILE}: bad role/row in {r}")
        out[_key(r["noun"])] = Noun(r["noun"], r["unit"], r["role"], r["row"], r.get("indicator", ""))
    return out


def _alt(words: list[str]) -> str:
    return alternation_by_first_letter(words)


@cache
def noun_pattern() -> re.Pattern[str]:
    """A noun right after a figure: measures may be glued ("26,19ha"), words need a space."""
    known = nouns().values()
    measures = _alt([n.noun for n in known if n.role == "measure"])
    words = _alt([n.noun for n in known if n.role in ("count", "ratio")])
    return re.compile(
        rf"(?:\s*(?P<m>{measures})|\s+(?P<w>{words}))(?!\w)(?!{ORDINAL_AFTER})", re.IGNORECASE
    )


# "lần thứ 6", "đợt thứ hai": an ordinal, not a count ("dự án thứ cấp" is a count of projects)
ORDINAL_AFTER = r"\s+thứ\s+(?:\d|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|[IVX]+(?!\w))"
_QUAL = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w, _ in QUALIFIERS)
_QUAL_OF = {w: a for w, a in QUALIFIERS}
# a number right after one of these words names a year, a session, a document or an ordinal
NAMING_WORDS = ("năm", "tháng", "ngày", "quý", "số", "khóa", "khoá", "kỳ", "thứ", "lần", "đợt", "giai đoạn",
                "điều", "khoản", "mục", "bài")
NAMING_WORD_BEFORE = re.compile(rf"(?<!\w)(?:{_alt(list(NAMING_WORDS))})\s+$", re.IGNORECASE)
NAMING_REACH = 12  # how far before the number NAMING_WORD_BEFORE is looked for
# a word written before a number and the spaces after it, read backwards from the number in the
# reversed text: one try at one place, where the search above tries every place of its stretch
_NAMING_WORD_BACKWARDS = re.compile(rf"\s+(?:{reversed_alt(NAMING_WORDS)})(?!\w)", re.IGNORECASE)
BEFORE_REACH = 30  # how far before a bare count its noun may begin ("khiển trách 7")
TOTAL_RAISED_REACH = 80  # how far before the number "tổng số <noun>" may stand
_DECIMAL = r"\d+(?:,\d+)?"
FRACTION_RE = re.compile(
    rf"(?:(?P<q>(?<!\w)(?:{_QUAL}))\s+)?(?<![\w.,/])(?P<done>{_DECIMAL})\s*/\s*(?P<total>{_DECIMAL})"
    r"(?![\d/.,]\d)",
    re.IGNORECASE,
)
# the same without its qualifier, to find it first; and the qualifier read backwards from it
FRACTION_CORE_RE = re.compile(rf"\d(?<![\w.,/]\d)\d*(?:,\d+)?\s*/\s*{_DECIMAL}(?![\d/.,]\d)")
QUALIFIER_BACKWARDS_RE = re.compile(
    rf"\s+(?:{reversed_alt(tuple(w for w, _ in QUALIFIERS))})(?!\w)|", re.IGNORECASE
)
# what may follow a count written after its noun: the end of its phrase ("khiển trách 7, cảnh cáo 3")
_PHRASE_END = re.compile(r"\s*(?:[,;.)]|và(?!\w)|$)", re.IGNORECASE)


@cache
def total_raised_pattern() -> re.Pattern[str]:
    """ "tổng số <noun> … lên": the noun of a total raised to a bare number."""
    words = _alt([n.noun for n in nouns().values() if n.role == "count"])
    return re.compile(
        rf"(?<!\w)tổng\s+số\s+(?P<w>{words})(?!\w)[^\d,;.:()]{{0,50}}?\s(?:lên|lên\s+thành)\s+$",
        re.IGNORECASE,
    )


def _total_raised(text: str, fig: Figure, known: dict[str, Noun]) -> Quantity | None:
    start = max(0, fig.start - TOTAL_RAISED_REACH)
    if text.find("ổ", start, fig.start) < 0 and text.find("Ổ", start, fig.start) < 0:
        return None  # no "tổng" (the regex would try every place of the stretch to learn so)
    m = total_raised_pattern().search(text, start, fig.start)
    if m is None:
        return None
    return Quantity(m.start(), fig.end, fig.value, fig.high, None, m["w"], known[_key(m["w"])])


@cache
def before_pattern() -> re.Pattern[str] | None:
    """A noun written before its count ("khiển trách 7"), ending right before the number."""
    words = [n.noun for n in nouns().values() if n.role == "before"]
    return re.compile(rf"(?<!\w)(?:{_alt(words)})\s+$", re.IGNORECASE) if words else None


@cache
def _before_backwards() -> re.Pattern[str] | None:
    """:func:`before_pattern` read backwards from the number (see _NAMING_WORD_BACKWARDS)."""
    words = tuple(n.noun for n in nouns().values() if n.role == "before")
    return re.compile(rf"\s+(?:{reversed_alt(words)})(?!\w)", re.IGNORECASE) if words else None


def _word_before(
    pattern: re.Pattern[str], backwards_pattern: re.Pattern[str], text: str, backwards: str, at: int,
    reach: int,
) -> tuple[int, int] | None:
    """Where ``pattern`` (a word and the spaces after it, ending at ``at``) is found by a search of
    the ``reach`` characters before ``at``: read backwards from ``at`` in ``backwards`` (the text
    reversed); the longest word is the leftmost match, and a word beyond ``reach`` is looked for
    the slow way (a shorter one may end there too)."""
    size = len(text)
    m = backwards_pattern.match(backwards, size - at)
    if m is None:
        return None
    if m.end() - (size - at) <= reach:
        return size - m.end(), at
    found = pattern.search(text, max(0, at - reach), at)
    return found.span() if found else None


def match(text: str) -> list[Quantity]:
    """Every quantity in ``text``, left to right."""
    pat, known = noun_pattern(), nouns()
    out: list[Quantity] = []
    fractions: list[Quantity] = []
    backwards = text[::-1]
    for m in fraction_matches(text, backwards):
        nm = pat.match(text, m.end())
        if nm is None:
            continue
        done, total = (float(m.group(g).replace(",", ".")) for g in ("done", "total"))
        if done > total:
            continue
        written = nm.group("w") or nm.group("m")
        approx = _QUAL_OF[_key(m.group("q"))] if m.group("q") else None
        info = known[_key(written)]
        fractions.append(Quantity(m.start(), nm.end(), done, None, approx, written, info, total))
    before = before_pattern()
    for fig in find_figures(text):
        if fractions and any(f.start <= fig.start < f.end for f in fractions):
            continue  # "62 ha" of "45,2/62 ha"
        q = _with_noun(text, fig, pat, known, backwards) or _after_noun(text, fig, before, known, backwards)
        if q is not None:
            out.append(q)
    return sorted(out + fractions, key=lambda q: q.start)


def fraction_matches(text: str, backwards: str | None = None) -> Iterator[re.Match[str]]:
    """``FRACTION_RE.finditer(text)``, found faster: a match holds no digit before "done", so find
    "done/total" and then the qualifier written right before it, reading the text backwards
    (``backwards``: the text reversed, if the caller has it)."""
    if backwards is None:
        backwards = text[::-1]
    pos = 0
    while (core := _next_fraction_core(text, pos)) is not None:
        at = core.start()
        first = len(text) - QUALIFIER_BACKWARDS_RE.match(backwards, len(text) - at).end()  # type: ignore[union-attr]
        m = FRACTION_RE.match(text, first) if first >= pos else FRACTION_RE.search(text, pos)
        if m is None:  # never: "done/total" alone is a match
            return
        yield m
        pos = m.end()


def _next_fraction_core(text: str, pos: int) -> re.Match[str] | None:
    """``FRACTION_CORE_RE.search(text, pos)``, found faster: every match holds one "/", right after
    its first number and the spaces after it. For each "/" from ``pos`` (``str.find`` jumps to it),
    step back over those spaces and the number ("45,2") and try the pattern there; a match that
    started later would begin inside that number, which the pattern's lookbehind refuses."""
    slash = text.find("/", pos)
    while slash >= 0:
        i = slash
        while i > pos and text[i - 1].isspace():
            i -= 1
        digits_end = i
        while i > pos and text[i - 1].isdecimal():
            i -= 1
        if i < digits_end and i - 1 > pos and text[i - 1] == "," and text[i - 2].isdecimal():
            i -= 1  # "45,2": the whole part before the comma
            while i > pos and text[i - 1].isdecimal():
                i -= 1
        if i < digits_end and (m := FRACTION_CORE_RE.match(text, i)) is not None:
            return m
        slash = text.find("/", slash + 1)
    return None


def _after_noun(
    text: str, fig: Figure, before: re.Pattern[str] | None, known: dict[str, Noun], backwards: str
) -> Quantity | None:
    """ "khiển trách 7": a bare count that ends its phrase, right after a noun written before it."""
    if fig.approx or not _PHRASE_END.match(text, fig.end):
        return None
    before_backwards = _before_backwards()
    if before is None or before_backwards is None:
        return _total_raised(text, fig, known)
    span = _word_before(before, before_backwards, text, backwards, fig.start, BEFORE_REACH)
    if span is None:
        return _total_raised(text, fig, known)
    written = text[span[0] : span[1]].strip()
    return Quantity(span[0], fig.end, fig.value, fig.high, None, written, known[_key(written)])


def _with_noun(
    text: str, fig: Figure, pat: re.Pattern[str], known: dict[str, Noun], backwards: str
) -> Quantity | None:
    m = pat.match(text, fig.end)
    if m is None or _names_a_thing(text, fig.start, backwards):
        return None
    written = m.group("m") or m.group("w")
    return Quantity(fig.start, m.end(), fig.value, fig.high, fig.approx, written, known[_key(written)])


def _names_a_thing(text: str, start: int, backwards: str) -> bool:
    """ "Covid-19" (glued to a word by a hyphen), "năm 2024", "khóa 11", "số 02": a name, not a count
    (``backwards``: the text reversed)."""
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    found = _word_before(NAMING_WORD_BEFORE, _NAMING_WORD_BACKWARDS, text, backwards, start, NAMING_REACH)
    return found is not None


def extract(article: Article) -> list[Span]:
    spans = []
    for q in match(article.text):
        attrs: dict[str, object] = {
            "value": _whole(q.value),
            "high": _whole(q.high),
            "unit": q.info.unit,
            "approx": q.approx,
            "noun": q.noun,
            "role": q.info.role,
        }
        if q.total is not None:
            attrs["total"] = _whole(q.total)
        spans.append(article.span(q.start, q.end, **attrs))
    return spans


def _whole(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if v == int(v) and abs(v) < 1e15 else v
