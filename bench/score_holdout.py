"""Score the pipeline with a given span network on a held-out tenth of PolNeAR train (the trainer's `--holdout K` documents).

    PYTHONPATH=. .venv/bin/python bench/score_holdout.py NETFILE K [--shared ../shared]
"""
import argparse, copy, time
from pathlib import Path
from newsline.polnear import load_polnear, predict_attributions, score_spans
from newsline.cue_tagger import cue_tagger
from newsline.span_net import SpanNet

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('net'); ap.add_argument('fold', type=int); ap.add_argument('--shared', default=str(ROOT.parent/'shared'))
a = ap.parse_args()
tagger = copy.copy(cue_tagger()); tagger.net, tagger.nested = SpanNet.load(a.net), False  # as `span_tagger()`, with this network
docs = [d for k, d in enumerate(load_polnear(Path(a.shared)/'eval/polnear/train')) if k % 10 == a.fold]  # (`holdout_names`)
t = time.perf_counter()
sc = score_spans((text, gold, predict_attributions(text, tagger=tagger)) for _, text, gold in docs)
print(f'{a.net} fold {a.fold}: {len(docs)} documents, {time.perf_counter()-t:.0f}s')
print(sc[['n_gold', 'n_pred', 'exact_f1', 'overlap_f1']].to_string())
