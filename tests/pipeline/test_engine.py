"""The extraction engines give the same articles, in the same order, whatever runs them."""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import pickle
import socket
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow.parquet as pq
import pytest

from pipeline import engine
from pipeline.engine import EngineError, chunked, default_partitions, extract_articles, worker_context
from pipeline.readers import Failure, iter_articles
from pipeline.runner import extract_all

ROOT = Path(__file__).resolve().parents[2]


def _corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> list[str]:
    """The bundled sample (when there is one), a generated corpus, a file named directly, bad inputs."""
    out = tmp_path_factory.mktemp("engine")
    corpus = out / "corpus"
    _corpus_module().write_corpus(corpus, 14, seed=7)
    (corpus / "empty.txt").write_bytes(b"")
    single = out / "single.txt"
    single.write_text("Huyện thu ngân sách đạt 12,5 tỷ đồng, bằng 80% dự toán.\n", encoding="utf-8")
    paths = [str(corpus), str(single), str(out / "missing")]
    if sample_dir.is_dir() and any(sample_dir.glob("*.txt")):
        paths.insert(0, str(sample_dir))
    return paths


def _run(paths: list[str], **options: Any) -> tuple[list[dict[str, Any]], list[Failure]]:
    """The contract object of every article (through JSON, as it is printed and stored), and failures."""
    failures: list[Failure] = []
    contracts = [_json(art.to_contract()) for art in extract_articles(paths, failures=failures, **options)]
    return contracts, failures


def _first_difference(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> str | None:
    """Where two runs first differ (article, field, entry), readable in a failure report."""
    if len(got) != len(want):
        return f"{len(got)} articles, want {len(want)}"
    for g, w in zip(got, want, strict=True):
        for key in sorted(set(g) | set(w)):
            if g.get(key) != w.get(key):
                pairs = zip(g.get(key) or [], w.get(key) or [], strict=False)
                first = next(((x, y) for x, y in pairs if x != y), (g.get(key), w.get(key)))
                return f"{w['path']}: {key}: got {first[0]!r}, want {first[1]!r}"
    return None


def _json(obj: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(obj, ensure_ascii=False))
    return loaded


@pytest.fixture(scope="module")
def reference(inputs: list[str]) -> tuple[list[dict[str, Any]], list[Failure]]:
    """One process, the plain reader and runner: what every engine must reproduce."""
    return _run(inputs, workers=1)


def test_engine_reference_reads_everything(reference: tuple[list[dict[str, Any]], list[Failure]]) -> None:
    contracts, failures = reference
    assert len(contracts) >= 15
    assert sum(len(c["money"]) for c in contracts) > 0
    assert [f.reason for f in failures] == ["empty file", "no such file or directory"]


@pytest.mark.parametrize("options", [{"workers": 2}, {}], ids=["two-workers", "auto"])
def test_engine_local_workers_equal_one(inputs: list[str], reference: Any, options: dict[str, Any]) -> None:
    contracts, failures = _run(inputs, **options)
    assert _first_difference(contracts, reference[0]) is None
    assert failures == reference[1]


def test_engine_dask_local_cluster_equals_local(inputs: list[str], reference: Any, tmp_path: Path) -> None:
    contracts, failures = _run(inputs, engine="dask", workers=2, partitions=4, out_dir=tmp_path)
    assert _first_difference(contracts, reference[0]) is None
    assert failures == reference[1]
    parts = sorted(tmp_path.glob("part-*.parquet"))
    assert len(parts) == 4
    rows = [row for part in parts for row in pq.read_table(part).to_pylist()]
    assert [r["seq"] for r in rows] == list(range(len(contracts)))
    stored = [json.loads(r["contract"]) for r in rows]
    assert [{k: v for k, v in s.items() if k != "fetched_at"} for s in stored] == contracts
    assert [r["id"] for r in rows] == [c["id"] for c in contracts]


def test_engine_local_parquet_rows_match_articles(inputs: list[str], reference: Any, tmp_path: Path) -> None:
    (tmp_path / "part-00007.parquet").write_bytes(b"stale part of an earlier run")
    contracts, _ = _run(inputs, workers=1, out_dir=tmp_path)
    assert [p.name for p in tmp_path.glob("part-*.parquet")] == ["part-00000.parquet"]
    rows = pq.read_table(tmp_path / "part-00000.parquet").to_pylist()
    assert [json.loads(r["contract"])["text"] for r in rows] == [c["text"] for c in contracts]
    assert [r["path"] for r in rows] == [c["path"] for c in reference[0]]


def test_engine_local_stopping_early_leaves_no_workers(tmp_path: Path) -> None:
    import psutil

    me = psutil.Process()

    def helper(p: psutil.Process) -> bool:  # multiprocessing's resource tracker and fork server
        line = " ".join(p.cmdline())
        return "resource_tracker" in line or (p.ppid() == me.pid and "forkserver" in line)

    def workers() -> set[int]:  # worker processes, forked by the fork server
        return {p.pid for p in me.children(recursive=True) if not helper(p)}

    _corpus_module().write_corpus(tmp_path, 40, seed=2)
    before = workers()
    articles = extract_articles([tmp_path], workers=2)
    first = next(articles)
    assert len(workers() - before) == 2
    articles.close()  # the consumer stops: the pool is shut down, pending chunks cancelled
    assert first.path == str(tmp_path / "000000.txt")
    assert workers() - before == set()


def test_engine_extract_chunk_reports_an_article_whose_extraction_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "b", "c"):
        text = f"Tin {name}\n\nTỉnh thu ngân sách 5 tỷ đồng."
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    real = engine.extract_article

    def broken_on_b(art: Any) -> Any:  # an extractor bug, injected for one article
        if art.path.endswith("b.txt"):
            raise ValueError("boom")
        return real(art)

    monkeypatch.setattr(engine, "extract_article", broken_on_b)
    items = list(engine.iter_sources([tmp_path]))
    out = engine.extract_chunk(items)
    assert [type(x).__name__ for x in out] == ["Article", "Failure", "Article"]
    assert out[1] == Failure(str(tmp_path / "b.txt"), "extraction failed: ValueError: boom")
    assert out[2].get("money")


