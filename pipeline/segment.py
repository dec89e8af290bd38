"""Sentences and words by underthesea, kept as character offsets into the text, and a spaCy ``Doc``.

underthesea returns bare strings: ``word_tokenize`` collapses runs of white space, joins the
syllables of a word with one space and normalises characters (it moves tone marks: the text's
"khoá" comes back as "khóa"). :func:`align` maps such pieces back onto the text by comparing
characters folded to their base letter, so every ``(start, end)`` points at the original text.

:func:`words` cuts a segmented word where a lower-case syllable is followed by a capitalised one
(underthesea joins "ông Văn") and before a lower-case one that follows a run of capitalised
syllables ("Nguyễn Hoài Nam dự"), so names start and end at token boundaries.
:func:`to_spacy_doc` turns the words into a spaCy ``Doc`` (one token per word, ``idx`` into the
text), and :class:`VietnameseTokenizer`, registered as ``vnnews.vi_tokenizer.v1``, lets a spaCy
pipeline (``spacy.blank("vi", config=TOKENIZER_CONFIG)``) tokenize the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

Offsets = tuple[int, int]

TOKENIZER_NAME = "vnnews.vi_tokenizer.v1"
TOKENIZER_CONFIG: dict[str, Any] = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}}

_LINE = re.compile(r"[^\n]+")
_SYLLABLE = re.compile(r"\S+")


def fold(char: str) -> str:
    """One character reduced to its lower-case base letter ("Ố" → "o"), for alignment only."""
    base = unicodedata.normalize("NFD", char)[:1] or char
    return base.lower()


def align(text: str, pieces: Sequence[str], start: int = 0, end: int | None = None) -> list[Offsets]:
    """Offsets in ``text[start:end]`` of ``pieces``, strings that spell it out in order.

    White space inside or between pieces is free; characters are compared folded (tone marks and
    case ignored). Characters a piece has that the text lacks are skipped; a piece none of whose
    characters is found in the text is dropped.
    """
    end = len(text) if end is None else end
    t_pos = [i for i in range(start, end) if not text[i].isspace()]
    t_fold = "".join(fold(text[i]) for i in t_pos)
    p_chars = [unicodedata.normalize("NFC", p) for p in pieces]
    owner: list[int] = []
    p_fold_parts: list[str] = []
    for k, piece in enumerate(p_chars):
        for ch in piece:
            if not ch.isspace():
                owner.append(k)
                p_fold_parts.append(fold(ch))
    p_fold = "".join(p_fold_parts)
    where = [-1] * len(p_fold)
    if p_fold == t_fold:
        where = list(range(len(p_fold)))
    else:
        matcher = SequenceMatcher(None, p_fold, t_fold, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for d in range(i2 - i1):
                    where[i1 + d] = j1 + d
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, k in enumerate(owner):
        j = where[i]
        if j < 0:
            continue
        first.setdefault(k, t_pos[j])
        last[k] = t_pos[j] + 1
    out: list[Offsets] = []
    prev_end = start
    for k in range(len(pieces)):
        if k in first and first[k] >= prev_end:
            out.append((first[k], last[k]))
            prev_end = last[k]
    return out


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Offsets]:
    """Sentences of ``text[start:end]`` by ``underthesea.sent_tokenize``, line by line, as offsets."""
    from underthesea import sent_tokenize

    end = len(text) if end is None else end
    out: list[Offsets] = []
    for line in _LINE.finditer(text, start, end):
        if line.group().strip():
            out.extend(align(text, sent_tokenize(line.group()), *line.span()))
    return out


def raw_words(text: str, start: int = 0, end: int | None = None) -> list[Offsets]:
    """Words of ``text[start:end]`` exactly as ``underthesea.word_tokenize`` cuts them, as offsets."""
    from underthesea import word_tokenize

    end = len(text) if end is None else end
    out: list[Offsets] = []
    for line in _LINE.finditer(text, start, end):
        if line.group().strip():
            out.extend(align(text, word_tokenize(line.group()), *line.span()))
    return out


def _split_case(text: str, span: Offsets, names_apart: bool = False) -> list[Offsets]:
    """Cut a word where capitalisation says a name starts or ends inside it.

    underthesea joins "ông Văn" (cut before a capitalised syllable after a lower-case one) and
    "Nguyễn Hoài Nam dự" (cut before a lower-case syllable after two or more capitalised ones);
    "Thành ủy" and "Bí thư" stay whole. With ``names_apart`` every capitalised syllable is a word
    of its own ("Lương Tài Vũ Anh Lực", a district then a name, comes apart).
    """
    syllables = [m.span() for m in _SYLLABLE.finditer(text, *span)]
    out: list[Offsets] = []
    cut = span[0]
    upper_run = 0
    for (ps, pe), (ns, _) in zip(syllables, syllables[1:], strict=False):
        upper_run = upper_run + 1 if text[ps].isupper() else 0
        if names_apart:
            split = text[ps].isupper() or text[ns].isupper()
        else:
            split = (text[ps].islower() and text[ns].isupper()) or (upper_run >= 2 and text[ns].islower())
        if split:
            out.append((cut, pe))
            cut = ns
            upper_run = 0
    out.append((cut, span[1]))
    return out


def words(text: str, start: int = 0, end: int | None = None, names_apart: bool = False) -> list[Offsets]:
    """Segmented words of ``text[start:end]`` as ``(start, end)``; names start and end at word edges.

    ``names_apart`` makes every capitalised syllable a word of its own (what the NER model uses).
    """
    return [
        part for span in raw_words(text, start, end) for part in _split_case(text, span, names_apart)
    ]


def doc_from_offsets(vocab: Vocab, text: str, spans: Iterable[Offsets]) -> Doc:
    """A ``Doc`` over exactly ``text`` with one token per span; text between spans that is not
    white space becomes a token of its own, white space becomes spaCy's ``spaces``/space tokens."""
    tokens: list[str] = []
    pos = 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        tokens.extend(m.group() for m in _SYLLABLE.finditer(text, pos, s))
        tokens.append(text[s:e])
        pos = e
    tokens.extend(m.group() for m in _SYLLABLE.finditer(text, pos, len(text)))
    token_words, spaces = get_words_and_spaces(tokens, text)
    return Doc(vocab, words=token_words, spaces=spaces)


