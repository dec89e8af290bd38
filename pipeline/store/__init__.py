"""The SQLite store: schema and migrations, registries, the loader, queries and exports."""

from pipeline.store.loader import DEFAULT_DB, LoadReport, default_db, load_articles, open_store
from pipeline.store.queries import (
    ReadOnlyError,
    StoreError,
    connect_readonly,
    indicator_rows,
    read_table,
    run_query,
    table_names,
)

__all__ = [
    "DEFAULT_DB", "LoadReport", "ReadOnlyError", "StoreError", "connect_readonly", "default_db",
    "indicator_rows", "load_articles", "open_store", "read_table", "run_query", "table_names",
]
