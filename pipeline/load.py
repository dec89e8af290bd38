"""Load extracted articles into the SQLite store (the implementation lives in :mod:`pipeline.store`).

``load_articles(db_path, articles, batch_size=...)`` is the entry point; see
:mod:`pipeline.store.loader` for its guarantees (idempotent, atomic per article, bulk batches).
"""

from pipeline.store.loader import DEFAULT_DB, LoadReport, default_db, load_articles, open_store

__all__ = ["DEFAULT_DB", "LoadReport", "default_db", "load_articles", "open_store"]
