import pytest

from extractors import money, percentages, quantities
from extractors.indicators import extract
from pipeline.article import Article


def location_of(text: str, figure: str, title: str) -> str | None:
    art = Article(text=text, title=title)
    for name, stage in (("money", money), ("percentages", percentages), ("quantities", quantities)):
        art.add(name, stage.extract(art))
    found = [s for s in extract(art) if figure in text[s.get("figure_start") : s.get("figure_end")]]
    assert len(found) == 1
    return found[0].get("location")


LOCAL = (
    "Từ đầu năm, huyện Tam Đảo (Vĩnh Phúc) đã bàn giao 40 ha mặt bằng tuyến đường Vĩnh Yên - Tam Đảo. "
    "UBND huyện Tam Đảo thực hiện theo Quyết định số 1234/QĐ-UBND của UBND tỉnh Vĩnh Phúc. {extra}"
    "Đến nay, huyện đã chi trả 95 tỷ đồng tiền bồi thường."
)


@pytest.mark.parametrize(
    ("extra", "location"),
    [
        # the province appears only as a locator, an issuer and a route end: the district holds
        ("", "Tam Đảo"),
        # the province named as what the article reports on: it holds where the sentence names none
        ("Tỉnh Vĩnh Phúc có nhiều dự án lớn. ", "Vĩnh Phúc"),
    ],
)
def test_figure_places_issuers_and_locators_do_not_become_the_running_place(extra, location):
    text = LOCAL.format(extra=extra)
    assert location_of(text, "95 tỷ", "Gỡ vướng mặt bằng cho dự án giao thông") == location


def test_figure_places_a_place_opening_the_sentence_holds_past_its_semicolons():
    text = (
        "Tỉnh Vĩnh Phúc đẩy nhanh giải phóng mặt bằng. Tỉnh Vĩnh Phúc đã chi trả 300 tỷ đồng. "
        "Riêng huyện Tam Dương đã bàn giao 12 ha; còn 17 hộ chưa nhận tiền bồi thường."
    )
    assert location_of(text, "17 hộ", "Vĩnh Phúc đẩy nhanh giải phóng mặt bằng") == "Tam Dương"
    assert location_of(text, "300 tỷ", "Vĩnh Phúc đẩy nhanh giải phóng mặt bằng") == "Vĩnh Phúc"
