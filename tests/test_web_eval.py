"""Extraction quality of `newsline.web.parse_html` on the article-extraction benchmark (181 real pages in ../shared).

Uses `bench/eval_extraction.py` (the benchmark's measure: 4-gram shingles, per-page precision/recall averaged, F1 of
the means). trafilatura 2.0.0 scores 0.958 there; `parse_html` must stay at or above 0.90. Runs with sockets
disabled: parsing a saved page must never reach the network.
"""
import importlib.util, logging, socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("eval_extraction", ROOT / "bench" / "eval_extraction.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs): raise AssertionError(f"network access attempted: {args[:2]}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_parse_html_extraction_f1(shared, no_network):
    data = shared / "eval" / "article_extraction"
    if not (data / "ground-truth.json").exists(): pytest.skip(f"{data} not found")
    from newsline.web import parse_html, NoArticleError
    bench = _bench()
    pages = bench.load_pages(data)
    assert len(pages) == 181

    def body(html, url):
        try: return parse_html(html, url=url)["body"]
        except NoArticleError: return ""

    logging.disable(logging.WARNING)
    try: res = bench.run(body, pages)
    finally: logging.disable(logging.NOTSET)
    s4 = res["shingle4"]
    print(f"parse_html on {res['pages']} pages: P={s4['precision']:.3f} R={s4['recall']:.3f} F1={s4['f1']:.3f}, "
          f"token F1={res['token']['f1']:.3f}, {res['failed']} without text, {res['pages_per_s']} pages/s")
    assert s4["f1"] >= 0.90, s4
    assert res["token"]["f1"] >= 0.90, res["token"]
    assert res["failed"] <= 5, res["failed"]
