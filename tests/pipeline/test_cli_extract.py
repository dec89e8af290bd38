import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.article import CONTRACT_FIELDS
from pipeline.cli import cli
from pipeline.readers import MAX_BYTES

TITLE = "Hà Nam: thu ngân sách 9 tháng vượt dự toán"
BODY = (
    "Phủ Lý (Hà Nam) - Theo Quyết định số 812/QĐ-UBND ngày 4/4/2023 của UBND tỉnh Hà Nam, "
    "thu ngân sách 9 tháng đạt hơn 12.450 tỷ đồng, bằng 86,5% dự toán. "
    "Vốn đầu tư công giải ngân khoảng 3 tỷ 500 triệu đồng mỗi xã, tăng 7,5 - 8,5% so với cùng kỳ."
)
ARTICLE = f"{TITLE}\n\n{BODY}\n"
CONTRACT_KEYS = {"id", "path", "url", "title", "published", "text", *CONTRACT_FIELDS}


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _cp1258(text: str) -> bytes:
    """``text`` in Windows-1258: precomposed base letters, tone marks as combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = next(p for p in parts if p in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", parts.replace(tone, ""))
            out.append(base.encode("cp1258") + tone.encode("cp1258"))
    return b"".join(out)


def _objects(stdout: str) -> list[dict]:
    """Every JSON object in ``stdout`` (JSON Lines or indented objects one after another)."""
    dec, pos, out = json.JSONDecoder(), 0, []
    while pos < len(stdout):
        if stdout[pos].isspace():
            pos += 1
            continue
        obj, pos = dec.raw_decode(stdout, pos)
        out.append(obj)
    return out


def _check_contract(obj: dict) -> None:
    assert set(obj) >= CONTRACT_KEYS
    text = obj["text"]
    for key, text_field in CONTRACT_FIELDS.items():
        assert isinstance(obj[key], list)
        for row in obj[key]:
            assert text[row["start"]:row["end"]] == row[text_field] or key == "indicators"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    return _write(tmp_path / "ha_nam.txt", ARTICLE)


def test_cli_extract_prints_contract_json_with_path(article_file):
    code, out, err = _run(str(article_file))
    assert code == 0, err
    [obj] = _objects(out)
    _check_contract(obj)
    assert obj["path"] == str(article_file)
    assert obj["title"] == TITLE
    assert obj["text"] == BODY
    assert [m["value"] for m in obj["money"]] == [12_450_000_000_000, 3_500_000_000]
    assert [(p["value"], p["high"]) for p in obj["percentages"]] == [(86.5, None), (7.5, 8.5)]
    [d] = obj["decisions"]
    assert (d["number"], d["date"]) == ("812/QĐ-UBND", "2023-04-04")
    assert d["issuer"] == "Ủy ban nhân dân tỉnh Hà Nam"


def test_cli_extract_json_format_gives_the_same_objects(article_file):
    _, lines, _ = _run(str(article_file))
    _, indented, _ = _run("--format", "json", str(article_file))
    assert "\n  " in indented
    assert _objects(indented) == _objects(lines)


def test_cli_extract_reads_a_directory_of_mixed_files(tmp_path):
    _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "b.json", json.dumps({"url": "https://example.vn/b", "title": TITLE, "text": BODY}))
    rows = [{"url": f"https://example.vn/c{i}", "text": BODY} for i in range(2)]
    _write(tmp_path / "c.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    _write(tmp_path / "gold.jsonl", '{"id": "not an article"}\n')  # annotations are skipped
    code, out, err = _run(str(tmp_path))
    assert code == 0, err
    objs = _objects(out)
    assert len(objs) == 4
    for obj in objs:
        _check_contract(obj)
        assert len(obj["money"]) == 2
    assert {o["url"] for o in objs} == {None, "https://example.vn/b", "https://example.vn/c0", "https://example.vn/c1"}


# name -> (how to make the bad input in a tmp dir, what the error line says)
BAD_INPUTS = {
    "missing": (lambda d: d / "nowhere.txt", "no such file or directory"),
    "under_a_file": (lambda d: _write(d / "a.txt", "x") / "b.txt", "no such file or directory"),
    "empty_dir": (lambda d: (d / "empty").mkdir() or d / "empty", "no article files"),
    "empty_file": (lambda d: _write(d / "empty.txt", b""), "empty file"),
    "blank_file": (lambda d: _write(d / "blank.txt", b"  \n\n "), "empty file"),
    "binary_file": (lambda d: _write(d / "photo.txt", bytes(range(256)) * 40), "binary"),
    "control_bytes": (lambda d: _write(d / "dump.txt", bytes(range(1, 128)) * 10), "binary"),
    "undecodable": (lambda d: _write(d / "odd.txt", bytes(range(1, 32)) * 20 + b"\xc3\x28" * 10),
                    "no other text encoding fits"),
    "unsupported": (lambda d: _write(d / "report.pdf", b"%PDF-1.4"), "unsupported file type"),
    "bad_json": (lambda d: _write(d / "a.json", "{not json"), "malformed JSON"),
    "json_without_text": (lambda d: _write(d / "a.json", '{"url": "x"}'), "no 'text'"),
}


def _huge(d: Path) -> Path:
    path = d / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no disk space used
    return path


BAD_INPUTS["huge_file"] = (_huge, "file too large")


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_cli_extract_bad_input_one_line_and_others_still_processed(tmp_path, article_file, name):
    make, reason = BAD_INPUTS[name]
    bad = make(tmp_path)
    code, out, err = _run(str(bad), str(article_file))
    assert code == 1
    [obj] = _objects(out)
    assert obj["path"] == str(article_file)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("vnnews: error: ")
    assert str(bad) in lines[0] and reason in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("utf-8-sig", lambda t: t.encode("utf-8-sig")),
        ("utf-16", lambda t: t.encode("utf-16")),
        ("utf-16-le", lambda t: t.encode("utf-16-le")),
        ("utf-16-be", lambda t: t.encode("utf-16-be")),
        ("windows-1258", _cp1258),
        ("nfd", lambda t: unicodedata.normalize("NFD", t).encode("utf-8")),
    ],
)
def test_cli_extract_decodes_other_encodings_of_vietnamese(tmp_path, encoding, encode):
    path = _write(tmp_path / f"{encoding}.txt", encode(ARTICLE))
    code, out, err = _run(str(path))
    assert code == 0, err
    [obj] = _objects(out)
    assert obj["title"] == TITLE
    assert obj["text"] == BODY
    assert len(obj["money"]) == 2


def _vnnews() -> list[str]:
    script = Path(sys.executable).parent / "vnnews"
    fallback = [sys.executable, "-c", "from pipeline.cli import main; main()"]
    return [str(script)] if script.exists() else fallback


def test_cli_extract_subprocess_streams_json_and_reports_bad_files(tmp_path, article_file):
    empty = _write(tmp_path / "empty.txt", b"")
    binary = _write(tmp_path / "blob.txt", os.urandom(64) + b"\x00" * 64)
    proc = subprocess.run(
        [*_vnnews(), "extract", str(empty), str(article_file), str(binary)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    assert proc.returncode == 1
    [obj] = [json.loads(line) for line in proc.stdout.splitlines()]
    _check_contract(obj)
    assert obj["path"] == str(article_file)
    errors = proc.stderr.strip().splitlines()
    assert [e.split(": ")[2] for e in errors] == [str(empty), str(binary)]
    assert "Traceback" not in proc.stderr


def test_cli_extract_subprocess_all_good_exits_zero(tmp_path, article_file):
    proc = subprocess.run(
        [*_vnnews(), "extract", str(article_file)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["path"] == str(article_file)


def test_cli_extract_requires_a_path():
    result = CliRunner().invoke(cli, ["extract"])
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr
