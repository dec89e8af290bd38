import pytest

from extractors import quantities
from extractors.quantities import FRACTION_CORE_RE, FRACTION_RE, _next_fraction_core, fraction_matches, nouns
from pipeline.article import Article

# sentence, span text, value, high, unit, approx
COUNTS = [
    ("Đảng bộ đã kết nạp 80 đảng viên mới.", "80 đảng viên mới", 80, None, "party_member", None),
    ("Xã đã chi trả cho 449 hộ dân.", "449 hộ dân", 449, None, "household", None),
    ("Huyện tổ chức 47 hội nghị đối thoại.", "47 hội nghị", 47, None, "conference", None),
    (
        "Giải quyết việc làm từ 16 đến 17.000 lao động.",
        "từ 16 đến 17.000 lao động",
        16_000,
        17_000,
        "person",
        None,
    ),
    ("Tạo việc làm cho 16 - 17 nghìn lao động.", "16 - 17 nghìn lao động", 16_000, 17_000, "person", None),
    ("Giao nhiệm vụ cho 48 đồng chí.", "48 đồng chí", 48, None, "person", None),
    ("Tỉnh cấp mới 12 dự án FDI.", "12 dự án", 12, None, "project", None),
    (
        "Có hơn 1.000 doanh nghiệp thành lập mới.",
        "hơn 1.000 doanh nghiệp",
        1_000,
        None,
        "enterprise",
        "more_than",
    ),
    ("Trao 140 Huy hiệu Đảng cho đảng viên.", "140 Huy hiệu Đảng", 140, None, "badge", None),
    ("Thành lập 3 tổ chức cơ sở Đảng.", "3 tổ chức cơ sở Đảng", 3, None, "organization", None),
    ("Xử lý 296 trường hợp vi phạm.", "296 trường hợp", 296, None, "case", None),
    ("Phát hiện gần 20 vụ việc.", "gần 20 vụ việc", 20, None, "case", "nearly"),
    ("Có 9 chủ đầu tư chậm giải ngân.", "9 chủ đầu tư", 9, None, "investor", None),
    ("Đón 10,2 triệu lượt khách du lịch.", "10,2 triệu lượt khách du lịch", 10_200_000, None, "visit", None),
    ("Bổ nhiệm 118 lượt cán bộ.", "118 lượt cán bộ", 118, None, "person", None),
    ("Sở đã trả lại 12 hồ sơ chưa hợp lệ.", "12 hồ sơ", 12, None, "dossier", None),
    ("Chi cục ban hành 310 quyết định xử phạt.", "310 quyết định", 310, None, "decision", None),
    ("Các xã nhân rộng 34 mô hình sản xuất.", "34 mô hình", 34, None, "model", None),
    ("Công đoàn xây 7 nhà cho đoàn viên.", "7 nhà", 7, None, "house", None),
    ("Dự án có 420 căn hộ.", "420 căn hộ", 420, None, "apartment", None),
    ("Tỉnh quy hoạch 4 khu công nghiệp mới.", "4 khu công nghiệp", 4, None, "industrial_park", None),
    ("Huyện có 2 cụm công nghiệp.", "2 cụm công nghiệp", 2, None, "industrial_cluster", None),
    ("Doanh nghiệp sử dụng hơn 8.000 công nhân.", "hơn 8.000 công nhân", 8_000, None, "person", "more_than"),
    ("Đón 2.500 lượt khách trong dịp lễ.", "2.500 lượt khách", 2_500, None, "visit", None),
    ("Tổ công tác tạm giữ 41 phương tiện.", "41 phương tiện", 41, None, "vehicle", None),
    ("Xã còn 6 thôn chưa có nhà văn hóa.", "6 thôn", 6, None, "village", None),
    ("Huyện có 15 hợp tác xã nông nghiệp.", "15 hợp tác xã", 15, None, "cooperative", None),
    ("Thành lập 9 tổ hợp tác mới.", "9 tổ hợp tác", 9, None, "cooperative_group", None),
    ("Kiểm tra 57 cơ sở kinh doanh thực phẩm.", "57 cơ sở kinh doanh", 57, None, "establishment", None),
    ("Tiếp nhận 64 đơn thư khiếu nại.", "64 đơn thư", 64, None, "petition", None),
    ("Bắt giữ 3 tàu cá vi phạm.", "3 tàu cá", 3, None, "vessel", None),
    ("Bàn giao đất cho 6 nhà đầu tư thứ cấp.", "6 nhà đầu tư thứ cấp", 6, None, "investor", None),
    ("Phấn đấu thu hút từ 2 - 4 dự án thứ cấp.", "từ 2 - 4 dự án", 2, 4, "project", None),
    ("Hội viên tự quản 17 tuyến đường hoa.", "17 tuyến đường", 17, None, "road", None),
]
MEASURES = [
    ("GPMB được 26,19ha trong quý.", "26,19ha", 26.19, "ha"),
    ("Thu hồi 97,45 ha đất nông nghiệp.", "97,45 ha", 97.45, "ha"),
    ("Diện tích sàn 1.200 m2.", "1.200 m2", 1_200, "m2"),
    ("Mặt bằng rộng 350 m² đã bàn giao.", "350 m²", 350, "m2"),
    ("Tỉnh có 4.860 km2 diện tích tự nhiên.", "4.860 km2", 4_860, "km2"),
    ("Bàn giao 21,6 km mặt bằng.", "21,6 km", 21.6, "km"),
    ("Làm mới 9 km đường giao thông nông thôn.", "9 km đường giao thông", 9, "km"),
    ("Khai thác 1.500 m3 cát.", "1.500 m3", 1_500, "m3"),
    ("Sản lượng lúa đạt 52.000 tấn.", "52.000 tấn", 52_000, "tonne"),
    ("GPMB tăng 2,69 lần so với cùng kỳ.", "2,69 lần", 2.69, "times"),
]
NOT_QUANTITIES = [
    "Quyết định số 529, ngày 11/1/2022 của Ban Thường vụ.",
    "Hội nghị lần thứ 6 Ban Chấp hành Đảng bộ.",
    "Dịch Covid-19 ca bệnh giảm mạnh.",
    "Kế hoạch năm 2024 Chỉ tiêu phát triển kinh tế.",
    "Hotline: 08.4646.0404 | Email.",
    "Phần mềm quản lý đảng viên 3.0 đạt kết quả tốt.",
    "Kỳ họp thứ 13, khóa XVII của Hội đồng nhân dân.",
    "Theo Quyết định số 1872/QĐ-UBND của UBND tỉnh.",
    "Đây là dự án thứ 3 được cấp phép.",
    "Công trình thứ hai khởi công sau Tết.",
]


