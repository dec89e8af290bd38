"""Datasette configuration for the store: ``metadata.yaml`` (titles, bilingual column notes, queries)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

METADATA_FILE = Path(__file__).resolve().parent / "metadata.yaml"
STATIC_DIR = Path(__file__).resolve().parent / "static"  # served at /assets/
TEMPLATE_DB = "vnnews"


def metadata_for(db_path: str | Path) -> dict[str, Any]:
    """The metadata with its database section keyed by the name Datasette gives ``db_path`` (its stem)."""
    meta: dict[str, Any] = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))
    name = Path(db_path).stem
    meta["databases"] = {name: meta["databases"][TEMPLATE_DB]}
    links = re.compile(f'href="/{TEMPLATE_DB}(?=[/"])')
    meta["description_html"] = links.sub(f'href="/{name}', meta["description_html"])
    return meta
