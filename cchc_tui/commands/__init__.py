"""CLI subcommands registered by cchc_tui.cli."""
