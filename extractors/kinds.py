"""The kind of a reported figure: actual, estimate, target, change, share_of_plan, share_of_total, rank.

The kind words are data (``resources/indicator_kinds.csv``), each with the place it must stand
relative to the figure. The decision, strongest evidence first:

1. ``rank``: "đứng thứ", "xếp thứ" right before the figure;
2. ``share_of_plan``: a percentage or ratio followed by "kế hoạch", "dự toán", "chỉ tiêu"
   ("bằng 65% so với dự toán", "vượt 2,2 lần kế hoạch");
3. ``change``: "tăng"/"giảm"/"gấp" right before the figure, or a percentage or ratio followed by
   "so với cùng kỳ"/"so với năm trước" ("bằng 139% so với cùng kỳ"); "giảm" makes it negative, and
   "giảm còn", "tăng lên", "tăng trưởng" report a level, not a change;
4. ``share_of_total``: "chiếm" right before, or "tổng số …", "GRDP" right after a percentage
   (these come first of all but rank, and a target word below wins over 2 and 3);
5. the nearest mood word before the figure: ``target`` (phấn đấu, mục tiêu, giao chỉ tiêu, sẽ,
   bảo đảm …, anywhere earlier in the sentence, unless the figure is who receives the targets:
   "giao chỉ tiêu cho 48 người", or the word is the base of an earlier figure: "bằng 34% kế hoạch
   năm"); a target wins over share_of_plan ("bảo đảm giải ngân 100% kế hoạch vốn"). ``estimate``
   (ước đạt, ước tính, dự kiến đạt, earlier in the sentence unless a plain "đạt" follows it; a
   "dự kiến" in the figure's clause for the current period too),
   ``share_of_total`` ("trên
   tổng chiều dài 24,3 km, đạt 88,9%") or ``actual`` (đã, được, kết quả); with none, a sentence
   that continues a paragraph of targets is a target too, and so is a figure whose period lies
   after the publication year;
   "ước tăng 8,5%" is an estimate of a change, and so is "ước cả năm kim ngạch xuất khẩu đạt …" (the
   "đạt" that ends an estimate must come after a figure or a break); "công tác bảo đảm …", "nhằm
   đảm bảo …" name a field of work or a purpose, not a target;
6. ``share_of_plan`` for a bare "đạt 64,4%" after a planned amount in its sentence ("được giao kế
   hoạch vốn 1.125 tỷ đồng, đã giải ngân 724 tỷ đồng, đạt 64,4%"), for "giải ngân (đạt) 60%" and
   for a disbursement named earlier in the clause ("Giải ngân vốn đầu tư công 10 tháng đạt 61%");
7. ``share_of_total`` again for "100% trường học …" (a percentage of the noun that follows) and for
   "tỷ lệ …" figures of no listed indicator; otherwise ``actual``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.clauses import Cue, kind_cues

# what may stand between a "just_before" kind word and the figure
_JUST_GAP = re.compile(r"\s*(?:(?:đạt|được|là|ở\s+mức|mức|thêm|tới|đến|có|khoảng|gần|hơn|trên)\s+)*\s*$",
                       re.IGNORECASE)
# what may stand between the figure and an "after" kind word
_AFTER_GAP = re.compile(r"\s*(?:so\s+với\s+|so\s+|của\s+|theo\s+|trong\s+)?$", re.IGNORECASE)
_RECIPIENT = re.compile(r"(?:cho|đối\s+với|tới|với)\s*$", re.IGNORECASE)
# a word after a percentage that is not the noun it is a share of
_NOT_A_NOUN = re.compile(
    r"\s+(?:so|với|kế|dự|chỉ|trở|và|trong|tại|của|nhưng|đến|tới|là|cả|năm|theo|trên|ở|đạt|tăng|giảm|"
    r"cùng|bằng|thì|do|nên|vì|khi|sau|trước|kh)(?!\w)",
    re.IGNORECASE,
)
# (a pattern searched for in a stretch of text may open with a lookahead for the letters it can
# begin with, "(?=[…])": a quick test at each place of the stretch)
# "bằng 34% kế hoạch", "giải ngân kế hoạch đầu tư công": the plan a figure is measured against
_BASE_BEFORE = re.compile(
    r"(?=[%lsbđvtg])(?:%|lần|so\s+với|bằng|đạt|vượt|theo|giải\s+ngân(?:\s+vốn)?)\s*$", re.IGNORECASE
)
BASE_WINDOW = 24  # how far before a cue _BASE_BEFORE looks
# what _BASE_BEFORE's words end with, in either case ("ı" and "İ" are equated with "i" by the regex engine)
_BASE_ENDS = frozenset("%nNiIıİgGtToO")
# "ước tăng 8,5%": the mood word right before a change word
_ESTIMATED = re.compile(r"(?<!\w)(?:ước(?:\s+tính)?|dự\s+kiến)\s*$", re.IGNORECASE)
# "công tác bảo đảm trật tự", "nhằm đảm bảo": a target word used as a noun or a purpose
_NOT_AN_AIM = re.compile(r"(?<!\w)(?:công\s+tác|nhằm|để|việc|góp\s+phần)\s*$", re.IGNORECASE)
# a bare percentage reached: "đạt 64,4%", "tương đương 71%", "giải ngân trên 60%"
_REACHED_BEFORE = re.compile(
    r"(?=[đbtg])(?<!\w)(?:đạt|bằng|tương\s+đương|giải\s+ngân(?:\s+đạt)?)"
    r"(?:\s+(?:khoảng|gần|hơn|trên|dưới|xấp\s+xỉ))?\s*$",
    re.IGNORECASE,
)
_DISBURSED = re.compile(
    r"giải\s+ngân(?:\s+(?:đạt|được))?(?:\s+(?:khoảng|gần|hơn|trên|dưới|xấp\s+xỉ))?\s*$", re.IGNORECASE
)
# "Giải ngân vốn đầu tư công 10 tháng đạt 61%": what is disbursed is measured against its plan
_DISBURSING = re.compile(r"(?=g)(?<!\w)giải\s+ngân(?!\w)[^%;]*$", re.IGNORECASE)
_PLANNED = re.compile(
    r"(?=[kdđcg])(?<!\w)(?:kế\s+hoạch|dự\s+toán|được\s+giao|chỉ\s+tiêu|giải\s+ngân)(?!\w)", re.IGNORECASE
)
# "dự kiến" in the figure's own clause, for the current period, forecasts it: an estimate
_FORECAST = re.compile(r"dự\s+kiến", re.IGNORECASE)
_RATE = re.compile(r"(?=t)(?<!\w)t[ỷỉ]\s+lệ(?!\w)", re.IGNORECASE)
RATIO_UNITS = ("percent", "times")
_DIGIT = re.compile(r"\d")
_WORD_NEXT = re.compile(r"\s*[^\W\d]")  # a word (not a number) right after the figure
_SPACED_WORD = re.compile(r"\s+\w")


@dataclass(slots=True)  # not frozen: built once per figure, and a frozen one is ~4x slower to build
class KindContext:
    """Where a figure stands: offsets of the figure, its clause, segment and sentence."""

    text: str
    fig: tuple[int, int]
    clause: tuple[int, int]
    segment: tuple[int, int]
    sentence: tuple[int, int]
    unit: str
    indicator: str
    target_carry: bool = False  # the paragraph so far reports targets
    future: bool = False  # the figure's period lies after the publication year


def _just_before(ctx: KindContext) -> Cue | None:
    """The nearest "just_before" word of the clause with nothing but _JUST_GAP before the figure
    (the words found as matches, nearest first: a Cue is built only for the one taken)."""
    text, fig_start = ctx.text, ctx.fig[0]
    words = kind_cues()["just_before"]
    for m in reversed(list(words.pattern.finditer(text, ctx.clause[0], fig_start))):
        if _JUST_GAP.match(text, m.end(), fig_start):
            return words._cue(m)
    return None


def _after(ctx: KindContext) -> Cue | None:
    cue = kind_cues()["after"].first(ctx.text, ctx.fig[1], ctx.clause[1])
    return cue if cue is not None and _AFTER_GAP.fullmatch(ctx.text[ctx.fig[1] : cue.start]) else None


def _mood(ctx: KindContext) -> Cue | None:
    """The nearest target/estimate/actual word before the figure's number ("ước đạt 8,72%")."""
    text, fig_start = ctx.text, ctx.fig[0]
    digit = _DIGIT.search(text, fig_start, ctx.fig[1])
    upto = digit.start() if digit else fig_start
    # a plain "đạt" closes an estimate made earlier in the sentence ("… ước đạt 44.280 tỷ đồng;
    # thu ngân sách đạt 1.455 tỷ đồng"), but not a target ("mục tiêu tổng thu đạt 30.000 tỷ")
    plain_after: Cue | None = None
    # the nearest first; the words that do not speak of the figure left out
    for c, no_aim in reversed(_moods_before(text, ctx.segment, ctx.sentence, upto)):
        if no_aim or _in_closed_brackets(text, c, fig_start):
            continue
        if c.value == "plain":
            plain_after = plain_after or c  # the "đạt" nearest the figure
            continue
        if c.value == "estimate" and plain_after is not None and _BREAK_OR_FIGURE.search(
            text, c.end, plain_after.start
        ):
            return None
        return c
    return None


