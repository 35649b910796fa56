"""Helpers for the headless-Chromium tests: find the browser, serve a folder on localhost, check a page.

Debian's `chromium` is driven by Playwright (`executable_path=/usr/bin/chromium`; Playwright's own browser
download is never used). `.ci/run` installs the Debian packages; elsewhere the browser tests skip with the reason.
"""
import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "tests" / "out" / "browser"  # screenshots (gitignored: out/)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    "The Chromium to drive, or skip the test with the reason."
    exe = os.environ.get("NEWSLINE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe: pytest.skip("no Chromium: install Debian's chromium (as .ci/run does) or set NEWSLINE_CHROMIUM")
    pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra")
    return exe


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass


@contextlib.contextmanager
def serve(folder: Path):
    "Serve `folder` on 127.0.0.1 (a free port) for the duration of the block; yield the base URL."
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    t = threading.Thread(target=srv.serve_forever, daemon=True); t.start()
    try: yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally: srv.shutdown(); srv.server_close()


@contextlib.contextmanager
def browser():
    "A headless Debian Chromium under Playwright."
    from playwright.sync_api import sync_playwright
    exe = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=ARGS, headless=True)
        try: yield b
        finally: b.close()


def check_page(b, url: str, shot: str, settle_ms: int = 300) -> dict:
    "Open `url`, save a full-page screenshot as `shot`.png; return console errors, page errors, failed requests, broken images."
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = b.new_page(viewport={"width": 1280, "height": 900})
    errors, failed = [], []
    fav = lambda u: u.split("?")[0].endswith("/favicon.ico")  # asked for by the browser itself, not by the page
    page.on("console", lambda m: errors.append(f"{m.text} ({m.location.get('url', '')})")
            if m.type == "error" and not fav(m.location.get("url", "")) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 and not fav(r.url) else None)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)
    broken = page.evaluate("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src.slice(0, 120))")
    n_img = page.evaluate("document.images.length")
    title = page.title()
    page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)
    page.close()
    return dict(errors=errors, failed=failed, broken_images=broken, images=n_img, title=title)
