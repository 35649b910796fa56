"""Throughput and memory of newsline, stage by stage and as a whole pipeline, with peers on the same texts.

    .venv/bin/python bench/bench_pipeline.py [--skip-c] [--repeat 10000] [--every 14] [--workers 2] [--shared ../shared]

Inputs: (a) the seed article (data/) repeated `--repeat` times as page files (linking, timeline, frequency and the
pipeline on the first `--cap` copies only: linking compares every two reports of one statement), (b) kcna_kp_2023-12_2024-11.jsonl,
(c) all of kcna_co_jp (22 gzipped JSON Lines files; `--skip-c` leaves it out). For each input, in this process on one
core: loading (`iter_articles`), time expressions (`article_timexes`), statements, linking (`link_statements`), the
timeline (`timeline` with events) and the frequency (`statement_frequency`); then the whole pipeline
(`newsline.pipeline.run_pipeline`, load + extraction on `--workers` processes + linking, statements timeline and
frequency) in a fresh subprocess, whose peak memory is the sum of its own and its workers' resident memory.
For (c) loading and the pipeline cover all 138,328 items, and the single-core stages every `--every`-th item.

Peers, on the same texts: dateparser.search_dates (on a sample of each input's texts, throughput per character),
trafilatura.extract against newsline's HTML loading on the article-extraction benchmark pages of shared/eval, and
textacy's quotation extraction (spaCy) when it is installed; and newsline.distributed on a local Dask cluster against
the process pool (throughput per worker, same batches). Prints a table, writes bench/results/bench_pipeline.json.
Not part of the test suite. MB are millions of characters of article text.
"""
import argparse
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / 'data' / 'trt_2025-06-02_n-korea-slams-monitoring-group.txt'


def timed(fn, *args, **kw):
    "(result, wall seconds, CPU seconds of this process, peak RSS in MB of this process and its children)."
    from newsline.pipeline import RSSMonitor
    with RSSMonitor(0.1) as mon:
        t, c = time.perf_counter(), time.process_time()
        r = fn(*args, **kw)
        t, c = time.perf_counter() - t, time.process_time() - c
    return r, t, c, mon.peak / 2**20


def row(inp, stage, n, chars, secs, rss, cores=1, note=''):
    return dict(input=inp, stage=stage, articles=int(n), mchars=round(chars / 1e6, 2), seconds=round(secs, 2),
                articles_per_s=round(n / secs, 1) if secs else None, mb_per_s=round(chars / 1e6 / secs, 3) if secs else None,
                peak_rss_mb=round(rss), cores=cores, note=note)


def load(source, every=None):
    "All articles of `source` (or every `every`-th one), with the count and characters of all of them."
    from newsline.articles import iter_articles
    keep, n, chars = [], 0, 0
    for b in iter_articles(source, batch_size=5000, progress=False):
        chars += int(b['body'].str.len().fillna(0).sum())
        if every: keep.append(b.iloc[[i for i in range(len(b)) if (n + i) % every == 0]])
        else: keep.append(b)
        n += len(b)
    return pd.concat(keep, ignore_index=True), n, chars


def stages(name, source, every=None, cap=None):
    "Time each stage on one core (linking, timeline and frequency on the first `cap` articles); returns the rows and the articles."
    from newsline.frequency import statement_frequency
    from newsline.links import link_statements
    from newsline.statements import statements
    from newsline.timeline import timeline
    from newsline.timexes import article_timexes
    rows = []
    (arts, n, chars), secs, _, rss = timed(load, source, every)
    rows.append(row(name, 'load', n, chars, secs, rss))
    m, mc = len(arts), int(arts['body'].str.len().fillna(0).sum())
    note = f'every {every}th item' if every else ''
    tx, secs, _, rss = timed(article_timexes, arts); rows.append(row(name, 'timexes', m, mc, secs, rss, note=note))
    st, secs, _, rss = timed(statements, arts); rows.append(row(name, 'statements', m, mc, secs, rss, note=note))
    if cap and cap < m:  # linking compares every two reports of a statement: 10,000 copies of one article take hours
        arts, st, tx = arts.iloc[:cap], st[st['article_id'].isin(set(arts['article_id'].iloc[:cap]))], tx[tx['article_id'].isin(set(arts['article_id'].iloc[:cap]))]
        m, mc, note = cap, int(arts['body'].str.len().fillna(0).sum()), f'first {cap:,} articles (linking is quadratic in the reports of one statement)'
    ln, secs, _, rss = timed(link_statements, st, arts)
    rows.append(row(name, 'link', m, mc, secs, rss, note=f'{len(st):,} statements' + (f', {note}' if note else '')))
    try:
        tl, secs, _, rss = timed(timeline, arts, statements=ln, timexes=tx)
        rows.append(row(name, 'timeline', m, mc, secs, rss, note=f'{len(tl):,} rows, with events' + (f', {note}' if note else '')))
    except Exception as e: rows.append(row(name, 'timeline', m, mc, 0, 0, note=f'failed: {type(e).__name__}: {e}'))
    fq, secs, _, rss = timed(statement_frequency, ln, 'M', articles=arts, top=25)
    rows.append(row(name, 'frequency', m, mc, secs, rss, note=f'{len(fq):,} rows' + (f', {note}' if note else '')))
    return rows, arts


