"""Time `link_statements`, `statement_frequency` and `timeline` on 100,000 synthetic statements (issue: seconds, not minutes).

Run: .venv/bin/python bench/bench_timeline.py [N]
The statements are generated (no corpus needed): 40 speakers, 9 kinds, 20 years of days, contents drawn from a
vocabulary so that a fifth of the rows are re-reports of another row (same speaker, day and words, other article).
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from newsline.frequency import statement_frequency
from newsline.links import link_statements
from newsline.timeline import timeline


def synthetic(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    words = np.array([f'w{i}' for i in range(3000)])
    base = int(n * 0.8)
    speakers = np.array([f'Speaker {i}' for i in range(40)])
    kinds = np.array(['say', 'deny', 'appeal', 'intend', 'praise', 'demand', 'criticize', 'reject', 'threaten'])
    days = pd.Timestamp('1997-01-01') + pd.to_timedelta(rng.integers(0, 365 * 20, base), unit='D')
    content = [' '.join(rng.choice(words, 12)) for _ in range(base)]
    st = pd.DataFrame({'article_id': [f'a{i // 3}' for i in range(base)], 'sentence': np.arange(base) % 3,
                       'speaker': rng.choice(speakers, base), 'actor_country': 'PRK', 'actor_type': 'ministry',
                       'kind': rng.choice(kinds, base), 'content': content, 'target': None, 'date': days, 'date_granularity': 'day',
                       'cue_start': pd.NA, 'source_start': pd.NA})
    rep = st.sample(n - base, random_state=seed, replace=True).copy()
    rep['article_id'] = [f'r{i}' for i in range(len(rep))]
    st = pd.concat([st, rep], ignore_index=True).astype({'sentence': 'Int64', 'date': 'datetime64[ns]'})
    arts = pd.DataFrame({'article_id': pd.unique(st['article_id'])})
    arts['published'] = pd.Timestamp('2000-01-01', tz='UTC')
    arts['source'], arts['url'], arts['duplicate_of'], arts['body'] = 'KCNA', None, None, None
    return st, arts


def main(n: int = 100_000):
    st, arts = synthetic(n)
    res = {'statements': n}
    t = time.perf_counter(); linked = link_statements(st, arts); res['link_statements_s'] = time.perf_counter() - t
    res['distinct_statements'] = int(linked.statement_id.nunique())
    t = time.perf_counter(); f = statement_frequency(linked, freq='MS', by=['speaker', 'kind']); res['frequency_s'] = time.perf_counter() - t
    res['frequency_rows'] = len(f)
    t = time.perf_counter(); tl = timeline(arts, statements=linked, events=False); res['timeline_s'] = time.perf_counter() - t
    res['timeline_rows'] = len(tl)
    for k, v in res.items(): print(f'{k:>22}: {v:,.2f}' if isinstance(v, float) else f'{k:>22}: {v:,}')
    out = Path(__file__).parent / 'results' / 'bench_timeline.json'
    out.write_text(json.dumps(res, indent=1))
    print('written', out)


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
