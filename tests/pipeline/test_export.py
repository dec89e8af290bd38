"""``vnnews export``: tables of a real store to CSV, Parquet and JSON Lines, read back with pandas."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.store.fixtures import populate_fixture_store
from pipeline.store.queries import read_table

READERS = {
    "csv": lambda p: pd.read_csv(p, encoding="utf-8-sig"),
    "parquet": pd.read_parquet,
    "jsonl": lambda p: pd.read_json(p, lines=True, dtype=False),
}


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "processed" / "vnnews.db"
    populate_fixture_store(db)
    return db


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.stdout, res.stderr


def cell(value: Any) -> Any:
    """A value as a file format may hand it back: numbers as floats, missing as None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        return round(float(value), 6)
    except (TypeError, ValueError):
        return str(value)


def records(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    return sorted((tuple(cell(v) for v in row) for row in frame.itertuples(index=False)), key=repr)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
@pytest.mark.parametrize("table", ["indicators", "officials", "articles", "indicators_wide", "money"])
def test_export_round_trips_through_pandas(store: Path, tmp_path: Path, fmt: str, table: str) -> None:
    out = tmp_path / f"out.{fmt}"
    code, _, err = run("export", "--db", str(store), "--table", table, "--format", fmt, "--out", str(out))
    assert code == 0, err
    expected = read_table(table, store)
    back = READERS[fmt](out)
    assert list(back.columns) == list(expected.columns)
    assert len(back) == len(expected) > 0
    assert records(back) == records(expected)


@pytest.mark.parametrize(("options", "bom"), [(["--bom"], True), ([], False)])
def test_export_csv_byte_order_mark_for_excel(store: Path, tmp_path: Path, options: list[str],
                                              bom: bool) -> None:
    out = tmp_path / "officials.csv"
    run("export", "--db", str(store), "--table", "officials", "--out", str(out), *options)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") is bom
    assert "Trần Minh Khoa" in data.decode("utf-8-sig")


def test_export_wide_is_indicators_with_their_articles(store: Path) -> None:
    code, _, err = run("export", "--db", str(store), "--wide")
    assert code == 0
    out = store.parent / "indicators_wide.csv"  # beside the store by default
    assert f"-> {out}" in err
    wide = pd.read_csv(out)
    indicators = read_table("indicators", store)
    assert len(wide) == len(indicators)
    wanted = {"indicator", "value", "unit", "kind", "period", "location", "url", "title", "published"}
    assert wanted <= set(wide.columns)
    hoa_binh = wide[wide["location"] == "Hòa Bình"]
    assert set(hoa_binh["published"]) == {"2023-07-10", "2022-12-28"}


def test_export_csv_to_stdout(store: Path) -> None:
    code, out, _ = run("export", "--db", str(store), "--table", "people", "--out", "-")
    assert code == 0
    assert out.splitlines()[0] == "id,name,key" and len(out.splitlines()) == 3


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--table", "nowhere"], "no table 'nowhere'"),
        ([], "--table NAME or --wide"),
        (["--table", "money", "--format", "parquet", "--out", "-"], "Parquet is binary"),
        (["--wide", "--table", "money"], "--wide exports indicators_wide"),
    ],
)
def test_export_bad_options_are_one_line(store: Path, options: list[str], message: str) -> None:
    before = sorted(p.name for p in store.parent.iterdir())
    code, _, err = run("export", "--db", str(store), *options)
    assert code == 1 and message in err and err.count("\n") == 1
    assert sorted(p.name for p in store.parent.iterdir()) == before
