"""Resolving a topic typed by a user (id, label, with or without diacritics) to taxonomy ids."""
from __future__ import annotations

from indexer.textnorm import fold


def topic_ids_for(typed: str) -> list[str]:
    from indexer.parse.topics import load_taxonomy

    wanted = fold(typed).strip().replace("_", " ")
    ids = []
    for topic in load_taxonomy():
        names = [topic.id.replace("_", " "), fold(topic.label), *(fold(a) for a in getattr(topic, "aliases", ()))]
        if any(wanted == n or (len(wanted) > 2 and wanted in n) for n in names):
            ids.append(topic.id)
    return ids
