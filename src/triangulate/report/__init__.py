"""Show an analysis: terminal summary, HTML and Markdown reports, and exports (JSON, CSV,
Parquet)."""

from triangulate.report.export import STDOUT, export, write_json
from triangulate.report.html import render_html
from triangulate.report.markdown import render_markdown
from triangulate.report.terminal import print_summary

__all__ = ["STDOUT", "export", "print_summary", "render_html", "render_markdown", "write_json"]
