"""Time per indexing stage, summed over every process that did the work.

Each process keeps one `Profile`; the pipeline (indexer.pipeline, which names
the stages and their order) marks its stages with `with stage("ocr"):`. Worker processes hand their seconds back with each
result (`take()`), and the parent adds them to its own (`add()`). Each stage
records the CPU time of the thread running it (what the stage costs, even on a
machine shared with other work) and its wall time. The tantivy writer works in
its own threads: its share is the parent's time no stage accounts for. The
cost is four clock reads per stage and report, so it is always on; `cchc index
--profile` only prints it.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Profile:
    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        self.local_cpu = 0.0  # measured in this process (the rest came from workers)
        self.local_wall = 0.0
        self.reports = 0
        self.bytes = 0
        self.started = (time.perf_counter(), time.process_time())

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            cpu = time.thread_time() - cpu
            wall = time.perf_counter() - wall
            self.cpu[name] = self.cpu.get(name, 0.0) + cpu
            self.wall[name] = self.wall.get(name, 0.0) + wall
            self.local_cpu += cpu
            self.local_wall += wall

    def count(self, size: int) -> None:
        self.reports += 1
        self.bytes += size

    def add(self, taken: tuple[dict[str, float], dict[str, float], int, int] | None) -> None:
        if taken is None:
            return
        cpu, wall, reports, size = taken
        for mine, theirs in ((self.cpu, cpu), (self.wall, wall)):
            for name, value in theirs.items():
                mine[name] = mine.get(name, 0.0) + value
        self.reports += reports
        self.bytes += size

    def take(self) -> tuple[dict[str, float], dict[str, float], int, int]:
        """The seconds and reads so far, and start again (a worker's share for one result)."""
        taken = (self.cpu, self.wall, self.reports, self.bytes)
        self.cpu, self.wall, self.local_cpu, self.local_wall, self.reports, self.bytes = {}, {}, 0.0, 0.0, 0, 0
        return taken

    def close(self) -> float:
        """Book the parent's unaccounted time as the tantivy writer's; the wall time since the start."""
        wall = time.perf_counter() - self.started[0]
        cpu = time.process_time() - self.started[1]  # all the parent's threads, tantivy's included
        self.cpu["commit"] = self.cpu.get("commit", 0.0) + max(0.0, cpu - self.local_cpu)
        self.wall["commit"] = self.wall.get("commit", 0.0) + max(0.0, wall - self.local_wall)
        return wall

    def rows(self, stages: dict[str, str]) -> list[tuple[str, float, float, float]]:
        """(label, CPU seconds, share of all CPU, wall seconds) per stage, in the order of `stages`
        (name -> label; every one listed, "wait" only when measured), then any other measured."""
        total = sum(v for k, v in self.cpu.items() if k != "wait")
        names = [*stages, *sorted(set(self.cpu) - set(stages))]
        return [
            (stages.get(n, n), self.cpu.get(n, 0.0), self.cpu.get(n, 0.0) / total if total else 0.0, self.wall.get(n, 0.0))
            for n in names
            if n in self.cpu or n != "wait"
        ]


_PROFILE = Profile()


def current() -> Profile:
    return _PROFILE


def stage(name: str):
    return _PROFILE.stage(name)


def reset() -> Profile:
    global _PROFILE
    _PROFILE = Profile()
    return _PROFILE


def start_profile() -> Profile:
    """A fresh profile for this process (what `cchc index --profile` prints at the end)."""
    return reset()


def table(profile: Profile, stages: dict[str, str]) -> str:
    """The `cchc index --profile` table: CPU and wall seconds per stage (all processes), and throughput."""
    wall = profile.close()
    lines = [f"{'stage':<36} {'cpu s':>8} {'share':>7} {'wall s':>8}"]
    for label, cpu, share, stage_wall in profile.rows(stages):
        lines.append(f"{label:<36} {cpu:>8.2f} {share:>7.1%} {stage_wall:>8.2f}")
    cpu_total = sum(v for k, v in profile.cpu.items() if k != "wait")
    mb = profile.bytes / 1e6
    lines.append(f"{'total CPU, all processes':<36} {cpu_total:>8.2f}")
    lines.append(
        f"{profile.reports} reports read, {mb:.2f} MB in {wall:.2f} s wall: {mb / wall if wall else 0:.2f} MB/s, "
        f"{profile.reports / wall if wall else 0:.1f} reports/s; "
        f"{1000 * cpu_total / max(1, profile.reports):.1f} ms CPU a report"
    )
    return "\n".join(lines)
