"""Reporting periods: which period each figure belongs to, as the contract's codes.

The expressions and their roles (point, plan, term, span, base, date, since) are found by
:mod:`extractors.period_expressions`.

Expressions that leave the year unsaid ("6 tháng đầu năm", "năm nay") take the publication year,
else the last year the article named before them. :class:`PeriodResolver` picks the period of one
figure: the nearest expression in its clause (a start point there: the publication year), else the
term of its sentence for a yearly figure ("mỗi năm", "bình quân … %/năm"), else the last point
period before it in its sentence (or one right after it, up to the next semicolon), else a term
named in its sentence, else the first period that carries in the last earlier sentence that names
one (unless that lies after the publication year), else the publication year. A report put out in
January or February that names the year before speaks of it ("Đến hết năm" → that year). With no
publication date, a "Cập nhật: 26/01/2024 16:05" line at the top of the text stands in for it.
Sentences listed as ``quiet`` (related headlines glued into a line) lend their periods to no other
sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import cast

from extractors.period_expressions import PeriodMention, find_periods, periods_between, stretch_around
from extractors.period_starts import lower_case
from pipeline.sentences import line_of, line_sentences

__all__ = ["PeriodMention", "PeriodResolver", "codes", "dateline", "find_periods"]

# how far after a figure a period in its sentence may stand and still be its period
NEAR_AFTER = 40
LOOK_BACK = 1500  # how much more of the text to read at a time for a period carried from before
# a yearly figure of a term: "mỗi năm kết nạp 60 đảng viên", "tăng bình quân 8%/năm"
_ANNUAL = re.compile(
    r"(?<!\w)(?:mỗi\s+năm|hằng\s+năm|hàng\s+năm|bình\s+quân(?!\s+đầu\s+người))(?!\w)|%\s*/\s*năm",
    re.IGNORECASE,
)
_NONE_NAMED = object()  # what PeriodResolver._in_sentence_code gives when the sentence names none
# a report put out in January or February is about the year before when it names that year
YEAR_END_MONTHS = (1, 2)
DATELINE_HEAD = 600  # how far into the text a "Cập nhật: 26/01/2024 16:05" line may stand
_DATELINE = re.compile(
    r"^\s*(?:(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|ngày\s+cập\s+nhật)\s*:?\s*)?"
    r"(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,\s*)?\d{1,2}[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?![\d/])",
    re.IGNORECASE | re.MULTILINE,
)


class PeriodResolver:
    """The period of each figure of one article (see the module docstring)."""

    def __init__(
        self,
        text: str,
        published: str | None,
        quiet: Sequence[tuple[int, int]] = (),
        bounds: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        """``bounds``: every sentence of the text, if the caller split it all (else the lines that
        ask are split alone)."""
        self.text = text
        self._bounds = bounds
        self._quiet = quiet
        # the mentions are found stretch by stretch, as the figures ask (most of a text holds none):
        # those of ``[_lo, _hi)`` are known, and the stretch only grows
        self._lower = lower_case(text)
        self._lo = self._hi = 0
        self._index([])
        # keyed by where the mention starts (they do not overlap): hashing the mention itself hashes
        # every field of it
        self._codes: dict[int, str | None] = {}
        # per clause: the usable mentions inside it; per sentence: its points, its terms and spans
        self._in_clause: dict[tuple[int, int], list[PeriodMention]] = {}
        self._in_sentence: dict[tuple[int, int], tuple[list[PeriodMention], list[PeriodMention]]] = {}
        self._carried_into: dict[tuple[int, int], str | None] = {}  # per sentence: the period it takes
        self._line_sentences: dict[tuple[int, int], list[tuple[int, int]]] = {}  # per line: its sentences
        self.pub_year, self.pub_month = _published(published or dateline(text))

    def _index(self, mentions: list[PeriodMention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in self.mentions]
        # the mentions that can be a figure's period, and those of them that name a point in time
        # (the mentions do not overlap and run left to right: their starts and ends are both sorted)
        self.usable = [m for m in self.mentions if m.role in ("point", "plan", "term", "span")]
        self.points = [m for m in self.usable if m.role in ("point", "plan")]
        self._usable_starts = [m.start for m in self.usable]
        self._usable_ends = [m.end for m in self.usable]
        self._point_starts = [m.start for m in self.points]
        self._since_starts = [m.start for m in self.mentions if m.role == "since"]

    def prepare(self, start: int, end: int) -> None:
        """Find the periods of ``[start, end)`` (the stretch of the article that holds its figures) at
        once, rather than sentence by sentence as its figures ask."""
        self._cover(start, end)

    def _cover(self, start: int, end: int) -> None:
        """Find the mentions of ``[start, end)`` too (and of what lies between it and those known)."""
        if self._lo <= start and end <= self._hi and self._lo < self._hi:
            return
        text = self.text
        if self._lower is None:  # the text is read whole (see periods_between)
            lo, hi = 0, len(text)
            found = self._found(lo, hi)
        elif self._lo == self._hi:
            lo, hi = stretch_around(text, start, end)
            found = self._found(lo, hi)
        else:
            lo, hi = stretch_around(text, min(start, self._lo), max(end, self._hi))
            found = self._found(lo, self._lo) + self.mentions + self._found(self._hi, hi)
        self._lo, self._hi = lo, hi
        self._index(found)

    def _found(self, start: int, end: int) -> list[PeriodMention]:
        if start >= end:
            return []
        quiet = self._quiet
        return [
            replace(m, carries="no") if any(a <= m.start < b for a, b in quiet) else m
            for m in periods_between(self.text, self._lower, start, end)
        ]

    def _default_year(self, before: int) -> int | None:
        if self.pub_year is not None and self.pub_month not in YEAR_END_MONTHS:
            return self.pub_year
        self._cover(0, before)
        # the year of the last point mention before that names one
        named = next((m.year for m in reversed(self.mentions[: bisect_left(self.starts, before)])
                      if m.role == "point" and m.year is not None), None)
        if self.pub_year is None:
            return named
        if named == self.pub_year - 1:
            return named  # "Đến hết năm, …" in a January review of the year before
        return self.pub_year

    def _code(self, m: PeriodMention) -> str | None:
        if m.start not in self._codes:
            self._codes[m.start] = self._span_code(m) if m.role == "span" else m.code(
                self._default_year(m.start) if m.year is None and m.role != "term" else None, self.pub_month
            )
        return self._codes[m.start]

    def _span_code(self, m: PeriodMention) -> str | None:
        """ "5 năm qua": the five-year term named before it, else the five years up to publication."""
        self._cover(0, m.start)
        for t in reversed(self.mentions[: bisect_left(self.starts, m.start)]):
            if t.role == "term" and t.year and t.year2 and t.year2 - t.year == m.years:
                return f"{t.year}/{t.year2}"
        return f"{self.pub_year - m.years}/{self.pub_year}" if self.pub_year else None

    def _now(self) -> str | None:
        return str(self.pub_year) if self.pub_year else None

    def at(
        self, fig: tuple[int, int], clause: tuple[int, int], sentence: tuple[int, int], own_only: bool = False
    ) -> str | None:
        """The figure's period; ``own_only``: only what its own sentence says (a related headline)."""
        if not (self._lo <= sentence[0] and sentence[1] <= self._hi):
            self._cover(sentence[0], sentence[1])
        usable = self.usable
        inside = self._in_clause.get(clause)
        if inside is None:
            inside = self._in_clause[clause] = _within(usable, self._usable_starts, clause)
        if inside:
            # the period written before the figure, else the nearest one after it
            if len(inside) == 1:
                return self._code(inside[0])
            return self._code(min(inside, key=lambda m: (m.end > fig[0], _distance(m, fig))))
        if self._since_in(clause[0], fig[0]):
            return self._now()  # "riêng từ ngày 1/7 đến nay phường thu được 426 tỷ đồng"
        in_sentence, terms = self._sentence_mentions(sentence)
        if in_sentence or terms:  # else (most sentences) it names no period of its own
            code = self._in_sentence_code(fig, clause, sentence, in_sentence, terms)
            if code is not _NONE_NAMED:
                return cast("str | None", code)
        if own_only:
            return None
        # what holds at the figure holds at the start of its sentence unless a line break lies between
        if self.text.find("\n", sentence[0], fig[0]) >= 0:
            return self._carried(sentence, fig[0])
        if sentence not in self._carried_into:
            self._carried_into[sentence] = self._carried(sentence, fig[0])
        return self._carried_into[sentence]

    def _in_sentence_code(
        self,
        fig: tuple[int, int],
        clause: tuple[int, int],
        sentence: tuple[int, int],
        in_sentence: list[PeriodMention],
        terms: list[PeriodMention],
    ) -> str | None | object:
        """The period its sentence gives a figure whose clause names none, else _NONE_NAMED."""
        reporting_terms = [m for m in terms if m.role == "span" or m.carries != "no"]  # not a body's term
        if reporting_terms and _ANNUAL.search(self.text, clause[0], clause[1]):
            return self._code(reporting_terms[0])  # "mục tiêu nhiệm kỳ 2025 - 2030: …; mỗi năm kết nạp …"
        before = [m for m in in_sentence if m.end <= fig[0]]
        if before:
            return self._code(before[-1])
        # a period right after the figure, in its part of the sentence between semicolons
        segment = _segment(self.text, sentence, fig[0])
        near_after = [m for m in in_sentence if 0 <= m.start - fig[1] <= NEAR_AFTER and m.end <= segment[1]]
        if near_after:
            return self._code(near_after[0])
        if terms:
            return self._code(terms[0])
        return _NONE_NAMED

    def _carried(self, sentence: tuple[int, int], pos: int) -> str | None:
        """The period of a figure at ``pos`` whose sentence names none of its own."""
        if self._since_in(sentence[0], sentence[1]):
            # "Từ năm 2021 đến nay, …": counted up to now, so the publication year, not a carried period
            return self._now()
        # the periods that still hold, among those that end before the sentence (usable[:ended])
        last = self._last_holding(sentence[0], pos)
        if last is not None:
            # the last sentence before that names a period, and the first period it names: in
            # "tổng kết năm 2023 và triển khai nhiệm vụ năm 2024" the report is about 2023
            bounds = self._sentence_at(last.start) or (last.start, last.end)
            self._cover(bounds[0], bounds[1])
            usable = self.usable
            ended = bisect_right(self._usable_ends, sentence[0])
            first = bisect_left(self._usable_starts, bounds[0])
            code = self._code(next(m for m in usable[first:ended] if self._holds(m, pos)))
            # a later year named in passing ("chương trình công tác năm 2025") does not carry over
            if not (code and self.pub_year and int(code[:4]) > self.pub_year):
                return code
        return self._now()

    def _last_holding(self, before: int, pos: int) -> PeriodMention | None:
        """The last usable mention that ends by ``before`` and still holds at ``pos``: looked for in
        the stretch known, then in stretches further back."""
        while True:
            usable = self.usable
            ended = bisect_right(self._usable_ends, before)
            last = next((usable[i] for i in range(ended - 1, -1, -1) if self._holds(usable[i], pos)), None)
            if last is not None or self._lo == 0:
                return last
            self._cover(max(0, self._lo - LOOK_BACK), before)

    def _sentence_mentions(
        self, sentence: tuple[int, int]
    ) -> tuple[list[PeriodMention], list[PeriodMention]]:
        """The point periods of a sentence, and its terms and spans (worked out once per sentence)."""
        got = self._in_sentence.get(sentence)
        if got is None:
            usable = _within(self.usable, self._usable_starts, sentence)
            terms = [m for m in usable if m.role in ("term", "span")]
            got = self._in_sentence[sentence] = (_within(self.points, self._point_starts, sentence), terms)
        return got

    def _since_in(self, start: int, end: int) -> bool:
        """Is a start point ("từ tháng 11/2023", role ``since``) named in ``[start, end)``?"""
        i = bisect_left(self._since_starts, start)
        return i < len(self._since_starts) and self._since_starts[i] < end

    def _sentence_at(self, offset: int) -> tuple[int, int] | None:
        """The sentence that contains ``offset`` (:func:`pipeline.sentences.sentence_at`), from the
        sentences of its line alone when the text was not split whole."""
        bounds = self._bounds
        if bounds is None:
            line = line_of(self.text, offset)
            bounds = self._line_sentences.get(line)
            if bounds is None:
                bounds = self._line_sentences[line] = line_sentences(self.text, line)
        i = bisect_right(bounds, offset, key=_start) - 1
        if i >= 0 and bounds[i][0] <= offset < bounds[i][1]:
            return bounds[i]
        return None

    def _holds(self, m: PeriodMention, pos: int) -> bool:
        """Is ``m`` a running period (a point, plan or term) that still holds at ``pos``?"""
        return m.role in ("point", "plan", "term") and self._carries_to(m, pos)

    def _carries_to(self, m: PeriodMention, pos: int) -> bool:
        """Does the running period ``m`` still hold at ``pos`` (a later sentence)?"""
        if m.carries == "paragraph":
            return self.text.find("\n", m.end, pos) == -1
        return m.carries == "yes"


