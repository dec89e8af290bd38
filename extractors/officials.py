"""Officials: named people holding a post, with ``title`` (the post as written, expanded) and ``unit``.

Rules, in the order they are tried for each person name:

1. a title written right before the name: "Bí thư Tỉnh ủy Hoàng Thị Thúy Lan",
   "Đ.c Phó Bí thư thường trực Thành ủy Nguyễn Hoài Nam", "nguyên Chủ tịch UBND tỉnh Lê Văn A";
2. a title written right after it: "đồng chí Phạm Hoàng Anh, Phó Bí thư Thường trực Tỉnh ủy";
3. the heading of a list: "các đồng chí Phó Chủ tịch UBND tỉnh: Nguyễn Văn A, Trần Văn B".

A title is a chain of posts (``resources/titles.csv``), each optionally followed by the unit it
belongs to (the ``units`` stage's spans), joined by commas. A person name is a run of capitalised
syllables that starts with a family name (``resources/surnames.txt``) and is neither a unit nor a
place. A name with no post is not an official, so bylines ("Lê Sơn") and photo credits
("Ảnh: Trà Hương") fall out; short later references ("ông Văn") are not listed, as in the gold.

Where the rules are unsure — a post in its usual place next to a run of title-case words that
does not start with a listed family name ("Bà H'Yim Kđoh, Phó Chủ tịch HĐND tỉnh"), or title-case
words written right before a name they found ("Ông Mông Văn Tân": the rule takes "Văn Tân") —
the NER model tags just that sentence (:mod:`extractors.unsure_names`), and the run is a name
when a PER span covers it. Articles without such a run never load the model; ``USE_NER = False``
(or ``extract(article, use_ner=False)``) keeps to the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from extractors.datafiles import read_csv
from extractors.places import Place, PlaceMention, find_places, lookup
from extractors.unit_patterns import LEVEL_WORD, expand_in, fold, head_regex, surnames
from extractors.units import extract as extract_units
from extractors.unsure_names import (
    LOWER_LETTERS,
    after_level_word,
    char_class,
    is_titlecase,
    mask,
    ner_people,
    not_a_name,
    unsure_runs,
    words_before,
)
from pipeline.article import Article, Span

SYLLABLE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # "K'Ré" is one syllable of "Điểu K'Ré"
# the syllables of SYLLABLE.finditer that may be capitalised: those that do not begin lower case
# (the others only end a run of names, as the gap before the next one does)
# (common non-letters listed too: the engine finds them in the class's table before testing categories)
_NO_LETTERS = " \n\t,.;:()[]0123456789-–—“”\"'‘’…/%+"
assert re.fullmatch(r"[\W\d]*", _NO_LETTERS)  # listing them changes nothing
MAYBE_CAPITALISED = re.compile(  # the first letter first: the regex engine skips to it quickly
    rf"[^{re.escape(_NO_LETTERS)}\W\d_{char_class(LOWER_LETTERS)}](?<![^\W\d_].)(?<![^\W\d_]['’].)"
    r"[^\W\d_]*(?:['’][^\W\d_]+)*"
)
# two or more of them joined by single spaces: a lone one is never a name
MAYBE_CAPITALISED_RUN = re.compile(rf"{MAYBE_CAPITALISED.pattern}(?: {MAYBE_CAPITALISED.pattern})+")
MAX_NAME = 5
Name = tuple[int, int]  # where a name is written: (start, end)
USE_NER = True  # consult the NER model where the rules are unsure
# what may stand between a title and the name after it: "Bí thư Tỉnh ủy, đồng chí Nguyễn A"
TITLE_TO_NAME = re.compile(r"(?:\s*,)?\s+(?:(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)\s+)?")
NAME_TO_TITLE = re.compile(
    r"\s*(?:,|-|–|\()\s*|\s+(?:được\s+(?:bầu|bổ nhiệm|điều động)\s+)?(?:giữ\s+chức(?:\s+vụ)?|làm)\s+"
)
CHAIN = re.compile(r"\s*,\s*(?:kiêm\s+)?|\s+kiêm\s+")
FORMER = re.compile(r"(?:nguyên|Nguyên)\s+")
FORMER_BEFORE = re.compile(r"(?:nguyên|Nguyên)\s+$")
SPACES = re.compile(r"\s+")
MAYBE_SPACES = re.compile(r"\s*")
NEEDS_UNIT = ("trưởng", "phó trưởng", "ủy viên")
MEMBERSHIP = ("ủy viên", "thành viên", "đại biểu")  # a seat in a body, not a post that leads it


@dataclass(frozen=True, slots=True)
class Title:
    start: int
    end: int
    unit: Span | None  # the body of the main post: the first that is not a bare membership
    rank_only: bool = False  # "Đại tá": a rank, not a post


@dataclass(frozen=True, slots=True)
class Context:
    """What the rules look at: the text, the units stage's spans and the places, by start offset."""

    text: str
    units: tuple[Span, ...]
    unit_at: dict[int, Span]
    place_at: dict[int, PlaceMention]
    unit_starts: tuple[int, ...] = ()  # sorted
    titles: dict[int, Title | None] = field(default_factory=dict, compare=False, repr=False)  # parsed
    titles_before: dict[int, Title | None] = field(default_factory=dict, compare=False, repr=False)
    places_named: dict[str, list[Place]] = field(default_factory=dict, compare=False, repr=False)  # lookups

    def lookup(self, written: str) -> list[Place]:  # extractors.places.lookup, once per name written
        if written not in self.places_named:
            self.places_named[written] = lookup(written)
        return self.places_named[written]

    @classmethod
    def of(cls, text: str, units: list[Span], places: list[PlaceMention]) -> Context:
        return cls(
            text, tuple(units), {u.start: u for u in units}, {p.start: p for p in places},
            tuple(sorted(u.start for u in units)),
        )

    def unit_starts_within(self, start: int, end: int) -> bool:
        """Whether a unit starts strictly between ``start`` and ``end``."""
        i = bisect_right(self.unit_starts, start)
        return i < len(self.unit_starts) and self.unit_starts[i] < end


