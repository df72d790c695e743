"""Vietnamese and OCR knowledge: the one home for it.

The knowledge itself lives in data files (`indexer/data/`), read through the
one loader of `indexer.vietnamese.data`; the modules here turn it into the
tables the rest of the core uses (glyphs the OCR prints for letters, roman
numerals, the letter -> OCR-form table). This package is the bottom layer: it
imports nothing else from `indexer` but `indexer.errors`.
"""
