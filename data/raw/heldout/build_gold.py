"""Build ``gold.jsonl`` for the held-out set from the compact ``annotations.yaml``.

Run from anywhere: ``python data/raw/heldout/build_gold.py`` (add ``--check`` to compare with the
committed file instead of writing it). The annotation format and the placement rules are those of
the bundled sample (``data/raw/gold_builder.py`` does the work). What the held-out articles add:

- more currency words ("triệu đô la Mỹ" is USD) and indicator units ("m2", "lần");
- flags kept on units (``related_link``, ``borderline``) and on decisions (``repeat``, ``borderline``);
- indicator ``unit`` read from all the words after the figure in ``q`` when they name one.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(str(HERE.parent))  # data/raw holds the shared builder
import gold_builder  # noqa: E402

CONFIG = gold_builder.GoldConfig(
    folder=HERE,
    currencies={"đồng": "VND", "USD": "USD", "đô la Mỹ": "USD"},
    unit_words={
        "%": "percent",
        "đồng": "VND",
        "USD": "USD",
        "đô la Mỹ": "USD",
        "lần": "times",
        "ha": "ha",
        "m2": "m2",
        "km": "km",
    },
    unit_flags=("related_link", "borderline"),
    decision_flags=("repeat", "borderline"),
    indicator_flags=("borderline", "repeat", "related_link"),
)

if __name__ == "__main__":
    sys.exit(gold_builder.run(CONFIG, __doc__.splitlines()[0]))
