"""JupyterLab itself, in headless Chromium: open the tutorial, Run All, and find no cell error, the highlighted
article and a chart in the page.

The server runs on 127.0.0.1 with a token, its config, data and runtime folders in a temporary directory, on a
copy of the tutorial; it is stopped at the end even when the test fails. Screenshots go to tests/out/browser/.
"""
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from browser import ARGS, SHOTS, chromium_path

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "nbs" / "tutorials" / "tutorial.ipynb"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path):
    "A JupyterLab server on a copy of the tutorial; yields (url, token) and stops the server afterwards."
    if not (Path(sys.executable).parent / "jupyter-lab").exists(): pytest.skip("JupyterLab is not installed (dev extra)")
    work = tmp_path / "work"
    nbdir = work / TUTORIAL.parent.relative_to(ROOT); nbdir.mkdir(parents=True)
    shutil.copy(TUTORIAL, nbdir / TUTORIAL.name)
    (work / "data").symlink_to(ROOT / "data")  # the tutorial reads ../../data, as from nbs/tutorials in a checkout
    settings = tmp_path / "settings"
    for plugin, values in {"notebook-extension/tracker": {"windowingMode": "none"},    # every cell in the DOM
                           "docmanager-extension/plugin": {"autosave": False},
                           "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False}}.items():
        f = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        f.parent.mkdir(parents=True, exist_ok=True); f.write_text(json.dumps(values))
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
           "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    log = open(tmp_path / "lab.log", "w")
    cmd = [str(Path(sys.executable).parent / "jupyter-lab"), "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.news_url=", "--LabApp.extension_manager=readonly"]
    if hasattr(os, "geteuid") and os.geteuid() == 0: cmd.append("--allow-root")  # CI machines run as root
    proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if proc.poll() is not None: pytest.fail(f"jupyter lab exited: {(tmp_path / 'lab.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1) as r:
                    if r.status == 200: break
            except OSError: time.sleep(0.5)
        else: pytest.fail("jupyter lab did not start within 60 s")
        yield url, token, work
    finally:
        try: os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError: pass
        try: proc.wait(20)
        except subprocess.TimeoutExpired: os.killpg(proc.pid, signal.SIGKILL); proc.wait()
        log.close()


def test_tutorial_runs_in_jupyterlab(lab):
    from playwright.sync_api import sync_playwright
    exe = chromium_path()
    url, token, work = lab
    SHOTS.mkdir(parents=True, exist_ok=True)
    n_code = sum(c["cell_type"] == "code" for c in json.loads(TUTORIAL.read_text())["cells"])
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=ARGS, headless=True)
        try:
            page = b.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/lab/tree/{TUTORIAL.relative_to(ROOT).as_posix()}?token={token}", wait_until="domcontentloaded")
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-KernelStatus", timeout=90_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(SHOTS / "lab_opened.png"))
            page.click(".lm-MenuBar-itemLabel:text-is('Run')")
            page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
            # wait until every code cell has an execution count and the kernel is idle
            # (or until a cell errors: Run All stops there)
            done_js = """() => { const ps = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt'));
                const err = document.querySelector("[data-mime-type='application/vnd.jupyter.error']");
                const busy = ps.some(p => p.textContent.includes('*'));
                return ps.length > 0 && !busy && (err || ps.every(p => /\\[\\d+\\]/.test(p.textContent))); }"""
            page.wait_for_function(done_js, timeout=300_000, polling=1000)
            page.wait_for_timeout(1000)
            errors = page.eval_on_selector_all("[data-mime-type='application/vnd.jupyter.error']", "els => els.map(e => e.textContent.slice(0, 400))")
            n_run = page.eval_on_selector_all(".jp-CodeCell .jp-InputArea-prompt", "ps => ps.filter(p => /\\[\\d+\\]/.test(p.textContent)).length")
            art = page.locator(".jp-OutputArea .nl-article").first
            art.scroll_into_view_if_needed(); page.wait_for_timeout(300)
            page.screenshot(path=str(SHOTS / "lab_highlighted_article.png"))
            n_marks = page.eval_on_selector_all(".jp-OutputArea .nl-article mark, .jp-OutputArea .nl-article [class*='nl-']", "els => els.length")
            img = page.locator(".jp-OutputArea .jp-RenderedImage img").first
            img.scroll_into_view_if_needed(); page.wait_for_timeout(300)
            page.screenshot(path=str(SHOTS / "lab_chart.png"))
            n_imgs = page.eval_on_selector_all(".jp-OutputArea .jp-RenderedImage img", "els => els.filter(i => i.naturalWidth > 0).length")
        finally:
            b.close()
    assert not errors, f"cells errored in JupyterLab: {errors}"
    assert n_run == n_code, f"{n_run} of {n_code} code cells ran"
    assert n_marks >= 6, f"the highlighted article has {n_marks} marked spans"
    assert n_imgs >= 1, "no chart image in the page"
