"""Headless Chromium opens the docs site (index and an API page) and a report, and finds no console error and no
missing image. Screenshots go to tests/out/browser/."""
from pathlib import Path

from browser import browser, check_page, serve

ROOT = Path(__file__).resolve().parents[1]


def _ok(r, name):
    assert not r["errors"], f"{name}: console errors {r['errors'][:5]}"
    assert not r["failed"], f"{name}: failed requests {r['failed'][:5]}"
    assert not r["broken_images"], f"{name}: images that did not load {r['broken_images'][:5]}"


def test_docs_site_in_browser(docs_site):
    with serve(ROOT / "_proc" / "_docs") as url, browser() as b:
        r = check_page(b, f"{url}/index.html", "docs_index")
        _ok(r, "index"); assert r["images"] >= 1 and "newsline" in r["title"]
        r = check_page(b, f"{url}/00_articles.html", "docs_articles")
        _ok(r, "00_articles")
        r = check_page(b, f"{url}/08_dprk_statements.html", "docs_dprk")
        _ok(r, "08_dprk_statements"); assert r["images"] >= 2


def test_report_in_browser(report_dir):
    with serve(report_dir) as url, browser() as b:
        r = check_page(b, f"{url}/report.html", "report")
        _ok(r, "report.html"); assert r["images"] >= 3
        r = check_page(b, f"{url}/timeline.html", "report_timeline")
        _ok(r, "timeline.html")
