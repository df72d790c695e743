"""Time per indexing stage, summed over every process that did the work.

Each process keeps one `Profile`; the pipeline marks its stages with
`with stage("ocr"):`. Worker processes hand their seconds back with each
result (`take()`), and the parent adds them to its own (`add()`). The cost is
two clock reads per stage and report, so it is always on; `cchc index
--profile` only prints it.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

# The pipeline's stages in the order a report goes through them.
STAGES = ("read", "decode", "tokenise", "normalise", "ocr", "parse", "index", "commit")
LABELS = {
    "read": "read (bytes, hash)",
    "decode": "decode (encoding, NFC)",
    "tokenise": "tokenise",
    "normalise": "normalise (folding)",
    "ocr": "OCR readings",
    "parse": "parse (metadata)",
    "index": "index (tantivy documents)",
    "commit": "commit (add, commit, merge)",
    "wait": "parent waiting for workers",
}


class Profile:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.local = 0.0  # seconds measured in this process (the rest came from workers)
        self.reports = 0
        self.bytes = 0

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            spent = time.perf_counter() - start
            self.seconds[name] = self.seconds.get(name, 0.0) + spent
            self.local += spent

    def count(self, size: int) -> None:
        self.reports += 1
        self.bytes += size

    def add(self, seconds: dict[str, float] | None) -> None:
        for name, value in (seconds or {}).items():
            self.seconds[name] = self.seconds.get(name, 0.0) + value

    def take(self) -> dict[str, float]:
        """The seconds so far, and start again (a worker's share for one result)."""
        taken, self.seconds, self.local = self.seconds, {}, 0.0
        return taken

    def close(self, wall: float) -> None:
        """The parent's time no stage accounts for is the tantivy writer's: adding, committing, merging."""
        self.seconds["commit"] = self.seconds.get("commit", 0.0) + max(0.0, wall - self.local)
        self.wall = wall

    def rows(self) -> list[tuple[str, float, float]]:
        """(label, seconds, share of the work) for each stage, pipeline order; waiting is no work."""
        work = sum(v for k, v in self.seconds.items() if k != "wait")
        names = [*STAGES, *sorted(set(self.seconds) - set(STAGES))]
        return [
            (LABELS.get(name, name), self.seconds.get(name, 0.0), self.seconds.get(name, 0.0) / work if work else 0.0)
            for name in names
            if name in self.seconds or name in STAGES
        ]




_PROFILE = Profile()


def current() -> Profile:
    return _PROFILE


def stage(name: str):
    return _PROFILE.stage(name)


def table(profile: Profile, wall: float) -> str:
    """The `cchc index --profile` table: seconds per stage (all processes), share, and throughput."""
    profile.close(wall)
    lines = [f"{'stage':<30} {'seconds':>9} {'share':>7}"]
    for label, seconds, share in profile.rows():
        lines.append(f"{label:<30} {seconds:>9.2f} {share:>7.1%}")
    mb = profile.bytes / 1e6
    lines.append(
        f"{profile.reports} reports read, {mb:.2f} MB in {wall:.2f} s wall: "
        f"{mb / wall if wall else 0:.2f} MB/s, {profile.reports / wall if wall else 0:.1f} reports/s"
    )
    return "\n".join(lines)


def reset() -> Profile:
    global _PROFILE
    _PROFILE = Profile()
    return _PROFILE
