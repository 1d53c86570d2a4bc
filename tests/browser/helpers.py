"""What the browser tests share: Debian's Chromium, and opening a page strictly."""

import os
from pathlib import Path

from playwright.sync_api import Browser, Page

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
EDITOR_PASSWORD = "a-long-test-password"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Flags for a sandboxed, offline machine: no background calls home, no GPU.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def open_page(browser: Browser, url: str, *, fake_clock=False, **context_options) -> Page:
    """Open ``url`` and fail on anything a reader would miss: errors, blocked or broken files.

    With ``fake_clock`` the page's timers run only when the test moves the clock.
    """
    page = browser.new_context(locale="ar", **context_options).new_page()
    if fake_clock:
        page.clock.install()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    response = page.goto(url)
    assert response.status == 200
    page.wait_for_load_state("load")
    assert problems == []
    return page
