import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import decisions
from extractors.issuers import fold, issuer_from_code
from pipeline.article import Article


def _extract(text: str) -> list[dict]:
    art = Article(text=text)
    spans = decisions.extract(art)
    art.add("decisions", spans)  # offsets checked
    return [s.record("text") for s in spans]


# sentence, span text, type, number, date, issuer
ONE_DECISION = [
    ("Trên cơ sở Quyết định số 88, ngày 11/1/2022 của BTV Tỉnh ủy về việc giao chỉ tiêu.",
     "Quyết định số 88, ngày 11/1/2022", "Quyết định", "88", "2022-01-11", "Ban Thường vụ Tỉnh ủy"),
    ("Theo Quyết định số 998/QĐ-TTg ngày 5/7/2021 của Thủ tướng Chính phủ, tỉnh được giao vốn.",
     "Quyết định số 998/QĐ-TTg ngày 5/7/2021", "Quyết định", "998/QĐ-TTg", "2021-07-05",
     "Thủ tướng Chính phủ"),
    ("Quyết định số 1234/QĐ-TTg phê duyệt quy hoạch.",
     "Quyết định số 1234/QĐ-TTg", "Quyết định", "1234/QĐ-TTg", None, "Thủ tướng Chính phủ"),
    ("Thực hiện Chỉ thị 05-CT/TW về học tập và làm theo Bác.",
     "Chỉ thị 05-CT/TW", "Chỉ thị", "05-CT/TW", None, "Ban Chấp hành Trung ương Đảng"),
    ("Thực hiện Chỉ thị số 05 của Bộ Chính trị.",
     "Chỉ thị số 05", "Chỉ thị", "05", None, "Bộ Chính trị"),
    ("Quán triệt Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng.",
     "Kết luận số 21-KL/TW", "Kết luận", "21-KL/TW", None, "Ban Chấp hành Trung ương Đảng"),
    ("Ban hành Quy định số 07 ngày 15 tháng 2 năm 2022 về đánh giá cán bộ.",
     "Quy định số 07 ngày 15 tháng 2 năm 2022", "Quy định", "07", "2022-02-15", None),
    ("UBND tỉnh Bắc Ninh ban hành Kế hoạch số 123/KH-UBND ngày 15/03/2023 về chuyển đổi số.",
     "Kế hoạch số 123/KH-UBND ngày 15/03/2023", "Kế hoạch", "123/KH-UBND", "2023-03-15",
     "Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("Nghị định 35/2021/NĐ-CP quy định chi tiết Luật Đầu tư.",
     "Nghị định 35/2021/NĐ-CP", "Nghị định", "35/2021/NĐ-CP", None, "Chính phủ"),
    ("Thông tư số 01/2022/TT-BTC hướng dẫn quản lý vốn.",
     "Thông tư số 01/2022/TT-BTC", "Thông tư", "01/2022/TT-BTC", None, "Bộ Tài chính"),
    ("Công văn số 456/UBND-KT ngày 01-02-2023 gửi các sở, ngành.",
     "Công văn số 456/UBND-KT ngày 01-02-2023", "Công văn", "456/UBND-KT", "2023-02-01",
     "Ủy ban nhân dân tỉnh"),
    ("Thông báo số 15-TB/TU của Ban Thường vụ Tỉnh uỷ Hà Nam.",
     "Thông báo số 15-TB/TU", "Thông báo", "15-TB/TU", None, "Ban Thường vụ Tỉnh ủy Hà Nam"),
    ("Triển khai Đề án 06 của Chính phủ về dữ liệu dân cư.",
     "Đề án 06", "Đề án", "06", None, "Chính phủ"),
    ("Tỉnh ủy Nghệ An đã ban hành Nghị quyết số 05-NQ/TU ngày 2/3/2022 về nông nghiệp.",
     "Nghị quyết số 05-NQ/TU ngày 2/3/2022", "Nghị quyết", "05-NQ/TU", "2022-03-02", "Tỉnh ủy Nghệ An"),
    ("Theo Nghị quyết số 12/2021/NQ-HĐND của HĐND tỉnh Hà Nam, mức hỗ trợ tăng.",
     "Nghị quyết số 12/2021/NQ-HĐND", "Nghị quyết", "12/2021/NQ-HĐND", None, "Hội đồng nhân dân tỉnh Hà Nam"),
    ("Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị về kiểm soát quyền lực.",
     "Quy định số 205-QĐ/TW ngày 23/9/2019", "Quy định", "205-QĐ/TW", "2019-09-23", "Bộ Chính trị"),
    ("QĐ số 77 của Sở Tài chính đã được công bố.",
     "QĐ số 77", "Quyết định", "77", None, "Sở Tài chính"),
    ("Quyết định ngày 3/2/2023 của Chủ tịch UBND tỉnh Hà Nam về việc khen thưởng.",
     "Quyết định ngày 3/2/2023", "Quyết định", None, "2023-02-03", "Chủ tịch Ủy ban nhân dân tỉnh Hà Nam"),
    ("Tiếp tục thực hiện nghị quyết 57 của Bộ Chính trị về khoa học, công nghệ.",
     "nghị quyết 57", "Nghị quyết", "57", None, "Bộ Chính trị"),
    ("Luật số 45/2013/QH13 có hiệu lực từ năm 2014.",
     "Luật số 45/2013/QH13", "Luật", "45/2013/QH13", None, "Quốc hội"),
    ("Nghị quyết Đại hội Đảng bộ tỉnh Hà Nam lần thứ XX đề ra 3 đột phá.",
     "Nghị quyết Đại hội Đảng bộ tỉnh Hà Nam lần thứ XX", "Nghị quyết", "XX", None,
     "Đại hội Đảng bộ tỉnh Hà Nam"),
    ("Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXIV, nhiệm kỳ 2020-2025 được triển khai.",
     "Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXIV", "Nghị quyết", "XXIV", None,
     "Đại hội đại biểu Đảng bộ huyện"),
]


