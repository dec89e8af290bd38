"""Units: Party committees, government, councils, the Front, central bodies, departments, enterprises.

A mention is a chain read left to right: organs ("Ban Thường vụ", "BTV", "Thường trực") then a body
("Tỉnh ủy", "UBND", "Đảng bộ", "Sở Tài chính", "Công ty TNHH …"), then optionally a level word and
a place ("tỉnh Vĩnh Phúc", "thành phố", "Vĩnh Yên"). Patterns are data (``resources/units.jsonl``),
abbreviations too (``resources/abbreviations.csv``), both loaded by :mod:`extractors.unit_patterns`;
places come from :mod:`extractors.places`.

:func:`match` finds maximal mentions (no nested duplicates); :func:`build` turns them into spans
with ``name`` (abbreviations expanded, the place the article gives added) and ``kind``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from extractors.article_places import article_places
from extractors.bare_organs import may_stand_alone, organ_name, owner_of
from extractors.places import (
    ArticlePlaces,
    PlaceMention,
    find_places,
    kind_of_level_word,
    places_by_start,
)
from extractors.unit_names import described_end, enterprise_end, is_place, named_end, purpose_end
from extractors.unit_patterns import (
    ABBR_IN_PARENS,
    LEVEL_WORD,
    centre_regex,
    expand,
    expand_in,
    fold,
    head_regex,
    patterns,
    words_of,
)
from pipeline.article import Article, Span

COORDINATION = re.compile(r"\s*(?:,|và)\s*")
SPACE = re.compile(r"\s+")
_AND = re.compile(r"\s+và\s+")
_AFTER_LEVEL_WORD = re.compile(r"\.(?=[^\W\d_])|\s*")
ALONE = "alone"  # the style of an organ written without its committee (extractors.bare_organs)


@dataclass(slots=True)
class UnitMatch:
    """One mention: its extent, its kind and what the name is built from."""

    start: int
    end: int
    kind: str
    body_start: int  # where the body begins, after any organs ("Ban Thường vụ |Tỉnh ủy")
    place_rule: str = ""  # how to add a place from context when none is written
    style: str = "kind"
    level_word: str | None = None  # written level word without a place ("UBND huyện")
    place: PlaceMention | None = None  # written place
    written: str | None = None  # the name as written when it is not the span's text (coordination)
    canonical: str = ""  # the full name of a short form ("Ban Chấp hành Trung ương" -> "… Đảng")
    tail: str = ""  # the level word and place written after the body ("huyện Yên Lạc")
    head_name: tuple[str, str] | None = None  # a short head, its full name ("Đoàn Thanh niên" -> …)


def match(text: str, places: list[PlaceMention] | None = None,
          by_start: dict[int, PlaceMention] | None = None) -> list[UnitMatch]:
    """Every unit mention in ``text``, maximal and not overlapping, left to right (``by_start``:
    the places as :func:`extractors.places.places_by_start` gives them, instead of ``places``)."""
    if by_start is None:
        by_start = {m.start: m for m in (places if places is not None else find_places(text))}
    out: list[UnitMatch] = []
    pos = 0
    find_head = head_regex().search
    while (m := find_head(text, pos)) is not None:
        start, head = m.start(), m.group()
        unit = _parse(text, start, head, by_start)
        if unit is None:
            unit = _coordinated_organ(text, start, head, by_start)
        if unit is None and may_stand_alone(text, start, head):  # "Ban Thường vụ gồm …"
            unit = UnitMatch(start, m.end(), "party", start, style=ALONE)
        if unit is not None and not _generic(text, unit):
            out.append(unit)
            pos = unit.end
        else:
            pos = m.end()
    for unit, nxt in reversed(list(zip(out, out[1:], strict=False))):  # "HĐND, UBND xã": xã for both
        bare = unit.place_rule and unit.place_rule == nxt.place_rule and not (unit.tail or unit.written)
        bare = bare and unit.style == nxt.style == "kind"
        if bare and nxt.tail and COORDINATION.fullmatch(text, unit.end, nxt.start):
            unit.written = f"{text[unit.start:unit.end]} {nxt.tail}"
            unit.level_word, unit.place, unit.tail = nxt.level_word, nxt.place, nxt.tail
    return out


def _parse(text: str, start: int, head: str, by_start: dict[int, PlaceMention]) -> UnitMatch | None:
    end = start + len(head)
    for pat in patterns()[head]:
        if pat.role == "fixed":
            return UnitMatch(start, end, pat.kind, start, canonical=pat.name)
        if pat.role == "organ":
            if text[max(0, start - 40) : start].rstrip().endswith(pat.not_after or ("\0",)):
                continue  # "Phó Bí thư Thường trực Tỉnh ủy": the post, then the committee
            unit = _organ_chain(text, start, end, by_start)
            if unit is not None:
                return unit
        elif pat.role in ("committee", "body"):
            unit = UnitMatch(start, end, pat.kind, start, pat.place, pat.style,
                             head_name=(expand(head), pat.name) if pat.name else None)
            if _tail(text, unit, by_start):
                return unit
            if pat.role == "committee" and (inner := _organ_chain(text, start, end, by_start, True)):
                inner.kind = pat.kind  # "Đảng ủy Công an tỉnh", "Đảng bộ Công ty …": the Party body of it
                return inner
            if not pat.needs_tail:
                return unit
        elif pat.role == "named":
            name_end = named_end(text, end)
            if name_end is not None and not is_place(text[start:name_end], len(head.split())):
                if pat.runs_on:  # "Trung tâm Phục vụ| hành chính công |phường"
                    name_end = described_end(text, name_end, limit=6) or name_end
                unit = UnitMatch(start, name_end, pat.kind, start, pat.place, pat.style)
                _tail(text, unit, by_start)
                return unit
        elif pat.role == "described":
            unit = UnitMatch(start, end, pat.kind, start, pat.place, pat.style)
            unit.end = described_end(text, end) or (purpose_end(text, end) if pat.open_end else end) or 0
            if unit.end:  # a working group needs its purpose: "Tổ công tác hỗ trợ nhà đầu tư"
                _tail(text, unit, by_start)
                return unit
        elif pat.role == "enterprise":
            name_end = enterprise_end(text, end)
            if name_end is not None:
                return UnitMatch(start, name_end, pat.kind, start)
    return None


def _organ_chain(text: str, start: int, end: int, by_start: dict[int, PlaceMention],
                 of_company: bool = False) -> UnitMatch | None:
    """An organ and its committee or body: "Ban Thường vụ (BTV) Tỉnh ủy", "Ban Tuyên giáo Trung ương"."""
    paren = ABBR_IN_PARENS.match(text, end)
    gap = SPACE.match(text, paren.end() if paren else end)
    if not gap:
        return None
    centre = centre_regex().match(text, gap.end())
    if centre:
        pat = patterns()[centre.group()][0]
        return UnitMatch(start, centre.end(), pat.kind, centre.start())
    nxt = head_regex().match(text, gap.end())
    if not nxt:
        return None
    inner = _parse(text, gap.end(), nxt.group(), by_start)
    if inner is None or (inner.kind == "enterprise" and not of_company):
        return None
    inner.start = start
    if text.startswith("Văn phòng", start):
        _shared_office(text, inner, by_start)
    return inner


def _shared_office(text: str, inner: UnitMatch, by_start: dict[int, PlaceMention]) -> None:
    """ "Văn phòng HĐND và UBND xã": one office of two bodies of one place, an office of government."""
    if inner.tail or not inner.place_rule:
        return
    joint = _AND.match(text, inner.end)
    other_head = head_regex().match(text, joint.end()) if joint else None
    other = _parse(text, joint.end(), other_head.group(), by_start) if joint and other_head else None
    if other is not None and other.place_rule == inner.place_rule and other.style == inner.style:
        inner.end, inner.tail, inner.place = other.end, other.tail, other.place
        inner.level_word, inner.kind = other.level_word, "government"


def _coordinated_organ(
    text: str, start: int, head: str, by_start: dict[int, PlaceMention]
) -> UnitMatch | None:
    """ "Thường trực và BTV Thành ủy": the first organ borrows the body of the second."""
    if not any(p.role == "organ" for p in patterns()[head]):
        return None
    end = start + len(head)
    coord = COORDINATION.match(text, end)
    nxt = head_regex().match(text, coord.end()) if coord else None
    if not nxt or not any(p.role == "organ" for p in patterns()[nxt.group()]):
        return None
    other = _parse(text, nxt.start(), nxt.group(), by_start)
    if other is None or other.body_start == other.start:
        return None
    body = text[other.body_start : other.end]
    if any(p.of_committee for p in patterns()[head]):
        body = _committee_of(body)
    return UnitMatch(start, end, other.kind, start, other.place_rule, other.style, other.level_word,
                     other.place, written=f"{head} {body}")


def _committee_of(body: str) -> str:
    """ "Đảng bộ thành phố Phúc Yên" -> "Thành ủy Phúc Yên": the committee that leads a Đảng bộ."""
    lw = LEVEL_WORD.match(" " + body[len("Đảng bộ") :]) if body.startswith("Đảng bộ") else None
    if lw is None:
        return body
    level = kind_of_level_word(lw.group("lw"))
    bare = (p for p, rows in patterns().items() for r in rows if r.style == "bare" and r.place == level)
    committee = next((p for p in bare if patterns()[p][0].role == "committee"), None)
    return f"{committee}{body[len('Đảng bộ') + lw.end() - 1 :]}" if committee else body


def _tail(text: str, unit: UnitMatch, by_start: dict[int, PlaceMention]) -> bool:
    """Extend ``unit`` over a level word and/or a place written after it; True when extended."""
    end, extended = unit.end, _extend(text, unit, by_start)
    unit.tail = text[end : unit.end].strip()
    return extended


def _extend(text: str, unit: UnitMatch, by_start: dict[int, PlaceMention]) -> bool:
    lw = LEVEL_WORD.match(text, unit.end)
    if lw:
        gap = _AFTER_LEVEL_WORD.match(text, lw.end())  # "TP.HCM"
        place = by_start.get(gap.end()) if gap else None
        if place is not None:
            unit.end, unit.place = place.end, place
        else:
            unit.end, unit.level_word = lw.end(), lw.group("lw")
        return True
    space = SPACE.match(text, unit.end)
    place = by_start.get(space.end()) if space else None
    if place is not None and place.level != "commune":
        unit.end, unit.place = place.end, place
        return True
    return False


def _generic(text: str, unit: UnitMatch) -> bool:
    """ "các Sở", "HĐND các cấp", "Đảng bộ trực thuộc": plural or generic, not a unit."""
    head = text[max(0, unit.start - 20) : unit.start]
    stripped = head.rstrip()
    if len(stripped) < len(head) and stripped.endswith(_not_before()):  # else no such word before
        before = _WORD_BEFORE.search(head)
        if before and before.group(1) in words_of("not_before"):
            return True
    if unit.kind == "enterprise":
        return False  # "Công ty Điện lực X cấp điện": a verb, not "các cấp"
    return _not_after().match(text, unit.end, unit.end + 20) is not None


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


@cache
def _not_before() -> tuple[str, ...]:
    """The generic words before a unit ("các Sở"), for ``str.endswith``."""
    return tuple(words_of("not_before"))


@cache
def _not_after() -> re.Pattern[str]:
    """A generic word right after a unit ("HĐND các cấp"), as one alternation."""
    words = sorted(words_of("not_after"), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def unit_name(unit: UnitMatch, text: str, places: ArticlePlaces) -> str | None:
    """The expanded name with the place added; None when the mention cannot be pinned down."""
    return _unit_name(unit, text, places.place_for)


def _unit_name(unit: UnitMatch, text: str, place_for: Callable[[str], tuple[str, str] | None]) -> str | None:
    """:func:`unit_name` with ``place_for`` the article's :meth:`ArticlePlaces.place_for` (or a
    cache of it: :func:`build` asks it for the same rules again and again)."""
    written = unit.canonical or expand_in(text, unit.written or text[unit.start : unit.end])
    if unit.head_name is not None:
        written = written.replace(*unit.head_name, 1)
    written = written[:1].upper() + written[1:]
    if unit.place is not None:  # an alias written out: "TP.HCM" -> "thành phố Hồ Chí Minh"
        alias = text[unit.place.start : unit.place.end]
        return written if alias == unit.place.name else written.replace(alias, unit.place.name)
    if unit.level_word is not None:
        found = place_for(unit.level_word)
        return f"{written} {found[1]}" if found else written
    if not unit.place_rule:
        return written
    found = place_for(unit.place_rule)
    if found is None:
        return None if unit.place_rule == "commune" else written
    kind, place = found
    return f"{written} {place}" if unit.style == "bare" else f"{written} {kind} {place}"


def unit_at(text: str, pos: int, places: ArticlePlaces,
            by_start: dict[int, PlaceMention] | None = None) -> tuple[str, int] | None:
    """The unit written at ``pos`` ("Công an tỉnh"), named as the stage names it, and its end;
    ``by_start``: the places of ``text`` by start (:func:`extractors.places.places_by_start`)."""
    head = head_regex().match(text, pos)
    if head is None:
        return None
    unit = _parse(text, pos, head.group(), places_by_start(text) if by_start is None else by_start)
    if unit is None or _generic(text, unit):
        return None
    name = unit_name(unit, text, places)
    return (name, unit.end) if name else None


def _cached(place_for: Callable[[str], tuple[str, str] | None]) -> Callable[[str], tuple[str, str] | None]:
    """``place_for`` remembering its answers (one article's places: the answer depends on the rule only)."""
    found: dict[str, tuple[str, str] | None] = {}

    def cached(rule: str) -> tuple[str, str] | None:
        if rule not in found:
            found[rule] = place_for(rule)
        return found[rule]
    return cached


def build(article: Article, matches: list[UnitMatch], places: ArticlePlaces,
          text: str | None = None) -> list[Span]:
    """Spans of ``article`` for ``matches``; names are read from ``text`` (the article's text with
    the new tone placement, same length) when given."""
    text = article.text if text is None else text
    place_for = _cached(places.place_for)
    named = {id(u): n for u in matches if u.style != ALONE and (n := _unit_name(u, text, place_for))}
    alone = any(u.style == ALONE for u in matches)  # the others are looked at for those only
    others = [(u.start, u.end, u.kind, named[id(u)]) for u in matches if id(u) in named] if alone else []
    spans: list[Span] = []
    names: list[str] = []  # the spans' names, in order
    for unit in matches:
        if unit.style == ALONE:  # "Ủy viên Ban Thường vụ, Chủ nhiệm UBKT Huyện ủy Tam Đảo"
            owner = owner_of(text, unit.start, others, places)
            name = organ_name(text, unit.start, unit.end, owner) if owner else None
        else:
            name = named.get(id(unit))
        if name is None:
            continue
        if not unit.tail and name == expand_in(text, unit.written or text[unit.start : unit.end]):
            # a short form of a body named in full earlier: "Ban Chỉ đạo" after "Ban Chỉ đạo … tỉnh X"
            longer = name + " "
            name = next((n for n in reversed(names) if n.startswith(longer)), name)
        spans.append(article.span(unit.start, unit.end, name=name, kind=unit.kind))
        names.append(name)
    return spans


def extract(article: Article) -> list[Span]:
    """Units of ``article``, matched on its text with the new tone placement ("Uỷ ban" = "Ủy ban")."""
    text = fold(article.text)
    # the places scan reads each syllable with its tone moved (places.fold: "Hoà" = "Hòa"), so the
    # article's own text gives the places of ``text`` and shares the scan other stages make
    return build(article, match(text, by_start=places_by_start(article.text)), article_places(article), text)
