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
