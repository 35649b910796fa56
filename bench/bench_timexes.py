"""Throughput of `newsline.timexes` against `dateparser.search.search_dates` on the same texts, plus a pathological 5 MB string.

Usage (from the repository root):  .venv/bin/python bench/bench_timexes.py [--n 60] [--shared ../shared]
Texts: the seed article body and the first N KCNA items of shared/corpora/kcna_kp_2023-12_2024-11.jsonl (by file order).
Prints characters per second for both tools and the ratio; writes bench/results/timex_bench.json.
Not part of the test suite.
"""
import argparse, json, platform, random, time
from datetime import datetime, timezone
from pathlib import Path

from newsline.timexes import timexes

ROOT = Path(__file__).resolve().parents[1]

def load_texts(shared, n):
    seed = (ROOT / 'data' / 'trt_2025-06-02_n-korea-slams-monitoring-group.txt').read_text(encoding='utf-8')
    body = seed[seed.index('North Korea blasted'):seed.index("owing to Russia's veto.") + len("owing to Russia's veto.")]
    texts = [(body, '2025-06-02')]
    f = Path(shared) / 'corpora' / 'kcna_kp_2023-12_2024-11.jsonl'
    if f.exists():
        with f.open(encoding='utf-8') as fh:
            for line in fh:
                if len(texts) > n: break
                d = json.loads(line)
                if d.get('text'): texts.append((d['text'], d['date'][:10]))
    else: print(f'{f} not found: timing the seed body only')
    return texts

def one_pass(fn, texts):
    t0 = time.perf_counter()
    for t, d in texts: fn(t, d)
    return time.perf_counter() - t0

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--shared', default=str(ROOT.parent / 'shared'))
    ap.add_argument('--n', type=int, default=60, help='number of KCNA items')
    ap.add_argument('--rounds', type=int, default=3, help='interleaved timing rounds')
    ap.add_argument('--out', default=str(ROOT / 'bench' / 'results' / 'timex_bench.json'))
    a = ap.parse_args()
    from dateparser.search import search_dates
    import dateparser
    texts = load_texts(a.shared, a.n)
    chars = sum(len(t) for t, _ in texts)
    print(f'{len(texts)} texts, {chars:,} characters')
    settings = {'PREFER_DATES_FROM': 'past'}
    def dp(t, d):
        return search_dates(t, languages=['en'], settings=dict(settings, RELATIVE_BASE=datetime.fromisoformat(d)))
    ours_fn = lambda t, d: timexes(t, d)
    for t, d in texts[:3]: ours_fn(t, d); dp(t, d)  # warm up (dateparser loads its language data on first use)
    # interleaved rounds, best pass of each: the machine is shared, so the minimum is the least disturbed measurement
    ours_t, theirs_t = [], []
    for _ in range(a.rounds):
        for _ in range(5): ours_t.append(one_pass(ours_fn, texts))
        theirs_t.append(one_pass(dp, texts))
    ours, theirs = chars / min(ours_t), chars / min(theirs_t)
    print(f'newsline.timexes            {ours:14,.0f} chars/s  (best of {len(ours_t)} passes; median {chars / sorted(ours_t)[len(ours_t)//2]:,.0f})')
    print(f'dateparser.search_dates     {theirs:14,.0f} chars/s  (best of {len(theirs_t)} passes; median {chars / sorted(theirs_t)[len(theirs_t)//2]:,.0f})')
    ratio = ours / theirs
    print(f'ratio                       {ratio:14.1f} x  (target >= 50x)')
    # pathological input: 5 MB of near-matches (digits, month-like words, hyphens, 'a', 'the past') with no sentence breaks
    random.seed(0)
    parts = ['May', 'March', '12', '2024', '-', 'the', 'past', 'a', 'second', 'two-', 'Q', '1,000', '10:30', 'p.m', 'last', 'year', 'Juche', '(']
    patho = ' '.join(random.choice(parts) for _ in range(900_000))[:5_000_000]
    patho2 = '1' * 2_500_000 + ' May ' + '-' * 2_499_995
    res_p = []
    for name, s in (('mixed tokens', patho), ('digit/hyphen runs', patho2)):
        t0 = time.perf_counter(); n = len(timexes(s, '2025-06-02')); el = time.perf_counter() - t0
        ok = el < 60
        print(f'pathological {name:18s} {len(s)/1e6:.1f} MB: {el:6.1f} s, {n:,} timexes  ({"ok" if ok else "TOO SLOW"}: bound 60 s)')
        res_p.append(dict(name=name, chars=len(s), seconds=round(el, 2), timexes=n, bound_seconds=60, ok=ok))
    res = dict(when=datetime.now(timezone.utc).isoformat(timespec='seconds'), python=platform.python_version(),
               dateparser=dateparser.__version__, texts=len(texts), chars=chars,
               timexes_chars_per_s=round(ours), dateparser_chars_per_s=round(theirs), ratio=round(ratio, 1),
               method='best pass of interleaved rounds (5 timexes passes and 1 dateparser pass per round)',
               pathological=res_p)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=1) + '\n')
    print(f'wrote {a.out}')

if __name__ == '__main__': main()
