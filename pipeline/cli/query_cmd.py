"""``vnnews query "SQL"``: run one SQL statement on a read-only connection to the store."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli import fail
from pipeline.store.display import RENDERERS
from pipeline.store.queries import StoreError, run_query


@click.command("query", short_help="Run SQL on the store, read-only.")
@click.argument("sql")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The store to read (default: data/processed/vnnews.db, or $VNNEWS_DB).")
@click.option("--format", "fmt", type=click.Choice(list(RENDERERS)), default="table", show_default=True)
def command(sql: str, db: Path | None, fmt: str) -> None:
    """Run SQL (SELECT only: the store is opened read-only) and print the rows."""
    try:
        res = run_query(sql, db)
    except StoreError as exc:
        fail(str(exc))
    click.echo(RENDERERS[fmt](res.columns, res.rows))
