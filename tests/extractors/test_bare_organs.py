"""Bare organs: "Ban Thường vụ", "Ban Chấp hành", "Thường trực" whose committee comes from context."""

from __future__ import annotations

import pytest

from extractors.bare_organs import as_committee, as_party_body
from extractors.units import extract
from pipeline.article import Article

# A context sentence naming a district and its province: the article's main committee is the Huyện ủy.
DISTRICT = "Huyện Yên Lạc (Vĩnh Phúc) tổng kết năm. Huyện Yên Lạc phát động thi đua. "


def alone(text: str) -> list[tuple[str, str]]:
    """(text, name) of the units written as a bare organ in ``text``."""
    spans = extract(Article(text=text))
    return [(s.text, s.get("name")) for s in spans if s.text in ("Ban Thường vụ", "BTV", "Ban Chấp hành",
                                                                  "BCH", "Thường trực")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a membership before a post: the committee the post chain goes on to name
        ("Bà Trần Thị Mai, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy Yên Lạc phát biểu.",
         [("Ban Thường vụ", "Ban Thường vụ Huyện ủy Yên Lạc")]),
        ("Ông Lê Văn Hòa, Bí thư Huyện ủy Yên Lạc, Ủy viên Ban Thường vụ, Chủ nhiệm UBKT Tỉnh ủy dự.",
         [("Ban Thường vụ", "Ban Thường vụ Tỉnh ủy Vĩnh Phúc")]),
        # a Đảng bộ named earlier in the sentence: its committee
        ("Đại hội bầu Ban Chấp hành Đảng bộ xã Tề Lỗ gồm 25 đồng chí; Ban Thường vụ gồm 7 đồng chí.",
         [("Ban Thường vụ", "Ban Thường vụ Đảng ủy xã Tề Lỗ")]),
        ("BCH Đảng bộ huyện họp; BCH gồm 35 đồng chí.", [("BCH", "Ban Chấp hành Đảng bộ huyện Yên Lạc")]),
        # nothing in the sentence: the article's main committee
        ("Ban Thường vụ đã họp và cho ý kiến về đề án.",
         [("Ban Thường vụ", "Ban Thường vụ Huyện ủy Yên Lạc")]),
        ("Ban Chấp hành đã thảo luận dự thảo báo cáo.",
         [("Ban Chấp hành", "Ban Chấp hành Đảng bộ huyện Yên Lạc")]),
        ("Thường trực đã làm việc với các ngành.", [("Thường trực", "Thường trực Huyện ủy Yên Lạc")]),
    ],
)
def test_bare_organs_take_the_committee_from_context(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert alone(DISTRICT + sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Các Ban Thường vụ cấp ủy cơ sở đã kiểm điểm.",  # plural
        "Ban Thường vụ các huyện ủy đã kiểm điểm.",  # generic
        "Ban Chấp hành Công đoàn cơ sở đã họp.",  # a body the stage does not know follows
        "Đại hội Hội Nông dân xã Tề Lỗ đã bầu Ban Chấp hành gồm 15 đồng chí.",  # the association's own
        "Phó Bí thư Thường trực, Chủ tịch HĐND huyện phát biểu.",  # part of a post
        "Ông Nguyễn Văn Tâm, Phó Chủ tịch Thường trực UBND huyện.",
    ],
)
def test_bare_organs_not_a_party_organ(sentence: str) -> None:
    assert alone(DISTRICT + sentence) == []


def test_bare_organs_need_a_committee_somewhere() -> None:
    assert alone("Ban Thường vụ đã họp.") == []  # no place, no committee: cannot be pinned down
    in_province = "Tỉnh Hà Nam tổng kết. Ban Thường vụ đã họp."
    assert alone(in_province) == [("Ban Thường vụ", "Ban Thường vụ Tỉnh ủy Hà Nam")]


@pytest.mark.parametrize(
    ("party_body", "committee"),
    [
        ("Đảng bộ tỉnh Hà Nam", "Tỉnh ủy Hà Nam"),
        ("Đảng bộ thành phố Vĩnh Yên", "Thành ủy Vĩnh Yên"),
        ("Đảng bộ huyện Tam Đảo", "Huyện ủy Tam Đảo"),
        ("Đảng bộ thị xã Phú Thọ", "Thị ủy Phú Thọ"),
        ("Đảng bộ phường Hùng Vương", "Đảng ủy phường Hùng Vương"),
        ("Đảng bộ Công an tỉnh", "Đảng ủy Công an tỉnh"),
    ],
)
def test_bare_organs_party_body_and_committee_names(party_body: str, committee: str) -> None:
    assert as_committee(party_body) == committee
    assert as_party_body(committee) == party_body