def _moods_before(
    text: str, segment: tuple[int, int], sentence: tuple[int, int], upto: int
) -> list[tuple[Cue, bool]]:
    """The "segment" and "sentence" kind words before ``upto`` (:func:`_cues_before`), nearest
    last (by end, then length), each with whether it is a target word that names no aim
    (:func:`_names_no_aim`); from the figures' shared scans (:func:`_moods_in`) when both scans
    may be cut at ``upto``."""
    cut = _cut_at(text, segment, upto) and _cut_at(text, sentence, upto)
    if cut and _words_end_in_letters()["segment"] and _words_end_in_letters()["sentence"]:
        return [pair for pair in _moods_in(text, segment, sentence) if pair[0].start < upto]
    cues = _cues_before(text, "segment", segment, upto) + _cues_before(text, "sentence", sentence, upto)
    cues.sort(key=_end_then_length)
    return [(c, _names_no_aim(text, c)) for c in cues]


@lru_cache(maxsize=32)
def _moods_in(text: str, segment: tuple[int, int], sentence: tuple[int, int]) -> list[tuple[Cue, bool]]:
    """:func:`_moods_before` of the whole segment and sentence (cached: a sentence holds several
    figures; a stable sort, so cutting the list keeps the order of the cut lists sorted)."""
    cues = _scanned(text, "segment", *segment) + _scanned(text, "sentence", *sentence)
    cues.sort(key=_end_then_length)
    return [(c, _names_no_aim(text, c)) for c in cues]


