"""Word tokens for the place gazetteer's scan: offsets and words, with a run-together "YênVĩnh"
(two headlines glued together by the page) cut in two; :class:`TokenReader` reads the same tokens
only where a name may stand, without cutting up the whole text, and :func:`capital_runs` finds
the words that begin with a capital by one split."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import accumulate, compress, count
from operator import itemgetter, not_
from typing import NamedTuple

WORD = re.compile(r"\w+")
NON_WORD = re.compile(r"(\W+)")  # what separates two words (kept by split)


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens; a run-together "YênVĩnh" (two headlines glued by the page) is split in two."""
    parts = NON_WORD.split(text)  # word, gap, word, …, word: the first and last may be empty
    offsets = list(accumulate(map(len, parts), initial=0))
    words = list(zip(offsets[0::2], offsets[1::2], parts[0::2], strict=True))
    if words and not words[-1][2]:
        del words[-1]
    if words and not words[0][2]:
        del words[0]
    if not _may_hold_glued(text, parts[0::2]):
        return words  # the common case: no word can hold two glued together (see _may_be_glued)
    out = []
    for start, end, word in words:
        if not _may_be_glued(word):
            out.append((start, end, word))
            continue
        cuts = [i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()]
        for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True):
            out.append((start + a, start + b, word[a:b]))
    return out


def _may_hold_glued(text: str, words: list[str]) -> bool:
    """Some word may be cut in two: it has a lower-case letter right before a capital (found by one
    scan of the text unless it holds characters beyond the Basic Multilingual Plane)."""
    if _ASTRAL.search(text) is None:
        return _lower_then_capital().search(text) is not None
    return any(len(w) > 2 and not (w[1:].islower() or w.isupper() or w.isdigit()) for w in words)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _lower_then_capital() -> re.Pattern[str]:
    """A lower-case letter then a capital, as ``str.islower``/``str.isupper`` tell them (classes of
    Basic Multilingual Plane characters: sre scans those as bitmaps)."""
    return re.compile(f"[{_word_chars_that('islower')}][{_word_chars_that('isupper')}]")


def _may_be_glued(word: str) -> bool:
    return not (len(word) < 3 or word[1:].islower() or word.isupper() or word.isdigit())


Token = tuple[int, int, str]  # start, end, word


