"""``vnnews query``, ``vnnews indicators`` and ``pipeline.read_table`` on a real store in a tmp dir."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline
from pipeline.cli import cli
from pipeline.store.fixtures import populate_fixture_store
from pipeline.store.queries import StoreError


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "vnnews.db"
    populate_fixture_store(db)
    return db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.stdout, res.stderr


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM indicators",
        "UPDATE articles SET title = 'x'",
        "INSERT INTO people (name, key) VALUES ('A', 'a')",
        "DROP TABLE money",
        "CREATE TABLE notes (x)",
        "ALTER TABLE people ADD COLUMN age INTEGER",
        "CREATE INDEX idx_x ON money (value)",
        "ATTACH DATABASE '{tmp}/other.db' AS other",
        "PRAGMA user_version = 5",
        "PRAGMA query_only = 0",
        "VACUUM",
        "VACUUM INTO '{tmp}/other.db'",
        "WITH doomed AS (SELECT 1) DELETE FROM money",
        "REPLACE INTO people (id, name, key) VALUES (1, 'A', 'a')",
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    ],
)
def test_query_refuses_writes(store: Path, sql: str, tmp_path: Path) -> None:
    before = digest(store)
    code, out, err = run("query", sql.format(tmp=tmp_path), "--db", str(store))
    assert code == 1 and out == ""
    assert err.startswith("vnnews: error: ") and "read-only" in err and err.count("\n") == 1
    assert digest(store) == before
    assert not (tmp_path / "other.db").exists()


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_formats_give_the_same_rows(store: Path, fmt: str) -> None:
    sql = "SELECT indicator, kind, value FROM indicators ORDER BY indicator, kind, value"
    code, out, _ = run("query", sql, "--db", str(store), "--format", fmt)
    assert code == 0
    conn = sqlite3.connect(store)
    expected = conn.execute(sql).fetchall()
    conn.close()
    if fmt == "json":
        got = [(r["indicator"], r["kind"], r["value"]) for r in json.loads(out)]
    else:
        lines = out.strip().splitlines()
        body = lines[2:] if fmt == "table" else lines[1:]
        got = [tuple(line.split(",") if fmt == "csv" else line.split()) for line in body]
        expected = [(i, k, str(v).replace(" ", "")) for i, k, v in expected]
        got = [(i, k, v.replace(" ", "")) for i, k, *rest in got for v in ["".join(rest)]]
    assert got == expected


@pytest.mark.parametrize(
    ("sql", "message"),
    [("SELEKT * FROM articles", "SQL error"), ("SELECT * FROM nowhere", "no such table"),
     ("SELECT 1; SELECT 2", "one statement")],
)
def test_query_bad_sql_is_one_line(store: Path, sql: str, message: str) -> None:
    code, _, err = run("query", sql, "--db", str(store))
    assert code == 1 and err.count("\n") == 1 and message in err


def test_query_reading_pragmas_are_allowed(store: Path) -> None:
    code, out, _ = run("query", "PRAGMA table_info(indicators)", "--db", str(store), "--format", "json")
    assert code == 0 and "location" in {row["name"] for row in json.loads(out)}


def test_query_missing_store_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    code, _, err = run("query", "SELECT 1", "--db", str(missing))
    assert code == 1 and "no store at" in err
    assert not missing.exists()


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], {("budget_revenue", "actual"), ("budget_revenue", "share_of_plan"), ("budget_revenue", "target"),
              ("new_party_members", "actual"), ("new_party_members", "share_of_plan"),
              ("grdp_growth", "change")}),
        (["--location", "hòa bình"], {("budget_revenue", "actual"), ("budget_revenue", "share_of_plan"),
                                       ("budget_revenue", "target"), ("grdp_growth", "change")}),
        (["--indicator", "budget_revenue", "--period", "2023-H1"],
         {("budget_revenue", "actual"), ("budget_revenue", "share_of_plan")}),
        (["--period", "2023", "--kind", "share_of_plan"],
         {("budget_revenue", "share_of_plan"), ("new_party_members", "share_of_plan")}),
        (["--location", "Yên Bái", "--kind", "actual"], {("new_party_members", "actual")}),
    ],
)
def test_indicators_filters(store: Path, options: list[str], expected: set[tuple[str, str]]) -> None:
    code, out, _ = run("indicators", "--db", str(store), "--format", "json", *options)
    assert code == 0
    assert {(r["indicator"], r["kind"]) for r in json.loads(out)} == expected


def test_indicators_table_is_readable(store: Path) -> None:
    code, out, _ = run("indicators", "--db", str(store), "--indicator", "budget_revenue", "--kind", "actual")
    assert code == 0
    header, rule, row = out.strip().splitlines()
    assert header.split()[:3] == ["indicator", "label", "value"] and set(rule) <= {"-", " "}
    assert "2 150 000 000 000" in row and "Hòa Bình" in row and "2023-H1" in row


def test_indicators_no_match_is_an_error(store: Path) -> None:
    code, _, err = run("indicators", "--db", str(store), "--location", "Atlantis")
    assert code == 1 and "no indicator figures match" in err


def test_read_table_returns_a_dataframe(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pipeline.read_table("indicators", store)
    conn = sqlite3.connect(store)
    assert len(frame) == conn.execute("SELECT count(*) FROM indicators").fetchone()[0]
    conn.close()
    assert {"indicator", "value", "unit", "kind", "period", "location"} <= set(frame.columns)
    monkeypatch.setenv("VNNEWS_DB", str(store))
    wide = pipeline.read_table("indicators_wide")
    assert len(wide) == len(frame) and wide["title"].notna().all()


@pytest.mark.parametrize("name", ["nowhere", "articles; DROP TABLE articles", "articles_fts_data"])
def test_read_table_refuses_unknown_names(store: Path, name: str) -> None:
    with pytest.raises(StoreError, match="no table"):
        pipeline.read_table(name, store)
