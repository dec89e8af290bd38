"""Name candidates the officials rules are unsure of, and the NER model's word on them.

The officials stage (:mod:`extractors.officials`) takes a person's name to start with a listed
family name. Where a post stands next to a run of title-case words that does not ("Bà H'Yim
Kđoh", "Ông Mông Văn Tân", of which the rule takes "Văn Tân"), it asks :func:`ner_people`,
which runs :mod:`pipeline.ner` on that run's sentence only; the model is loaded on first use.
Runs that begin like a place or a body ("Thôn Đông", ``resources/name_stops.txt``, the unit
patterns) or follow a level word ("xã Đắk Nhau") are never sent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from extractors.datafiles import RESOURCES
from extractors.unit_patterns import head_regex
from pipeline.sentences import sentences

# a word of an unsure name is title case and may carry an apostrophe: "K'Ré", "H'Yim"
_UPPER = "".join(filter(str.isalpha, filter(str.isupper, map(chr, range(0x41, 0x1F00)))))
LOWER_LETTERS = "".join(filter(str.isalpha, filter(str.islower, map(chr, range(0x61, 0x1F00)))))


def char_class(chars: str) -> str:
    """The body of a regex class of ``chars`` (in order), runs of consecutive characters as ranges:
    a shorter pattern, faster to compile."""
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) + (f"-{re.escape(chars[j])}" if j > i else ""))
        i = j + 1
    return "".join(out)


_UPPER_CLASS, _LOWER_CLASS = char_class(_UPPER), char_class(LOWER_LETTERS)
# (the capital is matched before the look back at the character before it: the engine skips to capitals)
NAME_WORD = re.compile(
    rf"[{_UPPER_CLASS}](?<![\w'’].)[{_LOWER_CLASS}]*(?:['’][{_UPPER_CLASS}][{_LOWER_CLASS}]*)*(?![\w'’])"
)
CAPITALISED_RUN = re.compile(rf"{NAME_WORD.pattern}(?: {NAME_WORD.pattern})+")
WORDS_BEFORE = re.compile(rf"(?:{NAME_WORD.pattern} )+$")
LEVEL_BEFORE = re.compile(
    r"(?<!\w)(?:[Tt]ỉnh|[Tt]hành phố|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hị trấn|[Xx]ã|[Pp]hường"
    r"|[Tt]hôn|[Xx]óm|[Bb]ản|[Ấấ]p|[Bb]uôn|[Ll]àng)\s+$"
)
HONORIFICS = frozenset({"Ông", "Bà", "Anh", "Chị", "Cụ"})


@cache
def name_stops() -> frozenset[str]:
    """Words that begin a capitalised run which is never a name (``resources/name_stops.txt``)."""
    lines = (RESOURCES / "name_stops.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def not_a_name(run: str) -> bool:
    """ "Thôn Đông", "Hội Nông dân …": a run that begins like a place or a body."""
    return run.split()[0] in name_stops() or head_regex().match(run) is not None


def after_level_word(text: str, pos: int) -> bool:
    """ "UBND xã |Đắk Nhau|": a run right after a level word names the place."""
    return LEVEL_BEFORE.search(text[max(0, pos - 12) : pos]) is not None


def is_titlecase(word: str) -> bool:
    """ "Nguyễn", "K'Ré": each part (between apostrophes) a capital, then lower case."""
    if "'" not in word and "’" not in word:
        return word[:1].isupper() and (len(word) == 1 or word[1:].islower())
    return all(p[:1].isupper() and (len(p) == 1 or p[1:].islower()) for p in re.split(r"['’]", word))


def mask(text: str, spans: list[tuple[int, int]], also: bytearray | None = None) -> bytearray:
    """One byte per character of ``text``: 1 inside one of ``spans`` (or of the mask ``also``)."""
    inside = bytearray(len(text) + 1) if also is None else bytearray(also)
    for a, b in spans:
        inside[a:b] = b"\x01" * (b - a)
    return inside


def unsure_runs(text: str, inside: bytearray, max_words: int,
                within: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Runs of 2 to ``max_words`` title-case words outside the masked spans, "Ông"/"Bà" left out.

    ``within``: spans of ``text`` that hold every run of title-case words (the runs of capitalised
    syllables of :func:`extractors.officials.capitalised_runs`), looked in instead of the whole text
    (with the character after each span, which tells whether a word ends there)."""
    out: list[tuple[int, int]] = []
    # (a span masked from end to end holds no run: every word of it starts inside)
    runs = CAPITALISED_RUN.finditer(text) if within is None else (
        run for a, b in within if inside.find(0, a, b) >= 0
        for run in CAPITALISED_RUN.finditer(text, a, b + 1))
    for run in runs:
        # the run's words are joined by single spaces: a group of them, by its first start, its
        # last end and its length
        pos, first, last_end, count = run.start(), 0, 0, 0
        for word in (*run.group().split(" "), None):
            if word is not None and not inside[pos] and not (count == 0 and word in HONORIFICS):
                first = pos if count == 0 else first
                last_end, count = pos + len(word), count + 1
            else:
                if 2 <= count <= max_words:
                    out.append((first, last_end))
                count = 0
            if word is not None:
                pos += len(word) + 1
    return out


def words_before(text: str, start: int, inside: bytearray) -> int:
    """Where the title-case words written right before ``start`` begin: "Ông |Mông |Văn Tân"."""
    lo, last = max(0, start - 40), text[start - 1 : start]
    # the last word before ``start`` is followed by a space and has a capital: not "đồng chí |Nguyễn"
    # (before a line break "$" may match too: the search tells)
    last_word = text[max(lo, text.rfind(" ", lo, start - 1) + 1) : start - 1] if last == " " else ""
    if last != "\n" and (last != " " or last_word.islower()):
        return start
    before = WORDS_BEFORE.search(text, lo, start)
    if before is None:
        return start
    for word in reversed(list(NAME_WORD.finditer(text, before.start(), start))):
        if inside[word.start()] or word.group() in HONORIFICS:
            break
        start = word.start()
    return start


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (by :func:`pipeline.sentences.sentences`) holding ``text[start:end]``, else its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    in_line = sentences(text[line_start:line_end])
    return next(((line_start + a, line_start + b) for a, b in in_line
                 if line_start + a <= start and end <= line_start + b), (line_start, line_end))


def ner_people(text: str, candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The candidates that the NER model, run on each one's sentence, tags as (inside) a person."""
    from pipeline.ner import find_people

    people: dict[tuple[int, int], list[tuple[int, int]]] = {}
    accepted = []
    for a, b in candidates:
        sentence = sentence_around(text, a, b)
        if sentence not in people:
            people[sentence] = find_people(text, *sentence)
        if any(s <= a and b <= e for s, e in people[sentence]):
            accepted.append((a, b))
    return accepted
