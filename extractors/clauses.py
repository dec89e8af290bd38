"""Clauses of a report sentence, and the cue phrases (indicator names, kind words) found in them.

Vietnamese reports pack several figures into one sentence: "thu ngân sách đạt gần 16.000 tỷ đồng,
trong đó thu nội địa đạt hơn 13.000 tỷ đồng; thu hút FDI đạt gần 360 triệu USD, tăng 60,5% so với
cùng kỳ, đạt 90% kế hoạch năm". :func:`split` cuts a sentence at ";", ":", brackets, ellipses and
", " into clauses, but never inside a cue phrase ("công nghiệp, xây dựng" is one sector) or a
figure. :func:`is_dependent` tells a clause that continues the previous one's subject ("tăng 60,5%
so với cùng kỳ", "đạt 90% kế hoạch năm", ") đạt 49%") from one that names its own. A line of
related-article headlines glued together by the page ("…tín dụngVĩnh Phúc: Hơn 1 tháng xử lý…",
"…đạt 61%Phường …") is cut into its headlines (:func:`headline_pieces`), each read as a sentence.

Cue phrases are data: ``resources/indicator_lexicon.csv`` (phrase → indicator code) and
``resources/indicator_kinds.csv`` (word → kind, with where it must stand relative to the figure).
:class:`CueSet` finds them on whole words, case-insensitively, the longest where two overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from extractors.datafiles import read_csv
from pipeline.sentences import line_of, line_sentences, sentences

LEXICON_FILE = "indicator_lexicon.csv"
KINDS_FILE = "indicator_kinds.csv"
KIND_PLACES = ("just_before", "after", "segment", "sentence")

GLUED_HEADLINE_SPAN = 30  # how far after the glue the next headline's "Place:" colon may stand
GLUE_ENDS = "%\"”')"  # what a glued headline may end with besides a letter or digit
FIGURE_LINES_SHARE = 3  # the lines with figures are split alone when under a third of the text
_UPPER = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
_GLUE_CANDIDATE = re.compile(rf"(?=([^\W_]|(?<=\S)[{re.escape(GLUE_ENDS)}])[{_UPPER}])")
_BAR = re.compile(r"\s+\|\s+")
# "Trong công tác bảo đảm trật tự an toàn giao thông, …": a topic named for the whole sentence
_TOPIC = re.compile(
    r"(?:trong\s+(?:công\s+tác|lĩnh\s+vực)|về|đối\s+với|(?:ở\s+)?lĩnh\s+vực|công\s+tác)(?!\w)", re.IGNORECASE
)
# where a clause ends: the break itself is not part of either clause
_BREAK = re.compile(r"\s*(?:;|:|\(|\)|…|\.{3}|,(?=\s))\s*")
# _BREAK without the white space before it: every branch opens with a plain character (so "..."
# and not ".{3}"), and the regex engine jumps to the next of them instead of trying every place
_BREAK_MARK = re.compile(r"(?:;|:|\(|\)|…|\.\.\.|,(?=\s))\s*")
# the words a clause that continues the previous subject starts with
# what may open a clause before the verb that continues the subject: "(giải ngân … còn chậm,) đến hết
# tháng 9 mới đạt …", "đến nay đã đạt …", "(…; ) riêng tháng 11 đạt …"
_WHEN = (
    r"(?:nay|(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{4})?|tháng\s+\d{1,2}(?:/\d{4})?|quý\s+[IV1-4]+(?:/\d{4})?|"
    r"năm\s+\d{4})"
)
_LEAD = (
    rf"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?{_WHEN}\s+|riêng\s+(?:trong\s+)?{_WHEN}\s+)?"
    r"(?:(?:mới|chỉ|cũng|đã|vẫn|hiện|mới\s+chỉ)\s+)?"
)
DEPENDENT_START = re.compile(
    _LEAD + r"(?:và\s+|nhưng\s+|qua\s+đó\s+)?(?:tăng|giảm|bằng|đạt|chiếm|vượt|gấp|trong\s+đó|"
    r"ước\s+đạt|ước\s+tính|tương\s+đương|tương\s+ứng|so\s+với|còn|lên|xuống|là|đứng|xếp|"
    r"với|trị\s+giá|(?:tổng\s+)?(?:số\s+)?(?:vốn|tiền|kinh\s+phí)|số\s+thu|nâng)(?!\w)",
    re.IGNORECASE,
)

# "… 2.400 tỷ đồng cho 8.650 hộ": who the amount went to belongs with it
_FOR_WHOM = re.compile(r"\s*cho(?!\w)", re.IGNORECASE)
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
DEPENDENT_SEARCH = re.compile(r"(?<!\w)" + DEPENDENT_START.pattern[len(_LEAD) :], re.IGNORECASE)


# not frozen (nor hashable): a frozen dataclass sets each field through object.__setattr__, which
# makes building one ~4x slower, and ~75 cues are built per article
@dataclass(slots=True)
class Cue:
    start: int
    end: int
    value: str  # an indicator code, or a kind
    text: str
    count_only: bool = False  # names the indicator only as the noun of a count
    needs: re.Pattern[str] | None = None  # a word that must stand before it in its clause ("thành lập")

    def stands_in(self, text: str, clause: tuple[int, int]) -> bool:
        """Is the cue's condition met in its clause ("thành lập 1 tổ chức cơ sở Đảng", not "hiện có 74 …")?"""
        return self.needs is None or self.needs.search(text, clause[0], self.start) is not None


