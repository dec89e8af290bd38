"""Load the data files in ``extractors/resources/`` (CSV, JSONL), validated on load."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parent / "resources"


class ResourceError(ValueError):
    """A data file that does not have the expected shape."""


@cache
def read_csv(name: str, required: Sequence[str]) -> tuple[dict[str, str], ...]:
    """Rows of ``resources/<name>`` as dicts; every ``required`` column must be present and non-empty."""
    fieldnames, rows = read_csv_columns(name, required)
    return tuple(dict(zip(fieldnames, row, strict=True)) for row in rows)


@cache
def read_csv_columns(name: str, required: Sequence[str]) -> tuple[tuple[str, ...], tuple[list[str], ...]]:
    """The column names of ``resources/<name>`` and its rows as lists of values, one a column
    (what :func:`read_csv` makes dicts of, without the dicts), checked as :func:`read_csv` says."""
    with (RESOURCES / name).open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    reader = _records(text)
    fieldnames = next(reader, [])
    missing = [c for c in required if c not in fieldnames]
    if missing:
        raise ResourceError(f"{name}: missing columns {missing}")
    # a short row has "" in its last columns, a long row's extra values are left out (as
    # csv.DictReader reads them), and every value is stripped
    width, pad = len(fieldnames), [""] * len(fieldnames)
    rows = [list(map(str.strip, row if len(row) == width else (row + pad)[:width])) for row in reader if row]
    column = {c: i for i, c in enumerate(fieldnames)}  # the last of two columns of one name wins
    if not all(all(map(itemgetter(column[c]), rows)) for c in required):
        n, c = next((n, c) for n, row in enumerate(rows, 2) for c in required if not row[column[c]])
        raise ResourceError(f"{name}:{n}: empty {c!r}")
    return tuple(fieldnames), tuple(rows)


def _records(text: str) -> Iterator[list[str]]:
    """The CSV records of the lines of ``text`` that are neither blank nor comments: split at commas
    when nothing is quoted (and no carriage return or NUL needs the csv module's care)."""
    if '"' in text or "\r" in text or "\0" in text:
        lines = io.StringIO(text, newline="")  # split as a file opened with newline="" is
        return csv.reader(line for line in lines if line.strip() and not line.startswith("#"))
    return (line.split(",") for line in text.split("\n") if line.strip() and not line.startswith("#"))


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
