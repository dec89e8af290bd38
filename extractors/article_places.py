"""An article's main places: its province, its district-level place and its commune, before and
after the merger of 1 July 2025 (:func:`article_places`), from the place names
:mod:`extractors.places` finds in its title and text. Units, issuers and figures fall back on them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from extractors.places import ArticlePlaces, Place, PlaceMention, find_places, found_places, lookup

REFORM_DATE = "2025-07-01"
# "tỉnh Vĩnh Phúc (cũ)", "huyện Tam Dương trước đây": a unit that no longer exists
FORMER = re.compile(r"\s*(?:\(\s*(?:cũ|trước\s+đây)\s*\)|cũ(?!\w)|trước\s+đây(?!\w))")


def _current(m: PlaceMention, reformed: bool) -> tuple[Place, ...]:
    """After the reform, the places that still exist when the name has any; else all of them."""
    if not reformed:
        return m.candidates
    return tuple(p for p in m.candidates if not p.valid_until) or m.candidates


def _provinces_of(m: PlaceMention, reformed: bool = False) -> set[str]:
    """The province(s) of a mention; after the reform, the province it now lies in."""
    return {p.province_new if reformed else p.province for p in _current(m, reformed)}


def article_places(article: Any, mentions_in_text: list[PlaceMention] | None = None) -> ArticlePlaces:
    """The main province and local place of an article (an ``Article`` or a plain string).

    Province: the one most named, counting a named province three times and a district or
    commune once for the province it lies in. Local: a district-level place named in the title;
    none when the title names only the province; else the most named one in that province when
    it is named at least twice and at least half as often as the province itself. Commune:
    likewise among communes of that district.
    An article published from 1 July 2025 on, or, when its date is unknown, one that calls a place
    the reform abolished former ("tỉnh Vĩnh Phúc (cũ)"), is read after the reform: every place
    counts for the province it now lies in, there is no district level, and the commune, chosen
    among the communes of the province like a district before, is also the local place.
    ``mentions_in_text`` saves a second scan when the caller already ran :func:`find_places`.
    """
    if isinstance(article, str):
        title, text, published = "", article, ""
    else:
        title, text, published = article.title or "", article.text, article.published or ""
    every = found_places(text)
    if mentions_in_text is None or (len(mentions_in_text) == len(every) and all(
            m is e for m, e in zip(mentions_in_text, every, strict=True))):
        return _article_places_of_all(title, text, published)  # keyed by strings: quick to look up
    return _article_places(title, text, published, tuple(mentions_in_text))


@lru_cache(maxsize=8)
def _article_places_of_all(title: str, text: str, published: str) -> ArticlePlaces:
    """Cached: decisions (issuers) and units ask for the places of the same article."""
    return _article_places.__wrapped__(title, text, published, found_places(text))


@lru_cache(maxsize=8)
def _article_places(title: str, text: str, published: str,
                    mentions_in_text: tuple[PlaceMention, ...]) -> ArticlePlaces:
    """Cached: the places of an article from some of its mentions."""
    in_title = find_places(title)
    in_text = list(mentions_in_text)
    mentions = in_title + in_text
    reformed = published >= REFORM_DATE if published else any(
        FORMER.match(text, m.end) and all(p.valid_until for p in m.candidates) for m in in_text)
    votes: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for m in mentions:
        provs = _provinces_of(m, reformed)
        if len(provs) == 1:
            prov = next(iter(provs))
            votes[prov] += 3 if m.level == "province" else 1
            if m.level == "province":
                named[prov] += 1
    if not votes:
        return ArticlePlaces()
    province = votes.most_common(1)[0][0]
    local, local_kind, commune, commune_kind = None, None, None, None
    if reformed:  # no district level: the commune is the local place
        commune, commune_kind = _main_of(mentions, in_title, "commune", province, 0, reformed)
        local, local_kind = commune, commune_kind
    else:
        local, local_kind = _main_of(mentions, in_title, "district", province, named[province])
    if local and not reformed:
        communes = [m for m in mentions if any(p.district == local for p in m.candidates)]
        commune, commune_kind = _main_of(communes, [], "commune", province, 0)
    kind = next((p.kind for p in lookup(province) if p.level == "province"), None)
    return ArticlePlaces(province, named[province] > 0, local, local_kind, commune, commune_kind, kind)


def _main_of(mentions: list[PlaceMention], in_title: list[PlaceMention], level: str, province: str,
             rival: int, reformed: bool = False) -> tuple[str | None, str | None]:
    def of_level(ms: list[PlaceMention]) -> list[PlaceMention]:
        return [m for m in ms if m.level == level and province in _provinces_of(m, reformed)]

    titled = of_level(in_title)
    if titled:
        return titled[0].name, _kind_in(titled[0], province, reformed)
    if level == "district" and any(m.level == "province" for m in in_title):
        return None, None  # the headline is about the province itself
    counts = Counter(m.name for m in of_level(mentions))
    if not counts:
        return None, None
    name, n = counts.most_common(1)[0]
    if n < 2 or 2 * n < rival:
        return None, None
    first = next(m for m in of_level(mentions) if m.name == name)
    return name, _kind_in(first, province, reformed)


def _kind_in(m: PlaceMention, province: str, reformed: bool = False) -> str:
    current = _current(m, reformed)
    return next((p.kind for p in current if (p.province_new if reformed else p.province) == province), m.kind)
