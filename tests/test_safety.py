"""Safety of loading untrusted files: no network access, no XML entity expansion or external entities, no archive
member written outside its folder, and a size limit on what archives expand to."""
import gzip
import io
import socket
import tarfile
import threading
import time
import warnings
import zipfile
from pathlib import Path

import pytest

import newsline
from newsline.articles import ArticleLoadError, load_report


def _load(src, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return newsline.load_articles(src, **kw)


def _all_text(df) -> str:
    "Every value of an articles frame, and its load report, as one string."
    return df.astype(str).to_csv() + load_report(df).to_csv()


# ---------------------------------------------------------------- network guard (tests/conftest.py)

def test_network_guard_blocks_remote_hosts(network_attempts):
    with pytest.raises(OSError, match="network access blocked"): socket.create_connection(("8.8.8.8", 53), timeout=1)
    with socket.socket() as s, pytest.raises(OSError, match="network access blocked"): s.connect(("8.8.8.8", 53))
    with socket.socket(socket.AF_INET6) as s, pytest.raises(OSError, match="network access blocked"): s.connect_ex(("2001:4860:4860::8888", 53))
    with pytest.raises(OSError, match="network access blocked"): socket.getaddrinfo("example.com", 80)
    import urllib.error, urllib.request
    with pytest.raises(urllib.error.URLError, match="network access blocked"): urllib.request.urlopen("http://93.184.215.14/", timeout=1)
    assert [call for call, _ in network_attempts] == ["socket.create_connection", "socket.connect", "socket.connect_ex",
                                                      "socket.getaddrinfo", "socket.create_connection"]
    network_attempts.clear()  # expected here: the guard would otherwise fail this test at teardown


def test_network_guard_allows_this_machine():
    srv = socket.create_server(("127.0.0.1", 0))
    def serve():
        for _ in range(2): srv.accept()[0].close()
    t = threading.Thread(target=serve, daemon=True); t.start()
    with socket.create_connection(srv.getsockname(), timeout=5): pass
    with socket.socket() as s: assert s.connect_ex(("localhost", srv.getsockname()[1])) == 0
    t.join(5); srv.close()
    a, b = socket.socketpair(socket.AF_UNIX)
    a.sendall(b"x"); assert b.recv(1) == b"x"
    a.close(); b.close()
    assert socket.getaddrinfo("localhost", 80)


# ---------------------------------------------------------------- offline loading

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Talks resume in Beijing</title>
<meta http-equiv="refresh" content="0; url=https://tracker.example.com/r">
<meta property="og:image" content="https://img.example.com/og.jpg"><link rel="canonical" href="https://news.example.com/a/1">
<link rel="stylesheet" href="https://cdn.example.com/s.css"><script src="https://cdn.example.com/app.js"></script>
<meta property="article:published_time" content="2025-06-02T09:00:00Z"></head>
<body><article><h1>Talks resume in Beijing</h1><img src="https://img.example.com/photo.jpg" srcset="https://img.example.com/p2.jpg 2x">
<p>Diplomats from both countries met on Thursday in Beijing and agreed to resume the talks next month, officials said.</p>
<p>The spokesman said the meeting was "constructive" and that a second round would follow in July.</p>
<iframe src="https://ads.example.com/frame"></iframe><object data="https://cdn.example.com/x.swf"></object></article></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?><?xml-stylesheet href="https://cdn.example.com/feed.xsl"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>World news</title><link>https://news.example.com/</link><atom:link href="https://news.example.com/feed" rel="self"/>
<image><url>https://img.example.com/logo.png</url></image>
<item><title>Talks resume</title><link>https://news.example.com/a/1</link><guid>https://news.example.com/a/1</guid>
<description>&lt;p&gt;Diplomats met on Thursday.&lt;img src="https://img.example.com/t.jpg"&gt;&lt;/p&gt;</description>
<enclosure url="https://media.example.com/a.mp3" type="audio/mpeg" length="1"/><pubDate>Mon, 02 Jun 2025 09:00:00 GMT</pubDate>
<media:content url="https://img.example.com/m.jpg"><media:description>Diplomats in Beijing</media:description><media:credit>AP</media:credit></media:content>
<source url="https://other.example.com/rss">Other</source></item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.com/">
<title>Atom news</title><entry><title>Second round</title><link href="a/2"/><id>urn:x:2</id><updated>2025-06-03T10:00:00Z</updated>
<content type="html">&lt;p&gt;A second round follows in July.&lt;/p&gt;&lt;script src="https://cdn.example.com/x.js"&gt;&lt;/script&gt;</content></entry></feed>"""


def test_loading_pages_and_feeds_stays_offline(tmp_path, monkeypatch, network_attempts):
    "Remote images, scripts, stylesheets, enclosures and links are never fetched; feedparser only ever gets bytes."
    import feedparser, htmldate, trafilatura, trafilatura.downloads, urllib.request
    def refuse(*a, **k): raise AssertionError(f"fetch attempted: {a[:1]}")
    for mod, name in [(trafilatura, "fetch_url"), (trafilatura.downloads, "fetch_url"), (trafilatura.downloads, "fetch_response"),
                      (htmldate.core, "fetch_url"), (urllib.request, "urlopen")]:
        if hasattr(mod, name): monkeypatch.setattr(mod, name, refuse)
    given, real_parse = [], feedparser.parse
    def spy(obj, *a, **k):
        given.append(obj); return real_parse(obj, *a, **k)
    monkeypatch.setattr(feedparser, "parse", spy)
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "feed.rss").write_text(FEED)
    (tmp_path / "atom.xml").write_text(ATOM)
    df = _load(tmp_path)
    assert sorted(df.title.dropna()) == ["Second round", "Talks resume", "Talks resume in Beijing"], df.title.tolist()
    assert df.loc[df.title == "Talks resume", "caption_credit"].item() == "AP"
    assert len(given) == 2 and all(not isinstance(g, (str, bytes)) and hasattr(g, "read") for g in given), given  # BytesIO, never a URL
    from newsline.web import NoArticleError, parse_feed, parse_html
    with pytest.raises(NoArticleError): parse_html("https://news.example.com/a/1")  # markup, not an address to fetch
    with pytest.raises(ValueError): parse_feed("https://news.example.com/feed")
    assert not network_attempts


# ---------------------------------------------------------------- XML: entity expansion and external entities

def _lol(n=9):
    "Billion laughs: n levels of entities, ten references each (10**n 'lol's if expanded)."
    return '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, n + 1))


@pytest.fixture
def secret(tmp_path):
    "A local file an external entity would read, with a marker no output should hold."
    f = tmp_path / "secret.txt"
    f.write_text("NEWSLINE-SECRET-7f3a\n")
    return f


def _payloads(secret: Path) -> dict:
    dtd = f'<!DOCTYPE x [{_lol()}<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY sec SYSTEM "file://{secret}"><!ENTITY net SYSTEM "http://8.8.8.8/x.dtd">]>'
    item = ("<item><title>Leak &xxe; &sec; &net;</title><link>https://news.example.com/1</link><guid>https://news.example.com/1</guid>"
            "<description>Kim said on Monday &lol9; &sec; that the talks failed.</description>"
            "<media:content url='https://img.example.com/a.jpg'><media:description>&lol9; &sec;</media:description>"
            "<media:credit>&xxe; &sec;</media:credit></media:content></item>")
    rss = f'<?xml version="1.0"?>{dtd.replace("DOCTYPE x", "DOCTYPE rss")}<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>F &lol9;</title>{item}</channel></rss>'
    atom = (f'<?xml version="1.0"?>{dtd.replace("DOCTYPE x", "DOCTYPE feed")}<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title>'
            f'<entry><title>Leak &sec; &xxe;</title><id>urn:1</id><content type="html">&lol9; &sec; the talks failed.</content></entry></feed>')
    html = (f'<?xml version="1.0"?>{dtd.replace("DOCTYPE x", "DOCTYPE html")}<html><head><title>Leak &sec;</title></head><body><article>'
            '<h1>Leak</h1><p>The spokesman said on Monday that the talks had failed and would not resume soon, &xxe; &sec; he added.</p>'
            '<p>A second paragraph &lol9; with enough words in it to count as the text of an article.</p></article></body></html>')
    return {"bomb.rss": rss, "bomb.atom": atom, "bomb.xml": rss, "page.xml": html, "page.html": html, "page.xhtml": html}


def test_xml_entities_neither_expand_nor_read_files(tmp_path, secret, network_attempts):
    "Billion laughs and external entities (file:///etc/passwd, a local file, a URL) in feeds, XML and HTML inputs."
    src = tmp_path / "in"; src.mkdir()
    for name, text in _payloads(secret).items(): (src / name).write_text(text)
    t0 = time.perf_counter()
    df = _load(src)
    assert time.perf_counter() - t0 < 30
    out = _all_text(df)
    assert "NEWSLINE-SECRET" not in out
    passwd = Path("/etc/passwd")
    if passwd.exists():
        assert not any(line and line in out for line in passwd.read_text().splitlines()[:3])
    assert "lol" * 100 not in out and len(out) < 200_000
    assert len(load_report(df)) + len(df) >= len(_payloads(secret))  # each file loaded or reported
    assert not network_attempts


def test_media_captions_and_eval_xml_are_safe(tmp_path, secret):
    "The two direct XML parses (media captions in feeds, MEANTIME's CAT XML) expand no entity and read no file."
    from newsline.web import _media_captions
    rss = _payloads(secret)["bomb.rss"].encode()
    caps = _media_captions(rss)
    assert "NEWSLINE-SECRET" not in repr(caps) and "lol" * 100 not in repr(caps)
    from newsline.timex_eval import read_meantime
    cat = (f'<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY sec SYSTEM "file://{secret}">]><Document doc_name="d">'
           '<token t_id="1" sentence="0">&sec;</token><token t_id="2" sentence="0">Monday</token>'
           '<Markables><TIMEX3 m_id="1" type="DATE" value="2025-06-02" functionInDocument="CREATION_TIME"><token_anchor t_id="2"/></TIMEX3></Markables></Document>')
    (tmp_path / "d.xml").write_text(cat)
    doc = read_meantime(tmp_path / "d.xml")
    assert "NEWSLINE-SECRET" not in doc["text"] and doc["dct"] == "2025-06-02"
    (tmp_path / "bomb.xml").write_text(f'<?xml version="1.0"?><!DOCTYPE Document [{_lol()}]><Document><token t_id="1" sentence="0">&lol9;</token></Document>')
    try: doc = read_meantime(tmp_path / "bomb.xml")
    except Exception as e: assert "amplification" in str(e) or "entity" in str(e).lower(), e  # refused by the parser
    else: assert len(doc["text"]) < 1000


# ---------------------------------------------------------------- archives

def test_archive_members_never_escape(tmp_path):
    "Zip and tar members with `..`, absolute paths, drive letters or links are reported, not read, and nothing is written."
    src = tmp_path / "in"; src.mkdir()
    good = b'{"title": "Fine", "text": "Diplomats met on Thursday.", "date": "2025-06-02"}'
    with zipfile.ZipFile(src / "a.zip", "w") as z:
        for name in ["ok.json", "../up.json", "/etc/abs.json", "..\\win.json", "C:/drive.json", "x/../../y.json"]: z.writestr(name, good)
    with tarfile.open(src / "b.tar.gz", "w:gz") as t:
        for name, kind in [("ok2.json", tarfile.REGTYPE), ("../up2.json", tarfile.REGTYPE), ("link.json", tarfile.SYMTYPE), ("hard.json", tarfile.LNKTYPE)]:
            ti = tarfile.TarInfo(name); ti.type = kind
            if kind == tarfile.REGTYPE: ti.size = len(good); t.addfile(ti, io.BytesIO(good))
            else: ti.linkname = "/etc/passwd"; t.addfile(ti)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    df = _load(src)
    assert sorted(df.path.str.split("!").str[1]) == ["ok.json", "ok2.json"]
    rep = load_report(df)
    assert sorted(rep.path.str.split("!").str[1]) == sorted(["../up.json", "/etc/abs.json", "..\\win.json", "C:/drive.json", "x/../../y.json",
                                                            "../up2.json", "link.json", "hard.json"])
    assert (rep.action == "skipped").all() and rep.reason.str.contains("unsafe").all()
    assert sorted(p.name for p in tmp_path.rglob("*")) == before and not (tmp_path / "up.json").exists()


def test_zip_bomb_stops_at_max_archive_bytes(tmp_path):
    "A small zip expanding past the limit gives a clear error naming the archive and the member."
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("zeros.jsonl", bytes(20_000_000))
    assert (tmp_path / "bomb.zip").stat().st_size < 100_000
    t0 = time.perf_counter()
    df = _load(tmp_path / "bomb.zip", max_archive_bytes=1_000_000)
    assert time.perf_counter() - t0 < 5 and len(df) == 0
    (reason,) = load_report(df).reason
    assert reason.startswith(f"{tmp_path / 'bomb.zip'} expands to more than max_archive_bytes=1,000,000 bytes at member 'zeros.jsonl'"), reason
    with pytest.raises(ArticleLoadError, match=r"bomb\.zip!zeros\.jsonl: .*bomb\.zip expands to more than max_archive_bytes=1,000,000 bytes at member 'zeros\.jsonl'"):
        _load(tmp_path / "bomb.zip", max_archive_bytes=1_000_000, errors="raise")
    (tmp_path / "nested.zip").write_bytes(b"")
    with zipfile.ZipFile(tmp_path / "nested.zip", "w") as z:  # a gzip member declares only its compressed size: stopped while read
        z.writestr("day.jsonl.gz", gzip.compress(b'{"title": "A", "text": "Diplomats met.", "date": "2025-06-02"}\n' + b" " * 5_000_000 + b"\n"))
    df = _load(tmp_path / "nested.zip", max_archive_bytes=1_000_000)
    assert df.title.tolist() == ["A"]
    assert "at member 'day.jsonl.gz'" in load_report(df).reason.item()
    assert len(_load(tmp_path / "nested.zip")) == 1 and not len(load_report(_load(tmp_path / "nested.zip")))