class CueSet:
    """Phrases mapped to values, found on whole words, longest first, not overlapping."""

    def __init__(
        self,
        pairs: Sequence[tuple[str, str]],
        count_only: Sequence[str] = (),
        needs: dict[str, str] | None = None,
    ) -> None:
        self.values = {_key(p): v for p, v in pairs}
        self.count_only = {_key(p) for p in count_only}
        self.needs = {
            _key(p): re.compile(rf"(?<!\w)(?:{'|'.join(map(_words, words.split('|')))})(?!\w)", re.IGNORECASE)
            for p, words in (needs or {}).items()
            if words
        }
        self.phrases = sorted({p for p, _ in pairs}, key=len, reverse=True)  # the longest is tried first
        self.pattern = re.compile(
            rf"{_opening(self.phrases)}(?<!\w)(?:{_alternation(self.phrases)})(?!\w)", re.IGNORECASE
        )
        # matched text -> (value, count_only, needs): the same few phrases recur in every article
        self._by_surface: dict[str, tuple[str, bool, re.Pattern[str] | None]] = {}

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
        end = len(text) if end is None else end
        return [self._cue(m) for m in self.pattern.finditer(text, start, end)]

    def first(self, text: str, start: int, end: int) -> Cue | None:
        """The first cue of :meth:`find` (found without looking for the others)."""
        m = self.pattern.search(text, start, end)
        return None if m is None else self._cue(m)

    def _cue(self, m: re.Match[str]) -> Cue:
        value, count_only, needs = self._about(m.group())
        return Cue(m.start(), m.end(), value, m.group(), count_only, needs)

    def _about(self, surface: str) -> tuple[str, bool, re.Pattern[str] | None]:
        about = self._by_surface.get(surface)
        if about is None:
            k = _key(surface)
            about = self._by_surface[surface] = (self.values[k], k in self.count_only, self.needs.get(k))
        return about


def _phrase_regex(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"\s+").replace(",", r"\s*,")


def _opening(phrases: Sequence[str]) -> str:
    """A lookahead for the first two characters the phrases can begin with: most places in a
    text begin none, and the regex engine rejects them with a test or two instead of entering the
    alternation. (A space in a phrase matches any white space, and "," may follow some.)"""
    if not phrases or min(map(len, phrases)) < 2:
        return ""
    firsts = {re.escape(p[0]) for p in phrases}
    seconds = set()
    for p in phrases:
        seconds |= {r"\s"} if p[1] == " " else {r"\s", ","} if p[1] == "," else {re.escape(p[1])}
    return f"(?=[{''.join(sorted(firsts))}][{''.join(sorted(seconds))}])"