def _end_then_length(cue: Cue) -> tuple[int, int]:
    return cue.end, cue.end - cue.start


def _names_no_aim(text: str, cue: Cue) -> bool:
    """A target word used as a noun or a purpose ("công tác bảo đảm", "nhằm đảm bảo") or as the
    noun of a count ("17/19 chỉ tiêu")."""
    if cue.value != "target":
        return False
    lo = max(0, cue.start - 12)
    at = cue.start
    return _NOT_AN_AIM.search(text, lo, at) is not None or _COUNTED.search(text, lo, at) is not None


def _cut_at(text: str, stretch: tuple[int, int], upto: int) -> bool:
    """May a scan of ``stretch`` be cut at ``upto`` (see :func:`_cues_before`)?"""
    start, end = stretch
    return (
        start <= upto <= end
        and upto < len(text)
        and text[upto].isdecimal()
        and (upto == start or not (text[upto - 1].isalnum() or text[upto - 1] == "_"))
    )


def _cues_before(text: str, place: str, stretch: tuple[int, int], upto: int) -> list[Cue]:
    """The kind words of ``place`` in ``[stretch[0], upto)`` (the "sentence" words that are not the
    base of a figure, :func:`_is_a_base`), from one scan of the whole stretch, which the figures of a
    sentence share, when ``upto`` is a digit after a character no word ends with: no word holds a
    digit, so a scan of the stretch finds there what one that stops at ``upto`` finds."""
    start, end = stretch
    if _cut_at(text, stretch, upto) and _words_end_in_letters()[place]:
        cues = _scanned(text, place, start, end)
        return cues[: bisect_left(cues, upto, key=_cue_start)]
    return _scanned.__wrapped__(text, place, start, upto)


@lru_cache(maxsize=32)
def _scanned(text: str, place: str, start: int, end: int) -> list[Cue]:
    """The kind words of ``place`` in ``[start, end)`` (cached: a sentence holds several figures)."""
    cues = kind_cues()[place].find(text, start, end)
    return [c for c in cues if not _is_a_base(text, c)] if place == "sentence" else cues


@cache
def _words_end_in_letters() -> dict[str, bool]:
    """Per place: do its kind words hold no digit and end in a letter (see :func:`_cues_before`)?"""
    def fits(phrase: str) -> bool:
        return not any(c.isdecimal() for c in phrase) and (phrase[-1].isalnum() or phrase[-1] == "_")

    return {place: all(map(fits, cues.phrases)) for place, cues in kind_cues().items()}


def _cue_start(cue: Cue) -> int:
    return cue.start


