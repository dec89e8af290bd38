import pytest

from pipeline.article import Article, OffsetError, Span


def test_article_text_is_nfc_and_id_is_stable():
    decomposed = "Thành u\u0309y"  # "ủ" written with a combining hook
    a, b = Article(decomposed), Article("Thành ủy")
    assert a.text == "Thành ủy"
    assert a.id == b.id and len(a.id) == 40


def test_article_id_from_url_when_given():
    assert Article("x", url="http://a/b").id != Article("x").id


def test_add_refuses_a_span_that_does_not_point_at_its_text():
    a = Article("Thu ngân sách đạt 65%")
    with pytest.raises(OffsetError):
        a.add("percentages", [Span(0, 3, "65%")])


def test_add_checks_every_span_that_shares_offsets_with_the_one_before():
    a = Article("Thu ngân sách đạt 65%")
    sentence = a.text[0:21]
    rows = [Span(0, 21, sentence, {"row": 1}), Span(0, 21, sentence, {"row": 2})]
    assert [s.attrs["row"] for s in a.add("indicators", rows)] == [1, 2]  # one text object, both kept
    with pytest.raises(OffsetError):  # the same offsets, but another (wrong) text
        a.add("indicators", [*rows, Span(0, 21, "Chi ngân sách đạt 65%")])


def test_contract_roundtrip_keeps_spans():
    a = Article("Thu ngân sách đạt 65%")
    a.add("percentages", [a.span(18, 21, value=65.0, high=None, approx=None)])
    obj = a.to_contract()
    assert obj["percentages"] == [{"text": "65%", "value": 65.0, "high": None, "approx": None,
                                   "start": 18, "end": 21}]
    assert set(obj) >= {"id", "path", "url", "title", "published", "text", "officials", "units",
                        "decisions", "money", "percentages", "indicators"}
    back = Article.from_contract(obj)
    assert back.get("percentages")[0].text == "65%"