@pytest.mark.parametrize(("sentence", "span", "doc_type", "number", "when", "issuer"), ONE_DECISION)
def test_decisions_extract_reads_one_document(sentence, span, doc_type, number, when, issuer):
    [d] = _extract(sentence)
    assert d["text"] == span
    assert sentence[d["start"]:d["end"]] == span
    assert (d["type"], d["number"], d["date"], d["issuer"]) == (doc_type, number, when, issuer)


# sentence, [(type, number, session)], issuer of every entry
SESSIONS = [
    ("Thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.",
     [("Nghị quyết", "4", "XII")], "Ban Chấp hành Trung ương Đảng"),
    ("Thực hiện Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng.",
     [("Nghị quyết", "4", "XII")], "Ban Chấp hành Trung ương Đảng"),
    ("Theo tinh thần Nghị quyết Trung ương 4 khóa 11, 12 và các quy định.",
     [("Nghị quyết", "4", "11"), ("Nghị quyết", "4", "12")], "Ban Chấp hành Trung ương Đảng"),
    ("Thực hiện nghiêm Nghị quyết Trung ương 4 khóa XI, khóa XII.",
     [("Nghị quyết", "4", "XI"), ("Nghị quyết", "4", "XII")], "Ban Chấp hành Trung ương Đảng"),
    ("Nghị quyết Hội nghị Trung ương 8 khoá XIII về chiến lược bảo vệ Tổ quốc.",
     [("Nghị quyết", "8", "XIII")], "Ban Chấp hành Trung ương Đảng"),
    ("Nghị quyết Trung ương 5 khóa XIII, 5 nhiệm vụ trọng tâm được giao.",
     [("Nghị quyết", "5", "XIII")], "Ban Chấp hành Trung ương Đảng"),
    ("Theo Nghị quyết HĐND tỉnh Hà Nam tại kỳ họp thứ 9, khoá XIX, tỉnh bố trí vốn.",
     [("Nghị quyết", "9", "XIX")], "Hội đồng nhân dân tỉnh Hà Nam"),
    ("Nghị quyết kỳ họp thứ 5 HĐND tỉnh khóa XVII đã thông qua.",
     [("Nghị quyết", "5", "XVII")], "Hội đồng nhân dân tỉnh"),
]


