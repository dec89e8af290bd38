"""Extraction throughput and peak memory at two corpus sizes, against the naive NER baseline.

    python benchmarks/bench_scale.py --n 1000 --n 10000 [--workers 2] [--engine local|dask]
                                     [--mix report|dense] [--baseline 50] [--rounds 3] [--profile]

For every N, a fresh process extracts the first N articles of a generated corpus
(benchmarks/corpus.py; ``--mix report``, the default, has the make-up of real reports, ``dense``
puts figures in every sentence) with the engine (all stages that exist; the Dask engine on a LocalCluster
of ``--workers`` processes, writing its Parquet parts to a temporary directory) and reports:

- articles/s (wall clock) and articles per CPU-second, the per-core rate (CPU time of the whole
  process tree, so it does not depend on what else the machine is running);
- peak memory: the largest summed RSS of the process tree (sampled with psutil every 50 ms, the
  sampling's own CPU time left out), ``ru_maxrss`` of the parent and the
  largest sampled RSS of any one child process (a worker, or the fork server that starts them).

Before measuring, the package's modules are compiled to bytecode (``compileall``), as Python does
by itself on a first run unless ``PYTHONDONTWRITEBYTECODE`` is set (it is on some machines, and
then every process would compile every module again, ≈0.15 s of its start-up).

The naive baseline runs ``underthesea.ner`` on every sentence of the first ``--baseline`` articles
in one process (model load excluded) and is extrapolated to articles per CPU-second; the ratio
is full extraction over baseline, per core. A round measures every size, then the baseline right
after them; the figures are the median of ``--rounds`` rounds, since a shared machine's speed
drifts by a fifth within minutes (both sides drift, so the ratio of one round is steadier than
either rate). The build measured is printed first: pure Python, or compiled (setup.py).
``--real DIR`` (e.g. ``../shared/seeds``) adds the same
comparison on real articles: the CPU time of extracting each of them, in one process with the data
loaded and the per-article caches emptied before each of ``--repeats`` passes, against
``underthesea.ner`` on each of their sentences. ``--profile`` adds the CPU time of each stage and a
cProfile of the extraction of the first 300 articles in one process (hot spots, by own time).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from statistics import median
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import MIXES, density, write_corpus  # noqa: E402


class PeakRss:
    """Samples the summed RSS of this process and all its descendants in a background thread.

    ``cpu`` is the CPU time the sampling itself took, so the measurement can leave it out.
    """

    def __init__(self, every: float = 0.05) -> None:
        import psutil

        self.proc = psutil.Process()
        self.every = every
        self.peak = 0
        self.largest_child = 0
        self.cpu = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        start = time.thread_time()
        while not self._stop.is_set():
            total = 0
            for p in [self.proc, *self.proc.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    rss = p.memory_info().rss
                    total += rss
                    if p.pid != self.proc.pid:
                        self.largest_child = max(self.largest_child, rss)
            self.peak = max(self.peak, total)
            self.cpu = time.thread_time() - start
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu_seconds() -> float:
    """CPU time of the whole process tree: this process, its children that have ended, and every
    live descendant with the children it has reaped (the local engine's workers are forked by a
    fork server, which outlives them: their time is in its ``children_*``)."""
    import psutil

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    for proc in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            t = proc.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
    return total


def measure(list_file: Path, workers: int, engine: str = "local") -> dict[str, Any]:
    """Extract the files listed in ``list_file`` (run in a fresh process: ru_maxrss is per process)."""
    from extractors import compiled_modules
    from pipeline.engine import extract_articles

    paths = [line for line in list_file.read_text(encoding="utf-8").splitlines() if line]
    entities: Counter[str] = Counter()
    n = 0
    cpu0, own0, t0 = _cpu_seconds(), time.process_time(), time.perf_counter()
    out_dir = tempfile.mkdtemp(prefix="vnnews-bench-parts-") if engine == "dask" else None
    with PeakRss() as rss:
        for art in extract_articles(paths, engine=engine, workers=workers, out_dir=out_dir):
            n += 1
            for key, spans in art.spans.items():
                entities[key] += len(spans)
    wall, cpu, own = time.perf_counter() - t0, _cpu_seconds() - cpu0, time.process_time() - own0
    cpu, own = cpu - rss.cpu, own - rss.cpu  # the memory sampling is not extraction
    if out_dir:
        shutil.rmtree(out_dir)
    kb = 1024  # ru_maxrss is in KiB on Linux
    return {
        "articles": n, "engine": engine, "workers": workers, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "cpu_parent_s": round(own, 2), "articles_per_s": round(n / wall, 1),
        "articles_per_cpu_s": round(n / cpu, 1),
        "peak_tree_rss_mb": round(rss.peak / 2**20, 1),
        "maxrss_parent_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kb / 2**20, 1),
        "peak_rss_largest_child_mb": round(rss.largest_child / 2**20, 1),
        "entities": dict(entities),
        "compiled_modules": len(compiled_modules()),
    }


def naive_baseline(files: list[Path]) -> dict[str, Any]:
    """``underthesea.ner`` on every sentence of ``files``, one process, model already loaded."""
    from underthesea import ner

    from pipeline.readers import iter_articles
    from pipeline.sentences import sentences

    articles = list(iter_articles(list[str | Path](files), []))
    ner("Ủy ban nhân dân tỉnh Vĩnh Phúc họp phiên thường kỳ.")  # load the model outside the timing
    n_sentences = 0
    cpu0, t0 = time.process_time(), time.perf_counter()
    for art in articles:
        for start, end in sentences(art.text):
            ner(art.text[start:end])
            n_sentences += 1
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return {"articles": len(articles), "sentences": n_sentences, "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2), "articles_per_s": round(len(articles) / wall, 2),
            "articles_per_cpu_s": round(len(articles) / cpu, 2)}


def real_ratio(directory: Path, repeats: int = 10) -> dict[str, Any]:
    """Extraction against the naive baseline on the real articles in ``directory``, per article."""
    from bench_extract_basic import forget_per_article_caches

    from pipeline.readers import iter_articles
    from pipeline.runner import extract_all

    files = sorted(p for p in directory.iterdir() if p.suffix in (".txt", ".html"))
    articles = list(iter_articles(list[str | Path](files), []))
    if not articles:
        sys.exit(f"bench_scale: no articles in {directory}")
    list(extract_all(articles))  # data files loaded outside the timing
    cpu = 0.0
    for _ in range(repeats):
        forget_per_article_caches()
        for art in articles:
            art.spans = {}
        t0 = time.process_time()
        list(extract_all(articles))
        cpu += time.process_time() - t0
    ours = cpu / repeats / len(articles)
    base = naive_baseline(files)
    naive = base["cpu_s"] / base["articles"]
    return {"articles": len(articles), "extraction_ms_per_article": round(1000 * ours, 2),
            "naive_ms_per_article": round(1000 * naive, 1), "ratio": round(naive / ours, 1)}


def profile(files: list[Path], top: int = 25) -> str:
    """cProfile of a one-process extraction: the functions with the most own time."""
    import cProfile
    import io
    import pstats

    from pipeline.readers import iter_articles
    from pipeline.runner import extract_all

    articles = list(iter_articles(list[str | Path](files), []))
    list(extract_all(articles[:3]))  # data files loaded outside the profile
    prof = cProfile.Profile()
    prof.enable()
    list(extract_all(articles[3:]))
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def stage_times(files: list[Path]) -> dict[str, float]:
    """CPU milliseconds per article spent in each stage (one process, data files already loaded)."""
    from extractors import load
    from pipeline.readers import iter_articles
    from pipeline.runner import extract_all, stages

    articles = list(iter_articles(list[str | Path](files), []))
    list(extract_all(articles[:3]))
    spent: dict[str, float] = dict.fromkeys((c.name for c in stages()), 0.0)
    for art in articles:
        art.spans = {}
        for comp in stages():
            fn = load(comp.name)
            t0 = time.process_time()
            spans = fn(art) if fn is not None else []
            spent[comp.name] += time.process_time() - t0
            art.add(comp.assigns, spans)
    return {name: round(1000 * t / len(articles), 2) for name, t in spent.items()}


def write_bytecode() -> None:
    """Write the bytecode of ``pipeline`` and ``extractors`` (``__pycache__``, ignored by git)."""
    import compileall

    for package in ("pipeline", "extractors"):
        compileall.compile_dir(HERE.parent / package, quiet=1)


def _child(list_file: Path, workers: int, engine: str) -> dict[str, Any]:
    return _run_child([sys.executable, __file__, "--measure", str(list_file), "--workers", str(workers),
                       "--engine", engine])


def _child_baseline(list_file: Path) -> dict[str, Any]:
    """The naive baseline in a fresh process: a process started by one that had loaded the NER model
    would report its memory as ``ru_maxrss`` (Linux keeps the high-water mark across ``exec``)."""
    return _run_child([sys.executable, __file__, "--measure-baseline", str(list_file)])


def _run_child(cmd: list[str]) -> dict[str, Any]:
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench_scale: the measuring process failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="corpus size (repeatable; default 1000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--baseline", type=int, default=50, help="articles for the naive NER baseline")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of extraction then baseline; the ratio is their median")
    parser.add_argument("--mix", choices=MIXES, default="report", help="the corpus mix (corpus.py)")
    parser.add_argument("--corpus", type=Path, default=None, help="where to write the corpus (default: temp)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the extraction")
    parser.add_argument("--real", type=Path, help="also compare on the real articles of this directory")
    parser.add_argument("--repeats", type=int, default=10, help="passes over the --real articles")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-baseline", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.workers, args.engine)))
        return
    if args.measure_baseline:
        listed = args.measure_baseline.read_text(encoding="utf-8").splitlines()
        print(json.dumps(naive_baseline([Path(line) for line in listed if line])))
        return
    sizes = sorted(args.n or [1000])
    write_bytecode()
    from extractors import compiled_modules

    compiled = compiled_modules()
    print("build: " + (f"compiled, {len(compiled)} extractor modules (setup.py)" if compiled
                       else "pure Python"))
    with tempfile.TemporaryDirectory(prefix="vnnews-bench-") as tmp:
        corpus = args.corpus or Path(tmp) / "corpus"
        files = write_corpus(corpus, max(sizes), args.seed, args.mix)
        mib = sum(f.stat().st_size for f in files) / 2**20
        print(f"corpus: {max(sizes)} articles ({args.mix} mix), {mib:.1f} MiB in {corpus}; "
              f"density of the first 100: {json.dumps(density(files[:100]))}")
        rounds = []  # each round measures every size, then the baseline right after them
        for r in range(1, args.rounds + 1):
            results = {}
            for n in sizes:
                list_file = Path(tmp) / f"files-{n}.txt"
                list_file.write_text("\n".join(str(f) for f in files[:n]), encoding="utf-8")
                results[n] = _child(list_file, args.workers, args.engine)
                print(f"round {r}, full extraction, N={n}: {json.dumps(results[n], ensure_ascii=False)}")
            base_list = Path(tmp) / "files-baseline.txt"
            base_list.write_text("\n".join(str(f) for f in files[: args.baseline]), encoding="utf-8")
            base = _child_baseline(base_list)  # its own process: this one never holds the NER model
            print(f"round {r}, naive baseline (underthesea.ner on every sentence): {json.dumps(base)}")
            rounds.append((results, base))
        for n in sizes:
            ratios = [res[n]["articles_per_cpu_s"] / base["articles_per_cpu_s"] for res, base in rounds]
            rates = [res[n]["articles_per_cpu_s"] for res, _ in rounds]
            print(f"N={n}: {median(rates)} articles/s/core, {median(ratios):.0f}x the naive baseline "
                  f"(target >= 100x; median of {len(rounds)} rounds: "
                  f"{', '.join(f'{x:.0f}x' for x in ratios)}); "
                  f"peak tree RSS {max(res[n]['peak_tree_rss_mb'] for res, _ in rounds)} MiB")
        if args.real:
            print(f"real articles in {args.real}: {json.dumps(real_ratio(args.real, args.repeats))}")
        if args.profile:
            print(f"CPU ms per article by stage: {json.dumps(stage_times(files[:200]))}")
            print(profile(files[:300]))


if __name__ == "__main__":
    main()
