"""Every shared corpus loads with the article counts its README states (skipped where ../shared is absent)."""
import resource
import warnings

import pandas as pd
import pytest

from newsline.articles import LoadReport, iter_articles, load_articles, load_report


def _load(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_articles(path, progress=False, **kw)


def test_seed_from_shared_matches_data(shared):
    a = _load(shared / "seed").iloc[0]
    b = _load(None).iloc[0]
    assert (a.title, a.body, a.related, a.published) == (b.title, b.body, b.related, b.published)
    assert len(a.body.split("\n\n")) == 7 and len(a.related) == 15


def test_kcna_kp(shared):
    df = _load(shared / "corpora/kcna_kp_2023-12_2024-11.jsonl")
    assert len(df) == 1061
    assert df.published.min() == pd.Timestamp("2023-12-24", tz="UTC")
    assert df.published.max() == pd.Timestamp("2024-11-10", tz="UTC")
    assert (df.source == "KCNA").all() and df.title.notna().all()
    # datelines come out of the body and carry a date on or before publication
    with_dl = df[df.dateline.notna()]
    assert len(with_dl) > 900
    assert not with_dl.body.str.contains(r"^\S+, \w+ \d+ \(KCNA\)", regex=True).any()
    assert (with_dl.dateline_date.dt.tz_localize("UTC") <= with_dl.published).all()
    # Choe Son Hui's statement on the MSMT is there
    assert df.title.str.contains("Choe Son Hui", regex=False).any()


def test_news_articles_csv(shared):
    df = _load(shared / "corpora/news_articles_2016-2017.csv")
    assert len(df) == 3824
    rep = load_report(df)
    assert (df.body.isna()).sum() == 36  # the README's 36 rows without text are kept, and reported
    assert rep.reason.str.contains("no article text|no title and no text").sum() == 36
    assert df.published.notna().all()
    # the README's range, 2016-12 to 2017-03, holds all but a handful of rows (3 are dated April and August 2016)
    in_range = df.published.between(pd.Timestamp("2016-12-01", tz="UTC"), pd.Timestamp("2017-04-01", tz="UTC"))
    assert in_range.sum() >= 3800
    assert df.source.str.contains("Al Jazeera").any() and df.source.str.contains("TASS").any()
    assert df.body.str.contains("North Korea", regex=False).sum() >= 100


def test_reuters(shared):
    df = _load(shared / "corpora/reuters21578.jsonl", dedupe=False)
    assert len(df) == 21578
    assert df.body.notna().sum() == 19043
    assert (df.source == "Reuters").all()
    assert df.dateline_place.notna().sum() > 18000
    assert df.published.min() == pd.Timestamp("1987-02-26 15:01:01", tz="UTC")


def test_kcna_co_jp_streams_in_bounded_memory(shared):
    """All 138,328 items of 1997-2018 stream through `iter_articles`; memory stays bounded by the batch size."""
    rep, n, langs = LoadReport(), 0, {}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for batch in iter_articles(shared / "corpora/kcna_co_jp", batch_size=5000, progress=False, report=rep):
        n += len(batch)
        for k, v in batch.language.value_counts().items():
            langs[k] = langs.get(k, 0) + v
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert n == 138328
    assert langs == {"en": 123502, "es": 14826}
    assert rep.files == 22
    assert not any(e["action"] == "skipped" for e in rep.entries)
    assert grown_mb < 600, f"peak memory grew by {grown_mb:.0f} MB while streaming"
