"""pytest-benchmark variants of bench_scale.py, on a small corpus: ``pytest benchmarks --benchmark-only``.

Full extraction (every stage) through the engines, and the naive baseline (``underthesea.ner`` on
every sentence). Figures for the README come from ``python benchmarks/bench_scale.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

from pipeline.engine import extract_articles  # noqa: E402
from pipeline.readers import iter_articles  # noqa: E402
from pipeline.sentences import sentences  # noqa: E402

N_ARTICLES = 40


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench-corpus")
    write_corpus(out, N_ARTICLES, seed=1)
    return out


def _extract(corpus: Path, **options: Any) -> int:
    return sum(1 for _ in extract_articles([corpus], **options))


def test_bench_scale_full_extraction_one_process(benchmark: Any, corpus_dir: Path) -> None:
    _extract(corpus_dir, workers=1)  # data files loaded outside the timing
    n = benchmark.pedantic(_extract, args=(corpus_dir,), kwargs={"workers": 1}, rounds=3, iterations=1)
    assert n == N_ARTICLES


def test_bench_scale_full_extraction_two_workers(benchmark: Any, corpus_dir: Path) -> None:
    n = benchmark.pedantic(_extract, args=(corpus_dir,), kwargs={"workers": 2}, rounds=2, iterations=1)
    assert n == N_ARTICLES


def test_bench_scale_naive_ner_baseline(benchmark: Any, corpus_dir: Path) -> None:
    from underthesea import ner

    articles = list(iter_articles([corpus_dir], []))[:2]
    ner("Ủy ban nhân dân tỉnh họp.")

    def run() -> int:
        return sum(len(ner(a.text[s:e])) > 0 for a in articles for s, e in sentences(a.text))

    assert benchmark.pedantic(run, rounds=1, iterations=1) > 0
