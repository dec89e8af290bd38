"""Load extracted articles into the store: idempotent, atomic per article, batched for bulk loads.

Each article is written inside its own savepoint (within a batch transaction of ``batch_size``
articles): its row is upserted, its old mention rows are deleted and the new ones inserted, so
re-extracting an article replaces its rows and re-loading the same article leaves the same rows.
An article that fails (a constraint, a value SQLite cannot store) is rolled back alone and
reported; a crash rolls back the open batch, and never leaves half an article.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from pipeline import __version__
from pipeline.article import CONTRACT_FIELDS, EXTRA_FIELDS, Article
from pipeline.store.registries import Registry, prune
from pipeline.store.schema import (
    ARTICLE_COLUMNS,
    MENTION_COLUMNS,
    MENTION_TABLES,
    create_indexes,
    drop_indexes,
    migrate,
)

DEFAULT_DB = Path("data/processed/vnnews.db")
TEXT_FIELDS: dict[str, str] = {**CONTRACT_FIELDS, **EXTRA_FIELDS}
_YEAR = re.compile(r"^(\d{4})")


def default_db() -> Path:
    """``$VNNEWS_DB`` when set, else ``data/processed/vnnews.db`` under the working directory."""
    return Path(os.environ.get("VNNEWS_DB") or DEFAULT_DB)


def open_store(db_path: str | Path) -> Database:
    """Open (creating if needed) the store at ``db_path`` with foreign keys on and the schema migrated."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db


@dataclass
class LoadReport:
    loaded: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------- rows of one article


def article_row(art: Article, extracted_at: str) -> tuple[Any, ...]:
    values = {
        "id": art.id, "url": art.url, "source": art.source, "title": art.title,
        "published": art.published, "author": art.author, "path": art.path, "text": art.text,
        "fetched_at": art.fetched_at, "extracted_at": extracted_at, "pipeline_version": __version__,
    }
    return tuple(values[c] for c in ARTICLE_COLUMNS)


_UPSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' for _ in ARTICLE_COLUMNS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in ARTICLE_COLUMNS if c != "id")
)


def _linked(table: str, rec: dict[str, Any], registry: Registry) -> dict[str, Any]:
    """Registry ids a mention points to."""
    if table == "officials":
        return {"person_id": registry.person(rec.get("name")),
                "organisation_id": registry.organisation(rec.get("unit"))}
    if table == "units":
        return {"organisation_id": registry.organisation(rec.get("name") or rec.get("text"), rec.get("kind"))}
    if table == "decisions":
        return {"issuer_id": registry.organisation(rec.get("issuer"))}
    if table == "indicators":
        m = _YEAR.match(str(rec.get("period") or ""))
        return {"year": int(m.group(1)) if m else None}
    return {}


def mention_rows(art: Article, table: str, registry: Registry) -> list[tuple[Any, ...]]:
    cols = MENTION_COLUMNS[table]
    text_field = TEXT_FIELDS[table]
    rows = []
    for seq, span in enumerate(art.get(table)):
        rec = span.record(text_field)
        rec.update(_linked(table, rec, registry))
        extra = {k: v for k, v in rec.items() if k not in cols and k not in ("start", "end")}
        values = [rec.get(c) for c in cols]
        rows.append((art.id, seq, *values, span.start, span.end,
                     json.dumps(extra, ensure_ascii=False) if extra else None))
    return rows


def _insert_sql(table: str) -> str:
    cols = ["article_id", "seq", *MENTION_COLUMNS[table], "start", "end", "extra"]
    return (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})")


def insert_mentions(conn: sqlite3.Connection, table: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        conn.executemany(_insert_sql(table), rows)


def write_article(conn: sqlite3.Connection, art: Article, registry: Registry, extracted_at: str) -> int:
    """Replace everything the store holds for ``art``; returns the number of mention rows written."""
    existed = conn.execute("SELECT 1 FROM articles WHERE id = ?", (art.id,)).fetchone() is not None
    conn.execute(_UPSERT_ARTICLE, article_row(art, extracted_at))
    written = 0
    for table in MENTION_TABLES:
        if existed:
            conn.execute(f"DELETE FROM [{table}] WHERE article_id = ?", (art.id,))
        rows = mention_rows(art, table, registry)
        insert_mentions(conn, table, rows)
        written += len(rows)
    return written


# ---------------------------------------------------------------- many articles


def _is_empty(db: Database) -> bool:
    return db.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1


def load_articles(
    db_path: str | Path,
    articles: Iterable[Article],
    batch_size: int = 1,
    extracted_at: str | None = None,
    on_article: Callable[[Article, str | None], None] | None = None,
) -> LoadReport:
    """Load ``articles`` into the store at ``db_path``, ``batch_size`` articles per transaction.

    Into an empty store the secondary indexes are built after the load (the bulk path); into a
    store that holds articles they are kept, so replacing an article's rows stays fast.
    ``on_article(article, error_or_None)`` is called after each article (for progress bars).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    stamp = extracted_at or datetime.now(UTC).isoformat(timespec="seconds")
    db = open_store(db_path)
    try:
        bulk = _is_empty(db)
        (drop_indexes if bulk else create_indexes)(db)
        report = _load(db, articles, batch_size, stamp, on_article)
        with db.atomic():
            prune(db.conn)
        create_indexes(db)
        for table in ("articles", *MENTION_TABLES, "people", "organisations"):
            report.rows[table] = db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
        return report
    finally:
        db.close()


def _load(
    db: Database,
    articles: Iterable[Article],
    batch_size: int,
    stamp: str,
    on_article: Callable[[Article, str | None], None] | None,
) -> LoadReport:
    report = LoadReport()
    registry = Registry(db.conn)
    batch: list[Article] = []

    def flush() -> None:
        try:
            with db.atomic():
                for art in batch:
                    error = _load_one(db, art, registry, stamp)
                    if error is None:
                        report.loaded += 1
                    else:
                        report.failed.append((art.id, error))
                    if on_article is not None:
                        on_article(art, error)
        except BaseException:
            registry.batch_failed()
            raise
        registry.batch_done()
        batch.clear()

    for art in articles:
        batch.append(art)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return report


def _load_one(db: Database, art: Article, registry: Registry, stamp: str) -> str | None:
    """Write one article inside a savepoint; returns None, or the one-line reason it was rolled back."""
    try:
        with db.atomic():
            write_article(db.conn, art, registry, stamp)
    except (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError,
            sqlite3.DataError, OverflowError, TypeError, ValueError) as exc:
        registry.article_failed()
        return f"{type(exc).__name__}: {exc}"
    registry.article_done()
    return None
