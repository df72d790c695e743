"""Vietnamese and OCR knowledge: the one home for it, and the bottom import layer.

The knowledge itself lives in data files (`indexer/data/`), read through the
one loader; the modules here turn it into what the rest of the core uses:

- `data`: the cached loader of `indexer/data/*` and pyvi's word list (`DataFileError`)
- `phonology`: which strings can spell a Vietnamese syllable (folded, or with marks)
- `letters`: tone marks, the marked letters, the forms the OCR prints for each letter
- `glyphs`: the symbols the OCR prints for letters, and the letter each stands for
- `roman`: roman numerals as reports number their parts and as the OCR prints them
- `bodies`: kinds of bodies and places, the bodies beyond the local tables (issuers, national bodies)
- `openings`: the words that open a document's body, and those that lead to the directive it answers

It imports nothing else from `indexer` but `indexer.errors`.
"""
