"""Which CCHC topics a report covers (indexer/data/topics.json), with the lines that show it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from indexer.docmodel import TopicHit
from indexer.parse.fuzzy import folded, phrase_pattern
from indexer.parse.tables import load
from indexer.textnorm import LineIndex


@lru_cache(maxsize=None)
def _topic_regex() -> tuple[re.Pattern[str], tuple[dict, ...]]:
    topics = load("topics.json")["topics"]
    owners, parts = [], []
    for topic in topics:
        for trigger in topic["triggers"]:
            parts.append(f"(?P<t{len(owners)}>{phrase_pattern(trigger)})")
            owners.append(topic)
    return re.compile("|".join(parts)), tuple(owners)


@dataclass(frozen=True, slots=True)
class Topic:
    id: str  # "mot_cua"
    label: str  # "Một cửa, một cửa liên thông"
    triggers: tuple[str, ...]  # proper phrases, matched OCR-tolerantly

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other names a user may type for the topic: its trigger phrases."""
        return self.triggers


@lru_cache(maxsize=None)
def load_taxonomy() -> tuple[Topic, ...]:
    return tuple(Topic(t["id"], t["label"], tuple(t["triggers"])) for t in load("topics.json")["topics"])


def topic_labels() -> dict[str, str]:
    return {t["id"]: t["label"] for t in load("topics.json")["topics"]}


def detect_topics(text: str) -> list[TopicHit]:
    """Topics in taxonomy order, each with the sorted lines where a trigger occurs."""
    regex, owners = _topic_regex()
    lines = LineIndex(text)
    evidence: dict[str, set[int]] = {}
    for m in regex.finditer(folded(text)):
        topic = owners[int(m.lastgroup[1:])]
        evidence.setdefault(topic["id"], set()).add(lines.line_of(m.start()))
    labels = topic_labels()
    return [TopicHit(tid, labels[tid], sorted(evidence[tid])) for tid in labels if tid in evidence]
