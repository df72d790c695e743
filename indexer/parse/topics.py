"""Which CCHC topics a report covers (indexer/data/topics.json), with the lines that show it."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from indexer.model import TopicHit
from indexer.parse.fuzzy import folded
from indexer.parse.phrase_scan import PhraseSet
from indexer.textnorm import LineIndex
from indexer.vietnamese.data import load_json


@cache
def _topic_phrases() -> tuple[PhraseSet, tuple[dict, ...]]:
    pairs = [(trigger, topic) for topic in load_json("topics.json")["topics"] for trigger in topic["triggers"]]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)  # at one start, the longest trigger wins
    return PhraseSet([t for t, _ in pairs]), tuple(topic for _, topic in pairs)


@dataclass(frozen=True, slots=True)
class Topic:
    id: str  # "mot_cua"
    label: str  # "Một cửa, một cửa liên thông"
    triggers: tuple[str, ...]  # proper phrases, matched OCR-tolerantly

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other names a user may type for the topic: its trigger phrases."""
        return self.triggers


@cache
def load_taxonomy() -> tuple[Topic, ...]:
    return tuple(Topic(t["id"], t["label"], tuple(t["triggers"])) for t in load_json("topics.json")["topics"])


def topic_labels() -> dict[str, str]:
    return {t["id"]: t["label"] for t in load_json("topics.json")["topics"]}


def detect_topics(text: str) -> list[TopicHit]:
    """Topics in taxonomy order, each with the sorted lines where a trigger occurs."""
    phrases, owners = _topic_phrases()
    lines = LineIndex(text)
    evidence: dict[str, set[int]] = {}
    for index, start, _ in phrases.finditer(folded(text)):
        evidence.setdefault(owners[index]["id"], set()).add(lines.line_of(start))
    labels = topic_labels()
    return [TopicHit(tid, labels[tid], sorted(evidence[tid])) for tid in labels if tid in evidence]
