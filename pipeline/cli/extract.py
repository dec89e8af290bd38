"""``vnnews extract PATH...``: one contract JSON object per article on stdout.

An input that cannot be read (missing, empty, binary, undecodable, too large, not an article) or
an article an extractor fails on gets one line on stderr, as soon as it is met; the other inputs
are still processed, and the exit status is 1 when anything failed.
"""

from __future__ import annotations

import json
import sys

import click

from extractors import PipelineConfigError
from pipeline.cli import fail
from pipeline.readers import Failure, iter_articles
from pipeline.runner import extract_article, stages


def _report(failures: list[Failure], reported: int) -> int:
    for f in failures[reported:]:
        click.echo(f"vnnews: error: {f.path}: {f.reason}", err=True)
    return len(failures)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="jsonl: one object per line; json: one indented object per article.")
def command(paths: tuple[str, ...], fmt: str) -> None:
    """Extract entities from article files or directories (.txt, .html, .json, .jsonl)."""
    try:
        order = [c.name for c in stages()]
    except PipelineConfigError as exc:
        fail(f"pipeline configuration: {exc}")
        return
    failures: list[Failure] = []
    reported = 0
    out = sys.stdout
    for art in iter_articles(list(paths), failures):
        reported = _report(failures, reported)
        try:
            obj = extract_article(art, order).to_contract()
        except Exception as exc:  # one bad article must not stop the others
            failures.append(Failure(art.path or art.id, f"extraction failed ({type(exc).__name__}: {exc})"))
            reported = _report(failures, reported)
            continue
        out.write(json.dumps(obj, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
        out.flush()
    _report(failures, reported)
    if failures:
        sys.exit(1)
