"""Throughput of newsline.statements (characters per second, one core).

    .venv/bin/python bench/bench_statements.py [--kcna ../shared/corpora/kcna_kp_2023-12_2024-11.jsonl] [--polnear ../shared/eval/polnear/dev] [--passes 3]

Times `statements` on the KCNA articles (as an articles frame) and `attributions` on PolNeAR dev texts (best of --passes whole passes), after one warm-up call,
with the default perceptron cues and with the span network's (`cues='network'`, `span_tagger`), and writes
bench/results/bench_statements.json. Run it with OMP_NUM_THREADS=1 for one core (NumPy's BLAS would otherwise use both).
"""
import argparse, json, time, warnings
from pathlib import Path
import pandas as pd
from newsline.statements import statements
from newsline.attribution import attributions
from newsline.cue_tagger import span_tagger, cue_tagger

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--kcna', default=str(ROOT.parent/'shared/corpora/kcna_kp_2023-12_2024-11.jsonl'))
ap.add_argument('--polnear', default=str(ROOT.parent/'shared/eval/polnear/dev'))
ap.add_argument('--passes', type=int, default=3, help='timed passes over the PolNeAR texts per cue finder (the best is kept)')
a = ap.parse_args()
warnings.simplefilter('ignore')
res = {}
statements('Officials said on Monday that talks had failed.', pd.Timestamp('2025-01-01'))  # warm-up: loads the tagger
if Path(a.kcna).exists():
    k = pd.read_json(a.kcna, lines=True)
    arts = pd.DataFrame({'article_id': [f'kcna{i}' for i in range(len(k))], 'title': k.title, 'body': k.text,
                         'published': pd.to_datetime(k.date).dt.tz_localize('UTC'), 'dateline_date': pd.NaT,
                         'source': 'kcna.kp', 'url': k.url})
    n = int(arts.body.str.len().sum())
    for cues, key in (('perceptron', 'statements_kcna'), ('network', 'statements_kcna_network')):
        if cues == 'network' and span_tagger() is None: continue
        statements(arts.iloc[:1], cues=cues); t = time.perf_counter(); st = statements(arts, cues=cues); dt = time.perf_counter() - t
        res[key] = dict(chars=n, seconds=round(dt, 2), chars_per_second=round(n/dt), statements=len(st))
        print(f"statements on KCNA kcna.kp ({cues} cues): {n:,} chars, {len(st):,} statements, {dt:.1f}s, {n/dt:,.0f} chars/s")
if Path(a.polnear).exists():
    texts = [p.read_text(encoding='utf-8') for p in sorted((Path(a.polnear)/'text').glob('*.txt'))]
    n = sum(map(len, texts))
    for tagger, key in ((cue_tagger(), 'attributions_polnear_dev'), (span_tagger(), 'attributions_polnear_dev_network')):  # (the network: attributions' default)
        if key.endswith('network') and tagger is None: continue
        passes = []  # whole passes over the texts; the best is kept (the machine is shared: the least disturbed pass), the median shown
        for _ in range(a.passes):
            t = time.perf_counter(); m = sum(len(attributions(x, tagger=tagger)) for x in texts); passes.append(time.perf_counter() - t)
        dt, med = min(passes), sorted(passes)[len(passes)//2]
        res[key] = dict(chars=n, seconds=round(dt, 2), chars_per_second=round(n/dt), median_chars_per_second=round(n/med), passes=a.passes, attributions=m)
        print(f"attributions on PolNeAR dev ({'network' if key.endswith('network') else 'perceptron'} cues): {n:,} chars, {m:,} attributions, "
              f"best of {a.passes} passes {dt:.1f}s, {n/dt:,.0f} chars/s (median {n/med:,.0f})")
big = 'the people rose up in anger and the campaign went on ' * 40000  # 2 MB, no punctuation
for cues, key in (('perceptron', 'no_punctuation_2mb'), ('network', 'no_punctuation_2mb_network')):
    if cues == 'network' and span_tagger() is None: continue
    t = time.perf_counter(); statements(big, cues=cues); dt = time.perf_counter() - t
    res[key] = dict(chars=len(big), seconds=round(dt, 2), chars_per_second=round(len(big)/dt))
    print(f"2 MB without punctuation ({cues} cues): {dt:.1f}s, {len(big)/dt:,.0f} chars/s")
(ROOT/'bench/results').mkdir(parents=True, exist_ok=True)
(ROOT/'bench/results/bench_statements.json').write_text(json.dumps(res, indent=1))
