"""PolNeAR and the unlabelled corpora as the span network's bench scripts read them (train_span_net, train_teacher,
distill_pseudo, score_nets). Not part of newsline."""
import csv, gzip, json
from pathlib import Path
import numpy as np
from newsline.polnear import load_polnear, read_brat
from newsline.text_units import tokenize, quote_regions
from newsline.span_net import paragraph_units

def encode_text(text):
    "A text as the span network reads it: (tokens, lowercased words, capitals, quotation indices, paragraph units)."
    toks = tokenize(text); low = [text[s:e].lower() for s, e in toks]
    return toks, low, [int(text[s].isupper()) for s, e in toks], quote_regions(text, toks, low)[0], paragraph_units(text, toks)

def labelled(docs):
    "Per (name, text, attributions): (name, text, gold, tokens, lowercased, capitals, quotation indices, BIO tags, units)."
    out = []
    for name, text, atts in docs:
        toks, low, caps, inq, units = encode_text(text)
        lab = ['O']*len(toks); starts = [s for s, e in toks]
        for att in atts:
            for part, code in (('source', 'S'), ('cue', 'C'), ('content', 'Q')):
                first = True
                for s, e in sorted(att.get(part, [])):
                    for i in range(max(0, np.searchsorted(starts, s, 'right')-1), len(toks)):
                        if toks[i][0] >= e: break
                        if toks[i][1] > s: lab[i] = ('B-' if first else 'I-') + code; first = False
        out.append((name, text, atts, toks, low, caps, inq, lab, units))
    return out

def all_annotators(folder):
    "(name, text, attributions) for every annotator's file of every document in a PolNeAR split folder."
    folder = Path(folder)
    return [(f.stem, (folder/'text'/f"{f.stem.rsplit('_', 1)[0]}.txt").read_text(encoding='utf-8'), read_brat(f.read_text(encoding='utf-8')))
            for f in sorted((folder/'attributions').glob('*.ann'))]

def holdout_names(folder, fold):
    "Every 10th document of a split by sorted name, from the `fold`-th on: the variants' own held-out part of train."
    return [name for k, (name, _, _) in enumerate(load_polnear(folder)) if k % 10 == fold]

def tag_spans(tags, toks):
    "Attributions of one part each from BIO tags, each run B-X I-X ... one span: the network alone, without the pipeline's rules."
    pred = []
    for code, part in (('S', 'source'), ('C', 'cue'), ('Q', 'content')):
        i = 0
        while i < len(tags):
            if tags[i] == 'B-'+code:
                j = i
                while j+1 < len(tags) and tags[j+1] == 'I-'+code: j += 1
                pred.append({part: [(toks[i][0], toks[j][1])]}); i = j+1
            else: i += 1
    return pred

def news_rows(shared):
    "(article_id, text) of the news corpus's rows, read with the csv module."
    csv.field_size_limit(10**9)
    with open(Path(shared)/'corpora/news_articles_2016-2017.csv', encoding='utf-8', errors='replace') as f:
        yield from ((r.get('article_id'), r.get('text') or '') for r in csv.DictReader(f))

def unlabelled_texts(shared):
    "The texts the word vectors and the language model learn from: news, Reuters, KCNA (kcna.kp; kcna.co.jp 2014, 2016) and PolNeAR train."
    S = Path(shared)
    yield from (text for _, text in news_rows(S))
    for name in ('reuters21578.jsonl', 'kcna_kp_2023-12_2024-11.jsonl'):
        with open(S/'corpora'/name, encoding='utf-8') as f: yield from (json.loads(l).get('text') or '' for l in f)
    for y in (2014, 2016):
        with gzip.open(S/f'corpora/kcna_co_jp/kcna_co_jp_{y}.jsonl.gz', 'rt', encoding='utf-8') as f:
            yield from (d.get('text') or '' for d in map(json.loads, f) if d.get('lang_guess') == 'en')
    for p in sorted((S/'eval/polnear/train/text').glob('*.txt')): yield p.read_text(encoding='utf-8')
