"""Score span networks in one sitting on PolNeAR dev, or on a held-out tenth of train (the trainer's `--holdout K` documents):
the network alone (each tagged run one span, as bench/train_span_net.py's end block) and the full pipeline (`predict_attributions`
with the network in the span tagger).

    OMP_NUM_THREADS=1 PYTHONPATH=. .venv/bin/python bench/score_nets.py NETFILE [NETFILE ...] [--holdout K] [--shared ../shared]
"""
import argparse, copy, sys, time
from pathlib import Path
import pandas as pd
sys.path.insert(0, str(Path(__file__).parent))
from span_data import encode_text, tag_spans, holdout_names
from newsline.polnear import load_polnear, predict_attributions, score_spans
from newsline.cue_tagger import cue_tagger
from newsline.span_net import SpanNet

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('nets', nargs='+'); ap.add_argument('--shared', default=str(ROOT.parent/'shared'))
ap.add_argument('--holdout', type=int, metavar='K', help="train's documents K, K+10, K+20, ... (by sorted name) instead of dev")
a = ap.parse_args()
pd.set_option('display.width', 200)
split = 'dev' if a.holdout is None else 'train'
docs = list(load_polnear(Path(a.shared)/'eval/polnear'/split))
if a.holdout is not None: held = set(holdout_names(Path(a.shared)/'eval/polnear/train', a.holdout)); docs = [d for d in docs if d[0] in held]
prep = [(text, gold) + encode_text(text) for _, text, gold in docs]
where = f'PolNeAR {split}' + ('' if a.holdout is None else f', held-out tenth {a.holdout}') + f', {len(docs)} documents'
chars = sum(len(t) for _, t, _ in docs)
for net in a.nets:
    sn = SpanNet.load(net)
    alone = score_spans((text, gold, tag_spans(sn.tag(low, caps, inq, us), toks)) for text, gold, toks, low, caps, inq, us in prep)
    print(f'== {net}: {where}\nnetwork alone:\n' + alone[['n_gold', 'n_pred', 'exact_f1', 'overlap_f1']].to_string(), flush=True)
    tagger = copy.copy(cue_tagger()); tagger.net, tagger.nested = sn, False  # as `span_tagger()`, with this network
    t = time.perf_counter()
    sc = score_spans((text, gold, predict_attributions(text, tagger=tagger)) for _, text, gold in docs)
    s = time.perf_counter() - t
    print(f'full pipeline ({s:.0f}s with scoring, {chars/s:,.0f} characters a second):\n' + sc[['n_gold', 'n_pred', 'exact_f1', 'overlap_f1']].to_string(), flush=True)
