"""Run every notebook in `nbs/` as a test (one test per notebook), the way `nbdev-test` does, through pytest."""
import importlib
from pathlib import Path

import pytest

nbtest = importlib.import_module("nbdev.test")  # imported as a module so pytest does not collect `test_nb` itself

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT / "nbs").rglob("*.ipynb")
             if not any(part.startswith(("_", ".")) for part in p.relative_to(ROOT / "nbs").parts))


@pytest.mark.parametrize("nb", NBS, ids=[str(p.relative_to(ROOT / "nbs")) for p in NBS])
def test_notebook(nb):
    ok, secs = nbtest.test_nb(nb, skip_flags=["notest"], basepath=str(ROOT))
    assert ok, f"{nb.name} failed (see the traceback above)"