_BREAK_OR_FIGURE = re.compile(r"[\d,;:.()]")
# "hoàn thành 17/19 chỉ tiêu chủ yếu": a target word that is the noun of a count is no mood
_COUNTED = re.compile(r"(?<![\w.,/])(?!(?:19|20)\d\d\s*$)\d+(?:[.,/]\d+)*\s*$")


def _is_a_base(text: str, cue: Cue) -> bool:
    """ "bằng 34% kế hoạch năm", "vượt kế hoạch đề ra": the plan is what a figure is measured against.

    (_BASE_BEFORE can only match where the window's last character before its trailing white space
    is one its words end with, which the few cues after such a word pass on to the regex.)"""
    lo = cue.start - BASE_WINDOW if cue.start > BASE_WINDOW else 0
    before = text[lo : cue.start].rstrip()
    return bool(before) and before[-1] in _BASE_ENDS and _BASE_BEFORE.search(text, lo, cue.start) is not None


def _in_closed_brackets(text: str, cue: Cue, fig_start: int) -> bool:
    """A word inside "( … )" that closes before the figure does not speak about it."""
    if text.find(")", cue.end, fig_start) == -1:  # the short look first: most figures have no ")" before them
        return False
    return text.rfind("(", 0, cue.start) > text.rfind(")", 0, cue.start)


def kind_of(ctx: KindContext, rank: bool = False) -> tuple[str, int]:
    """The figure's kind and its sign (-1 for a fall); ``rank`` for "đứng thứ 12"."""
    if rank:
        return "rank", 1
    ratio = ctx.unit in RATIO_UNITS
    just = _just_before(ctx)
    after = _after(ctx) if ratio else None
    jk = just.value if just else None
    ak = after.value if after else None
    mood = _mood(ctx)
    before = ctx.text[ctx.clause[0] : ctx.fig[0]]
    # "giao chỉ tiêu … cho 48 người": the figure counts who receives the targets, not a target
    handed_out = mood is not None and "giao" in mood.text.lower() and _RECIPIENT.search(before) is not None
    targeted = mood is not None and mood.value == "target" and not handed_out
    sign = -1 if jk == "change_down" else 1
    if jk == "rank":
        return "rank", 1
    if jk == "share_of_total" or ak == "share_of_total":
        return "share_of_total", 1
    if (mood is not None and targeted and _FORECAST.fullmatch(mood.text) and mood.start >= ctx.clause[0]
            and not ctx.future):
        return "estimate", sign  # "kinh phí dự kiến 15 tỷ đồng", "dự kiến cả năm thu … đạt …"
    if targeted:
        return "target", sign
    if ak == "share_of_plan":
        return "share_of_plan", 1
    if jk in ("change", "change_down"):
        estimated = just is not None and _ESTIMATED.search(ctx.text, max(0, just.start - 12), just.start)
        return ("estimate" if estimated else "change"), sign
    if ak == "change" and jk != "level":
        return "change", 1
    if mood is not None and mood.value == "estimate":
        return "estimate", 1
    if mood is not None and mood.value == "share_of_total" and ctx.unit == "percent":
        return "share_of_total", 1
    if ratio and _of_a_plan(ctx, before):
        return "share_of_plan", 1
    if mood is None and (ctx.target_carry or ctx.future):
        return "target", 1
    if jk == "level":
        return "actual", 1
    if ctx.unit == "percent" and _shares_a_noun(ctx):
        return "share_of_total", 1
    if ctx.unit == "percent" and ctx.indicator == "other" and _RATE.search(before):
        return "share_of_total", 1
    return "actual", 1


def _of_a_plan(ctx: KindContext, before: str) -> bool:
    """ "(được giao kế hoạch vốn 1.125 tỷ đồng, …) đạt 64,4%", "giải ngân trên 60%": a share of the plan."""
    if not _REACHED_BEFORE.search(before) or _WORD_NEXT.match(ctx.text, ctx.fig[1], ctx.clause[1]):
        return False  # "đạt 70% diện tích quy hoạch": a share of the noun that follows
    if _RATE.search(before):
        return False  # "tỷ lệ tiêm chủng đạt 98%": a rate reached
    if _DISBURSED.search(before) or _DISBURSING.search(before):
        return True
    return _PLANNED.search(ctx.text, ctx.sentence[0], ctx.clause[0]) is not None


def _shares_a_noun(ctx: KindContext) -> bool:
    """ "100% trường học đạt chuẩn": a percentage followed by the noun it is a share of."""
    if not _SPACED_WORD.match(ctx.text, ctx.fig[1], ctx.clause[1]):
        return False
    return not _NOT_A_NOUN.match(ctx.text[ctx.fig[1] : ctx.clause[1]])
