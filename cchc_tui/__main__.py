"""`python -m cchc_tui`: the console script, runnable without the entry point."""
from cchc_tui.cli import main

if __name__ == "__main__":
    main()
