"""The one record that flows through every stage: an :class:`Article` and its :class:`Span` lists.

Stages add spans and never change ``text``; every span satisfies
``article.text[span.start:span.end] == span.text`` (checked by :meth:`Article.add`).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

# The entity lists of the output contract (../shared/spec/EXTRACTION.md), in output order,
# with the contract field that carries each span's text.
CONTRACT_FIELDS: dict[str, str] = {
    "officials": "name",
    "units": "text",
    "decisions": "text",
    "money": "text",
    "percentages": "text",
    "indicators": "sentence",
}
# Span lists the pipeline keeps besides the contract's (printed as added fields).
EXTRA_FIELDS: dict[str, str] = {"quantities": "text"}


class OffsetError(ValueError):
    """A span whose offsets do not point at its text."""


_NO_ATTRS: Any = object()  # ``attrs`` not given: a new empty dict, as ``field(default_factory=dict)``


@dataclass(frozen=True, slots=True, init=False)
class Span:
    """A piece of the article text with the attributes an extractor found for it."""

    start: int
    end: int
    text: str
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, start: int, end: int, text: str, attrs: Mapping[str, Any] = _NO_ATTRS) -> None:
        # the dataclass __init__ of a frozen class sets each field through object.__setattr__; the
        # slots' own setters do the same in less than half the time (every stage builds many spans)
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)
        _set_attrs(self, {} if attrs is _NO_ATTRS else attrs)

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    def __reduce__(self) -> tuple[type[Span], tuple[int, int, str, Mapping[str, Any]]]:
        # pickled as its four fields (worker → parent): less than half the time of the
        # dataclass default, which goes through copyreg and the slots' state dict
        return (Span, (self.start, self.end, self.text, self.attrs))

    def record(self, text_field: str = "text") -> dict[str, Any]:
        """The span as one contract object: ``{text_field: text, **attrs, start, end}``."""
        out: dict[str, Any] = {text_field: self.text}
        out.update(self.attrs)
        out["start"] = self.start
        out["end"] = self.end
        return out


_SPAN_FIELDS = ("start", "end", "text", "attrs")
# the slots' setters (a frozen dataclass's own __setattr__ refuses every assignment)
_set_start, _set_end, _set_text, _set_attrs = (vars(Span)[f].__set__ for f in _SPAN_FIELDS)
_by_offsets = attrgetter("start", "end")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    """An article's metadata, its NFC body ``text`` and the spans stages add to it."""

    text: str
    id: str = ""
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    fetched_at: str | None = None
    spans: dict[str, list[Span]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = nfc(self.text)
        if self.title is not None:
            self.title = nfc(self.title)
        if not self.id:
            self.id = sha1(self.url) if self.url else sha1(self.text)

    def span(self, start: int, end: int, **attrs: Any) -> Span:
        """A span of this article's text (the text is sliced, so it is always right)."""
        return Span(start, end, self.text[start:end], attrs)

    def add(self, key: str, spans: Iterable[Span]) -> list[Span]:
        """Store ``spans`` under ``key`` after checking every offset; returns the stored list."""
        checked = sorted(spans, key=_by_offsets)
        text, size = self.text, len(self.text)
        last: tuple[int, int, str] | None = None  # the span checked just before
        for s in checked:
            start, end, piece = s.start, s.end, s.text
            if last is not None and piece is last[2] and start == last[0] and end == last[1]:
                continue  # the same offsets and text object as the one before: already checked
            last = (start, end, piece)
            # text[start:end] == piece, without copying the slice
            if not (
                0 <= start <= end <= size and isinstance(piece, str) and len(piece) == end - start
                and text.startswith(piece, start)
            ):
                raise OffsetError(
                    f"{key}: span {s.start}:{s.end} {s.text!r} does not match the text "
                    f"{self.text[s.start:s.end]!r}"
                )
        self.spans[key] = checked
        return checked

    def get(self, key: str) -> list[Span]:
        return self.spans.get(key, [])

    def to_contract(self, extra: bool = True) -> dict[str, Any]:
        """The article as one JSON object of the output contract."""
        out: dict[str, Any] = {
            "id": self.id,
            "path": self.path,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "text": self.text,
        }
        for key, text_field in CONTRACT_FIELDS.items():
            out[key] = [s.record(text_field) for s in self.get(key)]
        if extra:
            out["source"] = self.source
            out["author"] = self.author
            for key, text_field in EXTRA_FIELDS.items():
                if key in self.spans:
                    out[key] = [s.record(text_field) for s in self.get(key)]
        return out

    @classmethod
    def from_contract(cls, obj: Mapping[str, Any]) -> Article:
        """Rebuild an article (and its spans) from a contract object, e.g. a line of ``vnnews extract``."""
        art = cls(
            text=obj["text"],
            id=obj.get("id") or "",
            path=obj.get("path"),
            url=obj.get("url"),
            title=obj.get("title"),
            published=obj.get("published"),
            source=obj.get("source"),
            author=obj.get("author"),
            fetched_at=obj.get("fetched_at"),
        )
        for key, text_field in {**CONTRACT_FIELDS, **EXTRA_FIELDS}.items():
            rows = obj.get(key)
            if not rows:
                continue
            spans = []
            for row in rows:
                attrs = {k: v for k, v in row.items() if k not in (text_field, "start", "end")}
                spans.append(Span(int(row["start"]), int(row["end"]), row[text_field], attrs))
            art.add(key, spans)
        return art
