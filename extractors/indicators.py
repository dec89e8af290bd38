"""Indicators: one normalised row for every reported figure of a socio-economic or Party-work indicator.

Approach, sentence by sentence (offsets never leave the article text):

1. **Figures** come from the earlier stages: money (unit VND/USD), percentages (unit percent),
   quantities (unit from ``quantity_units.csv``), plus ranks ("xếp thứ 5/63"). Every money and
   percentage figure is a row; a quantity is a row when its noun says so (đảng viên, hộ, ha …), when
   its clause names an indicator (xã → "xã đạt chuẩn nông thôn mới"), or, for "lần", when it is a
   change or a share of plan. Counts that enumerate named places ("2 xã Đồng Văn, Tề Lỗ") and teams
   set up to do the work ("2 đoàn kiểm tra") are not rows.
2. **Clauses** (:mod:`extractors.clauses`): the sentence is cut at ";", ":", brackets and ", ",
   never inside an indicator phrase or a figure.
3. **Indicator**: the phrase from ``indicator_lexicon.csv`` that the figure counts ("400 triệu USD
   vốn FDI", "1 tổ chức cơ sở Đảng": right after or inside the figure), else the nearest one before
   it in its clause, else one later in the clause ("100% trường học … đạt chuẩn quốc gia"). A clause
   with none that continues the previous one ("tăng 60,5% so với cùng kỳ", "đạt 90% kế hoạch năm")
   takes the sentence's current subject; otherwise the row is ``other`` with a Vietnamese label
   made from the clause. A phrase the figure does not count must suit its unit
   (``indicator_units.csv``: a VND amount "cho xây dựng nông thôn mới" is not a count of communes);
   a phrase after "chiếm N%" is the whole the share is taken of, not what is measured ("nợ thuế …
   chiếm 6,4% tổng thu nội địa"); some count phrases need their verb ("thành lập 1 tổ chức cơ sở
   Đảng", but "hiện có 74 tổ chức cơ sở đảng" is a stock); a percent change of GRDP is its growth.
   A bracketed figure takes the phrase right before the bracket ("giải ngân vốn đầu tư công (đạt
   86,7%)"); a count of a noun already counted in its part of the sentence goes on with that
   indicator ("xử lý 43 trường hợp vi phạm đất đai, … đã xử lý xong 31 trường hợp"), and so does
   who or what a figure went to ("GPMB 12,8 ha cho 6 dự án"); a count of what is not done ("2 chỉ
   tiêu chưa hoàn thành") is ``other``. A bare "đạt N%" after a counted part ("58/96 trường hợp")
   is its share of the total. A part counted after "trong đó" is a row, as are targets surpassed.
   Investment capital ("tăng vốn", "vốn tăng thêm", "vốn đầu tư") is FDI in dollars, DDI in đồng.
4. **Kind** (:mod:`extractors.kinds`), **period** (:mod:`extractors.periods`) and **location**
   (:mod:`extractors.figure_places`): the most specific place named around the figure, else the
   article's running place.

Each row's span is its evidence sentence; ``figure_start``/``figure_end`` point at the figure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import Any

from extractors.clauses import (
    Cue,
    continues,
    ends_with_before,
    figure_sentences,
    headline_pieces,
    is_dependent,
    lexicon,
    named_before_bracket,
    segment_of,
    split,
    topic_of,
)
from extractors.datafiles import read_csv
from extractors.figure_places import FigurePlaces
from extractors.indicator_figures import Fig, figures
from extractors.kinds import KindContext, kind_of
from extractors.periods import PeriodResolver
from pipeline.article import Article, Span

UNITS_FILE = "indicator_units.csv"
UNIVERSAL_UNITS = ("percent", "percentage_point", "times", "rank")
# a percent change of a level is its growth
GROWTH_OF = {"grdp": "grdp_growth"}
GROWTH_KINDS = ("change", "estimate", "target", "actual")
# a count of people under a Party-membership indicator counts party members ("312 đồng chí")
PARTY_MEMBER_CODES = ("new_party_members", "party_members_official")
# a count followed by names: "2 xã Đồng Văn, Tề Lỗ" lists places, it does not report a figure
_NEXT_WORD = re.compile(r"\s+(?:là\s+|gồm\s+|:\s*)?(\w+)")
_OF_TARGETS = re.compile(r"\s*(?:so\s+với\s+)?(?:các\s+)?(?:chỉ\s+tiêu|nhiệm\s+vụ)(?!\w)", re.IGNORECASE)
# "2 chỉ tiêu chưa hoàn thành", "còn 38 hộ chưa nhận tiền": a count of what is not done
_NOT_DONE = re.compile(r"\s*(?:chưa|không)(?!\w)", re.IGNORECASE)
# "trong đó 9 chỉ tiêu vượt kế hoạch": a count of targets reached
_DONE_AFTER = re.compile(r"\s*(?:đạt|vượt|hoàn\s+thành)(?!\w)", re.IGNORECASE)
# "…, trong đó 9 đơn thuộc thẩm quyền": a part of a whole reported before it
_PART_OF = re.compile(r"(?=t)(?<!\w)trong\s+đó\s*$", re.IGNORECASE)
# (a pattern searched for in a stretch of text may open with a lookahead for the letters it can
# begin with, "(?=[…])": a quick test at each place of the stretch)
# "… 12,8 ha cho 6 dự án": who or what a figure went to goes with it
_FOR = re.compile(r"\s*cho(?!\w)", re.IGNORECASE)
# "(… 58/96 trường hợp), đạt 60,4%": a clause that is only "đạt" before a bare percentage after a
# counted part: the percentage is its share
_CLAUSE_IS_REACHED = re.compile(r"\s*(?:đạt|bằng)(?:\s+(?:khoảng|gần|hơn|trên|dưới))?\s*$", re.IGNORECASE)
_TOTAL_COUNT = re.compile(r"tổng\s+số(?!\w)", re.IGNORECASE)
_OR_MORE = re.compile(r"\s*trở\s+lên(?!\w)", re.IGNORECASE)  # "từ 200 đảng viên trở lên"
_COMPLETION = re.compile(
    r"(?=[hđvlt])(?:hoàn\s+thành|đạt|vượt|lên|thông\s+qua)(?:\s+và\s+vượt)?\s*$", re.IGNORECASE
)
# "chiếm 6,4% tổng thu nội địa": what follows is the whole, not the thing measured
_SHARE_OF = re.compile(
    r"chiếm(?:\s+t[ỷỉ]\s+(?:lệ|trọng))?(?:\s+(?:tới|khoảng|gần|hơn|trên|đến|xấp\s+xỉ))?\s*$", re.IGNORECASE
)
# after a figure: how far a phrase may start and still name what the figure counts
_ADJACENT = re.compile(r"\s*(?:vốn\s+|của\s+)?$", re.IGNORECASE)
# "còn 17 hộ chưa nhận tiền bồi thường": a negated phrase is not the indicator the figure reports
_NEGATED = re.compile(
    r"(?=[ck])(?<!\w)(?:chưa|không)(?:\s+(?:được|nhận|nhận\s+đủ|đồng\s+ý|thực\s+hiện))?\s*$", re.IGNORECASE
)
# "… tăng 7% nhưng trị giá hàng nhập khẩu …": a phrase after a contrast speaks of something else
_CONTRAST = re.compile(r"(?<!\w)(?:nhưng|song|trong\s+khi|tuy\s+nhiên|mặc\s+dù)(?!\w)", re.IGNORECASE)
# "trên tổng chiều dài 24,3 km": a whole named as the base of the figure before it, not a new subject
_OUT_OF = re.compile(
    r"(?=[ts])(?<!\w)(?:trên|so\s+với)\s+tổng(?:\s+số)?(?:\s+[^\W\d]+){0,4}\s*$", re.IGNORECASE
)
_LABEL_TRIM = re.compile(
    r"^(?:(?:và|trong\s+đó|đã|thì|còn|riêng|với|có|cùng\s+với\s+đó|đồng\s+thời)(?:\s+|$))+|"
    r"(?:\s+(?:đã|đạt|được|là|có|với|cho|đối\s+với|tới|ước|tăng|giảm|bằng|chiếm|phấn\s+đấu|khoảng|"
    r"hơn|gần|trên|dưới|từ))+$",
    re.IGNORECASE,
)


@cache
def typical_units() -> dict[str, frozenset[str]]:
    """The units each indicator's figures are written in (``indicator_units.csv``)."""
    rows = read_csv(UNITS_FILE, ("code",))
    return {r["code"]: frozenset(u for u in r.get("units", "").split("|") if u) for r in rows}


