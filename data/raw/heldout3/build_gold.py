"""Build ``gold.jsonl`` for the third held-out set from the compact ``annotations.yaml``.

Run from anywhere: ``python data/raw/heldout3/build_gold.py`` (add ``--check`` to compare with the
committed file instead of writing it). The annotation format is that of the first held-out set
(``../heldout/build_gold.py``, whose settings this one extends; ``data/raw/gold_builder.py`` does
the work). What it adds:

- a figure that opens a related headline ("Hơn 4.200 tỷ đồng") is read with its first letter in
  lower case;
- a decision cited in the run-together related-headline line keeps ``related_link: true``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(str(HERE.parent))  # data/raw holds the shared builder
import gold_builder  # noqa: E402

CONFIG = gold_builder.config_like(
    "heldout", HERE, money_may_open_headline=True, decision_text_flags=("related_link",)
)

if __name__ == "__main__":
    sys.exit(gold_builder.run(CONFIG, __doc__.splitlines()[0]))
