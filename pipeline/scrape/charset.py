"""Bytes of a fetched page -> text: UTF-8 first, then the declared charset, then detection.

Vietnamese sites serve UTF-8, but older ones still use windows-1258 or TCVN-era encodings and some
declare the wrong one (a page in UTF-8 sent as ``iso-8859-1``, a legacy page labelled ``utf-8``).
Valid UTF-8 is almost never produced by accident from legacy bytes, so it is tried first.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def declared_charsets(body: bytes, content_type: str | None) -> list[str]:
    """Charsets named by the Content-Type header and by the page's own ``<meta>``, known codecs only."""
    found: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m:
            found.append(m.group(1))
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        found.append(meta.group(1).decode("ascii", "replace"))
    names = []
    for name in found:
        try:
            names.append(codecs.lookup(name).name)
        except LookupError:
            continue
    return list(dict.fromkeys(names))


def decode_page(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """``(text, encoding)``; never raises (undecodable bytes become U+FFFD as a last resort)."""
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", "replace"), "utf-8"
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in declared_charsets(body, content_type):
        if name in ("utf-8", "ascii"):
            continue  # shown wrong above
        if name in ("latin-1", "iso8859-1", "cp1252"):
            break  # the HTTP default: says nothing; detection does better on Vietnamese text
        try:
            return _nfc(body.decode(name)), name
        except UnicodeDecodeError:
            continue
    best = from_bytes(body).best()
    if best is not None and best.encoding:
        return _nfc(str(best)), best.encoding
    return _nfc(body.decode("cp1258", "replace")), "cp1258"


def _nfc(text: str) -> str:
    """windows-1258 writes tone marks as combining characters; compose them."""
    return unicodedata.normalize("NFC", text)
