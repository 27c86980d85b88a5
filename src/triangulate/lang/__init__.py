"""Knowledge of each language that the pipeline reads in: one package per language, one
module per kind of knowledge (how a force is judged, what does harm, what ends a fight).

Every list is written from the language, not from any corpus Triangulate is measured on.
"""
