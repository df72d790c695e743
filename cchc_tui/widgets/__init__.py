"""Widgets of the cchc app: each renders what `indexer` returns, never parses report text."""
