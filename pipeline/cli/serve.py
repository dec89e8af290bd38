"""``vnnews serve``: browse the store in Datasette, read-only, with titles and canned queries."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from pipeline.cli import fail
from pipeline.store.loader import default_db
from pipeline.store.queries import StoreError, connect_readonly


def datasette_args(db: Path, metadata: Path, host: str, port: int) -> list[str]:
    """Arguments of ``datasette serve``: the store immutable (``-i``), our metadata, no writes."""
    from pipeline.datasette import STATIC_DIR

    return ["serve", "-i", str(db), "--metadata", str(metadata), "--host", host, "--port", str(port),
            "--static", f"assets:{STATIC_DIR}",
            "--setting", "default_page_size", "50", "--setting", "sql_time_limit_ms", "3000"]


@click.command("serve", short_help="Browse the store in Datasette (read-only).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The store to browse (default: data/processed/vnnews.db, or $VNNEWS_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
def command(db: Path | None, host: str, port: int) -> None:
    """Run Datasette over the store (read-only) at http://HOST:PORT/."""
    from datasette.cli import cli as datasette_cli

    from pipeline.datasette import metadata_for

    db_path = db or default_db()
    try:
        connect_readonly(db_path).close()
    except StoreError as exc:
        fail(str(exc))
    with tempfile.TemporaryDirectory(prefix="vnnews-serve-") as tmp:
        meta_file = Path(tmp) / "metadata.json"
        meta_file.write_text(json.dumps(metadata_for(db_path), ensure_ascii=False), encoding="utf-8")
        click.echo(f"vnnews: serving {db_path} read-only at http://{host}:{port}/{db_path.stem}", err=True)
        datasette_cli.main(args=datasette_args(db_path, meta_file, host, port), prog_name="datasette")