@pytest.mark.parametrize(("sentence", "span", "value", "high", "unit", "approx"), COUNTS)
def test_quantities_extract_counts_with_their_noun(sentence, span, value, high, unit, approx):
    spans = quantities.extract(Article(text=sentence))
    assert [s.text for s in spans] == [span]
    s = spans[0]
    assert sentence[s.start : s.end] == span
    assert (s.get("value"), s.get("high"), s.get("unit"), s.get("approx")) == (value, high, unit, approx)
    assert s.get("role") == "count"


@pytest.mark.parametrize(("sentence", "span", "value", "unit"), MEASURES)
def test_quantities_extract_measures_and_ratios(sentence, span, value, unit):
    spans = quantities.extract(Article(text=sentence))
    assert [s.text for s in spans] == [span]
    assert spans[0].get("value") == value
    assert spans[0].get("unit") == unit


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_quantities_ignore_numbers_that_name_things(sentence):
    assert quantities.extract(Article(text=sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "span", "done", "total", "unit"),
    [
        ("Huyện đạt 18/19 chỉ tiêu chủ yếu.", "18/19 chỉ tiêu", 18, 19, "target"),
        ("Hoàn thành 36/36 xã đạt chuẩn nông thôn mới.", "36/36 xã", 36, 36, "commune"),
        ("Huyện đã bàn giao 12,5/20 ha mặt bằng.", "12,5/20 ha", 12.5, 20, "ha"),
        ("Tuyến đường đã thông 3,4/5,2 km.", "3,4/5,2 km", 3.4, 5.2, "km"),
    ],
)
def test_quantities_read_done_out_of_total(sentence, span, done, total, unit):
    spans = quantities.extract(Article(text=sentence))
    assert [s.text for s in spans] == [span]
    assert (spans[0].get("value"), spans[0].get("total"), spans[0].get("unit")) == (done, total, unit)


def test_quantities_prefer_the_longest_noun():
    spans = quantities.extract(Article(text="Thành lập 2 đoàn kiểm tra và 5 hộ gia đình."))
    assert [(s.get("noun"), s.get("unit")) for s in spans] == [
        ("đoàn kiểm tra", "delegation"),
        ("hộ gia đình", "household"),
    ]


