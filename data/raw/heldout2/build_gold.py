"""Build ``gold.jsonl`` for the second held-out set from the compact ``annotations.yaml``.

Run from anywhere: ``python data/raw/heldout2/build_gold.py`` (add ``--check`` to compare with the
committed file instead of writing it).

The annotation format is that of the first held-out set (``../heldout/build_gold.py``) and of the
bundled sample, whose helpers this script reuses: entities are named by their text and the script
finds their offsets in the body. What it adds:

- a figure that opens a headline ("Gần 1.000 tỷ đồng") is read with its first letter in lower case;
- a decision may carry its ``date`` when the article gives it outside the decision's own words
  ("Ngày 15 tháng 3 năm 2024, UBND tỉnh ban hành Quyết định số 318/QĐ-UBND");
- articles are read from this folder.

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
HELDOUT_SCRIPT = HERE.parent / "heldout" / "build_gold.py"


def _load_heldout_helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("heldout_build_gold", HELDOUT_SCRIPT)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {HELDOUT_SCRIPT}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


heldout = _load_heldout_helpers()
sample = heldout.sample
AnnotationError = heldout.AnnotationError


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def build_money(body: str, texts: list[str]) -> list[dict[str, Any]]:
    out = []
    for t in texts:
        f = sample.parse_figure(lower_first(t))
        if f["rest"] not in heldout.CURRENCIES:
            raise AnnotationError(f"money without currency {t!r}")
        out.append(
            {
                "text": t,
                "value": sample.as_number(f["value"]),
                "high": None if f["high"] is None else sample.as_number(f["high"]),
                "currency": heldout.CURRENCIES[f["rest"]],
                "approx": f["approx"],
            }
        )
    sample.place_mentions(body, out, "text", "money")
    return sorted(out, key=lambda e: e["start"])


def build_decisions(body: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first held-out set's decisions; an annotated ``date`` fills a date the text lacks."""
    out = heldout.build_decisions(body, [{k: v for k, v in d.items() if k != "date"} for d in items])
    dated: dict[str, list[str | None]] = {}
    for d in sorted(items, key=lambda d: d.get("occ", 1)):
        dated.setdefault(d["text"], []).append(d.get("date"))
    seen: dict[str, int] = {}
    for e in out:  # sorted by start
        n = seen.get(e["text"], 0)
        seen[e["text"]] = n + 1
        given = dated[e["text"]][n]
        if given is not None:
            if e["date"] not in (None, str(given)):
                raise AnnotationError(f"decision {e['text']!r}: date {given} contradicts its text")
            e["date"] = str(given)
    return out


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
            "units": heldout.build_units(body, art.get("units", [])),
            "decisions": build_decisions(body, art.get("decisions", [])),
            "money": build_money(body, art.get("money", [])),
            "percentages": sample.build_percentages(body, art.get("percentages", [])),
            "indicators": heldout.build_indicators(body, art.get("indicators", []), art),
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
