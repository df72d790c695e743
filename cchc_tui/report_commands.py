"""Command palette provider: "Open report <id>" for every indexed report (and its unit, title)."""
from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from cchc_tui.messages import OpenReport


class ReportCommands(Provider):
    """Type part of a doc id, a unit or a title to open that report."""

    async def startup(self) -> None:
        self.entries = await asyncio.to_thread(self.app.report_index)

    def _open(self, doc_id: str) -> None:
        self.app.post_message(OpenReport(doc_id))

    async def discover(self) -> Hits:
        for doc_id, described in self.entries[:10]:
            yield DiscoveryHit(f"Open report {doc_id}", partial(self._open, doc_id), help=described)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for doc_id, described in self.entries:
            score = max(matcher.match(f"Open report {doc_id}"), matcher.match(described) * 0.9)
            if score > 0:
                yield Hit(score, matcher.highlight(f"Open report {doc_id}"), partial(self._open, doc_id), help=described)
