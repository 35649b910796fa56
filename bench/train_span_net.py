"""Train newsline's span network (a BiLSTM-CRF tagging attribution sources, cues and contents) on PolNeAR; write `newsline/span_net.npz`.

    pip install -e ".[train]"   # torch, for training only: newsline runs the network in NumPy
    .venv/bin/python bench/train_span_net.py [--shared ../shared] [--epochs 9] [--hidden 64] [--layers 2] [--threads 1]
                                             [--all-annotators] [--holdout K] [--vectors cache.npz] [--out FILE]
                                             [--pseudo pseudo.npz --pseudo-cut 0.5]

Two steps, both deterministic (fixed seeds, one fixed order of files):
1. word vectors without labels: lowercased tokens of the news, Reuters and KCNA texts in `shared/corpora` (the two kcna.co.jp years
   2014 and 2016) and PolNeAR's training texts; co-occurrence counts over a two-word window (weight 1 at distance 1, 1/2 at 2) for
   the 40,000 most frequent words seen at least five times; positive PMI with the context distribution raised to 0.75; a
   randomised SVD, 64 dimensions, rows normalised;
2. the network: word (those vectors, then trained), suffix and shape embeddings, two bidirectional LSTM layers, a CRF over the tags
   O, B-/I- source, cue and content; Adam, batches of 32 paragraphs, dropout 0.3, 8% of known words dropped to <unk>; the shipped
   weights are the mean of the last three epochs'.
PolNeAR's dev split is scored at the end (never used to choose anything). About 14 minutes on one core (11 with the word vectors read from a --vectors cache).

The shipped weights are distilled (the recipe, each step deterministic, about two hours on one core):
    .venv/bin/python bench/train_span_net.py --vectors vec.npz --out base.npz                 # 1. the base network, 11-14 min
    .venv/bin/python bench/train_teacher.py --net base.npz                                     # 2. MiniLM teacher, 53 min
    .venv/bin/python bench/distill_pseudo.py --teacher teacher.pt --net base.npz               # 3. pseudo-labels, 7 min
    .venv/bin/python bench/train_span_net.py --vectors vec.npz --pseudo pseudo.npz --pseudo-cut 0.5   # 4. newsline/span_net.npz, 42 min
The teacher (all-MiniLM-L6-v2 fine-tuned as a tagger; 90 MB, 12,000 characters a second: too big and slow to ship) labels with the
base network the 1.5 M tokens of news that step 3 reads (the network's CRF over its emissions plus the teacher's log-probabilities);
step 4 trains on PolNeAR train's 724,300 tokens and those, the pseudo-labelled 200-token pieces cut after sentence ends outside spans
with probability 0.5 (32,217 pieces, mean 46.6 tokens against gold paragraphs' 41.7), so that a pseudo-labelled token weighs what a
gold one does and the network sees the paragraph-length context it meets in PolNeAR. The vocabulary and suffixes stay train's.
Measured 2026-12-07, PolNeAR dev (bench/score_nets.py, one sitting), exact F1 source/cue/content, overlap F1:
                     network alone                     full pipeline
  base (seed 0)      74.4/70.8/51.5  78.8/80.2/81.7    75.8/71.6/60.1  80.6/80.8/83.1
  base seed 1        74.2/71.0/52.7  79.5/80.7/81.7    76.0/71.8/60.6  81.0/81.2/83.4
  base seed 2        74.1/69.8/50.9  78.6/79.8/81.1    75.3/70.5/59.4  80.4/80.3/82.8
  distilled (seed 0) 76.1/72.0/53.2  79.7/82.1/82.0    77.2/72.7/61.4  82.3/82.6/84.2   (shipped)
  distilled seed 1   76.8/72.2/53.7  80.5/82.3/82.3    77.3/73.1/61.3  82.4/82.8/84.4
Both distilled seeds are above every base seed in all twelve numbers (mean pipeline exact +1.6/+1.6/+1.4 over the base seeds' mean);
the shipped one is seed 0, the default, not the better of the two on dev. Without --pseudo-cut (the 200-token pieces whole, a
pseudo-labelled token weighing about a quarter of a gold one) the gain was within the base seeds' spread (pipeline 76.4/71.8/60.4).
The same speed (217,000-230,000 characters a second in the pipeline).
A second round (measured 2026-12-07: the shipped network's CRF plus the teacher relabelling the same 1.5 M tokens, 0.95% of their
tags changed; the labeller on dev 78.5/72.8/54.9 exact) trained a network scoring pipeline exact 76.8/73.0/61.8, overlap
81.8/82.3/84.4: within the seeds' noise, not shipped. A better teacher, not more rounds, would be the next step. The labeller itself (step 2's --net --score) on dev: 78.3/73.2/54.9 exact, 82.2/83.1/83.0 overlap.

To compare variants without dev, --holdout K leaves train documents K, K+10, ... out (score them afterwards with bench/score_nets.py --holdout K).
--all-annotators also trains on the other annotators' files of the 16 documents that several annotated (5 or 6 files each; 919
files for 840 documents), which weighs those 16 five- or sixfold; measured
2026-12-06 with the pipeline's exact F1 source/cue/content on held-out tenths of train: fold 0 +0.7/+1.7/+2.0, fold 5
-0.7/-0.2/-0.3, and trained on all of train, on dev +0.3/-0.4/0.0: within the noise, so the shipped network uses the first
annotator's files only, as before. 13 epochs (the mean of the last 4) instead of 9 on the same two folds: cue 68.5 / 71.3 against
68.4 / 71.3, source and content 0.3-0.9 lower: not kept either.
80 LSTM units per direction and layer instead of 64 (measured 2026-12-06, the pipeline's exact F1 source/cue/content on the same two
held-out tenths): fold 0 +0.6/+1.3/+0.6, fold 5 -0.6/+0.8/-0.1; trained on all of train, on dev +0.02/+0.58/+0.84 (overlap
+0.4/+0.2/+0.0), but attributions with it ran at 211,498 characters a second against 232,795 (PolNeAR dev, one core, same
sitting), close to the 200,000 target, and it missed cues the 64-unit network finds in the notebooks' examples ('a plan which
officials said would fail'): not kept.
--pretrain-lm STEPS first trains the three embeddings and a one-layer BiLSTM of the tagger's size as a pair of language models on
the unlabelled texts above (paragraph units cut at 60 tokens, features as the tagger's; the forward output at t predicts word t+1,
the backward one word t-1, an adaptive softmax over the vector words and <unk>, cutoffs 2000/10000; Adam 2e-3, batches of 64 units,
the rate falling linearly to 0 over the second half; 500 units kept out for perplexity), then copies them into the tagger's embeddings (row by word and suffix: the language
model's id maps are the tagger's computed from all of train, a superset of any --holdout fold's) and first layer before training as
above; --lm-cache keeps it (it sees no labels, so one cache serves every fold). Measured 2026-12-07 with 7000 batches (18.4 minutes
on one core, ~0.9 of the 10.2 M tokens; last 200 batches' loss 5.17, held-out perplexity forward 160.4, backward 170.1), the
pipeline's exact / overlap F1 source/cue/content on held-out tenths of train: fold 0 70.6/68.7/61.7 / 77.7/79.1/81.0 without,
71.4/68.9/62.1 / 78.7/79.6/80.9 with; fold 5 75.3/71.4/64.1 / 81.6/82.6/84.1 without, 75.9/71.9/64.4 / 81.9/83.6/84.8 with.
Trained on all of train with it, on PolNeAR dev the pipeline's exact F1 76.0/70.5/59.8 (shipped network 75.8/71.6/60.1), overlap
80.9/81.1/83.0 (80.6/80.8/83.1), 170,000 characters a second (178,175 for the shipped one, same sitting, the other core busy); the
network alone exact 74.2/69.7/51.1, overlap 78.7/80.5/81.2. Cue exact fell on dev: off by default (0), not shipped.
"""
import argparse, collections, random, sys, time
from pathlib import Path
import numpy as np
try: import torch, torch.nn as nn
except ImportError: sys.exit('training needs torch: pip install -e ".[train]"')
sys.path.insert(0, str(Path(__file__).parent))
from span_data import labelled, all_annotators, tag_spans, unlabelled_texts, holdout_names
from newsline.polnear import load_polnear, score_spans
from newsline.text_units import tokenize, quote_regions
from newsline.span_net import SpanNet, TAGS, shape_id, paragraph_units

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--shared', default=str(ROOT.parent/'shared'))
ap.add_argument('--epochs', type=int, default=9)
ap.add_argument('--hidden', type=int, default=64, help='LSTM units per direction and layer')
ap.add_argument('--layers', type=int, default=2)
ap.add_argument('--dim', type=int, default=64, help='word vector size')
ap.add_argument('--threads', type=int, default=1, help='torch threads (1 reproduces the shipped weights)')
ap.add_argument('--average', type=int, default=3, help='average the weights of this many last epochs')
ap.add_argument('--seed', type=int, default=0)
ap.add_argument('--out', default=str(ROOT/'newsline/span_net.npz'))
ap.add_argument('--holdout', type=int, default=None, metavar='K', help="leave training documents K, K+10, K+20, ... (by sorted name) out, to compare variants on them (`holdout_names`) without dev")
ap.add_argument('--all-annotators', action='store_true', help="train on every annotator's file of a document, not only the first")
ap.add_argument('--vectors', help='cache file for the word vectors (.npz): read if it exists, else written')
ap.add_argument('--pretrain-lm', type=int, default=0, metavar='STEPS', help='first pretrain the embeddings and the first BiLSTM layer as forward/backward language models on the unlabelled texts for this many batches (0: no pretraining)')
ap.add_argument('--lm-cache', help='cache file for the pretrained language model (.npz): read if it exists, else written')
ap.add_argument('--pseudo', help='pseudo-labelled units (.npz from bench/distill_pseudo.py) trained on beside the gold ones')
ap.add_argument('--pseudo-tokens', type=int, default=0, help='use only the first units of --pseudo up to about this many tokens, whole articles (0: all)')
ap.add_argument('--pseudo-cut', type=float, default=0., metavar='P', help="cut the pseudo-labelled units into paragraph-sized pieces: after each sentence's end outside a span, with probability P (0: no cuts)")
a = ap.parse_args()
S = Path(a.shared); t0 = time.time(); T2I = {t: i for i, t in enumerate(TAGS)}
torch.manual_seed(a.seed); random.seed(a.seed); np.random.seed(a.seed); torch.set_num_threads(a.threads)
log = lambda *x: print(f'[{time.time()-t0:5.0f}s]', *x, flush=True)

