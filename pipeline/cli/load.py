"""``vnnews load JSONL|-``: load the output of ``vnnews extract`` into the store."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import click

from pipeline.article import Article
from pipeline.cli import fail
from pipeline.store.display import render_summary
from pipeline.store.loader import default_db, load_articles


def contract_articles(stream: IO[str], name: str, errors: list[str]) -> Iterator[Article]:
    """Articles from contract JSON lines; a bad line is noted in ``errors`` and skipped."""
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise ValueError("not a contract object (a JSON object with 'text')")
            yield Article.from_contract(obj)
        except json.JSONDecodeError as exc:
            errors.append(f"{name}: line {n}: malformed JSON ({exc.msg})")
        except (KeyError, TypeError, ValueError) as exc:
            errors.append(f"{name}: line {n}: {exc}")


@click.command("load", short_help="Load `vnnews extract` output into the store.")
@click.argument("source")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The store to write (default: data/processed/vnnews.db, or $VNNEWS_DB).")
@click.option("--batch-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="Articles per load transaction (each article is still atomic).")
def command(source: str, db: Path | None, batch_size: int) -> None:
    """Load SOURCE (a JSON Lines file from `vnnews extract`, or - for stdin) into the store."""
    db_path = db or default_db()
    errors: list[str] = []
    if source == "-":
        stream: IO[str] = sys.stdin
        name = "<stdin>"
    else:
        path = Path(source)
        if not path.is_file():
            fail(f"{source}: no such file")
        stream = path.open(encoding="utf-8-sig", errors="strict")
        name = source
    try:
        report = load_articles(db_path, contract_articles(stream, name, errors), batch_size=batch_size)
    except UnicodeDecodeError:
        fail(f"{name}: not UTF-8 text")
    except sqlite3.DatabaseError as exc:
        fail(f"{db_path}: cannot write the store ({exc})")
    finally:
        if stream is not sys.stdin:
            stream.close()
    for line in errors:
        click.echo(f"vnnews: error: {line}", err=True)
    for article_id, reason in report.failed:
        click.echo(f"vnnews: error: article {article_id} not loaded: {reason}", err=True)
    click.echo(render_summary(str(db_path), report))
    if errors or report.failed:
        sys.exit(1)
