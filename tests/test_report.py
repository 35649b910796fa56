"""The report notebook: its papermill parameters survive nbdev-clean, and `newsline report` writes every output."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import papermill as pm

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "nbs" / "reports" / "statements_report.ipynb"
BIN = Path(sys.executable).parent


def _param_cells(nb_path):
    nb = json.loads(Path(nb_path).read_text())
    return [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]


def test_parameters_tag_survives_nbdev_clean(tmp_path):
    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".venv", ".git", "_proc", "_docs", "out", "__pycache__", "*.egg-info"))
    subprocess.run([str(BIN / "nbdev-clean")], cwd=proj, check=True, capture_output=True)
    cells = _param_cells(proj / "nbs" / "reports" / "statements_report.ipynb")
    assert len(cells) == 1


def test_every_parameter_has_a_type_and_a_comment():
    params = pm.inspect_notebook(str(REPORT))
    assert set(params) == {"corpus", "actors", "countries", "kinds", "start", "end", "freq", "reference_date", "title", "out_dir"}
    for name, p in params.items():
        assert p["inferred_type_name"] in ("str", "list"), name
        assert p["help"].strip(), f"{name} has no comment"


def test_report_on_embedded_data(report_dir):
    out = report_dir
    for f in ["report.html", "report.ipynb", "timeline.json", "timeline.html", "timeline.csv", "statements.csv",
              "frequency_by_actor.csv", "frequency_by_kind.csv", "timeline.png", "timeline.svg",
              "frequency_by_actor.png", "frequency_by_kind.svg", "quality.csv"]:
        assert (out / f).exists(), f
    html = (out / "report.html").read_text()
    assert html.count("data:image/png;base64") >= 3  # the charts are embedded
    tl = json.loads((out / "timeline.json").read_text())
    assert len(tl["events"]) >= 3
    import pandas as pd
    freq = pd.read_csv(out / "frequency_by_actor.csv")
    assert freq.statements.sum() > 10000  # decades of the DPRK's statements from the embedded facts


def test_report_errors(tmp_path):
    r = subprocess.run([str(BIN / "newsline"), "report", "-q", "-p", "colour", "red", "--out", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 2 and "unknown report parameter" in r.stderr
    r = subprocess.run([str(BIN / "newsline"), "report", "-q", str(tmp_path / "missing"), "--out", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 2 and "no such corpus" in r.stderr


def test_report_names_the_failing_cell(tmp_path):
    r = subprocess.run([str(BIN / "newsline"), "report", "-q", "--freq", "fortnight", "--out", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 2 and "the report failed in cell" in r.stderr and "unknown freq" in r.stderr


def _run_report(out, *args):
    r = subprocess.run([str(BIN / "newsline"), "report", "-q", *args, "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    return out


def test_report_for_one_actor_is_different_correct_and_reproducible(shared, report_dir, tmp_path):
    import pandas as pd
    kcna = shared / "corpora" / "kcna_kp_2023-12_2024-11.jsonl"
    args = [str(kcna), "--actor", "Kim Yo Jong", "--start", "2024-01-01"]
    a, b = _run_report(tmp_path / "a", *args), _run_report(tmp_path / "b", *args)
    tables = sorted(p.name for p in a.glob("*.csv"))
    assert "statements.csv" in tables and "frequency_by_kind.csv" in tables
    for name in tables + ["timeline.json"]:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs between two identical runs"
    st = pd.read_csv(a / "statements.csv")
    assert len(st) >= 10, len(st)
    assert set(st.speaker) == {"Kim Yo Jong"}
    assert pd.to_datetime(st.date).min() >= pd.Timestamp("2024-01-01")
    assert (a / "statements.csv").read_bytes() != (report_dir / "statements.csv").read_bytes()
    freq = pd.read_csv(a / "frequency_by_kind.csv")
    assert freq.statements.sum() == st.statement_id.nunique()
