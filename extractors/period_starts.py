"""Where the period patterns of :mod:`extractors.period_expressions` may begin in a text.

Each pattern says where in the lower-cased text a match of it can begin (its *starts*): a regex
led by two letters ("so\\s+với\\s"; "hoạch »…": the match begins right after "hoạch "), or
"N <word>": a number of one or two digits before the spaces before <word> ("N tháng"), or right
before "/" ("N /"). :func:`build_scans` turns every pattern's starts into one scan per first letter
(a regex led by one letter runs many times faster than one led by a class or an alternation);
:func:`candidates` runs them over the text once and lists, for each pattern, the places to try.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# what a place a scan finds means: (pattern, how far after the place it may begin) and the patterns
# that may begin at a number written before the place
Meaning = tuple[tuple[tuple[int, int], ...], tuple[int, ...]]
# letters that match the patterns' lower-case letters when the case is ignored, but are not what
# ``str.lower`` turns those into ("ſ" for "s", "ı" for "i"): a text with them takes the slower way
OTHER_CASES = ("ſ", "ı")


Scans = tuple[re.Pattern[str], ...]


def build_scans(starts_by_pattern: Sequence[tuple[str, ...]]) -> tuple[Scans, dict[str, Meaning]]:
    """The patterns' starts as one scan per first letter, and what a place found means by its first
    two letters (by "/" for a slash)."""
    by_letter: dict[str, list[str]] = {}
    at_word: dict[str, list[tuple[int, int]]] = {}
    at_number: dict[str, list[int]] = {}
    for rank, starts in enumerate(starts_by_pattern):
        for start in starts:
            if start.startswith("N "):  # "N năm": one or two digits, then spaces, before "năm"
                word = start[2:]
                after = rf"(?<=\d{word})" if word == "/" else rf"(?:(?<=\d\s{word})|(?<=\s\s{word}))"
                written = word + after
                at_number.setdefault(word[:2], []).append(rank)
            else:  # "hoạch »…": the match begins after "hoạch "
                shift = max(start.find("»"), 0)
                written = start.replace("»", "")
                at_word.setdefault(written[:2], []).append((rank, shift))
            rests = by_letter.setdefault(written[0], [])
            if written[1:] not in rests:
                rests.append(written[1:])
    scans = tuple(re.compile(rf"{letter}(?={'|'.join(rests)})") for letter, rests in by_letter.items())
    keys = at_word.keys() | at_number.keys()
    return scans, {k: (tuple(at_word.get(k, ())), tuple(at_number.get(k, ()))) for k in keys}


def lower_case(text: str) -> str | None:
    """``text`` lower-cased, if that keeps it aligned with the patterns' case-blind letters (every
    letter one letter, none of OTHER_CASES): what a pattern matches there, lower case, stands at
    the same place in it (tests/extractors/test_periods.py checks the letters)."""
    lower = text.lower()
    if len(lower) != len(text) or any(c in text for c in OTHER_CASES):
        return None
    return lower


def candidates(lower: str, scans: Scans, found_at: dict[str, Meaning],
               n_patterns: int, start: int = 0, end: int | None = None) -> list[list[int]]:
    """For each pattern, the places where a match of it may begin (in order): where its starts stand
    in ``lower`` (the text lower-cased by :func:`lower_case`), found by ``scans``; only those in
    ``[start, end)``, which must each be 0, the text's length or a place right after a ".": no
    start of a pattern holds a ".", so a scan stopped before one finds what a scan of it all does."""
    out: list[list[int]] = [[] for _ in range(n_patterns)]
    end = len(lower) if end is None else end
    meaning = found_at.get
    for scan in scans:
        for m in scan.finditer(lower, start, end):
            at = m.start()
            at_word, at_number = meaning(lower[at : at + 2]) or found_at[lower[at]]
            for rank, shift in at_word:
                out[rank].append(at + shift)
            if at_number:
                for place in number_before(lower, at):
                    if place >= start:
                        for rank in at_number:
                            out[rank].append(place)
    for places in out:
        if len(places) > 1:
            places.sort()
    return out


def number_before(text: str, at: int) -> list[int]:
    """Where a number of one or two digits may begin that ends right before ``at``, or before the
    spaces that end there."""
    end = at
    while end and text[end - 1].isspace():
        end -= 1
    return [i for i in (end - 1, end - 2) if i >= 0 and text[i].isdecimal()]


def finditer(pattern: re.Pattern[str], text: str, places: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, trying only ``places`` (no other place can begin a match)."""
    out = []
    free_from = 0
    for at in places:
        if at >= free_from:
            m = pattern.match(text, at)
            if m is not None:
                out.append(m)
                free_from = max(m.end(), at + 1)
    return out