def word_vectors(dim, n_words=40_000, min_count=5):
    "PPMI-SVD vectors: (words, array of shape (words, dim))."
    docs = [[text[s:e].lower() for s, e in tokenize(text)] for text in unlabelled_texts(S) if text]
    cnt = collections.Counter(w for d in docs for w in d)
    V = [w for w, c in cnt.most_common(n_words) if c >= min_count]; W = {w: i for i, w in enumerate(V)}; n = len(V)
    log(f'{len(docs):,} unlabelled texts, {sum(map(len, docs)):,} tokens, {n:,} words')
    M = torch.zeros(n, n)
    for d in docs:
        ids = torch.tensor([W.get(w, -1) for w in d], dtype=torch.long)
        for k in (1, 2):
            x, y = ids[:-k], ids[k:]; ok = (x >= 0) & (y >= 0); x, y = x[ok], y[ok]; v = torch.full((len(x),), 1.0/k)
            M.index_put_((x, y), v, accumulate=True); M.index_put_((y, x), v, accumulate=True)
    tot = M.sum(); rw = M.sum(1)/tot; cw = M.sum(0)**0.75; cw = cw/cw.sum()
    P = (torch.log((M/tot).clamp_min(1e-30)) - torch.log(rw.clamp_min(1e-30))[:, None] - torch.log(cw.clamp_min(1e-30))[None]).clamp_min(0)
    P[M == 0] = 0; del M
    torch.manual_seed(a.seed); U, Sg, _ = torch.svd_lowrank(P, q=dim+32, niter=5)
    E = (U[:, :dim]*Sg[:dim].sqrt()).numpy(); E /= np.linalg.norm(E, axis=1, keepdims=True).clip(1e-6)
    return V, E.astype(np.float32)

