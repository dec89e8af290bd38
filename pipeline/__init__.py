"""vnnews pipeline: the Article record, readers, the stage runner, scraping and loading."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

__version__ = "0.1.0"


def read_table(name: str, db: str | Path | None = None) -> pandas.DataFrame:
    """A table or view of the store as a DataFrame: ``pipeline.read_table("indicators")``.

    ``db`` defaults to ``$VNNEWS_DB``, else ``data/processed/vnnews.db``; the store is opened read-only.
    """
    from pipeline.store.queries import read_table as read_store_table

    return read_store_table(name, db)
