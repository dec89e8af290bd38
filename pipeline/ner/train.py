"""Retrain the PER/ORG/LOC model from scratch: ``python -m pipeline.ner.train [--out DIR]``.

The training text is our own: sentences composed by :mod:`pipeline.ner.corpus`, plus the bundled
sample's gold (``data/raw/sample/gold.jsonl``, also ours) when it is there. Never the seeds in
``../shared``: those are for evaluation. A fixed seed makes the run repeatable; it uses one thread
and takes one to two minutes.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.pipeline import EntityRecognizer  # noqa: E402
from spacy.training import Example, offsets_to_biluo_tags  # noqa: E402
from spacy.util import minibatch  # noqa: E402

from pipeline.ner.corpus import Entity, generate  # noqa: E402
from pipeline.segment import blank_vietnamese  # noqa: E402

MODEL_DIR = Path(__file__).with_name("model")
SEED = 13
N_TRAIN = 2500
N_DEV = 300
EPOCHS = 6
LABELS = ("PER", "ORG", "LOC")

# A small CNN: the saved model stays around 2 MB.
NER_MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 64,
        "depth": 4,
        "embed_size": 2000,
        "window_size": 1,
        "maxout_pieces": 3,
        "subword_features": True,
    },
}


def to_examples(nlp: Language, data: Sequence[tuple[str, list[Entity]]]) -> tuple[list[Example], int]:
    """spaCy examples; an entity whose edges fall inside a token is marked unknown, not O."""
    examples: list[Example] = []
    misaligned = 0
    for text, entities in data:
        doc = nlp.make_doc(text)
        tags = offsets_to_biluo_tags(doc, entities)
        misaligned += sum(1 for s, e, _ in entities if doc.char_span(s, e) is None)
        examples.append(Example.from_dict(doc, {"entities": tags}))
    return examples, misaligned


def score(nlp: Language, examples: Sequence[Example]) -> dict[str, float]:
    scores = nlp.evaluate(examples)
    out = {"f1": scores["ents_f"], "p": scores["ents_p"], "r": scores["ents_r"]}
    for label, s in (scores.get("ents_per_type") or {}).items():
        out[f"f1_{label}"] = s["f"]
    return out


def train(
    out_dir: Path = MODEL_DIR, seed: int = SEED, n_train: int = N_TRAIN, epochs: int = EPOCHS
) -> Language:
    started = time.perf_counter()
    warnings.filterwarnings("ignore", message=r"\[W030\]")  # entities off token edges: counted below
    spacy.util.fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = blank_vietnamese(names_apart=True)
    ner: EntityRecognizer = nlp.add_pipe("ner", config={"model": NER_MODEL})  # type: ignore[assignment]
    for label in LABELS:
        ner.add_label(label)
    data = generate(n_train + N_DEV, seed)
    train_ex, bad = to_examples(nlp, data[:n_train])
    dev_ex, _ = to_examples(nlp, data[n_train:])
    n_ents = sum(len(e) for _, e in data[:n_train])
    print(f"{len(train_ex)} training examples, {n_ents} entities ({bad} not on token edges), "
          f"{len(dev_ex)} held out; tokenized in {time.perf_counter() - started:.0f}s")
    optimizer = nlp.initialize(lambda: train_ex, sgd=None)
    for epoch in range(epochs):
        rng.shuffle(train_ex)
        losses: dict[str, float] = {}
        for batch in minibatch(train_ex, size=16):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        s = score(nlp, dev_ex)
        print(f"epoch {epoch + 1:2d}  loss {losses['ner']:8.1f}  held-out F1 {s['f1']:.3f}  "
              f"(PER {s.get('f1_PER', 0):.3f} ORG {s.get('f1_ORG', 0):.3f} LOC {s.get('f1_LOC', 0):.3f})  "
              f"{time.perf_counter() - started:.0f}s")
    nlp.meta.update({"name": "vnnews_ner", "version": "0.1.0",
                     "description": "PER/ORG/LOC for Vietnamese provincial news, trained on composed text"})
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    print(f"saved to {out_dir} in {time.perf_counter() - started:.0f}s")
    return nlp


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.ner.train", description=__doc__)
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to save the model")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--examples", type=int, default=N_TRAIN)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args(argv)
    train(args.out, args.seed, args.examples, args.epochs)


if __name__ == "__main__":
    main()
