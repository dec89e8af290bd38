import re

import pytest

from extractors.period_expressions import (
    _LED_PATTERNS,
    _PREFILTER_WORDS,
    _WORD_SCANS,
    PATTERNS,
    _candidates,
    periods_between,
    stretch_around,
)
from extractors.period_starts import OTHER_CASES, finditer, lower_case, number_before
from extractors.periods import PeriodResolver, codes, find_periods

# text, publication date, the code of each period expression in it (None for comparison bases)
EXPRESSIONS = [
    ("Năm 2024, thu ngân sách đạt 30.000 tỷ đồng.", None, ["2024"]),
    ("6 tháng đầu năm 2022, kết nạp 80 đảng viên.", None, ["2022-H1"]),
    ("6 tháng đầu năm, tổng giá trị sản xuất tăng.", "2021-07-22", ["2021-H1"]),
    ("Nhiệm vụ 6 tháng cuối năm 2021.", None, ["2021-H2"]),
    ("Quý I/2023 thu hút 12 dự án.", None, ["2023-Q1"]),
    ("Trong quý III năm 2023 xuất khẩu tăng.", None, ["2023-Q3"]),
    ("Quý 4 vừa qua tăng mạnh.", "2023-12-30", ["2023-Q4"]),
    ("11 tháng năm 2024, kim ngạch đạt 5 tỷ USD.", None, ["2024-M11"]),
    ("11 tháng, kim ngạch xuất khẩu đạt 5 tỷ USD.", "2024-12-05", ["2024-M11"]),
    ("9 tháng đầu năm, GRDP tăng 8%.", "2023-10-01", ["2023-M9"]),
    ("3 tháng đầu năm 2024 có 500 doanh nghiệp mới.", None, ["2024-Q1"]),
    ("Trong tháng 5/2024, thu ngân sách đạt 800 tỷ đồng.", None, ["2024-05"]),
    ("Nhiệm kỳ 2020-2025 kết nạp 2.000 đảng viên.", None, ["2020/2025"]),
    ("Giai đoạn 2021 - 2025 đầu tư 5.000 tỷ đồng.", None, ["2021/2025"]),
    ("Từ đầu năm đến nay, thành phố chi trả 50 tỷ đồng.", "2022-07-13", ["2022-H1"]),
    ("Từ đầu năm đến nay, giải ngân đạt 60%.", "2025-09-06", ["2025-M8"]),
    ("Giải ngân vốn đầu tư công đến hết tháng 9 đạt 9.412 tỷ đồng.", "2025-10-15", ["2025-M9"]),
    ("Tính đến ngày 31/8/2025, toàn tỉnh giải ngân 47,5%.", None, ["2025-M8"]),
    ("Đến ngày 15/8/2024, dự án bàn giao 21,6 km.", None, ["2024-08"]),
    ("Tính đến 30/6/2024, toàn tỉnh giải ngân 40%.", None, ["2024-H1"]),
    ("Đến hết năm phải giải ngân 100% kế hoạch.", "2025-09-06", ["2025"]),
    ("Tăng 18,01% so với cùng kỳ năm 2021.", None, [None]),
    ("Tăng 5% so với năm trước.", None, [None]),
    # whatever follows "so với" is a comparison base
    ("Quý III tăng 4% so với quý II.", "2024-10-02", ["2024-Q3", None]),
    ("6 tháng cuối năm tăng 12% so với 6 tháng đầu năm.", "2024-07-10", ["2024-H2", None]),
    ("Tháng 8 giảm 3% so với tháng 7/2024.", "2024-09-01", ["2024-08", None]),
    ("Năm 2024 tăng 9% so với mức năm 2023.", None, ["2024", None]),
    # a start point is where counting starts, not a period
    ("Từ tháng 3/2022 đến nay, xã hỗ trợ 40 hộ.", "2024-05-01", [None]),
    ("Kể từ năm 2019, huyện xây 12 trường.", "2024-05-01", [None]),
    ("Từ quý II đến nay, tỉnh thu hút 8 dự án.", "2024-08-01", [None]),
    # … unless it opens a span with an end
    ("Từ tháng 1 đến hết tháng 9 thu 300 tỷ đồng.", "2024-10-01", ["2024-01", "2024-M9"]),
    # N years up to now: the term of that length named before, else the years up to publication
    ("Giai đoạn 2019 - 2024, sau 5 năm xã làm 40 km đường.", None, ["2019/2024", "2019/2024"]),
    ("3 năm qua huyện xây 12 trường học.", "2023-04-02", ["2020/2023"]),
    ("Trao Huy hiệu 60 năm tuổi Đảng cho 3 đảng viên.", "2023-04-02", []),
    # a badge round named by its day is that month
    ("Trao Huy hiệu Đảng đợt 3/2 cho 40 đảng viên.", "2024-02-03", ["2024-02"]),
    ("10 tháng, thu ngân sách đạt 900 tỷ đồng.", "2024-11-05", ["2024-M10"]),
]


