import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("NEWSLINE_QUIET", "1")  # no progress bars in test logs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared():
    "Path to `../shared` (corpora, seed, evaluation sets); skips the test when it is absent, as in a user's clone."
    if not (SHARED / "corpora").is_dir():
        pytest.skip(f"../shared not found at {SHARED}: the shared corpora only exist in the project's CI and dev machines")
    return SHARED
