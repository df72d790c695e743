"""What a report filter admits: one definition for search (as index terms) and compare (on metadata).

- unit: every folded word typed occurs among the words of the report's unit or
  of its parent unit (`hai phong` admits `UBND phường Lê Chân` under
  `UBND thành phố Hải Phòng`; order and diacritics do not matter);
- type: the folded type name starts with what was typed (`bao` admits
  `Báo cáo`), or what was typed is a type code (`bc`, `kh`, `qđ`);
- dates: the report's date lies within the periods `--from`/`--to` name
  (`indexer.dates`); a report without a full date is not admitted.
"""
from __future__ import annotations

import functools

from indexer.dates import date_range, iso_to_int
from indexer.model import ReportInfo
from indexer.textnorm import fold, query_words


def unit_filter_words(typed: str) -> list[str]:
    return list(dict.fromkeys(query_words(typed)))


def unit_index_words(unit: str | None, unit_parent: str | None) -> list[str]:
    """The words a report's unit filter is checked against (indexed as `unit_words`)."""
    return [w for name in (unit, unit_parent) if name for w in query_words(name)]


def unit_admits(typed: str, unit: str | None, unit_parent: str | None) -> bool:
    have = set(unit_index_words(unit, unit_parent))
    return all(w in have for w in unit_filter_words(typed))


@functools.lru_cache(maxsize=1)
def _type_names_by_code() -> dict[str, str]:
    from indexer.vietnamese.data import load_json as load

    return {fold(code): fold(t["name"]) for t in load("doc_types.json")["types"] for code in t["codes"]}


def type_prefix(typed: str) -> str:
    """The folded prefix a type filter asks for: a code stands for its type's name."""
    folded = " ".join(fold(typed).split())
    return _type_names_by_code().get(folded, folded)


def type_key(doc_type: str | None) -> str:
    """A report's type as indexed (`doc_type_key`): folded, single-spaced."""
    return " ".join(fold(doc_type or "").split())


def type_admits(typed: str, doc_type: str | None) -> bool:
    return bool(doc_type) and type_key(doc_type).startswith(type_prefix(typed))


def dates_admit(date_from: str | None, date_to: str | None, iso: str | None) -> bool:
    lo, hi = date_range(date_from, date_to)
    if lo is None and hi is None:
        return True
    value = iso_to_int(iso)
    return value is not None and (lo is None or value >= lo) and (hi is None or value <= hi)


def report_admits(info: ReportInfo, *, unit: str | None = None, doc_type: str | None = None,
                  date_from: str | None = None, date_to: str | None = None) -> bool:
    return ((not unit or unit_admits(unit, info.unit, info.unit_parent))
            and (not doc_type or type_admits(doc_type, info.doc_type))
            and dates_admit(date_from, date_to, info.date))