def to_spacy_doc(text: str, nlp: Language) -> Doc:
    """``text`` as a spaCy ``Doc`` of segmented words (``doc.char_span`` works on text offsets).

    Uses ``nlp``'s tokenizer when it is a :class:`VietnameseTokenizer` (so the NER model gets the
    words it was trained on), else :func:`words`. Run components on it with ``nlp(doc)``;
    ``Matcher`` and ``EntityRuler`` work on it directly.
    """
    if isinstance(nlp.tokenizer, VietnameseTokenizer):
        return nlp.tokenizer(text)
    return doc_from_offsets(nlp.vocab, text, words(text))


class VietnameseTokenizer:
    """spaCy tokenizer: one token per word of :func:`words`. Holds no state to save."""

    def __init__(self, vocab: Vocab, names_apart: bool = False) -> None:
        self.vocab = vocab
        self.names_apart = names_apart

    def __call__(self, text: str) -> Doc:
        return doc_from_offsets(self.vocab, text, words(text, names_apart=self.names_apart))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> VietnameseTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> VietnameseTokenizer:
        return self


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer(names_apart: bool = False) -> Callable[[Language], VietnameseTokenizer]:
    def make(nlp: Language) -> VietnameseTokenizer:
        return VietnameseTokenizer(nlp.vocab, names_apart)

    return make


def blank_vietnamese(names_apart: bool = False) -> Language:
    """An empty spaCy Vietnamese pipeline (no pyvi) that tokenizes with :func:`words`."""
    tokenizer = {"@tokenizers": TOKENIZER_NAME, "names_apart": names_apart}
    return spacy.blank("vi", config={"nlp": {"tokenizer": tokenizer}})


__all__ = [
    "TOKENIZER_CONFIG",
    "VietnameseTokenizer",
    "align",
    "blank_vietnamese",
    "doc_from_offsets",
    "raw_words",
    "sentences",
    "to_spacy_doc",
    "words",
]
