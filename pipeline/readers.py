"""Read articles from files: ``.txt``, ``.html``/``.htm``, ``.json`` and ``.jsonl``.

Every reader returns :class:`~pipeline.article.Article` records or raises :class:`InputError`
with a one-line reason (missing, empty, binary, undecodable, too large, not an article).
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.article import Article, nfc

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
MAX_BYTES = 20 * 1024 * 1024  # a news article is never this large
TITLE_MAX = 200


class InputError(Exception):
    """An input that cannot be read as articles; ``str()`` is a one-line reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Failure:
    path: str
    reason: str


# ---------------------------------------------------------------- bytes -> text


def _utf16_without_bom(data: bytes) -> str | None:
    """Text when ``data`` is UTF-16 without a byte-order mark (every other byte NUL, mostly)."""
    head = data[:8192]
    if len(head) < 4 or len(head) % 2:
        return None
    for codec, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.3 * len(zeros):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _textual(text):
                return text
    return None


# letters Vietnamese writes (after NFC): its own vowels and đ, and every vowel with a tone mark
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ") | set(
    nfc("".join(b + t for b in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for t in _TONES))
)


def _windows_1258(data: bytes) -> str | None:
    """Text when ``data`` is Vietnamese in Windows-1258 (base letters plus combining tone marks)."""
    try:
        text = nfc(data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    stray_marks = sum(0x300 <= ord(ch) <= 0x323 for ch in text)  # a tone mark left uncombined
    vietnamese = sum(ch in _VIETNAMESE_LETTERS for ch in letters)
    if letters and stray_marks == 0 and vietnamese >= 0.08 * len(letters) and _textual(text):
        return text
    return None


def _textual(text: str) -> bool:
    """Mostly printable characters: what a text file holds and a binary one does not."""
    if text.replace("\n", "").isprintable() or "".join(text.split()).isprintable():
        return True  # all printable or white space (``split`` drops all of it), at C speed
    return sum(ch.isprintable() or ch.isspace() for ch in text) >= 0.98 * len(text)


def decode(data: bytes, path: str | Path = "<bytes>") -> str:
    """UTF-8 (with or without BOM), UTF-16 (with a BOM or without), Vietnamese Windows-1258,
    else another encoding charset-normalizer is sure of; binary data is refused."""
    if not data.strip():
        raise InputError(path, "empty file")
    text: str | None = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "starts like UTF-16 but does not decode as UTF-16") from None
    elif b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(path, "binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _windows_1258(data)
    guess = "UTF-8/UTF-16/Windows-1258"
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding in ("ascii", "utf_8"):
            raise InputError(path, "not valid UTF-8 and no other text encoding fits")
        text, guess = str(best), best.encoding
    if not _textual(text):
        raise InputError(path, f"binary file, not text ({guess} gives unprintable characters)")
    return text


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    try:
        with open(path, "rb") as fh:  # one open and one fstat, where exists/stat/read took four calls
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise InputError(path, f"file too large ({size:,} bytes; limit {max_bytes:,})")
            return fh.read()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(path, "no such file or directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


# ---------------------------------------------------------------- dates in text

_DATE_LINE = re.compile(
    r"^\s*(?:(?:Thứ\s+\w+|Chủ\s+nhật)\s*,\s*)?(?:Ngày\s+đăng:?\s*)?"
    r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?"
    r"(?:\s*\(?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?)?\s*$",
    re.MULTILINE | re.IGNORECASE,
)
_DATE_MARK = re.compile(r"^\s*date\s+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\b", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def published_in_text(text: str, head: int = 600) -> str | None:
    """A publication date written at the top of the body: a date line or a ``date YYYY-MM`` mark."""
    top = text[:head]
    m = _DATE_MARK.match(top)
    if m:
        return "-".join(g for g in m.groups() if g)
    m = _DATE_LINE.search(top)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``) from an ISO-like date string, else None."""
    if not isinstance(value, str):
        return None
    m = _ISO.search(value)
    if not m:
        return published_in_text(value)
    return "-".join(g for g in m.groups() if g)


# ---------------------------------------------------------------- readers


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body) of a plain-text article: the first line is the title when it is a headline."""
    text = nfc(text)
    first, sep, rest = text.partition("\n")
    head = first.strip()
    if sep and rest.strip() and head and len(head) < TITLE_MAX and not head.endswith((".", ";", ",")):
        return head, rest.strip()
    return None, text.strip()


def read_txt(path: Path) -> Article:
    raw = decode(read_bytes(path), path)
    title, body = split_title(raw)
    if not body:
        raise InputError(path, "no article text")
    return Article(text=body, title=title, path=str(path), published=published_in_text(body))


def read_html(path: Path) -> Article:
    from pipeline.scrape.parse import parse_page

    raw = decode(read_bytes(path), path)
    page = parse_page(raw, url=None)
    if not page.text:
        raise InputError(path, f"no article text in the page ({page.reason or 'nothing extracted'})")
    return Article(
        text=page.text,
        title=page.title,
        path=str(path),
        url=page.url,
        published=page.published,
        author=page.author,
    )


def article_from_record(rec: Any, path: Path, where: str = "") -> Article:
    """An article from a raw JSON record (as the scraper stores it) or a contract object."""
    if not isinstance(rec, dict):
        raise InputError(path, f"{where}not an article record (a JSON object with 'text')")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, f"{where}record has no 'text'")
    url = rec.get("canonical_url") or rec.get("url")
    published = iso_date(rec.get("published")) or published_in_text(text)
    return Article(
        text=text,
        id=rec.get("id") or "",
        path=str(path),
        url=url,
        title=rec.get("title"),
        published=published,
        source=rec.get("source"),
        author=rec.get("author"),
        fetched_at=rec.get("fetched_at"),
    )


def read_json(path: Path) -> Article:
    try:
        rec = json.loads(decode(read_bytes(path), path))
    except json.JSONDecodeError as exc:
        raise InputError(path, f"malformed JSON (line {exc.lineno}: {exc.msg})") from None
    return article_from_record(rec, path)


def read_jsonl(path: Path) -> Iterator[Article]:
    text = decode(read_bytes(path), path)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"malformed JSON on line {n} ({exc.msg})") from None
        yield article_from_record(rec, path, where=f"line {n}: ")


