"""A real browser (Debian chromium driven by Playwright) against the app on loopback: ask, click a citation,
see the highlighted passage, and no script from a document runs."""
import os
import shutil
from pathlib import Path

import pytest

from .conftest import free_port, indexed_seed_copy

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTILE = """La CTG de Malville-sur-Orge est signée

Le lundi 3 juin 2024, la commune de Malville-sur-Orge et la Caf de l'Essonne ont signé leur convention territoriale
globale. Elle prévoit une ludothèque <script>window.__xss = 1</script> et un espace famille
<img src=x onerror="window.__xss = 2"> ouvert le samedi. [lien](javascript:window.__xss=3)
"""


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory, embed_model):
    from app import build_app
    from assistant import Assistant
    from assistant.render import CSS

    settings = indexed_seed_copy(tmp_path_factory, embed_model, "browser", {"malville.txt": HOSTILE})
    demo = build_app(Assistant(settings, embed_model=embed_model))
    demo.queue()
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, css=CSS)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is installed by `make test`")
def test_ask_click_a_citation_and_no_script_runs(hostile_app, tmp_path):
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(hostile_app)
        box = page.get_by_placeholder("Ex. : Qui a signé la CTG de Perpignan ?")
        box.fill("Que prévoit la CTG de Malville-sur-Orge ?")
        box.press("Enter")
        page.wait_for_selector("a.ctg-cite", timeout=60_000)
        page.locator("a.ctg-cite").first.click()
        panel = page.locator(".ctg-passage").first
        panel.wait_for(timeout=30_000)
        passage = panel.inner_text()
        assert "malville.txt" in passage and "<script>" in passage  # the markup is shown as text
        assert panel.locator("mark").count() >= 1
        page.wait_for_timeout(500)
        page.screenshot(path=str(shots / "browser.png"))
        assert page.evaluate("window.__xss") is None and not dialogs
        assert page.locator("img[src='x']").count() == 0
        browser.close()
