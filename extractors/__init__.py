"""Extractors: one small module per entity type, pure functions ``extract(article) -> list[Span]``.

``REGISTRY`` names every stage, the module that implements it, the span lists it reads
(``requires``) and the one it writes (``assigns``). The order the stages run in is config
(``[tool.vnnews] pipeline`` in pyproject.toml); :func:`check_order` refuses an order in which a
stage would run before what it requires.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.article import Article, Span

Extract = Callable[[Article], list[Span]]


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    module: str
    requires: tuple[str, ...] = ()

    @property
    def assigns(self) -> str:
        return self.name


REGISTRY: dict[str, Component] = {
    c.name: c
    for c in (
        Component("money", "extractors.money"),
        Component("percentages", "extractors.percentages"),
        Component("decisions", "extractors.decisions"),
        Component("units", "extractors.units"),
        Component("officials", "extractors.officials", requires=("units",)),
        Component("quantities", "extractors.quantities"),
        Component("indicators", "extractors.indicators", requires=("money", "percentages", "quantities")),
    )
}

DEFAULT_ORDER: tuple[str, ...] = tuple(REGISTRY)


class PipelineConfigError(ValueError):
    """The configured stage order is unknown or breaks a ``requires``."""


def check_order(order: Sequence[str]) -> list[Component]:
    done: set[str] = set()
    out = []
    for name in order:
        if name not in REGISTRY:
            raise PipelineConfigError(f"unknown pipeline stage {name!r} (known: {', '.join(REGISTRY)})")
        comp = REGISTRY[name]
        missing = [r for r in comp.requires if r not in done]
        if missing:
            raise PipelineConfigError(f"stage {name!r} runs before {', '.join(missing)}, which it requires")
        done.add(name)
        out.append(comp)
    return out


@cache
def load(name: str) -> Extract | None:
    """The ``extract`` function of a stage, or None while its module does not exist yet."""
    comp = REGISTRY[name]
    try:
        module = importlib.import_module(comp.module)
    except ModuleNotFoundError as exc:
        if exc.name == comp.module:
            return None
        raise
    fn: Extract = module.extract
    return fn