if a.vectors and Path(a.vectors).exists():
    with np.load(a.vectors) as z: V, E = str(z['words']).split('\n'), z['vectors']
else:
    V, E = word_vectors(a.dim)
    if a.vectors: np.savez(a.vectors, words=np.array('\n'.join(V)), vectors=E)
log('word vectors')
train = labelled((all_annotators if a.all_annotators else load_polnear)(S/'eval/polnear/train'))
cnt_all = collections.Counter(w for d in train for w in d[4])  # all of train's words (texts only): the language model's id maps
if a.holdout is not None:  # (an annotator's file is named after its document: NAME_ANNOTATOR)
    held = set(holdout_names(S/'eval/polnear/train', a.holdout)); train = [d for d in train if d[0] not in held and d[0].rsplit('_', 1)[0] not in held]
log(f'{len(train)} training files')
cnt = collections.Counter(w for d in train for w in d[4]); sV = set(V)
vocab = ['<pad>', '<unk>'] + V + sorted(w for w, c in cnt.items() if c >= 2 and w not in sV); W2I = {w: i for i, w in enumerate(vocab)}
scnt = collections.Counter(w[-3:] for d in train for w in d[4])
suffixes = ['<pad>', '<unk>'] + sorted(s for s, c in scnt.items() if c >= 3); S2I = {s: i for i, s in enumerate(suffixes)}

