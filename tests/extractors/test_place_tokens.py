import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.place_tokens import tokens


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
