"""``vnnews export``: a table of the store as CSV, Parquet or JSON Lines."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli import fail
from pipeline.store.export import FORMATS, WIDE_TABLE, default_out, export_table
from pipeline.store.loader import default_db
from pipeline.store.queries import StoreError


@click.command("export", short_help="Export a table as CSV, Parquet or JSON Lines.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The store to read (default: data/processed/vnnews.db, or $VNNEWS_DB).")
@click.option("--table", help="A table or view, e.g. indicators, officials, indicators_wide.")
@click.option("--wide", is_flag=True,
              help=f"The analysis-ready table ({WIDE_TABLE}): indicators with article url, title, date.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="csv", show_default=True)
@click.option("--out", help="Output file, or - for stdout (default: <table>.<ext> beside the store).")
@click.option("--bom", is_flag=True, help="CSV: start with a UTF-8 byte-order mark (for Excel).")
def command(db: Path | None, table: str | None, wide: bool, fmt: str, out: str | None, bom: bool) -> None:
    """Export one table of the store (from the database: exports are never a second write path)."""
    if wide and table and table != WIDE_TABLE:
        fail(f"--wide exports {WIDE_TABLE}; drop --table {table}")
    name = WIDE_TABLE if wide else (table or "")
    if not name:
        fail("say what to export: --table NAME or --wide")
    db_path = db or default_db()
    target = out or str(default_out(db_path, name, fmt))
    try:
        n = export_table(name, fmt, target, db_path, bom=bom)
    except (StoreError, ValueError, OSError) as exc:
        fail(str(exc))
    if target != "-":
        click.echo(f"{n} rows of {name} -> {target}", err=True)