def test_quantities_units_file_is_valid():
    known = nouns()
    assert known["đảng viên"].unit == "party_member"
    assert {n.row for n in known.values()} <= {"yes", "cue", "no"}
    assert {n.role for n in known.values()} == {"count", "measure", "ratio", "before"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Kỷ luật 9 đảng viên, trong đó khiển trách 5, cảnh cáo 4.",
            [("9 đảng viên", 9), ("khiển trách 5", 5), ("cảnh cáo 4", 4)],
        ),
        ("Đã khiển trách 2 và cách chức 1.", [("khiển trách 2", 2), ("cách chức 1", 1)]),
        # a count with its noun after it is read as usual; a number must end its phrase
        ("Cảnh cáo 3 tổ chức đảng.", [("3 tổ chức đảng", 3)]),
        ("Hình thức khiển trách 2 lần trong năm.", [("2 lần", 2)]),
        # a total raised to a bare number counts the noun named after "tổng số"
        (
            "Xã thành lập 3 chi bộ, nâng tổng số chi bộ trực thuộc lên 27.",
            [("3 chi bộ", 3), ("tổng số chi bộ trực thuộc lên 27", 27)],
        ),
    ],
)
def test_quantities_read_a_count_written_after_its_noun(sentence, expected):
    spans = quantities.extract(Article(text=sentence))
    assert [(s.text, s.get("value")) for s in spans] == expected


# fraction_matches finds "done/total" first and reads its qualifier backwards: same as finditer
@pytest.mark.parametrize(
    "text",
    [
        "đạt 18/19 chỉ tiêu, khoảng 45,2/62 ha",
        "gần   \n 3/4 số xã; trên dưới 5/6 hộ",
        "1/2/3 và a5/6, 7/8",
        "hơn5/6 xã, KHÔNG QUÁ 2/3 lần",
        "",
    ],
)
def test_quantities_fraction_matches_equals_finditer(text):
    expected = [(m.span(), m.groups()) for m in FRACTION_RE.finditer(text)]
    assert [(m.span(), m.groups()) for m in fraction_matches(text)] == expected


# _next_fraction_core jumps from "/" to "/" and steps back over the number: same as a search from any place
@pytest.mark.parametrize(
    "text",
    ["đạt 18/19 chỉ tiêu, khoảng 45,2/62 ha", "1,2,3 / 4 và 12,5/3", "a5/6, .7/8 ,9/1 /2/3",
     "26/01/2024 và 3 /4", "Quyết định số 123/QĐ-UBND, 1,5 \u00a0/ 2", "//", ""],
)
def test_quantities_next_fraction_core_equals_search(text):
    for pos in range(len(text) + 1):
        expected = FRACTION_CORE_RE.search(text, pos)
        found = _next_fraction_core(text, pos)
        assert (found and found.span()) == (expected and expected.span()), pos


# _word_before reads the word before a number backwards: the same span as the search it stands for
@pytest.mark.parametrize(
    "text",
    [
        "năm 2024",
        "Năm  2024",  # two spaces
        "trong năm\n2024",
        "giai  đoạn 5",  # a word of two parts
        "xnăm 5",  # a word glued to the one before: no
        "năm" + " " * 9 + "5",  # the word ends inside the reach, begins before it
        "năm" + " " * 12 + "5",  # beyond the reach
        "khai trừ khỏi Đảng 2, khai trừ 3",  # the longest word of those that end there
        "đã khai trừ khỏi Đảng 2",
        "khiển trách" + " " * 20 + "7",  # begins before the reach of 30
        "7",
        "số02",
    ],
)
def test_quantities_word_before_equals_search(text):
    from extractors.quantities import (
        _NAMING_WORD_BACKWARDS,
        BEFORE_REACH,
        NAMING_REACH,
        NAMING_WORD_BEFORE,
        _before_backwards,
        _word_before,
        before_pattern,
    )

    backwards = text[::-1]
    for at in [i for i, c in enumerate(text) if c.isdigit()]:
        for pattern, backwards_pattern, reach in (
            (NAMING_WORD_BEFORE, _NAMING_WORD_BACKWARDS, NAMING_REACH),
            (before_pattern(), _before_backwards(), BEFORE_REACH),
        ):
            found = pattern.search(text, max(0, at - reach), at)
            expected = found.span() if found else None
            found_backwards = _word_before(pattern, backwards_pattern, text, backwards, at, reach)
            assert found_backwards == expected, (text, at)
