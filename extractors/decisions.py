"""Decisions: every numbered or dated legal or Party document ("Quyết định số 529, ngày 11/1/2022").

Each entry has ``type`` (from ``resources/document_types.csv``), ``number`` as written without "số"
("529", "998/QĐ-TTg", "05-CT/TW"), ``date`` (ISO, when given), ``issuer`` (expanded with
``resources/issuers.csv``, plus the place the article gives) and ``session`` where a term is named.

Forms read:

* numbered — "Quyết định số 529, ngày 11/1/2022 của BTV Tỉnh ủy", "Nghị quyết 18-NQ/TW",
  "Chỉ thị 05 của Bộ Chính trị", "Quyết định số 934 và 937";
* dated — "Quyết định ngày 11/1/2022 của UBND tỉnh" (number null);
* Central Committee plenums — "Nghị quyết Trung ương 4 khóa XI, khóa XII": one entry per term;
* congresses — "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII": number "XVII";
* council sittings — "Nghị quyết HĐND tỉnh tại kỳ họp thứ 13, khóa XVII": number "13".

Un-numbered mentions ("các nghị quyết", "ban hành quyết định giao chỉ tiêu") are not decisions.
Matching runs on an orthography-folded copy of the text ("uỷ" = "ủy", "khoá" = "khóa") of the same
length, so every offset points into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from extractors.datafiles import read_csv
from extractors.issuers import (
    SENTENCE_END,
    LazyPlaces,
    alternation,
    alternation_ignoring_case,
    code_issuer,
    code_issuers,
    fold,
    issuer_from_code,
    joint_issuer,
    leading_matches,
    matches_from,
    parse_issuer,
    subject_issuer,
    surface_key,
)
from pipeline.article import Article, Span

# ------------------------------------------------------------------ data files


@cache
def document_types() -> tuple[dict[str, tuple[str, bool]], re.Pattern[str], re.Pattern[str]]:
    """(surface key -> (type, may take a bare number), full-word type pattern, abbreviation pattern)."""
    rows = read_csv("document_types.csv", ("surface", "type", "abbreviation", "bare_number"))
    types = {surface_key(r["surface"]): (r["type"], r["bare_number"] == "yes") for r in rows}
    full = [r["surface"] for r in rows if r["abbreviation"] != "yes"]
    abbr = [r["surface"] for r in rows if r["abbreviation"] == "yes"]
    abbr_firsts = "".join(sorted({re.escape(fold(a)[0]) for a in abbr}))
    return (
        types,
        re.compile(rf"(?<!\w)(?:{alternation_ignoring_case(full)})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?=[{abbr_firsts}])(?<!\w)(?:{alternation(abbr)})(?=\s+số\s*:?\s*\d)"),
    )


@cache
def _abbreviated_types() -> tuple[str, ...]:
    """The abbreviated document types as matched ("QĐ", "NQ" …)."""
    rows = read_csv("document_types.csv", ("surface", "type", "abbreviation", "bare_number"))
    return tuple(sorted({fold(r["surface"]).split()[0] for r in rows if r["abbreviation"] == "yes"}))


@cache
def _type_first_words() -> tuple[str, ...]:
    """The first word of every full document type, lower case ("quyết", "nghị" …)."""
    rows = read_csv("document_types.csv", ("surface", "type", "abbreviation", "bare_number"))
    return tuple(sorted({fold(r["surface"]).split()[0].lower() for r in rows if r["abbreviation"] != "yes"}))


# ------------------------------------------------------------------ token patterns

ROMAN = r"(?-i:\b(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})\b)"
NUMBER = r"\d+(?:[/-]\w+)*"
TERM = rf"(?:{ROMAN}|\d{{1,2}}(?!\d|[.,]\d))"
KHOA = r"kh(?:óa|oá)"
DATE_RE = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(?P<m>\d{1,2})\s*(?:[/.-]|,?\s+năm\s+)\s*(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(rf"(?P<so>số\s*:?\s*)?(?P<num>{NUMBER})(?![\w.,]\d)", re.IGNORECASE)
# a bare number ("Chỉ thị 05") must end the phrase or be followed by a linking word
_BARE_END = re.compile(r"(?=\s*(?:[,;:)]|\.(?!\d)|$)|\s+(?:của|ngày|về|và|do|đã|được|tại)(?!\w))")
_LINKED_END = re.compile(r"\s*,?\s+(?:của|ngày)\s", re.IGNORECASE)
_LIST_SEP = re.compile(rf"(?:\s*,\s*|\s+và\s+|\s*;\s*)(?:số\s+)?(?P<num>{NUMBER})", re.IGNORECASE)
_OF = re.compile(r"\s*,?\s*(?:của|do)\s+", re.IGNORECASE)
_PLENUM_RE = re.compile(
    rf"\s+(?:Hội\s+nghị\s+)?(?:lần\s+thứ\s+)?Trung\s+ương\s+(?P<n>\d{{1,2}}|{ROMAN})(?!\w)"
    rf"(?:\s*(?P<paren>\()?\s*,?\s*{KHOA}\s+(?P<terms>{TERM}(?:\s*(?:,|và)\s*(?:{KHOA}\s+)?{TERM})*)\s*(?(paren)\)))?",
    re.IGNORECASE,
)
_CONGRESS_RE = re.compile(
    rf"\s+Đại\s+hội(?P<body>(?:\s+[^\s\d,.;:()]+){{0,6}}?)\s+(?:lần\s+thứ\s+)?(?P<n>{ROMAN}|\d{{1,2}}(?!\d))(?!\w)",
    re.IGNORECASE,
)
_SITTING_RE = re.compile(
    rf"\s*,?\s*(?:tại\s+)?k[ỳì]\s+họp\s+thứ\s+(?P<n>\d{{1,2}}|{ROMAN})(?!\w)(?:\s*(?:,|-)?\s*{KHOA}\s+(?P<s>{TERM}))?",
    re.IGNORECASE,
)
_TERM_RE = re.compile(TERM)
_TERM_AFTER = re.compile(rf"\s*\(?\s*,?\s*{KHOA}\s+({TERM})", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_SPACES = re.compile(r"\s+")
_ISSUED_ON = re.compile(r"\s*,?\s*(?:ban\s+hành\s+)?")  # before the date of "…, ban hành ngày …"
_OF_BEFORE_NUMBER = re.compile(r"của\s+", re.IGNORECASE)
_BEFORE_SO = re.compile(r"\s+(?=số\s*:?\s*\d)", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_TERM_NAMED = re.compile(rf"\s*,?\s*{KHOA}\s+({TERM})", re.IGNORECASE)
_COMMA_GAP = re.compile(r"\s*,?\s*")
_LIST_GAP = re.compile(r"\s*(?:,|và|;)\s*")  # between two listed documents


@dataclass(frozen=True, slots=True)
class Decision:
    start: int
    end: int
    type: str
    number: str | None
    date: str | None = None
    issuer: str | None = None
    session: str | None = None
    group: int = 0  # entries of one mention ("khóa XI, khóa XII") share a group and may overlap


# ------------------------------------------------------------------ matching


def _iso(m: re.Match[str]) -> str | None:
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def _date_after(folded: str, pos: int) -> tuple[str | None, int]:
    m = _ISSUED_ON.match(folded, pos)
    dm = DATE_RE.match(folded, m.end()) if m else None
    if dm and (iso := _iso(dm)):
        return iso, dm.end()
    return None, pos


def _numbered(text: str, folded: str, tm: re.Match[str], doc_type: str, abbr: bool, bare: bool,
              places: Mapping[str, str], group: int) -> list[Decision]:
    pos, pre_issuer = tm.end(), None
    gap = _SPACES.match(folded, pos)
    if gap is None:
        return []
    pos = gap.end()
    of = _OF_BEFORE_NUMBER.match(folded, pos)  # "Nghị quyết của HĐND tỉnh số 12"
    got = parse_issuer(text, folded, of.end() if of else pos, places)
    if got and (so := _BEFORE_SO.match(folded, got[1])):
        pre_issuer, pos = got[0], so.end()
    nm = _NUMBER_RE.match(folded, pos)
    number = None
    if nm and not _accept_number(folded, nm, text[tm.start()].isupper(), abbr, bare):
        nm = None
    if nm:
        number, end = text[nm.start("num"):nm.end("num")], nm.end()
        when, end = _date_after(folded, end)
    else:
        when, end = _date_after(folded, tm.end())
        if when is None:
            return []
    out = [Decision(tm.start(), end, doc_type, number, when, pre_issuer, None, group)]
    while number is not None and (lm := _LIST_SEP.match(folded, out[-1].end)):
        if not _accept_listed(folded, lm, first=number):
            break
        when, end = _date_after(folded, lm.end())
        out.append(Decision(tm.start(), end, doc_type, text[lm.start("num"):lm.end("num")], when, pre_issuer,
                            None, group))
    return out


def _accept_number(folded: str, nm: re.Match[str], capitalised: bool, abbr: bool, bare: bool) -> bool:
    num = nm.group("num")
    if nm.group("so"):
        return True
    if abbr:
        return False
    if _LETTER.search(num):  # a code: "18-NQ/TW"
        return True
    if not (bare and num.isdigit() and not _YEAR.fullmatch(num)):
        return False
    if _LINKED_END.match(folded, nm.end()):  # "nghị quyết 57 của Bộ Chính trị"
        return True
    return capitalised and bool(_BARE_END.match(folded, nm.end()))


def _accept_listed(folded: str, lm: re.Match[str], first: str) -> bool:
    num = lm.group("num")
    if _LETTER.search(num):
        return bool(_LETTER.search(first))
    return first.isdigit() and not _YEAR.fullmatch(num) and bool(_BARE_END.match(folded, lm.end()))


def _plenum(text: str, folded: str, tm: re.Match[str], doc_type: str, group: int) -> list[Decision]:
    m = _PLENUM_RE.match(folded, tm.end())
    if not m:
        return []
    number = text[m.start("n"):m.end("n")]
    issuer = "Ban Chấp hành Trung ương Đảng"
    if not m.group("terms"):
        return [Decision(tm.start(), m.end("n"), doc_type, number, None, issuer, None, group)]
    out: list[Decision] = []
    previous = 0
    for term in _TERM_RE.finditer(folded, m.start("terms"), m.end("terms")):
        value = term_value(term.group())
        if out and not previous < value <= previous + 3:
            break  # "khóa XI, khóa XII" lists successive terms; anything else ends the list
        previous = value
        end = m.end() if m.group("paren") and term.end() == m.end("terms") else term.end()
        session = text[term.start():term.end()]
        out.append(Decision(tm.start(), end, doc_type, number, None, issuer, session, group))
    return out


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def term_value(term: str) -> int:
    """11 for "11" or "XI"."""
    if term.isdigit():
        return int(term)
    values = [_ROMAN_VALUES[c] for c in term]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _congress(text: str, folded: str, tm: re.Match[str], doc_type: str, places: Mapping[str, str],
              group: int) -> list[Decision]:
    m = _CONGRESS_RE.match(folded, tm.end())
    if not m:
        return []
    body = m.group("body").strip()
    issuer = "Đại hội"
    body_start, body_end = m.end("body") - len(body), m.end("body")
    if body:
        issuer += " " + text[body_start:body_end]
    for word in re.finditer(r"\S+", folded[body_start:body_end]):  # "đại biểu" + "Đảng bộ huyện"
        got = parse_issuer(text, folded, body_start + word.start(), places)
        if got and got[1] == body_end:
            lead = text[body_start:body_start + word.start()].split()
            issuer = " ".join(["Đại hội", *lead, got[0]])
            break
    return [Decision(tm.start(), m.end(), doc_type, text[m.start("n"):m.end("n")], None, issuer, None, group)]


def _sitting(text: str, folded: str, tm: re.Match[str], doc_type: str, places: Mapping[str, str],
             group: int) -> list[Decision]:
    pos = _SPACES.match(folded, tm.end())
    if pos is None:
        return []
    got = parse_issuer(text, folded, pos.end(), places)
    m = _SITTING_RE.match(folded, got[1] if got else tm.end())
    if not m:
        return []
    issuer = got[0] if got else None
    session = text[m.start("s"):m.end("s")] if m.group("s") else None
    end = m.end()
    after = None if got else parse_issuer(text, folded, m.end() + 1, places)  # "kỳ họp thứ 5 HĐND tỉnh"
    if after and folded[m.end()] == " ":
        issuer, end = after
        term = _TERM_NAMED.match(folded, end)
        if term and session is None:
            session, end = text[term.start(1):term.end(1)], term.end()
    number = text[m.start("n"):m.end("n")]
    return [Decision(tm.start(), end, doc_type, number, None, issuer, session, group)]


def match(text: str, article: Article | None = None) -> list[Decision]:
    """Every decision mention in ``text``, left to right; ``article`` (its title and date) helps
    place the issuers."""
    folded = fold(text)
    types, full_re, abbr_re = document_types()
    places = LazyPlaces(article if article is not None else text)
    found: list[Decision] = []
    hits = [(m, False) for m in leading_matches(full_re, _type_first_words(), folded)]
    hits += [(m, True) for m in matches_from(abbr_re, _abbreviated_types(), folded)]
    for group, (tm, abbr) in enumerate(sorted(hits, key=lambda h: h[0].start())):
        doc_type, bare = types[surface_key(tm.group())]
        got = _plenum(text, folded, tm, doc_type, group)
        if not got and doc_type == "Nghị quyết":
            got = _congress(text, folded, tm, doc_type, places, group)
        got = got or _sitting(text, folded, tm, doc_type, places, group)
        found.extend(got or _numbered(text, folded, tm, doc_type, abbr, bare, places, group))
    resolved = _resolve_issuers(text, folded, _drop_overlaps(found), places)
    return [d if d.date or d.group in _groups_of_many(resolved) else replace(d, date=_date_before(
        text, folded, d.start, places)) for d in resolved]


def _groups_of_many(found: list[Decision]) -> set[int]:
    groups = [d.group for d in found]
    return {g for g in groups if groups.count(g) > 1}


_ISSUED_HERE = re.compile(r"(?:hành|ký)\s+$", re.IGNORECASE)
_ISSUING = re.compile(r"\s+(?:đã\s+|vừa\s+|mới\s+)?(?:ký\s+ban\s+hành|ban\s+hành|ký)\s+", re.IGNORECASE)


def _date_before(text: str, folded: str, start: int, places: Mapping[str, str]) -> str | None:
    """ "Ngày 15 tháng 3 năm 2024, UBND tỉnh ban hành Quyết định số 318/QĐ-UBND": a date that opens
    the clause whose subject issues the document at ``start`` (date, issuer, "ban hành"/"ký")."""
    if not _ISSUED_HERE.search(folded, max(0, start - 20), start):
        return None
    window = max(0, start - 400)
    sentence_start = max((m.end() for m in SENTENCE_END.finditer(folded, window, start)), default=window)
    for dm in DATE_RE.finditer(folded, sentence_start, start):
        gap = _COMMA_GAP.match(folded, dm.end())
        got = parse_issuer(text, folded, gap.end(), places, any_unit=True) if gap else None
        verb = _ISSUING.match(folded, got[1]) if got else None
        if verb and verb.end() == start:
            return _iso(dm)
    return None


def _drop_overlaps(found: list[Decision]) -> list[Decision]:
    out: list[Decision] = []
    for d in sorted(found, key=lambda d: (d.start, -(d.end - d.start))):
        if any(o.group != d.group and o.start < d.end and d.start < o.end for o in out):
            continue
        out.append(d)
    return sorted(out, key=lambda d: (d.start, d.end))


def _resolve_issuers(text: str, folded: str, found: list[Decision],
                     places: Mapping[str, str]) -> list[Decision]:
    """Issuer: "của X" after the mention (and its term, "khóa XII"), else the number's code (the body
    as the sentence names it, when it does), else the next listed document's issuer ("Quyết định
    số 934 … và Quyết định số 937 … của BTV"), else the subject of "X ban hành …"."""
    out = list(found)
    stated_until: dict[int, int] = {}  # decisions with "của X": where X ends
    for i in range(len(out) - 1, -1, -1):
        d = out[i]
        if d.issuer:
            continue
        last_of_group = i + 1 == len(out) or out[i + 1].group != d.group
        of = _OF.match(folded, d.end) if last_of_group else None
        got = parse_issuer(text, folded, of.end(), places, any_unit=True) if of else None
        if got:  # "của Bộ Chính trị, Ban Bí thư"
            got = joint_issuer(text, folded, got, places)
        code = code_issuers(d.number) if d.number and not got else ()
        issuer = got[0] if got else (issuer_from_code(d.number, places) if code and d.number else None)
        if code and "," not in (issuer or ""):  # "UBND tỉnh Bắc Ninh ban hành Kế hoạch số 123/KH-UBND"
            issuer = subject_issuer(text, folded, d.start, places, code) or issuer
        subject = None if got else subject_issuer(text, folded, d.start, places)
        if issuer is None and i + 1 < len(out):
            nxt = out[i + 1]
            if nxt.group == d.group or _LIST_GAP.fullmatch(folded, d.end, nxt.start):
                issuer = nxt.issuer
        term = _TERM_AFTER.match(folded, got[1]) if got else None  # "của Ban Chấp hành Trung ương khóa XII"
        session = text[term.start(1):term.end(1)] if term and d.session is None else d.session
        out[i] = replace(d, issuer=issuer or subject, session=session)
        if got:
            stated_until[i] = got[1]
    return _share_stated_issuer(folded, out, stated_until)


def _share_stated_issuer(folded: str, out: list[Decision], stated_until: dict[int, int]) -> list[Decision]:
    """ "Chỉ thị số 05-CT/TW của Bộ Chính trị và Kết luận số 14-KL/TW": a document listed right
    after one whose issuer is written, with the same code, shares that issuer."""
    for i in range(1, len(out)):
        prev, d = out[i - 1], out[i]
        end = stated_until.get(i - 1)
        if end is None or i in stated_until or not (prev.number and d.number):
            continue
        if not _LIST_GAP.fullmatch(folded, end, d.start):
            continue
        code = code_issuer(d.number)
        if code is not None and code == code_issuer(prev.number):
            out[i] = replace(d, issuer=prev.issuer)
    return out


def extract(article: Article) -> list[Span]:
    spans = []
    for d in match(article.text, article):
        attrs: dict[str, str | None] = {
            "type": d.type, "number": d.number, "date": d.date, "issuer": d.issuer
        }
        if d.session is not None:
            attrs["session"] = d.session
        spans.append(article.span(d.start, d.end, **attrs))
    return spans