class TokenReader:
    """The tokens of a text as :func:`tokens` cuts them, read only where asked: the capitalised
    ones found by one regex scan, then their neighbours one at a time. Texts with characters beyond
    the Basic Multilingual Plane (which the character classes leave out) are tokenised whole."""

    def __init__(self, text: str, cuts: list[int] | None = None) -> None:
        """A reader of ``text``; given ``cuts`` (what :meth:`_scan` would find: a text of the Basic
        Multilingual Plane), it finds the capitalised tokens only if asked."""
        self.text = text
        self.listed: list[Token] | None = None  # every token, for a text the classes do not cover
        self._reversed: str | None = None
        self._index: dict[int, int] = {}
        self._capitalised: list[Token] = []
        self._scanned = True  # _capitalised holds them all (a reader made by capital_runs: not yet)
        self.cuts: list[int] = []  # where a run-together "YênVĩnh" is cut (a capital after lower case)
        if cuts is not None:
            self.cuts, self._scanned = cuts, False
        elif beyond_the_bmp(text):
            self.listed = tokens(text)
            self._index = {t[0]: i for i, t in enumerate(self.listed)}
        else:
            self._scan()
        self._cut_set = frozenset(self.cuts)

    def _scan(self) -> None:
        """Finds the capitalised tokens and the cuts: every cut is a capital, and the first capital
        of a word begins a match of :func:`_capital_run` that runs to the word's end."""
        text, found = self.text, self._capitalised
        for m in _capital_run().finditer(text):
            start, word = m.start(), m.group()
            if start and ((c := text[start - 1]).isalnum() or c == "_"):
                self._inside_a_word(start, word)
            elif word[1:].islower() or word.isupper():  # the common case: nothing to cut
                found.append((start, start + len(word), word))
            else:
                self._inside_a_word(start, word, True)

    def _inside_a_word(self, start: int, word: str, begins: bool = False) -> None:
        """A capital run that does not begin a word unless ``begins`` (a cut before it when it
        follows a lower-case letter in a word of 3 or more), with any cuts inside it."""
        text = self.text
        if not begins and text[start - 1].islower() and (len(word) > 1 or (
                start > 1 and _is_word_char(text[start - 2]))):
            begins = True
            self.cuts.append(start)
        end = start + len(word)
        inner = [] if word[1:].islower() or word.isupper() else [
            c.end() - 1 for c in _lower_then_capital().finditer(text, start + 1, end)]
        self.cuts += inner
        starts = [start, *inner] if begins else inner
        ends = [*inner, end][-len(starts) :] if starts else []
        self._capitalised += [(a, b, text[a:b]) for a, b in zip(starts, ends, strict=True)]

    def capitalised_or_numbers_after(self, words: frozenset[str]) -> list[Token]:
        """The tokens that begin with a capital, and the numbers that follow a token which
        case-folds to one of ``words`` ("Phường 6"), in order."""
        if self.listed is not None:
            toks = self.listed
            return [t for i, t in enumerate(toks) if t[2][:1].isupper() or (
                t[2].isdigit() and i > 0 and toks[i - 1][2].casefold() in words)]
        if not self._scanned:  # the same cuts again, and the capitalised tokens
            self._capitalised, self.cuts, self._scanned = [], [], True
            self._scan()
        numbers = self.numbers_after(words)
        return sorted(self._capitalised + numbers) if numbers else self._capitalised

    def numbers_after(self, words: frozenset[str]) -> list[Token]:
        """The numbers that follow a token which case-folds to one of ``words``, in order."""
        numbers, last = [], len(self.text) - 1
        for m in _number_after_a_word_end(words).finditer(self._backwards()) if words else ():
            start = last - m.start()  # a word begins there (a gap comes before it)
            tok = self.token(start)
            if tok[2].isdigit() and (word := self.before(tok)) is not None and word[2].casefold() in words:
                numbers.append(tok)
        return numbers[::-1]

    def next_in_name(self, tok: Token, gap: re.Pattern[str]) -> Token | None:
        """The token after ``tok`` when ``gap`` matches all of what separates them and it begins
        with a capital or is a number (found by one regex match where the classes cover the text)."""
        if self.listed is None:
            m = _gap_then_capital_or_digit(gap.pattern).match(self.text, tok[1])
            nxt = None if m is None else self.token(m.start(1), m.end(1))
        elif (nxt := self.after(tok)) is not None and gap.fullmatch(self.text, tok[1], nxt[0]) is None:
            nxt = None
        return nxt if nxt is not None and (nxt[2][:1].isupper() or nxt[2].isdigit()) else None

    def _backwards(self) -> str:
        if self._reversed is None:
            self._reversed = self.text[::-1]
        return self._reversed

    def at(self, start: int) -> Token | None:
        """The token that begins at ``start``, if one does."""
        if self.listed is not None:
            i = self._index.get(start)
            return None if i is None else self.listed[i]
        if start in self._cut_set or (start < len(self.text) and _is_word_char(self.text[start]) and (
                not start or not _is_word_char(self.text[start - 1]))):
            return self.token(start)
        return None

    def after(self, tok: Token) -> Token | None:
        """The token after ``tok``."""
        if self.listed is not None:
            i = self._index[tok[0]] + 1
            return self.listed[i] if i < len(self.listed) else None
        if tok[1] in self._cut_set:
            return self.token(tok[1])
        m = WORD.search(self.text, tok[1])
        return None if m is None else self.token(m.start(), m.end())

    def before(self, tok: Token) -> Token | None:
        """The token before ``tok``."""
        if self.listed is not None:
            i = self._index[tok[0]]
            return self.listed[i - 1] if i else None
        # read backwards from tok (text[a:b] is backwards[n - b : n - a]): the gap, then the word
        n, backwards = len(self.text), self._backwards()
        cut = tok[0] in self._cut_set  # the piece before a cut, with no gap
        m = (WORD if cut else _GAP_THEN_WORD).match(backwards, n - tok[0])
        assert m is not None, "a cut follows a word, and the gap and word may both be empty"
        after_word, before_word = m.span(0 if cut else 1)
        if after_word == before_word and not cut:
            return None
        start, end = n - before_word, n - after_word
        if self.cuts:
            k = bisect_left(self.cuts, end) - 1
            if k >= 0 and self.cuts[k] > start:
                start = self.cuts[k]
        return start, end, self.text[start:end]

    def token(self, start: int, run_end: int = -1) -> Token:
        """The token from ``start`` (where one begins) to the end of its word (``run_end`` when
        known) or the next cut."""
        if run_end < 0:
            word = WORD.match(self.text, start)
            assert word is not None, "a token begins a word"
            run_end = word.end()
        if self.cuts:
            k = bisect_right(self.cuts, start)
            if k < len(self.cuts) and self.cuts[k] < run_end:
                run_end = self.cuts[k]
        return start, run_end, self.text[start:run_end]


_GAP_THEN_WORD = re.compile(r"\W*(\w*)")


