"""``vnnews extract PATH...``: one contract JSON object per article on stdout."""

from __future__ import annotations

import json
import sys

import click

from pipeline.readers import Failure, iter_articles
from pipeline.runner import extract_all


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="jsonl: one object per line; json: one indented object per article.")
def command(paths: tuple[str, ...], fmt: str) -> None:
    """Extract entities from article files or directories (.txt, .html, .json, .jsonl)."""
    failures: list[Failure] = []
    out = sys.stdout
    for art in extract_all(iter_articles(list(paths), failures)):
        obj = art.to_contract()
        out.write(json.dumps(obj, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
    out.flush()
    for f in failures:
        click.echo(f"vnnews: error: {f.path}: {f.reason}", err=True)
    if failures:
        sys.exit(1)
