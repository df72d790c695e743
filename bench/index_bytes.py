"""Where an index's bytes are: tantivy's segment files by kind, and each stored field's share of the store.

    python bench/index_bytes.py INDEX_DIR

Segment files are summed by extension (.store: stored fields; .idx, .pos, .term: the inverted
index; .fast: fast fields…) beside the text the index holds (its stored `text`, UTF-8). A stored
field's share is measured, not guessed: every document's value of that field alone is written
to a scratch index with tantivy's own store compression, and that scratch store's size shown.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tantivy  # noqa: E402

from indexer.store.index import current_folder, open_index  # noqa: E402

MB = 1_000_000


def segment_bytes(folder: Path) -> Counter[str]:
    sizes: Counter[str] = Counter()
    for path in folder.iterdir():
        if path.is_file() and path.suffix in (".store", ".idx", ".pos", ".term", ".fast", ".fieldnorm", ".del"):
            sizes[path.suffix] += path.stat().st_size
    return sizes


def stored_values(index: tantivy.Index) -> dict[str, list[object]]:
    searcher = index.searcher()
    found = searcher.search(tantivy.Query.all_query(), limit=max(1, searcher.num_docs))
    values: dict[str, list[object]] = {}
    for _score, address in found.hits:
        for name, field_values in searcher.doc(address).to_dict().items():
            values.setdefault(name, []).extend(field_values)
    return values


def raw_size(value: object) -> int:
    if isinstance(value, bytes):
        return len(value)
    return len(str(value).encode("utf-8"))


def plain_text(value: object) -> str:
    """A stored text value as the report's text: zlib bytes since schema 11 (indexer.search.stored)."""
    return zlib.decompress(value).decode("utf-8", "surrogatepass") if isinstance(value, bytes) else str(value)


def alone_store_bytes(name: str, values: list[object]) -> int:
    """The .store size of `values` as the only stored field (tantivy's block compression)."""
    builder = tantivy.SchemaBuilder()
    is_bytes = isinstance(values[0], bytes)
    if is_bytes:
        builder.add_bytes_field(name, stored=True)
    else:  # indexed as nothing: a raw term of a whole report is refused
        builder.add_text_field(name, stored=True, tokenizer_name="nothing", index_option="basic")
    with tempfile.TemporaryDirectory() as tmp:
        index = tantivy.Index(builder.build(), path=tmp)
        nothing = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw()).filter(tantivy.Filter.remove_long(1)).build()
        index.register_tokenizer("nothing", nothing)
        writer = index.writer(50_000_000, 1)
        for value in values:
            doc = tantivy.Document()
            if isinstance(value, bytes):
                doc.add_bytes(name, value)
            else:
                doc.add_text(name, str(value))
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()
        return sum(p.stat().st_size for p in Path(tmp).glob("*.store"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    args = parser.parse_args()
    folder = current_folder(args.index)
    index = open_index(args.index)
    values = stored_values(index)
    text = sum(len(plain_text(v).encode("utf-8", "surrogatepass")) for v in values.get("text", []))
    sizes = segment_bytes(folder)
    total = sum(sizes.values())
    print(f"{index.searcher().num_docs} reports, text {text / MB:.2f} MB; index {total / MB:.2f} MB = "
          f"{total / text:.2f}x the text")
    for ext, size in sizes.most_common():
        print(f"  {ext:<10} {size / MB:7.2f} MB  {size / text:5.2f}x")
    print("stored fields (raw bytes; .store size when stored alone, tantivy's compression):")
    for name, field_values in sorted(values.items(), key=lambda kv: -sum(raw_size(v) for v in kv[1])):
        raw = sum(raw_size(v) for v in field_values)
        alone = alone_store_bytes(name, field_values)
        print(f"  {name:<12} raw {raw / MB:7.2f} MB   stored {alone / MB:7.2f} MB  {alone / text:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
