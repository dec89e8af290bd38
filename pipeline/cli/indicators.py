"""``vnnews indicators``: the reported figures, filtered by indicator, place, period and kind."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli import fail
from pipeline.store.display import RENDERERS
from pipeline.store.queries import StoreError, indicator_rows


@click.command("indicators", short_help="Indicator figures as a table, filtered.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The store to read (default: data/processed/vnnews.db, or $VNNEWS_DB).")
@click.option("--indicator", help="An indicator code, e.g. budget_revenue.")
@click.option("--location", help="A place as named, e.g. 'Vĩnh Phúc' (case does not matter).")
@click.option("--period", help="2022 (also matches 2022-H1, 2022-Q3 …), 2022-H1, 2020/2025 …")
@click.option("--kind", type=click.Choice(["actual", "estimate", "target", "change", "share_of_plan",
                                           "share_of_total", "rank"]))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many rows.")
@click.option("--format", "fmt", type=click.Choice(list(RENDERERS)), default="table", show_default=True)
def command(db: Path | None, indicator: str | None, location: str | None, period: str | None,
            kind: str | None, limit: int | None, fmt: str) -> None:
    """Print indicator figures with their article's date and title."""
    try:
        res = indicator_rows(db, indicator=indicator, location=location, period=period, kind=kind,
                             limit=limit)
    except StoreError as exc:
        fail(str(exc))
    if not res.rows and fmt == "table":
        fail("no indicator figures match these filters")
    click.echo(RENDERERS[fmt](res.columns, res.rows))
