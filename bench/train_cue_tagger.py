"""Train newsline's cue tagger on PolNeAR's training split and write `newsline/cue_tagger.json`.

    .venv/bin/python bench/train_cue_tagger.py [--polnear ../shared/eval/polnear] [--epochs 5]

Deterministic (fixed seed); about a minute per epoch on one CPU core.
"""
import argparse, time
from pathlib import Path
from newsline.polnear import load_polnear, tagger_data, train_cue_tagger

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--polnear', default=str(ROOT.parent/'shared/eval/polnear'))
ap.add_argument('--epochs', type=int, default=5)
ap.add_argument('--out', default=str(ROOT/'newsline/cue_tagger.json'))
a = ap.parse_args()
t = time.time()
m = train_cue_tagger(tagger_data(load_polnear(Path(a.polnear)/'train')), epochs=a.epochs)
m.save(a.out)
print(f'{len(m.w):,} weights, {len(m.vocab):,} cue stems -> {a.out} ({Path(a.out).stat().st_size/1e6:.1f} MB) in {time.time()-t:.0f}s')
