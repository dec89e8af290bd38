"""Build ``gold.jsonl`` for the held-out set from the compact ``annotations.yaml``.

Run from anywhere: ``python data/raw/heldout/build_gold.py`` (add ``--check`` to compare with the
committed file instead of writing it).

The annotation format and the placement rules are those of the bundled sample
(``data/raw/sample/build_gold.py``, whose helpers this script imports): entities are named by their
text and the script finds their offsets in the body. This script adds what the held-out articles
need on top of the sample's:

- more currency words ("triệu đô la Mỹ" is USD) and indicator units ("m2", "lần");
- flags kept on units (``related_link``, ``borderline``) and on decisions (``repeat``, ``borderline``);
- indicator ``unit`` read from the words after the figure in ``q`` when they name one.

The body rule is the contract's: NFC text, first line (the title) dropped, stripped.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SAMPLE_SCRIPT = HERE.parent / "sample" / "build_gold.py"

CURRENCIES = {"đồng": "VND", "USD": "USD", "đô la Mỹ": "USD"}
UNIT_WORDS = {
    "%": "percent",
    "đồng": "VND",
    "USD": "USD",
    "đô la Mỹ": "USD",
    "lần": "times",
    "ha": "ha",
    "m2": "m2",
    "km": "km",
}
UNIT_FLAGS = ("related_link", "borderline")
DECISION_FLAGS = ("repeat", "borderline")


def _load_sample_helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sample_build_gold", SAMPLE_SCRIPT)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {SAMPLE_SCRIPT}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample = _load_sample_helpers()
AnnotationError = sample.AnnotationError


def build_money(body: str, texts: list[str]) -> list[dict[str, Any]]:
    out = []
    for t in texts:
        f = sample.parse_figure(t)
        if f["rest"] not in CURRENCIES:
            raise AnnotationError(f"money without currency {t!r}")
        out.append(
            {
                "text": t,
                "value": sample.as_number(f["value"]),
                "high": None if f["high"] is None else sample.as_number(f["high"]),
                "currency": CURRENCIES[f["rest"]],
                "approx": f["approx"],
            }
        )
    sample.place_mentions(body, out, "text", "money")
    return sorted(out, key=lambda e: e["start"])


def build_decisions(body: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sample's decisions, with flags: the n-th annotation of a text flags its n-th mention."""
    out = sample.build_decisions(
        body, [{k: v for k, v in d.items() if k not in DECISION_FLAGS} for d in items]
    )
    annotated: dict[str, list[dict[str, Any]]] = {}
    for d in items:
        annotated.setdefault(d["text"], []).append(d)
    seen: dict[str, int] = {}
    for e in out:  # sorted by start
        n = seen.get(e["text"], 0)
        seen[e["text"]] = n + 1
        source = sorted(annotated[e["text"]], key=lambda d: d.get("occ", 1))[n]
        e.update({f: True for f in DECISION_FLAGS if source.get(f)})
    return out


def build_units(body: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = sample.build_units(body, items)
    by_text = {u["text"]: u for u in items}
    for entry in out:
        for f in UNIT_FLAGS:
            if by_text[entry["text"]].get(f):
                entry[f] = True
        entry["spans"] = entry.pop("spans")  # keep ``spans`` last, as in the seeds' gold
    return out


def build_indicators(body: str, items: list[dict[str, Any]], art: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for i in items:
        ev, q = i["ev"], i["q"]
        if body.count(ev) != 1:
            raise AnnotationError(f"evidence occurs {body.count(ev)} times: {ev!r}")
        if q not in ev:
            raise AnnotationError(f"figure {q!r} not in its evidence {ev!r}")
        f = sample.parse_figure(q)
        unit = i.get("unit") or UNIT_WORDS.get(f["rest"])
        if unit is None:
            raise AnnotationError(f"no unit for {q!r}")
        sign = -1 if i.get("neg") else 1
        value = i.get("value", sample.as_number(sign * f["value"]))
        high = i.get("high", None if f["high"] is None else sample.as_number(sign * f["high"]))
        if unit in ("percent", "times"):
            value = float(value)
            high = None if high is None else float(high)
        period = i.get("p", art.get("period"))
        row: dict[str, Any] = {
            "indicator": i["i"],
            "label": i["l"],
            "value": value,
            "high": high,
            "unit": unit,
            "approx": i.get("approx", f["approx"]),
            "kind": i["k"],
            "period": str(period) if period else None,
            "location": i.get("loc", art.get("location")),
        }
        for flag in ("borderline", "repeat", "related_link"):
            if i.get(flag):
                row[flag] = True
        row["evidence"] = ev
        out.append((body.index(ev), row))
    return [row for _, row in sorted(out, key=lambda p: p[0])]


def build_article(art: dict[str, Any]) -> dict[str, Any]:
    path = HERE / f"{art['id']}.txt"
    body = sample.body_of(path)
    published = art.get("published")
    try:
        return {
            "id": art["id"],
            "file": path.name,
            "published": None if published is None else str(published),
            "officials": sample.build_officials(body, art.get("officials", [])),
            "units": build_units(body, art.get("units", [])),
            "decisions": build_decisions(body, art.get("decisions", [])),
            "money": build_money(body, art.get("money", [])),
            "percentages": sample.build_percentages(body, art.get("percentages", [])),
            "indicators": build_indicators(body, art.get("indicators", []), art),
        }
    except AnnotationError as exc:
        raise AnnotationError(f"{art['id']}: {exc}") from None


def render(articles: list[dict[str, Any]]) -> str:
    rows = [build_article(a) for a in articles]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with gold.jsonl instead of writing it")
    args = ap.parse_args()
    spec = yaml.safe_load((HERE / "annotations.yaml").read_text(encoding="utf-8"))
    try:
        text = render(spec["articles"])
    except AnnotationError as exc:
        print(f"build_gold: {exc}", file=sys.stderr)
        return 1
    gold = HERE / "gold.jsonl"
    if args.check:
        same = gold.exists() and gold.read_text(encoding="utf-8") == text
        print("gold.jsonl is up to date" if same else "gold.jsonl differs from annotations.yaml")
        return 0 if same else 1
    gold.write_text(text, encoding="utf-8")
    print(f"wrote {gold.name}: {text.count(chr(10))} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
