"""Plain-text renderings of query results for the terminal: aligned tables, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

MAX_CELL = 60


def cell(value: Any, max_width: int = MAX_CELL) -> str:
    """A value as a table cell: big numbers grouped ("1 455 000 000 000"), long text cut with "…"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) >= 1e4):
        return f"{int(value):,}".replace(",", " ")
    if isinstance(value, float):
        return f"{value:g}"
    text = " ".join(str(value).split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def render_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = MAX_CELL) -> str:
    cells = [[cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row[i], int | float) or row[i] is None for row in rows) and bool(rows)
               for i in range(len(columns))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    out = [line(list(columns)), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    return "\n".join(out)


def render_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buf.getvalue().rstrip("\n")


def render_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    return json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=2)


RENDERERS = {"table": render_table, "csv": render_csv, "json": render_json}


def render_summary(db: str, report: Any, top: int = 10) -> str:
    """What a load left in the store: articles, rows per table, the most reported indicators."""
    from pipeline.store.queries import run_query

    counts = report.rows
    lines = [f"Loaded {report.loaded} article(s) into {db}"
             + (f" ({len(report.failed)} failed)" if report.failed else ""), ""]
    lines.append(render_table(["table", "rows"], [(t, n) for t, n in counts.items()]))
    res = run_query(
        "SELECT indicator, count(*) AS figures, count(DISTINCT location) AS places, "
        "count(DISTINCT article_id) AS articles FROM indicators GROUP BY indicator "
        "ORDER BY figures DESC, indicator LIMIT ?", db, (top,),
    )
    lines += ["", "Top indicators"]
    lines.append(render_table(res.columns, res.rows) if res.rows else "(no indicator figures yet)")
    lines += ["", f"The tables are in {db}:",
              f"  vnnews indicators --db {db}        # figures as a table",
              f"  vnnews query --db {db} \"SELECT * FROM indicators LIMIT 5\"",
              f"  vnnews export --db {db} --wide      # one analysis-ready CSV",
              f"  vnnews serve --db {db}              # browse in Datasette"]
    return "\n".join(lines)
