"""Build a hand-annotated corpus's ``gold.jsonl`` from its compact ``annotations.yaml``.

Shared by ``data/raw/<corpus>/build_gold.py``: each of those scripts holds only a ``GoldConfig``
(the currencies, unit words and flags its articles need) and calls ``run``. Run a corpus's script
from anywhere; ``--check`` compares with the committed file instead of writing it.

The annotation file names each entity by its text; the builder finds where it sits in the article
body and fills in the offsets, so the gold can be regenerated after an article is edited:

- ``officials``, ``decisions``, ``money``, ``percentages``: one entry per mention, in any order. The
  n-th entry with a given text takes the n-th mention of that text in the body, skipping mentions
  that lie inside a longer entry of the same list ("8%" is not looked for inside "từ 7,5 - 8%").
- ``units``: one entry per distinct surface text; ``spans`` are all its mentions except those nested
  in a longer listed unit text, and except the 1-based occurrence numbers listed in ``skip``.
- money and percentage values are read from their text; decision ``type``, ``number`` and ``date``
  from theirs unless given.
- ``indicators``: ``q`` is the figure as written inside ``ev`` (the evidence, which must occur once
  in the body); value, range, approx and unit come from ``q`` unless given (``neg: true`` for a fall).
  ``period`` and ``location`` default to the article's own.

The body rule is the contract's: NFC text, first line (the title) dropped, stripped.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

QUALIFIERS = (  # longest first; the contract's approx values
    ("khoảng từ", "about"),
    ("ước đạt", "about"),
    ("ước tính", "about"),
    ("ước", "about"),
    ("khoảng", "about"),
    ("xấp xỉ", "nearly"),
    ("gần", "nearly"),
    ("dưới", "less_than"),
    ("hơn", "more_than"),
    ("trên", "more_than"),
    ("vượt", "more_than"),
    ("ít nhất", "more_than"),
)
SCALES = (("nghìn tỷ", 10**12), ("tỷ", 10**9), ("triệu", 10**6), ("nghìn", 10**3))
DECISION_TYPES = (
    "Quyết định",
    "Nghị quyết",
    "Chỉ thị",
    "Kết luận",
    "Quy định",
    "Kế hoạch",
    "Thông tư",
    "Nghị định",
    "Công văn",
    "Thông báo",
    "Đề án",
)

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUAL = "|".join(q for q, _ in QUALIFIERS)
_SCALE = "|".join(s for s, _ in SCALES)
FIGURE_RE = re.compile(
    rf"(?:(?P<q>{_QUAL})\s+)?(?:từ\s+)?(?P<n1>{_NUM})(?:\s*(?:-|–|đến)\s*(?P<n2>{_NUM}))?"
    rf"(?:\s*(?P<scale>{_SCALE}))?\s*(?P<rest>.*)"
)
DATE_RE = re.compile(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})|ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
RAW = Path(__file__).resolve().parent  # data/raw: one folder per corpus


@dataclass(frozen=True)
class GoldConfig:
    """What one corpus's articles need on top of the common annotation format."""

    folder: Path  # holds the articles, annotations.yaml and gold.jsonl
    currencies: dict[str, str]  # money words after the figure -> currency code
    unit_words: dict[str, str]  # words after an indicator's figure -> unit
    unit_from_first_word: bool = False  # look up only the first word after the figure
    unit_flags: tuple[str, ...] = ()  # kept on units when annotated
    decision_flags: tuple[str, ...] = ()  # kept on the decision mention they are annotated on
    decision_text_flags: tuple[str, ...] = ()  # kept on every mention of an annotated text
    decision_dates_given: bool = False  # an annotated ``date`` fills a date the text lacks
    indicator_flags: tuple[str, ...] = ("borderline", "repeat")
    money_may_open_headline: bool = False  # "Gần 1.000 tỷ đồng" is read as "gần 1.000 tỷ đồng"


class AnnotationError(ValueError):
    """An annotation that does not fit its article."""


def body_of(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).split("\n", 1)[1].strip()


def vn_decimal(s: str) -> Decimal:
    return Decimal(s.replace(".", "").replace(",", "."))


def as_number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def parse_figure(text: str) -> dict[str, Any]:
    """value, high, approx and the unit word of a written figure such as "khoảng 26,4 nghìn tỷ đồng"."""
    m = FIGURE_RE.fullmatch(text.strip())
    if not m:
        raise AnnotationError(f"cannot read the figure {text!r}")
    scale = dict(SCALES)[m["scale"]] if m["scale"] else 1
    value = vn_decimal(m["n1"]) * scale
    high = vn_decimal(m["n2"]) * scale if m["n2"] else None
    approx = dict(QUALIFIERS)[m["q"]] if m["q"] else None
    return {"value": value, "high": high, "approx": approx, "rest": m["rest"].strip()}


