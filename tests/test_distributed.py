"""`newsline.distributed.extract` on a local Dask cluster of worker processes gives, row for row, what the single-machine
pipeline gives on the seed article and the KCNA kcna.kp corpus; prints the throughput per worker of both paths."""
import time

import pandas as pd
import pytest

from newsline.articles import DATA_DIR, load_articles
from newsline.pipeline import extract_batch, iter_batches

distributed = pytest.importorskip("distributed", reason='needs the dask extra: pip install "newsline[dask]"')
from newsline.distributed import extract  # noqa: E402

KEYS = {"articles": ["article_id"], "statements": ["article_id", "sentence", "cue_start"], "timexes": ["article_id", "start"]}


def _warm():
    extract_batch(load_articles(DATA_DIR))


def _assert_same(a: dict, b: dict):
    for k, keys in KEYS.items():
        x = a[k].sort_values(keys, kind="stable").reset_index(drop=True)
        y = b[k].sort_values(keys, kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(x, y, obj=k)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def corpus(shared):
    return [DATA_DIR, shared / "corpora" / "kcna_kp_2023-12_2024-11.jsonl"]


@pytest.fixture(scope="module")
def local(corpus):
    "The single-machine path: the process pool of newsline.pipeline on the two cores, and its throughput."
    extract_batch(load_articles(DATA_DIR))  # load the tagger and actor tables here, so the forked workers start warm
    t = time.perf_counter()
    parts = list(iter_batches(corpus, batch_size=200, workers=2, progress=False))
    secs = time.perf_counter() - t
    return {k: pd.concat([p[k] for p in parts], ignore_index=True) for k in parts[0]}, secs


def test_files_equal_local(client, corpus, local):
    ref, local_secs = local
    client.run(_warm)  # load the tagger and actor tables on each worker, as the forked local workers have them
    t = time.perf_counter()
    res = extract(corpus, client, batch_size=200)
    secs = time.perf_counter() - t
    _assert_same(res, ref)
    assert len(res["articles"]) == 1062 and len(res["statements"]) > 1000
    n, workers = len(res["articles"]), len(client.nthreads())
    print(f"\nper worker: dask {n / secs / workers:.1f} articles/s, local process pool {n / local_secs / 2:.1f} articles/s, "
          f"ratio {local_secs / secs:.2f}")


def test_parquet_equal_local(client, corpus, local, tmp_path):
    ref, _ = local
    arts = load_articles(corpus, dedupe=False, progress=False).drop(columns=["related", "footer", "extra"])
    path = tmp_path / "articles"
    path.mkdir()
    for i in range(3):  # three files, as a dataset written in parts
        arts.iloc[i::3].to_parquet(path / f"part-{i}.parquet")
    res = extract(path, client, partitions=4)
    for k in ("statements", "timexes"):  # the same articles read back from Parquet: the same rows
        x = res[k].sort_values(KEYS[k], kind="stable").reset_index(drop=True)
        y = ref[k].sort_values(KEYS[k], kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(x, y, obj=k)
    cols = ["article_id", "n_statements", "n_timexes"]
    pd.testing.assert_frame_equal(res["articles"][cols].sort_values("article_id").reset_index(drop=True),
                                  ref["articles"][cols].sort_values("article_id").reset_index(drop=True))
