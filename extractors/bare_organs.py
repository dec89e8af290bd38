"""Bare organs: "Ban Thường vụ", "Ban Chấp hành", "Thường trực" written without their committee.

"Đồng chí X, Ủy viên Ban Thường vụ, Chủ nhiệm UBKT Huyện ủy Tam Đảo", "Ban Chấp hành Đảng bộ xã
gồm 33 đồng chí; Ban Thường vụ gồm 11 đồng chí": the organ belongs to the Party committee named
nearest it in the same sentence (after it first when it follows "Ủy viên", the post chain going
on to name the committee), else to the article's main committee (its district-level place, else
its commune, else its province). An organ of the committee (``of_committee`` in ``units.jsonl``:
Ban Thường vụ, Thường trực) takes the committee's name ("Ban Thường vụ Đảng ủy xã Vĩnh Tường");
Ban Chấp hành takes the Party organisation's ("Ban Chấp hành Đảng bộ huyện Tam Đảo"). When the
nearest body in the sentence is one with organs of its own (a mass organisation, a council, a
company: "Đại hội Hội Nông dân xã bầu Ban Chấp hành …"), the organ is not the Party's and is
left out. Plural or generic uses ("các Ban Thường vụ") are left out by the units stage.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.places import ArticlePlaces, kind_of_level_word
from extractors.unit_patterns import LEVEL_WORD, expand, head_regex, patterns

SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_NEXT_CHARACTER = re.compile(r"\s*(\S)")
OWN_ORGANS = ("front", "council", "enterprise", "other")  # bodies with organs of their own
COMMUNE_WORDS = ("xã", "phường", "thị trấn")
PARTY_BODY = "Đảng bộ"
PARTY_COMMITTEE = "Đảng ủy"


def may_stand_alone(text: str, start: int, head: str) -> bool:
    """The organ ``head`` at ``start`` is written alone: a bare organ, capitalised, not part of a
    post ("Phó Bí thư Thường trực"), followed by punctuation or a lower-case word (a capitalised
    word would be a body the stage does not know: "Ban Chấp hành Công đoàn")."""
    pats = patterns()[head]
    if not head[:1].isupper() or not any(p.role == "organ" and p.bare for p in pats):
        return False
    before = text[max(0, start - 40) : start].rstrip()
    if any(before.endswith(p.not_after) for p in pats if p.not_after):
        return False
    nxt = _NEXT_CHARACTER.match(text, start + len(head))
    return nxt is None or not (nxt.group(1).isupper() or nxt.group(1) in "(")


@cache
def _committee_words() -> dict[str, str]:
    """Level word -> the committee that leads a Đảng bộ of that level ("huyện" -> "Huyện ủy")."""
    return {r.place: p for p, rows in patterns().items() for r in rows
            if r.role == "committee" and r.style == "bare" and r.kind == "party" and p[:1].isupper()}


def is_party_committee(head: str) -> bool:
    return any(p.role == "committee" and p.kind == "party" for p in patterns()[head])


def committee_in(text: str, start: int, end: int, name: str) -> str | None:
    """The Party committee (or Đảng bộ) a unit named ``name`` at ``text[start:end]`` is or belongs
    to, named as in ``name``: "UBKT Huyện ủy Tam Đảo" -> "Huyện ủy Tam Đảo"."""
    for m in head_regex().finditer(text, start, end):
        if not is_party_committee(m.group()):
            continue
        prefix = expand(text[start : m.start()])
        if not name.casefold().startswith(prefix.casefold()):
            return None
        rest = name[len(prefix) :].strip()
        return rest[:1].upper() + rest[1:] if rest else None
    return None


def _level(rest: str) -> tuple[str, str] | None:
    """(level kind, what follows it) when ``rest`` begins with a level word: " xã Vĩnh Tường"."""
    lw = LEVEL_WORD.match(" " + rest)
    return (kind_of_level_word(lw.group("lw")), rest[lw.end() - 1 :]) if lw else None


def as_committee(name: str) -> str:
    """ "Đảng bộ huyện Tam Đảo" -> "Huyện ủy Tam Đảo", "Đảng bộ xã X" -> "Đảng ủy xã X"."""
    if not name.startswith(PARTY_BODY):
        return name
    rest = name[len(PARTY_BODY) :]
    level = _level(rest)
    if level and level[0] in _committee_words():
        return f"{_committee_words()[level[0]]}{level[1]}"
    return PARTY_COMMITTEE + rest


def as_party_body(name: str) -> str:
    """ "Huyện ủy Tam Đảo" -> "Đảng bộ huyện Tam Đảo", "Đảng ủy xã X" -> "Đảng bộ xã X"."""
    if name.startswith(PARTY_COMMITTEE):
        return PARTY_BODY + name[len(PARTY_COMMITTEE) :]
    for level, committee in _committee_words().items():
        if name.startswith(committee) and not name[len(committee) : len(committee) + 1].isalnum():
            return f"{PARTY_BODY} {level}{name[len(committee):]}"
    return name


def main_committee(places: ArticlePlaces) -> str | None:
    """The article's own committee: of its district-level place, else its commune, else its
    (named) province."""
    found = (places.local_kind, places.local) if places.local and places.local_kind else None
    if found is None and places.commune and places.commune_kind:
        found = (places.commune_kind, places.commune)
    found = found or places.place_for("province")
    if found is None:
        return None
    kind, place = found
    if kind in COMMUNE_WORDS:
        return f"{PARTY_COMMITTEE} {kind} {place}"
    committee = _committee_words().get(kind)
    return f"{committee} {place}" if committee else None


def organ_name(text: str, start: int, end: int, committee: str) -> str:
    """The organ written at ``text[start:end]`` named with ``committee``."""
    organ = expand(text[start:end])
    of_committee = any(p.of_committee for p in patterns()[text[start:end]])
    owner = as_committee(committee) if of_committee else as_party_body(committee)
    return f"{organ[:1].upper()}{organ[1:]} {owner}"


def sentence_of(text: str, pos: int) -> tuple[int, int]:
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, pos)), default=0)
    end = SENTENCE_END.search(text, pos)
    return start, end.start() if end else len(text)


def owner_of(text: str, start: int, named: list[tuple[int, int, str, str]],
             places: ArticlePlaces) -> str | None:
    """The committee of the bare organ at ``start``, from the other units ``named`` ((start, end,
    kind, name) each): the nearest in its sentence, else the article's; None when the nearest is
    a body with organs of its own."""
    first, last = sentence_of(text, start)
    after_first = text[max(0, start - 20) : start].rstrip().endswith("Ủy viên")
    ranked: list[tuple[tuple[int, int], str | None]] = []
    for a, b, kind, name in named:
        if a < first or b > last:
            continue
        committee = committee_in(text, a, b, name) if kind == "party" else None
        if committee is None and kind not in OWN_ORGANS:
            continue
        after = a >= start
        distance = a - start if after else start - b
        rank = (not after, distance) if after_first else (distance, not after)
        ranked.append((rank, committee))
    if not ranked:
        return main_committee(places)
    return min(ranked, key=lambda r: r[0])[1]