def lm_id_maps():
    "The language model's vocabulary and suffixes: as the tagger's, from all of train's texts (a superset of any --holdout fold's, so rows transfer by word)."
    sV = set(V); scnt = collections.Counter()
    for w, c in cnt_all.items(): scnt[w[-3:]] += c
    return (['<pad>', '<unk>'] + V + sorted(w for w, c in cnt_all.items() if c >= 2 and w not in sV),
            ['<pad>', '<unk>'] + sorted(x for x, c in scnt.items() if c >= 3))

def pretrain_lm(steps, H, dim, B=64, max_len=60, n_dev=500):
    "Embeddings and a one-layer BiLSTM trained as two language models (forward output at t predicts word t+1, backward output word t-1)."
    lv, ls = lm_id_maps(); LW = {w: i for i, w in enumerate(lv)}; LS = {x: i for i, x in enumerate(ls)}
    TW = {w: i+1 for i, w in enumerate(V)}  # targets: 0 <unk>, then the vector words, most frequent first
    units = []
    for text in unlabelled_texts(S):
        if not text: continue
        toks = tokenize(text); low = [text[s:e].lower() for s, e in toks]; inq = quote_regions(text, toks, low)[0]
        for u in paragraph_units(text, toks, max_len):
            if len(u) < 2: continue
            units.append((np.array([LW.get(low[i], 1) for i in u]), np.array([LS.get(low[i][-3:], 1) for i in u]),
                          np.array([shape_id(low[i], int(text[toks[i][0]].isupper()), inq[i]) for i in u]), np.array([TW.get(low[i], 0) for i in u])))
    torch.manual_seed(a.seed); rnd = random.Random(a.seed); rnd.shuffle(units); dev, units = units[:n_dev], units[n_dev:]
    log(f'language model: {len(units):,} units, {sum(len(u[0]) for u in units):,} tokens; {steps} batches of {B}')
    class LM(nn.Module):
        def __init__(s):
            super().__init__()
            s.ew = nn.Embedding(len(lv), dim, padding_idx=0); s.es = nn.Embedding(len(ls), 24, padding_idx=0); s.eh = nn.Embedding(13, 8, padding_idx=0)
            s.lstm = nn.LSTM(dim+32, H, num_layers=1, bidirectional=True, batch_first=True); s.drop = nn.Dropout(0.1)
            s.fw = nn.AdaptiveLogSoftmaxWithLoss(H, len(V)+1, [2000, 10000], div_value=4.); s.bw = nn.AdaptiveLogSoftmaxWithLoss(H, len(V)+1, [2000, 10000], div_value=4.)
        def forward(s, w, x, h, y, mask, lens):  # (summed negative log-likelihoods forward and backward, number of targets each)
            e = s.drop(torch.cat([s.ew(w), s.es(x), s.eh(h)], -1))
            o, _ = s.lstm(nn.utils.rnn.pack_padded_sequence(e, lens, batch_first=True, enforce_sorted=False))
            o = s.drop(nn.utils.rnn.pad_packed_sequence(o, batch_first=True, total_length=w.shape[1])[0])
            m = (mask[:, 1:] > 0).flatten()  # pairs (t, t+1) inside a unit
            of, ob = o[:, :-1, :H].flatten(0, 1)[m], o[:, 1:, H:].flatten(0, 1)[m]
            yf, yb = y[:, 1:].flatten()[m], y[:, :-1].flatten()[m]
            return s.fw(of, yf).loss*len(yf), s.bw(ob, yb).loss*len(yb), len(yf)
    lm = LM()
    with torch.no_grad(): lm.ew.weight.normal_(0, 0.5); lm.ew.weight[0] = 0; lm.ew.weight[2:2+len(V)] = torch.from_numpy(E)*4.0
    opt = torch.optim.Adam(lm.parameters(), lr=2e-3)
    def batches():
        while True:
            rnd.shuffle(units); order = sorted(units, key=lambda it: len(it[0]) + rnd.random()*10)
            bs = [order[i:i+B] for i in range(0, len(order), B)]; rnd.shuffle(bs); yield from bs
    def dev_ppl():
        lm.eval(); f = b = n = 0.
        with torch.no_grad():
            for i in range(0, len(dev), B):
                w, x, h, y, mask, lens = batch(dev[i:i+B]); lf, lb, k = lm(w, x, h, y, mask, lens); f += lf.item(); b += lb.item(); n += k
        lm.train(); return np.exp(f/n), np.exp(b/n)
    run, t1 = collections.deque(maxlen=200), time.time()
    for step, bt in zip(range(steps), batches()):
        w, x, h, y, mask, lens = batch(bt)
        for g in opt.param_groups: g['lr'] = 2e-3 * min(1., 2*(1 - step/steps))  # constant, then linearly down to 0 over the second half
        lf, lb, k = lm(w, x, h, y, mask, lens); loss = (lf + lb)/(2*k)
        opt.zero_grad(); loss.backward(); nn.utils.clip_grad_norm_(lm.parameters(), 1.); opt.step(); run.append(loss.item())
        if (step+1) % 500 == 0 or step+1 == steps:
            log(f'language model: batch {step+1}/{steps}, loss {np.mean(run):.4f} (last {len(run)}), {(time.time()-t1)/(step+1):.3f}s a batch'
                + (', held-out perplexity forward %.1f, backward %.1f' % dev_ppl() if (step+1) % 2000 == 0 or step+1 == steps else ''))
    sd = {k: v.detach().numpy() for k, v in lm.state_dict().items() if not k.startswith(('fw.', 'bw.'))}
    return dict(sd, vocab=np.array('\n'.join(lv)), suffixes=np.array('\n'.join(ls)))

