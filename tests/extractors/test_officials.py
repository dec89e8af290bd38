"""Officials: named post-holders with their title (as written, expanded) and unit."""

from __future__ import annotations

import pytest

from extractors import officials, units
from pipeline.article import Article


def officials_of(text: str) -> list[tuple[str, str, str | None]]:
    art = Article(text=text)
    art.add("units", units.extract(art))
    return [(s.text, s.get("title"), s.get("unit")) for s in officials.extract(art)]


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
