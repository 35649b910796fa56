"""Duplicate marking on the shared corpora (skipped when ../shared is absent).

The kcna_kp and news_articles checks are fast and always run with the suite. The whole kcna.co.jp archive
(138,328 items) is a benchmark: it runs only with NEWSLINE_BENCH=1, prints time, peak RSS, counts and a sample of
near-duplicate pairs to read, e.g.
    NEWSLINE_BENCH=1 .venv/bin/pytest tests/test_dedupe_corpora.py -s -k full
"""
import os
import resource
import time

import numpy as np
import pandas as pd
import pytest

from newsline.dedupe import DuplicateIndex, mark_duplicates


def _frame(article_id, title, body, date, url, source):
    return pd.DataFrame({'article_id': pd.array(article_id, dtype='string'), 'title': pd.array(title, dtype='string'),
                         'body': pd.array(body, dtype='string'),
                         'published': pd.to_datetime(pd.Series(date), utc=True, errors='coerce', format='mixed'),
                         'source': source, 'url': pd.array(url, dtype='string')})


def _unique_ids(urls):
    urls = pd.Series(urls)
    return urls.where(~urls.duplicated(), urls + '#row' + pd.Series(range(len(urls))).astype(str)).tolist()


def kcna_frame(path):
    raw = pd.read_json(path, lines=True, dtype=False, compression='infer')
    return _frame(_unique_ids(raw.url), raw.title, raw.text, raw.date, raw.url, 'KCNA')


def check_marked(df, out, max_near_share):
    "Properties every marking must have, whatever the corpus."
    assert len(out) == len(df) and out.index.equals(df.index)                      # no row dropped or moved
    pd.testing.assert_frame_equal(out.drop(columns=['duplicate_of', 'duplicate_kind']), df)
    assert out.duplicate_of.dtype == 'string' and out.duplicate_kind.dtype == 'string'
    assert (out.duplicate_of.isna() == out.duplicate_kind.isna()).all()
    assert set(out.duplicate_kind.dropna()) <= {'exact', 'near'}
    originals = out.article_id[out.duplicate_of.isna()]
    assert out.duplicate_of.dropna().isin(originals).all()                         # duplicates point at originals
    pos = pd.Series(np.arange(len(out)), index=out.article_id)
    d = out[out.duplicate_of.notna()]
    assert (pos[d.duplicate_of].to_numpy() < pos[d.article_id].to_numpy()).all()   # ... which come earlier
    near = (out.duplicate_kind == 'near').sum()
    assert near <= max_near_share * len(out), f'{near} near duplicates in {len(out)} rows'
    return out.duplicate_kind.value_counts().to_dict()


def test_kcna_kp(shared):
    df = kcna_frame(shared/'corpora'/'kcna_kp_2023-12_2024-11.jsonl')
    before = df.copy()
    out = mark_duplicates(df)
    pd.testing.assert_frame_equal(df, before)                                      # input not mutated
    print(check_marked(df, out, max_near_share=0.02))
    ix = DuplicateIndex()                                                          # batches give the same answer
    pd.testing.assert_frame_equal(pd.concat([ix.add(df.iloc[a:a+250]) for a in range(0, len(df), 250)]), out)
    loose = mark_duplicates(df, threshold=0.5, days=30)                            # looser settings find at least as much
    assert loose.duplicate_of.notna().sum() >= out.duplicate_of.notna().sum()


def test_news_articles(shared):
    raw = pd.read_csv(shared/'corpora'/'news_articles_2016-2017.csv', dtype=str, keep_default_na=False)
    df = _frame(raw.article_id, raw.title, raw.text, raw.publish_date, raw.article_source_link,
                raw.article_source_link.str.extract(r'https?://(?:www\.)?([^/]+)')[0])
    print(check_marked(df, mark_duplicates(df), max_near_share=0.02))


@pytest.mark.skipif(os.environ.get('NEWSLINE_BENCH') != '1', reason='benchmark over 138,328 items: set NEWSLINE_BENCH=1')
def test_kcna_co_jp_full(shared):
    files = sorted((shared/'corpora'/'kcna_co_jp').glob('*.jsonl.gz'))
    df = pd.concat([kcna_frame(f) for f in files], ignore_index=True)
    df['article_id'] = _unique_ids(df.article_id)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t, c = time.time(), time.process_time()
    out = mark_duplicates(df)
    secs, cpu = time.time() - t, time.process_time() - c
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = check_marked(df, out, max_near_share=0.02)
    print(f'\n{len(df)} items, {df.body.str.len().sum()/1e6:.0f} M characters: {secs:.1f} s wall, {cpu:.1f} s CPU, '
          f'peak RSS {rss:.0f} MB ({rss0:.0f} MB before marking); {counts}')
    assert secs < 120
    pos = pd.Series(np.arange(len(df)), index=df.article_id)
    near = out[out.duplicate_kind == 'near']
    for _, r in near.sample(min(20, len(near)), random_state=0).iterrows():
        o = df.iloc[pos[r.duplicate_of]]
        print(f'- {r.published:%Y-%m-%d} {r.title[:60]!r}: {" ".join(str(r.body).split()[:14])}')
        print(f'  {o.published:%Y-%m-%d} {o.title[:60]!r}: {" ".join(str(o.body).split()[:14])}')