def pipeline(name, source, workers, every_note=''):
    "Run the whole pipeline in a fresh process (so its memory is its own) and read its figures."
    src = [str(s) for s in (source if isinstance(source, list) else [source])]
    out = subprocess.run([sys.executable, __file__, '--workers', str(workers), '--pipeline-only', *src],
                         capture_output=True, text=True, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    return row(name, 'pipeline', r['articles'], r['chars'], r['seconds'], r['peak_rss_mb'], cores=workers,
               note=f"{r['statements']:,} statements, {r['timexes']:,} timexes, {r['timeline']:,} timeline rows; "
                    f"extract {r['extract_seconds']}s, link+timeline {r['link_timeline_seconds']}s"), r


def run_pipeline_only(sources, workers):
    from newsline.pipeline import run_pipeline
    warnings.simplefilter('ignore')
    t = time.perf_counter()
    res = run_pipeline(sources if len(sources) > 1 else sources[0], workers=workers, progress=sys.stderr.isatty())
    secs = time.perf_counter() - t
    a = res['articles']
    print(json.dumps(dict(a.attrs['pipeline'], seconds=round(secs, 2), chars=int(a['n_chars'].sum()), timeline=len(res['timeline']),
                          frequency=len(res['frequency']), errors=int(a['error'].notna().sum()))))


def dask_vs_local(source, workers, batch_size):
    "Throughput per worker of newsline.distributed.extract on a local Dask cluster and of the process pool, same batches."
    try: import distributed
    except ImportError: return dict(note='skipped: dask is not installed (pip install "newsline[dask]")')
    from newsline.articles import load_articles
    from newsline.distributed import extract
    from newsline.pipeline import extract_batch, iter_batches
    warm = lambda: extract_batch(load_articles(ROOT / 'data')) is not None
    warm()  # the forked pool workers inherit the loaded tagger and tables
    t = time.perf_counter(); n = sum(len(r['articles']) for r in iter_batches(source, batch_size, workers, progress=False))
    local = time.perf_counter() - t
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host='127.0.0.1', dashboard_address=None) as c, \
         distributed.Client(c) as client:
        client.run(warm)
        t = time.perf_counter(); m = len(extract(source, client, batch_size=batch_size)['articles']); secs = time.perf_counter() - t
    return dict(source=str(source), articles=n, batch_size=batch_size, workers=workers,
                local_articles_per_s_per_worker=round(n / local / workers, 1), dask_articles_per_s_per_worker=round(m / secs / workers, 1),
                ratio=round(local / secs, 2), note='the same batches; both warm; dask LocalCluster of worker processes, one thread each')


def dateparser_peer(name, arts, k=40, rounds=3):
    "dateparser.search_dates and newsline's timexes on the same `k` texts (spread over the input): characters per second."
    from dateparser.search import search_dates
    from newsline.timexes import timexes
    pick = arts.iloc[[round(i * (len(arts) - 1) / max(k - 1, 1)) for i in range(min(k, len(arts)))]]
    pick = pick[pick['body'].notna() & pick['published'].notna()]
    texts = [(b, p.to_pydatetime().replace(tzinfo=None)) for b, p in zip(pick['body'], pick['published'])]
    chars = sum(len(b) for b, _ in texts)
    for b, d in texts[:2]: search_dates(b, languages=['en'], settings={'RELATIVE_BASE': d}); timexes(b, d)  # warm up both
    def one_pass(fn):
        t = time.perf_counter()
        for b, d in texts: fn(b, d)
        return time.perf_counter() - t
    ours, theirs = [], []
    for _ in range(rounds):  # whole passes, tools alternating; each keeps its best (least disturbed) pass
        ours.append(one_pass(timexes))
        theirs.append(one_pass(lambda b, d: search_dates(b, languages=['en'], settings={'RELATIVE_BASE': d, 'PREFER_DATES_FROM': 'past'})))
    ours, theirs = min(ours), min(theirs)
    return dict(input=name, texts=len(texts), chars=chars, timexes_chars_per_s=round(chars / ours),
                dateparser_chars_per_s=round(chars / theirs), ratio=round(theirs / ours, 1), rounds=rounds,
                method="dateparser.search_dates(text, languages=['en'], RELATIVE_BASE=published, PREFER_DATES_FROM=past) "
                       "against newsline.timexes(text, published); whole passes alternating, best pass of each kept")