@pytest.mark.parametrize(("sentence", "expected", "issuer"), SESSIONS)
def test_decisions_extract_reads_plenums_and_sittings(sentence, expected, issuer):
    found = _extract(sentence)
    assert [(d["type"], d["number"], d["session"]) for d in found] == expected
    assert {d["issuer"] for d in found} == {issuer}


def test_decisions_terms_list_gives_growing_spans_from_one_start():
    found = _extract("Thực hiện Nghị quyết Trung ương 4 khóa XI, khóa XII.")
    assert [d["text"] for d in found] == [
        "Nghị quyết Trung ương 4 khóa XI",
        "Nghị quyết Trung ương 4 khóa XI, khóa XII",
    ]
    assert found[0]["start"] == found[1]["start"]


def test_decisions_listed_numbers_share_type_and_issuer():
    found = _extract("Quyết định số 12, 13 và 14 của UBND huyện Yên Lạc đã được công bố.")
    assert [d["number"] for d in found] == ["12", "13", "14"]
    assert {d["issuer"] for d in found} == {"Ủy ban nhân dân huyện Yên Lạc"}


def test_decisions_issuer_after_a_pair_of_documents_applies_to_both():
    text = "Giao tại Quyết định số 934 ngày 15/2/2022 và Quyết định số 937 ngày 21/2/2022 của BTV Thành ủy."
    found = _extract(text)
    assert [(d["number"], d["date"]) for d in found] == [("934", "2022-02-15"), ("937", "2022-02-21")]
    assert {d["issuer"] for d in found} == {"Ban Thường vụ Thành ủy"}


def test_decisions_issuer_takes_the_place_the_article_names():
    text = (
        "Thành ủy Vĩnh Yên tổ chức hội nghị. Thành phố Vĩnh Yên có 9 phường.\n"
        "Đồng thời, BTV Thành ủy đã ban hành Quy định số 02 ngày 15/2/2022 về đánh giá cán bộ. "
        "Theo Quyết định số 7 của BTV Tỉnh ủy, tỉnh Vĩnh Phúc giao chỉ tiêu cho tỉnh Vĩnh Phúc."
    )
    found = _extract(text)
    assert [(d["number"], d["issuer"]) for d in found] == [
        ("02", "Ban Thường vụ Thành ủy Vĩnh Yên"),
        ("7", "Ban Thường vụ Tỉnh ủy Vĩnh Phúc"),
    ]


def test_decisions_province_from_a_bracketed_dateline():
    text = "Vĩnh Yên (Vĩnh Phúc) - Hội nghị quán triệt Quyết định số 529 của BTV Tỉnh ủy."
    [d] = _extract(text)
    assert d["issuer"] == "Ban Thường vụ Tỉnh ủy Vĩnh Phúc"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngay sau khi các nghị quyết được ban hành, thành phố đã quán triệt.",
        "Ban Thường vụ Huyện ủy trao quyết định giao chỉ tiêu cho người đứng đầu.",
        "Tỉnh đã quyết định về việc giao chỉ tiêu, nhiệm vụ năm 2022.",
        "Triển khai nghị quyết đại hội Đảng các cấp nhiệm kỳ 2020-2025.",
        "Thực hiện các chỉ thị, nghị quyết, quy định, kết luận của Trung ương.",
        "Kế hoạch 5 năm 2021-2025 được triển khai đồng bộ.",
        "Kế hoạch 2022 của tỉnh đạt kết quả tốt.",
        "Theo quy định số lượng cán bộ được giao là 12 người.",
        "Phát biểu kết luận hội nghị, Bí thư nhấn mạnh 3 nhiệm vụ.",
        "Hoàn thành kế hoạch đầu tư công năm 2024.",
        "Chương trình 135 của Chính phủ hỗ trợ các xã khó khăn.",
        "Kết luận 3 nội dung lớn của hội nghị.",
        "Theo quyết định 12 vấn đề được đưa ra bàn.",
        "Thông báo 5 điểm mới trong tuyển sinh.",
    ],
)
def test_decisions_extract_skips_unnumbered_mentions(sentence):
    assert _extract(sentence) == []


