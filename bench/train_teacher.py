"""Fine-tune the MiniLM teacher (bench/minilm_teacher.py) on PolNeAR train; write its weights for bench/distill_pseudo.py.

    pip install -e ".[train]"
    OMP_NUM_THREADS=1 .venv/bin/python bench/train_teacher.py [--shared ../shared] [--epochs 3] [--batch 16] [--window 256]
                                                              [--out teacher.pt] [--net base.npz]

Data as bench/train_span_net.py reads it (first annotator's files, the same tokens and BIO tags over O, B-/I- source, cue, content);
softmax cross-entropy at each newsline token's first wordpiece (other wordpieces, and tokens sharing one with the token before,
ignored); every layer fine-tuned, AdamW (5e-5 for MiniLM, 1e-3 for the output layer, weight decay 0.01), the rates rising over the
first tenth of the steps and falling linearly to 0; batches of 16 windows in a seeded random order.
With --net (a span network trained without pseudo-labels), PolNeAR dev is scored at the end, for the record, as the distillation's
labeller tags: the network's CRF over its emissions plus the teacher's log-probabilities, each tagged run one span.
Measured 2026-12-07 (one thread, the other core busy): 753 steps, 4.25 s a step, 53 minutes; 90 MB of weights (not committed).
With the base network (bench/train_span_net.py's seed 0 trained on PolNeAR alone), PolNeAR dev exact F1 source/cue/content
78.3/73.2/54.9, overlap 82.2/83.1/83.0 (the network alone: 74.4/70.8/51.5, 78.8/80.2/81.7).
"""
import argparse, math, random, sys, time
from pathlib import Path
import numpy as np
try: import torch, torch.nn as nn
except ImportError: sys.exit('training needs torch: pip install -e ".[train]"')
sys.path.insert(0, str(Path(__file__).parent))
from span_data import labelled, tag_spans
from newsline.polnear import load_polnear, score_spans
from newsline.span_net import SpanNet, TAGS

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--shared', default=str(ROOT.parent/'shared'))
ap.add_argument('--window', type=int, default=256, help='wordpieces per window, [CLS] and [SEP] included')
ap.add_argument('--epochs', type=float, default=3)
ap.add_argument('--batch', type=int, default=16)
ap.add_argument('--lr', type=float, default=5e-5)
ap.add_argument('--head-lr', type=float, default=1e-3)
ap.add_argument('--warmup', type=float, default=0.1, help='fraction of the steps')
ap.add_argument('--threads', type=int, default=1)
ap.add_argument('--seed', type=int, default=0)
ap.add_argument('--out', default=str(ROOT/'teacher.pt'))
ap.add_argument('--net', help='a span network (.npz) to score the combination with on PolNeAR dev at the end')
ap.add_argument('--score', action='store_true', help='do not train: read the teacher from --out and score it with --net')
a = ap.parse_args()
if a.score and not a.net: ap.error('--score needs --net: the span network to score the teacher with')
torch.set_num_threads(a.threads); torch.manual_seed(a.seed); random.seed(a.seed); np.random.seed(a.seed)
from minilm_teacher import Teacher, wordpieces, windows, collate, token_logprobs, continue_shared, combined_tags
S = Path(a.shared); t0 = time.time(); T2I = {t: i for i, t in enumerate(TAGS)}
log = lambda *x: print(f'[{time.time()-t0:6.0f}s]', *x, flush=True)

def train():
    "The fine-tuned teacher."
    wins = []
    for name, text, atts, toks, low, caps, inq, lab, units in labelled(load_polnear(S/'eval/polnear/train')):
        ids, first, shared = wordpieces(text, toks); y = np.full(len(ids), -100, np.int64)
        for i in range(len(toks)):
            if first[i] >= 0 and not shared[i]: y[first[i]] = T2I[lab[i]]
        wins += [(ids[s:e], y[s:e]) for s, e in windows(first, units, len(ids), a.window)]
    log(f'{len(wins):,} training windows, mean {np.mean([len(x) for x, _ in wins]):.0f} wordpieces')
    rnd = random.Random(a.seed); model = Teacher()
    steps_ep = math.ceil(len(wins)/a.batch); total = int(round(steps_ep*a.epochs)); warm = max(1, int(total*a.warmup))
    opt = torch.optim.AdamW([dict(params=model.enc.parameters(), lr=a.lr), dict(params=model.out.parameters(), lr=a.head_lr)], weight_decay=0.01)
    lossf = nn.CrossEntropyLoss(ignore_index=-100)
    log(f'training: {total} steps of {a.batch} windows ({steps_ep} an epoch), warmup {warm}')
    model.train(); step = 0; t1 = time.time(); run = []
    while step < total:
        order = list(range(len(wins))); rnd.shuffle(order)
        for k0 in range(0, len(order), a.batch):
            if step >= total: break
            ids, mask, y = collate([wins[k] for k in order[k0:k0+a.batch]])
            f = (step+1)/warm if step < warm else max(0., (total - step)/(total - warm))
            for g, b in zip(opt.param_groups, (a.lr, a.head_lr)): g['lr'] = b*f
            loss = lossf(model(ids, mask).view(-1, len(TAGS)), y.view(-1))
            opt.zero_grad(); loss.backward(); nn.utils.clip_grad_norm_(model.parameters(), 1.); opt.step()
            run.append(loss.item()); step += 1
            if step % 20 == 0 or step == total:
                el = time.time()-t1; log(f'step {step}/{total}, loss {np.mean(run[-50:]):.4f} (last 50), {el/step:.2f}s a step, ~{el/step*(total-step)/60:.1f} min left')
    log(f'training {(time.time()-t1)/60:.1f} min'); return model

if a.score: model = Teacher(); model.load_state_dict(torch.load(a.out)); log(f'read {a.out}')
else: model = train(); torch.save(model.state_dict(), a.out); log(f'wrote {a.out}')

if a.net and (S/'eval/polnear/dev').exists():
    sn = SpanNet.load(a.net); dev = labelled(load_polnear(S/'eval/polnear/dev'))
    TL = token_logprobs(model, [(d[1], d[3], d[8]) for d in dev], a.window)
    docs = [(text, atts, tag_spans([TAGS[k] for k in continue_shared(combined_tags(sn, low, caps, inq, units, tl), shared)], toks))
            for (name, text, atts, toks, low, caps, inq, lab, units), (tl, shared) in zip(dev, TL)]
    log(f'PolNeAR dev, {a.net} with the teacher (the pseudo-labeller):\n' + score_spans(docs)[['exact_f1', 'overlap_f1']].T.to_string())
