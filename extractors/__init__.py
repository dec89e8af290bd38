"""Extractors: one small module per entity type, pure functions ``extract(article) -> list[Span]``.

``REGISTRY`` names every stage, the module that implements it, the span lists it reads
(``requires``) and the one it writes (``assigns``). The order the stages run in is config
(``[tool.vnnews] pipeline`` in pyproject.toml); :func:`check_order` refuses an order in which a
stage would run before what it requires.

The modules may be compiled (the optional build of setup.py): :func:`stale_compiled` names the
sources edited since, which Python would not run; importing the package warns of them.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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


def compiled_modules() -> list[str]:
    """The names of this package's modules that are compiled (by the optional build of setup.py)."""
    return sorted(_built())


def stale_compiled() -> list[str]:
    """The compiled modules whose source is newer: Python imports the compiled module before the
    source beside it, so an edit does not run until the build is made again."""
    here = Path(__file__).parent
    return sorted(name for name, built in _built().items()
                  if (source := here / f"{name}.py").exists() and source.stat().st_mtime > built)


def _built() -> dict[str, float]:
    """Compiled module -> when it was built (the latest of its files)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    built: dict[str, float] = {}
    for p in Path(__file__).parent.iterdir():
        if p.name.endswith(suffixes):
            name = p.name.partition(".")[0]
            built[name] = max(built.get(name, 0.0), p.stat().st_mtime)
    return built


if _stale := stale_compiled():
    warnings.warn(
        f"extractors: {', '.join(_stale)} changed after the compiled build, which Python still runs: "
        "build again (VNNEWS_COMPILE=1 pip install -e .) or remove the compiled modules "
        "(rm extractors/*.so vnnews__mypyc.*.so)",
        RuntimeWarning,
        stacklevel=2,
    )
