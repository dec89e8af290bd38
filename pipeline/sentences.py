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
_END_CHARS = ".!?…"  # what an _END match begins with
_LINE = re.compile(r"[^\n]+")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, stripped of surrounding white space."""
    return list(_sentences(text))


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`sentences`, uncached (for pieces of an article: a cache keyed by a line's text would
    carry lines over from one article to the next).

    ``_END.finditer`` over each line, found faster: a match can only begin at one of the few
    end-of-sentence characters, so only those places are tried (in order, none inside the
    previous match), and every other character of the article costs nothing."""
    out: list[tuple[int, int]] = []
    ends = _end_chars(text)
    i = 0
    for line in _LINE.finditer(text):
        ls, le = line.span()
        cut = pos = ls
        while i < len(ends) and ends[i] < le:
            at = ends[i]
            i += 1
            if at < pos:
                continue
            m = _END.match(text, at, le)
            if m is None:
                continue
            pos = m.end()
            if text[at] == "." and not text.startswith("...", at) and _closes_abbreviation(text, cut, at):
                continue
            _emit(text, cut, pos, out)
            cut = pos
        _emit(text, cut, le, out)
    return tuple(out)


# Cached: the indicators stage and its period resolver both split the same article.
_sentences = lru_cache(maxsize=32)(split_sentences)


def line_of(text: str, pos: int) -> tuple[int, int]:
    """The line (between line breaks) that holds ``pos``."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def line_sentences(text: str, line: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentences of one line of ``text`` (:func:`line_of`): those of :func:`sentences` that lie
    in it (every line is split on its own), without splitting the rest of the text."""
    a = line[0]
    return [(a + s, a + e) for s, e in split_sentences(text[a : line[1]])]


def _end_chars(text: str) -> list[int]:
    """The offsets of every character an _END match may begin with, in order."""
    found = []
    for char in _END_CHARS:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    return sorted(found)


def _closes_abbreviation(text: str, cut: int, dot: int) -> bool:
    r"""Is the dot at ``dot`` not the end of a sentence but that of the word before it (from ``cut``),
    a known abbreviation or a single letter? (The word is the run of non-space characters before
    the dot, what ``re.search(r"(\S+)$", text[cut:dot])`` finds.)"""
    if dot == cut or text[dot - 1].isspace():
        return False
    w = text[cut:dot].rsplit(None, 1)[-1].lower().rstrip(".")
    return w in _ABBREV or (len(w) == 1 and w.isalpha())


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
