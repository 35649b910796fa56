"""The corpus store (`newsline.store`): idempotent ingest, an ingest killed with SIGKILL and resumed, extractor versions.

The kill tests run `ingest` in a child process, kill it (and its process group) with SIGKILL once a few batches are
committed, check that the store reads with exactly the committed batches, rerun the ingest and compare with a clean
single ingest: same articles, statements and time expressions, no duplicate article ids."""
import json
import os
import signal
import subprocess
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from newsline.articles import DATA_DIR
from newsline.store import Corpus, ingest
from newsline.store_files import (_EXTRACTOR_MODULES, _LOADER_MODULES, STORE_FILE, StoreVersionError, StoreVersionWarning,
                                  _code_hash, _code_snapshot, _live)

KCNA = 'corpora/kcna_kp_2023-12_2024-11.jsonl'


@contextmanager
def _same_code():
    "Skip (not fail) when newsline's code on disk is not the code this process runs: another process exported notebooks."
    try: yield
    except (AssertionError, StoreVersionError):
        disk = dict(code=_code_hash(_EXTRACTOR_MODULES, ('cue_tagger.json',)), loader=_code_hash(_LOADER_MODULES))
        if disk != _code_snapshot(): pytest.skip('newsline code on disk changed while the test ran (notebooks exported meanwhile); rerun it')
        raise


def _committed(store: Path) -> int:
    try: return len(json.loads((store / STORE_FILE).read_text())['batches'])
    except (FileNotFoundError, ValueError): return 0  # not made yet


def _start(src, store, batch_size):
    code = (f'from newsline.store import ingest; '
            f'ingest({str(src)!r}, {str(store)!r}, batch_size={batch_size}, workers=1, progress=False)')
    return subprocess.Popen([sys.executable, '-c', code], start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env={**os.environ, 'NEWSLINE_QUIET': '1'})


def _kill_after(proc, store, batches, timeout=600):
    "SIGKILL the ingest's process group once `batches` batches are committed; the number committed at the kill."
    end = time.time() + timeout
    while _committed(store) < batches:
        if proc.poll() is not None:
            pytest.fail(f'the ingest ended (status {proc.returncode}) before {batches} batches were committed: {proc.stderr.read()[-2000:]!r}')
        if time.time() > end: os.killpg(proc.pid, signal.SIGKILL); pytest.fail('no batch committed in time')
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return _committed(store)


def _same_store(a: Corpus, b: Corpus):
    "Two stores hold the same rows (batch boundaries aside)."
    ia, ib = a.articles(columns=['article_id', 'published', 'title']), b.articles(columns=['article_id', 'published', 'title'])
    assert ia.article_id.is_unique and ib.article_id.is_unique
    only_a, only_b = set(ia.article_id) - set(ib.article_id), set(ib.article_id) - set(ia.article_id)
    assert not only_a and not only_b, f'articles only in one store: {ia[ia.article_id.isin(only_a)].to_dict("records")[:3]} / {ib[ib.article_id.isin(only_b)].to_dict("records")[:3]}'
    pd.testing.assert_frame_equal(ia, ib)
    pd.testing.assert_frame_equal(a.statements(), b.statements())
    pd.testing.assert_frame_equal(a.timexes(), b.timexes())
    for t in ('articles', 'statements', 'timexes'): assert a.info[t] == b.info[t]


