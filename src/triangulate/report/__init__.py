"""Show an analysis: terminal summary, HTML report, and exports (JSON, CSV, Parquet)."""

from triangulate.report.export import export, write_json
from triangulate.report.html import render_html
from triangulate.report.terminal import print_summary

__all__ = ["export", "print_summary", "render_html", "write_json"]
