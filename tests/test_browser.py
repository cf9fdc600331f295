"""The editors' page in a real headless Chromium (Debian's), driven by Playwright.

Set CHORUS_UPDATE_SCREENSHOT=1 to refresh docs/screenshot.png, the README's picture.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import is_cut_from
from server_process import ROOT, ChorusServer

CHROMIUM = shutil.which("chromium")
playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed"),
]

# Chromium on a machine with no network and no display.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "api_rockfall.json").read_text())
HERALD, COURIER, POST = FIXTURE["articles"]


@pytest.fixture(scope="module")
def server() -> Iterator[ChorusServer]:
    with ChorusServer() as server:
        yield server


@pytest.fixture()
def page(server: ChorusServer) -> Iterator[Any]:
    with playwright.sync_playwright() as driver, tempfile.TemporaryDirectory() as profile:
        # A persistent context on an empty directory: the fresh --user-data-dir Chromium needs.
        context = driver.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1200, "height": 760},
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(server.url + "/")
        yield page
        context.close()
        assert errors == [], errors


def test_editor_gets_a_brief_whose_citations_reveal_their_source_sentences(page: Any) -> None:
    cards = page.locator("#reports .report")
    for card, article in zip([cards.nth(0), cards.nth(1)], [HERALD, COURIER], strict=True):
        card.locator(".outlet").fill(article["outlet"])
        card.locator(".url").fill(article["url"])
        card.locator(".text").fill(article["text"])
    # The third report arrives as an uploaded file; its name becomes its outlet and id.
    page.set_input_files(
        "#upload", files=[{"name": "kessel-post.txt", "mimeType": "text/plain", "buffer": POST["text"].encode()}]
    )
    page.select_option("#method", "extractive")
    page.fill("#sentences", "4")
    page.click("#submit")
    page.wait_for_selector(".brief .sentence")

    texts = {"valley-herald": HERALD["text"], "northern-courier": COURIER["text"], "kessel-post": POST["text"]}
    sentences = page.locator(".brief .sentence")
    assert 1 <= sentences.count() <= 4
    for i in range(sentences.count()):
        chips = sentences.nth(i).locator(".cite")
        assert chips.count() >= 1, sentences.nth(i).inner_text()
        for j in range(chips.count()):
            chip = chips.nth(j)
            chip.hover()
            article, start, end = (chip.get_attribute(f"data-{key}") for key in ("article", "start", "end"))
            mark = page.locator(f'.report-text[data-article="{article}"] mark.cited')
            assert mark.count() == 1
            assert mark.inner_text() == texts[article][int(start) : int(end)]
        # Extractive sentences are the cited span of their first source, trimmed.
        first = chips.nth(0)
        first.hover()
        assert is_cut_from(sentences.nth(i).locator(".text").inner_text(), page.locator("mark.cited").inner_text())

    # Clicking pins a citation: its span stays marked after the pointer leaves.
    chip = sentences.nth(0).locator(".cite").nth(0)
    chip.click()
    page.mouse.move(5, 5)
    assert page.locator("mark.cited").count() == 1
    assert "active" in (chip.get_attribute("class") or "")
    assert page.locator(".brief .sources li").count() == 3
    if os.environ.get("CHORUS_UPDATE_SCREENSHOT"):
        page.wait_for_timeout(800)  # let the smooth scroll to the pinned span finish
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))


def test_report_text_cannot_inject_markup(page: Any) -> None:
    card = page.locator("#reports .report").nth(0)
    card.locator(".outlet").fill('<img src=x onerror="document.title=1">Herald')
    card.locator(".url").fill("javascript:document.title=2")
    card.locator(".text").fill(HERALD["text"])
    page.locator("#reports .report").nth(1).locator(".text").fill(COURIER["text"])
    page.select_option("#method", "extractive")
    page.click("#submit")
    page.wait_for_selector(".brief .sentence")
    assert page.locator("#brief img, #reading img").count() == 0
    assert page.locator(".brief .sources a").count() == 0  # no javascript: link was made
    assert '<img src=x onerror="document.title=1">Herald' in page.locator(".brief .sources").inner_text()
    assert page.title().startswith("Chorus")


def test_bad_input_shows_the_servers_reason(page: Any) -> None:
    page.locator("#reports .report").nth(0).locator(".text").fill("   ...   ")
    page.click("#submit")
    page.wait_for_function("document.querySelector('#status').textContent.length > 0")
    assert "Unusable input" in page.locator("#status").inner_text()
