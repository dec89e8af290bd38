import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from extractors.issuers import SENTENCE_END, _sentence_start, _without_longer, leading_matches, matches_from

PATTERN = re.compile(r"(?<!\w)(?:Quyết\s+định|Nghị\s+quyết|Kế\s+hoạch|Kết\s+luận)(?!\w)", re.IGNORECASE)
FIRST_WORDS = ("quyết", "nghị", "kế", "kết")

# text, the matches (as written) leading_matches finds: those of PATTERN.finditer
TEXTS = [
    ("Theo Quyết định số 5 và Nghị quyết 18", ["Quyết định", "Nghị quyết"]),
    ("QUYẾT ĐỊNH số 12; kế  hoạch 3", ["QUYẾT ĐỊNH", "kế  hoạch"]),
    ("Kết luận, Kế hoạch và Kết luận", ["Kết luận", "Kế hoạch", "Kết luận"]),
    ("xQuyết định, Quyết địnhx, Nghị quyết", ["Nghị quyết"]),  # whole words only
    ("İ Quyết định", ["Quyết định"]),  # lower-casing changes the length: the whole text is scanned
    ("\U0001d400 Kế hoạch", ["Kế hoạch"]),  # a character beyond the BMP: likewise
    ("Không có văn bản nào", []),
]


@pytest.mark.parametrize(("text", "expected"), TEXTS)
def test_issuers_leading_matches_finds_what_finditer_finds(text: str, expected: list[str]) -> None:
    found = leading_matches(PATTERN, FIRST_WORDS, text)
    assert [m.group() for m in found] == expected
    assert [m.span() for m in found] == [m.span() for m in PATTERN.finditer(text)]


@given(st.lists(st.sampled_from(["Quyết", "quyết", "định", "Nghị", "KẾT", "kế", "hoạch", "luận", "x", " ",
                                 "  ", ",", "İ", "K", "ſ"]), max_size=12))
def test_issuers_leading_matches_agrees_with_finditer(parts: list[str]) -> None:
    text = "".join(parts)
    assert [m.span() for m in leading_matches(PATTERN, FIRST_WORDS, text)] == [
        m.span() for m in PATTERN.finditer(text)]


ABBREVIATED = re.compile(r"(?<!\w)(?:QĐ|NQ|KH)(?=\s+số\s*:?\s*\d)")

# text, the abbreviations matches_from finds: those of ABBREVIATED.finditer
ABBREVIATED_TEXTS = [
    ("Theo QĐ số 12 và NQ số: 5, KH số 7", ["QĐ", "NQ", "KH"]),
    ("QĐ-UBND số 12, xQĐ số 3, QĐ 12, qđ số 4", []),
    ("QĐQĐ số 1; QĐ  số 2", ["QĐ"]),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATED_TEXTS)
def test_issuers_matches_from_finds_what_finditer_finds(text: str, expected: list[str]) -> None:
    found = matches_from(ABBREVIATED, ("QĐ", "NQ", "KH"), text)
    assert [m.group() for m in found] == expected
    assert [m.span() for m in found] == [m.span() for m in ABBREVIATED.finditer(text)]


# first words of which some begin others, and matches that overlap where the words do
OVERLAPPING = re.compile(r"ket?t?x|tk|kek")


@given(st.lists(st.sampled_from(["k", "e", "t", "x", "ke", "ket"]), max_size=14))
def test_issuers_matches_from_agrees_with_finditer_when_first_words_begin_others(parts: list[str]) -> None:
    text = "".join(parts)
    found = matches_from(OVERLAPPING, ("ket", "ke", "tk", "kek", "ke"), text)
    assert [m.span() for m in found] == [m.span() for m in OVERLAPPING.finditer(text)]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("quyết", "quy", "kế", "kết", "nghị"), ("quy", "kế", "nghị")),
        (("ab", "ab", "b"), ("ab", "b")),  # once each
        (("a",), ("a",)),
    ],
)
def test_issuers_without_longer(words: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert _without_longer(words) == expected


_SENTENCES = st.text(alphabet=st.sampled_from(list("ab .!?\n\t")), max_size=30)


@given(_SENTENCES, st.integers(min_value=0, max_value=30))
@example(".", 1)
@example("? ", 0)
def test_issuers_sentence_start_is_the_last_sentence_end_before_a_point(text, start):
    start = min(start, len(text))
    searched = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    assert _sentence_start(text, start) == searched
