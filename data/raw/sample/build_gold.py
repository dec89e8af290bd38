"""Build ``gold.jsonl`` for the bundled sample from the compact ``annotations.yaml``.

Run from anywhere: ``python data/raw/sample/build_gold.py`` (add ``--check`` to compare with the
committed file instead of writing it). The annotation format and the placement rules are described
in ``data/raw/gold_builder.py``, which does the work; this file holds what the sample's articles need.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(str(HERE.parent))  # data/raw holds the shared builder
import gold_builder  # noqa: E402

CONFIG = gold_builder.GoldConfig(
    folder=HERE,
    currencies={"đồng": "VND", "USD": "USD"},
    unit_words={"%": "percent", "đồng": "VND", "USD": "USD", "lần": "times", "ha": "ha", "km": "km"},
    unit_from_first_word=True,
)

if __name__ == "__main__":
    sys.exit(gold_builder.run(CONFIG, __doc__.splitlines()[0]))
