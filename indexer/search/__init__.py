"""Queries over the index: parsing, matching on OCR readings, ranking, facets."""
