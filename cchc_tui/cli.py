def main() -> None:  # replaced by the typer app
    raise SystemExit("cchc: CLI not built yet")
