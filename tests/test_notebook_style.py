"""House rules for the notebooks that the docs build depends on.

`nbdev-proc-nbs` runs every cell that imports something to render `show_doc`, from the repository root rather
than from `nbs/`; a cell that imports and also does other work then runs out of place (relative paths break, names
from earlier cells are missing). So imports live in cells of their own, as nbdev's FAQ asks.
"""
import ast
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT / "nbs").rglob("*.ipynb")
             if not any(part.startswith(("_", ".")) for part in p.relative_to(ROOT / "nbs").parts))


def _cells(nb):
    return json.loads(nb.read_text(encoding="utf-8"))["cells"]


def _tree(src):
    lines = [l for l in src.splitlines() if not l.lstrip().startswith(("%", "!"))]
    try: return ast.parse("\n".join(lines))
    except SyntaxError: return None


@pytest.mark.parametrize("nb", NBS, ids=lambda p: str(p.relative_to(ROOT / "nbs")))
def test_imports_in_cells_of_their_own(nb):
    bad = []
    for i, c in enumerate(_cells(nb)):
        src = "".join(c["source"])
        if c["cell_type"] != "code" or "#| export" in src or "#| eval: false" in src: continue
        t = _tree(src)
        if t is None: continue
        has_import = any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(t))
        other = [n for n in t.body if not isinstance(n, (ast.Import, ast.ImportFrom))]
        if has_import and other: bad.append(i)
    assert not bad, f"{nb.name}: cells {bad} mix imports with other code; move the imports to the imports cell"


@pytest.mark.parametrize("nb", NBS, ids=lambda p: str(p.relative_to(ROOT / "nbs")))
def test_opens_with_title_and_summary(nb):
    first = "".join(_cells(nb)[0]["source"]).splitlines()
    assert first and first[0].startswith("# "), f"{nb.name} does not open with '# Title'"
    assert any(l.startswith("> ") for l in first[1:3]), f"{nb.name} has no '> summary' line under its title"
