"""newsline: load news articles into pandas, build timelines of dated statements, and chart who said what, when."""
__version__ = "0.0.1"

from .articles import (ARTICLE_COLUMNS, DATA_DIR, ArticleLoadError, LoadReport, LoadWarning, iter_articles,
                       load_articles, load_report, summarize)
