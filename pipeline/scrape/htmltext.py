"""Readable text from an HTML element: one line per block, inline markup joined, whitespace tidied."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
NEVER_TEXT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "canvas",
        "video",
        "audio",
        "object",
        "button",
        "input",
        "select",
        "textarea",
        "form",
    }
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b\u202f\ufeff]+")


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def clean_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def block_lines(el: Tag) -> list[str]:
    """The element's text as lines, one per paragraph-like block; empty lines dropped."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = clean_line("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                current.append(str(child).replace("\n", " "))
            elif isinstance(child, Tag):
                if child.name in NEVER_TEXT:
                    continue
                block = child.name in BLOCK_TAGS
                if block:
                    flush()
                walk(child)
                if block:
                    flush()

    walk(el)
    flush()
    return lines


def element_text(el: Tag) -> str:
    return clean_line(" ".join(block_lines(el)))
