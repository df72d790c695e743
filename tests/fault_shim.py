"""A filesystem and tantivy-writer shim for fault injection, by monkeypatching (no LD_PRELOAD).

Every I/O call an index run makes on the test's folders — `os` calls, `open`,
and the tantivy writer's calls (add, delete, commit …) — goes through `Shim`.
Counting, it lists them in order; armed with a number N, the Nth call fails
with the error a disk gives (ENOSPC, EIO, EROFS, ENOENT for a vanished folder;
tantivy's own message for the writer's calls).
"""
from __future__ import annotations

import builtins
import errno
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import indexer.store.writer as writer_module

OS_CALLS = ("open", "write", "fsync", "replace", "rename", "unlink", "remove", "rmdir", "mkdir", "listdir",
            "scandir", "stat", "lstat", "fstat")
FD_CALLS = ("write", "fsync", "fstat")  # the first argument is a descriptor
WRITER_CALLS = ("add_document", "delete_documents_by_term", "delete_all_documents", "commit",
                "garbage_collect_files", "wait_merging_threads")
MUTATING = ("open:w", "write", "replace", "rename", "unlink", "remove", "rmdir", "mkdir")
ERRNOS = (errno.ENOSPC, errno.EIO, errno.EROFS, errno.ENOENT)


class InjectedTantivyError(ValueError):
    """What tantivy-py raises when the disk fails under it (the message carries the OS error)."""


@dataclass
class Call:
    name: str
    target: str


@dataclass
class Shim:
    root: Path  # only calls on paths under it are counted
    calls: list[Call] = field(default_factory=list)
    fail_at: int | None = None
    failed: Call | None = None
    fds: dict[int, str] = field(default_factory=dict)  # descriptors we saw opened -> their path

    def point(self, name: str, target: str) -> None:
        self.calls.append(Call(name, target))
        if self.fail_at is not None and len(self.calls) - 1 == self.fail_at:
            self.failed = self.calls[-1]
            code = ERRNOS[self.fail_at % len(ERRNOS)]
            if name.startswith("tantivy."):
                raise InjectedTantivyError(
                    f"Failed to {name}: IoError(Os {{ code: {code}, message: \"{os.strerror(code)}\" }})")
            raise OSError(code, os.strerror(code), target)

    def ours(self, arg: object) -> str | None:
        if isinstance(arg, int):
            return self.fds.get(arg)
        try:
            text = os.fsdecode(os.fspath(arg))
        except TypeError:
            return None
        absolute = os.path.abspath(text)
        return absolute if absolute.startswith(str(self.root)) else None

    def install(self, monkeypatch) -> None:
        for name in OS_CALLS:
            monkeypatch.setattr(os, name, self.wrap_os(name, getattr(os, name)))
        real_close = os.close

        def shim_close(fd):
            self.fds.pop(fd, None)
            return real_close(fd)

        monkeypatch.setattr(os, "close", shim_close)
        real_open = io.open

        def shim_open(file, mode="r", *args, **kwargs):
            target = self.ours(file)
            if target is not None:
                self.point("open:w" if any(c in mode for c in "wax+") else "open:r", target)
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(io, "open", shim_open)
        monkeypatch.setattr(builtins, "open", shim_open)
        self.wrap_tantivy(monkeypatch)

    def wrap_os(self, name: str, real):
        def shim(*args, **kwargs):
            target = self.ours(args[0]) if args else None
            if target is not None:
                label = name
                if name == "open" and len(args) > 1 and args[1] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                    label = "open:w"
                self.point(label, target)
            result = real(*args, **kwargs)
            if name == "open" and target is not None:
                self.fds[result] = target
            return result

        return shim

    def wrap_tantivy(self, monkeypatch) -> None:
        real_open_writer = writer_module.open_writer
        real_create, real_open_folder = writer_module.create_index, writer_module.open_folder

        def open_writer(index, index_dir):
            self.point("tantivy.writer", str(index_dir))
            return WriterProxy(real_open_writer(index, index_dir), self)

        def create_index(folder):
            self.point("tantivy.create_index", str(folder))
            return real_create(folder)

        def open_folder(folder, index_dir):
            self.point("tantivy.open_index", str(folder))
            return real_open_folder(folder, index_dir)

        monkeypatch.setattr(writer_module, "open_writer", open_writer)
        monkeypatch.setattr(writer_module, "create_index", create_index)
        monkeypatch.setattr(writer_module, "open_folder", open_folder)

    def mutated(self) -> list[str]:
        return [c.target for c in self.calls if c.name in MUTATING]


class WriterProxy:
    """tantivy's IndexWriter is a native type: its methods are reached through this proxy."""

    def __init__(self, real, shim: Shim | None) -> None:
        self._real, self._shim = real, shim
        self.commits = 0

    def __getattr__(self, name: str):
        method = getattr(self._real, name)
        if name not in WRITER_CALLS:
            return method

        def call(*args, **kwargs):
            if self._shim is not None:
                self._shim.point(f"tantivy.{name}", "writer")
            return method(*args, **kwargs)

        return call
