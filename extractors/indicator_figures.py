"""The figures the indicators stage reads: the money, percentage and quantity spans of the earlier
stages, and ranks ("xếp thứ 5/63"), each as a :class:`Fig` with what the indicator decision needs
(see :mod:`extractors.indicators`, step 1)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from extractors.clauses import matches_at_words
from extractors.quantities import nouns
from pipeline.article import Article

# "xếp thứ 5/63"; "đứng trong nhóm 5 địa phương dẫn đầu", "nằm trong top 10 tỉnh": a rank too
RANK_RE = re.compile(
    r"(?<!\w)(?:(?:đứng|xếp)\s+(?:thứ|hạng)|(?:đứng|nằm|xếp)\s+(?:trong\s+)?(?:nhóm|top)(?:\s+đầu)?)"
    r"\s+(\d{1,3})(?:\s*/\s*(\d{1,3}))?(?!\w)",
    re.IGNORECASE,
)
RANK_WORDS = ("đứng", "xếp", "nằm")  # what a RANK_RE match begins with
_SPACES = re.compile(r"\s+")
_PLACE = attrgetter("start", "end")  # the order of the figures


@dataclass(slots=True)  # not frozen: built once per figure, and a frozen one is ~4x slower to build
class Fig:
    """A figure from an earlier stage, with what the indicator decision needs."""

    start: int
    end: int
    value: float
    high: float | None
    unit: str
    approx: str | None
    source: str  # money | percentages | quantities | rank
    row: str = "yes"  # yes | cue | no (quantities: from quantity_units.csv)
    noun: str = ""
    total: float | None = None
    default: str = ""  # the indicator its noun reports when its clause names none


def figures(article: Article) -> list[Fig]:
    figs: list[Fig] = []
    for key, unit in (("money", None), ("percentages", "percent")):
        for s in article.get(key):
            a = s.attrs  # read directly: Span.get is a method call per attribute
            figs.append(Fig(s.start, s.end, a["value"], a.get("high"), unit or a["currency"],
                            a.get("approx"), key))
    known = nouns()
    for s in article.get("quantities"):
        a = s.attrs
        noun = a.get("noun", "")
        # a noun as written is most often its key already (one space between words): else the
        # spaces are made one
        info = known.get(noun.casefold()) or known.get(_SPACES.sub(" ", noun).casefold())
        row = info.row if info else "cue"
        figs.append(Fig(s.start, s.end, a["value"], a.get("high"), a["unit"], a.get("approx"),
                        "quantities", row, noun, a.get("total"), info.indicator if info else ""))
    for m in matches_at_words(RANK_RE, RANK_WORDS, article.text):
        figs.append(Fig(m.start(), m.end(), float(m[1]), None, "rank", None, "rank",
                        total=float(m[2]) if m[2] else None))
    return sorted(figs, key=_PLACE)