def read_file(path: Path) -> list[Article]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return [read_txt(path)]
    if suffix in (".html", ".htm"):
        return [read_html(path)]
    if suffix == ".json":
        return [read_json(path)]
    if suffix == ".jsonl":
        return list(read_jsonl(path))
    raise InputError(path, f"unsupported file type {suffix or '(none)'} (want {', '.join(ARTICLE_SUFFIXES)})")


def is_annotation(path: Path) -> bool:
    """Gold annotation files (``gold*.jsonl``) sit beside articles but are not articles."""
    return path.name.startswith("gold") and path.suffix == ".jsonl"


def article_files(path: Path) -> list[Path]:
    """The article files a command-line path names (a file, or a directory walked recursively)."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(path, "no such file or directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISREG(mode):
        return [path]
    files = sorted(
        p
        for p in path.rglob("*")
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not is_annotation(p)
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    if not files:
        raise InputError(path, f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this directory")
    return files


def iter_articles(paths: list[str | Path], failures: list[Failure]) -> Iterator[Article]:
    """Articles from every path, streaming; unreadable inputs are appended to ``failures``."""
    for given in paths:
        named = Path(given)
        try:
            files = article_files(named)
        except InputError as exc:
            failures.append(Failure(exc.path, exc.reason))
            continue
        one_file = files == [named]  # the path names a file, not a directory
        for f in files:
            try:
                arts = read_file(f)
            except InputError as exc:
                failures.append(Failure(exc.path, exc.reason))
                continue
            for art in arts:
                if one_file:
                    art.path = str(given)
                yield art
