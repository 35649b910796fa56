"""Corpus store (newsline.store): ingest throughput, store size, query times, and a re-ingest that adds nothing.

    .venv/bin/python bench/store_bench.py [--corpus ../shared/corpora/kcna_kp_2023-12_2024-11.jsonl] [--workers 1 2] [--batch-size 250]

Ingests the corpus into a fresh store once per `--workers` value, ingests it again (which must add 0 rows), times the
`Corpus` queries (each after one warm-up run; median of 5), and writes bench/results/store_bench.json with the
machine's load average, which matters on a shared machine.
"""
import argparse, json, os, shutil, statistics, tempfile, time, warnings
from pathlib import Path

from newsline.store import Corpus, ingest
from newsline.store_files import TABLES, _files

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--corpus', default=str(ROOT.parent/'shared/corpora/kcna_kp_2023-12_2024-11.jsonl'))
ap.add_argument('--workers', type=int, nargs='+', default=[1, 2])
ap.add_argument('--batch-size', type=int, default=250)
ap.add_argument('--out', default=str(ROOT/'bench/results/store_bench.json'))
a = ap.parse_args()
warnings.simplefilter('ignore')
src = Path(a.corpus)
res = dict(corpus=src.name, source_bytes=src.stat().st_size, batch_size=a.batch_size, cpus=os.cpu_count(), ingest={})
tmp = Path(tempfile.mkdtemp())


def timed(fn, n=5):
    fn()  # warm-up
    ts = []
    for _ in range(n):
        t = time.perf_counter(); out = fn(); ts.append(time.perf_counter() - t)
    return round(statistics.median(ts) * 1000, 1), out


try:
    for w in a.workers:
        store = tmp/f'w{w}.store'
        load = os.getloadavg()[0]
        r = ingest(src, store, batch_size=a.batch_size, workers=w, progress=False)
        res['ingest'][f'workers={w}'] = dict(**r, articles_per_second=round(r['articles'] / r['seconds'], 1), load_before=round(load, 2),
                                             load_after=round(os.getloadavg()[0], 2))
        print(f"ingest, {w} worker(s): {r['articles']:,} articles, {r['statements']:,} statements, {r['timexes']:,} timexes "
              f"in {r['seconds']:.1f} s = {r['articles'] / r['seconds']:.1f} articles/s (load {load:.1f})")
    again = ingest(src, store, batch_size=a.batch_size, workers=1, progress=False)
    res['reingest'] = again
    print(f"re-ingest: {again['articles']} articles, {again['statements']} statements added, {again['skipped']:,} skipped, {again['seconds']:.1f} s")
    assert again['articles'] == again['statements'] == again['timexes'] == 0
    c = Corpus(store)
    sizes = {t: sum((store/f).stat().st_size for f in _files(c.manifest, t)) for t in TABLES}
    res['store_bytes'] = dict(**sizes, total=sum(sizes.values()), files=sum(len(_files(c.manifest, t)) for t in TABLES))
    print(f"store: {sum(sizes.values()) / 1e6:.2f} MB in {res['store_bytes']['files']} files ({', '.join(f'{t} {b / 1e6:.2f} MB' for t, b in sizes.items())}); "
          f"source {res['source_bytes'] / 1e6:.2f} MB")
    top = c.sql('SELECT speaker FROM statements WHERE speaker IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC LIMIT 1').speaker[0]
    queries = {
        'open Corpus': lambda: Corpus(store),
        'articles() all columns': lambda: c.articles(),
        'articles(columns=metadata)': lambda: c.articles(columns=['article_id', 'published', 'title', 'source']),
        'articles(start, end) one month': lambda: c.articles(start='2024-05-01', end='2024-05-31'),
        'statements() all': lambda: c.statements(),
        f'statements(actors=[top speaker])': lambda: c.statements(actors=[top]),
        'statements(kinds, start, end)': lambda: c.statements(kinds=['criticize'], start='2024-01-01', end='2024-06-30'),
        'timexes() all': lambda: c.timexes(),
        "frequency(freq='MS', by='speaker')": lambda: c.frequency(freq='MS', by='speaker'),
        'sql: statements per speaker and kind': lambda: c.sql('SELECT speaker, kind, count(*) AS n FROM statements GROUP BY ALL'),
        'sql: count(*) statements': lambda: c.sql('SELECT count(*) FROM statements'),
        'sql: statements joined to titles, one month': lambda: c.sql(
            "SELECT s.speaker, s.kind, a.title FROM statements s JOIN articles a USING (article_id) WHERE a.year = 2024 AND a.month = 5"),
    }
    res['query_ms'] = {}
    for name, fn in queries.items():
        ms, out = timed(fn)
        res['query_ms'][name] = dict(ms=ms, rows=len(out))
        print(f'{name:45s} {ms:8.1f} ms  ({len(out):,} rows)')
    res['load_end'] = round(os.getloadavg()[0], 2)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
Path(a.out).write_text(json.dumps(res, indent=1) + '\n')
print(f'written to {a.out}')
