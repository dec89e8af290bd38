"""Load the data files in ``extractors/resources/`` (CSV, JSONL), validated on load."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parent / "resources"


class ResourceError(ValueError):
    """A data file that does not have the expected shape."""


@cache
def read_csv(name: str, required: Sequence[str]) -> tuple[dict[str, str], ...]:
    """Rows of ``resources/<name>`` as dicts; every ``required`` column must be present and non-empty."""
    path = RESOURCES / name
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(row for row in fh if row.strip() and not row.startswith("#"))
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise ResourceError(f"{name}: missing columns {missing}")
        rows = []
        for n, row in enumerate(reader, 2):
            for c in required:
                if not (row.get(c) or "").strip():
                    raise ResourceError(f"{name}:{n}: empty {c!r}")
            rows.append({k: (v or "").strip() for k, v in row.items() if k is not None})
    return tuple(rows)


@cache
def read_jsonl(name: str, required: Sequence[str]) -> tuple[dict[str, Any], ...]:
    """Objects of ``resources/<name>``; every ``required`` key must be present."""
    path = RESOURCES / name
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ResourceError(f"{name}:{n}: {exc.msg}") from None
        missing = [k for k in required if k not in obj]
        if missing:
            raise ResourceError(f"{name}:{n}: missing keys {missing}")
        rows.append(obj)
    return tuple(rows)