@pytest.mark.parametrize(("text", "published", "expected"), EXPRESSIONS)
def test_periods_codes(text, published, expected):
    assert list(codes(text, published)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hơn 1 tháng xử lý 296 trường hợp vi phạm.",
        "Sau 3 tháng triển khai, dự án hoàn thành.",
        "Diễn tập vào tháng 11 tới trên địa bàn.",
    ],
)
def test_periods_ignore_durations_and_future_months(text):
    assert [p for p in find_periods(text) if p.role in ("point", "term")] == []


def test_periods_dates_named_in_passing_are_not_periods():
    text = "Theo Kế hoạch số 112-KH/TU ngày 10 tháng 12 năm 2024 và Quyết định ngày 15/7/2023."
    assert {p.role for p in find_periods(text)} == {"date"}


def test_periods_a_planned_year_is_marked_plan():
    text = "Hội nghị tổng kết năm 2023 và triển khai nhiệm vụ năm 2024."
    assert [(p.role, p.year) for p in find_periods(text)] == [("point", 2023), ("plan", 2024)]


def _at(text: str, figure: str, published: str | None = None) -> str | None:
    start = text.index(figure)
    end = start + len(figure)
    dot = text.rfind(". ", 0, start)
    sent_start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, start) + 1)
    sent_end = text.find(".", end)
    clause_start = max(
        text.rfind(", ", sent_start, start) + 2, text.rfind("; ", sent_start, start) + 2, sent_start
    )
    return PeriodResolver(text, published).at((start, end), (clause_start, end), (sent_start, sent_end))


@pytest.mark.parametrize(
    ("text", "figure", "published", "expected"),
    [
        # the comparison base is not the period; the sentence's own period is
        ("6 tháng đầu năm 2022, GPMB tăng 2,69 lần so với cùng kỳ năm 2021.", "2,69 lần", None, "2022-H1"),
        # a period in an earlier sentence carries over
        (
            "Trong 6 tháng đầu năm 2022, kinh tế phục hồi. Đảng bộ kết nạp 80 đảng viên.",
            "80 đảng viên",
            None,
            "2022-H1",
        ),
        # carried from the first period of the last sentence that names one
        (
            "Hội nghị tổng kết năm 2023 và triển khai nhiệm vụ năm 2024. Đến nay 36 xã đạt chuẩn.",
            "36 xã",
            None,
            "2023",
        ),
        # nothing said: the publication year
        ("Đảng bộ kết nạp 80 đảng viên.", "80 đảng viên", "2023-05-02", "2023"),
        ("Đảng bộ kết nạp 80 đảng viên.", "80 đảng viên", None, None),
    # no publication date: a dateline at the top of the text stands in for it
    ("Cập nhật: 14/03/2023 10:20\n\nĐảng bộ kết nạp 80 đảng viên.", "80 đảng viên", None, "2023"),
    # a review put out in January speaks of the year before it names
    (
        "Hội nghị tổng kết năm 2022. Đến hết năm, xã hoàn thành 14 chỉ tiêu.",
        "14 chỉ tiêu",
        "2023-01-20",
        "2022",
    ),
    # a start point in the figure's own clause: counted up to now
    (
        "9 tháng năm 2024, xã thu 80 tỷ đồng, trong đó từ ngày 1/8 đến nay thu 12 tỷ đồng.",
        "12 tỷ",
        "2024-10-03",
        "2024",
    ),
    # a yearly figure under a term's targets takes the term, not a year named in another part
    (
        "Mục tiêu giai đoạn 2026 - 2030: đến năm 2030 thu nhập đạt 90 triệu đồng; mỗi năm giảm 2% hộ nghèo.",
        "2%",
        "2025-10-01",
        "2026/2030",
    ),
    (
        "Mục tiêu giai đoạn 2026 - 2030: đến năm 2030 thu nhập đạt 90 triệu đồng; mỗi năm giảm 2% hộ nghèo.",
        "90 triệu",
        "2025-10-01",
        "2030",
    ),
    (
        "Đại hội xác định mục tiêu nhiệm kỳ 2025 - 2030: đến năm 2030 có 20 xã đạt chuẩn; "
        "mỗi năm kết nạp 50 đảng viên.",
        "50 đảng viên",
        "2025-08-20",
        "2025/2030",
    ),
    # … but not the term of a body named in the sentence
    (
        "HĐND tỉnh khóa XVII, nhiệm kỳ 2021 - 2026 cho biết năm 2024 mỗi tháng thu bình quân 500 tỷ đồng.",
        "500 tỷ",
        "2024-07-10",
        "2024",
    ),
    # a period right after the figure counts only up to the semicolon
    (
        "Nhiệm kỳ 2026 - 2031, tỉnh phấn đấu thu ngân sách tăng trên 9%; đến năm 2031 có 20 xã đạt chuẩn.",
        "9%",
        "2026-01-10",
        "2026/2031",
    ),
        # a year right after the figure, in its sentence
        (
            "Các đồng chí quan tâm đối với gần 30% nhiệm vụ khó, phức tạp của năm 2023.",
            "gần 30%",
            None,
            "2023",
        ),
        # a later year named in passing does not carry over past the publication year
        (
            "Ngành sẽ xây dựng chương trình công tác năm 2025. Dịp này trao Bằng khen cho 12 tập thể.",
            "12 tập thể",
            "2024-12-28",
            "2024",
        ),
    ],
)
def test_periods_resolver_picks_the_figures_period(text, figure, published, expected):
    assert _at(text, figure, published) == expected


# text, figure, publication date, expected period: which periods become the running period
RUNNING = [
    # a period singled out by "Riêng" covers its own sentence, not the ones after it
    (
        "9 tháng năm 2024, thu ngân sách đạt 800 tỷ đồng. Riêng quý III thu 300 tỷ đồng. "
        "Xã giải ngân 50 tỷ đồng.",
        "50 tỷ",
        None,
        "2024-M9",
    ),
    (
        "9 tháng năm 2024, thu ngân sách đạt 800 tỷ đồng. Riêng quý III thu 300 tỷ đồng. "
        "Xã giải ngân 50 tỷ đồng.",
        "300 tỷ",
        None,
        "2024-Q3",
    ),
    (
        "Năm 2023, huyện có 40 xã đạt chuẩn. Trong đó tháng 12 có 3 xã. Huyện hỗ trợ 90 hộ.",
        "90 hộ",
        None,
        "2023",
    ),
    # a start point is not carried: later sentences take the publication year
    (
        "Từ tháng 10/2023 đến nay, huyện bàn giao 90% mặt bằng. Huyện đã chi trả 200 tỷ đồng.",
        "200 tỷ",
        "2024-06-01",
        "2024",
    ),
    # a sentence counted from a start point up to now takes the publication year, not a carried period
    (
        "9 tháng năm 2024, thu ngân sách đạt 800 tỷ đồng. Từ năm 2021 đến nay, tỉnh đào tạo 45.000 lao động.",
        "45.000",
        "2024-10-05",
        "2024",
    ),
    # a period aimed for holds for its paragraph, not the next one
    (
        "6 tháng đầu năm, thu ngân sách đạt 500 tỷ đồng. Phấn đấu 6 tháng cuối năm thu thêm 600 tỷ đồng. "
        "Tỉnh cấp 80 giấy phép.\nDịp này, tỉnh khen thưởng 14 tập thể.",
        "14 tập thể",
        "2024-07-05",
        "2024-H1",
    ),
    (
        "6 tháng đầu năm, thu ngân sách đạt 500 tỷ đồng. Phấn đấu 6 tháng cuối năm thu thêm 600 tỷ đồng. "
        "Tỉnh cấp 80 giấy phép.\nDịp này, tỉnh khen thưởng 14 tập thể.",
        "80 giấy",
        "2024-07-05",
        "2024-H2",
    ),
    # a term that opens a paragraph holds for the rest of it, and "N năm qua" names it again
    (
        "Nhiệm kỳ 2020 - 2025, xã hoàn thành 15/17 chỉ tiêu. Xã kết nạp 120 đảng viên.",
        "120 đảng viên",
        "2025-06-10",
        "2020/2025",
    ),
    (
        "Nhiệm kỳ 2020 - 2025, xã hoàn thành 15/17 chỉ tiêu. Thu nhập năm 2023 đạt 60 triệu đồng. "
        "5 năm qua, xã kết nạp 120 đảng viên.",
        "120 đảng viên",
        "2025-06-10",
        "2020/2025",
    ),
    (
        "Nhiệm kỳ 2020 - 2025, xã hoàn thành 15/17 chỉ tiêu.\nĐến nay xã có 12 thôn văn hóa.",
        "12 thôn",
        "2025-06-10",
        "2025",
    ),
    # the term of a body is its name, not the period of the figures after it
    (
        "Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030 khai mạc. Dự đại hội có 200 đại biểu.",
        "200 đại biểu",
        "2025-07-20",
        "2025",
    ),
    # a programme's name is not an aim: "chương trình mục tiêu quốc gia năm 2023" still carries
    (
        "Tổng kết các chương trình mục tiêu quốc gia năm 2023.\nĐến nay 30 xã đạt chuẩn.",
        "30 xã",
        None,
        "2023",
    ),
]


@pytest.mark.parametrize(("text", "figure", "published", "expected"), RUNNING)
def test_periods_only_some_periods_become_the_running_period(text, figure, published, expected):
    assert _at(text, figure, published) == expected


# texts for the checks of the patterns' leads: every expression above, upper case, edge cases
LEAD_TEXTS = [text for text, _, _ in EXPRESSIONS] + [
    "Tính đến hết ngày 31/8/2025, so với cùng kỳ năm 2024 tăng; từ năm 2020 đến năm 2025.",
    "SAU 5 NĂM QUA, NỬA ĐẦU NĂM NAY, CẢ NĂM, đợt 7/11, 12/3/2024, x15/7/2023 và ngày 2 tháng 9.",
    "Kế hoạch 2025, dự toán nay; 123 tháng; 6  tháng cuối năm; tới cuối năm 2023; quý IV-2023.",
    "",
    "t",
    "Đến  hết   tháng 9, 16 tháng đầu năm; 5  năm  qua; kế hoạch nay; Dự toán 2025; 7/11/2024 và 1/2.",
    "GIAI ĐOẠN 2021-2025, NHIỆM KỲ 2020 - 2025, NIÊN KHÓA 2023-2024, NĂM HỌC 2023-2024, NĂM TÀI CHÍNH 2024.",
    # letters that lower-casing does not keep apart as the patterns do: the slower way
    "ſo với cùng kỳ năm 2023; nhıệm kỳ 2020-2025; İ 6 tháng đầu năm 2024.",
]


@pytest.mark.parametrize("text", LEAD_TEXTS)
def test_periods_a_patterns_lead_keeps_every_match_of_the_pattern_without_it(text):
    for lead, written, _, _ in _LED_PATTERNS:  # the lead is only a quick test: it must drop no match
        unled = [m.span() for m in re.finditer(written, text, re.IGNORECASE)]
        led = [m.span() for m in re.finditer(rf"(?={lead}){written}", text, re.IGNORECASE)]
        assert led == unled, lead


@pytest.mark.parametrize("text", LEAD_TEXTS)
def test_periods_patterns_tried_at_their_starts_find_what_a_full_scan_finds(text):
    lower = lower_case(text)
    if lower is None:  # lower-casing would not keep it aligned: find_periods scans it all
        assert any(c in text for c in OTHER_CASES) or len(text.lower()) != len(text)
        return
    places = _candidates(lower)
    for rank, (pattern, _) in enumerate(PATTERNS):
        scanned = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer(pattern, text, places[rank])] == scanned


def test_periods_lower_casing_keeps_the_letters_looked_for():
    """A letter that matches a letter looked for in lower-cased text (by the scans for the patterns'
    starts, or before a regex is run) when the case is ignored lower-cases to it, unless it is one
    of OTHER_CASES (or lower-cases to more than one letter): those texts are not lower-cased."""
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    written = [scan.pattern for scan in _WORD_SCANS] + [w for words in _PREFILTER_WORDS for w in words]
    letters = {c for text in written for c in text if c.isalpha() and c.islower()}
    for letter in letters:
        for c in re.findall(re.escape(letter), everything, re.IGNORECASE):
            assert c.lower() == letter or len(c.lower()) != 1 or c in OTHER_CASES, (letter, c)


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("sau 5 năm", 6, [4]),  # "5 năm": one digit, a space
        ("trong 12  tháng", 10, [7, 6]),  # two digits, two spaces: either may begin the number
        ("15/7/2023", 2, [1, 0]),  # right before "/"
        ("x/7", 1, []),  # no digit before
        ("năm", 0, []),  # at the start of the text
    ],
)
def test_periodsnumber_before(text, at, expected):
    assert number_before(text, at) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2024, QUÝ I", "năm 2024, quý i"),
        ("", ""),
        ("ſo với", None),  # "ſ" is "s" to a case-blind regex, but lower-cases to itself
        ("Nhıệm kỳ", None),  # so is the dotless "ı" to "i"
        ("İ 2024", None),  # lower-cases to two letters: the offsets would move
    ],
)
def test_periods_lower_case_only_when_it_keeps_the_text_aligned(text, expected):
    assert lower_case(text) == expected


@pytest.mark.parametrize("text", LEAD_TEXTS)
def test_periods_a_stretch_between_dots_finds_what_the_whole_text_finds_there(text):
    every = find_periods(text)
    for start in range(0, len(text) + 1, 7):
        for end in (start, start + 10, start + 40, len(text)):
            a, b = stretch_around(text, start, min(end, len(text)))
            assert a <= start and min(end, len(text)) <= b
            assert a == 0 or text[a - 1] == "."
            assert b == len(text) or text[b - 1] == "."
            got = periods_between(text, lower_case(text), a, b)
            assert got == [m for m in every if a <= m.start < b]


def test_periods_no_pattern_holds_a_dot():
    """A stretch can be read on its own from right after a "." (:func:`stretch_around`): no pattern
    matches a "." (it is named only in lookarounds, "(?<![\\w.,])")."""
    for _, written, _, starts in _LED_PATTERNS:
        bare = re.sub(r"\(\?<?[=!][^()]*\)", "", written)  # without the lookarounds
        assert "." not in bare.replace("\\.", ".") and r"\S" not in bare and r"\W" not in bare
        assert "[^" not in bare and r"\w" not in bare
        assert all("." not in start for start in starts)
