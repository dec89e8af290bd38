"""The SQLite store: schema, idempotent and atomic loading, registries, migrations (real files in tmp)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from pipeline.article import Article, Span
from pipeline.store import loader
from pipeline.store.fixtures import FIXTURE_TEXTS, build_article, fixture_articles
from pipeline.store.loader import load_articles, open_store
from pipeline.store.registries import fold, place_of
from pipeline.store.schema import INDEXES, MENTION_TABLES, migrations

ROOT = Path(__file__).resolve().parents[2]
STAMP = "2026-01-01T00:00:00+00:00"
ALL_TABLES = ("articles", *MENTION_TABLES, "people", "organisations")


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: two stores with equal dumps hold the same data."""
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in ALL_TABLES}
    finally:
        conn.close()


def rows_of(db: Path, article_id: str) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        def count(sql: str) -> int:
            return int(conn.execute(sql, (article_id,)).fetchone()[0])

        out = {t: count(f"SELECT count(*) FROM [{t}] WHERE article_id = ?") for t in MENTION_TABLES}
        out["articles"] = count("SELECT count(*) FROM articles WHERE id = ?")
        return out
    finally:
        conn.close()


def consistent(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return ok and not conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()


def new_article(tag: str) -> Article:
    """An article that none of the fixture articles is, with rows in several tables."""
    spec = dict(FIXTURE_TEXTS[0])
    spec["url"] = f"https://example.vn/tin/{tag}"
    return build_article(spec)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "vnnews.db"
    load_articles(db, fixture_articles(), extracted_at=STAMP)
    return db


def test_load_schema_has_foreign_keys_fts_and_views(store: Path) -> None:
    db = Database(store)
    assert {"articles", "people", "organisations", *MENTION_TABLES} <= set(db.table_names())
    assert {"indicators_wide", "posts"} <= set(db.view_names())
    fks = {(fk.column, fk.other_table) for fk in db["officials"].foreign_keys}
    assert fks == {("article_id", "articles"), ("person_id", "people"), ("organisation_id", "organisations")}
    assert db["articles"].detect_fts() == "articles_fts"
    hits = db.execute(
        "SELECT a.title FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ?", ["yen bai"]).fetchall()
    assert hits == [("Yên Bái kết nạp đảng viên mới",)]


def test_load_foreign_keys_are_enforced(store: Path) -> None:
    db = open_store(store)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO money (article_id, seq, text, start, \"end\") VALUES ('nope', 0, 'x', 0, 1)")


def test_load_twice_leaves_the_same_rows(store: Path) -> None:
    before = dump(store)
    report = load_articles(store, fixture_articles(), extracted_at=STAMP)
    assert report.loaded == len(FIXTURE_TEXTS) and not report.failed
    assert dump(store) == before
    assert before["indicators"] and before["people"]


@pytest.mark.parametrize("batch_size", [1, 2, 50])
def test_load_batch_size_gives_the_same_store(tmp_path: Path, store: Path, batch_size: int) -> None:
    db = tmp_path / f"batch{batch_size}.db"
    load_articles(db, fixture_articles(), batch_size=batch_size, extracted_at=STAMP)
    assert dump(db) == dump(store)


def test_load_reextraction_replaces_an_articles_rows(store: Path) -> None:
    first = fixture_articles()[1]
    fewer = Article(text=first.text, url=first.url, title="Tiêu đề mới", published=first.published)
    fewer.add("officials", first.get("officials")[-1:])  # Trần Minh Khoa, no unit
    load_articles(store, [fewer], extracted_at=STAMP)
    counts = rows_of(store, first.id)
    assert counts["officials"] == 1 and counts["indicators"] == 0 and counts["percentages"] == 0
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT title FROM articles WHERE id = ?", (first.id,)).fetchone() == ("Tiêu đề mới",)
    # Lò Thị Mai and Yên Bái's Tỉnh ủy were only named by the replaced rows: the registries drop them.
    orgs = {r[0] for r in conn.execute("SELECT name FROM organisations")}
    people = {r[0] for r in conn.execute("SELECT name FROM people")}
    conn.close()
    assert "Tỉnh ủy Yên Bái" not in orgs and "Ủy ban nhân dân tỉnh Hòa Bình" in orgs
    assert people == {"Trần Minh Khoa"}
    assert consistent(store)


def _bad_value(art: Article) -> None:
    # A value SQLite cannot store, in the last table written: earlier tables got rows first.
    span = art.get("indicators")[-1]
    art.spans["indicators"][-1] = Span(span.start, span.end, span.text, {**span.attrs, "value": {"x": 1}})


def _bad_offsets(art: Article) -> None:
    # Offsets that break the CHECK constraint (start > end), bypassing Article.add's own check.
    art.spans["quantities"] = [Span(9, 3, "", {"value": 1})]


@pytest.mark.parametrize("spoil", [_bad_value, _bad_offsets], ids=["unstorable-value", "check-constraint"])
@pytest.mark.parametrize("batch_size", [1, 10])
def test_load_failing_article_is_rolled_back_whole(store: Path, spoil: Any, batch_size: int) -> None:
    before = dump(store)
    good, bad = new_article("good"), new_article("bad")
    spoil(bad)
    report = load_articles(store, [good, bad], batch_size=batch_size, extracted_at=STAMP)
    assert report.loaded == 1 and [f[0] for f in report.failed] == [bad.id]
    assert set(rows_of(store, bad.id).values()) == {0}
    assert rows_of(store, good.id)["indicators"] == 3
    after = dump(store)
    assert all(set(before[t]) <= set(after[t]) for t in ("articles", *MENTION_TABLES))
    assert consistent(store)


@pytest.mark.parametrize("batch_size", [1, 3])
def test_load_interrupted_inside_an_article_keeps_earlier_data(
    store: Path, monkeypatch: pytest.MonkeyPatch, batch_size: int
) -> None:
    before = dump(store)
    victim = new_article("interrupted")
    real_insert = loader.insert_mentions

    def insert_then_interrupt(conn: sqlite3.Connection, table: str, rows: list[tuple[Any, ...]]) -> None:
        real_insert(conn, table, rows)
        if rows and rows[0][0] == victim.id and table == "percentages":
            raise KeyboardInterrupt

    monkeypatch.setattr(loader, "insert_mentions", insert_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        load_articles(store, [new_article("other"), victim], batch_size=batch_size, extracted_at=STAMP)
    assert set(rows_of(store, victim.id).values()) == {0}
    after = dump(store)
    assert all(set(before[t]) <= set(after[t]) for t in ALL_TABLES)
    assert consistent(store)


CRASH_SCRIPT = """
import os, sys
from pipeline.store import loader
from pipeline.store.fixtures import FIXTURE_TEXTS, build_article

specs = []
for tag in ("one", "two", "three"):
    spec = dict(FIXTURE_TEXTS[0]); spec["url"] = "https://example.vn/crash/" + tag
    specs.append(build_article(spec))
victim = specs[2].id
real_insert = loader.insert_mentions

def insert_then_die(conn, table, rows):
    real_insert(conn, table, rows)
    if rows and rows[0][0] == victim and table == "percentages":
        os._exit(7)   # the process dies mid-article: no cleanup, no rollback by Python

loader.insert_mentions = insert_then_die
loader.load_articles(sys.argv[1], specs, batch_size=int(sys.argv[2]))
"""


@pytest.mark.parametrize("batch_size", [1, 2])
def test_load_process_crash_mid_article_leaves_no_half_article(store: Path, batch_size: int) -> None:
    before = dump(store)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(CRASH_SCRIPT), str(store), str(batch_size)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 7, proc.stderr
    after = dump(store)  # opening the store rolls back the crashed transaction (hot journal)
    assert all(set(before[t]) <= set(after[t]) for t in ALL_TABLES)
    urls = {r[1] for r in after["articles"]}
    assert "https://example.vn/crash/three" not in urls
    # batch_size 1 committed the first two articles; batch_size 2 committed the first pair only.
    assert {"https://example.vn/crash/one", "https://example.vn/crash/two"} <= urls
    conn = sqlite3.connect(store)
    orphans = conn.execute(
        "SELECT count(*) FROM indicators WHERE article_id NOT IN (SELECT id FROM articles)")
    assert orphans.fetchone()[0] == 0
    conn.close()
    assert consistent(store)


@pytest.mark.parametrize(
    ("spellings", "expected_rows"),
    [
        (["Ủy ban nhân dân tỉnh Hòa Bình", "Uỷ ban nhân dân tỉnh Hoà Bình",
          "ủy  ban nhân dân tỉnh hòa bình"], 1),
        (["Tỉnh ủy Yên Bái", "Thành ủy Yên Bái"], 2),
    ],
)
def test_load_organisations_registry_folds_spellings(tmp_path: Path, spellings: list[str],
                                                     expected_rows: int) -> None:
    text = " ; ".join(spellings)
    art = Article(text=text, url="https://example.vn/spellings")
    spans, pos = [], 0
    for name in spellings:
        start = text.index(name, pos)
        pos = start + len(name)
        spans.append(art.span(start, pos, name=name, kind="government"))
    art.add("units", spans)
    db = tmp_path / "s.db"
    load_articles(db, [art])
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == expected_rows
    assert conn.execute("SELECT count(DISTINCT organisation_id) FROM units").fetchone()[0] == expected_rows
    conn.close()


@pytest.mark.parametrize(
    ("name", "key"),
    [("Uỷ ban nhân dân", "ủy ban nhân dân"), ("  Hoà   Bình ", "hòa bình"), ("THUỶ", "thủy")],
)
def test_registries_fold(name: str, key: str) -> None:
    assert fold(name) == key


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Ủy ban nhân dân tỉnh Vĩnh Phúc", "Vĩnh Phúc"),
        ("Ban Thường vụ Tỉnh ủy Bắc Ninh", "Bắc Ninh"),
        ("Thành ủy Vĩnh Yên", "Vĩnh Yên"),
        ("Đảng ủy xã Đồng Tâm", "Đồng Tâm"),
        ("Sở Tài chính", None),
        ("Bộ Chính trị", None),
        ("Ủy ban nhân dân tỉnh", None),
    ],
)
def test_registries_place_of(name: str, place: str | None) -> None:
    assert place_of(name) == place


def test_load_indexes_exist_after_a_bulk_load(store: Path) -> None:
    conn = sqlite3.connect(store)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert set(INDEXES) <= names


def test_load_migrates_an_older_store_keeping_its_data(tmp_path: Path) -> None:
    db_path = tmp_path / "old.db"
    old = Database(db_path)
    migrations.apply(old, stop_before="m002_full_text_search")
    old.execute("INSERT INTO articles (id, text) VALUES ('a1', 'Bài cũ về Hòa Bình')")
    assert "articles_fts" not in old.table_names()
    old.close()
    db = open_store(db_path)
    assert "articles_fts" in db.table_names() and "indicators_wide" in db.view_names()
    db["articles_fts"].rebuild_fts()
    assert db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'hoa'").fetchall()
    applied = [m.name for m in migrations.applied(db)]
    assert applied == [m.name for m in migrations._migrations]
    db.close()
    reopened = open_store(db_path)
    assert reopened.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(applied)
