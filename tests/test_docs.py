"""The docs site, built offline the way the tests can: `nbdev-proc-nbs`, then `smalldocs render _proc`.

The published site is built with `nbdev-docs` (Quarto) on a machine that has Quarto; this build reads the same
`nbs/_quarto.yml` project, so a page missing here, a `show_doc` that fails or a broken link shows up in the tests.
"""
import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DOCS = ROOT / "_proc" / "_docs"


def _text(page: Path) -> str:
    "The visible text of an HTML page, tags removed and entities decoded."
    s = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", s))


def _notebooks():
    return sorted(p for p in (ROOT / "nbs").rglob("*.ipynb")
                  if not any(part.startswith(("_", ".")) for part in p.relative_to(ROOT / "nbs").parts))


def _modules():
    "Map each exported module to the notebook it comes from."
    out = {}
    for nb in _notebooks():
        m = re.search(r"#\|\s*default_exp\s+([\w.]+)", nb.read_text(encoding="utf-8"))
        if m: out[m.group(1)] = nb
    return out


@pytest.fixture(scope="module")
def site(docs_site):
    return docs_site


def test_every_notebook_has_a_page(site):
    for nb in _notebooks():
        page = DOCS / nb.relative_to(ROOT / "nbs").with_suffix(".html")
        assert page.exists(), f"no page for {nb.name}"


def test_no_broken_links(site):
    broken = [l for l in site.splitlines() if "broken link" in l]
    assert not broken, "\n".join(broken)


def test_api_pages_show_every_function(site):
    "Each public function or class of a module has its `show_doc` heading and signature on the module's page."
    from newsline._modidx import d
    mods = _modules()
    missing = []
    for mod, syms in d["syms"].items():
        name = mod.split(".", 1)[1] if "." in mod else mod
        if name not in mods: continue
        page = DOCS / mods[name].relative_to(ROOT / "nbs").with_suffix(".html")
        raw, text = page.read_text(encoding="utf-8"), _text(page)
        for sym in syms:
            short = sym[len(mod) + 1:]
            if short.startswith("_") or "." in short: continue
            if f'id="{short.lower()}"' not in raw or f"{short}(" not in text.replace(" (", "("):
                missing.append(f"{mods[name].name}: {short}")
    assert not missing, f"{len(missing)} symbols without their show_doc: {missing[:20]}"


def test_index_matches_readme(site):
    "The README's commands and sections appear on the index page."
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    index = " ".join(_text(DOCS / "index.html").split())
    commands = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    assert len(commands) >= 2
    for c in commands:
        assert " ".join(c.split()) in index, f"README command not on the index page: {c}"
    for h in re.findall(r"^## (.+)$", readme, flags=re.M):
        assert h.strip() in index, f"README section {h!r} not on the index page"


def test_worked_notebooks_show_their_charts(site):
    for name in ["08_dprk_statements.html", "06_charts.html", "index.html"]:
        raw = (DOCS / name).read_text(encoding="utf-8")
        imgs = re.findall(r'<img[^>]+src="([^"]+)"', raw)
        assert imgs, f"{name} has no chart"
        for src in imgs:
            if not src.startswith(("data:", "http")):
                assert (DOCS / name).parent.joinpath(src).exists(), f"{name}: missing image {src}"
