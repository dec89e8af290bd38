import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.place_tokens import TokenReader, beyond_the_bmp, capital_runs, tokens


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("huyện Yên Lạc", ["huyện", "Yên", "Lạc"]),
        ("  Tp.Vĩnh Yên, ", ["Tp", "Vĩnh", "Yên"]),
        ("Tin Vĩnh PhúcYên Lạc ra quân", ["Tin", "Vĩnh", "Phúc", "Yên", "Lạc", "ra", "quân"]),
        ("TP.HCM và UBND", ["TP", "HCM", "và", "UBND"]),  # all capitals: never cut
        ("năm 2025", ["năm", "2025"]),
        ("", []),
        ("…", []),
    ],
)
def test_place_tokens_words_and_glued_headlines(text: str, words: list[str]) -> None:
    assert [w for _, _, w in tokens(text)] == words


@given(st.text(alphabet=st.sampled_from(list("aĂăYyênPhúcLạc 𝐀-.,\n")), max_size=40))
def test_place_tokens_offsets_point_at_the_words(text: str) -> None:
    last = 0
    for start, end, word in tokens(text):
        assert text[start:end] == word and word
        assert last <= start
        last = end


LEVEL_WORD_ENDS = frozenset({"phường", "xã", "tp"})
NAME_GAP = re.compile(r"\s+|\s*-\s*")


def _agrees_with_tokens(text: str) -> None:
    toks, reader = tokens(text), TokenReader(text)
    assert reader.capitalised_or_numbers_after(frozenset()) == [t for t in toks if t[2][:1].isupper()]
    assert reader.capitalised_or_numbers_after(LEVEL_WORD_ENDS) == [
        t for i, t in enumerate(toks) if t[2][:1].isupper()
        or (t[2].isdigit() and i and toks[i - 1][2].casefold() in LEVEL_WORD_ENDS)]
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        assert reader.at(tok[0]) == tok
        assert reader.after(tok) == nxt
        assert reader.before(tok) == (toks[i - 1] if i else None)
        in_name = nxt is not None and (nxt[2][:1].isupper() or nxt[2].isdigit()) and (
            NAME_GAP.fullmatch(text, tok[1], nxt[0]) is not None)
        assert reader.next_in_name(tok, NAME_GAP) == (nxt if in_name else None)
    starts = {t[0] for t in toks}
    assert all(reader.at(p) is None for p in range(len(text) + 1) if p not in starts)


@pytest.mark.parametrize(
    "text",
    [
        "huyện Yên Lạc",
        "Tin Vĩnh PhúcYên Lạc ra quân",  # a glued headline: cut
        "Quý Mão 2023Vĩnh Phúc: Trao 245 Huy hiệu",  # a digit before the capital: not cut
        "aB và xY: iPhone, eVN, HĐND, TP.HCM",  # two letters are never cut; "iPhone" is
        "PromaxVĩnh PhúcĐoàn",
        "Quận. 1 và 10 hộ dân ở quận 3, PHƯỜNG  6 - Tp 2, xã ² và xã-①",
        "𝐀 Vĩnh Yên",  # beyond the Basic Multilingual Plane: tokenised whole
        "",
        " ",
    ],
)
def test_place_tokens_reader_agrees_with_tokens(text: str) -> None:
    _agrees_with_tokens(text)


@given(st.lists(st.sampled_from([*"aĂăYyênPhúcLạc2²_ -.,\n", "xã ", "Tp ", "phường "]), max_size=30))
def test_place_tokens_reader_agrees_with_tokens_anywhere(parts: list[str]) -> None:
    _agrees_with_tokens("".join(parts))


@pytest.mark.parametrize(
    ("text", "beyond"),
    [("", False), ("Vĩnh Phúc", False), ("ẞ\uffff", False), ("\ud800 lone surrogate", False),
     ("Kế hoạch", False), ("a 𝐀", True), ("\U0010ffff", True), ("😀 Vĩnh Yên", True),
     ("\U0001d400 Kế hoạch", True), ("a\U00010000", True)],
)
def test_place_tokens_beyond_the_bmp(text: str, beyond: bool) -> None:
    assert beyond_the_bmp(text) is beyond


def _runs_agree_with_the_reader(text: str) -> None:
    if beyond_the_bmp(text):
        return
    reader, runs = TokenReader(text), capital_runs(text)
    odd = set(runs.odd)
    plain = [(a, a + len(w), w) for k, (a, w) in enumerate(zip(runs.starts, runs.words, strict=True))
             if k not in odd]
    assert sorted(plain + runs.pieces) == reader.capitalised_or_numbers_after(frozenset())
    assert runs.reader.cuts == reader.cuts
    ends = [*runs.starts[1:], len(text)][: len(runs.starts)]
    assert [text[a + len(w) : b] for a, w, b in zip(runs.starts, runs.words, ends, strict=True)] == runs.gaps
    assert runs.reader.capitalised_or_numbers_after(LEVEL_WORD_ENDS) == reader.capitalised_or_numbers_after(
        LEVEL_WORD_ENDS)
    for tok in tokens(text):
        assert runs.reader.before(tok) == reader.before(tok)
        assert runs.reader.next_in_name(tok, NAME_GAP) == reader.next_in_name(tok, NAME_GAP)


@pytest.mark.parametrize(
    "text",
    [
        "huyện Yên Lạc",
        "Tin Vĩnh PhúcYên Lạc ra quân",  # a glued headline: cut
        "Quý Mão 2023Vĩnh Phúc: Trao 245 Huy hiệu",
        "aB và xY: iPhone, eVN, HĐND, TP.HCM, kWh, 5G, a_B",
        "PromaxVĩnh PhúcĐoàn",
        "Vĩnh Phúc",  # a run at the start
        "Quận. 1 và 10 hộ dân ở quận 3, PHƯỜNG  6 - Tp 2, xã ² và xã-①",
        "",
        "không có chữ hoa",
    ],
)
def test_place_tokens_capital_runs_agree_with_the_reader(text: str) -> None:
    _runs_agree_with_the_reader(text)


@given(st.lists(st.sampled_from([*"aĂăYyênPhúcLạc2²_ -.,\n", "xã ", "Tp ", "phường ", "Vĩnh", "Yên"]),
                max_size=30))
def test_place_tokens_capital_runs_agree_with_the_reader_anywhere(parts: list[str]) -> None:
    _runs_agree_with_the_reader("".join(parts))
