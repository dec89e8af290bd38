"""Issuers of documents: who a decision is "của" ("BTV Tỉnh ủy" -> "Ban Thường vụ Tỉnh ủy Vĩnh Phúc").

The bodies that issue most documents (and posts that do: "Thủ tướng", "Chủ tịch UBND tỉnh"),
their abbreviations, the place levels and the codes written in document numbers ("998/QĐ-TTg",
"05-CT/TW") are ``resources/issuers.csv``. After "của", any body the units stage recognises is an
issuer too, named as that stage names it ("của Công an tỉnh" -> "Công an tỉnh Vĩnh Phúc"); the
reading that goes further (or, as far, names more) wins. The place a body belongs to is read from
its own words when they are a gazetteer place ("HĐND tỉnh Vĩnh Phúc"; "UBND tỉnh Lò Văn Hùng" is
a person, not a place) or, failing that, from the article's places
(:func:`extractors.article_places.article_places`).

Matching runs on an orthography-folded copy of the text ("uỷ" = "ủy", "khoá" = "khóa") of the same
length, so offsets found in the folded copy point into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from extractors.article_places import article_places
from extractors.datafiles import read_csv
from extractors.numbers import alternation_by_first_letter
from extractors.place_tokens import beyond_the_bmp
from extractors.places import ArticlePlaces, places_by_start
from extractors.unit_patterns import fold
from extractors.units import unit_at

# ------------------------------------------------------------------ data files


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    level: str


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(fold(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def alternation_ignoring_case(words: list[str]) -> str:
    """:func:`alternation` for a case-insensitive pattern, the words grouped behind their first letter
    (:func:`extractors.numbers.alternation_by_first_letter`): it matches the same, found faster."""
    return alternation_by_first_letter([fold(w) for w in words])


def leading_matches(pattern: re.Pattern[str], first_words: tuple[str, ...], text: str) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a case-insensitive ``pattern`` whose every match begins with
    one of ``first_words`` (lower case), found faster: ``pattern`` is tried only where one of them
    begins in the lower-cased text. That copy hides no match when it keeps every character in place
    and the text holds no character the pattern would take for a letter of those words without
    lower-casing to it (:func:`_hiding_letters`); else the whole text is scanned."""
    lowered = text.lower()
    hiding = _hiding_letters(first_words)
    if len(lowered) != len(text) or beyond_the_bmp(text) or (hiding is not None and hiding.search(text)):
        return list(pattern.finditer(text))
    return matches_from(pattern, first_words, text, lowered)


def matches_from(pattern: re.Pattern[str], first_words: tuple[str, ...], text: str,
                 searched: str | None = None) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match begins with one of ``first_words``
    as written in ``searched`` (``text`` itself by default; same length): ``pattern`` is tried
    only where one of them occurs."""
    searched = text if searched is None else searched
    starts: list[int] = []
    for word in _without_longer(first_words):  # no two of them begin at one place
        start = searched.find(word)
        while start >= 0:
            starts.append(start)
            start = searched.find(word, start + 1)
    starts.sort()
    out: list[re.Match[str]] = []
    free_from = 0  # where the last match ends
    for start in starts:
        if start >= free_from and (m := pattern.match(text, start)):
            out.append(m)
            free_from = m.end()
    return out


@cache
def _without_longer(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` without those that begin with another of them ("kết" after "kế"): where a longer
    one occurs, the shorter does too."""
    return tuple(dict.fromkeys(w for w in words if not any(v != w and w.startswith(v) for v in words)))


@cache
def _hiding_letters(first_words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Characters a case-insensitive match takes for a letter of ``first_words`` but that do not
    lower-case to it (checked in the Basic Multilingual Plane; characters beyond it are
    :func:`extractors.place_tokens.beyond_the_bmp`'s); None when there are none."""
    letters = sorted(set("".join(first_words)))
    bmp = "".join(map(chr, range(0x10000)))
    alike = set(re.findall("[" + re.escape("".join(letters)) + "]", bmp, re.IGNORECASE))
    hiding = {c for c in alike for letter in letters
              if re.fullmatch(re.escape(letter), c, re.IGNORECASE) and c.lower() != letter.lower()}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(hiding)) + "]") if hiding else None


