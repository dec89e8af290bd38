"""The shipped NER model: loads offline from package data, finds PER/ORG/LOC with valid offsets;
the training corpus is our own and the same for a seed."""

from __future__ import annotations

import pytest

from pipeline.ner import LABELS, MODEL_DIR, find_entities, find_people, model
from pipeline.ner.corpus import generate, vocab

# (sentence, entity text, label): sentences we wrote, with names and bodies not in the seeds.
PHO_CHU_TICH = "Đồng chí Lê Thị Mai Hương, Phó Chủ tịch UBND huyện Tam Dương, phát biểu."
CASES = [
    ("Bí thư Tỉnh ủy Phú Thọ Trần Văn Khải dự hội nghị.", "Trần Văn Khải", "PER"),
    ("Bí thư Tỉnh ủy Phú Thọ Trần Văn Khải dự hội nghị.", "Tỉnh ủy Phú Thọ", "ORG"),
    (PHO_CHU_TICH, "Lê Thị Mai Hương", "PER"),
    (PHO_CHU_TICH, "UBND huyện Tam Dương", "ORG"),
    ("Ban Thường vụ Huyện ủy Sông Lô ban hành kế hoạch thực hiện.", "Ban Thường vụ Huyện ủy Sông Lô", "ORG"),
    ("Sở Tài chính phối hợp với Hội Nông dân tỉnh tổ chức hội nghị.", "Sở Tài chính", "ORG"),
    ("Năm 2023, huyện Lập Thạch thu ngân sách đạt 500 tỷ đồng.", "Lập Thạch", "LOC"),
    ("Đ.c Phó Bí thư thường trực Thị ủy Đỗ Quang Vinh phát động thi đua", "Đỗ Quang Vinh", "PER"),
]

NO_PERSON = [
    "Toàn cảnh hội nghị.",
    "Thu ngân sách nhà nước đạt 1.455 tỷ đồng, bằng 65% dự toán.",
    "Kinh tế - xã hội tiếp tục phục hồi và tăng trưởng khá.",
]


def test_ner_model_loads_from_package_data() -> None:
    assert (MODEL_DIR / "config.cfg").is_file()
    nlp = model()
    assert nlp.pipe_names == ["ner"]
    assert set(nlp.get_pipe("ner").labels) == set(LABELS)
    assert model() is nlp  # cached once per process


@pytest.mark.parametrize(("text", "entity", "label"), CASES)
def test_ner_find_entities_finds_entity(text: str, entity: str, label: str) -> None:
    found = {(text[s:e], lab) for s, e, lab in find_entities(text)}
    assert (entity, label) in found


@pytest.mark.parametrize("text", [c[0] for c in CASES] + NO_PERSON)
def test_ner_find_entities_offsets_are_valid(text: str) -> None:
    ents = find_entities(text)
    for s, e, label in ents:
        assert 0 <= s < e <= len(text)
        assert label in LABELS
        assert text[s:e] == text[s:e].strip()
    assert ents == sorted(ents)


@pytest.mark.parametrize("text", NO_PERSON)
def test_ner_find_people_none_in_sentences_without_names(text: str) -> None:
    assert find_people(text) == []


def test_ner_find_entities_in_window_offsets_into_whole_text() -> None:
    first = "Câu mở đầu không có tên."
    text = first + "\n" + CASES[0][0]
    start = len(first) + 1
    ents = find_entities(text, start)
    assert ("Trần Văn Khải", "PER") in {(text[s:e], lab) for s, e, lab in ents}
    assert all(s >= start for s, _, _ in ents)


def test_ner_corpus_same_seed_same_examples() -> None:
    assert generate(50, seed=7) == generate(50, seed=7)
    assert generate(50, seed=7) != generate(50, seed=8)


def test_ner_corpus_entities_point_at_their_text() -> None:
    first_syllables = set(vocab()["surnames"]) | set(vocab()["middle_names"])  # bylines: "Thu Trang"
    labels = set()
    for text, ents in generate(300, seed=3):
        for s, e, label in ents:
            piece = text[s:e]
            assert piece and piece == piece.strip()
            labels.add(label)
            if label == "PER":
                assert piece.split()[0] in first_syllables and len(piece.split()) >= 2
        spans = sorted((s, e) for s, e, _ in ents)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert labels == set(LABELS)


def test_ner_model_runs_on_a_segmented_doc() -> None:
    from pipeline.segment import to_spacy_doc

    nlp = model()
    text = CASES[0][0]
    doc = nlp(to_spacy_doc(text, nlp))
    assert doc.text == text
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == find_entities(text)
