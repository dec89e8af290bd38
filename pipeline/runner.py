"""Run the configured extraction stages over articles."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

from extractors import DEFAULT_ORDER, Component, check_order, load
from pipeline.article import Article

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@cache
def configured_order() -> tuple[str, ...]:
    """``[tool.vnnews] pipeline`` from the project's pyproject.toml, else the registry order."""
    pyproject = PROJECT_ROOT / "pyproject.toml"
    if pyproject.is_file():
        with pyproject.open("rb") as fh:
            conf = tomllib.load(fh).get("tool", {}).get("vnnews", {})
        if "pipeline" in conf:
            return tuple(conf["pipeline"])
    return DEFAULT_ORDER


def stages(order: Sequence[str] | None = None) -> list[Component]:
    return check_order(configured_order() if order is None else order)


def extract_article(article: Article, order: Sequence[str] | None = None) -> Article:
    """Run every stage on ``article`` (in place) and return it."""
    for comp in stages(order):
        fn = load(comp.name)
        article.add(comp.assigns, fn(article) if fn is not None else [])
    return article


def extract_all(articles: Iterable[Article], order: Sequence[str] | None = None) -> Iterator[Article]:
    comps = stages(order)
    names = [c.name for c in comps]
    for art in articles:
        yield extract_article(art, names)