def _within(mentions: list[PeriodMention], starts: list[int], span: tuple[int, int]) -> list[PeriodMention]:
    """The mentions (sorted, not overlapping; ``starts``: theirs) that lie inside ``span``."""
    lo = bisect_left(starts, span[0])
    return [m for m in mentions[lo : bisect_left(starts, span[1], lo)] if m.end <= span[1]]


def _segment(text: str, sentence: tuple[int, int], pos: int) -> tuple[int, int]:
    a = text.rfind(";", sentence[0], pos)
    b = text.find(";", pos, sentence[1])
    return (sentence[0] if a < 0 else a + 1, sentence[1] if b < 0 else b)


def dateline(text: str) -> str | None:
    """ "Cập nhật: 26/01/2024 16:05" at the top of the text: the year and month it was put out."""
    m = _DATELINE.search(text, 0, DATELINE_HEAD)
    if not m or not 1 <= int(m[1]) <= 12:
        return None
    return f"{m[2]}-{int(m[1]):02d}"


def _start(bounds: tuple[int, int]) -> int:
    return bounds[0]


def _distance(m: PeriodMention, fig: tuple[int, int]) -> int:
    return fig[0] - m.end if m.end <= fig[0] else max(0, m.start - fig[1])


def _published(published: str | None) -> tuple[int | None, int | None]:
    m = re.match(r"((?:19|20)\d{2})(?:-(\d{2}))?", published or "")
    if not m:
        return None, None
    return int(m[1]), int(m[2]) if m[2] else None


def codes(text: str, published: str | None = None) -> Sequence[str | None]:
    """The code of every period expression in ``text`` (a debugging and testing aid)."""
    r = PeriodResolver(text, published)
    r._cover(0, len(text))
    return [r._code(m) if m.role in ("point", "plan", "term", "span") else None for m in r.mentions]
