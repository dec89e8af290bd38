"""Shared fixtures: paths to the project's sample and to ../shared (skipped cleanly when absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "sample"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_GOLD = SHARED / "dev" / "gold.jsonl"
FIXTURES_HTML = SHARED / "fixtures" / "html"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def seed_gold() -> list[dict[str, Any]]:
    path = _need(SEED_GOLD)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def fixtures_html() -> Path:
    return _need(FIXTURES_HTML)


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE
