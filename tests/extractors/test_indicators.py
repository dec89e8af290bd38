import pytest

from extractors import money, percentages, quantities
from extractors.clauses import is_dependent, lexicon, split
from extractors.indicators import extract
from pipeline.article import Article
from pipeline.sentences import sentences


def rows(text: str, published: str | None = None, title: str | None = None) -> list[dict]:
    art = Article(text=text, published=published, title=title)
    for name, stage in (("money", money), ("percentages", percentages), ("quantities", quantities)):
        art.add(name, stage.extract(art))
    spans = art.add("indicators", extract(art))
    return [s.record("sentence") for s in spans]


def one(text: str, figure: str, **kw) -> dict:
    found = [r for r in rows(text, **kw) if figure in text[r["figure_start"] : r["figure_end"]]]
    assert len(found) == 1, f"{figure!r}: {found}"
    return found[0]


# sentence, figure, indicator, kind, value, unit
KINDS = [
    ("Thu ngân sách đạt 1.455 tỷ đồng.", "1.455", "budget_revenue", "actual", 1_455_000_000_000, "VND"),
    (
        "Tổng giá trị sản xuất ước đạt hơn 44.280 tỷ đồng.",
        "44.280",
        "production_value",
        "estimate",
        44_280_000_000_000,
        "VND",
    ),
    (
        "Tỉnh phấn đấu thu ngân sách đạt 30.425 tỷ đồng.",
        "30.425",
        "budget_revenue",
        "target",
        30_425_000_000_000,
        "VND",
    ),
    ("Năm tới mục tiêu tăng trưởng kinh tế khoảng 7 - 8%.", "7 - 8%", "grdp_growth", "target", 7, "percent"),
    ("Kim ngạch xuất khẩu tăng 12,7% so với cùng kỳ.", "12,7%", "export_value", "change", 12.7, "percent"),
    ("Kim ngạch nhập khẩu giảm 3,2% so với cùng kỳ.", "3,2%", "import_value", "change", -3.2, "percent"),
    ("Thu nội địa bằng 139% so với cùng kỳ.", "139%", "domestic_revenue", "change", 139, "percent"),
    ("Thu ngân sách vượt 44,9% dự toán.", "44,9%", "budget_revenue", "share_of_plan", 44.9, "percent"),
    ("Thu ngân sách đạt 65% so với dự toán.", "65%", "budget_revenue", "share_of_plan", 65, "percent"),
    ("Vốn đầu tư toàn xã hội chiếm 31% GRDP.", "31%", "total_investment", "share_of_total", 31, "percent"),
    (
        "Đến nay 100% trường học đạt chuẩn quốc gia.",
        "100%",
        "standard_schools",
        "share_of_total",
        100,
        "percent",
    ),
    (
        "GPMB được 26,19ha, tăng 2,69 lần so với cùng kỳ.",
        "2,69 lần",
        "land_clearance",
        "change",
        2.69,
        "times",
    ),
    ("Thu hút FDI vượt 2,2 lần kế hoạch.", "2,2 lần", "fdi", "share_of_plan", 2.2, "times"),
    ("Chỉ số PCI của tỉnh đứng thứ 12 cả nước.", "12", "other", "rank", 12, "rank"),
    ("Tỷ lệ hộ nghèo giảm còn 1,01%.", "1,01%", "poverty_rate", "actual", 1.01, "percent"),
]


@pytest.mark.parametrize(("text", "figure", "indicator", "kind", "value", "unit"), KINDS)
def test_indicators_kind_and_code(text, figure, indicator, kind, value, unit):
    r = one(text, figure)
    assert (r["indicator"], r["kind"], r["value"], r["unit"]) == (indicator, kind, value, unit)


def test_indicators_row_is_its_evidence_sentence():
    text = "Mở đầu bài viết. Thu ngân sách đạt gần 1.455 tỷ đồng, bằng 65% so với dự toán. Kết thúc."
    found = rows(text)
    assert len(found) == 2
    for r in found:
        assert r["sentence"] == "Thu ngân sách đạt gần 1.455 tỷ đồng, bằng 65% so với dự toán."
        assert text[r["start"] : r["end"]] == r["sentence"]
    assert [text[r["figure_start"] : r["figure_end"]] for r in found] == ["gần 1.455 tỷ đồng", "65%"]
    assert found[0]["approx"] == "nearly"


def test_indicators_multi_figure_sentence():
    text = (
        "Thu ngân sách đạt gần 16.000 tỷ đồng, trong đó thu nội địa đạt hơn 13.000 tỷ đồng; "
        "thu hút FDI đạt gần 360 triệu USD, tăng 60,5% so với cùng kỳ, đạt 90% kế hoạch năm."
    )
    got = [(r["indicator"], r["kind"], r["value"], r["unit"]) for r in rows(text)]
    assert got == [
        ("budget_revenue", "actual", 16_000_000_000_000, "VND"),
        ("domestic_revenue", "actual", 13_000_000_000_000, "VND"),
        ("fdi", "actual", 360_000_000, "USD"),
        ("fdi", "change", 60.5, "percent"),
        ("fdi", "share_of_plan", 90, "percent"),
    ]


def test_indicators_each_figure_takes_the_phrase_it_counts():
    text = "Năm 2024 tỉnh thu hút 400 triệu USD vốn FDI và 5.500 tỷ đồng vốn DDI."
    assert [r["indicator"] for r in rows(text)] == ["fdi", "ddi"]


def test_indicators_sector_breakdown_keeps_comma_phrases():
    text = "Trong đó, nông nghiệp tăng 2,3%; công nghiệp, xây dựng tăng 7,7%; dịch vụ, thương mại tăng 8,5%."
    assert [(r["indicator"], r["kind"]) for r in rows(text)] == [
        ("agriculture_value", "change"),
        ("industrial_production", "change"),
        ("services_value", "change"),
    ]


@pytest.mark.parametrize(
    ("text", "figure", "indicator", "unit"),
    [
        (
            "Đảng bộ đã kết nạp 80 đảng viên mới và thành lập 1 tổ chức cơ sở Đảng.",
            "80",
            "new_party_members",
            "party_member",
        ),
        (
            "Đảng bộ đã kết nạp 80 đảng viên mới và thành lập 1 tổ chức cơ sở Đảng.",
            "1 tổ",
            "party_org_founded",
            "organization",
        ),
        (
            "Các cấp ủy xét công nhận đảng viên chính thức cho 1.958 đồng chí.",
            "1.958",
            "party_members_official",
            "party_member",
        ),
        (
            "Thành phố tổ chức 47 hội nghị chi trả tiền bồi thường cho 449 hộ.",
            "47",
            "compensation_paid",
            "conference",
        ),
        (
            "Thành phố tổ chức 47 hội nghị chi trả tiền bồi thường cho 449 hộ.",
            "449",
            "compensation_paid",
            "household",
        ),
        ("Toàn tỉnh trao 140 Huy hiệu Đảng.", "140", "party_badges", "badge"),
        ("Giải quyết việc làm mới cho từ 16 đến 17.000 lao động.", "16", "new_jobs", "person"),
        ("Huyện xử lý 30 trường hợp vi phạm đất đai.", "30", "land_violations", "case"),
    ],
)
def test_indicators_counts(text, figure, indicator, unit):
    r = one(text, figure)
    assert (r["indicator"], r["unit"]) == (indicator, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Thành ủy đã thành lập 2 đoàn kiểm tra do Phó Bí thư làm Trưởng đoàn.",
        "Giải quyết tồn tại về đất đai tại 2 xã Đồng Văn, Tề Lỗ.",
        "Thành ủy phân 4 cụm thi đua trong toàn thành phố.",
        "Quyết định số 529, ngày 11/1/2022 về giao chỉ tiêu.",
        "Hội nghị lần thứ 6 Ban Chấp hành nhiệm kỳ 2020-2025.",
        "Kỳ họp thứ 13, khóa XVII diễn ra trong 3 ngày.",
        "Hotline: 08.4646.0404 | Email: toasoan@example.vn",
        "Tổng kết 20 năm thực hiện chính sách tín dụng.",
        "Thực hiện tốt 5 nhiệm vụ trọng tâm và 3 khâu đột phá.",
    ],
)
def test_indicators_non_rows(text):
    assert rows(text) == []


def test_indicators_other_keeps_a_vietnamese_label():
    r = one("Đảng bộ chuyển sinh hoạt Đảng cho 103 đảng viên.", "103")
    assert r["indicator"] == "other"
    assert "đảng viên" in r["label"]
    assert r["kind"] == "actual"


def test_indicators_recipients_of_targets_are_actual():
    r = one("Tỉnh ủy tiếp tục giao chỉ tiêu nhiệm vụ cho 48 người đứng đầu các cơ quan.", "48")
    assert (r["indicator"], r["kind"], r["unit"]) == ("other", "actual", "person")
    r = one("Năm 2022, Đảng bộ phường được giao chỉ tiêu kết nạp 12 đảng viên mới.", "12")
    assert (r["indicator"], r["kind"], r["period"]) == ("new_party_members", "target", "2022")


def test_indicators_targets_carry_through_a_paragraph():
    text = (
        "Tổng thu ngân sách phấn đấu đạt 30.425 tỷ đồng. Thu hút 400 triệu USD vốn FDI. "
        "Tỷ lệ dân số đô thị (tại các khu vực đã được công nhận) đạt 49%.\n"
        "Năm 2023, huyện đã kết nạp 50 đảng viên."
    )
    assert [(r["indicator"], r["kind"]) for r in rows(text)] == [
        ("budget_revenue", "target"),
        ("fdi", "target"),
        ("urbanization_rate", "target"),
        ("new_party_members", "actual"),
    ]


def test_indicators_estimate_ends_at_a_plain_reached():
    text = (
        "Tổng giá trị sản xuất ước đạt 44.280 tỷ đồng; GRDP bình quân đầu người khoảng 3.400 USD; "
        "thu ngân sách đạt 1.455 tỷ đồng."
    )
    assert [r["kind"] for r in rows(text)] == ["estimate", "estimate", "actual"]


@pytest.mark.parametrize(
    ("text", "published", "periods"),
    [
        (
            "6 tháng đầu năm, thu ngân sách đạt 486,8 tỷ đồng, tăng 7,7% so với cùng kỳ năm 2020.",
            "2021-07-22",
            ["2021-H1", "2021-H1"],
        ),
        ("Quý I/2024, xuất khẩu đạt 2 tỷ USD.", None, ["2024-Q1"]),
        ("11 tháng, thu hút 30 dự án FDI.", "2024-12-05", ["2024-M11"]),
        ("Nhiệm kỳ 2020-2025, Đảng bộ kết nạp 2.000 đảng viên.", None, ["2020/2025"]),
        ("Trong tháng 5/2024, thu ngân sách đạt 800 tỷ đồng.", None, ["2024-05"]),
        ("Thu ngân sách đạt 800 tỷ đồng.", "2023-03-01", ["2023"]),
        # a period written before the figure in its clause wins over a nearer one after it
        ("Phấn đấu đến hết tháng 9 giải ngân đạt 60% và đến hết năm đạt 100% kế hoạch.", "2025-08-20",
         ["2025-M9", "2025"]),
    ],
)
def test_indicators_periods(text, published, periods):
    assert [r["period"] for r in rows(text, published=published)] == periods


def test_indicators_location_from_the_sentence_or_the_article():
    text = (
        "Thành phố Vĩnh Yên đẩy mạnh GPMB. Cụ thể như ở phường Đồng Tâm, năm 2022, Đảng bộ phường được "
        "giao chỉ tiêu kết nạp 12 đảng viên mới. Thu ngân sách trên địa bàn thành phố đạt 1.455 tỷ đồng."
    )
    got = {r["value"]: r["location"] for r in rows(text, title="Vĩnh Phúc: Thành phố Vĩnh Yên nỗ lực")}
    assert got == {12: "Đồng Tâm", 1_455_000_000_000: "Vĩnh Yên"}


def test_indicators_route_ends_do_not_own_figures():
    text = "Dự án nối thành phố Vinh với thị xã Cửa Lò đã bàn giao được 21,6 km mặt bằng."
    r = one(text, "21,6", title="Nghệ An: Dồn sức bàn giao mặt bằng")
    assert (r["indicator"], r["location"]) == ("land_clearance", "Nghệ An")


def test_clauses_split_keeps_cue_phrases_whole():
    text = "Công nghiệp, xây dựng tăng 7,7%; dịch vụ tăng 8,5%, đạt 90% kế hoạch."
    cues = lexicon().find(text)
    parts = [text[a:b] for a, b in split(text, 0, len(text), [(c.start, c.end) for c in cues])]
    assert parts == ["Công nghiệp, xây dựng tăng 7,7%", "dịch vụ tăng 8,5%", "đạt 90% kế hoạch."]
    assert is_dependent(text, (text.index("đạt"), len(text)))
    assert not is_dependent(text, (text.index("dịch"), len(text)))


def test_indicators_every_row_points_at_its_sentence():
    text = "Năm 2024, tỉnh phấn đấu thu ngân sách đạt 30.000 tỷ đồng. Huyện có 5 xã đạt chuẩn nông thôn mới."
    bounds = sentences(text)
    for r in rows(text):
        assert (r["start"], r["end"]) in bounds
        assert r["start"] <= r["figure_start"] < r["figure_end"] <= r["end"]


def test_indicators_clause_after_a_bracket_goes_on():
    text = "Vốn đầu tư trong nước (DDI) thu hút được 62 dự án với tổng vốn khoảng 38,5 nghìn tỷ đồng."
    assert [r["indicator"] for r in rows(text)] == ["ddi", "ddi"]


def test_indicators_a_count_takes_its_nouns_indicator():
    r = one("Trong đó có 27 Huy hiệu 75 năm tuổi Đảng.", "27")
    assert (r["indicator"], r["unit"]) == ("party_badges", "badge")


def test_indicators_a_fall_continues_the_latest_subject():
    text = "Kiểm tra 312 tổ chức đảng; thi hành kỷ luật 96 đảng viên, giảm 12 trường hợp so với năm 2022."
    last = rows(text)[-1]
    assert (last["value"], last["kind"], last["unit"]) == (-12, "change", "case")
    assert "kỷ luật" in last["label"]


@pytest.mark.parametrize(
    ("text", "figure", "value", "kind"),
    [
        ("Huyện hoàn thành 100% chỉ tiêu được giao.", "100%", 100, "share_of_plan"),
        ("Có 18/19 chỉ tiêu đạt và vượt kế hoạch.", "18/19", 18, "actual"),
    ],
)
def test_indicators_targets_completed(text, figure, value, kind):
    r = one(text, figure)
    assert (r["indicator"], r["value"], r["kind"]) == ("targets_completed", value, kind)


def test_indicators_target_people_are_targets_unless_targets_are_handed_to_them():
    text = (
        "Năm 2024, huyện phấn đấu giải quyết việc làm cho 3.000 lao động; kết nạp từ 200 đảng viên trở lên."
    )
    got = [(r["kind"], r["approx"]) for r in rows(text)]
    assert got == [("target", None), ("target", "more_than")]


def test_indicators_glued_related_headlines_keep_only_their_own_period():
    text = (
        "Năm 2022, thành phố kết nạp 80 đảng viên.\n"
        "Vĩnh Phúc: Tổng kết chính sách tín dụngVĩnh Phúc: Hơn 1 tháng xử lý 296 trường hợp vi phạm chở hàng"
    )
    assert [(r["value"], r["period"]) for r in rows(text)] == [(80, "2022"), (296, None)]


# a related-headline line: each headline is read on its own, with its own place and period
GLUED = (
    "Năm 2023, tỉnh kết nạp 900 đảng viên.\n"
    "Hà Nam: Giải ngân vốn đầu tư công 9 tháng đạt 58%Xã Kim Bảng ra mắt câu lạc bộ \"Dân vận\""
    "Ninh Bình (cũ): Hơn 600 tỷ đồng làm đường ven biển"
)


@pytest.mark.parametrize(
    ("figure", "kind", "period", "location"),
    [
        ("58%", "share_of_plan", "2023-M9", "Hà Nam"),
        ("600 tỷ", "actual", None, "Ninh Bình"),
    ],
)
def test_indicators_glued_headlines_are_read_one_by_one(figure, kind, period, location):
    r = one(GLUED, figure, published="2023-10-20")
    assert (r["kind"], r["period"], r["location"]) == (kind, period, location)
    assert "Kim Bảng" not in r["sentence"]


def test_indicators_headlines_set_apart_by_bars_are_read_one_by_one():
    text = (
        "Năm 2023, tỉnh kết nạp 900 đảng viên.\n"
        "Hà Nam: Khởi công cụm công nghiệp quý III/2023 | Ninh Bình: Hơn 200 doanh nghiệp thành lập mới"
    )
    r = one(text, "200", published="2023-10-20")
    assert (r["period"], r["location"], r["sentence"]) == (
        None,
        "Ninh Bình",
        "Ninh Bình: Hơn 200 doanh nghiệp thành lập mới",
    )


# sentence, figure, the indicator it reports: the thing measured, not any keyword in the sentence
MEASURED = [
    # the phrase after "chiếm … %" is the whole the share is taken of
    ("Số nợ đọng còn 900 tỷ đồng, chiếm 5,2% tổng thu ngân sách.", "5,2%", "other"),
    ("Thu nội địa chiếm 81% tổng thu ngân sách.", "81%", "domestic_revenue"),
    # an amount of money is not a count of communes, schools or party bodies
    ("Xã vận động được 12 tỷ đồng để xây dựng nông thôn mới.", "12 tỷ", "other"),
    ("Huyện chi 30 tỷ đồng xây trường đạt chuẩn quốc gia.", "30 tỷ", "other"),
    ("Huyện có thêm 4 xã đạt chuẩn nông thôn mới.", "4 xã", "new_rural_communes"),
    # founding and admission need their verb; a stock is not a founding
    ("Đảng bộ xã hiện có 31 tổ chức cơ sở đảng với 1.240 đảng viên.", "31 tổ", "other"),
    ("Đảng bộ xã hiện có 31 tổ chức cơ sở đảng với 1.240 đảng viên.", "1.240", "other"),
    ("Năm nay huyện thành lập mới 2 tổ chức cơ sở đảng.", "2 tổ", "party_org_founded"),
    ("Chi bộ đã kết nạp 6 đảng viên mới.", "6 đảng", "new_party_members"),
    # a percent change of GRDP is GRDP growth, and so is what follows it
    ("GRDP của tỉnh ước tăng 9,1% so với cùng kỳ, xếp thứ 4/63 cả nước.", "9,1%", "grdp_growth"),
    ("GRDP của tỉnh ước tăng 9,1% so với cùng kỳ, xếp thứ 4/63 cả nước.", "thứ 4", "grdp_growth"),
    ("Quy mô GRDP đạt 120.000 tỷ đồng.", "120.000", "grdp"),
    # the indicator named one clause before, when the figure's clause goes on about it
    ("Giải ngân vốn đầu tư công chậm, đến hết tháng 8 mới đạt 1.200 tỷ đồng.", "1.200", "public_investment"),
    ("Chi trả tiền bồi thường, hỗ trợ 85 tỷ đồng cho 310 hộ.", "85 tỷ", "compensation_paid"),
    ("Chi trả tiền bồi thường, hỗ trợ 85 tỷ đồng cho 310 hộ.", "310 hộ", "compensation_paid"),
    ("Huyện đã chi trả 40 tỷ đồng tiền bồi thường, hỗ trợ cho 96 hộ.", "96 hộ", "compensation_paid"),
    # a negated phrase is not what the figure reports
    ("Vẫn còn 9 hộ chưa nhận tiền bồi thường.", "9 hộ", "other"),
    # a phrase after a contrast speaks of something else
    ("Số chuyến hàng tăng 6% nhưng kim ngạch nhập khẩu lại giảm.", "6%", "other"),
    # an opening topic names the indicator of the sentence's figures
    (
        "Trong công tác bảo đảm trật tự an toàn giao thông, lực lượng chức năng đã kiểm tra, "
        "xử lý 2.150 trường hợp, phạt tiền 4,1 tỷ đồng; tạm giữ 96 phương tiện.",
        "96 phương",
        "traffic_violations",
    ),
    (
        "Trong công tác bảo đảm trật tự an toàn giao thông, lực lượng chức năng đã kiểm tra, "
        "xử lý 2.150 trường hợp, phạt tiền 4,1 tỷ đồng; tạm giữ 96 phương tiện.",
        "4,1 tỷ",
        "traffic_violations",
    ),
    # … but a rate in it is the rate its own clause names
    ("Về công tác giải phóng mặt bằng, tỷ lệ che phủ rừng đạt 55%.", "55%", "other"),
    # land taken back is cleared land; money taken back is not
    ("Khu công nghiệp đã thu hồi được 45 ha.", "45 ha", "land_clearance"),
    ("Cơ quan thanh tra thu hồi 3 tỷ đồng về ngân sách.", "3 tỷ", "other"),
    # the land a project must take is its scope, not land cleared
    ("Diện tích đất phải thu hồi của dự án là 64,2 ha.", "64,2", "other"),
    # a whole named as the base ("trên tổng …") does not become the subject of the share after it
    ("Đã giải phóng mặt bằng 8 km trên tổng chiều dài 10 km, đạt 80%.", "80%", "land_clearance"),
]


@pytest.mark.parametrize(("text", "figure", "indicator"), MEASURED)
def test_indicators_code_follows_the_thing_measured(text, figure, indicator):
    assert one(text, figure)["indicator"] == indicator


def test_indicators_a_count_whose_clause_names_an_unsuited_indicator_is_still_a_row():
    text = "Năm 2023, tỉnh có thêm 2 huyện và 17 xã đạt chuẩn nông thôn mới."
    got = {r["unit"]: r["indicator"] for r in rows(text)}
    assert got == {"district": "other", "commune": "new_rural_communes"}



# sentence, figure, unit: counts of the domain's countable nouns are rows; a document number is not
COUNT_ROWS = [
    ("Ngành thuế ban hành 520 quyết định cưỡng chế nợ thuế.", "520", "decision"),
    ("Kho bạc từ chối thanh toán 15 hồ sơ chưa hợp lệ.", "15 hồ", "dossier"),
    ("Các xã duy trì 40 mô hình phân loại rác.", "40 mô", "model"),
    ("Huyện quy hoạch 3 khu công nghiệp.", "3 khu", "industrial_park"),
    ("Chương trình chăm lo cho hơn 20.000 công nhân.", "20.000", "person"),
    ("Năm 2024, huyện nâng số xã đạt chuẩn lên 19 xã.", "19 xã", "commune"),
    ("Tỉnh phấn đấu thu hút từ 2 - 4 dự án thứ cấp.", "2 - 4", "project"),
]


@pytest.mark.parametrize(("text", "figure", "unit"), COUNT_ROWS)
def test_indicators_counts_of_common_nouns_are_rows(text, figure, unit):
    assert one(text, figure)["unit"] == unit


def test_indicators_a_document_number_is_not_a_count():
    assert [r["unit"] for r in rows("Theo Quyết định số 1146/QĐ-UBND, tỉnh hỗ trợ 20 hộ.")] == ["household"]


