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
    out: dict[str, list[Pattern]] = {}  # a plain dict while it is filled (see the return)
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
        if not any(p.role in HEAD_ROLES or p.role == "centre" for p in pats):
            continue
        for short in _short_forms(surface):
            out.setdefault(short, list(pats))
    roles = ("fixed", "organ", "committee", "centre", "body", "named", "described", "enterprise")
    order = {r: i for i, r in enumerate(roles)}
    for pats in out.values():
        pats.sort(key=lambda p: order.get(p.role, 99))
    for surface, pats in list(out.items()):
        out.setdefault(pattern_key(surface), pats)
    # copied into the table at the end: mypyc (the compiled build, setup.py) compiles setdefault on a
    # subclass of dict into one that adds nothing
    return PatternTable(out)


def _short_forms(surface: str) -> list[str]:
    """The pattern with abbreviations written for its full forms ("Ban Quản lý các khu công nghiệp"
    -> "Ban Quản lý các KCN", "Ủy ban Kiểm tra Trung ương" -> "UBKT Trung ương", "UBKT TW" …);
    level words ("thành phố" -> "TP") are left to :data:`LEVEL_WORD`."""
    found, todo = [surface], [surface]
    if _any_full_form().search(surface) is None:
        return []  # most surfaces: none of the full forms in them, nothing to abbreviate
    while todo and len(found) < 12:
        current = todo.pop()
        for abbr, full_form in _full_forms():
            for m in full_form.finditer(current):
                short = current[: m.start()] + abbr + current[m.end() :]
                if short not in found:
                    found.append(short)
                    todo.append(short)
    return found[1:]


def _alternation(roles: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted((p for p, rows in patterns().items() if any(r.role in roles for r in rows)),
                   key=len, reverse=True)
    # one trie of the surfaces, a word per edge: the scan tries one branch per word instead of
    # every surface, and the pattern is small (fast to compile)
    trie: Trie = {}
    lengths: dict[str, int] = {}  # each edge's regex: the length of the text it matches
    for word in words:
        node = trie
        for atom, length in _atoms(word):
            lengths[atom] = length
            node = node.setdefault(atom, {})
        node[""] = {}  # a surface ends here
    # not inside a document number: "Kế hoạch số 45/KH-UBND", "Công văn số 3127/UBND-KTTH";
    # every surface begins with a letter: each branch of the trie with its first letter first, so
    # the scan skips to those letters in C, then looks at the character before (not in a word)
    by_letter: dict[str, Trie] = {}
    for atom, child in trie.items():
        if not atom[:1].isalpha() or len(atom) < 2:
            raise ValueError(f"a unit pattern that is not a word of letters: {atom!r}")
        by_letter.setdefault(atom[0] + r"(?<![\w/-].)", {})[atom[1:]] = child
        lengths[atom[1:]], lengths[atom[0] + r"(?<![\w/-].)"] = lengths[atom] - 1, 1
    return re.compile(rf"(?:{_trie_pattern(by_letter, lengths)})(?![\w])(?!-\w)")


Trie = dict[str, "Trie"]  # the regex of a word -> the trie after it; "" marks the end of a surface


def _atoms(surface: str) -> list[tuple[str, int]]:
    """The regex of each word of ``surface`` and the length of the text it matches: the first word
    as written, later words after their space with the first letter in either case (" [Kk]iểm")."""
    first, *rest = surface.split(" ")
    atoms = [(re.escape(first), len(first))]
    for word in rest:
        if word[:1].isalpha():
            atoms.append((f" [{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}", len(word) + 1))
        else:
            atoms.append((" " + re.escape(word), len(word) + 1))
    return atoms


def _trie_pattern(node: Trie, lengths: dict[str, int]) -> str:
    """The regex of a trie: it tries the surfaces that match at a place longest first, as an
    alternation of them longest first does. Two words that match at one place match texts of which
    one begins the other (a word holds no space): the longer is tried first; after the shorter the
    text goes on with no space, so only a surface ending there is shorter than all after the longer."""
    chain = []
    while len(node) == 1 and "" not in node:  # one way on: no group
        atom, node = next(iter(node.items()))
        chain.append(atom)
    ordered = sorted((atom for atom in node if atom), key=lambda atom: -lengths[atom])
    branches = [atom + _trie_pattern(node[atom], lengths) for atom in ordered]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")" if branches else ""
    if "" in node and branches:
        body = f"(?:{body})?"  # greedy: the longer surface first
    return "".join(chain) + body


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


@cache
def _full_forms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """:func:`short_forms`, each full form as the regex that finds it in a surface."""
    return tuple((abbr, re.compile(rf"(?<!\w){re.escape(full)}(?!\w)", re.IGNORECASE))
                 for abbr, full in short_forms())


@cache
def _any_full_form() -> re.Pattern[str]:
    """Where any of :func:`_full_forms` matches (the one search that tells a surface has none)."""
    fulls = "|".join(re.escape(full) for _, full in short_forms())
    return re.compile(rf"(?<!\w)(?:{fulls})(?!\w)", re.IGNORECASE)


def expand(text: str) -> str:
    """Abbreviations written out ("BTV Tỉnh ủy" -> "Ban Thường vụ Tỉnh ủy"), "(BTV)" dropped."""
    pat, table = abbreviations()
    if "(" in text:
        text = ABBR_IN_PARENS.sub("", text)
    out = pat.sub(lambda m: table[m.group()], text)
    if "thành phố" in out:
        out = _CITY_GLUED.sub(r"\1 ", out)  # "TP.HCM"
    return " ".join(out.split())  # runs of white space as one space, none at the ends


@lru_cache(maxsize=8)
def _expanded_in(text: str) -> dict[str, str]:
    """What :func:`expand` gave for names written in the article ``text`` (one dict per article)."""
    return {}


def expand_in(text: str, written: str) -> str:
    """:func:`expand` of ``written``, a name written in the article ``text``: an article names the
    same units and posts again and again, so each is expanded once per article."""
    expanded = _expanded_in(text)
    name = expanded.get(written)
    if name is None:
        name = expanded[written] = expand(written)
    return name


_CITY_GLUED = re.compile(r"(thành phố)\.?(?=[^\W\d_])")
