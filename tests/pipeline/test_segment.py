"""Segmentation offsets: every underthesea word points back at the text; the spaCy Doc agrees."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher

from pipeline.article import nfc
from pipeline.segment import (
    align,
    blank_vietnamese,
    doc_from_offsets,
    raw_words,
    sentences,
    to_spacy_doc,
    words,
)

SENTENCES = [
    "Sáng 12/7, đồng chí Nguyễn Hoài Nam, Phó Bí thư thường trực Thành ủy chủ trì hội nghị.",
    "Ông   Văn nói:  “Cần đẩy nhanh tiến độ”.\n\nThu ngân sách đạt 7.776,6 tỷ đồng, bằng 65% dự toán.",
    "Đ.c Phó Bí thư Thường trực Tỉnh ủy Phạm Hoàng Anh phát biểu tại Hội nghị khoá XVII.",
    "UBND tỉnh Vĩnh Phúc giao chỉ tiêu cho BTV Thành ủy Vĩnh Yên (Vĩnh Phúc)…\tTốt!",
    "hoà bình, thuỷ lợi và khoẻ mạnh",
]


def same_word(piece: str, text: str) -> bool:
    """Equal modulo white space and the tone-mark placement underthesea normalises ("khoá"/"khóa")."""

    def key(s: str) -> list[list[str]]:
        return [sorted(unicodedata.normalize("NFD", w)) for w in s.split()]

    return key(piece) == key(text)


def check_alignment(text: str) -> None:
    from underthesea import word_tokenize

    pieces = [w for line in text.split("\n") if line.strip() for w in word_tokenize(line)]
    spans = raw_words(text)
    assert len(spans) == len(pieces)
    for (s, e), piece in zip(spans, pieces, strict=True):
        assert same_word(piece, text[s:e]), (piece, text[s:e])
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.parametrize("text", SENTENCES)
def test_segment_words_align_on_written_sentences(text: str) -> None:
    check_alignment(text)


def test_segment_words_align_on_every_seed(seeds_dir: Path) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert seeds
    for path in seeds:
        check_alignment(nfc(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("pieces", "text", "expected"),
    [
        (["Bí thư", "Tỉnh ủy"], "Bí  thư\tTỉnh ủy", [(0, 7), (8, 15)]),
        (["khóa", "XVII"], "khoá XVII", [(0, 4), (5, 9)]),
        (['"', "Tốt", '"'], "“Tốt”", [(0, 1), (1, 4), (4, 5)]),
        (["a", "zzz", "b"], "a b", [(0, 1), (2, 3)]),
    ],
)
def test_segment_align_maps_pieces_to_offsets(pieces: list[str], text: str, expected: list) -> None:
    assert align(text, pieces) == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Sáng nay, ông Văn và đồng chí Nguyễn Hoài Nam dự họp.", "Văn"),
        ("Sáng nay, ông Văn và đồng chí Nguyễn Hoài Nam dự họp.", "Nguyễn Hoài Nam"),
        ("Bí thư Tỉnh ủy Hoàng Thị Thúy Lan phát biểu.", "Tỉnh ủy"),
        ("Hội nghị do Thành ủy Vĩnh Yên tổ chức.", "tổ chức"),
    ],
)
def test_segment_words_keep_names_on_word_edges(text: str, word: str) -> None:
    found = [text[s:e] for s, e in words(text)]
    assert word in found


def test_segment_words_names_apart_splits_capitalised_syllables() -> None:
    text = "Bí thư Huyện ủy Lương Tài Vũ Anh Lực dự họp."
    found = [text[s:e] for s, e in words(text, names_apart=True)]
    assert found[found.index("Lương"):found.index("Lực") + 1] == ["Lương", "Tài", "Vũ", "Anh", "Lực"]
    assert found[found.index("Lực") + 1].startswith("dự")


def test_segment_words_of_a_window_point_into_the_whole_text() -> None:
    text = "Câu đầu tiên.\nChủ tịch UBND tỉnh Vũ Việt Văn chủ trì."
    start = text.index("Chủ")
    spans = words(text, start)
    assert spans[0][0] == start
    assert [text[s:e] for s, e in spans][-2:] == ["chủ trì", "."]


@pytest.mark.parametrize("text", SENTENCES)
def test_segment_sentences_are_offsets_of_stripped_text(text: str) -> None:
    spans = sentences(text)
    assert spans
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and text[s:e]


@pytest.mark.parametrize("text", SENTENCES)
def test_segment_spacy_doc_offsets_match_words(text: str) -> None:
    nlp = blank_vietnamese()
    doc = to_spacy_doc(text, nlp)
    assert doc.text == text
    for s, e in words(text):
        span = doc.char_span(s, e)
        assert span is not None and len(span) == 1 and span.text == text[s:e]
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_segment_spacy_matcher_runs_on_segmented_doc() -> None:
    nlp = blank_vietnamese()
    matcher = Matcher(nlp.vocab)
    matcher.add("PARTY", [[{"TEXT": "Bí thư"}, {"TEXT": "Tỉnh ủy"}]])
    text = "Ông Nguyễn Văn A, Bí thư Tỉnh ủy, dự họp."
    doc = nlp(text)
    (_, s, e), = matcher(doc)
    assert doc[s:e].start_char == text.index("Bí thư") and doc[s:e].text == "Bí thư Tỉnh ủy"


def test_segment_doc_from_offsets_keeps_text_not_covered_by_spans() -> None:
    nlp = blank_vietnamese()
    text = "abc  def\nghi"
    doc = doc_from_offsets(nlp.vocab, text, [(5, 8)])
    assert doc.text == text
    assert [t.text for t in doc if not t.is_space] == ["abc", "def", "ghi"]


def test_segment_entity_ruler_runs_on_segmented_doc() -> None:
    nlp = blank_vietnamese()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": [{"TEXT": "Thành ủy"}, {"TEXT": "Vĩnh Yên"}]}])
    text = "Hội nghị do Thành ủy Vĩnh Yên tổ chức."
    doc = nlp(to_spacy_doc(text, nlp))
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(12, 29, "ORG")]
    assert text[12:29] == "Thành ủy Vĩnh Yên"


VIETNAMESE_ISH = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                                  "AĂÂĐÊÔƠƯÀÁẰẮẦẤÈÉỀẾ0123456789 ,.:;!?%/-()“”\"'\n\t\xa0")),
    max_size=80,
)


@settings(max_examples=40, deadline=None)
@given(VIETNAMESE_ISH)
def test_segment_words_are_ordered_stripped_slices_of_any_text(text: str) -> None:
    text = nfc(text)
    spans = words(text)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert to_spacy_doc(text, blank_vietnamese()).text == text
