"""Money: every amount, with ``value`` in the currency's base unit ("44.280 tỷ đồng" -> 44280e9 VND).

Matching finds a figure (extractors.numbers) followed by a currency word from
``resources/currencies.csv``; building turns it into the contract's fields.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.datafiles import read_csv
from extractors.numbers import Figure, alternation_by_first_letter, bound_after, find_figures
from pipeline.article import Article, Span

# "đồng" that is not money: "48 đồng chí", "đồng bào", "đồng thời" ...
NOT_MONEY_AFTER_DONG = ("chí", "bào", "thời", "nghiệp", "hồ", "đội", "ruộng", "bằng", "tâm", "ý", "hành")
SPACES = re.compile(r"\s+")


@cache
def currency_pattern() -> re.Pattern[str]:
    rows = read_csv("currencies.csv", ("surface", "code"))
    alts = alternation_by_first_letter([r["surface"] for r in rows], ignore_case=False)
    stop = "|".join(NOT_MONEY_AFTER_DONG)
    return re.compile(rf"\s*(?P<cur>{alts})(?!\w)(?!\s+(?:{stop})(?!\w))")


@cache
def currency_codes() -> dict[str, str]:
    rows = read_csv("currencies.csv", ("surface", "code"))
    return {re.sub(r"\s+", " ", r["surface"]).casefold(): r["code"] for r in rows}


def match(text: str) -> list[tuple[Figure, int, str]]:
    """(figure, end of the currency word, currency code) for every amount of money."""
    pat, codes = currency_pattern(), currency_codes()
    out = []
    for fig in find_figures(text):
        m = pat.match(text, fig.end)
        if not m:
            continue
        code = codes[SPACES.sub(" ", m.group("cur")).casefold()]
        bare_dong = m.group("cur").casefold() == "đồng"
        per_unit = text.startswith("/", m.end())  # "500 đồng/kg" is a price
        if bare_dong and not per_unit and fig.scale == 1 and max(fig.value, fig.high or 0) < 1000:
            continue  # "48 đồng …" in news text is almost never money ("VNĐ", "đ" are)
        fig, end = bound_after(text, m.end(), fig)
        out.append((fig, end, code))
    return out


def extract(article: Article) -> list[Span]:
    spans = []
    for fig, end, code in match(article.text):
        spans.append(
            article.span(
                fig.start,
                end,
                value=_int_if_whole(fig.value),
                high=_int_if_whole(fig.high),
                currency=code,
                approx=fig.approx,
            )
        )
    return spans


def _int_if_whole(v: float | None) -> int | float | None:
    if v is None:
        return None
    r = round(v)
    return r if abs(v - r) < 1e-6 * max(1.0, abs(v)) else v