def load_lm_into(net, lm):
    "Copy a pretrained language model's embeddings (row by word and suffix) and first BiLSTM layer into a tagger `Net`."
    lw = {w: i for i, w in enumerate(str(lm['vocab']).split('\n'))}; lsx = {x: i for i, x in enumerate(str(lm['suffixes']).split('\n'))}
    with torch.no_grad():
        net.ew.weight.copy_(torch.from_numpy(lm['ew.weight'][[lw[w] for w in vocab]]))
        net.es.weight.copy_(torch.from_numpy(lm['es.weight'][[lsx[x] for x in suffixes]]))
        net.eh.weight.copy_(torch.from_numpy(lm['eh.weight']))
        for k in ('weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'):
            for r in ('', '_reverse'): getattr(net.lstm, k+r).copy_(torch.from_numpy(lm['lstm.'+k+r]))

def encode(d):
    name, text, atts, toks, low, caps, inq, lab, units = d
    return [(np.array([W2I.get(low[i], 1) for i in u]), np.array([S2I.get(low[i][-3:], 1) for i in u]),
             np.array([shape_id(low[i], caps[i], inq[i]) for i in u]), np.array([T2I[lab[i]] for i in u])) for u in units]

def pseudo_units():
    "The pseudo-labelled units of --pseudo, encoded as `encode` encodes gold ones (the vocabulary and suffixes are train's still)."
    with np.load(a.pseudo) as z:
        words, caps, inq, tags, lens, udoc = str(z['words']).split('\n'), z['caps'], z['inq'], z['tags'].astype(np.int64), z['lens'], z['unit_doc']
    out, o, rng = [], 0, np.random.default_rng(a.seed)
    for n, k in zip(lens.tolist(), udoc.tolist()):
        if a.pseudo_tokens and o >= a.pseudo_tokens and (not out or k != prev): break
        for s0, s1 in (cut_points(words, tags, o, o+n, rng) if a.pseudo_cut else [(o, o+n)]):
            ws = words[s0:s1]
            out.append((np.array([W2I.get(w, 1) for w in ws]), np.array([S2I.get(w[-3:], 1) for w in ws]),
                        np.array([shape_id(w, int(c), int(q)) for w, c, q in zip(ws, caps[s0:s1], inq[s0:s1])]), tags[s0:s1].astype(np.int64)))
        o += n; prev = k
    return out

