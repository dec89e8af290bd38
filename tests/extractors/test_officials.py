"""Officials: named post-holders with their title (as written, expanded) and unit."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import officials, units
from extractors.officials import capitalised_runs
from extractors.unit_patterns import expand
from extractors.unsure_names import mask, sentence_around, unsure_runs
from pipeline.article import Article


def officials_of(text: str, use_ner: bool | None = None) -> list[tuple[str, str, str | None]]:
    art = Article(text=text)
    art.add("units", units.extract(art))
    return [(s.text, s.get("title"), s.get("unit")) for s in officials.extract(art, use_ner=use_ner)]


def unsure_of(text: str) -> list[tuple[str, str]]:
    """The runs the rules are unsure of, with the title they would get (no model involved)."""
    art = Article(text=text)
    _, unsure = officials.match_rules(text, units.extract(art))
    return [(text[a:b], expand(text[t.start : t.end])) for (a, b), t in unsure]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Bí thư Tỉnh ủy Hoàng Thị Thúy Lan phát biểu chỉ đạo.",
         [("Hoàng Thị Thúy Lan", "Bí thư Tỉnh ủy", "Tỉnh ủy")]),
        ("Đ.c Phó Bí thư thường trực Thành ủy Nguyễn Hoài Nam phát động thi đua.",
         [("Nguyễn Hoài Nam", "Phó Bí thư thường trực Thành ủy", "Thành ủy")]),
        ("Phó Chủ tịch Thường trực UBND tỉnh Bắc Giang Mai Sơn dự lễ.",
         [("Mai Sơn", "Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Bắc Giang",
           "Ủy ban nhân dân tỉnh Bắc Giang")]),
        ("Bí thư Huyện ủy Tam Dương Trần Văn Đông kết luận hội nghị.",
         [("Trần Văn Đông", "Bí thư Huyện ủy Tam Dương", "Huyện ủy Tam Dương")]),
        ("Giám đốc Sở Tài chính Lê Minh Khôi báo cáo.",
         [("Lê Minh Khôi", "Giám đốc Sở Tài chính", "Sở Tài chính")]),
        ("Chủ tịch HĐND tỉnh Hà Nam Lê Thị Thủy chủ trì kỳ họp.",
         [("Lê Thị Thủy", "Chủ tịch Hội đồng nhân dân tỉnh Hà Nam", "Hội đồng nhân dân tỉnh Hà Nam")]),
        ("Thủ tướng Chính phủ Phạm Minh Chính ký quyết định.",
         [("Phạm Minh Chính", "Thủ tướng Chính phủ", "Chính phủ")]),
        ("Tổng Bí thư Tô Lâm thăm và làm việc.", [("Tô Lâm", "Tổng Bí thư", None)]),
        ("Trưởng Ban Dân vận Tỉnh ủy Hứa Văn Nghị dự.",
         [("Hứa Văn Nghị", "Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy")]),
        ("nguyên Chủ tịch UBND tỉnh Đinh Văn Hùng được khen thưởng.",
         [("Đinh Văn Hùng", "nguyên Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh")]),
        ("Giám đốc Sở Nội vụ Điểu Xuân Tâm báo cáo.",  # the body's name stops at a listed family name
         [("Điểu Xuân Tâm", "Giám đốc Sở Nội vụ", "Sở Nội vụ")]),
        ("Bí thư Tỉnh ủy Lai Châu Giàng Páo Mỷ phát biểu.",
         [("Giàng Páo Mỷ", "Bí thư Tỉnh ủy Lai Châu", "Tỉnh ủy Lai Châu")]),
        ("Chủ tịch xã Tề Lỗ Nguyễn Văn Thắng trình bày.",
         [("Nguyễn Văn Thắng", "Chủ tịch xã Tề Lỗ", None)]),
        ("Tổng Bí thư, Chủ tịch nước Tô Lâm gửi thư chúc mừng.",
         [("Tô Lâm", "Tổng Bí thư, Chủ tịch nước", None)]),
        ("Thứ trưởng Bộ Y tế Trần Văn Thuấn kiểm tra công tác phòng dịch.",
         [("Trần Văn Thuấn", "Thứ trưởng Bộ Y tế", "Bộ Y tế")]),
        ("Chánh Văn phòng Tỉnh ủy Lê Thị Hồng phát biểu.",
         [("Lê Thị Hồng", "Chánh Văn phòng Tỉnh ủy", "Văn phòng Tỉnh ủy")]),
        ("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh Đặng Xuân Phong chủ trì.",
         [("Đặng Xuân Phong", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh",
           "Ban Thường vụ Tỉnh ủy")]),
    ],
)
def test_officials_title_before_name(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert officials_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Dự hội nghị có đồng chí Phạm Hoàng Anh, Phó Bí thư Thường trực Tỉnh ủy.",
         [("Phạm Hoàng Anh", "Phó Bí thư Thường trực Tỉnh ủy", "Tỉnh ủy")]),
        ("Ông Đỗ Văn Tâm, Giám đốc Công ty CP Sông Hồng cho biết.",
         [("Đỗ Văn Tâm", "Giám đốc Công ty CP Sông Hồng", "Công ty CP Sông Hồng")]),
        ("Bà Nguyễn Thị Mai, Ủy viên BTV Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh phát biểu.",
         [("Nguyễn Thị Mai",
           "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh",
           "Ủy ban nhân dân tỉnh")]),
        ("Đồng chí Lò Văn Pọm - Chủ tịch UBND huyện Mường Nhé cho biết.",
         [("Lò Văn Pọm", "Chủ tịch Ủy ban nhân dân huyện Mường Nhé", "Ủy ban nhân dân huyện Mường Nhé")]),
        ("Ông Vương Đình Huệ, nguyên Chủ tịch Quốc hội đã nghỉ hưu.",
         [("Vương Đình Huệ", "nguyên Chủ tịch Quốc hội", "Quốc hội")]),
        ("Ông Nguyễn Văn Tư (Bí thư Đảng ủy xã Tề Lỗ) phát biểu.",
         [("Nguyễn Văn Tư", "Bí thư Đảng ủy xã Tề Lỗ", "Đảng ủy xã Tề Lỗ")]),
        ("Đồng chí Lê Thị Vân - Ủy viên BTV Tỉnh ủy, Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy dự.",
         [("Lê Thị Vân", "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy",
           "Ban Dân vận Tỉnh ủy")]),
        ("Đồng chí Nguyễn Văn Hải, Ủy viên BTV, Trưởng ban Tuyên giáo Tỉnh ủy phát biểu.",
         [("Nguyễn Văn Hải", "Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy",
           "Ban Tuyên giáo Tỉnh ủy")]),
        ("Đồng chí Trần Văn Tuấn được bầu giữ chức Bí thư Đảng ủy xã Tân Phú.",
         [("Trần Văn Tuấn", "Bí thư Đảng ủy xã Tân Phú", "Đảng ủy xã Tân Phú")]),
        ("Đồng chí Điểu K'Ré, Bí thư Tỉnh ủy Bình Phước phát biểu.",  # an apostrophe in a syllable
         [("Điểu K'Ré", "Bí thư Tỉnh ủy Bình Phước", "Tỉnh ủy Bình Phước")]),
        ("Bà Ksor H'Bơ Khăp, Phó Chủ tịch Quốc hội dự.",
         [("Ksor H'Bơ Khăp", "Phó Chủ tịch Quốc hội", "Quốc hội")]),
        ("Đồng chí Ma Thị Nguyệt, Bí thư Huyện ủy phát biểu.",
         [("Ma Thị Nguyệt", "Bí thư Huyện ủy", "Huyện ủy")]),
        ("Ông Lý Văn Tài được bổ nhiệm làm Giám đốc Sở Nội vụ.",
         [("Lý Văn Tài", "Giám đốc Sở Nội vụ", "Sở Nội vụ")]),
        ("Đại tá Phạm Văn Sơn, Giám đốc Công an tỉnh cho biết.",  # a rank gives way to the post
         [("Phạm Văn Sơn", "Giám đốc Công an tỉnh", "Công an tỉnh")]),
        ("Bà Lưu Thị Hòa, Bí thư Đảng ủy, Chủ tịch HĐND xã Đồng Văn khẳng định.",
         [("Lưu Thị Hòa", "Bí thư Đảng ủy, Chủ tịch Hội đồng nhân dân xã Đồng Văn",
           "Hội đồng nhân dân xã Đồng Văn")]),
    ],
)
def test_officials_title_after_name(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert officials_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a family name equal to the word before it ("Đồng chí Đồng …")
        ("Đồng chí Đồng Văn Hải, Bí thư Huyện ủy Tam Dương, dự hội nghị.",
         [("Đồng Văn Hải", "Bí thư Huyện ủy Tam Dương", "Huyện ủy Tam Dương")]),
        # a name that begins like a district ("Mai Sơn", "Đồng Văn", "Lâm Thao")
        ("Đồng chí Mai Sơn Hà, Chủ tịch UBND tỉnh Hà Nam, phát biểu.",
         [("Mai Sơn Hà", "Chủ tịch Ủy ban nhân dân tỉnh Hà Nam", "Ủy ban nhân dân tỉnh Hà Nam")]),
        ("Phó Bí thư Tỉnh ủy Lâm Thao Vũ kết luận hội nghị.",
         [("Lâm Thao Vũ", "Phó Bí thư Tỉnh ủy", "Tỉnh ủy")]),
        # a chain of posts: the unit is the main post's body, not a bare membership's
        ("Đồng chí Lê Minh Quân, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Hà Nam "
         "phát biểu.",
         [("Lê Minh Quân",
           "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh Hà Nam",
           "Tỉnh ủy Hà Nam")]),
        ("Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh Hà Nam Trần Thị Hoa báo cáo.",
         [("Trần Thị Hoa", "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Ủy ban nhân dân tỉnh Hà Nam",
           "Ủy ban nhân dân tỉnh Hà Nam")]),
        ("Ủy viên Ban Thường vụ Tỉnh ủy Hà Nam Trần Thị Hoa báo cáo.",
         [("Trần Thị Hoa", "Ủy viên Ban Thường vụ Tỉnh ủy Hà Nam", "Ban Thường vụ Tỉnh ủy Hà Nam")]),
    ],
)
def test_officials_names_like_places_and_main_post_body(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert officials_of(sentence, use_ner=False) == expected


def test_officials_list_each_with_own_post() -> None:
    text = ("Dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Trần Văn Khải, Trưởng Ban Tổ chức Tỉnh ủy; "
            "Lê Hồng Phúc, Trưởng Ban Tuyên giáo Tỉnh ủy; Ngô Thị Hạnh, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy.")
    assert officials_of(text) == [
        ("Trần Văn Khải", "Trưởng Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
        ("Lê Hồng Phúc", "Trưởng Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
        ("Ngô Thị Hạnh", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"),
    ]


def test_officials_list_under_a_heading() -> None:
    text = "Tham dự có các đồng chí Phó Chủ tịch UBND tỉnh: Vũ Chí Giang, Nguyễn Khắc Hiếu và Trần Duy Đông."
    assert [(n, t) for n, t, _ in officials_of(text)] == [
        ("Vũ Chí Giang", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
        ("Nguyễn Khắc Hiếu", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
        ("Trần Duy Đông", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị diễn ra thành công.\n\nLê Sơn",  # byline at the end
        "Tiến Dũng\n\n13/07/2022 15:33\n\nHội nghị tổng kết năm.",  # author line under the headline
        "Phó Bí thư phát biểu tại hội nghị. Ảnh: Trà Hương",  # photo credit
        "Toàn cảnh hội nghị. Ảnh Trần Hương",
        "Đoàn công tác làm việc tại Vĩnh Yên và phường Đồng Tâm.",  # places, not people
        "Bí thư Thành ủy Vĩnh Yên phát biểu chỉ đạo.",  # a post without a name
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Các đồng chí Bí thư Đảng ủy, Chủ tịch UBND các xã, thị trấn ký cam kết.",
        "Nông dân Trần Văn Ba trồng 3 ha cam.",  # a person, but no post
        "Ông Văn đề nghị đẩy nhanh tiến độ.",  # a short reference
        "Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh.",  # the city's namesake
        "Đại tướng Võ Nguyên Giáp là vị tướng huyền thoại.",  # a rank is not a post
        "Ông Nguyễn Văn An, 65 tuổi, ở thôn Đông, xã Tề Lỗ, chia sẻ.",
        "Phóng viên Lê Minh Hà, Báo Vĩnh Phúc thực hiện.",  # a reporter is not a post
    ],
)
def test_officials_negatives(text: str) -> None:
    assert officials_of(text) == []


def test_officials_later_full_name_keeps_the_post() -> None:
    text = ("Đồng chí Vi Thị Quyên, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh chủ trì hội nghị. "
            "Kết luận hội nghị, bà Vi Thị Quyên đề nghị các sở bám sát kế hoạch. Ông Quyên nhấn mạnh.")
    found = officials_of(text)
    assert [n for n, _, _ in found] == ["Vi Thị Quyên", "Vi Thị Quyên"]
    assert {t for _, t, _ in found} == {"Tỉnh ủy viên, Phó Chủ tịch Ủy ban nhân dân tỉnh"}


def test_officials_offsets_and_name_field() -> None:
    text = "Sáng 5/3, Bí thư Tỉnh ủy Hoàng Thị Thúy Lan làm việc với ông Lê Duy Thành, Chủ tịch UBND tỉnh."
    art = Article(text=text)
    art.add("units", units.extract(art))
    found = officials.extract(art)
    assert [s.record("name")["name"] for s in found] == ["Hoàng Thị Thúy Lan", "Lê Duy Thành"]
    for s in found:
        assert text[s.start : s.end] == s.text


def test_officials_run_without_units_stage() -> None:
    art = Article(text="Giám đốc Sở Y tế Nguyễn Thành Nam phát biểu.")
    assert [s.text for s in officials.extract(art)] == ["Nguyễn Thành Nam"]


def test_officials_seeds_meet_the_floor(seeds_dir, seed_gold) -> None:
    from pipeline.evaluate import Score, score_officials
    from pipeline.readers import read_file

    total = Score()
    for gold in seed_gold:
        art = read_file(seeds_dir / gold["file"])[0]
        art.add("units", units.extract(art))
        pred = [s.record("name") for s in officials.extract(art)]
        total.add(score_officials(pred, gold["officials"]))
    assert total.f1 >= 0.95
    assert (total.agreement("title") or 0) >= 0.9


# (sentence, what the rules alone find, what they find with the NER model where they are unsure)
UNLISTED_SURNAMES = [
    ("Bà H'Yim Kđoh, Phó Chủ tịch HĐND tỉnh phát biểu.",
     [], [("H'Yim Kđoh", "Phó Chủ tịch Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh")]),
    ("Ông Y Thịnh Niê, Phó Chủ tịch UBND huyện Krông Pắc cho biết.",
     [], [("Y Thịnh Niê", "Phó Chủ tịch Ủy ban nhân dân huyện Krông Pắc",
           "Ủy ban nhân dân huyện Krông Pắc")]),
    ("Đồng chí Y Ngông Niê Kdăm, Chủ tịch HĐND tỉnh dự hội nghị.",
     [], [("Y Ngông Niê Kdăm", "Chủ tịch Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh")]),
    ("Chủ tịch UBND huyện Mường Tè Pờ Dề Pu kiểm tra.",
     [], [("Pờ Dề Pu", "Chủ tịch Ủy ban nhân dân huyện Mường Tè", "Ủy ban nhân dân huyện Mường Tè")]),
    ("Đồng chí Mông Thị Nguyệt, Bí thư Huyện ủy phát biểu.",
     [], [("Mông Thị Nguyệt", "Bí thư Huyện ủy", "Huyện ủy")]),
    ("Ông A Pớt, Chủ tịch UBND xã cho biết.",
     [], [("A Pớt", "Chủ tịch Ủy ban nhân dân xã", "Ủy ban nhân dân xã")]),
    # a listed name ("Văn") inside an unlisted one: the rules take the tail, NER the whole
    ("Ông Mông Văn Tân, Giám đốc Sở Nội vụ cho biết.",
     [("Văn Tân", "Giám đốc Sở Nội vụ", "Sở Nội vụ")],
     [("Mông Văn Tân", "Giám đốc Sở Nội vụ", "Sở Nội vụ")]),
    ("Ông Chẩu Văn Lâm, Trưởng Ban Dân vận Tỉnh ủy cho biết.",
     [("Văn Lâm", "Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy")],
     [("Chẩu Văn Lâm", "Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy")]),
]


@pytest.mark.parametrize(("sentence", "rules_only", "with_ner"), UNLISTED_SURNAMES)
def test_officials_ner_confirms_names_the_rules_are_unsure_of(
    sentence: str, rules_only: list[tuple[str, str, str | None]], with_ner: list[tuple[str, str, str | None]]
) -> None:
    assert officials_of(sentence, use_ner=False) == rules_only
    assert officials_of(sentence, use_ner=True) == with_ner


@pytest.mark.parametrize(
    ("sentence", "unsure"),
    [
        ("Đồng chí Rmah Dơk, Bí thư Tỉnh ủy phát biểu.", [("Rmah Dơk", "Bí thư Tỉnh ủy")]),
        ("Phó Bí thư Tỉnh ủy Y Biêr Niê dự lễ.", [("Y Biêr Niê", "Phó Bí thư Tỉnh ủy")]),
        ("Ông Y Giang Gry Niê Knơng, Phó Chủ tịch Hội đồng Dân tộc phát biểu.",  # "Giang" is listed
         [("Y Giang Gry Niê Knơng", "Phó Chủ tịch Hội đồng Dân tộc")]),
        ("Ông Mông Văn Tân, Chủ tịch UBND xã Đắk Nhau cho biết.",  # not the commune after "xã"
         [("Mông Văn Tân", "Chủ tịch Ủy ban nhân dân xã")]),
        ("Bí thư Tỉnh ủy Hoàng Thị Thúy Lan phát biểu.", []),  # the rules are sure
        ("Ông Bế Văn Hùng, Bí thư Huyện ủy cho biết.", []),
        ("Nông dân Lầu Mí Chư trồng 3 ha mận.", []),  # no post next to it
        ("Đại tá Sùng Mí Lử chỉ đạo.", []),  # a rank is no post
    ],
)
def test_officials_unsure_candidates(sentence: str, unsure: list[tuple[str, str]]) -> None:
    assert unsure_of(sentence) == unsure


@pytest.mark.parametrize(
    "sentence",
    [
        "Chủ tịch Hội đồng Quản trị phát biểu.",
        "Bí thư Chi bộ Thôn Đông chủ trì.",
        "Bí thư Chi bộ Tổ Dân phố 3 phát biểu.",
        "Giám đốc Sở Tài chính Lào Cai báo cáo.",
        "Chủ tịch Hội Nông dân Việt Nam dự.",
        "Chủ tịch UBND xã Đắk Nhau kiểm tra.",
        "Trưởng Ban Quản lý Khu Kinh tế tỉnh phát biểu.",
        "Phó Giám đốc Trung tâm Y tế huyện phát biểu.",
        "Giám đốc Bệnh viện Đa khoa tỉnh báo cáo.",
        "Bí thư Đảng ủy Khối Cơ quan tỉnh phát biểu.",
        "Tổng Giám đốc Tập đoàn Điện lực Việt Nam dự.",
        "Giám đốc Công ty Điện lực Lạng Sơn báo cáo.",
    ],
)
def test_officials_capitalised_nouns_after_a_post_are_not_sent_to_ner(sentence: str) -> None:
    assert unsure_of(sentence) == []
    assert officials_of(sentence, use_ner=True) == []


def test_officials_ner_switch_follows_the_module_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "Bà H'Yim Kđoh, Phó Chủ tịch HĐND tỉnh phát biểu."
    monkeypatch.setattr(officials, "USE_NER", False)
    assert officials_of(sentence) == []
    monkeypatch.setattr(officials, "USE_NER", True)
    assert [n for n, _, _ in officials_of(sentence)] == ["H'Yim Kđoh"]


@pytest.mark.parametrize(
    ("text", "inside", "sentence"),
    [
        ("Hội nghị khai mạc. Bà H'Yim Kđoh phát biểu. Ảnh: Lê Sơn", "H'Yim Kđoh", "Bà H'Yim Kđoh phát biểu."),
        ("Dòng một.\nĐồng chí Y Ngông Niê Kdăm dự\nDòng ba.", "Y Ngông", "Đồng chí Y Ngông Niê Kdăm dự"),
    ],
)
def test_officials_ner_reads_only_the_sentence(text: str, inside: str, sentence: str) -> None:
    start = text.index(inside)
    a, b = sentence_around(text, start, start + len(inside))
    assert text[a:b] == sentence


def test_officials_sure_articles_never_load_the_model() -> None:
    code = (
        "import sys\n"
        "from extractors import officials, units\n"
        "from pipeline.article import Article\n"
        "art = Article(text='Bí thư Tỉnh ủy Hoàng Thị Thúy Lan làm việc với Chủ tịch Hội đồng Quản trị.')\n"
        "art.add('units', units.extract(art))\n"
        "found = [s.text for s in officials.extract(art, use_ner=True)]\n"
        "print(found, 'pipeline.ner' in sys.modules, 'spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['Hoàng Thị Thúy Lan'] False False"


def test_officials_seeds_same_with_and_without_ner(seeds_dir, seed_gold) -> None:
    from pipeline.readers import read_file

    for gold in seed_gold:
        art = read_file(seeds_dir / gold["file"])[0]
        art.add("units", units.extract(art))
        rules_only = [s.record("name") for s in officials.extract(art, use_ner=False)]
        assert [s.record("name") for s in officials.extract(art, use_ner=True)] == rules_only


def test_officials_old_tone_placement_in_titles() -> None:
    text = "Uỷ viên Ban Thường vụ Tỉnh uỷ, Phó Chủ tịch Uỷ ban nhân dân tỉnh Hà Nam Nguyễn Văn Hoà phát biểu."
    assert officials_of(text, use_ner=False) == [
        ("Nguyễn Văn Hoà", "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Ủy ban nhân dân tỉnh Hà Nam",
         "Ủy ban nhân dân tỉnh Hà Nam")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a rank between the post and the name goes with the name, not into the title
        ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đại tá Ngô Văn Tuấn báo cáo.",
         [("Ngô Văn Tuấn", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh")]),
        ("Giám đốc Công an tỉnh, Thượng tá Lê Văn Hà phát biểu.",
         [("Lê Văn Hà", "Giám đốc Công an tỉnh", "Công an tỉnh")]),
        ("Đại tá Phạm Văn Hùng, Phó Giám đốc Công an tỉnh dự.",
         [("Phạm Văn Hùng", "Phó Giám đốc Công an tỉnh", "Công an tỉnh")]),
        # a listed body written in lower case after its head's post
        ("Theo ông Lê Văn Mạnh - Trưởng phòng Tài chính - Kế hoạch huyện Yên Lạc, huyện đã giải ngân.",
         [("Lê Văn Mạnh", "Trưởng phòng Tài chính - Kế hoạch huyện Yên Lạc",
           "Phòng Tài chính - Kế hoạch huyện Yên Lạc")]),
        # courts and procuracy
        ("Viện trưởng VKSND tỉnh Hà Nam Trần Văn Cường dự họp.",
         [("Trần Văn Cường", "Viện trưởng Viện Kiểm sát nhân dân tỉnh Hà Nam",
           "Viện Kiểm sát nhân dân tỉnh Hà Nam")]),
    ],
)
def test_officials_ranks_and_bodies_of_the_state(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert officials_of(sentence, use_ner=False) == expected


@pytest.mark.parametrize(
    ("text", "later_title"),
    [
        ("Đồng chí Lê Văn Tâm, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy dự. "
         "Đồng chí Lê Văn Tâm phát biểu.", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy"),
        ("Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Đỗ Văn Hải dự. Ông Đỗ Văn Hải nhấn mạnh.",
         "Bí thư Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh"),
        ("Ông Phạm Văn An, Ủy viên Ban Chấp hành Đảng bộ tỉnh dự. Ông Phạm Văn An tặng quà.",
         "Ủy viên Ban Chấp hành Đảng bộ tỉnh"),
    ],
)
def test_officials_later_mention_keeps_the_whole_chain(text: str, later_title: str) -> None:
    assert officials_of(text, use_ner=False)[-1][1] == later_title


# find_names visits only the syllables of SYLLABLE that may be capitalised, with the same bounds
@pytest.mark.parametrize(
    "text",
    ["Bí thư Nguyễn Văn An, ông K'Ré", "a'Bc x’Yz 1Ab _Hà ǅa 中文 ÉA", "H'Yim Kđoh-Lê''Văn", ""],
)
def test_officials_maybe_capitalised_keeps_syllable_bounds(text):
    expected = [m.span() for m in officials.SYLLABLE.finditer(text) if not m.group()[0].islower()]
    assert [m.span() for m in officials.MAYBE_CAPITALISED.finditer(text)] == expected


# post_regex: the longest post, either case for each word's first letter, never inside a word
@pytest.mark.parametrize(
    ("text", "posts"),
    [
        ("Phó Chủ tịch UBND tỉnh", ["Phó Chủ tịch"]),
        ("ủy viên Ban Thường vụ Tỉnh ủy", ["ủy viên Ban Thường vụ"]),
        ("Bí thư, Chủ tịch", ["Bí thư", "Chủ tịch"]),
        ("XBí thư aChủ tịch Bí thưa", []),
        ("Giám   đốc\nSở", ["Giám   đốc"]),
    ],
)
def test_officials_post_regex_finds_posts(text, posts):
    assert [m.group() for m in officials.post_regex().finditer(text)] == posts


@given(st.lists(st.sampled_from(["Ab", "Cd", "Ông", "K'Ré", "X", "xy", " ", "  ", "'", "’", "2", "_", ",",
                                 "ǅa", "中", "Ⅻ", "²", "ĐĐ", "É", "\n"]), max_size=12),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=2))
def test_officials_unsure_runs_in_capitalised_runs(parts: list[str], spans: list[tuple[int, int]]) -> None:
    # every run of title-case words lies in a run of capitalised syllables: looking only there
    # finds the same runs
    text = "".join(parts)
    inside = mask(text, spans)
    assert unsure_runs(text, inside, 5, capitalised_runs(text)) == unsure_runs(text, inside, 5)


@pytest.mark.parametrize(
    ("chars", "expected"),
    [
        ("abc", "a-c"),
        ("ac", "ac"),
        ("abdef", "a-bd-f"),
        ("-^", r"\-\^"),  # escaped
        ("-.", r"\--\."),
        ("", ""),
    ],
)
def test_char_class_writes_runs_as_ranges(chars: str, expected: str) -> None:
    from extractors.unsure_names import char_class

    assert char_class(chars) == expected


def _words_before_by_search(text: str, start: int, inside: bytearray) -> int:
    """words_before as one plain search of the 40 characters before ``start``, no shortcut."""
    from extractors.unsure_names import HONORIFICS, NAME_WORD, WORDS_BEFORE

    before = WORDS_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return start
    for word in reversed(list(NAME_WORD.finditer(text, before.start(), start))):
        if inside[word.start()] or word.group() in HONORIFICS:
            break
        start = word.start()
    return start


@pytest.mark.parametrize(
    "text",
    [
        "Ông Mông Văn Tân, Phó Chủ tịch UBND tỉnh; đồng chí Nguyễn Văn An dự họp.",
        "Bà H'Yim Kđoh\nY Giang Gry Niê Knơng, Bí thư Huyện ủy; ảnh: K'Ré Lê",
        "Thường trực Tỉnh ủy  Trần Thị Bình và Ông  Lò Văn Páo, NGUYỄN Văn A, đ Đỗ B",
    ],
)
def test_words_before_as_the_plain_search(text):
    """words_before skips its search where the word before cannot end a title-case run: it must
    answer what the plain search answers, at every place of the text."""
    from extractors.unsure_names import mask, words_before

    inside = mask(text, [(0, 3)])
    for start in range(len(text) + 1):
        assert words_before(text, start, inside) == _words_before_by_search(text, start, inside), start
