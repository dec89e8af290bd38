"""Deduplicated registries: ``people`` and ``organisations``, keyed on a folded form of the name.

Two spellings of one name get one row: case, spacing and the old/new placement of the tone mark
("Uỷ ban" / "Ủy ban", "Hoà" / "Hòa") are folded away. People are keyed on the name alone, so two
namesakes share a row (the ``posts`` view still separates their posts).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field

# Old-style tone placement ("oà", "uỷ") -> the style most Vietnamese news uses ("òa", "ủy").
_TONE_STYLE = {
    old: new
    for olds, news, in (("oà oá oả oã oạ", "òa óa ỏa õa ọa"), ("oè oé oẻ oẽ oẹ", "òe óe ỏe õe ọe"),
                        ("uỳ uý uỷ uỹ uỵ", "ùy úy ủy ũy ụy"))
    for old, new in zip(olds.split(), news.split(), strict=True)
}
_TONE_RE = re.compile("|".join(_TONE_STYLE))
_SPACES = re.compile(r"\s+")

# Words after which the rest of an organisation's name is its place ("Ủy ban nhân dân tỉnh Vĩnh Phúc").
_PLACE_MARKERS = (
    "tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn",
    "tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "quận ủy", "đảng ủy",
)
_MARKER_RE = re.compile(r"(?<!\S)(?:" + "|".join(sorted(_PLACE_MARKERS, key=len, reverse=True)) + r")\s+")


def fold(name: str) -> str:
    """The dedup key of a name: NFC, lower case, single spaces, one tone-mark style."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip().lower()
    return _TONE_RE.sub(lambda m: _TONE_STYLE[m.group(0)], text)


def place_of(name: str) -> str | None:
    """The place an organisation's name ends with, if it names one ("Thành ủy Vĩnh Yên" -> "Vĩnh Yên")."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()
    folded = fold(text)
    for m in reversed(list(_MARKER_RE.finditer(folded))):
        tail = text[m.end():]
        words = tail.split(" ")
        if tail and all(w[:1].isupper() for w in words):
            return tail
    return None


@dataclass
class Registry:
    """Finds or creates registry rows.

    An id is trusted from the cache only once the rows behind it are safe: ids made while loading
    an article are kept in ``article`` until the article's savepoint is released, then in ``batch``
    until the batch commits. A rolled-back article or batch forgets its ids.
    """

    conn: sqlite3.Connection
    committed: dict[tuple[str, str], int] = field(default_factory=dict)
    batch: dict[tuple[str, str], int] = field(default_factory=dict)
    article: dict[tuple[str, str], int] = field(default_factory=dict)
    kinded: set[int] = field(default_factory=set)

    def _id(self, table: str, key: str) -> int | None:
        k = (table, key)
        found = self.article.get(k) or self.batch.get(k) or self.committed.get(k)
        if found is not None:
            return found
        row = self.conn.execute(f"SELECT id FROM [{table}] WHERE key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def person(self, name: str | None) -> int | None:
        if not isinstance(name, str) or not name.strip():
            return None
        key = fold(name)
        found = self._id("people", key)
        if found is None:
            cur = self.conn.execute("INSERT INTO people (name, key) VALUES (?, ?)", (name.strip(), key))
            found = int(cur.lastrowid or 0)
        self.article[("people", key)] = found
        return found

    def organisation(self, name: str | None, kind: str | None = None) -> int | None:
        if not isinstance(name, str) or not name.strip():
            return None
        key = fold(name)
        found = self._id("organisations", key)
        if found is None:
            cur = self.conn.execute(
                "INSERT INTO organisations (name, kind, place, key) VALUES (?, ?, ?, ?)",
                (name.strip(), kind, place_of(name), key),
            )
            found = int(cur.lastrowid or 0)
        elif kind and found not in self.kinded:
            self.conn.execute("UPDATE organisations SET kind = ? WHERE id = ? AND kind IS NULL",
                              (kind, found))
        if kind:
            self.kinded.add(found)  # its kind is set (first kind seen wins): no more UPDATEs
        self.article[("organisations", key)] = found
        return found

    def article_done(self) -> None:
        self.batch.update(self.article)
        self.article.clear()

    def article_failed(self) -> None:
        self.article.clear()
        self.kinded.clear()

    def batch_done(self) -> None:
        self.article_done()
        self.committed.update(self.batch)
        self.batch.clear()

    def batch_failed(self) -> None:
        self.article.clear()
        self.kinded.clear()
        self.batch.clear()


def prune(conn: sqlite3.Connection) -> int:
    """Delete registry rows no mention points to any more (after re-extraction); returns how many."""
    removed = conn.execute(
        "DELETE FROM people WHERE id NOT IN (SELECT person_id FROM officials WHERE person_id IS NOT NULL)"
    ).rowcount
    removed += conn.execute(
        """DELETE FROM organisations WHERE id NOT IN (
             SELECT organisation_id FROM units WHERE organisation_id IS NOT NULL
             UNION SELECT organisation_id FROM officials WHERE organisation_id IS NOT NULL
             UNION SELECT issuer_id FROM decisions WHERE issuer_id IS NOT NULL)"""
    ).rowcount
    return int(removed)
