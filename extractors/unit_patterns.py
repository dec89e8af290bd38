"""Unit patterns: the data the units stage matches with, loaded once from ``resources/``.

``resources/units.jsonl`` gives each pattern its ``role`` (organ, committee, body, named,
described, enterprise, fixed …), ``kind`` and the place the context adds; :func:`head_regex`
finds where a mention may begin. ``resources/abbreviations.csv`` drives :func:`expand`, and
``resources/surnames.txt`` (:func:`surnames`) tells where a body's name stops and a person's begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from extractors.datafiles import RESOURCES, read_csv, read_jsonl

HEAD_ROLES = ("fixed", "organ", "committee", "body", "named", "described", "enterprise")
LEVEL_WORD = re.compile(
    r"\s+(?P<lw>[Tt]ỉnh|[Tt]hành phố|T[Pp]\.?|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hị trấn|[Xx]ã(?!\s+hội)"
    r"|[Pp]hường)(?!\w)"
)
ABBR_IN_PARENS = re.compile(r"\s*\([A-ZĐ]{2,8}\)")

# orthography: the old tone placement ("hoá", "Uỷ ban") read as the new ("hóa", "Ủy ban")
_OLD_TONES = {"o": "áàảãạéèẻẽẹ", "u": "ýỳỷỹỵ"}
_NEW_TONES = {"o": "óòỏõọóòỏõọ", "u": "úùủũụ"}
_VOWEL_AFTER = {"o": "aaaaaeeeee", "u": "yyyyy"}


def _fold_table() -> dict[str, str]:
    table = {}
    for lead in ("o", "u"):
        for old, new, vowel in zip(_OLD_TONES[lead], _NEW_TONES[lead], _VOWEL_AFTER[lead], strict=True):
            table[lead + old] = new + vowel  # "oá" -> "óa", "uỷ" -> "ủy"
            table[lead.upper() + old] = new.upper() + vowel
    return table


_FOLD = _fold_table()
# only where the syllable ends there ("hoà", "Uỷ"): "Hoàng", "Đoàn", "quý" are the same either way;
# the lead vowel first, then the old tone that may follow it (one scan for a character class)
_FOLD_RE = re.compile(
    "[" + "".join(lead + lead.upper() for lead in _OLD_TONES) + "](?<![qQ].)(?:"
    + "|".join(f"(?<=[{lead}{lead.upper()}])[{old}]" for lead, old in _OLD_TONES.items())
    + r")(?!\w)"
)


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """``text`` with the old tone placement ("hoá", "Uỷ") rewritten the new way; same length.
    Cached: the decisions, units and officials stages each fold the same article."""
    return _FOLD_RE.sub(lambda m: _FOLD[m.group()], text)


@dataclass(frozen=True, slots=True)
class Pattern:
    pattern: str
    kind: str
    role: str
    place: str = ""
    style: str = "kind"
    needs_tail: bool = False
    not_after: tuple[str, ...] = ()  # an organ written right after these is part of a post
    name: str = ""  # the canonical name, when the pattern is a short form
    runs_on: bool = False  # a named body whose name may go on in lower case up to a level word
    of_committee: bool = False  # an organ of the committee ("Ban Thường vụ"), not of the Đảng bộ
    open_end: bool = False  # a described body whose purpose may end without a level word ("Tổ công tác …")
    bare: bool = False  # may stand alone, its committee from context ("Ban Thường vụ gồm 11 đồng chí")


def pattern_key(surface: str) -> str:
    """The first word as written, the rest case-folded: "Viện kiểm sát" and "Viện Kiểm sát" agree."""
    first, _, rest = surface.partition(" ")
    return f"{first} {rest.casefold()}" if rest else first


class PatternTable(dict[str, list["Pattern"]]):
    """Patterns by surface; a surface whose later words differ only in case finds them too."""

    def __missing__(self, surface: str) -> list[Pattern]:
        return self.get(pattern_key(surface), [])


@cache
def patterns() -> PatternTable:
    out = PatternTable()
    for row in read_jsonl("units.jsonl", ("pattern", "kind", "role")):
        fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}
        pat = Pattern(**fields)
        out.setdefault(pat.pattern, []).append(pat)
        # after a post the head may be in lower case: "Trưởng ban Tuyên giáo Tỉnh ủy", "Trưởng phòng
        # Tài chính - Kế hoạch huyện" (listed bodies only, not every "phòng …")
        if (pat.role == "organ" and pat.pattern.startswith("Ban ")) or (
                pat.role == "body" and pat.pattern.startswith("Phòng ")):
            out.setdefault(pat.pattern[0].lower() + pat.pattern[1:], []).append(pat)
    for surface, pats in list(out.items()):
        if not any(p.role in (*HEAD_ROLES, "centre") for p in pats):
            continue
        for short in _short_forms(surface):
            out.setdefault(short, list(pats))
    roles = ("fixed", "organ", "committee", "centre", "body", "named", "described", "enterprise")
    order = {r: i for i, r in enumerate(roles)}
    for pats in out.values():
        pats.sort(key=lambda p: order.get(p.role, 99))
    for surface, pats in list(out.items()):
        out.setdefault(pattern_key(surface), pats)
    return out


def _short_forms(surface: str) -> list[str]:
    """The pattern with abbreviations written for its full forms ("Ban Quản lý các khu công nghiệp"
    -> "Ban Quản lý các KCN", "Ủy ban Kiểm tra Trung ương" -> "UBKT Trung ương", "UBKT TW" …);
    level words ("thành phố" -> "TP") are left to :data:`LEVEL_WORD`."""
    found, todo = [surface], [surface]
    while todo and len(found) < 12:
        current = todo.pop()
        for abbr, full in short_forms():
            for m in re.finditer(rf"(?<!\w){re.escape(full)}(?!\w)", current, re.IGNORECASE):
                short = current[: m.start()] + abbr + current[m.end() :]
                if short not in found:
                    found.append(short)
                    todo.append(short)
    return found[1:]


def _alternation(roles: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted((p for p, rows in patterns().items() if any(r.role in roles for r in rows)),
                   key=len, reverse=True)
    # grouped by first word, longest first within a group (a trie of one level: the scan tries one
    # group per position instead of every surface); groups by length, so "TP." is tried before "TP"
    tails: dict[str, list[str]] = {}
    for word in words:
        first = re.escape(word.partition(" ")[0])
        tails.setdefault(first, []).append(_either_case(word)[len(first) :])
    groups = [first + (f"(?:{'|'.join(dict.fromkeys(rest))})" if rest != [""] else "")
              for first, rest in sorted(tails.items(), key=lambda g: -len(g[0]))]
    # not inside a document number: "Kế hoạch số 45/KH-UBND", "Công văn số 3127/UBND-KTTH"
    # every surface begins with one of a few letters: a class of them first lets the scan skip fast
    first_chars = "".join(re.escape(c) for c in sorted({w[0] for w in words}))
    return re.compile(rf"(?=[{first_chars}])(?<![\w/-])(?:" + "|".join(groups) + r")(?![\w])(?!-\w)")


def _either_case(surface: str) -> str:
    """The first word as written, later words in either case: "Viện [Kk]iểm [Ss]át"."""
    first, *rest = surface.split(" ")
    later = [f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" if w[:1].isalpha() else re.escape(w)
             for w in rest]
    return r"\ ".join([re.escape(first), *later])


@cache
def head_regex() -> re.Pattern[str]:
    return _alternation(HEAD_ROLES)


@cache
def centre_regex() -> re.Pattern[str]:
    return _alternation(("centre",))


@cache
def words_of(role: str) -> frozenset[str]:
    return frozenset(p for p, rows in patterns().items() if any(r.role == role for r in rows))


@cache
def surnames() -> frozenset[str]:
    """Vietnamese family names (``resources/surnames.txt``): a body's name stops where a person's begins."""
    lines = (RESOURCES / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@cache
def abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = [r for r in read_csv("abbreviations.csv", ("abbr", "full", "expand")) if r["expand"] == "yes"]
    table = {r["abbr"]: r["full"] for r in rows}
    alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])"), table


@cache
def short_forms() -> tuple[tuple[str, str], ...]:
    """(abbreviation, full form) pairs a unit may be written with, longest full form first; level
    words ("Tp") and company forms (expand = no) are not among them."""
    _, table = abbreviations()
    pairs = [(a, f) for a, f in table.items() if not LEVEL_WORD.fullmatch(" " + f)]
    return tuple(sorted(pairs, key=lambda p: -len(p[1])))


def expand(text: str) -> str:
    """Abbreviations written out ("BTV Tỉnh ủy" -> "Ban Thường vụ Tỉnh ủy"), "(BTV)" dropped."""
    pat, table = abbreviations()
    if "(" in text:
        text = ABBR_IN_PARENS.sub("", text)
    out = pat.sub(lambda m: table[m.group()], text)
    if "thành phố" in out:
        out = _CITY_GLUED.sub(r"\1 ", out)  # "TP.HCM"
    return " ".join(out.split())  # runs of white space as one space, none at the ends


_CITY_GLUED = re.compile(r"(thành phố)\.?(?=[^\W\d_])")