ENDS, CLOSE, INSIDE = {'.', '!', '?'}, {'"', "'", '\u201d', '\u2019', ')'}, {i for i, t in enumerate(TAGS) if t.startswith('I-')}
def cut_points(words, tags, o, e, rng):
    ("(start, end) pieces of the unit words[o:e], cut after a sentence's end (. ! ? and a closing quotation mark or bracket after it) "
     "that the next token's tag does not continue, each such end with probability --pseudo-cut.")
    pieces, st = [], o
    for i in range(o, e-1):
        if words[i] in ENDS or (words[i] in CLOSE and i > o and words[i-1] in ENDS):
            if words[i+1] in CLOSE or tags[i+1] in INSIDE: continue
            if rng.random() < a.pseudo_cut: pieces.append((st, i+1)); st = i+1
    return pieces + [(st, e)]

class Net(nn.Module):
    def __init__(s, H, layers, dim):
        super().__init__()
        s.ew = nn.Embedding(len(vocab), dim, padding_idx=0); s.es = nn.Embedding(len(suffixes), 24, padding_idx=0); s.eh = nn.Embedding(13, 8, padding_idx=0)
        s.drop = nn.Dropout(0.3); s.out = nn.Linear(2*H, len(TAGS))
        s.lstm = nn.LSTM(dim+32, H, num_layers=layers, bidirectional=True, batch_first=True, dropout=0.3 if layers > 1 else 0.)
        s.trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS))); s.start = nn.Parameter(torch.zeros(len(TAGS)))
    def emissions(s, w, x, h, lens):
        e = s.drop(torch.cat([s.ew(w), s.es(x), s.eh(h)], -1))
        o, _ = s.lstm(nn.utils.rnn.pack_padded_sequence(e, lens, batch_first=True, enforce_sorted=False))
        return s.out(s.drop(nn.utils.rnn.pad_packed_sequence(o, batch_first=True, total_length=w.shape[1])[0]))
    def nll(s, em, y, mask):  # the CRF's negative log-likelihood, summed over the batch
        sc = s.start[y[:, 0]] + em[:, 0].gather(1, y[:, :1]).squeeze(1); al = s.start + em[:, 0]
        for t in range(1, em.shape[1]):
            m = mask[:, t]
            sc = sc + m*(s.trans[y[:, t-1], y[:, t]] + em[:, t].gather(1, y[:, t:t+1]).squeeze(1))
            al = torch.where(m[:, None] > 0, torch.logsumexp(al[:, :, None] + s.trans[None], 1) + em[:, t], al)
        return (torch.logsumexp(al, 1) - sc).sum()

