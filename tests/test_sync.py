"""The exported package must match the notebooks: `nbdev-export` into a scratch copy must change nothing."""
import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_package_in_sync_with_notebooks(tmp_path):
    work = tmp_path / "proj"
    shutil.copytree(ROOT, work, ignore=shutil.ignore_patterns(".venv", ".git", "_proc", "_docs", "out", "__pycache__", "*.egg-info"))
    exe = Path(sys.executable).parent / "nbdev-export"
    subprocess.run([str(exe)], cwd=work, check=True, capture_output=True)
    cmp = filecmp.dircmp(ROOT / "newsline", work / "newsline", ignore=["__pycache__"])
    changed = cmp.diff_files + cmp.left_only + cmp.right_only
    assert not changed, f"nbdev-export changes {changed}: run nbdev-export and commit newsline/"