class CapitalRuns(NamedTuple):
    """The capital runs of a text (what :meth:`TokenReader._scan` reads), found by one split."""

    reader: TokenReader  # a reader of the text, with its cuts
    starts: list[int]  # where each run begins
    words: list[str]  # each run: a capital and the rest of its word
    gaps: list[str]  # what follows each run, up to the next one (or the end of the text)
    odd: list[int]  # the runs that are not a token: inside a word, or cut up
    pieces: list[Token]  # the capitalised tokens of the odd runs, in order


def capital_runs(text: str) -> CapitalRuns:
    """The capital runs of a text of the Basic Multilingual Plane. Only the runs inside a word or
    of mixed case after their first letter (where a word may be cut) are read one by one."""
    reader = TokenReader(text, [])
    parts = _capital_run_kept().split(text)  # gap, run, gap, run, …, gap
    words, gaps = parts[1::2], parts[0::2]
    starts = list(accumulate(map(len, parts[:-1]), initial=0))[1::2]
    # what comes before each run ("" at the start of the text; a run ends a word, so a gap follows)
    before = (gaps[0][-1:] or " ") + "".join(map(itemgetter(-1), gaps[1:-1]))
    odd: list[int] = []
    pieces: list[Token] = []
    inside = {m.start() for m in _WORD_CHAR.finditer(before)} if words else set()
    if inside or not all(map(_one_case.__getitem__, words)):
        odd = sorted(inside.union(compress(count(), map(not_, map(_one_case.__getitem__, words)))))
        for k in odd:
            reader._inside_a_word(starts[k], words[k], k not in inside)
        reader._cut_set = frozenset(reader.cuts)
        pieces, reader._capitalised = reader._capitalised, []
    return CapitalRuns(reader, starts, words, gaps[1:], odd, pieces)


_WORD_CHAR = re.compile(r"\w")


class _OneCase(dict[str, bool]):
    """Capital run -> it is one case after its first letter (:meth:`TokenReader._scan` cuts no such
    run that begins a word); worked out once a run."""

    def __missing__(self, run: str) -> bool:
        one_case = run[1:].islower() or run.isupper()
        if len(self) < 100_000:
            self[run] = one_case
        return one_case


_one_case = _OneCase()


@cache
def _capital_run_kept() -> re.Pattern[str]:
    """:func:`_capital_run` as a group: split keeps the runs."""
    return re.compile(f"({_CAPITAL_RUN.format(_word_chars_that('isupper'))})")


def beyond_the_bmp(text: str) -> bool:
    """Some character of ``text`` lies beyond the Basic Multilingual Plane: UTF-16 takes two code
    units for it (a quicker test than a regex scan)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches (sre's test is ``str.isalnum`` or the underscore)."""
    return char.isalnum() or char == "_"


@cache
def word_chars() -> str:
    """Every character of the Basic Multilingual Plane that ``\\w`` matches (none of them needs
    escaping inside a character class)."""
    return "".join(WORD.findall("".join(map(chr, range(0x10000)))))


@cache
def _word_chars_that(test: str) -> str:
    """The word characters for which the str method ``test`` ("isupper", …) is true."""
    return "".join(filter(getattr(str, test), word_chars()))


@cache
def _capital_run() -> re.Pattern[str]:
    """A capital (as ``str.isupper`` tells it) and the rest of its word."""
    return re.compile(_CAPITAL_RUN.format(_word_chars_that("isupper")))


_CAPITAL_RUN = "[{}]\\w*"  # the capitals go in


@cache
def _number_after_a_word_end(words: frozenset[str]) -> re.Pattern[str]:
    """Read backwards (on the reversed text): a digit, a gap, then what may end with one of
    ``words`` as str.casefold compares them (a wider net, checked token by token; it holds when no
    letter of the Basic Multilingual Plane folds to more than one character within such a word)."""
    letters = set("".join(words))
    folding_to: dict[str, list[str]] = {}  # a letter of theirs -> the characters that case-fold to it
    folds_to_a_letter = map(letters.__contains__, map(str.casefold, word_chars()))
    for c in compress(word_chars(), folds_to_a_letter):  # (a C loop over the word characters)
        folding_to.setdefault(c.casefold(), []).append(c)
    backwards = "|".join("".join(f"[{''.join(folding_to[c])}]" for c in word[::-1]) for word in sorted(words))
    return re.compile(f"[{_word_chars_that('isdigit')}]\\W+(?:{backwards})")


@cache
def _gap_then_capital_or_digit(gap: str) -> re.Pattern[str]:
    """``gap`` (made of non-word characters: then it is all of what separates two tokens), then a
    word beginning with a capital or a digit."""
    firsts = _word_chars_that("isupper") + _word_chars_that("isdigit")
    return re.compile(f"(?:{gap})((?=[{firsts}])\\w+)")