@lru_cache(maxsize=4096)
def surface_key(s: str) -> str:
    return re.sub(r"\s+", " ", fold(s)).casefold()


@cache
def issuer_table() -> dict[str, dict[str, Entry]]:
    """kind -> surface key -> (expanded name, place level)."""
    out: dict[str, dict[str, Entry]] = {"prefix": {}, "body": {}, "level": {}, "code": {}}
    for r in read_csv("issuers.csv", ("kind", "surface", "name")):
        if r["kind"] not in out:
            raise ValueError(f"issuers.csv: unknown kind {r['kind']!r}")
        key = r["surface"] if r["kind"] == "code" else surface_key(r["surface"])
        out[r["kind"]].setdefault(key, Entry(r["name"], r.get("level", "")))
    return out


@cache
def code_table() -> dict[str, tuple[Entry, ...]]:
    """code -> every body it may stand for, in the order tried: "TU" is the Thành ủy of a centrally
    run city, else the Tỉnh ủy; "ĐU" the Đảng ủy of the article's ward or commune."""
    out: dict[str, list[Entry]] = {}
    for r in read_csv("issuers.csv", ("kind", "surface", "name")):
        if r["kind"] == "code":
            out.setdefault(r["surface"], []).append(Entry(r["name"], r.get("level", "")))
    return {code: tuple(entries) for code, entries in out.items()}


@cache
def issuer_pattern() -> re.Pattern[str]:
    prefixes, bodies, levels = (alternation_ignoring_case(list(issuer_table()[kind]))
                                for kind in ("prefix", "body", "level"))
    return re.compile(
        rf"(?<![\w/-])(?:(?P<prefix>{prefixes})\s+)?"  # not in "3456/UBND-TH"
        rf"(?P<body>{bodies})(?![\w/-])"
        rf"(?:\s+(?P<level>{levels})(?!\w))?",
        re.IGNORECASE,
    )


_SUBJECT_VERB = re.compile(
    r"\s+(?:đã\s+|vừa\s+|mới\s+|sẽ\s+)?(?:ký\s+)?(?:ban\s+hành|công\s+bố|trao)\b", re.IGNORECASE
)
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_JOINT_SEP = re.compile(r"\s*(,|và)\s*")
# what may follow a joint issuer ("của Bộ Chính trị, Ban Bí thư về …"); a verb means the second
# body begins a new clause ("… của UBND tỉnh, UBND huyện đã triển khai")
_JOINT_END = re.compile(
    r"\s*(?:[.;:()]|,|$)|\s+(?:về|ngày|khóa|số|tại|trong|nhằm|và|quy\s+định|hướng\s+dẫn)(?!\w)",
    re.IGNORECASE,
)


# ------------------------------------------------------------------ places (the gazetteer's)

_GAP = re.compile(r"[ \t]+")
# issuers.csv levels -> the level words of extractors.places
_LEVEL_WORDS = {"city": ("thành phố",), "district": ("huyện", "quận"), "town": ("thị xã",),
                "commune": ("xã", "thị trấn"), "ward": ("phường",)}


def place_after(text: str, pos: int) -> tuple[str, int] | None:
    """A gazetteer place named right after ``pos`` ("Vĩnh Phúc"), and its end; a person's name
    ("UBND tỉnh Lò Văn Hùng") is not one."""
    gap = _GAP.match(text, pos)
    if gap is None:
        return None
    found = places_by_start(text).get(gap.end())
    return (text[found.start : found.end], found.end) if found else None


