"""Where an indicator figure belongs: the place named around it, else the article's running place.

The most specific place named before the figure in its part of the sentence (between semicolons)
or after it in its clause wins, else one that opens the sentence ("Riêng huyện Nghi Lộc …; còn 38
hộ …"). Places that do not say where figures belong are left out: the ends
of a route ("nối thành phố Vinh với thị xã Cửa Lò"), a name joining two places ("cao tốc Hòa Lạc -
Hòa Bình") and the place of an issuer ("theo Quyết định … của UBND tỉnh Hòa Bình"). With none, the
article's local place when the headline names it or the province goes unnamed (a bracketed locator,
"huyện Lương Sơn (Hòa Bình)", does not name it), else its province
(:func:`extractors.article_places.article_places`). In a run of related headlines glued into one line
("…Quý Mão 2023Vĩnh Phúc: Trao 245 Huy hiệu Đảng…") the place that opens each headline is read too.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from extractors.article_places import article_places
from extractors.clauses import glues, headline_runs
from extractors.places import PlaceMention, find_places
from pipeline.article import Article
from pipeline.sentences import sentences

SENTENCE_OPENING = 40  # how far into a sentence a place may stand and still be what it is about
HEADLINE_PLACE = 40  # how much of a glued headline's opening is read for its "Place:"
LEVEL_RANK = {"commune": 3, "district": 2, "province": 1}
# "nối thành phố Vinh với thị xã Cửa Lò": the ends of a route do not own its figures
# (each pattern below that must end where a place begins opens with a lookahead for the letters it
# can begin with: a quick test at each place of the stretch searched)
_ROUTE_END = re.compile(
    r"(?=[nvtđs])(?<!\w)(?:nối|từ|với|đến|tới|sang)\s+(?:(?:thành\s+phố|tp\.?|thị\s+xã|huyện|quận|xã|phường|"
    r"thị\s+trấn|tỉnh)\s+)?$",
    re.IGNORECASE,
)
# "(theo Quyết định … ) của UBND tỉnh Hòa Bình": the issuer's place is not where the figures belong
_ISSUER_BEFORE = re.compile(
    r"(?=[cd])(?:của|do)\s+(?:UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân|"
    r"(?:Ban\s+Thường\s+vụ\s+)?(?:Tỉnh|Thành|Huyện)\s+ủy|Chủ\s+tịch\s+UBND|Sở\s+[^\W\d]+(?:\s+[^\W\d]+){0,5})"
    r"\s+(?:tỉnh|thành\s+phố|huyện|thị\s+xã|quận)?\s*$",
    re.IGNORECASE,
)
# "cao tốc Hòa Lạc - Hòa Bình": one end of a name that joins two places
_NAME_PAIR = re.compile(r"[-–]\s*$")
_PAIRED_AFTER = re.compile(r"\s*[-–]\s*\w")  # "Hòa Lạc - Hòa Bình": the first of the pair


def _glued_places(text: str, runs: list[tuple[int, int]]) -> list[PlaceMention]:
    """The place that opens each headline of a related-headline run, glued to the one before it."""
    out = []
    for a, b in runs:
        line = text[a:b]
        for g in glues(line):
            out += [replace(m, start=m.start + a + g, end=m.end + a + g)
                    for m in find_places(line[g : g + HEADLINE_PLACE]) if m.start == 0]
    return out


def _bracketed(text: str, m: PlaceMention) -> bool:
    return text[max(0, m.start - 3) : m.start].rstrip().endswith("(")


def _merge(found: list[PlaceMention], extra: list[PlaceMention]) -> list[PlaceMention]:
    extra = [e for e in extra if all(e.end <= m.start or m.end <= e.start for m in found)]
    return sorted(found + extra, key=lambda m: m.start)


class FigurePlaces:
    """The place mentions of an article that may own figures, and its running place (``main``)."""

    def __init__(self, article: Article, runs: list[tuple[int, int]] | None = None) -> None:
        """``runs``: the article's related-headline lines (:func:`extractors.clauses.headline_runs`)."""
        text = article.text
        if runs is None:
            runs = headline_runs(text, sentences(text))
        self.mentions: list[PlaceMention] = [
            m for m in _merge(find_places(text), _glued_places(text, runs))
            if not _ROUTE_END.search(text, max(0, m.start - 30), m.start)
            and not _ISSUER_BEFORE.search(text, max(0, m.start - 80), m.start)
            and not _NAME_PAIR.search(text, max(0, m.start - 3), m.start)
            and not _PAIRED_AFTER.match(text, m.end, m.end + 4)
        ]
        main = article_places(article, self.mentions)
        local_in_title = main.local is not None and main.local in (article.title or "")
        # the province "named" as what the article is about, not as a locator: "huyện X (Hòa Bình)"
        province_named = main.province_named and any(
            m.level == "province" and m.name == main.province and not _bracketed(text, m)
            for m in self.mentions
        )
        # the local place when the headline names it or the province goes unnamed, else the province
        use_local = main.local and (local_in_title or not province_named)
        self.main = main.local if use_local else main.province
        self._starts = [m.start for m in self.mentions]  # sorted: the mentions run left to right

    def at(
        self,
        segment: tuple[int, int],
        clause: tuple[int, int],
        fig: tuple[int, int],
        sentence: tuple[int, int] | None = None,
    ) -> str | None:
        """The most specific place named before the figure in its segment (or after it in its clause),
        else one that opens its sentence ("Riêng huyện Nghi Lộc đã …; còn 38 hộ …")."""
        # only the mentions that start between the segment's start and the clause's end can qualify
        mentions, starts = self.mentions, self._starts
        lo = bisect_left(starts, min(segment[0], fig[1]))
        hi = bisect_right(starts, max(clause[1], fig[0]), lo)
        inside = [
            m for m in mentions[lo:hi]
            if (segment[0] <= m.start and m.end <= fig[0]) or (fig[1] <= m.start and m.end <= clause[1])
        ]
        if not inside and sentence is not None and sentence[0] < segment[0]:
            limit = min(segment[0], sentence[0] + SENTENCE_OPENING)
            lo = bisect_left(starts, sentence[0])
            inside = [m for m in mentions[lo : bisect_right(starts, limit, lo)] if m.end <= limit]
        if not inside:
            return self.main

        def score(m: PlaceMention) -> tuple[int, int]:
            dist = fig[0] - m.end if m.end <= fig[0] else m.start - fig[1]
            return LEVEL_RANK.get(m.level, 0), -abs(dist)

        return max(inside, key=score).name
