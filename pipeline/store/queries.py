"""Read the store: a read-only connection, SQL queries, the indicators filter and pandas tables."""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.store.loader import default_db

if TYPE_CHECKING:
    import pandas as pd


class StoreError(Exception):
    """The store is missing or unreadable, or a query was refused; ``str()`` is one line."""


class ReadOnlyError(StoreError):
    """A statement that would change the store, on a read-only connection."""


_WRITE_ACTIONS = {
    getattr(sqlite3, name) for name in dir(sqlite3)
    if name.startswith(("SQLITE_INSERT", "SQLITE_UPDATE", "SQLITE_DELETE", "SQLITE_CREATE_", "SQLITE_DROP_",
                        "SQLITE_ALTER_TABLE", "SQLITE_ATTACH", "SQLITE_DETACH", "SQLITE_REINDEX",
                        "SQLITE_ANALYZE"))
}


# Pragmas that take an argument yet only read (``PRAGMA table_info(indicators)``).
_READING_PRAGMAS = {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
                    "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check"}


def _authorize(action: int, arg1: str | None, arg2: str | None, *_names: str | None) -> int:
    if action in _WRITE_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() not in _READING_PRAGMAS:
        return sqlite3.SQLITE_DENY  # setting a pragma
    return sqlite3.SQLITE_OK


def vn_fold(value: Any) -> str | None:
    """Case-folded NFC text, for matching places and codes the way people type them."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", str(value)).casefold().strip()


def connect_readonly(db: str | Path | None = None) -> sqlite3.Connection:
    """A connection that cannot write: opened ``mode=ro``, ``query_only`` on, write statements denied."""
    path = Path(db) if db is not None else default_db()
    if not path.is_file():
        raise StoreError(f"no store at {path} (build it with `vnnews run`, or pass --db)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a readable SQLite store ({exc})") from None
    conn.set_authorizer(_authorize)
    conn.create_function("vn_fold", 1, vn_fold, deterministic=True)
    return conn


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_query(sql: str, db: str | Path | None = None, params: Any = ()) -> Result:
    """Run one SQL statement on a read-only connection; a write is refused with :class:`ReadOnlyError`."""
    conn = connect_readonly(db)
    try:
        cur = conn.execute(sql, params)
        rows = cur.fetchall()
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
        if any(m in msg for m in ("not authorized", "authorization denied", "readonly", "query_only")):
            raise ReadOnlyError(
                "the store is read-only here: `vnnews query` runs SELECT statements only "
                "(to change the store, re-run `vnnews run` or `vnnews load`)"
            ) from None
        raise StoreError(f"SQL error: {msg}") from None
    except sqlite3.ProgrammingError as exc:
        raise StoreError(f"SQL error: {exc}") from None
    finally:
        conn.close()
    return Result([d[0] for d in cur.description or ()], rows)


def table_names(db: str | Path | None = None) -> list[str]:
    """Tables and views a user may read (SQLite's and the full-text index's internals left out)."""
    res = run_query(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'articles_fts%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name",
        db,
    )
    return [r[0] for r in res.rows]


def check_table(name: str, db: str | Path | None = None) -> None:
    known = table_names(db)
    if name not in known:
        raise StoreError(f"no table {name!r} in the store (tables: {', '.join(known)})")


def read_table(name: str, db: str | Path | None = None) -> pd.DataFrame:
    """A table or view of the store as a pandas DataFrame, e.g. ``read_table("indicators")``."""
    import pandas as pd

    check_table(name, db)
    conn = connect_readonly(db)
    try:
        return pd.read_sql_query(f"SELECT * FROM [{name}]", conn)
    finally:
        conn.close()


INDICATOR_COLUMNS = ("indicator", "label", "value", "high", "unit", "kind", "period", "location",
                     "published", "title")


def indicator_rows(
    db: str | Path | None = None,
    indicator: str | None = None,
    location: str | None = None,
    period: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> Result:
    """Indicator figures with their article's date and title; ``period`` 2022 also matches 2022-H1."""
    where, params = [], []
    if indicator:
        where.append("vn_fold(indicator) = vn_fold(?)")
        params.append(indicator)
    if location:
        where.append("vn_fold(location) = vn_fold(?)")
        params.append(location)
    if period:
        where.append("(period = ? OR period LIKE ? || '-%' OR period LIKE ? || '/%')")
        params += [period, period, period]
    if kind:
        where.append("kind = ?")
        params.append(kind)
    sql = (f"SELECT {', '.join(INDICATOR_COLUMNS)} FROM indicators_wide"
           + (f" WHERE {' AND '.join(where)}" if where else "")
           + " ORDER BY indicator, location, period, kind")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return run_query(sql, db, params)
