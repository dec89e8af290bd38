"""``vnnews eval GOLD.jsonl --articles DIR``: P/R/F1 per entity type by the contract's scoring."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pipeline.cli import fail
from pipeline.evaluate import evaluate, format_table
from pipeline.readers import InputError


@click.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--articles", "articles", type=click.Path(path_type=Path), required=True,
              help="Directory holding the gold file's articles (matched by the gold's 'file').")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON (totals and per article).")
def command(gold: Path, articles: Path, as_json: bool) -> None:
    """Score the extractors against a gold file in the contract's format."""
    if not gold.is_file():
        fail(f"{gold}: no such gold file")
    if not articles.is_dir():
        fail(f"{articles}: not a directory")
    try:
        totals, per_article = evaluate(gold, articles)
    except InputError as exc:
        fail(str(exc))
        return
    if as_json:
        out = {"totals": {t: s.as_dict() for t, s in totals.items()}, "articles": per_article}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(totals))
