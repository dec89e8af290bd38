"""Checks shared by the gold-validation tests of the hand-annotated corpora under ``data/raw``.

Each ``tests/test_<corpus>_gold.py`` describes its corpus with a ``GoldCorpus`` (what its articles
and annotations look like) and calls these checks, one test per check. They check the gold itself
(offsets, values re-read from their text by a parser independent of the builder, shapes,
completeness of money and percentages, indicator rows); they do not score any extractor.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"

sys.path.append(str(RAW))  # data/raw is not a package; its build scripts do the same
import gold_builder  # noqa: E402

CONTRACT_CODES = Path(__file__).resolve().parents[2] / "shared" / "spec" / "indicators.csv"

# The contract's indicator vocabulary (../shared/spec/indicators.csv), embedded so that the tests
# run without ../shared; check_vocabulary_matches_contract keeps the two in step.
INDICATOR_CODES = frozenset(
    [
        "grdp_growth",
        "grdp",
        "grdp_per_capita",
        "production_value",
        "industrial_production",
        "agriculture_value",
        "services_value",
        "budget_revenue",
        "domestic_revenue",
        "import_export_revenue",
        "budget_expenditure",
        "public_investment",
        "total_investment",
        "fdi",
        "ddi",
        "export_value",
        "import_value",
        "retail_sales",
        "new_enterprises",
        "new_jobs",
        "poverty_rate",
        "urbanization_rate",
        "trained_labor_rate",
        "health_insurance_rate",
        "standard_schools",
        "new_rural_communes",
        "new_party_members",
        "party_members_official",
        "party_badges",
        "party_org_founded",
        "land_clearance",
        "compensation_paid",
        "land_violations",
        "targets_completed",
        "traffic_violations",
        "other",
    ]
)
KINDS = {"actual", "estimate", "target", "change", "share_of_plan", "share_of_total", "rank"}
UNIT_KINDS = {"party", "government", "council", "front", "department", "central", "enterprise", "other"}
DECISION_TYPES = set(gold_builder.DECISION_TYPES)  # the builder's list: the contract's types
APPROX = {  # longest first where one qualifier starts another
    "khoảng từ": "about",
    "ước đạt": "about",
    "khoảng": "about",
    "ước": "about",
    "xấp xỉ": "nearly",
    "gần": "nearly",
    "dưới": "less_than",
    "ít nhất": "more_than",
    "hơn": "more_than",
    "trên": "more_than",
    "vượt": "more_than",
}
SCALE = {"nghìn tỷ": 10**12, "tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3}
PERIOD_RE = re.compile(r"\d{4}(?:-H[12]|-Q[1-4]|-(?:0[1-9]|1[0-2])|-M(?:[1-9]|1[01])|/\d{4})?")
UNIT_RE = re.compile(r"VND|USD|[a-z][a-z_0-9]*")
CREDIT_RE = re.compile(r"Ảnh: ([^.\n]+)")

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUAL = "|".join(APPROX)
_SCALE = "|".join(SCALE)
# A decision's date as the text writes it: "ngày 9/1/2023" or "ngày 15 tháng 3 năm 2024".
DATE_IN_TEXT = re.compile(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})|ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
SLASHED_DATE_IN_TEXT = re.compile(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})")
# Abbreviations an annotator spells out in unit names and officials' titles.
UNIT_NAME_ABBREVIATIONS = re.compile(r"\b(?:UBND|HĐND|BTV|BCH|MTTQ|UBKT|KCN)\b")
TITLE_ABBREVIATIONS = re.compile(r"\b(?:UBND|HĐND|BTV|UBKT)\b")

REQUIRED_CORE = {  # the fields that may not be empty; date, high, approx and period may be
    "officials": {"name", "title", "unit", "start", "end"},
    "units": {"text", "name", "kind", "spans"},
    "decisions": {"type", "number", "issuer", "text", "start", "end"},
    "money": {"text", "value", "currency", "start", "end"},
    "percentages": {"text", "value", "start", "end"},
    "indicators": {"indicator", "label", "value", "unit", "kind", "location", "evidence"},
}
REQUIRED_STRICT = {  # every field, filled
    **REQUIRED_CORE,
    "decisions": REQUIRED_CORE["decisions"] | {"date"},
    "money": REQUIRED_CORE["money"] | {"high", "approx"},
    "percentages": REQUIRED_CORE["percentages"] | {"high", "approx"},
    "indicators": REQUIRED_CORE["indicators"] | {"high", "approx", "period"},
}


def vn_number(s: str) -> float:
    """A number written the Vietnamese way: '.' groups thousands, ',' is the decimal mark."""
    return float(s.replace(".", "").replace(",", "."))


def bylines_without_figures(lines: list[str]) -> set[str]:
    """Short lines (at most three words) with no digit, dot or colon: a reporter's name."""
    return {line for line in lines if len(line.split()) <= 3 and not re.search(r"[\d.:]", line)}


