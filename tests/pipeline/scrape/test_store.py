"""Raw storage: atomic writes, and a stored article is never replaced by a worse one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.scrape.state import CrawlState
from pipeline.scrape.store import RawStore


def record(**changes: object) -> dict:
    rec = {
        "id": "x",
        "url": "http://bao.vn/a-10001.htm",
        "canonical_url": "http://bao.vn/a-10001.htm",
        "source": "bao",
        "fetched_at": "2025-10-01T00:00:00+00:00",
        "status": 200,
        "title": "Tin một",
        "published": "2025-10-01T08:00:00+07:00",
        "author": "Minh Châu",
        "text": "Đoạn một của bài báo thử nghiệm.\nĐoạn hai của bài báo thử nghiệm.",
        "html": "<html></html>",
    }
    rec.update(changes)
    return rec


@pytest.mark.parametrize(
    ("second", "outcome"),
    [
        (record(fetched_at="2025-10-02T00:00:00+00:00"), "unchanged"),
        (record(text="Đoạn một đã sửa lỗi chính tả.\nĐoạn hai của bài báo thử nghiệm."), "updated"),
        (record(text=""), "kept"),
        (record(title=None), "kept"),
        (record(published=None), "kept"),
        (record(text="Đoạn một."), "kept"),  # cut to a fraction: a truncated page
    ],
    ids=["same", "corrected", "empty-body", "no-title", "no-date", "truncated"],
)
def test_store_never_replaces_good_with_worse(tmp_path: Path, second: dict, outcome: str) -> None:
    store = RawStore(tmp_path)
    first_outcome, path = store.put(record())
    assert first_outcome == "new"
    got, same_path = store.put(second)
    assert (got, same_path) == (outcome, path)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["text"] == (second["text"] if outcome == "updated" else record()["text"])
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]


def test_store_record_missing_fields_refused(tmp_path: Path) -> None:
    rec = record()
    del rec["html"]
    with pytest.raises(ValueError, match="record lacks html"):
        RawStore(tmp_path).put(rec)


def test_state_failure_keeps_stored_validators(tmp_path: Path) -> None:
    with CrawlState(tmp_path / "state.sqlite") as state:
        state.save("http://bao.vn/a", "stored", etag='"v1"', content_hash="abc", record="r.json")
        state.save("http://bao.vn/a", "failed", status=500, reason="HTTP 500")
        page = state.page("http://bao.vn/a")
    assert page is not None
    assert (page.outcome, page.etag, page.content_hash, page.record) == ("stored", '"v1"', "abc", "r.json")


def test_state_queue_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with CrawlState(path) as state:
        assert state.enqueue("http://bao.vn/a", "bao", None, revisit=False)
        assert state.enqueue("http://bao.vn/b", "bao", None, revisit=False)
        state.mark_done("http://bao.vn/a")
    with CrawlState(path) as state:
        assert [q.url for q in state.pending("bao")] == ["http://bao.vn/b"]
        assert not state.enqueue("http://bao.vn/a", "bao", None, revisit=False)
        assert state.enqueue("http://bao.vn/a", "bao", None, revisit=True)
        assert state.pending("other") == []