def occurrences(body: str, text: str) -> list[tuple[int, int]]:
    """Mentions of ``text`` that do not start or end inside a word or a number."""
    out = []
    for m in re.finditer(re.escape(text), body):
        s, e = m.span()
        before = body[s - 1] if s else " "
        if before.isalnum() or (before in ".," and s > 1 and body[s - 2].isdigit() and text[0].isdigit()):
            continue
        if e < len(body) and text[-1].isalnum() and body[e].isalnum():
            continue
        out.append((s, e))
    return out


def inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e and (s, e) != span for s, e in spans)


def place_mentions(body: str, entries: list[dict[str, Any]], key: str, what: str) -> None:
    """Give each entry ``start``/``end``: the n-th entry with a text takes its n-th free mention."""
    taken: list[tuple[int, int]] = []
    order = sorted(range(len(entries)), key=lambda i: -len(entries[i][key]))
    for i in order:
        e = entries[i]
        free = [sp for sp in occurrences(body, e[key]) if sp not in taken and not inside(sp, taken)]
        skip = e.pop("occ", 1) - 1
        if len(free) <= skip:
            raise AnnotationError(f"{what}: no free mention of {e[key]!r}")
        e["start"], e["end"] = free[skip]
        taken.append(free[skip])


def build_money(body: str, texts: list[str], config: GoldConfig) -> list[dict[str, Any]]:
    out = []
    for t in texts:
        f = parse_figure(t[:1].lower() + t[1:] if config.money_may_open_headline else t)
        if f["rest"] not in config.currencies:
            raise AnnotationError(f"money without currency {t!r}")
        out.append(
            {
                "text": t,
                "value": as_number(f["value"]),
                "high": None if f["high"] is None else as_number(f["high"]),
                "currency": config.currencies[f["rest"]],
                "approx": f["approx"],
            }
        )
    place_mentions(body, out, "text", "money")
    return sorted(out, key=lambda e: e["start"])


def build_percentages(body: str, texts: list[str]) -> list[dict[str, Any]]:
    out = []
    for t in texts:
        f = parse_figure(t)
        if f["rest"] != "%":
            raise AnnotationError(f"percentage without % {t!r}")
        out.append(
            {
                "text": t,
                "value": float(f["value"]),
                "high": None if f["high"] is None else float(f["high"]),
                "approx": f["approx"],
            }
        )
    place_mentions(body, out, "text", "percentages")
    return sorted(out, key=lambda e: e["start"])


def _decision_entry(d: dict[str, Any]) -> dict[str, Any]:
    text = d["text"]
    kind = d.get("type") or next((t for t in DECISION_TYPES if text.startswith(t)), None)
    number = d.get("number") or (re.search(r"số ([^\s,]+)", text) or [None, None])[1]
    if kind is None or number is None:
        raise AnnotationError(f"decision type/number unknown for {text!r}")
    dm = DATE_RE.search(text)
    date = None
    if dm:
        day, month, year = (int(g) for g in (dm.groups()[:3] if dm[1] else dm.groups()[3:]))
        date = f"{year:04d}-{month:02d}-{day:02d}"
    entry = {"type": kind, "number": number, "date": date, "issuer": d.get("issuer"), "text": text}
    if d.get("session"):
        entry["session"] = str(d["session"])
    if "occ" in d:
        entry["occ"] = d["occ"]
    return entry


def build_decisions(body: str, items: list[dict[str, Any]], config: GoldConfig) -> list[dict[str, Any]]:
    """Decisions by their text; the n-th annotation of a text (by ``occ``) gives its n-th mention's
    flags and, when the corpus allows it, a ``date`` written outside the decision's own words."""
    out = [_decision_entry(d) for d in items]
    place_mentions(body, out, "text", "decisions")
    out.sort(key=lambda e: e["start"])
    annotated: dict[str, list[dict[str, Any]]] = {}
    for d in sorted(items, key=lambda d: d.get("occ", 1)):
        annotated.setdefault(d["text"], []).append(d)
    seen: dict[str, int] = {}
    for e in out:  # sorted by start
        n = seen.get(e["text"], 0)
        seen[e["text"]] = n + 1
        source = annotated[e["text"]][n]
        e.update({f: True for f in config.decision_flags if source.get(f)})
        given = source.get("date") if config.decision_dates_given else None
        if given is not None:
            if e["date"] not in (None, str(given)):
                raise AnnotationError(f"decision {e['text']!r}: date {given} contradicts its text")
            e["date"] = str(given)
    for flag in config.decision_text_flags:
        flagged = {d["text"] for d in items if d.get(flag)}
        for e in out:
            if e["text"] in flagged:
                e[flag] = True
    return out


