"""The store's schema: tables, full-text index, views and indexes, applied as sqlite-utils migrations.

Mention tables hold one row per mention, keyed by ``(article_id, seq)`` (``seq`` is the mention's
position in the article's list), so re-loading the same article writes the very same keys.
Registries (``people``, ``organisations``) are deduplicated on a folded ``key`` and referenced by
the mention tables. Secondary indexes are not part of the migrations: :func:`create_indexes` adds
them, after a bulk load into an empty store.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("vnnews")

# Every mention table: its own columns (SQL types) besides article_id, seq, start, end, extra.
MENTION_COLUMNS: dict[str, dict[str, str]] = {
    "officials": {
        "name": "TEXT NOT NULL",
        "title": "TEXT",
        "unit": "TEXT",
        "person_id": "INTEGER REFERENCES people(id)",
        "organisation_id": "INTEGER REFERENCES organisations(id)",
    },
    "units": {
        "text": "TEXT NOT NULL",
        "name": "TEXT",
        "kind": "TEXT",
        "organisation_id": "INTEGER REFERENCES organisations(id)",
    },
    "decisions": {
        "text": "TEXT NOT NULL",
        "type": "TEXT",
        "number": "TEXT",
        "date": "TEXT",
        "issuer": "TEXT",
        "issuer_id": "INTEGER REFERENCES organisations(id)",
    },
    "money": {
        "text": "TEXT NOT NULL",
        "value": "NUMERIC",
        "high": "NUMERIC",
        "currency": "TEXT",
        "approx": "TEXT",
    },
    "percentages": {
        "text": "TEXT NOT NULL",
        "value": "NUMERIC",
        "high": "NUMERIC",
        "approx": "TEXT",
    },
    "quantities": {
        "text": "TEXT NOT NULL",
        "value": "NUMERIC",
        "high": "NUMERIC",
        "unit": "TEXT",
        "approx": "TEXT",
    },
    "indicators": {
        "indicator": "TEXT NOT NULL",
        "label": "TEXT",
        "value": "NUMERIC",
        "high": "NUMERIC",
        "unit": "TEXT",
        "approx": "TEXT",
        "kind": "TEXT",
        "period": "TEXT",
        "year": "INTEGER",
        "location": "TEXT",
        "sentence": "TEXT NOT NULL",
    },
}
MENTION_TABLES: tuple[str, ...] = tuple(MENTION_COLUMNS)
REGISTRY_TABLES: tuple[str, ...] = ("people", "organisations")

ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "url", "source", "title", "published", "author", "path", "text",
    "fetched_at", "extracted_at", "pipeline_version",
)

# Secondary indexes: name -> (table, columns). Created after a bulk load (see create_indexes).
INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "idx_indicators_series": ("indicators", ("indicator", "location", "period")),
    "idx_indicators_location": ("indicators", ("location", "year")),
    "idx_officials_person": ("officials", ("person_id",)),
    "idx_officials_organisation": ("officials", ("organisation_id",)),
    "idx_units_organisation": ("units", ("organisation_id",)),
    "idx_decisions_issuer": ("decisions", ("issuer_id",)),
    "idx_decisions_number": ("decisions", ("type", "number")),
    "idx_articles_published": ("articles", ("published",)),
}

VIEWS: dict[str, str] = {
    # One row per indicator figure with its article's url, title and date: the analysis-ready table.
    "indicators_wide": """
        SELECT i.article_id, i.seq, i.indicator, i.label, i.value, i.high, i.unit, i.approx, i.kind,
               i.period, i.year, i.location, i.sentence, i.start, i."end",
               a.published, a.title, a.url, a.source
        FROM indicators i JOIN articles a ON a.id = i.article_id""",
    # Each person's posts over time: one row per (person, post, body) with first and last sighting.
    "posts": """
        SELECT p.id AS person_id, p.name, o.title, o.unit, o.organisation_id,
               min(a.published) AS first_seen, max(a.published) AS last_seen,
               count(DISTINCT o.article_id) AS articles
        FROM officials o JOIN people p ON p.id = o.person_id JOIN articles a ON a.id = o.article_id
        GROUP BY p.id, o.title, o.unit, o.organisation_id""",
}


def mention_table_sql(table: str) -> str:
    cols = "".join(f",\n    [{name}] {decl}" for name, decl in MENTION_COLUMNS[table].items())
    return (
        f"CREATE TABLE [{table}] (\n"
        "    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n"
        "    seq INTEGER NOT NULL"
        f"{cols},\n"
        "    start INTEGER NOT NULL,\n"
        '    "end" INTEGER NOT NULL,\n'
        "    extra TEXT,\n"
        "    PRIMARY KEY (article_id, seq),\n"
        '    CHECK (0 <= start AND start <= "end")\n'
        ")"
    )


@migrations()
def m001_articles_registries_mentions(db: Database) -> None:
    db.execute(
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, url TEXT, source TEXT, title TEXT, published TEXT, author TEXT,
            path TEXT, text TEXT NOT NULL, fetched_at TEXT, extracted_at TEXT, pipeline_version TEXT)"""
    )
    db.execute(
        """CREATE TABLE people (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE)"""
    )
    db.execute(
        """CREATE TABLE organisations (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT, place TEXT, key TEXT NOT NULL UNIQUE)"""
    )
    for table in MENTION_TABLES:
        db.execute(mention_table_sql(table))


@migrations()
def m002_full_text_search(db: Database) -> None:
    db.table("articles").enable_fts(
        ["title", "text"], fts_version="FTS5", create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )


@migrations()
def m003_views(db: Database) -> None:
    for name, sql in VIEWS.items():
        db.execute(f"CREATE VIEW [{name}] AS {sql}")


def migrate(db: Database) -> None:
    """Bring the store's schema up to date (idempotent)."""
    migrations.apply(db)


def create_indexes(db: Database) -> None:
    for name, (table, cols) in INDEXES.items():
        quoted = ", ".join(f"[{c}]" for c in cols)
        db.execute(f"CREATE INDEX IF NOT EXISTS [{name}] ON [{table}] ({quoted})")


def drop_indexes(db: Database) -> None:
    for name in INDEXES:
        db.execute(f"DROP INDEX IF EXISTS [{name}]")
