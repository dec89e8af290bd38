"""Our NER model (``pipeline.ner``) side by side with ``underthesea.ner``: entity P/R/F1 and speed.

    python benchmarks/bench_ner.py [--gold GOLD.jsonl --articles DIR]...

By default it scores the real seed articles (``../shared/seeds`` against
``../shared/dev/gold.jsonl``, skipped when absent) and the bundled sample
(``data/raw/sample``, when its ``gold.jsonl`` is there).

Matching rules:
- persons: a predicted PER span counts when its offsets equal those of a gold official's name
  (exact match, one to one). Gold lists officials only: bylines, photo credits and partial names
  ("ông Văn") are not in it, so a tagger that finds them loses precision.
- organisations: a predicted ORG span counts when it overlaps a gold unit span that no other
  prediction has matched (one to one, largest overlap first: the contract's rule for units).

Speed is sentences per second over the same articles (sentences as ``pipeline.sentences`` cuts
them), after one warm-up article; underthesea runs sentence by sentence, as its API expects.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.article import nfc  # noqa: E402
from pipeline.evaluate import overlap_pairs  # noqa: E402
from pipeline.readers import split_title  # noqa: E402
from pipeline.segment import align  # noqa: E402
from pipeline.sentences import sentences  # noqa: E402

Entity = tuple[int, int, str]
Tagger = Callable[[str], list[Entity]]

SEEDS = (ROOT.parent / "shared" / "dev" / "gold.jsonl", ROOT.parent / "shared" / "seeds")
SAMPLE = (ROOT / "data" / "raw" / "sample" / "gold.jsonl", ROOT / "data" / "raw" / "sample")
NO_TITLE = {"003_bea0d93d5c7b6b22"}  # the gold README: this seed's first line is body text


def underthesea_entities(text: str) -> list[Entity]:
    """``underthesea.ner`` sentence by sentence, its BIO tags turned into offsets into ``text``."""
    from underthesea import ner

    out: list[Entity] = []
    for s, e in sentences(text):
        rows = ner(text[s:e])
        spans = align(text, [r[0] for r in rows], s, e)
        if len(spans) != len(rows):
            continue
        current: list[int] | None = None
        label = ""
        for (ts, te), row in zip(spans, rows, strict=True):
            tag = row[3]
            if tag.startswith("I-") and current is not None and tag[2:] == label:
                current[1] = te
                continue
            if current is not None:
                out.append((current[0], current[1], label))
                current = None
            if tag.startswith(("B-", "I-")):
                current, label = [ts, te], tag[2:]
        if current is not None:
            out.append((current[0], current[1], label))
    return out


def model_entities(text: str) -> list[Entity]:
    from pipeline.ner import find_entities

    return find_entities(text)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_exact(pred: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> Counts:
    p, g = set(pred), set(gold)
    return Counts(len(p & g), len(p - g), len(g - p))


def match_overlap(pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> Counts:
    """Overlapping spans, one to one, as the contract scores units (pipeline.evaluate)."""
    tp = len(overlap_pairs(pred, sorted(gold)))
    return Counts(tp, len(pred) - tp, len(gold) - tp)


def load_set(gold_path: Path, articles: Path) -> list[tuple[str, dict]]:
    """(body text, gold record) per article of a gold file."""
    out: list[tuple[str, dict]] = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        raw = nfc((articles / rec["file"]).read_text(encoding="utf-8"))
        body = raw.strip() if rec.get("id") in NO_TITLE else split_title(raw)[1]
        out.append((body, rec))
    return out


def gold_people(rec: dict) -> list[tuple[int, int]]:
    return [(o["start"], o["end"]) for o in rec.get("officials", []) if "start" in o]


def gold_units(rec: dict) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for u in rec.get("units", []):
        spans = u.get("spans") or [[u["start"], u["end"]]]
        out.extend((int(a), int(b)) for a, b in spans)
    return out


def is_byline(text: str, start: int, end: int) -> bool:
    """A name alone on its line, or a photo credit ("Ảnh: Thu Trang"): not an official by convention."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start].strip()
    return not text[end:line_end].strip(" .") and (not before or before.endswith(("Ảnh:", "Ảnh")))


def evaluate(tagger: Tagger, docs: Sequence[tuple[str, dict]]) -> dict[str, object]:
    per, org = Counts(), Counts()
    bylines = 0
    tagger(docs[0][0])  # warm-up: load models
    n_sent = 0
    started = time.perf_counter()
    for text, rec in docs:
        ents = tagger(text)
        n_sent += len(sentences(text))
        people = [(s, e) for s, e, lab in ents if lab == "PER"]
        per.add(match_exact(people, gold_people(rec)))
        gold = set(gold_people(rec))
        bylines += sum(1 for s, e in people if (s, e) not in gold and is_byline(text, s, e))
        org.add(match_overlap([(s, e) for s, e, lab in ents if lab == "ORG"], gold_units(rec)))
    elapsed = time.perf_counter() - started
    return {"PER": per, "ORG": org, "sent_per_s": n_sent / elapsed, "sentences": n_sent, "bylines": bylines}


def table(name: str, results: dict[str, dict[str, object]]) -> str:
    lines = [
        f"### {name}",
        "",
        "| tagger | PER P | PER R | PER F1 | ORG P | ORG R | ORG F1 | sentences/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for tagger, res in results.items():
        cells: list[str] = []
        for label in ("PER", "ORG"):
            counts = res[label]
            assert isinstance(counts, Counts)
            cells.extend(f"{x:.2f}" for x in counts.prf())
        lines.append(f"| {tagger} | " + " | ".join(cells) + f" | {res['sent_per_s']:.0f} |")
    lines.append("")
    for tagger, res in results.items():
        per = res["PER"]
        assert isinstance(per, Counts)
        lines.append(f"{tagger}: {res['bylines']} of {per.fp} wrong PER spans are bylines or photo credits")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--gold", type=Path, action="append", help="a gold.jsonl (with --articles)")
    parser.add_argument("--articles", type=Path, action="append", help="the directory of its articles")
    args = parser.parse_args(argv)
    sets = list(zip(args.gold, args.articles, strict=True)) if args.gold else [SEEDS, SAMPLE]
    taggers: dict[str, Tagger] = {
        "pipeline.ner (ours)": model_entities,
        "underthesea.ner": underthesea_entities,
    }
    for gold_path, articles in sets:
        if not gold_path.is_file():
            print(f"(skipped: {gold_path} is absent)\n")
            continue
        docs = load_set(gold_path, articles)
        results = {name: evaluate(fn, docs) for name, fn in taggers.items()}
        n_sent = next(iter(results.values()))["sentences"]
        print(table(f"{gold_path} ({len(docs)} articles, {n_sent} sentences)", results))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
