import json

import pytest

from pipeline.evaluate import (
    Score,
    evaluate,
    format_table,
    read_gold,
    score_article,
    score_decisions,
    score_indicators,
    score_money,
    score_officials,
    score_units,
)
from pipeline.readers import InputError


def _money(value, high=None, currency="VND"):
    return {"value": value, "high": high, "currency": currency}


def _counts(s: Score) -> tuple[int, int, int]:
    return s.tp, s.fp, s.fn


@pytest.mark.parametrize(
    ("pred", "gold", "counts"),
    [
        ([_money(100)], [_money(100)], (1, 0, 0)),
        ([_money(100), _money(100), _money(200)], [_money(100), _money(300)], (1, 2, 1)),  # a multiset
        ([_money(100), _money(100)], [_money(100), _money(100)], (2, 0, 0)),  # repeats count
        ([_money(100.0)], [_money(100)], (1, 0, 0)),  # 100.0 == 100
        ([_money(100, currency="USD")], [_money(100)], (0, 1, 1)),  # currency must agree
        ([_money(5, high=7)], [_money(5)], (0, 1, 1)),  # a range is not its low end
        ([], [_money(1)], (0, 0, 1)),
        ([_money(1)], [], (0, 1, 0)),
    ],
)
def test_evaluate_money_matches_value_high_currency_as_multisets(pred, gold, counts):
    assert _counts(score_money(pred, gold)) == counts


def test_evaluate_decisions_match_type_and_number_ignoring_case_and_spacing():
    pred = [{"type": "Quyết định", "number": "529"}, {"type": "nghị  quyết", "number": "4"},
            {"type": "Chỉ thị", "number": "05"}]
    gold = [{"type": "Quyết định", "number": "529"}, {"type": "Nghị quyết", "number": "4"},
            {"type": "Nghị quyết", "number": "4"}, {"type": "Chỉ thị", "number": "5"}]
    assert _counts(score_decisions(pred, gold)) == (2, 1, 2)


def test_evaluate_units_match_overlapping_spans_one_to_one():
    gold = [
        {"name": "Ban Thường vụ Tỉnh ủy Vĩnh Phúc", "kind": "party", "spans": [[0, 11], [40, 51]]},
        {"name": "Ủy ban nhân dân tỉnh", "kind": "government", "start": 60, "end": 70},
    ]
    pred = [
        {"name": "Ban Thường vụ Tỉnh ủy Vĩnh Phúc", "kind": "party", "start": 4, "end": 11},  # overlaps 0-11
        {"name": "Tỉnh ủy", "kind": "party", "start": 5, "end": 11},  # overlaps a used gold span: extra
        {"name": "Ủy ban nhân dân tỉnh", "kind": "council", "start": 65, "end": 80},
        {"name": "Sở Tài chính", "kind": "department", "start": 90, "end": 100},
    ]
    s = score_units(pred, gold)
    assert _counts(s) == (2, 2, 1)
    assert s.agreement("name") == 1.0
    assert s.agreement("kind") == 0.5


def test_evaluate_units_touching_spans_do_not_overlap():
    s = score_units([{"name": "a", "kind": "party", "start": 10, "end": 20}],
                    [{"name": "a", "kind": "party", "start": 0, "end": 10}])
    assert _counts(s) == (0, 1, 1)


def test_evaluate_officials_match_names_as_a_set_and_check_titles():
    gold = [
        {"name": "Nguyễn Văn An", "title": "Bí thư Tỉnh ủy", "start": 0},
        {"name": "Nguyễn Văn An", "title": "Bí thư Tỉnh ủy", "start": 100},
        {"name": "Trần Thị Bình", "title": "Chủ tịch Ủy ban nhân dân tỉnh", "start": 50},
        {"name": "Lê Văn Cường", "title": "Giám đốc Sở Tài chính"},
    ]
    pred = [
        {"name": "Nguyễn Văn An", "title": "Bí thư Tỉnh ủy", "start": 0},
        {"name": "nguyễn văn an", "title": "bí thư tỉnh ủy", "start": 100},
        {"name": "Trần Thị Bình", "title": "Chủ tịch UBND tỉnh", "start": 50},
        {"name": "Phạm Minh Đức", "title": "Phó Chủ tịch"},
    ]
    s = score_officials(pred, gold)
    assert _counts(s) == (2, 1, 1)  # names as a set: An, Bình matched; Đức extra; Cường missed
    assert s.agree["title"] == [2, 3]  # both An mentions agree, Bình's abbreviated title does not