def _alternation(phrases: Sequence[str]) -> str:
    """The phrases as one alternation, tried in the given order, with the phrases that begin with
    the same word behind that word ("thu(?:\\s+ngân\\s+sách|\\s+nội\\s+địa|…)"), and the words that
    begin with the same letter behind that letter, so that at each word the regex tests each first
    letter once instead of every phrase. Phrases with different first words cannot both match at
    one place, so the phrase found is the one plain ``a|b|…`` finds."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for phrase in phrases:
        head = re.match(r"\w+", phrase)
        word = head.group() if head else ""
        rest = _phrase_regex(phrase)[len(re.escape(word)) :]
        groups.setdefault(word.lower(), (word, []))[1].append(rest)
    by_letter: dict[str, tuple[str, list[str]]] = {}
    for word, rests in groups.values():
        words = by_letter.setdefault(word[:1].casefold(), (word[:1], []))[1]
        words.append(f"{re.escape(word[1:])}(?:{'|'.join(rests)})")
    return "|".join(f"{re.escape(letter)}(?:{'|'.join(words)})" for letter, words in by_letter.values())


def _words(phrase: str) -> str:
    return re.escape(phrase.strip()).replace(r"\ ", r"\s+")


def _key(phrase: str) -> str:
    return re.sub(r"\s*,\s*", ", ", re.sub(r"\s+", " ", phrase)).casefold()


def matches_at_words(pattern: re.Pattern[str], words: Sequence[str], text: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a case-insensitive ``pattern`` whose every match begins
    with one of ``words``, found faster: the pattern is tried only where the first two letters of
    a word stand, each in lower or upper case, not at every character. (The words' first two
    letters must be ones the regex engine equates with no other letter, as it equates "i" with "ı".)"""
    starts = set()
    for word in words:
        firsts = (word[0].lower(), word[0].upper())
        for second in {word[1].lower(), word[1].upper()}:
            at = text.find(second, 1)
            while at >= 0:
                if text[at - 1] in firsts:
                    starts.add(at - 1)
                at = text.find(second, at + 1)
    out: list[re.Match[str]] = []
    pos = 0
    for at in sorted(starts):
        if at >= pos and (m := pattern.match(text, at)) is not None:
            out.append(m)
            pos = m.end()
    return out


@cache
def lexicon() -> CueSet:
    rows = read_csv(LEXICON_FILE, ("code", "cue", "as"))
    bad = [r for r in rows if r["as"] not in ("any", "count")]
    if bad:
        raise ValueError(f"{LEXICON_FILE}: 'as' must be any or count in {bad[0]}")
    return CueSet(
        [(r["cue"], r["code"]) for r in rows],
        [r["cue"] for r in rows if r["as"] == "count"],
        {r["cue"]: r.get("needs", "") for r in rows},
    )


@cache
def kind_cues() -> dict[str, CueSet]:
    """One cue set per place a kind word may stand ("just_before", "after", …)."""
    rows = read_csv(KINDS_FILE, ("cue", "kind", "where"))
    bad = [r for r in rows if r["where"] not in KIND_PLACES]
    if bad:
        raise ValueError(f"{KINDS_FILE}: unknown 'where' in {bad[0]}")
    return {w: CueSet([(r["cue"], r["kind"]) for r in rows if r["where"] == w]) for w in KIND_PLACES}


def split(text: str, start: int, end: int, keep: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]`` as offsets; no break falls inside a ``keep`` span."""
    out: list[tuple[int, int]] = []
    cut = start
    # a break falls inside a kept span when one that starts before the break ends reaches past
    # its start: the furthest end among the spans that start before each place, by bisection
    spans = sorted(keep)
    starts = [x for x, _ in spans]
    reach = list(accumulate((y for _, y in spans), max))
    for a, b in _breaks(text, start, end):
        before = bisect_left(starts, b)
        if before and reach[before - 1] > a:
            continue
        _emit(text, cut, a, out)
        cut = b
    _emit(text, cut, end, out)
    return out


def _breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``_BREAK.finditer(text, start, end)``: each break character found by
    ``_BREAK_MARK``, with the white space before it back to the previous break (or ``start``)."""
    out = []
    pos = start
    for m in _BREAK_MARK.finditer(text, start, end):
        a = m.start()
        while a > pos and text[a - 1].isspace():
            a -= 1
        out.append((a, m.end()))
        pos = m.end()
    return out


def _emit(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def ends_with_before(text: str, pos: int, char: str) -> bool:
    """Is ``char`` the last non-space character before ``pos`` (``text[:pos].rstrip().endswith(char)``
    without copying the text)?"""
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1] == char


def is_dependent(text: str, clause: tuple[int, int]) -> bool:
    """Does the clause continue the previous clause's subject ("tăng 7,7% so với cùng kỳ")?"""
    return DEPENDENT_START.match(text, clause[0], clause[1]) is not None


def continues(text: str, stretch: tuple[int, int]) -> bool:
    """Does the stretch after an earlier figure go on about the same thing ("… 64 dự án FDI với
    tổng vốn đăng ký 1.046 triệu USD"), rather than start another ("… và nghị quyết về mức hỗ trợ")?"""
    return (
        DEPENDENT_SEARCH.search(text, stretch[0], stretch[1]) is not None
        or _FOR_WHOM.match(text, stretch[0], stretch[1]) is not None
    )


def segment_of(text: str, sentence: tuple[int, int], pos: int) -> tuple[int, int]:
    """The part of the sentence between the semicolons around ``pos``."""
    a = text.rfind(";", sentence[0], pos)
    b = text.find(";", pos, sentence[1])
    return (sentence[0] if a < 0 else a + 1, sentence[1] if b < 0 else b)