# sentence, figure, indicator, kind: the topic word a few words back, brackets, parts of a whole
TOPIC_BACK = [
    # handing over land is land clearance, and so is what the cleared land went to
    ("Huyện đã thu hồi, bàn giao 20,5 ha đất cho các chủ đầu tư.", "20,5 ha", "land_clearance", "actual"),
    ("Dự án mới bàn giao được 7,4 ha trên tổng số 10 ha.", "7,4 ha", "land_clearance", "actual"),
    ("Xã đã hoàn thành GPMB 9,6 ha cho 4 dự án.", "4 dự án", "land_clearance", "actual"),
    ("Huyện đã bàn giao 12,5/20 ha đất cho dự án.", "12,5/20 ha", "land_clearance", "actual"),
    # counts written after their noun are rows of their own
    ("Năm nay kỷ luật 9 đảng viên, trong đó khiển trách 5, cảnh cáo 4.", "cảnh cáo 4", "other", "actual"),
    # the same noun counted again in its part of the sentence goes on with the same indicator
    (
        "Đoàn phát hiện 25 trường hợp vi phạm đất đai, đến nay đã xử lý xong 20 trường hợp, đạt 80%.",
        "20 trường hợp",
        "land_violations",
        "actual",
    ),
    (
        "Đoàn phát hiện 25 trường hợp vi phạm đất đai, đến nay đã xử lý xong 20 trường hợp, đạt 80%.",
        "80%",
        "land_violations",
        "share_of_total",
    ),
    ("Xã giải quyết dứt điểm 12/15 vụ việc tồn tại về đất đai, đạt 80%.", "80%", "land_violations",
     "share_of_total"),
    # a badge named with its years of membership is still a Party badge
    ("Chi bộ trao Huy hiệu 50 năm tuổi Đảng cho 4 đảng viên.", "4 đảng viên", "party_badges", "actual"),
    # "nâng tổng vốn … lên …" goes on with the plan named before it
    (
        "Tỉnh điều chỉnh kế hoạch đầu tư công năm 2025, nâng tổng vốn từ 5.000 tỷ đồng lên 5.400 tỷ đồng.",
        "5.400 tỷ",
        "public_investment",
        "target",
    ),
    # a bracketed figure belongs to the phrase right before the bracket (a target's share reached)
    (
        "Còn 2 chỉ tiêu chưa hoàn thành là thu ngân sách (đạt 92%) và giải ngân vốn đầu tư công (đạt 81,5%).",
        "81,5%",
        "public_investment",
        "share_of_plan",
    ),
    (
        "Còn 2 chỉ tiêu chưa hoàn thành là thu ngân sách (đạt 92%) và giải ngân vốn đầu tư công (đạt 81,5%).",
        "92%",
        "budget_revenue",
        "share_of_plan",
    ),
    # targets not done are not targets completed
    (
        "Còn 2 chỉ tiêu chưa hoàn thành là thu ngân sách (đạt 92%) và giải ngân vốn đầu tư công (đạt 81,5%).",
        "2 chỉ tiêu",
        "other",
        "actual",
    ),
    # a part of a whole, counted after "trong đó", and targets surpassed are rows
    ("Năm 2023, xã hoàn thành 15/17 chỉ tiêu, trong đó 6 chỉ tiêu vượt kế hoạch.", "6 chỉ tiêu",
     "targets_completed", "actual"),
    ("Năm 2023, Đảng ủy nhận 20 đơn thư, trong đó 12 đơn thuộc thẩm quyền.", "12 đơn", "other", "actual"),
    ("Kỳ họp đã thông qua 14 nghị quyết quan trọng.", "14 nghị quyết", "other", "actual"),
    # capital added or invested is foreign in dollars, domestic in đồng; a count takes its amount's currency
    ("Quý III có 6 dự án điều chỉnh tăng vốn thêm 18,5 triệu USD.", "6 dự án", "fdi", "actual"),
    ("Quý III có 6 dự án điều chỉnh tăng vốn thêm 18,5 triệu USD.", "18,5 triệu", "fdi", "actual"),
    ("Công ty cổ phần Hòa Bình mở rộng nhà máy với số vốn tăng thêm 250 tỷ đồng.", "250 tỷ", "ddi", "actual"),
    ("Nhà máy linh kiện của công ty Hàn Quốc có vốn đầu tư 40 triệu USD.", "40 triệu", "fdi", "actual"),
    # a total raised to a number is a stock, not the founding reported before it
    ("Huyện ủy thành lập mới 2 tổ chức cơ sở đảng, nâng tổng số tổ chức đảng lên 31.", "lên 31", "other",
     "actual"),
    # money set aside from a budget is spending; a budget that merely contributes is not
    ("Năm tới, huyện sẽ dành 80 tỷ đồng từ ngân sách huyện để làm đường.", "80 tỷ", "budget_expenditure",
     "target"),
    ("Tỉnh đã bố trí 45 tỷ đồng vốn ngân sách tỉnh.", "45 tỷ", "budget_expenditure", "actual"),
    ("Nguồn lực đạt 900 tỷ đồng, trong đó ngân sách tỉnh hỗ trợ 60 tỷ đồng.", "60 tỷ", "other", "actual"),
    # money an inspection orders paid back is a finding, not a target
    ("Đoàn kiểm tra phát hiện chi sai, yêu cầu nộp trả 120 triệu đồng.", "120 triệu", "other", "actual"),
    ("Qua thanh tra, kiến nghị thu hồi 2,3 tỷ đồng về ngân sách.", "2,3 tỷ", "other", "actual"),
]


@pytest.mark.parametrize(("text", "figure", "indicator", "kind"), TOPIC_BACK)
def test_indicators_code_from_a_topic_a_few_words_back(text, figure, indicator, kind):
    r = one(text, figure, published="2024-03-01")
    assert (r["indicator"], r["kind"]) == (indicator, kind)