def batch(items):
    B, L = len(items), max(len(it[0]) for it in items); w, x, h, y = (torch.zeros(B, L, dtype=torch.long) for _ in range(4)); mask = torch.zeros(B, L)
    for i, its in enumerate(items):
        n = len(its[0]); mask[i, :n] = 1
        for z, v in zip((w, x, h, y), its): z[i, :n] = torch.from_numpy(v)
    return w, x, h, y, mask, [len(it[0]) for it in items]

def fit(docs, name):  # (a function: held-out parts of train can be fitted the same way)
    "A network trained on `docs` (seeded afresh: the same documents give the same weights)."
    torch.manual_seed(a.seed); random.seed(a.seed); np.random.seed(a.seed)
    units = [u for d in docs for u in encode(d)]
    if a.pseudo:
        n_gold = len(units); pu = pseudo_units(); units += pu
        log(f'{n_gold:,} gold units ({sum(len(u[0]) for u in units[:n_gold]):,} tokens) + {len(pu):,} pseudo-labelled units ({sum(len(u[0]) for u in pu):,} tokens)')
    net = Net(a.hidden, a.layers, a.dim)
    with torch.no_grad():
        net.ew.weight.normal_(0, 0.5); net.ew.weight[0] = 0; net.ew.weight[2:2+len(V)] = torch.from_numpy(E)*4.0
    if LM is not None: load_lm_into(net, LM)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3); avg, n_avg = None, 0
    for ep in range(a.epochs):
        random.shuffle(units); order = sorted(units, key=lambda it: len(it[0]) + random.random()*10)
        batches = [order[i:i+32] for i in range(0, len(order), 32)]; random.shuffle(batches); tot = 0.
        for b in batches:
            w, x, h, y, mask, lens = batch(b)
            w = torch.where((torch.rand(w.shape) < 0.08) & (w > 1), torch.ones_like(w), w)
            loss = net.nll(net.emissions(w, x, h, lens), y, mask)/mask.sum()
            opt.zero_grad(); loss.backward(); nn.utils.clip_grad_norm_(net.parameters(), 5.); opt.step(); tot += loss.item()
        log(f'{name}: epoch {ep+1}/{a.epochs}, loss {tot/len(batches):.4f}')
        if ep >= a.epochs - a.average:  # the weights kept: the mean of the last epochs' (steadier than any one epoch)
            sd = {k: v.detach().clone() for k, v in net.state_dict().items()}; n_avg += 1
            avg = sd if avg is None else {k: avg[k] + (sd[k] - avg[k])/n_avg for k in avg}
    net.load_state_dict(avg)
    ren = {'ew.weight': 'ew', 'es.weight': 'es', 'eh.weight': 'eh', 'out.weight': 'out_w', 'out.bias': 'out_b'}
    return SpanNet({ren.get(k, k.replace('lstm.', '')): v.detach().numpy() for k, v in net.state_dict().items()}, vocab, suffixes)

LM = None
if a.pretrain_lm:
    if a.lm_cache and Path(a.lm_cache).exists():
        with np.load(a.lm_cache) as z: LM = {k: z[k] for k in z.files}
        log(f'language model read from {a.lm_cache}')
    else:
        LM = pretrain_lm(a.pretrain_lm, a.hidden, a.dim)
        if a.lm_cache: np.savez(a.lm_cache, **LM)
        log('language model pretrained')
sn = fit(train, 'network')
sn.save(a.out); log(f'{a.out} ({Path(a.out).stat().st_size/1e6:.1f} MB)')
if (S/'eval/polnear/dev').exists() and a.holdout is None:  # the network alone (each tagged run one span), for the record
    sn = SpanNet.load(a.out)
    docs = [(text, atts, tag_spans(sn.tag(low, caps, inq, us), toks)) for name, text, atts, toks, low, caps, inq, lab, us in labelled(load_polnear(S/'eval/polnear/dev'))]
    log('PolNeAR dev, the network alone:\n' + score_spans(docs)[['exact_f1', 'overlap_f1']].T.to_string())
