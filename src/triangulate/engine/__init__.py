"""Engines that run the per-article stage somewhere other than this process and its children.

An engine is a :data:`triangulate.analysis.Reader`: it takes the articles that need reading
and gives back their :class:`~triangulate.types.Reading` s, in any order; ingest before it
and the store and cross-check after it stay where they are.
"""