def fits(code: str, unit: str) -> bool:
    """May a figure in ``unit`` report ``code`` when the phrase it counts does not name it?"""
    known = typical_units().get(code)
    return known is None or unit in UNIVERSAL_UNITS or unit in known


def _cue_for(
    text: str, fig: Fig, clause: tuple[int, int], window_start: int, cues: list[Cue], check_units: bool = True
) -> Cue | None:
    """The indicator phrase a figure belongs to (see the module docstring, step 3).

    ``window_start`` is where the figure's own stretch of the clause begins: the clause start, or
    the end of the figure before it ("400 triệu USD vốn FDI và 5.500 tỷ đồng vốn DDI"); ``cues``
    are the cue phrases of the clause.
    """
    if not cues:
        return None
    if fig.source == "quantities":
        for c in cues:
            inside = c.start < fig.end and fig.start < c.end
            if inside or (c.start >= fig.end and _ADJACENT.fullmatch(text[fig.end : c.start])):
                return c
    usable = [c for c in cues if not c.count_only]
    if fig.source == "money":
        for c in usable:
            if c.start >= fig.end and _ADJACENT.fullmatch(text[fig.end : c.start]):
                return c
    if check_units and fig.unit not in UNIVERSAL_UNITS:  # fits(), with its lookups done once
        units, unit = typical_units(), fig.unit
        usable = [c for c in usable if (known := units.get(c.value)) is None or unit in known]
    before = [c for c in usable if window_start <= c.start < fig.start and c.end <= fig.end]
    if before:
        return before[0] if len(before) == 1 else max(before, key=lambda c: (c.end, c.end - c.start))
    if window_start > clause[0] or _SHARE_OF.search(text, max(0, fig.start - 30), fig.start):
        return None  # nothing named in the figure's stretch, or only the whole it is a share of
    after = [c for c in usable if c.start >= fig.end]
    if not after or _CONTRAST.search(text, fig.end, after[0].start):
        return None
    return after[0]


