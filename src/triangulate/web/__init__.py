"""The web app and REST API over the store: ``triangulate serve``.

Pages (Jinja2, autoescaped, a little htmx served from the package) and JSON under
``/api/v1``; both read one cross-checked snapshot of the store, which a write replaces.
"""

from triangulate.web.app import create_app

__all__ = ["create_app"]
