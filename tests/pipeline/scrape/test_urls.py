"""Canonical URLs and publication dates."""

from __future__ import annotations

import pytest

from pipeline.scrape.dates import date_in_text, iso_datetime
from pipeline.scrape.urls import canonical_url, same_site


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "HTTPS://VnExpress.net:443/a-1.html?utm_source=fb&utm_medium=x#top",
            "https://vnexpress.net/a-1.html",
        ),
        ("http://bao.vn/a.htm?fbclid=IwAR0&gclid=x&id=5", "http://bao.vn/a.htm?id=5"),
        ("http://bao.vn:8080//tin//a.htm?zarsrc=31&p=2", "http://bao.vn:8080/tin/a.htm?p=2"),
        ("http://bao.vn", "http://bao.vn/"),
    ],
)
def test_urls_canonical_url_drops_tracking(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_urls_canonical_url_relative_to_base() -> None:
    assert canonical_url("../b-2.htm?utm_campaign=z", "https://bao.vn/tin/a/") == "https://bao.vn/tin/b-2.htm"


@pytest.mark.parametrize(
    ("url", "site", "same"),
    [
        ("https://www.bao.vn/a", "bao.vn", True),
        ("https://hoinhap.bao.vn/a", "bao.vn", True),
        ("https://notbao.vn/a", "bao.vn", False),
    ],
)
def test_urls_same_site(url: str, site: str, same: bool) -> None:
    assert same_site(url, site) is same


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", "2025-10-22T19:25:00+07:00"),
        ("Cập nhật: 13/07/2022 15:33", "2022-07-13T15:33:00+07:00"),
        ("Thứ Năm, 16/07/2026 17:17", "2026-07-16T17:17:00+07:00"),
        ("Ngày đăng 18/03/2019 | 03:25 PM", "2019-03-18T15:25:00+07:00"),
        ("08:05 ngày 02/01/2024", "2024-01-02T08:05:00+07:00"),
        ("Ngày 5-9-2025", "2025-09-05"),
        ("31/02/2025 10:00", None),
        ("không có ngày", None),
    ],
)
def test_dates_date_in_text(text: str, iso: str | None) -> None:
    assert date_in_text(text) == iso


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2025-10-22T19:25:52+07:00", "2025-10-22T19:25:52+07:00"),
        ("2025-10-22T12:25:52Z", "2025-10-22T12:25:52+00:00"),
        ("2025-10-22 19:25", "2025-10-22T19:25:00+07:00"),
        ("2025-10-22", "2025-10-22"),
        ("Wed, 22 Oct 2025 19:25:52 +0700", "2025-10-22T19:25:52+07:00"),
        ("", None),
    ],
)
def test_dates_iso_datetime(value: str, iso: str | None) -> None:
    assert iso_datetime(value) == iso