@pytest.mark.parametrize(
    ("number", "issuer"),
    [
        ("998/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("05-CT/TW", "Ban Chấp hành Trung ương Đảng"),
        ("35/2021/NĐ-CP", "Chính phủ"),
        ("45/2013/QH13", "Quốc hội"),
        ("12/2021/NQ-HĐND", "Hội đồng nhân dân tỉnh"),
        ("05-NQ/TU", "Tỉnh ủy"),
        ("529", None),
        ("12/KH", None),
    ],
)
def test_decisions_issuer_from_number_code(number, issuer):
    assert issuer_from_code(number, {}) == issuer


def test_decisions_code_issuer_takes_the_article_place_at_its_level():
    assert issuer_from_code("05-NQ/TU", {"province": "Nghệ An"}) == "Tỉnh ủy Nghệ An"
    assert issuer_from_code("45/KH-UBND", {"province": "Phú Thọ"}) == "Ủy ban nhân dân tỉnh Phú Thọ"
    assert issuer_from_code("998/QĐ-TTg", {"province": "Phú Thọ"}) == "Thủ tướng Chính phủ"


@pytest.mark.parametrize(
    ("sentence", "issuer"),
    [
        ("Dự án được UBND tỉnh Hà Nam phê duyệt tại Quyết định số 2156/QĐ-UBND ngày 15/7/2023.",
         "Ủy ban nhân dân tỉnh Hà Nam"),
        ("Ban Thường vụ Tỉnh ủy Hà Nam ban hành 26 văn bản, trong đó có Đề án số 09-ĐA/TU về bộ máy.",
         "Ban Thường vụ Tỉnh ủy Hà Nam"),
        ("UBND huyện Kim Bảng giao chỉ tiêu tại Quyết định số 12/QĐ-UBND.", "Ủy ban nhân dân huyện Kim Bảng"),
    ],
)
def test_decisions_code_issuer_prefers_the_body_named_in_the_sentence(sentence, issuer):
    [d] = _extract(sentence)
    assert d["issuer"] == issuer


@pytest.mark.parametrize(
    ("old", "new"), [("Tỉnh uỷ", "Tỉnh ủy"), ("khoá", "khóa"), ("Uỷ ban", "Ủy ban"), ("hoà", "hòa")]
)
def test_decisions_fold_rewrites_old_tone_placement_keeping_length(old, new):
    assert fold(old) == new
    assert len(fold(old)) == len(old)


WORDS = ["Quyết định", "Nghị quyết", "Chỉ thị", "số", "529", "05-CT/TW", "ngày", "11/1/2022", "của", "BTV",
         "Tỉnh ủy", "Trung ương", "4", "khóa", "XII", ",", "và", "Đại hội", "lần thứ", "kỳ họp thứ", "HĐND",
         "tỉnh", "Vĩnh Phúc", "tháng", "năm", "2022", "(", ")"]


@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_decisions_never_raise_and_offsets_point_at_their_text(words):
    text = " ".join(words)
    for d in _extract(text):
        assert text[d["start"]:d["end"]] == d["text"]
        assert d["type"]
        assert d["number"] is not None or d["date"] is not None


def test_decisions_term_after_the_issuer_is_the_session():
    [d] = _extract("Theo Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII.")
    assert (d["number"], d["session"], d["issuer"]) == ("18-NQ/TW", "XII", "Ban Chấp hành Trung ương Đảng")


def test_decisions_code_issuer_is_the_body_not_its_chair():
    text = "Phó Chủ tịch UBND tỉnh Hà Nam yêu cầu thực hiện Công văn số 3127/UBND-KTTH ngày 2/10/2025."
    [d] = _extract(text)
    assert d["issuer"] == "Ủy ban nhân dân tỉnh Hà Nam"


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # a person's name after the body is not its place; the article's province is
        ("Tỉnh Hà Nam đẩy mạnh cải cách. Phó Chủ tịch UBND tỉnh Lò Văn Hùng ký Kế hoạch số "
         "45/KH-UBND.", "Ủy ban nhân dân tỉnh Hà Nam"),
        ("Tỉnh Hà Nam tổng kết. Trưởng Ban Tổ chức Tỉnh ủy Khổng Văn Lực giới thiệu Đề án số "
         "03-ĐA/TU của Ban Thường vụ Tỉnh ủy.", "Ban Thường vụ Tỉnh ủy Hà Nam"),
        ("Quyết định số 7/QĐ-UBND của UBND tỉnh Lò Văn Hùng ký.", "Ủy ban nhân dân tỉnh"),
        # any body the units stage knows may issue a document
        ("Tỉnh Hà Nam ra quân. Lực lượng thực hiện Kế hoạch số 112/KH-CAT của Công an tỉnh.",
         "Công an tỉnh Hà Nam"),
        ("Doanh nghiệp thực hiện Công văn số 88/CT-QLN của Cục Thuế tỉnh Nam Định.",
         "Cục Thuế tỉnh Nam Định"),
        ("Thực hiện Kế hoạch số 9/KH-BCH của Bộ Chỉ huy Quân sự tỉnh Lào Cai.",
         "Bộ Chỉ huy Quân sự tỉnh Lào Cai"),
        # a department is named with the article's province, as the units stage names it
        ("Tỉnh Nghệ An chỉ đạo. Công văn số 88/SNN-KH của Sở Nông nghiệp và Phát triển nông thôn.",
         "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An"),
        # a body named inside another document's number is not the subject
        ("UBND tỉnh Thái Bình yêu cầu thực hiện Công văn số 3456/UBND-TH và Quyết định số 1950/QĐ-UBND.",
         "Ủy ban nhân dân tỉnh Thái Bình"),
    ],
)
def test_decisions_issuer_is_a_gazetteer_place_and_any_unit(text, issuer):
    assert _extract(text)[-1]["issuer"] == issuer


