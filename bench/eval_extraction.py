#!/usr/bin/env python
"""Score `newsline.web.parse_html` on the article-extraction benchmark (../shared/eval/article_extraction).

Runs `parse_html` on all 181 saved pages (offline: the pages are read from disk and never fetched), compares each
extracted body with the benchmark's hand-checked `articleBody` using the benchmark's measure (4-gram shingles of
`\\w+` tokens; precision and recall averaged over pages, F1 of the means) and plain token overlap (n=1), prints the
scores and the speed, and writes them with per-page figures to bench/results/eval_extraction.json.

    .venv/bin/python bench/eval_extraction.py              # parse_html
    .venv/bin/python bench/eval_extraction.py --baseline   # also trafilatura.extract(html, include_comments=False)
"""
import argparse, gzip, json, logging, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / 'shared' / 'eval' / 'article_extraction'
OUT = ROOT / 'bench' / 'results' / 'eval_extraction.json'
PUBLISHED = {'trafilatura 2.0.0': 0.958, 'newspaper4k': 0.949, 'news-please': 0.948, 'readability-lxml': 0.922}


def load_pages(data:Path=DATA)->list:
    "(key, url, html bytes, reference body) for every page of the benchmark, in key order."
    gt = json.loads((data / 'ground-truth.json').read_text(encoding='utf-8'))
    return [(k, v.get('url'), gzip.decompress((data / 'html' / f'{k}.html.gz').read_bytes()), v.get('articleBody') or '')
            for k, v in sorted(gt.items())]


def run(extract, pages:list)->dict:
    "Extract every page with `extract(html, url) -> str`; scores, timing and per-page figures."
    from newsline.web import body_match, extraction_scores
    preds, errors = {}, {}
    t0 = time.perf_counter()
    for key, url, html, _ in pages:
        try: preds[key] = extract(html, url) or ''
        except ValueError as e: preds[key], errors[key] = '', type(e).__name__   # no page text in the results
    secs = time.perf_counter() - t0
    res = dict(pages=len(pages), seconds=round(secs, 2), pages_per_s=round(len(pages) / secs, 1),
               failed=sum(not p.strip() for p in preds.values()))
    per_page = {}
    for n, name in ((4, 'shingle4'), (1, 'token')):
        ms = [body_match(ref, preds[key], n=n) for key, _, _, ref in pages]
        res[name] = {k: round(v, 4) for k, v in extraction_scores(ms).items() if k != 'pages'}
        for (key, *_), m in zip(pages, ms): per_page.setdefault(key, {})[name] = [round(x, 4) for x in m]
    for key in errors: per_page[key]['error'] = errors[key]
    res['per_page'] = per_page
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--baseline', action='store_true', help="also score trafilatura.extract(html, include_comments=False)")
    ap.add_argument('--out', type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not DATA.exists(): sys.exit(f'{DATA} not found: the benchmark is only in the shared data')
    logging.disable(logging.WARNING)  # trafilatura logs every discarded page
    from newsline.web import parse_html, NoArticleError
    import trafilatura, htmldate
    pages = load_pages()

    def newsline_body(html, url):
        try: return parse_html(html, url=url)['body']
        except NoArticleError: return ''

    results = dict(versions=dict(trafilatura=trafilatura.__version__, htmldate=htmldate.__version__),
                   published_f1=PUBLISHED, parse_html=run(newsline_body, pages))
    if args.baseline:
        results['trafilatura_extract'] = run(lambda html, url: trafilatura.extract(html, include_comments=False), pages)
    for name in ('parse_html', 'trafilatura_extract'):
        if name not in results: continue
        r = results[name]
        print(f"{name:<20} shingle4 P={r['shingle4']['precision']:.3f} R={r['shingle4']['recall']:.3f} "
              f"F1={r['shingle4']['f1']:.3f} | token P={r['token']['precision']:.3f} R={r['token']['recall']:.3f} "
              f"F1={r['token']['f1']:.3f} | {r['pages']} pages, {r['failed']} without text, {r['pages_per_s']} pages/s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + '\n')
    print(f'written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}')
    return results


if __name__ == '__main__':
    main()
