"""Score extraction against a gold file, by the contract's scoring (EXTRACTION.md, "How it is scored").

Per article, then summed: money and percentages match on (value, high, currency) as multisets;
officials on name (a set per article), with title checked on matched names; decisions on
(type, number) as multisets; units on overlapping spans (one to one); indicators on
(value, high, unit) as multisets, then indicator, kind, period and location among matches.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.readers import InputError, read_file
from pipeline.runner import extract_article

TYPES = ("officials", "units", "decisions", "money", "percentages", "indicators")
INDICATOR_ATTRS = ("indicator", "kind", "period", "location")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    # attribute -> [agreeing, compared] among matched items (titles, indicator fields)
    agree: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def agreement(self, attr: str) -> float | None:
        ok, n = self.agree.get(attr, (0, 0))
        return ok / n if n else None

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for k, (ok, n) in other.agree.items():
            self.agree[k][0] += ok
            self.agree[k][1] += n

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }
        for k in sorted(self.agree):
            a = self.agreement(k)
            out[f"{k}_agreement"] = None if a is None else round(a, 4)
        return out


def _num(v: Any) -> Any:
    return round(float(v), 6) if isinstance(v, int | float) and not isinstance(v, bool) else v


def _norm(s: Any) -> str:
    return re.sub(r"\s+", " ", str(s or "")).strip().casefold()


def _multiset(pred: Iterable[tuple[Any, ...]], gold: Iterable[tuple[Any, ...]]) -> Score:
    p, g = Counter(pred), Counter(gold)
    tp = sum((p & g).values())
    return Score(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def score_money(pred: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> Score:
    def key(m: Mapping[str, Any]) -> tuple[Any, ...]:
        return _num(m["value"]), _num(m.get("high")), m.get("currency")

    return _multiset(map(key, pred), map(key, gold))


def score_decisions(pred: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> Score:
    def key(d: Mapping[str, Any]) -> tuple[Any, ...]:
        return _norm(d.get("type")), _norm(d.get("number"))

    return _multiset(map(key, pred), map(key, gold))


def score_officials(pred: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> Score:
    pnames = {_norm(o["name"]) for o in pred}
    gnames = {_norm(o["name"]) for o in gold}
    matched = pnames & gnames
    s = Score(len(matched), len(pnames - gnames), len(gnames - pnames))
    # titles: each gold mention of a matched name against the predicted mention at the same
    # place when offsets are given, else against any predicted title of that name
    for g in gold:
        name = _norm(g["name"])
        if name not in matched:
            continue
        cands = [p for p in pred if _norm(p["name"]) == name]
        at = [p for p in cands if "start" in g and p.get("start") == g.get("start")]
        titles = {_norm(p.get("title")) for p in (at or cands)}
        s.agree["title"][0] += _norm(g.get("title")) in titles
        s.agree["title"][1] += 1
    return s


def _unit_spans(units: Sequence[Mapping[str, Any]]) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    for u in units:
        spans = u.get("spans") or [[u["start"], u["end"]]]
        out.extend((int(a), int(b), _norm(u.get("name")), _norm(u.get("kind"))) for a, b in spans)
    return sorted(out)


def overlap_pairs(
    pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One-to-one matches of spans that overlap, as (gold index, pred index): each gold span, in
    the order given, takes the unused predicted span it overlaps most."""
    used: set[int] = set()
    pairs = []
    for gi, (ga, gb) in enumerate(gold):
        best = None
        for i, (pa, pb) in enumerate(pred):
            if i not in used and pa < gb and ga < pb:
                overlap = min(pb, gb) - max(pa, ga)
                if best is None or overlap > best[0]:
                    best = (overlap, i)
        if best is not None:
            used.add(best[1])
            pairs.append((gi, best[1]))
    return pairs


def score_units(pred: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> Score:
    ps, gs = _unit_spans(pred), _unit_spans(gold)
    pairs = overlap_pairs([(a, b) for a, b, _, _ in ps], [(a, b) for a, b, _, _ in gs])
    s = Score(len(pairs), len(ps) - len(pairs), len(gs) - len(pairs))
    for gi, pi in pairs:
        _, _, gname, gkind = gs[gi]
        _, _, pname, pkind = ps[pi]
        s.agree["name"][0] += pname == gname
        s.agree["name"][1] += 1
        s.agree["kind"][0] += pkind == gkind
        s.agree["kind"][1] += 1
    return s


def score_indicators(pred: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> Score:
    def key(r: Mapping[str, Any]) -> tuple[Any, ...]:
        return _num(r["value"]), _num(r.get("high")), r.get("unit")

    def attrs(r: Mapping[str, Any]) -> tuple[str, ...]:
        return tuple(_norm(r.get(a)) for a in INDICATOR_ATTRS)

    by_key: dict[tuple[Any, ...], list[Mapping[str, Any]]] = defaultdict(list)
    for p in pred:
        by_key[key(p)].append(p)
    s = Score()
    for g in gold:
        cands = by_key.get(key(g))
        if not cands:
            s.fn += 1
            continue
        ga = attrs(g)
        agreeing = [sum(x == y for x, y in zip(attrs(c), ga, strict=True)) for c in cands]
        best = agreeing.index(max(agreeing))
        pa = attrs(cands.pop(best))
        s.tp += 1
        for name, x, y in zip(INDICATOR_ATTRS, pa, ga, strict=True):
            s.agree[name][0] += x == y
            s.agree[name][1] += 1
    s.fp = sum(len(v) for v in by_key.values())
    return s


SCORERS = {
    "officials": score_officials,
    "units": score_units,
    "decisions": score_decisions,
    "money": score_money,
    "percentages": score_money,
    "indicators": score_indicators,
}


def score_article(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, Score]:
    return {t: SCORERS[t](pred.get(t) or [], gold.get(t) or []) for t in TYPES}


def read_gold(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(path, f"malformed JSON on line {n} ({exc.msg})") from None
    if not rows:
        raise InputError(path, "no gold rows")
    return rows


def evaluate(gold_path: Path, articles_dir: Path) -> tuple[dict[str, Score], list[dict[str, Any]]]:
    """Totals per type and a per-article breakdown."""
    totals = {t: Score() for t in TYPES}
    per_article = []
    for g in read_gold(gold_path):
        name = g.get("file") or f"{g['id']}.txt"
        arts = read_file(articles_dir / name)
        pred = extract_article(arts[0]).to_contract()
        scores = score_article(pred, g)
        for t, s in scores.items():
            totals[t].add(s)
        per_article.append({"id": g.get("id"), "file": name, **{t: s.as_dict() for t, s in scores.items()}})
    return totals, per_article


def format_table(totals: Mapping[str, Score]) -> str:
    lines = [f"{'type':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}  agreement"]
    for t, s in totals.items():
        agree = ", ".join(
            f"{k} {a:.2f}" for k in sorted(s.agree) if (a := s.agreement(k)) is not None
        )
        lines.append(
            f"{t:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}  {agree}"
        )
    return "\n".join(lines)
