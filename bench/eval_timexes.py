"""Score `newsline.timexes` as TempEval-3 Task A on TimeBank, AQUAINT (train / dev parts) and MEANTIME (dev).

Usage (from the repository root):  .venv/bin/python bench/eval_timexes.py [--shared ../shared]
Prints one row per corpus and split and writes bench/results/timex_eval.json.
The dev part (every MEANTIME document, every 5th TimeBank/AQUAINT file by sorted name) was not read while writing rules.
"""
import argparse, json, platform, time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from newsline.timexes import timexes
from newsline.timex_eval import evaluate_all

ROOT = Path(__file__).resolve().parents[1]

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--shared', default=str(ROOT.parent / 'shared'), help='the shared data folder')
    ap.add_argument('--out', default=str(ROOT / 'bench' / 'results' / 'timex_eval.json'))
    a = ap.parse_args()
    shared = Path(a.shared)
    if not (shared / 'eval' / 'tempeval3').exists(): raise SystemExit(f'no evaluation data under {shared}/eval')
    t = time.perf_counter()
    df = evaluate_all(timexes, shared)
    cols = ['corpus', 'split', 'docs', 'gold', 'pred', 'relaxed_p', 'relaxed_r', 'relaxed_f1', 'strict_f1', 'value_f1', 'type_acc']
    with pd.option_context('display.width', 200, 'display.float_format', '{:.1f}'.format):
        print(df[cols].to_string(index=False))
    print('references (value F1): HeidelTime TimeBank 79.24, AQUAINT 72.95; TE3-Platinum HeidelTime 77.61')
    res = dict(when=datetime.now(timezone.utc).isoformat(timespec='seconds'), python=platform.python_version(),
               seconds=round(time.perf_counter() - t, 2),
               split='dev = all MEANTIME + every 5th TimeBank/AQUAINT file by sorted name; train = the rest',
               scoring='TempEval-3 Task A: relaxed = one-to-one overlap, strict = identical span, value F1 = 2*relaxed-with-equal-value/(pred+gold); DCT excluded; MEANTIME: annotated sentences 0-5 only',
               rows=json.loads(df[cols + ['seconds']].round(2).to_json(orient='records')))
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=1) + '\n')
    print(f'wrote {a.out}')

if __name__ == '__main__': main()
