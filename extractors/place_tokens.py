"""Word tokens for the place gazetteer's scan: offsets and words, with a run-together "YênVĩnh"
(two headlines glued together by the page) cut in two."""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate

WORD = re.compile(r"\w+")
NON_WORD = re.compile(r"(\W+)")  # what separates two words (kept by split)


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens; a run-together "YênVĩnh" (two headlines glued by the page) is split in two."""
    parts = NON_WORD.split(text)  # word, gap, word, …, word: the first and last may be empty
    offsets = list(accumulate(map(len, parts), initial=0))
    words = list(zip(offsets[0::2], offsets[1::2], parts[0::2], strict=True))
    if words and not words[-1][2]:
        del words[-1]
    if words and not words[0][2]:
        del words[0]
    if not _may_hold_glued(text, parts[0::2]):
        return words  # the common case: no word can hold two glued together (see _may_be_glued)
    out = []
    for start, end, word in words:
        if not _may_be_glued(word):
            out.append((start, end, word))
            continue
        cuts = [i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()]
        for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True):
            out.append((start + a, start + b, word[a:b]))
    return out


def _may_hold_glued(text: str, words: list[str]) -> bool:
    """Some word may be cut in two: it has a lower-case letter right before a capital (found by one
    scan of the text unless it holds characters beyond the Basic Multilingual Plane)."""
    if _ASTRAL.search(text) is None:
        return _lower_then_capital().search(text) is not None
    return any(len(w) > 2 and not (w[1:].islower() or w.isupper() or w.isdigit()) for w in words)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _lower_then_capital() -> re.Pattern[str]:
    """A lower-case letter then a capital, as ``str.islower``/``str.isupper`` tell them (classes of
    Basic Multilingual Plane characters: sre scans those as bitmaps)."""
    letters = "".join(WORD.findall("".join(map(chr, range(0x10000)))))  # every word character
    lower = "".join(re.escape(c) for c in letters if c.islower())
    upper = "".join(re.escape(c) for c in letters if c.isupper())
    return re.compile(f"[{lower}][{upper}]")


def _may_be_glued(word: str) -> bool:
    return not (len(word) < 3 or word[1:].islower() or word.isupper() or word.isdigit())
