"""Front ends of cchc: the typer CLI and the Textual app (thin layers over `indexer`)."""
