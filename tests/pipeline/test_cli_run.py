"""``vnnews run`` and ``vnnews load``: extract + load into real SQLite files, summaries, bad input."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.cli.run import SAMPLE_DIR
from pipeline.readers import iter_articles
from pipeline.store.schema import MENTION_TABLES

TABLES = ("articles", *MENTION_TABLES, "people", "organisations")

ARTICLES = {
    "bac_kan.txt": (
        "Bắc Kạn: kết quả 9 tháng năm 2024\n"
        "Chín tháng năm 2024, tổng thu ngân sách trên địa bàn tỉnh Bắc Kạn ước đạt 512 tỷ đồng, "
        "bằng 70,5% dự toán. Ông Hoàng Văn Tâm, Chủ tịch UBND tỉnh Bắc Kạn, đề nghị các sở, ngành "
        "thực hiện Quyết định số 1520/QĐ-UBND ngày 12/9/2024.\n"
    ),
    "lai_chau.txt": (
        "Lai Châu giải ngân vốn đầu tư công\n"
        "Đến hết tháng 10/2024, tỉnh Lai Châu giải ngân hơn 1.830 tỷ đồng vốn đầu tư công, đạt 61% kế "
        "hoạch. Tỉnh phấn đấu đến hết năm giải ngân trên 95% kế hoạch vốn được giao.\n"
    ),
}


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def content(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows without the load timestamp, sorted."""
    conn = sqlite3.connect(db)
    try:
        out = {t: sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in TABLES[1:]}
        out["articles"] = sorted(conn.execute(
            "SELECT id, url, title, published, text FROM articles").fetchall())
        return out
    finally:
        conn.close()


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args), input=input)
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.stdout, res.stderr


def test_cli_run_twice_gives_identical_rows(articles_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    code, out, _ = run("run", str(articles_dir), "--db", str(db))
    assert code == 0
    first = content(db)
    assert len(first["articles"]) == len(ARTICLES) and first["money"]
    code, _, _ = run("run", str(articles_dir), "--db", str(db))
    assert code == 0
    assert content(db) == first
    assert f"Loaded {len(ARTICLES)} article(s) into {db}" in out
    assert "Top indicators" in out and "vnnews serve" in out


def test_cli_run_summary_lists_rows_per_table(articles_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    _, out, _ = run("run", str(articles_dir), "--db", str(db))
    for table, n in counts(db).items():
        assert any(line.split() == [table, str(n)] for line in out.splitlines()), table


def test_cli_load_of_extract_output_matches_run(articles_dir: Path, tmp_path: Path) -> None:
    code, jsonl, _ = run("extract", str(articles_dir))
    assert code == 0
    via_run, via_file, via_stdin = tmp_path / "run.db", tmp_path / "file.db", tmp_path / "stdin.db"
    run("run", str(articles_dir), "--db", str(via_run))
    extracted = tmp_path / "extracted.jsonl"
    extracted.write_text(jsonl, encoding="utf-8")
    assert run("load", str(extracted), "--db", str(via_file))[0] == 0
    assert run("load", "-", "--db", str(via_stdin), input=jsonl)[0] == 0
    assert content(via_file) == content(via_run) == content(via_stdin)


def test_cli_load_skips_bad_lines_and_reports_them(articles_dir: Path, tmp_path: Path) -> None:
    _, jsonl, _ = run("extract", str(articles_dir))
    lines = jsonl.splitlines()
    broken = "\n".join([lines[0], "{not json", json.dumps({"title": "no text"}), lines[1]]) + "\n"
    db = tmp_path / "store.db"
    code, _, err = run("load", "-", "--db", str(db), input=broken)
    assert code == 1
    assert counts(db)["articles"] == 2
    errors = err.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("vnnews: error: <stdin>: line ") for e in errors)


def test_cli_run_bad_input_keeps_stored_data(articles_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    run("run", str(articles_dir), "--db", str(db))
    before = content(db)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    code, _, err = run("run", str(tmp_path / "missing"), str(binary), "--db", str(db))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("vnnews: error: ") for line in lines)
    assert "Traceback" not in err
    assert content(db) == before


@pytest.mark.parametrize("command", ["run", "load"])
def test_cli_run_refuses_a_store_that_is_not_sqlite(articles_dir: Path, tmp_path: Path, command: str) -> None:
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    original = not_a_store.read_bytes()
    source = str(articles_dir) if command == "run" else "-"
    code, _, err = run(command, source, "--db", str(not_a_store), input="")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("vnnews: error: ") and "not a database" in err
    assert not_a_store.read_bytes() == original


def test_cli_run_without_engine_module_fails_in_one_line(articles_dir: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pipeline.engine", None)  # as if pipeline/engine.py were absent
    code, _, err = run("run", str(articles_dir), "--db", str(tmp_path / "s.db"), "--engine", "dask")
    assert code == 1
    assert err.startswith("vnnews: error: --engine dask is not available") and err.count("\n") == 1


def test_cli_run_without_arguments_uses_the_bundled_sample(tmp_path: Path) -> None:
    if not SAMPLE_DIR.is_dir() or not any(SAMPLE_DIR.glob("*.txt")):
        pytest.skip(f"no bundled sample articles in {SAMPLE_DIR} yet")
    expected = {a.id for a in iter_articles([SAMPLE_DIR], [])}
    db = tmp_path / "sample.db"
    code, out, _ = run("run", "--db", str(db))
    assert code == 0
    conn = sqlite3.connect(db)
    assert {r[0] for r in conn.execute("SELECT id FROM articles")} == expected
    conn.close()
    assert f"into {db}" in out


def test_cli_run_article_whose_extraction_raises_is_reported_and_skipped(
    articles_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.cli.run as run_module

    real_extract = run_module.extract_article

    def extract_or_break(art, names):  # type: ignore[no-untyped-def]
        if art.path and art.path.endswith("lai_chau.txt"):
            raise IndexError("no such group")  # an extractor bug, injected
        return real_extract(art, names)

    monkeypatch.setattr(run_module, "extract_article", extract_or_break)
    db = tmp_path / "store.db"
    code, _, err = run("run", str(articles_dir), "--db", str(db))
    assert code == 1
    assert err.strip().splitlines() == [
        f"vnnews: error: {articles_dir / 'lai_chau.txt'}: extraction failed: IndexError: no such group"]
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT title FROM articles")] == ["Bắc Kạn: kết quả 9 tháng năm 2024"]
    conn.close()


def test_cli_run_local_workers_give_the_same_rows(articles_dir: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert run("run", str(articles_dir), "--db", str(one))[0] == 0
    code, _, err = run("run", str(articles_dir), "--db", str(two), "--workers", "2")
    assert code == 0, err
    assert content(two) == content(one)