@cache
def ranks() -> frozenset[str]:
    rows = read_csv("titles.csv", ("post", "kind"))
    return frozenset(r["post"].casefold() for r in rows if r["kind"] == "rank")


@cache
def title_to_name() -> re.Pattern[str]:
    """What may stand between a post and the name after it: "đồng chí", "ông", a rank
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Đại tá Ngô Văn Tuấn")."""
    rank = "|".join(sorted((re.escape(r[:1].upper() + r[1:]) for r in ranks()), key=len, reverse=True))
    return re.compile(TITLE_TO_NAME.pattern + rf"(?:(?:{rank})\s+)?")


@cache
def post_regex() -> re.Pattern[str]:
    posts = sorted((r["post"] for r in read_csv("titles.csv", ("post", "kind"))), key=len, reverse=True)

    def first_letter(post: str) -> str:
        return f"[{post[0].upper()}{post[0].lower()}]"

    def either_case(post: str) -> str:
        return r"\s+".join(first_letter(w) + re.escape(w[1:]) for w in post.split())

    # the posts grouped by their first letter, each group in the order above, behind a class of
    # all first letters: the regex engine skips to those, then tries only one group
    groups: dict[str, list[str]] = {}
    for post in posts:
        groups.setdefault(first_letter(post), []).append(either_case(post)[len(first_letter(post)) :])
    letters = [set(first[1:-1]) for first in groups]
    if sum(map(len, letters)) != len(set().union(*letters)):  # a letter in two groups: keep the order
        return re.compile(r"(?<!\w)(?:" + "|".join(either_case(p) for p in posts) + r")(?!\w)")
    alts = "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in groups.items())
    return re.compile(rf"[{''.join(sorted(set().union(*letters)))}](?<!\w.)(?:{alts})(?!\w)")