def _kill_and_resume(src, tmp_path, batch_size, n_articles, kill_at=3, clean_kw=None):
    store = tmp_path / 'killed.store'
    proc = _start(src, store, batch_size)
    done = _kill_after(proc, store, kill_at)
    # the store reads: exactly the committed batches, no half batch, no duplicate
    c = Corpus(store)
    n = len(c)
    assert 0 < n < n_articles and n == c.info['articles'] and len(c.batches()) == done
    ids = c.articles(columns='article_id').article_id
    assert len(ids) == n and ids.is_unique
    assert c.sql('SELECT count(*) AS n FROM statements').n[0] == c.info['statements']
    assert set(c.statements(columns='article_id').article_id) <= set(ids)
    # the rerun completes it and removes what the killed run left behind
    r = ingest(src, store, batch_size=batch_size, workers=1, progress=False)
    assert r['skipped'] == n and r['articles'] == n_articles - n
    on_disk = {p.relative_to(store).as_posix() for p in store.rglob('*') if p.is_file() and p.parent != store}
    assert on_disk == _live(store), 'files left that no manifest lists'
    assert len(c) == n_articles                                  # the open Corpus follows the manifest
    # same as a clean single ingest (with other batches, and worker processes)
    clean = tmp_path / 'clean.store'
    rc = ingest(src, clean, progress=False, **(clean_kw or dict(workers=1)))
    assert rc['articles'] == n_articles
    _same_store(Corpus(store), Corpus(clean))
    # and ingesting again adds nothing
    again = ingest(src, store, batch_size=batch_size, workers=1, progress=False)
    assert (again['articles'], again['batches'], again['skipped']) == (0, 0, n_articles)
    return r, rc


def _made_up(path: Path, n: int) -> Path:
    "A JSON Lines file of `n` (at most 360) short made-up news items in date order, 30 a month (no corpus text)."
    with path.open('w') as f:
        for i in range(n):
            f.write(json.dumps(dict(title=f'Spokesman slams drill number {i}', date=f'2024-{1 + i // 30:02d}-{1 + i % 28:02d}',
                                    url=f'https://example.org/{i}',
                                    text=f'Pyongyang, March 3 (KCNA) -- The spokesman said on Monday that drill {i} was a provocation. '
                                         f'The ministry warned that it would respond next week.')) + '\n')
    return path


def test_seed_ingest_is_idempotent(tmp_path):
    store = tmp_path / 'seed.store'
    r1 = ingest(DATA_DIR, store, workers=1, progress=False)
    r2 = ingest(DATA_DIR, store, workers=1, progress=False)
    assert (r1['articles'], r1['batches']) == (1, 1) and r1['statements'] > 0 and r1['timexes'] > 0
    assert (r2['articles'], r2['batches'], r2['statements'], r2['skipped']) == (0, 0, 0, 1)
    c = Corpus(store)
    assert len(c) == 1 and c.info['statements'] == r1['statements']
    assert len(c.articles()) == 1 and c.articles().title.iloc[0].startswith('N Korea')
    assert c.frequency(by='kind')['statements'].sum() > 0


def test_version_mismatch_refused_then_rebuilt(tmp_path):
    store = tmp_path / 'v.store'
    ingest(DATA_DIR, store, workers=1, progress=False)
    before = Corpus(store).statements()
    m = json.loads((store / STORE_FILE).read_text())
    m['extractor'].update(fingerprint='0' * 16, code='1' * 16, newsline_version='0.0.0')
    (store / STORE_FILE).write_text(json.dumps(m))
    with pytest.raises(StoreVersionError, match='newsline 0.0.0'):
        ingest(DATA_DIR, store, workers=1, progress=False)
    with pytest.warns(StoreVersionWarning, match='rebuild=True'): Corpus(store)
    r = ingest(None, store, rebuild=True, workers=1, progress=False)
    assert r['articles'] == 1
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        pd.testing.assert_frame_equal(Corpus(store, check='raise').statements(), before)


def test_kill_and_resume_made_up(tmp_path):
    "Without the shared corpora: 300 made-up items in batches of 10."
    src = _made_up(tmp_path / 'made_up.jsonl', 300)
    with _same_code(): _kill_and_resume(src, tmp_path, batch_size=10, n_articles=300)


def test_kill_and_resume_kcna(shared, tmp_path):
    "The 1,061 KCNA items of 2023-12 to 2024-11, killed after 3 batches of 40, resumed, compared with a clean ingest on 2 workers."
    with _same_code():
        r, rc = _kill_and_resume(shared / KCNA, tmp_path, batch_size=40, n_articles=1061,
                                 clean_kw=dict(workers=2, batch_size=300))
    assert rc['statements'] > 1000 and rc['failed'] == 0