def html_peer(shared):
    "newsline's HTML loading (trafilatura + htmldate + cleaning) against bare trafilatura.extract on the same pages."
    import logging
    import trafilatura
    from newsline.articles import iter_articles
    d = Path(shared) / 'eval' / 'article_extraction' / 'html'
    if not d.exists(): return dict(note=f'{d} not found: skipped')
    logging.disable(logging.WARNING)
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(d.glob('*.html.gz'))]
    mb = sum(len(p) for p in pages) / 1e6
    t = time.perf_counter(); n = sum(len(b) for b in iter_articles(d, progress=False)); ours = time.perf_counter() - t
    t = time.perf_counter()
    for p in pages: trafilatura.extract(p, include_comments=False)
    theirs = time.perf_counter() - t
    return dict(pages=len(pages), html_mb=round(mb, 2), newsline_pages_per_s=round(n / ours, 1), newsline_html_mb_per_s=round(mb / ours, 3),
                trafilatura_pages_per_s=round(len(pages) / theirs, 1), trafilatura_html_mb_per_s=round(mb / theirs, 3),
                ratio=round(theirs / ours, 2), note='newsline = iter_articles on the .html.gz files (reading, gunzip, trafilatura, '
                                                   'htmldate, cleaning); trafilatura = trafilatura.extract on the decompressed HTML')


