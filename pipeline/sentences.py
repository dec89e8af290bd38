"""Sentence boundaries as character offsets, by rule (fast; no model).

A sentence ends at a line break, or at ``.``/``!``/``?``/``…`` followed by white space and an
upper-case letter, a digit or an opening quote, unless the dot closes a known abbreviation
("Đ.c", "TP.", "ThS.") or sits inside a number ("7.776,6").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

_ABBREV = {"đ.c", "tp", "th.s", "ths", "ts", "pgs", "gs", "bs", "ks", "mr", "st", "đ/c", "q", "p", "tt"}
_END = re.compile(r"(?:\.{3}|…|[.!?])+[\"”’)]*(?=\s+[\"“‘(]?[A-ZÀ-Ỹ0-9Đ])")
_LINE = re.compile(r"[^\n]+")
_LAST_WORD = re.compile(r"(\S+)$")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, stripped of surrounding white space."""
    return list(_sentences(text))


@lru_cache(maxsize=32)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: the indicators stage and its period resolver both split the same article."""
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        ls, le = line.span()
        cut = ls
        for m in _END.finditer(text, ls, le):
            word = _LAST_WORD.search(text, cut, m.start())
            if word and m.group().startswith(".") and not m.group().startswith("..."):
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                    continue
            _emit(text, cut, m.end(), out)
            cut = m.end()
        _emit(text, cut, le, out)
    return tuple(out)


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _start(bounds: tuple[int, int]) -> int:
    return bounds[0]


def sentence_at(bounds: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The sentence (from :func:`sentences`) that contains ``offset``."""
    i = bisect_right(bounds, offset, key=_start) - 1
    if i >= 0 and bounds[i][0] <= offset < bounds[i][1]:
        return bounds[i]
    return None
