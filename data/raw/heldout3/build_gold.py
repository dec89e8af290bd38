"""Build ``gold.jsonl`` for the third held-out set from the compact ``annotations.yaml``.

Run from anywhere: ``python data/raw/heldout3/build_gold.py`` (add ``--check`` to compare with the
committed file instead of writing it).

The annotation format is that of the first held-out set (``../heldout/build_gold.py``, imported
here) and of the bundled sample: entities are named by their text and the script finds their
offsets in the body. What it adds:

- a figure that opens a related headline ("Hơn 4.200 tỷ đồng") is read with its first letter in
  lower case;
- a decision cited in the run-together related-headline line keeps ``related_link: true``;
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


def build_money(body: str, texts: list[str]) -> list[dict[str, Any]]:
    out = []
    for text in texts:
        figure = sample.parse_figure(text[:1].lower() + text[1:])
        if figure["rest"] not in heldout.CURRENCIES:
            raise AnnotationError(f"money without currency {text!r}")
        out.append(
            {
                "text": text,
                "value": sample.as_number(figure["value"]),
                "high": None if figure["high"] is None else sample.as_number(figure["high"]),
                "currency": heldout.CURRENCIES[figure["rest"]],
                "approx": figure["approx"],
            }
        )
    sample.place_mentions(body, out, "text", "money")
    return sorted(out, key=lambda e: e["start"])


def build_decisions(body: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first held-out set's decisions; ``related_link`` is kept like ``repeat``."""
    out = heldout.build_decisions(body, [{k: v for k, v in d.items() if k != "related_link"} for d in items])
    related = {d["text"] for d in items if d.get("related_link")}
    for entry in out:
        if entry["text"] in related:
            entry["related_link"] = True
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