def _label(text: str, clause: tuple[int, int], fig: Fig, window_start: int) -> str:
    """A Vietnamese label for an ``other`` row: the clause's words around the figure."""
    before = text[max(clause[0], window_start) : fig.start].strip(" ,;")
    before = " ".join(before.split()[-10:])
    after = ""
    if fig.source == "quantities":
        after = fig.noun
    elif fig.end < clause[1]:
        after = " ".join(text[fig.end : clause[1]].split()[:8])
    label = _LABEL_TRIM.sub("", before).strip()
    return " ".join(p for p in (label, after) if p).strip() or text[fig.start : fig.end]


def _default_code(fig: Fig) -> str:
    """The code of a figure whose clause names no indicator: its noun's, "18/19 chỉ tiêu", or other."""
    if fig.default:
        return fig.default
    if fig.unit in ("target", "task") and (fig.total is not None or fig.row == "cue"):
        return "targets_completed"
    return "other"


def _is_name(word: str) -> bool:
    """ "Đồng Văn" is a name; "FDI", "DDI" are acronyms of what is counted."""
    return word[0].isupper() and not word.isupper()


def _is_row(text: str, fig: Fig, cue: Cue | None, kind: str, part: bool = False) -> bool:
    """``part``: the figure counts a part of a whole reported just before ("trong đó 9 đơn …")."""
    if fig.source in ("money", "percentages", "rank"):
        return True
    follows = _NEXT_WORD.match(text, fig.end)
    if fig.row == "no" or (follows is not None and _is_name(follows.group(1))):
        return False
    if fig.unit == "times":
        return kind in ("change", "share_of_plan")
    if fig.row == "yes" or kind == "change" or part:
        return True
    if fig.unit in ("target", "task") and _DONE_AFTER.match(text, fig.end):
        return True
    return (cue is not None and cue.value != "other") or fig.total is not None or bool(
        _COMPLETION.search(text, max(0, fig.start - 20), fig.start)
    )


def _goes_on(
    text: str, fig_start: int, clause: tuple[int, int], window_start: int, after_bracket: bool, counted: bool
) -> bool:
    """Does the figure's stretch of its clause go on with the sentence's subject? ``counted``: its
    noun was counted before in its part of the sentence (asked only for a figure that names none)."""
    if _TOTAL_COUNT.match(text, fig_start):
        return False  # "nâng tổng số tổ chức đảng … lên 19": a stock, not the flow before it
    if counted:
        return True  # "xử lý 43 trường hợp …, đến nay đã xử lý xong 31 trường hợp"
    if window_start == clause[0]:
        return after_bracket or is_dependent(text, clause)
    return continues(text, (window_start, clause[1]))


