"""Crawl state in one small SQLite file: what was seen, its validators, its content hash, the queue.

Every page's outcome is committed as soon as it is known, so an interrupted crawl resumes where it
stopped: discovered URLs wait in ``queue`` until processed, and validators (ETag, Last-Modified)
let a second run ask "changed since?" instead of downloading again.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

STATE_FILE = ".crawl-state.sqlite"  # hidden: ``vnnews extract DIR`` skips it
SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,          -- canonical URL
    source TEXT,
    status INTEGER,                -- last HTTP status (NULL: no response)
    outcome TEXT NOT NULL,         -- stored | feed | listing | failed | robots | not-article | ...
    reason TEXT,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    record TEXT,                   -- path of the stored JSON record
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pages_hash ON pages(content_hash);
CREATE TABLE IF NOT EXISTS queue (
    url TEXT PRIMARY KEY,
    source TEXT,
    published TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    discovered_at TEXT NOT NULL
);
"""


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True, slots=True)
class PageState:
    url: str
    outcome: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    record: str | None


@dataclass(frozen=True, slots=True)
class QueueItem:
    url: str
    source: str | None
    published: str | None


class CrawlState:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> CrawlState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ pages

    def page(self, url: str) -> PageState | None:
        row = self.db.execute(
            "SELECT url, outcome, etag, last_modified, content_hash, record FROM pages WHERE url = ?", (url,)
        ).fetchone()
        return PageState(*row) if row else None

    def url_with_hash(self, content_hash: str, other_than: str) -> str | None:
        row = self.db.execute(
            "SELECT url FROM pages WHERE content_hash = ? AND url != ? AND outcome = 'stored' LIMIT 1",
            (content_hash, other_than),
        ).fetchone()
        return row[0] if row else None

    def save(
        self,
        url: str,
        outcome: str,
        *,
        source: str | None = None,
        status: int | None = None,
        reason: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        content_hash: str | None = None,
        record: str | None = None,
    ) -> None:
        """Record a page's outcome; a failure keeps the validators and hash of the last good fetch."""
        prior = self.page(url)
        if prior is not None and prior.outcome == "stored" and outcome != "stored":
            # a later failure (or an error page) never forgets the good copy
            reason = f"last fetch: {outcome}" + (f" ({reason})" if reason else "")
            outcome, etag, last_modified = "stored", prior.etag, prior.last_modified
            content_hash, record = prior.content_hash, prior.record
        self.db.execute(
            "INSERT OR REPLACE INTO pages (url, source, status, outcome, reason, etag, last_modified,"
            " content_hash, record, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (url, source, status, outcome, reason, etag, last_modified, content_hash, record, now_iso()),
        )
        self.db.commit()

    def touch(self, url: str, status: int) -> None:
        """A re-check that changed nothing (304): keep validators, hash and record."""
        self.db.execute("UPDATE pages SET status = ?, updated_at = ? WHERE url = ?", (status, now_iso(), url))
        self.db.commit()

    # ------------------------------------------------------------ queue

    def enqueue(self, url: str, source: str | None, published: str | None, revisit: bool) -> bool:
        """Queue ``url``; a processed URL is queued again only when ``revisit``. True when newly queued."""
        row = self.db.execute("SELECT done FROM queue WHERE url = ?", (url,)).fetchone()
        if row is None:
            self.db.execute(
                "INSERT INTO queue (url, source, published, done, discovered_at) VALUES (?, ?, ?, 0, ?)",
                (url, source, published, now_iso()),
            )
        elif row[0] and revisit:
            self.db.execute("UPDATE queue SET done = 0 WHERE url = ?", (url,))
        else:
            return False  # already waiting, or done and not worth asking again
        self.db.commit()
        return True

    def pending(self, source: str | None) -> list[QueueItem]:
        rows = self.db.execute(
            "SELECT url, source, published FROM queue WHERE done = 0 AND source IS ? ORDER BY rowid",
            (source,),
        ).fetchall()
        return [QueueItem(*row) for row in rows]

    def mark_done(self, url: str) -> None:
        self.db.execute("UPDATE queue SET done = 1 WHERE url = ?", (url,))
        self.db.commit()
