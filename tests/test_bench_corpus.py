"""The benchmark corpus generator (benchmarks/corpus.py) is deterministic for a seed."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from pipeline.readers import iter_articles

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_bench_corpus_same_seed_same_files(corpus: ModuleType, tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path / "a", 25, seed=3)
    corpus.write_corpus(tmp_path / "b", 25, seed=3)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert len(_files(tmp_path / "a")) == 25


def test_bench_corpus_other_seed_other_articles(corpus: ModuleType) -> None:
    one = [text for _, text in corpus.iter_corpus(10, seed=1)]
    two = [text for _, text in corpus.iter_corpus(10, seed=2)]
    assert all(a != b for a, b in zip(one, two, strict=True))


def test_bench_corpus_prefix_of_a_larger_corpus(corpus: ModuleType) -> None:
    assert list(corpus.iter_corpus(5, seed=1)) == list(corpus.iter_corpus(12, seed=1))[:5]


def test_bench_corpus_articles_read_with_title_date_and_figures(corpus: ModuleType, tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path, 20, seed=5)
    articles = list(iter_articles([tmp_path], []))
    assert len(articles) == 20
    assert all(a.title and a.published for a in articles)
    texts = " ".join(a.text for a in articles)
    for shape in (r"\d+,\d+ tỷ đồng", r"từ \d+ đến \d+ tỷ đồng", r"\d+ - \d+ nghìn tỷ đồng", r"triệu USD",
                  r"\d+,\d+%", r"phần trăm", r"so với cùng kỳ", r"\d+/QĐ-UBND", r"Chủ tịch UBND"):
        assert re.search(shape, texts), shape
    assert len({a.text.split(",")[1] for a in articles}) > 5  # many different bodies and places