def build_officials(body: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{k: o[k] for k in ("name", "title", "unit", "occ") if k in o} for o in items]
    place_mentions(body, out, "name", "officials")
    return sorted(out, key=lambda e: e["start"])


def build_units(body: str, items: list[dict[str, Any]], config: GoldConfig) -> list[dict[str, Any]]:
    all_spans = {u["text"]: occurrences(body, u["text"]) for u in items}
    out = []
    for u in items:
        longer = [sp for t, sps in all_spans.items() if len(t) > len(u["text"]) for sp in sps]
        spans = [sp for sp in all_spans[u["text"]] if not inside(sp, longer)]
        skip = set(u.get("skip", []))
        spans = [sp for n, sp in enumerate(spans, 1) if n not in skip]
        if not spans:
            raise AnnotationError(f"unit {u['text']!r} has no mention")
        entry: dict[str, Any] = {"text": u["text"], "name": u["name"], "kind": u["kind"]}
        entry.update({f: True for f in config.unit_flags if u.get(f)})
        entry["spans"] = [list(sp) for sp in spans]  # ``spans`` last, as in the seeds' gold
        out.append(entry)
    return sorted(out, key=lambda e: e["spans"][0][0])


def build_indicators(
    body: str, items: list[dict[str, Any]], art: dict[str, Any], config: GoldConfig
) -> list[dict[str, Any]]:
    out = []
    for i in items:
        ev, q = i["ev"], i["q"]
        if body.count(ev) != 1:
            raise AnnotationError(f"evidence occurs {body.count(ev)} times: {ev!r}")
        if q not in ev:
            raise AnnotationError(f"figure {q!r} not in its evidence {ev!r}")
        f = parse_figure(q)
        words = f["rest"].split(" ")[0] if config.unit_from_first_word and f["rest"] else f["rest"]
        unit = i.get("unit") or config.unit_words.get(words)
        if unit is None:
            raise AnnotationError(f"no unit for {q!r}")
        sign = -1 if i.get("neg") else 1
        value = i.get("value", as_number(sign * f["value"]))
        high = i.get("high", None if f["high"] is None else as_number(sign * f["high"]))
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
        row.update({flag: True for flag in config.indicator_flags if i.get(flag)})
        row["evidence"] = ev
        out.append((body.index(ev), row))
    return [row for _, row in sorted(out, key=lambda p: p[0])]


def build_article(art: dict[str, Any], config: GoldConfig) -> dict[str, Any]:
    path = config.folder / f"{art['id']}.txt"
    body = body_of(path)
    published = art.get("published")
    try:
        return {
            "id": art["id"],
            "file": path.name,
            "published": None if published is None else str(published),
            "officials": build_officials(body, art.get("officials", [])),
            "units": build_units(body, art.get("units", []), config),
            "decisions": build_decisions(body, art.get("decisions", []), config),
            "money": build_money(body, art.get("money", []), config),
            "percentages": build_percentages(body, art.get("percentages", [])),
            "indicators": build_indicators(body, art.get("indicators", []), art, config),
        }
    except AnnotationError as exc:
        raise AnnotationError(f"{art['id']}: {exc}") from None


def render(articles: list[dict[str, Any]], config: GoldConfig) -> str:
    rows = [build_article(a, config) for a in articles]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def run(config: GoldConfig, description: str) -> int:
    """The command line of a corpus's ``build_gold.py``: write, or ``--check``, its gold.jsonl."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--check", action="store_true", help="compare with gold.jsonl instead of writing it")
    args = ap.parse_args()
    spec = yaml.safe_load((config.folder / "annotations.yaml").read_text(encoding="utf-8"))
    try:
        text = render(spec["articles"], config)
    except AnnotationError as exc:
        print(f"build_gold: {exc}", file=sys.stderr)
        return 1
    gold = config.folder / "gold.jsonl"
    if args.check:
        same = gold.exists() and gold.read_text(encoding="utf-8") == text
        print("gold.jsonl is up to date" if same else "gold.jsonl differs from annotations.yaml")
        return 0 if same else 1
    gold.write_text(text, encoding="utf-8")
    print(f"wrote {gold.name}: {text.count(chr(10))} articles")
    return 0


def load_corpus_script(corpus: str) -> ModuleType:
    """``data/raw/<corpus>/build_gold.py`` as a module (its ``CONFIG``), loaded once."""
    name = f"{corpus}_build_gold"
    if name not in sys.modules:
        path = RAW / corpus / "build_gold.py"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def config_like(corpus: str, folder: Path, **changes: Any) -> GoldConfig:
    """Another corpus's ``CONFIG`` for the articles in ``folder``, with ``changes`` on top."""
    return replace(load_corpus_script(corpus).CONFIG, folder=folder, **changes)