def glues(sentence: str) -> list[int]:
    """Where one headline runs into the next with no space ("…tín dụngVĩnh Phúc", "…đạt 61%Phường")
    or after a bar ("… quý III/2024 | Tam Dương: …")."""
    glued = [
        m.start() + 1
        for m in _GLUE_CANDIDATE.finditer(sentence)
        if m[1].islower() or m[1].isdigit() or m[1] in GLUE_ENDS
    ]
    return sorted(glued + [m.end() for m in _BAR.finditer(sentence)])


def is_headline_run(sentence: str) -> bool:
    """Related-article headlines the page glued together ("…chính sáchVĩnh Phúc: Hơn 1 tháng xử lý…"):
    their figures belong to other articles, so this article's period does not apply to them.

    (A glue counts when a ":" follows it within GLUED_HEADLINE_SPAN characters, so the glues
    of :func:`glues` are looked for only in the stretch before each ":".)"""
    if ":" not in sentence:
        return False
    bars = _BAR.finditer(sentence) if "|" in sentence else ()
    if any(":" in sentence[m.end() : m.end() + GLUED_HEADLINE_SPAN] for m in bars):
        return True
    colon = sentence.find(":")
    while colon >= 0:
        for m in _GLUE_CANDIDATE.finditer(sentence, max(0, colon - GLUED_HEADLINE_SPAN), colon):
            if m[1].islower() or m[1].isdigit() or m[1] in GLUE_ENDS:
                return True
        colon = sentence.find(":", colon + 1)
    return False


def colon_lines(text: str) -> list[tuple[int, int]]:
    """The lines that hold a ":", the only ones a related-headline run can be in."""
    out = []
    at = text.find(":")
    while at >= 0:
        line = line_of(text, at)
        out.append(line)
        at = text.find(":", line[1])
    return out


def headline_runs(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences (of ``bounds``) that are runs of related headlines."""
    return [s for s in bounds if text.find(":", s[0], s[1]) >= 0 and is_headline_run(text[s[0] : s[1]])]


def figure_sentences(
    text: str, figure_starts: list[int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]] | None]:
    """The sentences of the lines that hold figures, the related-headline runs, and every sentence
    when the whole text was split. The figures' lines are split on their own when they are a small
    part of the text, and then only the other lines with a ":" where a run may be (a line that is
    no run as a whole holds no sentence that is one)."""
    lines: list[tuple[int, int]] = []
    for at in figure_starts:  # left to right
        if not lines or at > lines[-1][1]:
            lines.append(line_of(text, at))
    if sum(b - a for a, b in lines) * FIGURE_LINES_SHARE > len(text):
        every = sentences(text)
        return every, headline_runs(text, every), every
    colon = [line for line in colon_lines(text) if is_headline_run(text[line[0] : line[1]])]
    by_line = {line: line_sentences(text, line) for line in colon}
    runs = headline_runs(text, [sent for sents in by_line.values() for sent in sents])
    bounds = [sent for line in lines for sent in by_line.get(line) or line_sentences(text, line)]
    return bounds, runs, None


def headline_pieces(text: str, sent: tuple[int, int]) -> list[tuple[int, int]]:
    """The headlines of a related-headline run, each on its own."""
    line = text[sent[0] : sent[1]]
    cuts = [sent[0]] + [sent[0] + i for i in glues(line)] + [sent[1]]
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while b > a and text[b - 1] in " |":
            b -= 1
        if b > a:
            pieces.append((a, b))
    return pieces


def topic_of(
    text: str, first: tuple[int, int], fig_starts: list[int], cues: list[Cue]
) -> tuple[str, str] | None:
    """The indicator an opening "Trong công tác …, " / "Về …, " clause without a figure names."""
    if not _TOPIC.match(text, first[0], first[1]) or any(first[0] <= f < first[1] for f in fig_starts):
        return None
    named = [c for c in cues if first[0] <= c.start and c.end <= first[1] and c.value != "other"]
    return (named[-1].value, named[-1].text) if named else None


def named_before_bracket(text: str, clause: tuple[int, int], cues: list[Cue]) -> tuple[str, str] | None:
    """The indicator named right before the "(" that opens ``clause``, if any."""
    if not ends_with_before(text, clause[0], "("):
        return None
    for c in cues:
        if c.value != "other" and _OPEN_BRACKET.fullmatch(text, c.end, clause[0]):
            return c.value, c.text
    return None