def test_evaluate_officials_title_is_taken_at_the_same_offset():
    gold = [{"name": "Nguyễn Văn An", "title": "Bí thư Tỉnh ủy", "start": 0}]
    pred = [{"name": "Nguyễn Văn An", "title": "Phó Bí thư", "start": 0},
            {"name": "Nguyễn Văn An", "title": "Bí thư Tỉnh ủy", "start": 300}]
    assert score_officials(pred, gold).agreement("title") == 0.0


def test_evaluate_indicators_match_on_value_then_compare_attributes():
    row = {"indicator": "budget_revenue", "value": 1455e9, "high": None, "unit": "VND", "kind": "actual",
           "period": "2022-H1", "location": "Vĩnh Yên"}
    other = {**row, "value": 65, "unit": "percent", "kind": "share_of_plan"}
    pred = [{**row, "kind": "estimate"}, {**row, "value": 7, "unit": "times"}]
    s = score_indicators(pred, [row, other])
    assert _counts(s) == (1, 1, 1)
    assert s.agreement("kind") == 0.0
    assert s.agreement("indicator") == s.agreement("period") == s.agreement("location") == 1.0


def test_evaluate_score_rates_with_nothing_to_count():
    empty = Score()
    assert (empty.precision, empty.recall) == (1.0, 1.0)
    assert Score(tp=0, fp=2, fn=0).f1 == 0.0
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == 0.75
    assert s.recall == 0.6
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_evaluate_score_add_sums_counts_and_agreement():
    a, b = Score(1, 2, 3), Score(4, 5, 6)
    a.agree["title"] = [1, 2]
    b.agree["title"] = [3, 4]
    a.add(b)
    assert _counts(a) == (5, 7, 9)
    assert a.agreement("title") == 4 / 6
    assert a.as_dict()["title_agreement"] == round(4 / 6, 4)


def test_evaluate_score_article_scores_every_type():
    gold = {"money": [_money(1)], "percentages": [_money(5, None, None)]}
    scores = score_article({"money": [_money(1)]}, gold)
    assert set(scores) == {"officials", "units", "decisions", "money", "percentages", "indicators"}
    assert _counts(scores["money"]) == (1, 0, 0)
    assert _counts(scores["percentages"]) == (0, 0, 1)


ARTICLE = (
    "Tiêu đề thử nghiệm\n\n"
    "Theo Quyết định số 45 ngày 2/3/2023 của UBND tỉnh, xã được cấp 12 tỷ đồng, bằng 80% kế hoạch."
)


def test_evaluate_end_to_end_on_a_small_gold_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    gold = {"id": "a", "file": "a.txt",
            "money": [_money(12_000_000_000)],
            "percentages": [{"value": 80, "high": None}, {"value": 95, "high": None}],
            "decisions": [{"type": "Quyết định", "number": "45"}]}
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    totals, per_article = evaluate(gold_path, tmp_path)
    assert _counts(totals["money"]) == (1, 0, 0)
    assert _counts(totals["percentages"]) == (1, 0, 1)
    assert _counts(totals["decisions"]) == (1, 0, 0)
    assert per_article[0]["file"] == "a.txt"
    table = format_table(totals)
    assert table.splitlines()[0].split()[:4] == ["type", "P", "R", "F1"]
    assert any(line.startswith("percentages") and "0.667" in line for line in table.splitlines())


@pytest.mark.parametrize(
    ("content", "reason"), [("", "no gold rows"), ("{oops\n", "malformed JSON on line 1")]
)
def test_evaluate_read_gold_refuses_bad_files(tmp_path, content, reason):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read_gold(path)


def test_evaluate_overlap_pairs_match_one_to_one_by_largest_overlap():
    from pipeline.evaluate import overlap_pairs

    gold = [(0, 10), (12, 20), (30, 35)]
    pred = [(5, 14), (0, 8), (40, 50)]
    # gold 0 overlaps pred 0 by 5 and pred 1 by 8: it takes pred 1; gold 1 then takes pred 0
    assert overlap_pairs(pred, gold) == [(0, 1), (1, 0)]
    assert overlap_pairs(pred, []) == [] and overlap_pairs([], gold) == []