def bylines_before_a_bracket(lines: list[str]) -> set[str]:
    """As ``bylines_without_figures``, the name read before " (" ("Minh Anh (TTXVN)")."""
    return {
        line.split(" (")[0]
        for line in lines
        if len(line.split(" (")[0].split()) <= 3 and not re.search(r"[\d.:]", line)
    }


def bylines_after_credit(lines: list[str]) -> set[str]:
    """Lines of at most five words that do not speak of a "đồng chí", after "Bài, ảnh: "."""
    short = [line for line in lines if len(line.split()) <= 5 and "đồng chí" not in line]
    return {line.removeprefix("Bài, ảnh: ") for line in short}


@dataclass(frozen=True)
class GoldCorpus:
    """One corpus under ``data/raw`` and what its gold's checks expect of it."""

    name: str  # its folder under data/raw
    article_count: tuple[int, int]  # fewest, most
    body_words: tuple[int, int]  # fewest, most words in an article's body
    required: dict[str, set[str]]
    currencies: dict[str, str]  # money words after a figure -> currency
    read_number: Callable[[str], float | None] = vn_number
    id_pattern: str | None = None  # every article id matches it
    money_sweep_words: tuple[str, ...] = ("đồng", "USD", "VNĐ", "VND")
    percent_words: tuple[str, ...] = ("%",)
    figures_may_open_headline: bool = False  # "Gần 1.000 tỷ đồng" is read as "gần 1.000 tỷ đồng"
    decision_date_re: re.Pattern[str] = DATE_IN_TEXT
    decision_date_optional: bool = False  # a decision may leave ``date`` out
    decision_dates_given: bool = False  # a date may sit in the decision's sentence, not its text
    abbreviations_spelt_out: bool = False  # unit names and officials' titles spell them out
    bylines: Callable[[list[str]], set[str]] | None = None  # None: the corpus has no byline check
    rank_needs_rank_unit: bool = True
    date_line_re: re.Pattern[str] = re.compile(r"\b(\d{2})[/-](\d{2})[/-](\d{4})\b")
    date_line_head: int = 5  # the date line is within the body's first lines
    related_line_re: re.Pattern[str] | None = None  # a line of related headlines run together
    related_decisions: bool = False  # decisions also carry ``related_link`` on such a line

    @property
    def folder(self) -> Path:
        return RAW / self.name


def load_gold(corpus: GoldCorpus) -> list[dict[str, Any]]:
    lines = (corpus.folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def raw_of(corpus: GoldCorpus, row: dict[str, Any]) -> str:
    return unicodedata.normalize("NFC", (corpus.folder / row["file"]).read_text(encoding="utf-8"))


def body_of(corpus: GoldCorpus, row: dict[str, Any]) -> str:
    return raw_of(corpus, row).split("\n", 1)[1].strip()


@cache
def _figure_re(tails: tuple[str, ...]) -> re.Pattern[str]:
    tail = "|".join(sorted(tails, key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<q>{_QUAL})\s+)?(?:từ\s+)?(?P<n1>{NUM})(?:\s*-\s*(?P<n2>{NUM}))?\s*(?:(?P<scale>{_SCALE})\s*)?"
        rf"(?P<tail>{tail})"
    )


def reparse(corpus: GoldCorpus, text: str) -> tuple[float, float | None, str | None, str]:
    """(value, high, approx, tail) of a money or percentage text."""
    if corpus.figures_may_open_headline:
        text = text[:1].lower() + text[1:]
    m = _figure_re((*corpus.currencies, "%")).fullmatch(text)
    assert m, f"unreadable figure {text!r}"
    scale = SCALE[m["scale"]] if m["scale"] else 1
    low, high = corpus.read_number(m["n1"]), corpus.read_number(m["n2"]) if m["n2"] else None
    assert low is not None, text
    return low * scale, None if high is None else high * scale, APPROX.get(m["q"] or ""), m["tail"]


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def check_covers_every_article(corpus: GoldCorpus, gold: list[dict[str, Any]]) -> None:
    stems = sorted(p.stem for p in corpus.folder.glob("*.txt"))
    assert sorted(row["id"] for row in gold) == stems
    fewest, most = corpus.article_count
    assert fewest <= len(stems) <= most
    assert all(row["file"] == row["id"] + ".txt" for row in gold)
    if corpus.id_pattern is not None:
        assert all(re.fullmatch(corpus.id_pattern, row["id"]) for row in gold)


