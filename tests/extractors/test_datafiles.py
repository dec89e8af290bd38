"""Data files: read_csv reads what csv.DictReader reads, with every value stripped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors import datafiles
from extractors.datafiles import ResourceError, read_csv, read_csv_columns


def _forget() -> None:
    read_csv.cache_clear()
    read_csv_columns.cache_clear()


def _dict_reader_rows(text: str) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines(keepends=True) if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in csv.DictReader(lines)]


@pytest.mark.parametrize(
    "text",
    [
        "a,b,c\n1,2,3\n4,5,6\n",
        "# a comment\na,b,c\n\n1, 2 ,3\n   \n# another\n4,5,6",  # comments, blank lines, spaces
        "a,b,c\n1,2\n1,2,3,4,5\n",  # a short row and a long one
        'a,b\n"x, y",2\n"say ""hi""",3\n',  # quoted
        "a,b\r\n1,2\r\n3,4\r\n",  # carriage returns
        "a,b\n,\n",  # a row of empty values
    ],
)
def test_datafiles_read_csv_reads_what_dict_reader_reads(text: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t.csv").write_text(text, encoding="utf-8", newline="")
    monkeypatch.setattr(datafiles, "RESOURCES", tmp_path)
    _forget()
    try:
        rows = read_csv("t.csv", ())
    finally:
        _forget()
    assert list(rows) == _dict_reader_rows(text)
    assert [list(r) for r in rows] == [list(r) for r in _dict_reader_rows(text)]  # the same key order


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b\n1,2\n", "missing columns ['c']"),
        ("a,b,c\n1,2,3\n1,,3\n", "t.csv:3: empty 'b'"),
        ("a,b,c\n1,2, \n", "t.csv:2: empty 'c'"),
        ("a,b,c\n1,2,\n,2,3\n", "t.csv:2: empty 'c'"),  # the first empty value row by row
        ("", "missing columns ['a', 'b', 'c']"),
    ],
)
def test_datafiles_read_csv_rejects_missing_and_empty_columns(text: str, message: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t.csv").write_text(text, encoding="utf-8", newline="")
    monkeypatch.setattr(datafiles, "RESOURCES", tmp_path)
    _forget()
    try:
        with pytest.raises(ResourceError, match=message.replace("[", r"\[").replace("]", r"\]")):
            read_csv("t.csv", ("a", "b", "c"))
    finally:
        _forget()
