"""The place gazetteer: lookups, finding place names in sentences, an article's main places."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.article_places import article_places
from extractors.places import LEVEL_WORDS, find_places, fold, lookup
from pipeline.article import Article


@pytest.mark.parametrize(
    ("name", "level", "kind", "province_old", "province_new"),
    [
        ("Vĩnh Phúc", "province", "tỉnh", "Vĩnh Phúc", "Phú Thọ"),
        ("Vĩnh Yên", "district", "thành phố", "Vĩnh Phúc", "Phú Thọ"),
        ("Phúc Yên", "district", "thành phố", "Vĩnh Phúc", "Phú Thọ"),
        ("huyện Yên Lạc", "district", "huyện", "Vĩnh Phúc", "Phú Thọ"),
        ("huyện Bình Xuyên", "district", "huyện", "Vĩnh Phúc", "Phú Thọ"),
        ("Tỉnh Bắc Giang", "province", "tỉnh", "Bắc Giang", "Bắc Ninh"),
        ("Hà Nội", "province", "thành phố", "Hà Nội", "Hà Nội"),
    ],
)
def test_places_lookup_knows_old_and_new_province(
    name: str, level: str, kind: str, province_old: str, province_new: str
) -> None:
    found = [p for p in lookup(name) if p.level == level]
    assert found, name
    assert found[0].kind == kind
    assert found[0].province_old == province_old
    assert found[0].province_new == province_new


def test_places_lookup_has_communes_before_and_after_2025() -> None:
    old = [p for p in lookup("phường Đồng Tâm") if p.district == "Vĩnh Yên"]
    assert old and old[0].valid_until == "2025-07-01"
    new = [p for p in lookup("Vĩnh Yên") if p.level == "commune" and p.province_new == "Phú Thọ"]
    assert new and new[0].valid_from == "2025-07-01"


def test_places_fold_ignores_tone_mark_position() -> None:
    assert fold("Hoà") == fold("Hòa")
    assert fold("Thuỵ") == fold("Thụy")
    assert fold("Hòa") != fold("Hoa")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tp Vĩnh Yên tổ chức hội nghị.", [("Vĩnh Yên", "district", "Vĩnh Phúc")]),
        ("Lãnh đạo TP Phúc Yên dự lễ.", [("Phúc Yên", "district", "Vĩnh Phúc")]),
        ("Huyện ủy Yên Lạc (Vĩnh Phúc) họp.", [("Yên Lạc", "district", "Vĩnh Phúc"),
                                              ("Vĩnh Phúc", "province", "Vĩnh Phúc")]),
        ("Đoàn về xã Tề Lỗ, huyện Yên Lạc.", [("Tề Lỗ", "commune", None),
                                             ("Yên Lạc", "district", "Vĩnh Phúc")]),
        ("Tỉnh Bắc Ninh mới gồm cả Bắc Giang.", [("Bắc Ninh", "province", "Bắc Ninh"),
                                               ("Bắc Giang", "province", "Bắc Giang")]),
        ("Người dân thành phố Hoà Bình đón Tết.", [("Hòa Bình", "district", "Hòa Bình")]),
        ("Cửa hàng ở Quận 1, TP.HCM.", [("1", "district", "Hồ Chí Minh"),
                                        ("Hồ Chí Minh", "province", "Hồ Chí Minh")]),
        ("Quận. 1 và 10 hộ dân ở quận 3.", [("1", "district", "Hồ Chí Minh"),
                                          ("3", "district", "Hồ Chí Minh")]),  # a bare number is not one
    ],
)
def test_places_find_places_in_sentences(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = find_places(sentence)
    assert [(m.name, m.level, m.province) for m in found] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Ông Nguyễn Thanh Hà phát biểu tại hội nghị.",  # Thanh Hà is also a district
        "Học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh.",  # the person, not the city
        "Phong trào Đồng Tâm xây dựng nông thôn mới.",  # commune names need a level word
        "Mọi người đồng tâm hiệp lực, hòa bình, thịnh vượng.",  # lower-case common words
        "Các tỉnh phía Nam và huyện miền núi.",
    ],
)
def test_places_find_places_ignores_non_places(sentence: str) -> None:
    assert find_places(sentence) == []


def test_places_find_places_offsets_point_at_the_name() -> None:
    text = "Đoàn công tác làm việc với Đảng ủy phường Đồng Tâm, Tp Vĩnh Yên."
    for m in find_places(text):
        assert text[m.start : m.end] in ("Đồng Tâm", "Vĩnh Yên")
        assert m.marked


@pytest.mark.parametrize(
    ("title", "text", "province", "named", "local", "local_kind"),
    [
        ("Yên Lạc (Vĩnh Phúc): Tổng kết năm", "Huyện ủy Yên Lạc tổ chức hội nghị. Tỉnh Vĩnh Phúc khen.",
         "Vĩnh Phúc", True, "Yên Lạc", "huyện"),
        ("", "Thành phố Phúc Yên họp. UBND thành phố Phúc Yên báo cáo. Thành ủy Phúc Yên chỉ đạo.",
         "Vĩnh Phúc", False, "Phúc Yên", "thành phố"),
        ("Vĩnh Phúc đặt mục tiêu tăng trưởng", "Tỉnh Vĩnh Phúc phấn đấu. Vĩnh Phúc thu hút đầu tư. "
         "Vĩnh Phúc cải cách. Thanh niên huyện Bình Xuyên ra quân.", "Vĩnh Phúc", True, None, None),
    ],
)
def test_places_article_places_picks_main_province_and_local(
    title: str, text: str, province: str, named: bool, local: str | None, local_kind: str | None
) -> None:
    found = article_places(Article(text=text, title=title or None))
    assert (found.province, found.province_named, found.local, found.local_kind) == (
        province, named, local, local_kind)


def test_places_article_places_province_headline_has_no_local() -> None:
    text = ("Tỉnh ủy Vĩnh Phúc sơ kết quý I. Tại huyện Tam Dương, Huyện ủy Tam Dương chỉ đạo; "
            "UBND huyện Tam Dương báo cáo.")
    found = article_places(Article(text=text, title="Vĩnh Phúc: Sơ kết công tác quý I"))
    assert (found.province, found.local) == ("Vĩnh Phúc", None)


def test_places_article_places_finds_main_commune() -> None:
    text = ("Tp Vĩnh Yên làm việc với Đảng ủy phường Đồng Tâm. Ở phường Đồng Tâm, Tp Vĩnh Yên, "
            "Đảng bộ phường kết nạp đảng viên.")
    found = article_places(Article(text=text))
    assert (found.local, found.commune, found.commune_kind) == ("Vĩnh Yên", "Đồng Tâm", "phường")


def test_places_article_places_of_a_plain_string_is_that_of_an_untitled_article() -> None:
    text = "Tp Vĩnh Yên làm việc với Đảng ủy phường Đồng Tâm. Ở phường Đồng Tâm, Tp Vĩnh Yên, ..."
    assert article_places(text) == article_places(Article(text=text))
    assert article_places(text).local == "Vĩnh Yên"


def test_places_article_places_without_places_is_empty() -> None:
    assert article_places(Article(text="Hội nghị diễn ra sôi nổi.")).province is None


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("tỉnh", ("tỉnh", "Vĩnh Phúc")),
        ("province", ("tỉnh", "Vĩnh Phúc")),
        ("thành phố", ("thành phố", "Vĩnh Yên")),
        ("Tp", ("thành phố", "Vĩnh Yên")),
        ("local", ("thành phố", "Vĩnh Yên")),
        ("phường", ("phường", "Đồng Tâm")),
        ("commune", ("phường", "Đồng Tâm")),
        ("huyện", None),
        ("xã", None),
    ],
)
def test_places_place_for_level_words(rule: str, expected: tuple[str, str] | None) -> None:
    text = ("Tỉnh Vĩnh Phúc chỉ đạo. Tp Vĩnh Yên làm việc với Đảng ủy phường Đồng Tâm. "
            "Ở phường Đồng Tâm, Tp Vĩnh Yên, Đảng bộ phường kết nạp đảng viên.")
    assert article_places(Article(text=text)).place_for(rule) == expected


def test_places_csv_matches_its_build_script() -> None:
    import csv
    import importlib.util

    from extractors.datafiles import RESOURCES

    spec = importlib.util.spec_from_file_location("build_places", RESOURCES / "build_places.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    with (RESOURCES / "places.csv").open(encoding="utf-8", newline="") as fh:
        committed = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    rebuilt = build.build_rows(build.load_mapping())
    assert len(committed) == len(rebuilt) > 14000
    assert committed == rebuilt


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a family name and a bare district name that runs on into a given name: a person
        ("Đồng chí Mai Sơn Hà phát biểu chỉ đạo.", []),
        ("Ông Đồng Văn Hải dự hội nghị.", []),
        # the same names with a level word, or standing alone, stay places
        ("Huyện Mai Sơn có nhiều đồi chè.", ["Mai Sơn"]),
        ("Đoàn công tác đến Mai Sơn, Đồng Văn và Yên Châu.", ["Mai Sơn", "Đồng Văn", "Yên Châu"]),
        # a place followed by a full person's name is still a place
        ("Bí thư Huyện ủy Lâm Thao Nguyễn Văn An kết luận.", ["Lâm Thao"]),
        ("Bí thư Huyện ủy Lâm Thao Lê Hà kết luận.", ["Lâm Thao"]),
        ("Bí thư Tỉnh ủy Hà Nam Trung kết luận.", ["Hà Nam"]),
    ],
)
def test_places_find_places_person_names_that_begin_like_a_place(sentence: str, expected: list[str]) -> None:
    assert [m.name for m in find_places(sentence)] == expected


@pytest.mark.parametrize(
    ("text", "published", "province", "commune"),
    [
        # a place called former ("(cũ)", "trước đây") means the article is written after the reform
        ("Đảng ủy phường Vĩnh Yên họp thường kỳ. UBND phường Vĩnh Yên báo cáo; địa bàn trước đây "
         "thuộc thành phố Vĩnh Yên, tỉnh Vĩnh Phúc (cũ).", None, "Phú Thọ", "Vĩnh Yên"),
        # the publication date decides when no place is called former
        ("Tỉnh ủy Vĩnh Phúc họp. Tỉnh Vĩnh Phúc khen thưởng. Huyện ủy Tam Dương báo cáo.",
         "2025-09-01", "Phú Thọ", None),
        ("Tỉnh ủy Vĩnh Phúc họp. Tỉnh Vĩnh Phúc khen thưởng. Huyện ủy Tam Dương báo cáo.",
         "2024-09-01", "Vĩnh Phúc", None),
        # a known date before the reform wins over an older merger's "(cũ)"
        ("Huyện ủy Yên Lạc họp. Xã Đồng Cương sáp nhập xã Yên Đồng (cũ). Tỉnh Vĩnh Phúc khen.",
         "2023-05-01", "Vĩnh Phúc", None),
        ("Tỉnh Bắc Giang (cũ) và tỉnh Bắc Ninh hợp nhất. Xã Yên Thế tổ chức lễ ra mắt. "
         "UBND xã Yên Thế đi vào hoạt động.", None, "Bắc Ninh", "Yên Thế"),
    ],
)
def test_places_article_places_after_the_2025_reform(
    text: str, published: str | None, province: str, commune: str | None
) -> None:
    found = article_places(Article(text=text, published=published))
    assert (found.province, found.commune) == (province, commune)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PHƯỜNG 6, TP. VĨNH YÊN", [("6", "commune", 7, 8), ("Vĩnh Yên", "district", 14, 22)]),
        ("Tại phường  6 và Thị Trấn 2", [("6", "commune", 12, 13), ("2", "commune", 26, 27)]),
        ("Tin Vĩnh PhúcYên Lạc ra quân", [("Yên Lạc", "district", 13, 20)]),  # glued headlines
        ("Hà Nội 2023Vĩnh Phúc", [("Hà Nội", "province", 0, 6)]),  # a digit before: not cut
        ("xã Tam Hồng - huyện Yên Lạc", [("Tam Hồng", "commune", 3, 11), ("Yên Lạc", "district", 20, 27)]),
        ("tỉnh 5 và quận-1", []),
        ("Ông Mai Sơn Hà ở Mai Sơn", [("Mai Sơn", "district", 17, 24)]),
        ("𝐀 huyện Yên Lạc", [("Yên Lạc", "district", 8, 15)]),  # beyond the BMP: read token by token
    ],
)
def test_places_find_places_offsets_in_awkward_texts(
    text: str, expected: list[tuple[str, str, int, int]]
) -> None:
    assert [(m.name, m.level, m.start, m.end) for m in find_places(text)] == expected


def test_places_a_level_word_folds_one_character_at_a_time() -> None:
    """The scan for numbers after a level word reads its last letter (places._number_after_a_word_end)."""
    lasts = {words[-1] for words in LEVEL_WORDS}
    folds = (chr(c).casefold() for c in range(0x10000))
    assert not [f for f in folds if len(f) > 1 and any(f in word for word in lasts)]


def test_places_article_places_from_all_or_some_mentions() -> None:
    art = Article(text="Huyện Yên Lạc, huyện Yên Lạc (Vĩnh Phúc) và thành phố Vĩnh Yên, Vĩnh Yên.", title="")
    every = find_places(art.text)
    assert article_places(art) == article_places(art, every) == article_places(art, list(every))
    assert article_places(art).local == "Yên Lạc"
    assert article_places(art, [m for m in every if m.name != "Yên Lạc"]).local == "Vĩnh Yên"


def test_places_gazetteer_places_are_those_their_rows_make() -> None:
    from itertools import repeat

    from extractors.datafiles import read_csv, read_csv_columns
    from extractors.places import Place, _places

    columns, rows = read_csv_columns("places.csv", ("name", "short", "level"))
    cols = ("name", "short", "level", "kind", "district", "province_old", "province_new", "valid_from",
            "valid_until")
    dicts = read_csv("places.csv", ("name", "short", "level"))
    made = [Place(*map(row.get, cols, repeat(""))) for row in dicts]
    assert _places(columns, rows) == made
    one = Place("Xã A", "A", "commune", *[""] * 6)
    assert _places(("name", "short", "level"), [["Xã A", "A", "commune"]]) == [one]


SYLLABLES = ["Vĩnh", "Yên", "Phúc", "Lạc", "Tam", "Dương", "Mai", "Sơn", "Hà", "Nội", "Nguyễn", "Văn", "Hòa",
             "Hoà", "Bình", "PHÚC", "huyện ", "tỉnh ", "xã ", "phường ", "6", "ra", "yên"]


@given(st.lists(st.sampled_from([*SYLLABLES, " ", " ", " ", "-", ", ", "(", ")", "\n"]), max_size=24))
def test_places_find_places_reads_the_same_names_from_every_capitalised_token(parts: list[str]) -> None:
    """The capital runs that are neither a name nor may go on into one are left out before the walk
    (places._name_starts): the same names as walking from every capitalised token and number."""
    from extractors import places
    from extractors.place_tokens import TokenReader

    text = "".join(parts)
    every = (TokenReader(text), TokenReader(text).capitalised_or_numbers_after(places._LEVEL_WORD_LASTS))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(places, "_name_starts", lambda _: every)
        expected = places._find_places.__wrapped__(text)
    assert places._find_places.__wrapped__(text) == expected
