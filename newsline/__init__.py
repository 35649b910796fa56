"""newsline: load news articles into pandas, build timelines of dated statements, and chart who said what, when."""
__version__ = "0.0.1"

from .articles import (ARTICLE_COLUMNS, DATA_DIR, ArticleLoadError, LoadReport, LoadWarning, iter_articles,
                       load_articles, load_report, summarize)
from .timexes import article_timexes, timexes
from .statements import statements
from .actors import actor_table
from .links import link_statements
from .timeline import timeline
from .timeline_export import timeline_html, timeline_markdown, timeline_table, to_timelinejs
from .frequency import statement_frequency
from .charts import group_color, plot_frequency, plot_timeline
from .display import ArticleView, StatementsView, article_html, show, statements_html
from .explorer import explore, filter_statements

_LAZY = {'Corpus': 'store', 'ingest': 'store', 'StoreError': 'store', 'StoreVersionError': 'store'}

def __getattr__(name):
    "Import the store (DuckDB) only when it is first used, so `import newsline` stays light."
    if name in _LAZY:
        from importlib import import_module
        return getattr(import_module(f'.{_LAZY[name]}', __name__), name)
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
from .pipeline import extract_batch, iter_batches, run_pipeline