class LazyPlaces(Mapping[str, str]):
    """The article's place at each issuer level (province, city, district, …), from
    :func:`extractors.article_places.article_places`, worked out only when an issuer first needs one."""

    def __init__(self, article: Any) -> None:
        self._article = article
        self._places: dict[str, str] | None = None
        self._main: ArticlePlaces | None = None

    def main(self) -> ArticlePlaces:
        if self._main is None:
            self._main = article_places(self._article)
        return self._main

    def _get(self) -> dict[str, str]:
        if self._places is None:
            main = self.main()
            named = main.province if main.province_named else None  # as the units stage names it
            out = {"province": named} if named else {}
            if named and main.province_kind == "thành phố":
                out["capital"] = named  # a centrally run city: its Thành ủy issues "/TU"
            for level, words in _LEVEL_WORDS.items():
                found = next((p for w in words if (p := main.place_for(w))), None)
                if found:
                    out[level] = found[1]
            self._places = out
        return self._places

    def __getitem__(self, level: str) -> str:
        return self._get()[level]

    def __contains__(self, level: object) -> bool:  # without the KeyError of Mapping's
        return level in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


# ------------------------------------------------------------------ issuers


def parse_issuer(text: str, folded: str, pos: int, places: Mapping[str, str],
                 any_unit: bool = False) -> tuple[str, int] | None:
    """(expanded issuer, end offset) of an issuing body written at ``pos``. With ``any_unit``, the
    units stage reads the body when it reads further, or as far with a fuller name: any body it
    knows ("của Công an tỉnh"), named with its place ("Sở Tài chính" -> "… tỉnh Nghệ An")."""
    m = issuer_pattern().match(folded, pos)
    listed = _listed_issuer(text, m, places) if m else None
    unit = unit_at(folded, pos, places.main(), places_by_start(text)) if (  # the places of ``folded`` too
        any_unit and isinstance(places, LazyPlaces)) else None
    if unit is not None and (listed is None or (unit[1], len(unit[0])) > (listed[1], len(listed[0]))):
        return unit
    return listed


def _listed_issuer(text: str, m: re.Match[str], places: Mapping[str, str]) -> tuple[str, int]:
    """The issuer ``issuers.csv`` names for the match ``m``, with its place."""
    t = issuer_table()
    parts, level = [], ""
    body = t["body"][surface_key(m.group("body"))]
    if m.group("prefix"):
        prefix = t["prefix"][surface_key(m.group("prefix"))].name
        if not body.name.startswith(prefix):  # "Ban Chấp hành" + "Trung ương Đảng"
            parts.append(prefix)
    parts.append(body.name)
    level = body.level
    end = m.end()
    if m.group("level"):
        lv = t["level"][surface_key(m.group("level"))]
        parts.append(lv.name)
        level = lv.level
    got = place_after(text, end)
    if got and (level or m.group("level")):
        parts.append(got[0])
        end = got[1]
    elif level in places:
        parts.append(places[level])
    return " ".join(parts), end


def code_issuers(number: str) -> tuple[Entry, ...]:
    """Every body a document number's code may stand for ("05-NQ/TU" -> Thành ủy, Tỉnh ủy)."""
    codes = code_table()
    for token in reversed(re.split(r"[/-]", number)[1:]):
        entries = codes.get(token) or codes.get(token.rstrip("0123456789"))
        if entries:
            return entries
    return ()


def code_issuer(number: str) -> Entry | None:
    """The issuer a document number's code names: "998/QĐ-TTg" -> Thủ tướng Chính phủ."""
    entries = code_issuers(number)
    return entries[-1] if entries else None


def issuer_from_code(number: str, places: Mapping[str, str]) -> str | None:
    """The code's issuer with the article's place at its level ("05-NQ/TU" -> "Tỉnh ủy Nghệ An");
    a joint document's ("12/2020/TTLT-BTC-BNV") every issuer, comma-separated."""
    codes = code_table()
    joint = [e for t in _joint_codes(number)
             for e in (codes.get(t) or codes.get(t.rstrip("0123456789"), ()))[-1:]]
    if len(joint) > 1:
        return ", ".join(f"{e.name} {places[e.level]}" if e.level in places else e.name for e in joint)
    entries = code_issuers(number)
    for entry in entries:
        if entry.level in places:
            return f"{entry.name} {places[entry.level]}"
    return entries[-1].name if entries else None


