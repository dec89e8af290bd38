"""Where a body's name ends: named bodies ("Sở Tài chính"), described ones ("Ban Chỉ đạo … tỉnh"),
working groups ("Tổ công tác hỗ trợ nhà đầu tư") and companies ("Công ty Cổ phần …").

Used by :mod:`extractors.units`; the stop words are ``name_stop`` rows of ``resources/units.jsonl``.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import takewhile

from extractors.places import lookup
from extractors.unit_patterns import LEVEL_WORD, head_regex, surnames, words_of

TOKEN = re.compile(r"[^\W\d_]+|\d+|[-&]")
CONNECTORS = ("và", "-", "&")
_BLANKS = re.compile(r"[ \t]+")


def _tokens(text: str, pos: int, limit: int = 16) -> list[re.Match[str]]:
    """Word tokens from ``pos`` up to punctuation or a line break (at most ``limit``), each after
    blanks: where the run of them ends, one regex finds; the tokens are those of the run."""
    run = _token_run(limit).match(text, pos) if limit > 0 else None
    return list(TOKEN.finditer(text, pos, run.end())) if run else []


@cache
def _token_run(limit: int) -> re.Pattern[str]:
    """Up to ``limit`` tokens of :data:`TOKEN`, each after blanks."""
    return re.compile(rf"(?:{_BLANKS.pattern}(?:{TOKEN.pattern})){{1,{limit}}}")


def described_end(text: str, pos: int, limit: int = 14) -> int | None:
    """Lower-case words up to a level word: "Ban Chỉ đạo| các chương trình mục tiêu quốc gia| tỉnh"."""
    toks = _tokens(text, pos, limit=limit)
    for i, tok in enumerate(toks):
        if LEVEL_WORD.match(text, pos):
            return pos
        if not tok.group().islower() or (limit < 14 and _stops_name(text, toks, i)):
            return None
        pos = tok.end()
    return pos if LEVEL_WORD.match(text, pos) else None


def purpose_end(text: str, pos: int, limit: int = 8) -> int | None:
    """A working group's purpose in lower case, up to a level word or a one-word stop ("do", "đã",
    "tại"; a two-word verb stays inside: "Tổ công tác| hỗ trợ nhà đầu tư| do …"); None when empty."""
    toks = _tokens(text, pos, limit=limit)
    end = None
    for tok in toks:
        if LEVEL_WORD.match(text, tok.start() - 1) or not tok.group().islower():
            break
        if tok.group() in words_of("name_stop"):
            break
        end = tok.end()
    return end


def is_place(name: str, head_words: int) -> bool:
    """ "Hội An", "Trường Sa": a place whose name begins like a body."""
    words = name.split()
    for n in range(head_words + 1, min(len(words), 4) + 1):
        if not all(w[:1].isupper() for w in words[:n]):
            break
        if lookup(" ".join(words[:n])):
            return True
    return False


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word.isdigit()  # "Sông Đà 5"


def named_end(text: str, pos: int) -> int | None:
    """End of a body's name: capitalised words, each with at most one lower-case syllable ("Nhà báo")."""
    first = _FIRST_TOKEN.match(text, pos)
    if first is None or not (first.group(1)[:1].isupper() or first.group(1).isdigit()):
        return None  # the name begins with a capitalised word or a number, or there is none
    toks = _tokens(text, pos)
    end, lower_run = None, 0
    for i, tok in enumerate(toks):
        word = tok.group()
        if end is not None and _starts_person_name(toks, i):
            break  # "Giám đốc Sở Tài chính | Lê Minh Khôi"
        if word[:1].isupper() or (word.isdigit() and lower_run == 0):
            end, lower_run = tok.end(), 0
        elif word in CONNECTORS and i + 1 < len(toks) and _is_cap(toks[i + 1].group()) and end is not None:
            if head_regex().match(text, toks[i + 1].start()):
                break  # "Sở Xây dựng và | Ban Quản lý …": two bodies
            lower_run = 0
        elif end is not None and lower_run == 0 and not _stops_name(text, toks, i):
            end, lower_run = tok.end(), 1
        else:
            break
    return end


_FIRST_TOKEN = re.compile(rf"{_BLANKS.pattern}({TOKEN.pattern})")


def _starts_person_name(toks: list[re.Match[str]], i: int) -> bool:
    """Token i is a family name followed by one to four more title-case syllables."""
    if toks[i].group() not in surnames():
        return False
    run = len(list(takewhile(lambda t: t.group().istitle(), toks[i + 1 : i + 5])))
    return run >= 1 and not lookup(" ".join(t.group() for t in toks[i : i + 1 + run]))


def _stops_name(text: str, toks: list[re.Match[str]], i: int) -> bool:
    """Token i ends a name: a stop word ("đã", "tại") or the first syllable of a stop verb ("đầu tư")."""
    stops = words_of("name_stop")
    if toks[i].group() in stops:
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and text[toks[i].start() : nxt.end()] in stops


def enterprise_end(text: str, pos: int) -> int | None:
    """End of a company name: up to its last capitalised word before a stop word or punctuation."""
    toks = _tokens(text, pos)
    if not toks or not _is_cap(toks[0].group()):
        return None
    end = None
    for i, tok in enumerate(toks):
        word = tok.group()
        nxt_cap = i + 1 < len(toks) and _is_cap(toks[i + 1].group())
        if _stops_name(text, toks, i) and not (word in CONNECTORS and nxt_cap):
            break
        if word in CONNECTORS and nxt_cap and head_regex().match(text, toks[i + 1].start()):
            break  # "Công ty A và | Công ty B": two companies
        if i > 0 and word[:1].isupper() and head_regex().match(text, tok.start()):
            break  # "Công ty A đề nghị | UBND tỉnh": another body begins
        numbered = word.isdigit() and i > 0 and (toks[i - 1].end() == end or toks[i - 1].group() == "số")
        if word[:1].isupper() or numbered:  # a number only right after the name: "Sông Đà 5", "số 1"
            end = tok.end()
    return end
