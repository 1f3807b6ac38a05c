"""The report: charts of a summary and the HTML / Markdown / data files built from them.

Typical use (the CLI's ``stance report`` does exactly this)::

    from stance.aggregate import summarize
    from stance.report import write_report

    summary = summarize(records, profile=profile)
    paths = write_report(records, summary, "report/", profile=profile, meta=meta)
"""

from stance.report.charts import FIGURES, make_figures, save_figures, voice_colors
from stance.report.render import ReportPaths, report_context, write_report

__all__ = [
    "FIGURES",
    "ReportPaths",
    "make_figures",
    "report_context",
    "save_figures",
    "voice_colors",
    "write_report",
]
