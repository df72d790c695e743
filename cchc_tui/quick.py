"""`cchc search` without typer: the command line a script or a batch runs, parsed here in a few
microseconds instead of importing typer and pydantic (~60% of a cold search process).

Only the plain forms are taken: `search QUERY` with the options of `cchc search` each given once
as `--option VALUE` (or `-n VALUE`), `--json`. Anything else (help, `--option=value`, a value
that typer would refuse, a query with nothing to search for, an option of another command) returns
None and the typer command line runs as before, with its own messages. What is printed, and the
exit status, are the typer command's (`cli.search`); a test compares them.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from cchc_tui.output import emit_json, end_of_startup, finish_output, silence_stdout
from indexer.api import CchcError, Filters, UsageError, has_words, inert_line

VALUED = {"--limit": "limit", "-n": "limit", "--unit": "unit", "--type": "doc_type", "--cites": "cites",
          "--topic": "topic", "--from": "date_from", "--to": "date_to", "--batch": "batch", "--index-dir": "index_dir"}
FLAGS = {"--json": "json"}
MAX_LIMIT = 10_000  # as `cli.search`'s --limit


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so every clean-up (rollback, workers) runs."""


def parse_search(argv: list[str]) -> dict[str, str | bool] | None:
    """The options of a plain `search` command line, None for anything else."""
    if not argv or argv[0] != "search":
        return None
    found: dict[str, str | bool] = {}
    rest = iter(argv[1:])
    for arg in rest:
        name = VALUED.get(arg) or FLAGS.get(arg)
        if name is None:
            if arg.startswith("-") or "query" in found:
                return None  # help, `--x=y`, `--`, a second argument: typer says what it makes of it
            found["query"] = arg
            continue
        if name in found:
            return None
        if arg in FLAGS:
            found[name] = True
            continue
        value = next(rest, None)
        if value is None or value.startswith("-") or not value:
            return None
        found[name] = value
    limit = found.get("limit", "10")
    if not (isinstance(limit, str) and limit.isascii() and limit.isdigit() and 1 <= int(limit) <= MAX_LIMIT):
        return None
    return found


def run_search(options: dict[str, str | bool]) -> int | None:
    """Exit status of the search, None when typer must take it (a query with nothing to search for)."""
    def text(name: str) -> str | None:
        value = options.get(name)
        return value if isinstance(value, str) else None

    filters = Filters(unit=text("unit"), doc_type=text("doc_type"), cites=text("cites"), topic=text("topic"),
                      date_from=text("date_from"), date_to=text("date_to"))
    query, limit = text("query") or "", int(text("limit") or "10")
    index_dir = Path(options["index_dir"]) if isinstance(options.get("index_dir"), str) else None
    batch = text("batch")
    if batch is None and filters.is_empty() and not has_words(query):
        return None

    def work() -> None:
        from indexer.api import Library

        library = Library.open(index_dir)
        if batch is not None:
            from cchc_tui.batch import run_batch

            end_of_startup()  # a batch runs long: the cyclic collector is back on
            run_batch(batch, library, limit=limit, filters=filters)
            return
        json_out = options.get("json") is True
        result = library.search(query, limit=limit, filters=filters, with_facets=json_out)
        if json_out:
            emit_json(result.to_dict())
            return
        from cchc_tui.render import render_search, use_color

        sys.stdout.write(render_search(result, use_color()) + "\n")
        sys.stdout.flush()

    return at_edge(work)


def say_error(message: str) -> None:
    try:
        sys.stderr.write(f"cchc: {inert_line(message)}\n")
        sys.stderr.flush()
    except OSError:
        pass  # stderr is gone too: the exit status is all that is left


def _terminate(_signum, _frame) -> None:
    raise Terminated


def at_edge(func: Callable[[], object]) -> int:
    """Run `func`: our errors, output faults and signals become one line on stderr and an exit status
    (the same as `cli.run_at_edge`, which raises them as typer.Exit)."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main else None
    try:
        func()
        finish_output()
        return 0
    except UsageError as exc:
        say_error(str(exc))
        return 2
    except CchcError as exc:
        say_error(str(exc))
        return 1
    except BrokenPipeError:  # `cchc search … | head`: the reader has what it wanted
        silence_stdout()
        return 1
    except OSError as exc:  # the output itself failed: /dev/full, a full disk, a closed stream
        silence_stdout()
        say_error(f"cannot write the output ({os.strerror(exc.errno) if exc.errno else exc})")
        return 1
    except Terminated:
        say_error("terminated; the index is as it was before this run")
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        say_error("interrupted")
        return 130
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)


def quick_main(argv: list[str]) -> int | None:
    """The exit status of a plain `cchc search`, None when the typer command line must run."""
    options = parse_search(argv)
    return None if options is None else run_search(options)
