"""Percentages: "18,01%", "65 %", "7,5 - 8,5%", "100 phần trăm" ("2,69 lần" is a ratio, not here)."""

from __future__ import annotations

from extractors.numbers import Figure, bound_after, find_figures, percent_tail
from pipeline.article import Article, Span


def match(text: str) -> list[tuple[Figure, int]]:
    """(figure, end of the "%" / "phần trăm") for every percentage."""
    out = []
    for fig in find_figures(text):
        end = percent_tail(text, fig.end)
        if end is not None:
            out.append(bound_after(text, end, fig))
    return out


def extract(article: Article) -> list[Span]:
    return [
        article.span(fig.start, end, value=fig.value, high=fig.high, approx=fig.approx)
        for fig, end in match(article.text)
    ]
