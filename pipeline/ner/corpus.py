"""Labelled training sentences composed from templates and word lists (``vocab.yaml``).

Everything generated here is our own text: names are drawn from lists of surnames, middle and
given names; bodies are built from their parts at every level ("Ban Thường vụ Tỉnh ủy Vĩnh Phúc",
"UBND huyện Yên Lạc", "Đảng ủy phường Đồng Tâm", "Công ty TNHH Minh Long"); places from province,
district and commune lists. Each example is ``(text, [(start, end, label), ...])`` with labels
PER, ORG and LOC. The same seed always gives the same corpus.

``python -m pipeline.ner.corpus [N] [SEED]`` prints N examples as JSON lines.
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

Entity = tuple[int, int, str]
Example = tuple[str, list[Entity]]

VOCAB_PATH = Path(__file__).with_name("vocab.yaml")
_SLOT = re.compile(r"\{([A-Z]+)(?:=([^}]+))?\}")
_LEVEL_OF = {"province": "tỉnh", "city": "thành phố", "district": "huyện", "town": "thị xã"}


@cache
def vocab() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(VOCAB_PATH.read_text(encoding="utf-8"))
    needed = ("surnames", "middle_names", "given_names", "posts", "templates", "provinces", "clauses")
    missing = [k for k in needed if not data.get(k)]
    if missing:
        raise ValueError(f"{VOCAB_PATH}: missing or empty: {', '.join(missing)}")
    return data


@dataclass
class Builder:
    """Text under construction with the entities placed in it so far."""

    parts: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, label: str | None = None) -> None:
        if label is not None and text:
            self.entities.append((self.length, self.length + len(text), label))
        self.parts.append(text)
        self.length += len(text)

    def add_built(self, other: Builder) -> None:
        for s, e, label in other.entities:
            self.entities.append((s + self.length, e + self.length, label))
        self.parts.extend(other.parts)
        self.length += other.length

    def text(self) -> str:
        return "".join(self.parts)


class Composer:
    """Draws names, bodies, places and posts, and fills templates with them."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.v = vocab()

    def pick(self, key: str) -> Any:
        return self.rng.choice(self.v[key])

    def person(self) -> str:
        n_middle = self.rng.choices((0, 1, 2), weights=(15, 65, 20))[0]
        middles = [self.pick("middle_names") for _ in range(n_middle)]
        return " ".join([self.pick("surnames"), *middles, self.pick("given_names")])

    def province(self) -> str:
        return str(self.pick("provinces"))

    def place_for(self, scope: str) -> tuple[str, str]:
        """``(level word, name)`` of a province, a district/city or a commune."""
        if scope == "province":
            return "tỉnh", self.province()
        level, name = self.pick("districts" if scope in ("city", "district", "town") else "communes")
        return str(level), str(name)

    def committee(self) -> str:
        """A Party committee, its place given or not: "Tỉnh ủy", "Thành ủy Vĩnh Yên"."""
        word, scope = self.rng.choice(list(self.v["committees"].items()))
        if self.rng.random() < 0.5:
            return str(word)
        return f"{word} {self.place_for(scope)[1]}"

    def level_place(self) -> str:
        """ "tỉnh", "huyện Yên Lạc", "xã Đồng Tâm", "thành phố": a level word, maybe with the name."""
        scope = self.rng.choice(("province", "district", "commune"))
        level, name = self.place_for(scope)
        return level if self.rng.random() < 0.35 else f"{level} {name}"

    def unit(self) -> str:
        kind = self.rng.choices(
            ("committee", "board", "party", "level", "department", "central", "enterprise", "bare"),
            weights=(18, 18, 12, 20, 12, 12, 6, 6),
        )[0]
        if kind == "committee":
            return self.committee()
        if kind == "board":
            board = self.pick("party_boards")
            if board == "Ban Thường vụ" and self.rng.random() < 0.15:
                board = "Ban Thường vụ (BTV)"
            return f"{board} {self.committee()}"
        if kind == "party":
            body = self.rng.choice(("Đảng ủy", "Đảng bộ", "Chi bộ", "Đảng ủy Khối các cơ quan"))
            if body == "Đảng ủy Khối các cơ quan":
                return f"{body} tỉnh"
            if body == "Chi bộ":
                return f"Chi bộ thôn {self.place_for('commune')[1]}"
            return body if self.rng.random() < 0.25 else f"{body} {self.level_place()}"
        if kind == "level":
            return f"{self.pick('bodies_with_level')} {self.level_place()}"
        if kind == "department":
            return self.department()
        if kind == "bare":
            bare = str(self.pick("bare_abbreviations"))
            return bare if self.rng.random() < 0.5 else f"{bare} {self.level_place()}"
        if kind == "central":
            return str(self.pick("central_bodies"))
        return f"{self.pick('enterprise_forms')} {self.pick('enterprise_names')}"

    def post_with_unit(self, out: Builder) -> None:
        """A post and the body it belongs to (labelled ORG), or a post that names no body."""
        group = self.rng.choices(
            ("party", "board", "government", "department", "ministry", "alone"),
            weights=(30, 15, 25, 12, 6, 6),
        )[0]
        post = str(self.rng.choice(self.v["posts"][group]))
        if group == "alone":
            out.add(post)
            if post == "Thủ tướng" and self.rng.random() < 0.6:
                out.add(" ")
                out.add("Chính phủ", "ORG")
            return
        if group == "party":
            if post.startswith("Ủy viên"):
                post, board = "Ủy viên", post.removeprefix("Ủy viên ")
                unit = f"{board} {self.committee()}"
            elif post.endswith("Đảng ủy"):
                post = post.removesuffix(" Đảng ủy")
                unit = f"Đảng ủy {self.level_place()}"
            else:
                unit = self.committee() if self.rng.random() < 0.8 else f"Đảng ủy {self.level_place()}"
        elif group == "board":
            unit = f"{self.pick('party_boards')} {self.committee()}"
        elif group == "government":
            unit = f"{self.pick('bodies_with_level')} {self.level_place()}"
        elif group == "department":
            unit = self.unit() if post.startswith(("Tổng", "Phó Tổng", "Chủ tịch")) else self.department()
        else:
            unit = str(self.rng.choice([b for b in self.v["central_bodies"] if b.startswith(("Bộ", "Ban"))]))
        out.add(post + " ")
        out.add(unit, "ORG")

    def department(self) -> str:
        dept = str(self.pick("departments"))
        return dept if self.rng.random() < 0.6 else f"{dept} tỉnh {self.province()}"

    def fill(self, template: str, out: Builder, depth: int = 0) -> None:
        pos = 0
        for m in _SLOT.finditer(template):
            out.add(template[pos : m.start()])
            if m.group(2):  # {ORG=Chính phủ}: a fixed text with its label
                out.add(m.group(2), m.group(1))
            else:
                self.slot(m.group(1), out, depth)
            pos = m.end()
        out.add(template[pos:])

    def slot(self, name: str, out: Builder, depth: int) -> None:
        rng = self.rng
        if name == "PER":
            out.add(self.person(), "PER")
        elif name == "ORG":
            out.add(self.unit(), "ORG")
        elif name == "LOC":
            out.add(self.rng.choice((self.province(), self.place_for("district")[1])), "LOC")
        elif name == "PLACE":
            level, place = self.place_for(rng.choice(("province", "district", "commune")))
            out.add(level + " ")
            out.add(place, "LOC")
        elif name == "BYLINE":  # a byline or photo credit: often no surname ("Thu Trang")
            given = self.pick("given_names")
            first = self.pick("surnames") if rng.random() < 0.4 else self.pick("middle_names")
            out.add(f"{first} {given}", "PER")
        elif name == "HON":
            out.add(str(self.pick("honorifics")))
        elif name == "POST":
            out.add(str(self.rng.choice(self.v["posts"]["alone"])))
        elif name == "POSTU":
            self.post_with_unit(out)
        elif name == "CAPCLAUSE":
            sub = Builder()
            self.fill(str(self.pick("clauses")), sub, depth + 1)
            sub.parts[0] = sub.parts[0][:1].upper() + sub.parts[0][1:]
            out.add_built(sub)
        elif name in ("CLAUSE", "HEADLINE"):
            self.fill(str(self.pick("clauses" if name == "CLAUSE" else "headlines")), out, depth + 1)
        elif name == "NUM":
            out.add(str(rng.choice((rng.randint(1, 99), rng.randint(100, 9999)))))
        elif name == "YEAR":
            out.add(str(rng.randint(2015, 2026)))
        elif name == "DATE":
            out.add(f"{rng.randint(1, 28)}/{rng.randint(1, 12)}")
        else:
            raise ValueError(f"unknown template slot {{{name}}}")

    def sentence(self) -> Builder:
        out = Builder()
        if self.rng.random() < 0.12:
            self.fill(str(self.pick("plain")), out)
        else:
            self.fill(str(self.pick("templates")), out)
        return out

    def example(self) -> Example:
        """One to three sentences, joined by a space or a line break."""
        out = Builder()
        for i in range(self.rng.choices((1, 2, 3), weights=(60, 30, 10))[0]):
            if i:
                out.add(self.rng.choice((" ", "\n", "\n\n")))
            out.add_built(self.sentence())
        return out.text(), out.entities


def generate(n: int, seed: int = 0) -> list[Example]:
    """``n`` labelled examples; the same ``seed`` always gives the same list."""
    composer = Composer(seed)
    return [composer.example() for _ in range(n)]


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 10
    seed = int(argv[1]) if len(argv) > 1 else 0
    for text, ents in generate(n, seed):
        print(json.dumps({"text": text, "entities": ents}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
