"""cchc core library: normalisation, OCR repair, parsing, index, queries, comparison.

Never imports textual or typer (tests/test_import_hygiene.py enforces it).
"""
