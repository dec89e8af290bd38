import pytest

from extractors import REGISTRY, PipelineConfigError, check_order
from pipeline.article import Article
from pipeline.runner import configured_order, extract_article


def test_runner_order_from_pyproject_is_valid():
    order = configured_order()
    assert set(order) <= set(REGISTRY)
    check_order(order)


def test_runner_refuses_a_stage_before_what_it_requires():
    with pytest.raises(PipelineConfigError, match="officials"):
        check_order(["officials", "units"])


def test_runner_refuses_an_unknown_stage():
    with pytest.raises(PipelineConfigError, match="unknown"):
        check_order(["money", "horoscopes"])


def test_runner_fills_every_stage_and_keeps_text():
    text = "Năm 2024, tỉnh thu ngân sách đạt hơn 30.000 tỷ đồng, tăng 12,5% so với cùng kỳ."
    art = extract_article(Article(text))
    assert art.text == text
    assert set(configured_order()) <= set(art.spans)
    money = art.get("money")
    assert [(s.text, s.get("value")) for s in money] == [("hơn 30.000 tỷ đồng", 30_000_000_000_000)]
    for spans in art.spans.values():
        for s in spans:
            assert text[s.start : s.end] == s.text
