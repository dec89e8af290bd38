"""Named entities (PER, ORG, LOC) in Vietnamese news text, as character offsets.

>>> find_entities("Bí thư Tỉnh ủy Vĩnh Phúc Hoàng Thị Thúy Lan dự hội nghị.")  # doctest: +SKIP
[(7, 24, 'ORG'), (25, 44, 'PER')]

The model is a small spaCy ``ner`` pipeline shipped in ``pipeline/ner/model/`` (package data;
nothing is downloaded), trained on sentences we composed (:mod:`pipeline.ner.corpus`) and
retrained from scratch by ``python -m pipeline.ner.train``. It tokenizes with
:mod:`pipeline.segment` (underthesea words, capitalised syllables apart). It is loaded once per
process, on first use.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.language import Language

MODEL_DIR = Path(__file__).with_name("model")
LABELS = ("PER", "ORG", "LOC")

Entity = tuple[int, int, str]


class ModelMissingError(RuntimeError):
    """The trained model is not in the package (run ``python -m pipeline.ner.train``)."""


@cache
def model() -> Language:
    """The trained pipeline, loaded once per process from package data."""
    import spacy

    import pipeline.segment  # noqa: F401  (registers the tokenizer the model's config names)

    if not (MODEL_DIR / "config.cfg").is_file():
        raise ModelMissingError(f"no NER model in {MODEL_DIR}; run `python -m pipeline.ner.train`")
    return spacy.load(MODEL_DIR)


def find_entities(text: str, start: int = 0, end: int | None = None) -> list[Entity]:
    """``(start, end, label)`` of every PER, ORG and LOC in ``text[start:end]``, offsets into ``text``.

    Pass ``start``/``end`` to tag (and segment) only a sentence or a window of a long article.
    """
    end = len(text) if end is None else end
    doc = model()(text[start:end])
    return [(start + ent.start_char, start + ent.end_char, ent.label_) for ent in doc.ents]


def find_people(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every person name in ``text[start:end]``."""
    return [(s, e) for s, e, label in find_entities(text, start, end) if label == "PER"]


__all__ = ["LABELS", "MODEL_DIR", "ModelMissingError", "find_entities", "find_people", "model"]
