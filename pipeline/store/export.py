"""Export a table of the store to CSV, Parquet or JSON Lines (files in data/processed come from here)."""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.store.queries import read_table

FORMATS = {"csv": ".csv", "parquet": ".parquet", "jsonl": ".jsonl"}
WIDE_TABLE = "indicators_wide"


def default_out(db: Path, table: str, fmt: str) -> Path:
    """Exports sit beside the store: ``data/processed/<table>.<ext>``."""
    return db.parent / f"{table}{FORMATS[fmt]}"


def export_table(table: str, fmt: str, out: str | Path, db: str | Path, bom: bool = False) -> int:
    """Write ``table`` of the store at ``db`` to ``out`` (``-`` is stdout for csv/jsonl); returns rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (want {', '.join(FORMATS)})")
    frame = read_table(table, db)
    to_stdout = str(out) == "-"
    if fmt == "parquet" and to_stdout:
        raise ValueError("Parquet is binary: give --out FILE")
    if not to_stdout:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        encoding = "utf-8-sig" if bom else "utf-8"
        if to_stdout:
            sys.stdout.write(("\ufeff" if bom else "") + frame.to_csv(index=False))
        else:
            frame.to_csv(out, index=False, encoding=encoding)
    elif fmt == "jsonl":
        text = frame.to_json(orient="records", lines=True, force_ascii=False) if len(frame) else ""
        if to_stdout:
            sys.stdout.write(text)
        else:
            Path(out).write_text(text, encoding="utf-8")
    else:
        frame.to_parquet(out, index=False)
    return len(frame)