def _joint_codes(number: str) -> list[str]:
    """The issuer codes after a joint document's mark: "09/2008/NQLT-CP-UBTƯMTTQVN" -> CP, UBTƯMTTQVN."""
    tokens = re.split(r"[/-]", number)
    marks = [i for i, t in enumerate(tokens) if t.endswith("LT")]
    return tokens[marks[0] + 1 :] if marks else []


def joint_issuer(text: str, folded: str, first: tuple[str, int],
                 places: Mapping[str, str]) -> tuple[str, int]:
    """ "của Bộ Chính trị, Ban Bí thư": the issuer ``first`` and the bodies listed after it, as
    written ("Bộ Chính trị, Ban Bí thư"), when the list ends where a document's issuer may end."""
    best, name, pos = first, first[0], first[1]
    while (sep := _JOINT_SEP.match(folded, pos)) and (
            nxt := parse_issuer(text, folded, sep.end(), places, any_unit=True)):
        name, pos = f"{name}{' và ' if sep.group(1) == 'và' else ', '}{nxt[0]}", nxt[1]
        if _JOINT_END.match(folded, pos):
            best = (name, pos)
    return best


def _sentence_start(folded: str, start: int) -> int:
    """``max((m.end() for m in SENTENCE_END.finditer(folded, 0, start)), default=0)``, read back
    from ``start``: after the last line break, or the last "." "!" "?" followed by white space
    (before ``start``: the search saw no further) after it."""
    best = folded.rfind("\n", 0, start) + 1
    for mark in ".!?":
        at = folded.rfind(mark, best, start - 1) if start > best + 1 else -1
        while at >= 0 and not folded[at + 1].isspace():
            at = folded.rfind(mark, best, at)
        if at >= 0:
            best = at + 1
    return best


_LEVEL_WORD_AT_END = re.compile(r"\s+(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)$")


# organs that act for their committee without issuing its numbered documents themselves
_ACTING_ORGANS = ("Thường trực",)


def _without_organ(name: str, m: re.Match[str]) -> str:
    """ "Thường trực Đảng ủy phường X" -> "Đảng ủy phường X": the body without an acting organ
    (the Ban Thường vụ does issue under the committee's code: "BTV Huyện ủy … Quy định số 12-QĐ/HU")."""
    t = issuer_table()
    if not m.group("prefix"):
        return name
    prefix = t["prefix"][surface_key(m.group("prefix"))].name
    if prefix not in _ACTING_ORGANS:
        return name
    body = t["body"][surface_key(m.group("body"))].name
    return name[len(prefix) + 1 :] if name.startswith(prefix + " ") and not body.startswith(prefix) else name


def subject_issuer(text: str, folded: str, start: int, places: Mapping[str, str],
                   code: tuple[Entry, ...] = ()) -> str | None:
    """The issuer written earlier in the sentence: the subject of "X (đã) ban hành <document>",
    or, for a number whose code names a body, the last mention of that body ("được UBND tỉnh
    phê duyệt tại Quyết định số 12/QĐ-UBND"; "Thành ủy … Kế hoạch số 87-KH/TU": "TU" stands for a
    Tỉnh ủy or a Thành ủy), without its standing office unless that is the subject of "ban hành"
    ("Thường trực Đảng ủy phường … triển khai Kế hoạch số 45-KH/ĐU" -> Đảng ủy phường)."""
    sentence_start = _sentence_start(folded, start)
    bodies = [_LEVEL_WORD_AT_END.sub("", e.name) for e in code]
    best = None
    for m in issuer_pattern().finditer(folded, sentence_start, start):
        got = parse_issuer(text, folded, m.start(), places)
        subject = bool(got and _SUBJECT_VERB.match(folded, got[1]))
        if got and (any(b in got[0] for b in bodies) if bodies else subject):
            best = got[0] if subject or not bodies else _without_organ(got[0], m)
    if best and bodies:  # the code names the body, not its chair: "Chủ tịch UBND tỉnh" -> "UBND tỉnh"
        best = re.sub(r"^(?:Phó\s+)?Chủ\s+tịch\s+", "", best)
    return best
