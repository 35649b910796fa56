"""Pseudo-label news for the span network's distillation: the base span network's CRF over its emissions plus the MiniLM teacher's
log-probabilities (bench/train_teacher.py); write the labelled units that bench/train_span_net.py --pseudo reads.

    OMP_NUM_THREADS=1 .venv/bin/python bench/distill_pseudo.py --teacher teacher.pt --net base.npz [--tokens 1500000]
                                                               [--weight 1] [--shared ../shared] [--out pseudo.npz] [--seed 0]

Texts: the news corpus `shared/corpora/news_articles_2016-2017.csv`'s non-empty articles in a seeded random order, taken whole until
--tokens newsline tokens, each read as the trainer reads PolNeAR (tokens, lowercased words, capitals, quotation indices, paragraph
units: the articles have no line breaks, so 200-token pieces). The teacher's log-probabilities count with --weight (1, not tuned).
Output (.npz, not committed): per unit, flat over the units' tokens: words ('\\n'-joined), capitals, quotation indices, tag indices;
the units' lengths, each unit's article (its index) and the articles' ids.
Measured 2026-12-07 with --tokens 1500000 (one thread): 2,413 of 3,788 non-empty articles, 1,500,116 tokens, 7,983,432 characters;
8,811 windows, 1,684,605 wordpieces; teacher 394 s, CRF 34 s; tags O 661,244, B-S 29,988, B-C 34,032, B-Q 38,349.
"""
import argparse, random, sys, time
from pathlib import Path
import numpy as np
try: import torch
except ImportError: sys.exit('pseudo-labelling needs torch: pip install -e ".[train]"')
sys.path.insert(0, str(Path(__file__).parent))
from span_data import encode_text, news_rows
from newsline.span_net import SpanNet, TAGS

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--shared', default=str(ROOT.parent/'shared'))
ap.add_argument('--teacher', required=True, help='from bench/train_teacher.py')
ap.add_argument('--net', required=True, help='the base span network (bench/train_span_net.py without --pseudo)')
ap.add_argument('--tokens', type=int, default=1_500_000)
ap.add_argument('--window', type=int, default=256, help='as the teacher was trained with')
ap.add_argument('--weight', type=float, default=1.0, help="the teacher's log-probabilities' weight")
ap.add_argument('--out', default=str(ROOT/'pseudo.npz'))
ap.add_argument('--seed', type=int, default=0)
a = ap.parse_args()
torch.set_num_threads(1)
from minilm_teacher import Teacher, token_logprobs, continue_shared, combined_tags
t0 = time.time(); log = lambda *x: print(f'[{time.time()-t0:6.0f}s]', *x, flush=True)

rows = [r for r in news_rows(a.shared) if r[1].strip()]; random.Random(a.seed).shuffle(rows)
docs, ntok = [], 0
for aid, text in rows:
    if ntok >= a.tokens: break
    enc = encode_text(text)
    if enc[0]: docs.append((aid, text) + enc); ntok += len(enc[0])
log(f'{len(docs):,} articles of {len(rows):,}, {ntok:,} newsline tokens, {sum(len(d[1]) for d in docs):,} characters')

model = Teacher(); model.load_state_dict(torch.load(a.teacher)); sn = SpanNet.load(a.net); log(f'read {a.teacher}, {a.net}')
t1 = time.time(); TL = token_logprobs(model, [(text, toks, units) for aid, text, toks, low, caps, inq, units in docs], a.window, log=log)
log(f'teacher: {time.time()-t1:.0f}s, {ntok/(time.time()-t1):,.0f} newsline tokens a second')
t1 = time.time(); out = dict(words=[], caps=[], inq=[], tags=[], lens=[], unit_doc=[]); counts = np.zeros(len(TAGS), np.int64)
for k, ((aid, text, toks, low, caps, inq, units), (tl, shared)) in enumerate(zip(docs, TL)):
    labs = continue_shared(combined_tags(sn, low, caps, inq, units, tl, a.weight), shared); counts += np.bincount(labs, minlength=len(TAGS))
    for u in units:
        out['words'] += [low[i] for i in u]; out['caps'] += [caps[i] for i in u]; out['inq'] += [inq[i] for i in u]
        out['tags'] += labs[u].tolist(); out['lens'].append(len(u)); out['unit_doc'].append(k)
log(f'span network CRF: {time.time()-t1:.0f}s; tags ' + ', '.join(f'{t} {c:,}' for t, c in zip(TAGS, counts)))
assert all('\n' not in w for w in out['words'])
np.savez_compressed(a.out, words=np.array('\n'.join(out['words'])), caps=np.array(out['caps'], np.int8), inq=np.array(out['inq'], np.int32),
                    tags=np.array(out['tags'], np.int8), lens=np.array(out['lens'], np.int32), unit_doc=np.array(out['unit_doc'], np.int32),
                    article_ids=np.array('\n'.join(d[0] for d in docs)))
log(f'wrote {a.out}: {len(out["lens"]):,} units, {len(out["tags"]):,} tokens')