def test_engine_sources_are_read_by_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("Tin a\n\nTỉnh thu ngân sách 5 tỷ đồng.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [(read_path, listed, label)] = engine.iter_sources(["d"])
    assert read_path == str(tmp_path / "d" / "a.txt") and Path(read_path).is_absolute()
    assert (listed, label) == (str(Path("d") / "a.txt"), str(Path("d") / "a.txt"))
    monkeypatch.chdir("/")  # a worker may run anywhere
    [art] = engine.extract_chunk([(read_path, listed, label)])
    assert isinstance(art, engine.Article) and art.path == label and art.get("money")


def _gazetteer_loaded() -> bool:
    from extractors.places import gazetteer

    return gazetteer.cache_info().currsize == 1


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                    reason="no fork server on this platform")
def test_engine_local_workers_start_with_the_data_loaded() -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=worker_context()) as pool:  # no initializer
        assert pool.submit(_gazetteer_loaded).result() is True


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_engine_dask_unreachable_scheduler_is_one_line_error(inputs: list[str], tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{_closed_port()}"
    with pytest.raises(EngineError) as err:
        list(extract_articles(inputs, engine="dask", scheduler=address, out_dir=tmp_path))
    assert f"cannot reach the Dask scheduler at {address}" in str(err.value)
    assert "\n" not in str(err.value)
    assert not list(tmp_path.glob("part-*.parquet"))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"engine": "spark"}, "unknown engine 'spark'"),
        ({"workers": 0}, "workers must be at least 1"),
        ({"engine": "dask", "partitions": 0}, "partitions must be at least 1"),
        ({"scheduler": "tcp://127.0.0.1:8786"}, "dask engine only"),
        ({"partitions": 3}, "dask engine only"),
    ],
)
def test_engine_bad_option_is_refused(options: dict[str, Any], message: str) -> None:
    with pytest.raises(EngineError, match=message):
        extract_articles(["data/raw/sample"], **options)


@pytest.mark.parametrize(
    ("items", "size", "expected"),
    [
        (["a", "b", "c"], 2, [["a", "b"], ["c"]]),
        (["a", Failure("x", "empty file"), "b", "c"], 2, [["a", Failure("x", "empty file"), "b"], ["c"]]),
        (["a", "b", Failure("x", "empty file")], 2, [["a", "b", Failure("x", "empty file")]]),
        ([Failure("x", "empty file")], 5, [[Failure("x", "empty file")]]),
        ([], 3, []),
    ],
)
def test_engine_chunked_counts_files_not_failures(items: list[Any], size: int, expected: list[Any]) -> None:
    assert list(chunked(items, size)) == expected


@pytest.mark.parametrize(
    ("n_files", "n_workers", "expected"),
    [(0, 2, 1), (3, 2, 3), (10, 2, 4), (10_000, 2, 20), (10_000, 40, 80)],
)
def test_engine_default_partitions(n_files: int, n_workers: int, expected: int) -> None:
    assert default_partitions(n_files, n_workers) == expected


class _Opaque:
    """A span attribute ``marshal`` cannot write."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Opaque)

    __hash__ = object.__hash__


@pytest.mark.parametrize("opaque_attr", [False, True], ids=["marshal", "pickle fallback"])
def test_engine_encoded_results_come_back_in_order(sample_dir: Path, opaque_attr: bool) -> None:
    arts = list(extract_all(iter_articles([sample_dir], [])))
    if opaque_attr:
        first = arts[0].spans["money"][0]
        arts[0].spans["money"][0] = type(first)(first.start, first.end, first.text, {"odd": _Opaque()})
    failure = Failure("broken.txt", "empty file")
    blob = engine.encode_results([arts[0], failure, *arts[1:]])
    assert blob[:1] == (b"P" if opaque_attr else b"M")
    back = engine.decode_results(blob)
    assert back[1] == failure
    got = [back[0], *back[2:]]
    assert [a.to_contract() for a in got] == [a.to_contract() for a in arts]
    assert [a.spans for a in got] == [a.spans for a in arts]


def test_engine_pack_unpack_gives_back_the_same_article(sample_dir: Path) -> None:
    for art in extract_all(iter_articles([sample_dir], [])):
        art.fetched_at = "2026-11-22T05:00:00Z"
        back = engine.unpack(pickle.loads(pickle.dumps(engine.pack(art))))
        assert back.to_contract() == art.to_contract()
        assert back.fetched_at == art.fetched_at
        assert back.spans == art.spans  # every span's text sliced again from the article's text
        assert len(pickle.dumps(engine.pack(art))) < len(pickle.dumps(art))


def test_the_warm_up_article_takes_every_stage_down_its_paths() -> None:
    from pipeline.article import Article
    from pipeline.runner import extract_article, stages

    art = extract_article(Article(text=engine.WARM_TEXT))
    assert all(art.get(c.assigns) for c in stages())  # every stage finds something in it
    assert {s.attrs["indicator"] for s in art.get("indicators")} >= {"budget_revenue", "new_party_members"}