@lru_cache(maxsize=8)
def capitalised_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Where :data:`MAYBE_CAPITALISED_RUN` matches: every run of two or more syllables that may be
    capitalised, joined by single spaces, as long as it goes (cached: names and unsure runs are in these)."""
    return tuple(map(re.Match.span, MAYBE_CAPITALISED_RUN.finditer(text)))


def find_names(text: str, blocked: list[tuple[int, int]], inside: bytearray | None = None) -> list[Name]:
    """Person-name candidates: capitalised syllables from a family name, outside ``blocked`` spans
    (``inside``: their :func:`extractors.unsure_names.mask`, when the caller has it)."""
    inside = mask(text, blocked) if inside is None else inside
    out: list[tuple[int, int]] = []
    family_names = surnames()
    for a, b in capitalised_runs(text):
        # the run's syllables, joined by single spaces (those MAYBE_CAPITALISED finds in it)
        words = text[a:b].split(" ")
        if family_names.isdisjoint(words[:-1]):
            continue  # a name is a family name and more: no syllable but the last of the run begins one
        pos, count, first_family, end = a, 0, -1, a  # a group: title-case syllables outside ``blocked``
        for word in (*words, ""):
            if is_titlecase(word) and not inside[pos]:  # not "中" nor "ǅa"
                if first_family < 0 and word in family_names:
                    first_family, count = pos, 0
                count += 1
                end = pos + len(word)
            else:
                if first_family >= 0 and 2 <= count <= MAX_NAME:
                    out.append((first_family, end))
                first_family, count = -1, 0
            pos += len(word) + 1
    return out


def parse_title(ctx: Context, pos: int) -> Title | None:
    """A chain of posts starting at ``pos``: "Ủy viên BTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh".

    Remembered in ``ctx``: the titles of names written close together are looked for from the
    same posts."""
    if pos not in ctx.titles:
        ctx.titles[pos] = _parse_title(ctx, pos)
    return ctx.titles[pos]


def _parse_title(ctx: Context, pos: int) -> Title | None:
    text = ctx.text
    end, unit, first, rank_only = pos, None, True, True
    bodies: list[tuple[str, Span]] = []  # each post with its body, in order
    while True:
        at = end
        if not first:
            sep = CHAIN.match(text, end)
            if not sep:
                break
            at = sep.end()
        former = FORMER.match(text, at)
        post = post_regex().match(text, former.end() if former else at)
        is_rank = post is not None and SPACES.sub(" ", post.group()).casefold() in ranks()
        if not post or (not first and is_rank):
            break  # "Giám đốc Công an tỉnh, Đại tá …": the rank goes with the name, not the chain
        (post_start, post_end), post_unit = post.span(), unit
        gap = SPACES.match(text, post_end)
        after = ctx.unit_at.get(gap.end()) if gap else None
        within = (
            [u for u in ctx.units if post_start < u.start < post_end <= u.end]
            if ctx.unit_starts_within(post_start, post_end) else None
        )
        if within:  # "Ủy viên |Ban Thường vụ Tỉnh ủy|": the post's last words begin the unit
            post_end, post_unit = within[0].end, within[0]
        elif after is not None:
            post_end, post_unit = after.end, after
        elif gap and (head := head_regex().match(text, gap.end())):
            post_end = head.end()  # a body the units stage left out: "Bí thư Đảng ủy, Chủ tịch …"
        elif level := LEVEL_WORD.match(text, post_end):  # "Chủ tịch xã Tề Lỗ", "Trưởng đoàn ĐBQH tỉnh"
            space = MAYBE_SPACES.match(text, level.end())
            place = ctx.place_at.get(space.end()) if space else None
            post_end = place.end if place is not None else level.end()
        elif post.group().casefold() in NEEDS_UNIT:
            break  # "Trưởng" alone is not a post
        rank_only = rank_only and is_rank
        if post_unit is not None and post_unit is not unit:
            bodies.append((post.group(), post_unit))
        end, unit, first = post_end, post_unit, False
    return None if first else Title(pos, end, main_body(bodies) or unit, rank_only)


def main_body(bodies: list[tuple[str, Span]]) -> Span | None:
    """ "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh" -> Tỉnh ủy: the body of the
    first post that is not a bare membership ("Ủy viên …"), else of the first post."""
    posts = [unit for post, unit in bodies if not post.casefold().startswith(MEMBERSHIP)]
    if posts:
        return posts[0]
    return bodies[0][1] if bodies else None


def title_before(ctx: Context, name_start: int) -> Title | None:
    """The title chain that ends right before the name (the earliest start that reaches it).

    Remembered in ``ctx``: the names of a list look for the title of the list before its colon."""
    if name_start not in ctx.titles_before:
        ctx.titles_before[name_start] = _title_before(ctx, name_start)
    return ctx.titles_before[name_start]


def _title_before(ctx: Context, name_start: int) -> Title | None:
    text = ctx.text
    line_start = text.rfind("\n", 0, name_start) + 1
    window_start = max(name_start - 160, line_start)
    # a title ends in a word character, "." or "-"/"&" (a unit's token), then title_to_name: not "…; |Ngô"
    last = text[window_start:name_start].rstrip()[-1:]
    if not (last.isalnum() or (last and last in "_.-&,")):
        return None
    for post in post_regex().finditer(text, window_start, name_start):
        start = post.start()
        former = FORMER_BEFORE.search(text[max(0, start - 8) : start])
        if former:
            start -= len(former.group())
        title = parse_title(ctx, start)
        if title is None:
            continue
        if title.end == name_start or title_to_name().fullmatch(text, title.end, name_start):
            return title
    return None


def title_after(ctx: Context, name_end: int) -> Title | None:
    sep = NAME_TO_TITLE.match(ctx.text, name_end)
    return parse_title(ctx, sep.end()) if sep else None


def title_of_list(ctx: Context, name_start: int) -> Title | None:
    """ "các đồng chí Phó Chủ tịch UBND tỉnh: Nguyễn A, Trần B": the heading before the colon."""
    text = ctx.text
    line_start = text.rfind("\n", 0, name_start) + 1
    colon = text.rfind(":", line_start, name_start)
    if colon < 0 or re.search(r"[.!?]", text[colon:name_start]):
        return None
    heading = title_before(ctx, colon)
    return heading if heading is not None and heading.end == colon else None


def title_for(ctx: Context, name: tuple[int, int]) -> Title | None:
    """The post written nearest the name; a rank alone gives way to a post on the other side."""
    before = title_before(ctx, name[0])
    if before is not None and not before.rank_only:
        return before
    return title_after(ctx, name[1]) or title_of_list(ctx, name[0])  # a rank alone is no post


Found = tuple[tuple[int, int], Title]


def match(text: str, units: list[Span], use_ner: bool = False,
          places: list[PlaceMention] | None = None) -> list[Found]:
    """Names with their title by the rules; with ``use_ner``, also unsure runs the NER model calls
    people. ``places``: those of ``text``, when the caller has them."""
    found, unsure = match_rules(text, units, with_unsure=use_ner, places=places)
    if unsure:  # else the model is neither loaded nor run
        people = set(ner_people(text, [run for run, _ in unsure]))
        accepted = [(run, title) for run, title in unsure if run in people]
        # a longer name replaces the part of it the rules took ("Mông |Văn Tân|")
        found = [f for f in found if not any(r[0] < f[0][1] and f[0][0] < r[1] for r, _ in accepted)]
        found += accepted
    return sorted(found, key=lambda f: f[0])


def match_rules(
    text: str, units: list[Span], with_unsure: bool = True, places: list[PlaceMention] | None = None
) -> tuple[list[Found], list[Found]]:
    """The names the rules are sure of, with their title, and (``with_unsure``) the unsure runs next
    to a post; ``places``: those of ``text``, when the caller has them."""
    places = find_places(text) if places is None else places
    ctx = Context.of(text, units, places)
    blocked = [(u.start, u.end) for u in units] + [(p.start, p.end) for p in places]
    inside = mask(text, blocked)  # (shared with unsure_candidates)
    found: list[Found] = []
    untitled = []
    namesakes = []
    for name in find_names(text, blocked, inside):
        if any(p.level == "province" for p in ctx.lookup(text[name[0] : name[1]])):
            namesakes.append(name)
            continue  # "Chủ tịch Hồ Chí Minh": the city's namesake, not a post-holder
        title = title_for(ctx, name)
        if title is not None:
            found.append((name, title))
        else:
            untitled.append(name)
    # a later mention of a full name already seen with a post ("bà Vi Thị Quyên đề nghị") keeps the
    # whole chain of posts written for it: that is the post written nearest to the name
    titled = {text[a:b]: t for (a, b), t in found}
    for a, b in untitled:
        if text[a:b] in titled and text[max(0, a - 6) : a].strip().casefold() != "ảnh:":
            found.append(((a, b), titled[text[a:b]]))
    unsure = unsure_candidates(ctx, blocked, found, namesakes, inside) if with_unsure else []
    return found, unsure


def unsure_candidates(ctx: Context, blocked: list[Name], found: list[Found], namesakes: list[Name],
                      inside: bytearray | None = None) -> list[Found]:
    """Where the rules are unsure, with the post they would give:

    - a run of title-case words next to a post, with no listed family name ("Bà |H'Yim Kđoh|, Phó
      Chủ tịch …") or only inside it ("Ông |Y Giang Gry Niê Knơng|, …", of which the rules took
      "Giang Gry Niê Knơng" but gave it no post);
    - a name the rules found, with the title-case words right before it ("Ông |Mông Văn Tân|, …",
      of which the rules took "Văn Tân"). ``inside``: the mask of ``blocked``, when the caller has it.
    """
    text = ctx.text
    out: list[Found] = []
    inside = mask(text, blocked) if inside is None else inside
    masked = mask(text, [*(n for n, _ in found), *namesakes], inside)
    for run in unsure_runs(text, masked, MAX_NAME, capitalised_runs(text)):
        written = text[run[0] : run[1]]
        if ctx.lookup(written) or not_a_name(written) or after_level_word(text, run[0]):
            continue
        title = title_for(ctx, run)
        if title is not None and not title.rank_only:
            out.append((run, title))
    for (start, end), title in found:
        longer = words_before(text, start, inside)
        written = text[longer:end]
        if longer == start or len(written.split()) > MAX_NAME or ctx.lookup(written) or not_a_name(written):
            continue
        out.append(((longer, end), title))
    return out


def build(article: Article, found: list[Found], text: str | None = None) -> list[Span]:
    """Spans of ``article``; titles are read from ``text`` (same length, new tone placement) when given."""
    text = article.text if text is None else text
    spans = []
    for (start, end), title in found:
        written = text[title.start : title.end]
        spans.append(article.span(
            start, end,
            title=expand_in(text, written),
            unit=title.unit.get("name") if title.unit is not None else None,
        ))
    return spans


def extract(article: Article, use_ner: bool | None = None) -> list[Span]:
    """Officials of ``article``; ``use_ner`` (default: the module's ``USE_NER``) adds the NER fallback."""
    units = article.get("units") if "units" in article.spans else extract_units(article)
    text = fold(article.text)  # "Uỷ viên" = "Ủy viên"
    # the places of ``text`` are those of the article's own text (see extractors.units.extract)
    places = find_places(article.text)
    return build(article, match(text, units, USE_NER if use_ner is None else use_ner, places), text)
