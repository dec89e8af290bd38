"""``notebooks/explore_indicators.ipynb`` runs end to end (nbclient) on a store built from the sample."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from pipeline.readers import iter_articles
from pipeline.runner import extract_all
from pipeline.store.fixtures import fixture_articles
from pipeline.store.loader import load_articles

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore_indicators.ipynb"
SAMPLE = ROOT / "data" / "raw" / "sample"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def build_store(db: Path) -> None:
    """The bundled sample, extracted; plus the fixture articles, so the plots always have figures."""
    if SAMPLE.is_dir() and any(SAMPLE.glob("*.txt")):
        load_articles(db, extract_all(iter_articles([SAMPLE], [])))
    load_articles(db, fixture_articles())


def outputs(nb: object) -> list[dict]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]  # type: ignore[attr-defined]


def test_notebook_runs_on_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "vnnews.db"
    build_store(db)
    monkeypatch.setenv("VNNEWS_DB", str(db))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outs = outputs(nb)
    assert not [o for o in outs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outs if o.get("output_type") == "stream")
    conn = sqlite3.connect(db)
    n_articles, n_figures = conn.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM indicators)").fetchone()
    conn.close()
    assert f"{n_articles} articles, {n_figures} indicator figures" in text
    assert re.search(r"\w+ \([\w ]+\): \d+ figures, \d+ places", text)
    images = [o for o in outs if "image/png" in o.get("data", {})]
    assert len(images) == 2  # the indicator by place and period, and figures per month