def check_article_shape(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    raw = (corpus.folder / row["file"]).read_text(encoding="utf-8")
    assert raw == unicodedata.normalize("NFC", raw)
    title, blank, _ = raw.split("\n", 2)
    assert 0 < len(title) < 200 and not title.endswith((".", ";", ","))
    assert blank == ""
    fewest, most = corpus.body_words
    assert fewest <= len(body_of(corpus, row).split()) <= most


def check_required_fields(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    for key, fields in corpus.required.items():
        for entry in row[key]:
            assert fields <= entry.keys(), (key, entry)
            assert all(entry[f] not in ("", []) for f in fields), (key, entry)


def check_offsets_point_at_their_text(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    body = body_of(corpus, row)
    for key, field in (
        ("officials", "name"),
        ("decisions", "text"),
        ("money", "text"),
        ("percentages", "text"),
    ):
        for e in row[key]:
            assert body[e["start"] : e["end"]] == e[field], (key, e)
        spans = [(e["start"], e["end"]) for e in row[key]]
        assert len(set(spans)) == len(spans), f"{key}: two entries share one mention"
    for u in row["units"]:
        for start, end in u["spans"]:
            assert body[start:end] == u["text"], u


def check_money_values_reparse(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    for m in row["money"]:
        value, high, approx, tail = reparse(corpus, m["text"])
        assert isinstance(m["value"], int) and close(m["value"], value), m
        assert m["currency"] == corpus.currencies[tail], m
        assert (m["high"] is None) == (high is None) and (high is None or close(m["high"], high)), m
        assert m["approx"] == approx, m


def check_percentage_values_reparse(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    for p in row["percentages"]:
        value, high, approx, tail = reparse(corpus, p["text"])
        assert tail == "%" and close(p["value"], value), p
        assert (p["high"] is None) == (high is None) and (high is None or close(p["high"], high)), p
        assert p["approx"] == approx, p


def check_misses_no_money_or_percentage(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    """Sweeps for mentions the gold might have missed ("1.958 đồng chí" is not money)."""
    money_sweep = re.compile(
        rf"(?<![\d.,])(?:{NUM})\s*(?:(?:{_SCALE})\s*)?(?:{'|'.join(corpus.money_sweep_words)})"
        r"(?!\s*(?:chí|bào))"
    )
    percent_sweep = re.compile(rf"(?<![\d.,])(?:{NUM})\s*(?:{'|'.join(corpus.percent_words)})")
    body = body_of(corpus, row)
    for key, sweep in (("money", money_sweep), ("percentages", percent_sweep)):
        spans = [(e["start"], e["end"]) for e in row[key]]
        for m in sweep.finditer(body):
            assert any(s <= m.start() and m.end() <= e for s, e in spans), f"{key} missing: {m.group(0)!r}"


def _date_of(m: re.Match[str]) -> list[int]:
    """[day, month, year] of a date written either way."""
    return [int(g) for g in m.groups() if g]


def check_decisions_well_formed(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    body = body_of(corpus, row)
    for d in row["decisions"]:
        assert d["type"] in DECISION_TYPES and d["text"].startswith(d["type"]), d
        assert d["number"] in d["text"] and not d["number"].startswith("số"), d
        date = d.get("date") if corpus.decision_date_optional else d["date"]
        m = corpus.decision_date_re.search(d["text"])
        if m:
            day, month, year = _date_of(m)
            assert date == f"{year:04d}-{month:02d}-{day:02d}", d
        elif corpus.decision_dates_given and date is not None:
            # a date given apart must be written in the decision's sentence
            year, month, day = (int(x) for x in date.split("-"))
            sentence_start = body.rfind(".", 0, d["start"]) + 1
            written = DATE_IN_TEXT.search(body[sentence_start : d["start"]].lower())
            assert written and _date_of(written) == [day, month, year], d
        else:
            assert date is None, d


def check_units_well_formed(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    texts = [u["text"] for u in row["units"]]
    assert len(texts) == len(set(texts)), "one entry per distinct surface text"
    all_spans = [(s, e, u["text"]) for u in row["units"] for s, e in u["spans"]]
    for u in row["units"]:
        assert u["kind"] in UNIT_KINDS, u
        if corpus.abbreviations_spelt_out:
            assert not UNIT_NAME_ABBREVIATIONS.search(u["name"]), f"abbreviation left in {u}"
        for s, e in u["spans"]:
            nested = [t for s2, e2, t in all_spans if s2 <= s and e <= e2 and (s2, e2) != (s, e)]
            assert not nested, f"{u['text']!r} at {s} lies inside {nested}"


def check_officials_leave_out_bylines_and_credits(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    assert corpus.bylines is not None, f"{corpus.name} names no byline rule"
    body = body_of(corpus, row)
    bylines = corpus.bylines([line.strip() for line in body.splitlines() if line.strip()])
    credits = {m[1].strip() for m in CREDIT_RE.finditer(body)}
    for o in row["officials"]:
        assert o["name"] not in bylines | credits, o
        assert 2 <= len(o["name"].split()) <= 5 and all(w[0].isupper() for w in o["name"].split()), o
        if corpus.abbreviations_spelt_out:
            assert not TITLE_ABBREVIATIONS.search(o["title"]), f"abbreviation left in {o}"


def check_indicator_rows_well_formed(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    raw, body = raw_of(corpus, row), body_of(corpus, row)
    for i in row["indicators"]:
        assert i["indicator"] in INDICATOR_CODES and i["kind"] in KINDS, i
        assert UNIT_RE.fullmatch(i["unit"]) and i["approx"] in (None, *set(APPROX.values())), i
        assert i["period"] is None or PERIOD_RE.fullmatch(i["period"]), i
        assert i["location"] in raw, i
        assert body.count(i["evidence"]) == 1, i
        numbers = [corpus.read_number(n) for n in re.findall(NUM, i["evidence"])]
        scaled = [n * k for n in numbers if n is not None for k in (1, *SCALE.values())]
        assert any(close(abs(i["value"]), v) for v in scaled), f"value not in evidence: {i}"
        assert i["high"] is None or i["high"] > i["value"], i
        if corpus.rank_needs_rank_unit:
            assert i["kind"] != "rank" or i["unit"] == "rank", i


def check_indicators_cover_money_and_percentages(row: dict[str, Any]) -> None:
    money = Counter((m["value"], m["high"], m["currency"]) for m in row["money"])
    pct = Counter((p["value"], p["high"]) for p in row["percentages"])
    rows_money = Counter(
        (i["value"], i["high"], i["unit"]) for i in row["indicators"] if i["unit"] in ("VND", "USD")
    )
    rows_pct = Counter((abs(i["value"]), i["high"]) for i in row["indicators"] if i["unit"] == "percent")
    assert rows_money == money
    assert rows_pct == pct


def check_related_links_sit_on_a_run_together_line(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    """Entries flagged ``related_link`` come from a line of headlines run together, and only they do."""
    assert corpus.related_line_re is not None, f"{corpus.name} has no related-headline lines"
    body = body_of(corpus, row)
    related = [line for line in body.splitlines() if corpus.related_line_re.search(line)]
    for i in row["indicators"]:
        assert any(i["evidence"] in line for line in related) == bool(i.get("related_link")), i
    if not corpus.related_decisions:
        return
    line_spans = []
    start = 0
    for line in body.split("\n"):
        if line in related:
            line_spans.append((start, start + len(line)))
        start += len(line) + 1
    for d in row["decisions"]:
        on_line = any(s <= d["start"] and d["end"] <= e for s, e in line_spans)
        assert on_line == bool(d.get("related_link")), d


def check_published_matches_date_line(corpus: GoldCorpus, row: dict[str, Any]) -> None:
    head = "\n".join(body_of(corpus, row).splitlines()[: corpus.date_line_head])
    m = corpus.date_line_re.search(head)
    want = f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}" if m else None
    assert row["published"] == want


def check_regenerated_from_annotations(corpus: GoldCorpus) -> None:
    """The corpus's build_gold.py turns annotations.yaml into exactly the committed gold.jsonl."""
    build_gold = gold_builder.load_corpus_script(corpus.name)
    annotations = yaml.safe_load((corpus.folder / "annotations.yaml").read_text(encoding="utf-8"))
    text = gold_builder.render(annotations["articles"], build_gold.CONFIG)
    assert text == (corpus.folder / "gold.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line) for line in text.splitlines()] == load_gold(corpus)


def check_vocabulary_matches_contract() -> None:
    if not CONTRACT_CODES.exists():
        pytest.skip(f"{CONTRACT_CODES} is absent (../shared is not beside this checkout)")
    lines = CONTRACT_CODES.read_text(encoding="utf-8").splitlines()[1:]
    assert {line.split(",", 1)[0] for line in lines if line.strip()} == INDICATOR_CODES