def _by_currency(code: str, fig: Fig, clause: tuple[int, int], sfigs: list[Fig]) -> str:
    """ "fdi|ddi": fdi for a dollar amount, ddi for a đồng one; a count takes the amount after it in
    its clause, else the one before it in its sentence."""
    amounts = [f for f in sfigs if f.source == "money"]
    after = [f for f in amounts if fig.end <= f.start < clause[1]]
    before = [f for f in amounts if f.end <= fig.start]
    money = fig if fig.source == "money" else (after[0] if after else before[-1] if before else None)
    usd, vnd = code.split("|", 1)
    return {"USD": usd, "VND": vnd}.get(money.unit if money else "", "other")


def _whole(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() and abs(v) < 1e15 else v


def extract(article: Article) -> list[Span]:
    text = article.text
    figs = figures(article)
    if not figs:
        return []
    bounds, runs, every = figure_sentences(text, [f.start for f in figs])
    bounds = [piece for sent in bounds for piece in (headline_pieces(text, sent) if sent in runs else [sent])]
    periods = PeriodResolver(text, article.published, quiet=runs, bounds=every)
    places = FigurePlaces(article, runs)
    pub_year = periods.pub_year
    by_sentence: dict[tuple[int, int], list[Fig]] = {}
    starts = [a for a, _ in bounds]
    for f in figs:
        i = bisect_right(starts, f.start) - 1  # its sentence, as pipeline.sentences.sentence_at finds it
        sent = bounds[i] if i >= 0 and f.start < bounds[i][1] else (f.start, f.end)
        by_sentence.setdefault(sent, []).append(f)
    periods.prepare(min(by_sentence)[0], max(b for _, b in by_sentence))
    rows: list[Span] = []
    target_carry = False
    prev_end = 0
    for sent, sfigs in sorted(by_sentence.items()):
        if "\n" in text[prev_end : sent[0]]:
            target_carry = False  # a new paragraph
        prev_end = sent[1]
        headlines = any(a <= sent[0] and sent[1] <= b for a, b in runs)
        new_rows, target_carry = _sentence_rows(
            article, sent, sfigs, periods, places, pub_year, (target_carry, headlines)
        )
        rows.extend(new_rows)
    return rows


def _sentence_rows(
    article: Article,
    sent: tuple[int, int],
    sfigs: list[Fig],
    periods: PeriodResolver,
    places: FigurePlaces,
    pub_year: int | None,
    carry_and_headlines: tuple[bool, bool],
) -> tuple[list[Span], bool]:
    """The rows of one sentence; ``carry_and_headlines``: does the paragraph so far report targets,
    is the sentence one headline of a related-headline run."""
    text = article.text
    target_carry, headlines = carry_and_headlines
    cues = lexicon().find(text, sent[0], sent[1])
    keep = [(c.start, c.end) for c in cues] + [(f.start, f.end) for f in sfigs]
    clauses = split(text, sent[0], sent[1], keep)
    # the words the searches before a cue or figure below look for (up to 40 characters back), in
    # the lower case the regex engine equates them with: where one is missing, its search is skipped
    near = text[max(0, sent[0] - 40) : sent[1]].lower()
    negated, totals, parts = "chưa" in near or "không" in near, "tổng" in near, "đó" in near
    cues = [
        c for c in cues
        if (c.needs is None or c.stands_in(text, next((k for k in clauses if k[0] <= c.start < k[1]), sent)))
        and not (negated and _NEGATED.search(text, max(0, c.start - 24), c.start))
    ]
    topic = topic_of(text, clauses[0], [f.start for f in sfigs], cues) if clauses else None
    subject: tuple[str, str] | None = None
    out: list[Span] = []
    carry_out = target_carry
    counted: set[tuple[str, tuple[int, int]]] = set()  # the nouns counted so far, with their segment
    part_before = False  # the last row counts a part of a whole ("58/96 trường hợp")
    evidence = text[sent[0] : sent[1]]  # every row's span: the sentence
    semicolons = ";" in evidence  # else every figure's segment is the whole sentence
    for clause in clauses:
        window_start = clause[0]
        in_clause = [f for f in sfigs if clause[0] <= f.start < clause[1]]
        clause_cues = [c for c in cues if clause[0] <= c.start and c.end <= clause[1]]
        named = [c for c in clause_cues if c.value != "other"]
        if not in_clause and named:
            subject = (named[-1].value, named[-1].text)  # "Tỷ lệ dân số đô thị (…) đạt 49%"
        # the clause after a bracket goes on with the clause before it: "Vốn DDI (…) thu hút được 62 dự án"
        after_bracket = bool(in_clause) and ends_with_before(text, clause[0], ")")
        # "giải ngân vốn đầu tư công (đạt 86,7%)": a bracketed figure belongs to the phrase before it
        subject = named_before_bracket(text, clause, cues) or subject
        for f in in_clause:
            cue = _cue_for(text, f, clause, window_start, clause_cues)
            segment = segment_of(text, sent, f.start) if semicolons else sent
            noun = f.noun.casefold() if f.source == "quantities" else ""
            if cue is not None:
                code, label = cue.value, cue.text
                if code == "other":
                    label = _label(text, clause, f, window_start)
            elif (
                subject is not None
                and _goes_on(text, f.start, clause, window_start, after_bracket, (noun, segment) in counted)
                # or it opens with "cho" ("GPMB 12,8 ha cho 6 dự án")
                and (
                    fits(subject[0], f.unit) or (window_start > clause[0] and _FOR.match(text, window_start))
                )
            ):
                code, label = subject
            elif topic is not None and not f.default and f.unit != "percent" and fits(topic[0], f.unit):
                code, label = topic
            else:
                code, label = _default_code(f), _label(text, clause, f, window_start)
            if "|" in code:
                code = _by_currency(code, f, clause, sfigs)
            if noun and _NOT_DONE.match(text, f.end):
                code, label = "other", _label(text, clause, f, window_start)  # "2 chỉ tiêu chưa hoàn thành"
            unit = "party_member" if f.unit == "person" and code in PARTY_MEMBER_CODES else f.unit
            period = periods.at((f.start, f.end), clause, sent, own_only=headlines)
            future = bool(pub_year and period and period[:4].isdigit() and int(period[:4]) > pub_year)
            ctx = KindContext(text, (f.start, f.end), clause, segment, sent, unit, code, target_carry, future)
            kind, sign = kind_of(ctx, rank=f.source == "rank")
            if code == "other" and kind == "share_of_plan" and _OF_TARGETS.match(text, f.end):
                code = "targets_completed"  # "hoàn thành 100% chỉ tiêu được giao"
            if kind == "actual" and f.unit == "percent" and part_before and _CLAUSE_IS_REACHED.fullmatch(
                text, clause[0], f.start
            ):
                kind = "share_of_total"  # "giải quyết 58/96 trường hợp, đạt 60,4%"
            if f.unit == "percent" and kind in GROWTH_KINDS and code in GROWTH_OF:
                code = GROWTH_OF[code]  # "GRDP ước tăng 13,45%"
            mine, window_start = window_start, f.end
            # a count whose clause names an indicator it does not suit is still a figure of that clause
            if cue is None and f.row == "cue":
                named_here = _cue_for(text, f, clause, mine, clause_cues, False)
            else:
                named_here = cue
            part = bool(out) and parts and _PART_OF.search(text, max(0, f.start - 20), f.start) is not None
            if not _is_row(text, f, named_here, kind, part):
                continue
            part_before = f.total is not None or (noun, segment) in counted
            if noun:
                counted.add((noun, segment))
            if not (totals and _OUT_OF.search(text, max(0, f.start - 40), f.start)):
                subject = (code, label)  # but "… 21,6 km trên tổng chiều dài 24,3 km, đạt 88,9%"
            value, high = f.value, f.high
            if sign < 0:
                value, high = -(high if high is not None else value), (-value if high is not None else None)
            attrs: dict[str, Any] = {
                "indicator": code,
                "label": label,
                "value": _whole(value),
                "high": _whole(high),
                "unit": unit,
                "approx": f.approx or ("more_than" if _OR_MORE.match(text, f.end) else None),
                "kind": kind,
                "period": period,
                "location": places.at(segment, clause, (f.start, f.end), sent),
                "figure_start": f.start,
                "figure_end": f.end,
            }
            if f.total is not None:
                attrs["total"] = _whole(f.total)
            out.append(Span(sent[0], sent[1], evidence, attrs))
            carry_out = kind == "target"
    return out, carry_out
