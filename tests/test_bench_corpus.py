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


@pytest.mark.parametrize("mix", ["report", "dense"])
def test_bench_corpus_articles_read_with_title_date_and_figures(
        corpus: ModuleType, tmp_path: Path, mix: str) -> None:
    n = 20 if mix == "dense" else 60  # figures are sparser in a report: more articles show every shape
    corpus.write_corpus(tmp_path, n, seed=5, mix=mix)
    articles = list(iter_articles([tmp_path], []))
    assert len(articles) == n
    assert all(a.title and a.published for a in articles)
    texts = " ".join(a.text for a in articles)
    for shape in (r"\d+,\d+ tỷ đồng", r"từ \d+ đến \d+ tỷ đồng", r"\d+ - \d+ nghìn tỷ đồng", r"triệu USD",
                  r"\d+,\d+%", r"phần trăm", r"so với cùng kỳ", r"\d+/QĐ-UBND", r"Chủ tịch UBND"):
        assert re.search(shape, texts), shape
    assert len({a.text.split(",")[1] for a in articles}) > 5  # many different bodies and places


def test_bench_corpus_unknown_mix_is_refused(corpus: ModuleType) -> None:
    with pytest.raises(ValueError, match="unknown mix"):
        corpus.article_text(1, 0, mix="sparse")


@pytest.fixture(scope="module")
def mix_density(corpus: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    out = {}
    for mix in corpus.MIXES:
        paths = corpus.write_corpus(tmp_path_factory.mktemp(mix), 40, seed=7, mix=mix)
        out[mix] = corpus.density(paths)
    return out


def test_bench_corpus_report_mix_at_least_as_dense_as_the_densest_real_article(
        corpus: ModuleType, mix_density: dict[str, dict[str, float]]) -> None:
    report, densest = mix_density["report"], corpus.REAL_DENSITY["densest"]
    for measure in ("figure_sentences", "indicators_per_sentence"):
        assert report[measure] >= densest[measure], measure
    # and still mostly prose, as real reports are: not the dense stress mix
    assert report["figure_sentences"] < 2 * corpus.REAL_DENSITY["pooled"]["figure_sentences"]
    assert 120 <= report["chars_per_sentence"] <= 240


def test_bench_corpus_dense_mix_far_denser_than_real_articles(
        corpus: ModuleType, mix_density: dict[str, dict[str, float]]) -> None:
    dense, report = mix_density["dense"], mix_density["report"]
    assert dense["figure_sentences"] > 2 * report["figure_sentences"]
    assert dense["indicators_per_sentence"] > 4 * corpus.REAL_DENSITY["pooled"]["indicators_per_sentence"]


def test_bench_corpus_real_density_is_what_the_seeds_measure(corpus: ModuleType, seeds_dir: Path) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    pooled = corpus.density(seeds)
    each = [corpus.density([path]) for path in seeds]
    for measure in ("figure_sentences", "indicators_per_sentence"):
        assert pooled[measure] == pytest.approx(corpus.REAL_DENSITY["pooled"][measure], abs=0.02), measure
        densest = max(d[measure] for d in each)
        assert densest == pytest.approx(corpus.REAL_DENSITY["densest"][measure], abs=0.02), measure
