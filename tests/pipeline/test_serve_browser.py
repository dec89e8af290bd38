"""``vnnews serve``: Datasette over a real store, checked with headless Chromium and over HTTP."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.datasette import metadata_for
from pipeline.store.fixtures import populate_fixture_store

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "vnnews.db"
    populate_fixture_store(db)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read().decode("utf-8"))


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from pipeline.cli import main; main()", "serve", "--db", str(store),
         "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get_json(f"{base}/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read() if proc.stdout else ""
                    pytest.fail(f"vnnews serve did not start: {out[-2000:]}")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(f"no Chromium here ({CHROMIUM}, {CHROMEDRIVER}); "
                    "apt-get install chromium chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    profile = Path(__import__("tempfile").mkdtemp(prefix="vnnews-chromium-"))
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.browser
def test_serve_browser_shows_indicators_table(server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/vnnews/indicators")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Indicators / Chỉ tiêu, số liệu"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert len(rows) == 6
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "budget_revenue" in body and "Hòa Bình" in body and "share_of_plan" in body
    assert "One row per reported figure" in body  # the table description from the metadata
    facets = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".facet-info p.facet-info-name")]
    assert any(f.startswith("location") for f in facets)
    sentence = browser.find_element(By.CSS_SELECTOR, "td.col-sentence")
    assert sentence.value_of_css_property("min-width") != "0px"  # our stylesheet is served and applied
    facet_block = browser.find_element(By.CSS_SELECTOR, ".facet-info")
    browser.execute_script("arguments[0].scrollIntoView()", facet_block)
    shot = tmp_path / "indicators.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


@pytest.mark.browser
def test_serve_browser_runs_a_canned_query(server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/vnnews/indicator_series?indicator=budget_revenue&location={quote('Hòa Bình')}")
    assert "An indicator's series by place and period" in browser.find_element(By.TAG_NAME, "h1").text
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert len(rows) == 3
    cells = [r.text for r in rows]
    assert any("2023-H1" in c and "actual" in c for c in cells)
    assert any("target" in c and "4100000000000" in c.replace(",", "") for c in cells)
    shot = tmp_path / "indicator_series.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


def test_serve_full_text_search_query(server: str) -> None:
    data = get_json(f"{server}/vnnews/search_articles.json?q={quote('yen bai')}&_shape=objects")
    assert [r["title"] for r in data["rows"]] == ["Yên Bái kết nạp đảng viên mới"]
    assert "«" in data["rows"][0]["excerpt"]


def test_serve_is_read_only(server: str, store: Path) -> None:
    before = store.read_bytes()
    url = f"{server}/vnnews.json?sql={quote('DELETE FROM money')}"
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            body = resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8")
    assert "Statement must be a SELECT" in body
    assert store.read_bytes() == before


@pytest.mark.parametrize(
    ("query", "params", "expected_rows"),
    [
        ("indicator_series", {"indicator": "budget_revenue", "location": ""}, 3),
        ("targets_vs_actuals", {"location": "Hòa Bình", "year": "2023"}, 3),
        ("officials_by_organisation", {"organisation": "Tỉnh ủy"}, 1),
        ("officials_by_organisation", {"organisation": ""}, 3),
        ("decisions_by_issuer", {"issuer": "Hòa Bình"}, 1),
        ("search_articles", {"q": "ngân sách"}, 1),
    ],
)
def test_serve_canned_queries_run_on_the_store(store: Path, query: str, params: dict[str, str],
                                               expected_rows: int) -> None:
    sql = metadata_for(store)["databases"]["vnnews"]["queries"][query]["sql"]
    conn = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
    try:
        assert len(conn.execute(sql, params).fetchall()) == expected_rows
    finally:
        conn.close()


def test_serve_metadata_follows_the_store_name(tmp_path: Path) -> None:
    meta = metadata_for(tmp_path / "hanoi_2024.db")
    assert list(meta["databases"]) == ["hanoi_2024"]
    assert 'href="/hanoi_2024/indicators"' in meta["description_html"]
    assert 'href="/hanoi_2024"' in meta["description_html"] and "/vnnews" not in meta["description_html"]
    columns = meta["databases"]["hanoi_2024"]["tables"]["indicators"]["columns"]
    assert " / " in columns["value"]  # English / Vietnamese


def test_serve_missing_store_is_one_line(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1 and res.stderr.startswith("vnnews: error: no store at")
    assert not (tmp_path / "none.db").exists()