def quotes_peer(arts):
    "textacy's direct-quotation extraction, when textacy and an English spaCy model are installed."
    try:
        import spacy
        import textacy.extract
        nlp = spacy.load('en_core_web_sm')
    except Exception as e:
        return dict(note=f'skipped: textacy/spaCy not available ({type(e).__name__}: {e}); not installed by newsline, '
                         'and spaCy models are downloads')
    from newsline.statements import statements
    sample = arts.head(200)
    chars = int(sample['body'].str.len().sum())
    t = time.perf_counter(); statements(sample); ours = time.perf_counter() - t
    t = time.perf_counter()
    for doc in nlp.pipe(sample['body'].fillna('')): list(textacy.extract.triples.direct_quotations(doc))
    theirs = time.perf_counter() - t
    return dict(articles=len(sample), chars=chars, statements_chars_per_s=round(chars / ours),
                textacy_chars_per_s=round(chars / theirs), ratio=round(theirs / ours, 1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--shared', default=str(ROOT.parent / 'shared'))
    ap.add_argument('--repeat', type=int, default=10_000, help='copies of the seed article in input (a)')
    ap.add_argument('--every', type=int, default=14, help='(c): the single-core stages run on every n-th item')
    ap.add_argument('--cap', type=int, default=1000, help='(a): linking, timeline, frequency and the pipeline on this many copies')
    ap.add_argument('--workers', type=int, default=os.cpu_count(), help='processes of the whole pipeline')
    ap.add_argument('--skip-c', action='store_true', help='leave out (c), all of kcna_co_jp')
    ap.add_argument('--only', choices=['a', 'b', 'c'], action='append', help='run only these inputs')
    ap.add_argument('--out', default=str(ROOT / 'bench' / 'results' / 'bench_pipeline.json'))
    ap.add_argument('--pipeline-only', nargs='*', help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.pipeline_only is not None: return run_pipeline_only(a.pipeline_only, a.workers)
    warnings.simplefilter('ignore')
    shared = Path(a.shared)
    started = time.time()
    res = dict(when=datetime.now(timezone.utc).isoformat(timespec='seconds'), python=platform.python_version(),
               pandas=pd.__version__, cpus=os.cpu_count(), load_before=os.getloadavg(), workers=a.workers, rows=[], peers={})
    tmp = Path(tempfile.mkdtemp(prefix='bench_pipeline_'))
    try:
        inputs = []
        if not a.only or 'a' in a.only:
            seed_dir = tmp / 'seed'; seed_dir.mkdir()
            for i in range(a.repeat): shutil.copyfile(SEED, seed_dir / f'trt_2025-06-02_copy{i:05d}.txt')
            inputs.append(('a', f'(a) seed x {a.repeat:,}', seed_dir, None))
            small = tmp / 'seed_small'; small.mkdir()  # the pipeline's linking step on 10,000 copies would take hours
            for i in range(min(a.repeat, a.cap)): shutil.copyfile(SEED, small / f'trt_2025-06-02_copy{i:05d}.txt')
        kp = shared / 'corpora' / 'kcna_kp_2023-12_2024-11.jsonl'
        if (not a.only or 'b' in a.only) and kp.exists(): inputs.append(('b', '(b) kcna_kp', kp, None))
        co = shared / 'corpora' / 'kcna_co_jp'
        if (not a.only or 'c' in a.only) and not a.skip_c and co.exists(): inputs.append(('c', '(c) kcna_co_jp', co, a.every))
        for key, name, source, every in inputs:
            print(f'{name}: stages on one core ...', flush=True)
            rows, arts = stages(name, source, every, a.cap if key == 'a' else None)
            res['rows'] += rows
            res['peers'].setdefault('dateparser', []).append(dateparser_peer(name, arts))
            if key == 'b': res['peers']['textacy_quotations'] = quotes_peer(arts)
            del arts
            print(f'{name}: whole pipeline on {a.workers} processes ...', flush=True)
            r, raw = pipeline(name, small if key == 'a' and a.repeat > a.cap else source, a.workers)
            if key == 'a' and a.repeat > a.cap: r['note'] = f'first {a.cap:,} copies; ' + r['note']
            res['rows'].append(r)
            res.setdefault('pipeline_raw', {})[name] = raw
            (Path(tempfile.gettempdir()) / 'bench_pipeline.partial.json').write_text(json.dumps(res, indent=1, default=str))
        res['peers']['html_loading'] = html_peer(shared)
        year = shared / 'corpora' / 'kcna_co_jp' / 'kcna_co_jp_2010.jsonl.gz'
        print('dask against the process pool ...', flush=True)
        res['peers']['dask_vs_local'] = dask_vs_local(year if not a.skip_c and year.exists() else kp, a.workers,
                                                      500 if not a.skip_c and year.exists() else 133)
    finally: shutil.rmtree(tmp, ignore_errors=True)
    res['load_after'] = os.getloadavg()
    res['bench_seconds'] = round(time.time() - started)
    report(res)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=1, default=str))
    print(f'written to {a.out}')


def report(res):
    df = pd.DataFrame(res['rows'])
    with pd.option_context('display.width', 250, 'display.max_columns', 20, 'display.max_colwidth', 80):
        print(df.to_string(index=False))
    print()
    for p in res['peers'].get('dateparser', []):
        print(f"timexes vs dateparser.search_dates, {p['input']}: {p['timexes_chars_per_s']:,} vs {p['dateparser_chars_per_s']:,} chars/s "
              f"on {p['texts']} texts: {p['ratio']}x (target 50x)")
    h = res['peers'].get('html_loading', {})
    if 'ratio' in h:
        print(f"HTML loading: newsline {h['newsline_pages_per_s']} pages/s ({h['newsline_html_mb_per_s']} MB HTML/s), trafilatura.extract "
              f"{h['trafilatura_pages_per_s']} pages/s: newsline at {h['ratio']}x trafilatura's speed")
    else: print(f"HTML loading: {h.get('note')}")
    d = res['peers'].get('dask_vs_local', {})
    if 'ratio' in d:
        print(f"dask per worker: {d['dask_articles_per_s_per_worker']} articles/s against {d['local_articles_per_s_per_worker']} for the process pool "
              f"({d['ratio']}x; target at least 0.8x) on {Path(d['source']).name}")
    elif d: print(f"dask: {d.get('note')}")
    q = res['peers'].get('textacy_quotations')
    if q: print(f"quotations: {q.get('note') or str(q.get('ratio')) + 'x the speed of textacy'}")
    st = df[df.stage == 'statements']
    for r in st.itertuples(): print(f'statements {r.input}: {r.mb_per_s * 1e6:,.0f} chars/s on one core (target 200,000)')
    pl = df[(df.stage == 'pipeline') & df.input.str.startswith('(c)')]
    for r in pl.itertuples():
        print(f'whole pipeline on kcna_co_jp: {r.seconds:,.0f} s for {r.articles:,} items on {r.cores} processes (target < 600 s), '
              f'peak RSS {r.peak_rss_mb:,} MB (target < 1,536 MB)')
    print(f"load average before {tuple(round(x, 2) for x in res['load_before'])}, after {tuple(round(x, 2) for x in res['load_after'])}")


if __name__ == '__main__':
    main()
