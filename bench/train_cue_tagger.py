"""Train newsline's cue tagger, cue-boundary ranker and content-end ranker on PolNeAR's training split; write `newsline/cue_tagger.json`.

    .venv/bin/python bench/train_cue_tagger.py [--polnear ../shared/eval/polnear] [--epochs 5] [--folds 6] [--ranker-epochs 8] [--ranker-only]

Deterministic (fixed seeds and folds: every `folds`-th document by sorted name). Steps: the tagger on all of train; for the boundary
ranker, `folds` taggers each trained without one fold and run over it (cross-fitting, so the ranker learns from mistakes on unseen
text); then the content-end ranker on the extraction with the new tagger and boundaries. About 7 minutes on one CPU core.
"""
import argparse, time
from pathlib import Path
from newsline.polnear import load_polnear, tagger_data, train_cue_tagger, ranker_data, train_ranker, cue_bound_data
from newsline.cue_tagger import CueTagger

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--polnear', default=str(ROOT.parent/'shared/eval/polnear'))
ap.add_argument('--epochs', type=int, default=5)
ap.add_argument('--folds', type=int, default=6, help='cross-fitting folds for the boundary ranker (0: no boundary ranker)')
ap.add_argument('--ranker-epochs', type=int, default=8)
ap.add_argument('--out', default=str(ROOT/'newsline/cue_tagger.json'))
ap.add_argument('--ranker-only', action='store_true', help='keep the tagger and boundary ranker in --out, retrain only the content-end ranker')
a = ap.parse_args()
t = time.time()
docs = load_polnear(Path(a.polnear)/'train')
if a.ranker_only:
    m = CueTagger.load(a.out); m.rankers = {k: v for k, v in m.rankers.items() if k == 'cue_bounds'}
else:
    m = train_cue_tagger(tagger_data(docs), epochs=a.epochs)
    print(f'tagger: {len(m.w):,} weights ({time.time()-t:.0f}s)', flush=True)
    if a.folds > 1:
        ex = []
        for k in range(a.folds):
            held = [d for i, d in enumerate(docs) if i % a.folds == k]
            part = train_cue_tagger(tagger_data([d for i, d in enumerate(docs) if i % a.folds != k]), epochs=a.epochs)
            ex += cue_bound_data(held, part)
            print(f'fold {k+1}/{a.folds}: {len(ex):,} boundary examples ({time.time()-t:.0f}s)', flush=True)
        m.rankers = {'cue_bounds': train_ranker(ex, epochs=a.ranker_epochs)}
m.rankers['content_end'] = train_ranker(ranker_data(docs, m), epochs=a.ranker_epochs)
m.save(a.out)
print(f'{len(m.w):,} tagger weights, {len(m.vocab):,} cue stems, ' +
      ', '.join(f'{len(w):,} {k} weights' for k, w in m.rankers.items()) +
      f' -> {a.out} ({Path(a.out).stat().st_size/1e6:.1f} MB) in {time.time()-t:.0f}s')
