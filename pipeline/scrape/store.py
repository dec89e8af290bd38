"""Raw storage: one JSON record per article under ``<out>/<source>/<id>.json``, written atomically.

A stored article is replaced only by a version at least as good (body, title, date, author present;
body not cut to less than half), so a bad fetch, a truncated page or an error page never overwrites it.
The HTML is kept in the record so parsing can be re-run without fetching again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

RECORD_FIELDS = (
    "id",
    "url",
    "canonical_url",
    "source",
    "fetched_at",
    "status",
    "title",
    "published",
    "author",
    "text",
    "html",
)


def record_id(canonical_url: str) -> str:
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def source_dir_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "unknown"


def quality(rec: dict[str, Any]) -> tuple[int, int, int, int]:
    text = rec.get("text") if isinstance(rec.get("text"), str) else ""
    return (
        int(bool(text and text.strip())),
        int(bool(rec.get("title"))),
        int(bool(rec.get("published"))),
        int(bool(rec.get("author"))),
    )


def at_least_as_good(new: dict[str, Any], old: dict[str, Any]) -> bool:
    if quality(new) < quality(old):
        return False
    return len(new.get("text") or "") * 2 >= len(old.get("text") or "")


def write_json_atomic(path: Path, obj: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(obj, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RawStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, source: str, canonical_url: str) -> Path:
        return self.root / source_dir_name(source) / f"{record_id(canonical_url)}.json"

    def read(self, path: Path) -> dict[str, Any] | None:
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return rec if isinstance(rec, dict) else None

    def put(self, rec: dict[str, Any]) -> tuple[str, Path]:
        """Store ``rec``: ("new" | "updated" | "unchanged" | "kept", path); kept = stored copy is better."""
        missing = [f for f in RECORD_FIELDS if f not in rec]
        if missing:
            raise ValueError(f"record lacks {', '.join(missing)}")
        path = self.path_for(rec["source"], rec["canonical_url"])
        old = self.read(path) if path.exists() else None
        if old is None:
            write_json_atomic(path, rec)
            return "new", path
        if not at_least_as_good(rec, old):
            return "kept", path
        same_text = content_hash(old.get("text") or "") == content_hash(rec["text"])
        if same_text and all(old.get(k) == rec[k] for k in ("title", "published", "author")):
            return "unchanged", path
        write_json_atomic(path, rec)
        return "updated", path
