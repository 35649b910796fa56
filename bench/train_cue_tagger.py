"""Train newsline's cue tagger and content-end ranker on PolNeAR's training split and write `newsline/cue_tagger.json`.

    .venv/bin/python bench/train_cue_tagger.py [--polnear ../shared/eval/polnear] [--epochs 5] [--ranker-epochs 8] [--ranker-only]

Deterministic (fixed seeds); a few minutes on one CPU core. The ranker is trained on the extraction run with the new tagger.
"""
import argparse, time
from pathlib import Path
from newsline.polnear import load_polnear, tagger_data, train_cue_tagger, ranker_data, train_ranker
from newsline.cue_tagger import CueTagger

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--polnear', default=str(ROOT.parent/'shared/eval/polnear'))
ap.add_argument('--epochs', type=int, default=5)
ap.add_argument('--ranker-epochs', type=int, default=8)
ap.add_argument('--out', default=str(ROOT/'newsline/cue_tagger.json'))
ap.add_argument('--ranker-only', action='store_true', help='keep the tagger in --out, retrain only the content-end ranker')
a = ap.parse_args()
t = time.time()
docs = load_polnear(Path(a.polnear)/'train')
m = CueTagger.load(a.out) if a.ranker_only else train_cue_tagger(tagger_data(docs), epochs=a.epochs)
m.rankers = {}
m.rankers = {'content_end': train_ranker(ranker_data(docs, m), epochs=a.ranker_epochs)}
m.save(a.out)
print(f'{len(m.w):,} tagger weights, {len(m.vocab):,} cue stems, {len(m.rankers["content_end"]):,} ranker weights -> {a.out} '
      f'({Path(a.out).stat().st_size/1e6:.1f} MB) in {time.time()-t:.0f}s')