@pytest.mark.parametrize(
    ("text", "issuers"),
    [
        # listed right after a document whose issuer is written, with the same code: shared
        ("Quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị và Kết luận số 14-KL/TW ngày 22/9/2021.",
         ["Bộ Chính trị", "Bộ Chính trị"]),
        # a different code keeps its own issuer
        ("Thực hiện Nghị quyết số 12-NQ/TU của Ban Thường vụ Tỉnh ủy và Quyết định số 33/QĐ-TTg.",
         ["Ban Thường vụ Tỉnh ủy", "Thủ tướng Chính phủ"]),
    ],
)
def test_decisions_listed_document_shares_the_written_issuer(text, issuers):
    assert [d["issuer"] for d in _extract(text)] == issuers


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # "TU" stands for a Tỉnh ủy or a Thành ủy: the committee the sentence names wins
        ("Thành phố Việt Trì (Phú Thọ) tổng kết. Thành phố Việt Trì thi đua. Thành ủy đã ban hành Chỉ thị số "
         "14-CT/TU về an toàn giao thông.",
         "Thành ủy Việt Trì"),
        ("Tỉnh Phú Thọ tổng kết. Ban Thường vụ Thành ủy Việt Trì ký Quyết định số 210-QĐ/TU.",
         "Ban Thường vụ Thành ủy Việt Trì"),
        # no committee named: the province's, or a centrally run city's Thành ủy
        ("Tỉnh Phú Thọ tổng kết. Các đơn vị thực hiện Chỉ thị số 14-CT/TU.", "Tỉnh ủy Phú Thọ"),
        ("Thành phố Hải Phòng tổng kết. Các đơn vị thực hiện Chỉ thị số 14-CT/TU.", "Thành ủy Hải Phòng"),
        # "ĐU": the Đảng ủy; a standing office acting for it is not the issuer
        ("Xã Tề Lỗ tổng kết. Thường trực Đảng ủy xã làm việc với các chi bộ, triển khai Kế hoạch số "
         "12-KH/ĐU.",
         "Đảng ủy xã"),
        ("Huyện Yên Lạc (Vĩnh Phúc) tổng kết. Huyện Yên Lạc thi đua. BTV Huyện ủy giao nhiệm vụ theo "
         "Quy định số 31-QĐ/HU.",
         "Ban Thường vụ Huyện ủy Yên Lạc"),
    ],
)
def test_decisions_party_code_means_the_committee_the_sentence_names(text, issuer):
    assert _extract(text)[-1]["issuer"] == issuer


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Ngày 2 tháng 6 năm 2023, UBND tỉnh Hà Nam ban hành Quyết định số 77/QĐ-UBND về giá đất.",
         "2023-06-02"),
        ("Ngày 9/10/2022, Thủ tướng Chính phủ đã ký Quyết định số 1201/QĐ-TTg phê duyệt quy hoạch.",
         "2022-10-09"),
        ("Ngày 4/1/2024, Ban Thường vụ Huyện ủy Kim Bảng vừa ban hành Chỉ thị số 08-CT/HU.", "2024-01-04"),
        # a date that is not the issuing clause's
        ("Ngày 9/10/2022, tỉnh tổ chức hội nghị triển khai Quyết định số 1201/QĐ-TTg.", None),
        ("Ngày 9/10/2022, UBND tỉnh họp và đề nghị thực hiện Quyết định số 1201/QĐ-TTg.", None),
        ("Ngày 9/10/2022 là hạn chót. UBND tỉnh ban hành Quyết định số 1201/QĐ-UBND.", None),
    ],
)
def test_decisions_date_written_before_the_issuing_clause(text, when):
    assert _extract(text)[-1]["date"] == when


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("Quán triệt Kết luận số 48-KL/TW ngày 3/2/2023 của Bộ Chính trị, Ban Bí thư về công tác cán bộ.",
         "Bộ Chính trị, Ban Bí thư"),
        ("Thực hiện Kế hoạch số 30/KH-UBND của UBND tỉnh và Ủy ban MTTQ tỉnh Hà Nam về phối hợp.",
         "Ủy ban nhân dân tỉnh Hà Nam và Ủy ban Mặt trận Tổ quốc tỉnh Hà Nam"),
        # the second body begins a new clause: not a joint issuer
        ("Thực hiện Quyết định số 19/QĐ-UBND của UBND tỉnh Hà Nam, Sở Y tế đã triển khai tiêm chủng.",
         "Ủy ban nhân dân tỉnh Hà Nam"),
        # joint documents: every code after the joint mark
        ("Thông tư liên tịch số 07/2019/TTLT-BYT-BTC hướng dẫn thanh toán.", "Bộ Y tế, Bộ Tài chính"),
        ("Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-UBTƯMTTQVN quy định chi tiết.",
         "Ủy ban Thường vụ Quốc hội, Chính phủ, Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
    ],
)
def test_decisions_joint_issuers(text, issuer):
    assert _extract(text)[-1]["issuer"] == issuer


def test_decisions_match_on_a_plain_text_needs_no_article() -> None:
    found = decisions.match("UBND tỉnh Phú Thọ ban hành Quyết định số 529/QĐ-UBND ngày 5/3/2024.")
    assert [d.number for d in found] == ["529/QĐ-UBND"]
