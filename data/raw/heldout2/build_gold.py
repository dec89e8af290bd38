"""Build ``gold.jsonl`` for the second held-out set from the compact ``annotations.yaml``.

Run from anywhere: ``python data/raw/heldout2/build_gold.py`` (add ``--check`` to compare with the
committed file instead of writing it). The annotation format is that of the first held-out set
(``../heldout/build_gold.py``, whose settings this one extends; ``data/raw/gold_builder.py`` does
the work). What it adds:

- a figure that opens a headline ("Gần 1.000 tỷ đồng") is read with its first letter in lower case;
- a decision may carry its ``date`` when the article gives it outside the decision's own words
  ("Ngày 15 tháng 3 năm 2024, UBND tỉnh ban hành Quyết định số 318/QĐ-UBND").
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(str(HERE.parent))  # data/raw holds the shared builder
import gold_builder  # noqa: E402

CONFIG = gold_builder.config_like("heldout", HERE, money_may_open_headline=True, decision_dates_given=True)

if __name__ == "__main__":
    sys.exit(gold_builder.run(CONFIG, __doc__.splitlines()[0]))
