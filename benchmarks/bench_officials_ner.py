"""Officials with and without the NER fallback: how often it runs, what it changes, what it costs.

    python benchmarks/bench_officials_ner.py [--repeat 5] [--gold GOLD.jsonl --articles DIR]...

By default it reads the seeds (``../shared/dev/gold.jsonl`` with ``../shared/seeds``, skipped
when absent) and the bundled sample (``data/raw/sample/gold.jsonl``). For each corpus it prints
the officials P/R/F1 (the contract's scoring) with the fallback off and on, how many articles
hold an unsure candidate (the only ones on which the model runs), and the time per article of
the officials stage and of the whole extraction, best of ``--repeat`` passes, warm (the model
loaded once beforehand, as in a long-running process). A last line times a sentence we wrote
whose official has a family name missing from ``surnames.txt``: the cost when the model does run.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors import officials, units  # noqa: E402
from pipeline.article import Article  # noqa: E402
from pipeline.evaluate import Score, read_gold, score_officials  # noqa: E402
from pipeline.readers import read_file  # noqa: E402
from pipeline.runner import extract_article  # noqa: E402

CORPORA = (
    (ROOT.parent / "shared" / "dev" / "gold.jsonl", ROOT.parent / "shared" / "seeds"),
    (ROOT / "data" / "raw" / "sample" / "gold.jsonl", ROOT / "data" / "raw" / "sample"),
)
UNSURE_SENTENCE = "Bà H'Yim Kđoh, Phó Chủ tịch HĐND tỉnh, phát biểu tại hội nghị tổng kết năm."


def best_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000


def extract_fresh(text: str) -> Article:
    """The whole extraction of one article, as ``vnnews extract`` runs it."""
    return extract_article(Article(text=text))


def bench_corpus(gold_path: Path, articles_dir: Path, repeat: int) -> None:
    rows = read_gold(gold_path)
    arts = []
    for g in rows:
        art = read_file(articles_dir / (g.get("file") or f"{g['id']}.txt"))[0]
        art.add("units", units.extract(art))
        arts.append((art, g))
    print(f"{articles_dir} ({len(arts)} articles)")
    for use_ner in (False, True):
        officials.USE_NER = use_ner
        score = Score()
        for art, g in arts:
            score.add(score_officials([s.record("name") for s in officials.extract(art)], g["officials"]))
        stage = sum(best_ms(partial(officials.extract, art), repeat) for art, _ in arts) / len(arts)
        whole = sum(best_ms(partial(extract_fresh, art.text), repeat) for art, _ in arts) / len(arts)
        print(f"  NER {'on ' if use_ner else 'off'}: officials P {score.precision:.3f} R {score.recall:.3f} "
              f"F1 {score.f1:.3f} (tp {score.tp}, fp {score.fp}, fn {score.fn}), title agreement "
              f"{score.agreement('title') or 0:.2f}; officials stage {stage:.1f} ms/article, "
              f"whole extraction {whole:.1f} ms/article")
    officials.USE_NER = True
    with_unsure = sum(1 for art, _ in arts if officials.match_rules(art.text, art.get("units"))[1])
    print(f"  articles with an unsure candidate (the model runs): {with_unsure} of {len(arts)}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--gold", type=Path, action="append", default=[])
    parser.add_argument("--articles", type=Path, action="append", default=[])
    args = parser.parse_args()
    corpora = list(zip(args.gold, args.articles, strict=True)) or [c for c in CORPORA if c[0].is_file()]
    t0 = time.perf_counter()
    from pipeline.ner import model

    model()
    print(f"NER model load: {(time.perf_counter() - t0) * 1000:.0f} ms (once per process, only when needed)")
    for gold_path, articles_dir in corpora:
        bench_corpus(gold_path, articles_dir, args.repeat)
    art = Article(text=UNSURE_SENTENCE)
    art.add("units", units.extract(art))
    for use_ner in (False, True):
        found = [s.text for s in officials.extract(art, use_ner=use_ner)]
        ms = best_ms(partial(officials.extract, art, use_ner=use_ner), args.repeat)
        print(f"unsure sentence, NER {'on ' if use_ner else 'off'}: {found} in {ms:.1f} ms")


if __name__ == "__main__":
    main()
