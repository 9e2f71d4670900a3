"""Benchmark: relevance of the portal's search against plain Wagtail search, as nDCG@10.

    .venv/bin/python bench/relevance.py
    .venv/bin/python bench/relevance.py --set trust     # the 64 queries of relevance_trust.yaml
    .venv/bin/python bench/relevance.py --set concepts  # 12 needs in a teacher's words (search.concepts)
    .venv/bin/python bench/relevance.py --set all       # the three tuning sets above
    .venv/bin/python bench/relevance.py --set validation  # 40 blind-judged queries, never tuned on
    .venv/bin/python bench/relevance.py --set holdout     # 45 more, judged blind by another hand
    .venv/bin/python bench/relevance.py --set holdout2    # 30 needs and plain phrasing, the same way
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/relevance .venv/bin/python bench/relevance.py

Loads the inventory (inventory/data/) into the database named by DATABASE_URL (default: SQLite at
var/bench-relevance.sqlite3), rebuilds both indexes, and runs the judged teacher queries of
tests/fixtures/relevance.yaml through the search page's service call (interpreted, as a visitor
gets it) and through Wagtail's `Page.objects.live().search(q)`. Prints nDCG@10 per query and the
means; the last line is one JSON object.

A third column is a yardstick a competent engineer would set up in an hour: an in-memory Tantivy
index of the same fiches (BM25, Dutch Snowball stemmer, fuzzy terms at distance 1, title boosted 3x
over the summary 2x over the body). It runs when the optional bench dependency is installed
(`pip install -e '.[bench]'`); without it the column shows "-".
"""

import argparse
import json
import math
import os
import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
JUDGEMENTS = {
    "original": ROOT / "tests" / "fixtures" / "relevance.yaml",
    "trust": ROOT / "tests" / "fixtures" / "relevance_trust.yaml",
    "concepts": ROOT / "tests" / "fixtures" / "relevance_concepts.yaml",
    "validation": ROOT / "tests" / "fixtures" / "relevance_validation.yaml",
    "holdout": ROOT / "tests" / "fixtures" / "relevance_holdout.yaml",
    "holdout2": ROOT / "tests" / "fixtures" / "relevance_holdout2.yaml",
}
TUNING_SETS = ("original", "trust", "concepts")  # "all"; validation and the holdouts stay held out
DEPTH = 10


def configure() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    if "DATABASE_URL" not in os.environ:
        (ROOT / "var").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench-relevance.sqlite3'}"
    from bench.search import _create_postgres_database

    _create_postgres_database(os.environ["DATABASE_URL"])
    import django

    django.setup()


def prepare() -> None:
    from django.core.management import call_command

    from search.indexing import rebuild

    call_command("migrate", verbosity=0)
    call_command("load_inventory", verbosity=0)
    rebuild(progress=lambda line: None)  # always: the index terms follow the code under test
    call_command("wagtail_update_index", verbosity=0)


def ndcg(ranked: list[str], judged: dict[str, int], depth: int = DEPTH) -> float:
    gains = [judged.get(key, 0) for key in ranked[:depth]]
    dcg = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(gains))
    ideal = sorted(judged.values(), reverse=True)[:depth]
    best = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / best if best else 0.0


def portal_ranking(q: str) -> list[str]:
    from search.params import SearchParams
    from search.service import search

    result = search(SearchParams(q=q, page_size=DEPTH, facets=False, interpret=True))
    return [f"{hit.type}/{hit.url_path.rstrip('/').rsplit('/', 1)[-1]}" for hit in result.hits]


def wagtail_ranking(q: str) -> list[str]:
    from wagtail.models import Page

    ranked = []
    for page in Page.objects.live().search(q)[: DEPTH * 3]:
        specific = page.specific
        kind = getattr(specific, "search_kind", "")
        if kind:  # the home and index pages are no fiches
            ranked.append(f"{kind}/{specific.slug}")
    return ranked[:DEPTH]


class TantivyYardstick:
    """BM25 over title, summary and body with a Dutch stemmer and fuzzy terms; title boosted."""

    def __init__(self) -> None:
        import tantivy

        from search.models import SearchDocument

        self.tantivy = tantivy
        dutch = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .filter(tantivy.Filter.stemmer("dutch"))
            .build()
        )
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("key", stored=True, tokenizer_name="raw")
        for name in ("title", "summary", "body"):
            builder.add_text_field(name, tokenizer_name="nl")
        self.index = tantivy.Index(builder.build())
        self.index.register_tokenizer("nl", dutch)
        writer = self.index.writer(heap_size=50_000_000, num_threads=1)
        for doc in SearchDocument.objects.order_by("page_id"):  # one order: ties rank alike every run
            slug = doc.url_path.rstrip("/").rsplit("/", 1)[-1]
            writer.add_document(
                tantivy.Document(
                    key=f"{doc.kind}/{slug}", title=doc.title, summary=doc.summary or "", body=doc.body or ""
                )
            )
        writer.commit()
        self.index.reload()

    def ranking(self, q: str) -> list[str]:
        cleaned = " ".join("".join(ch if ch.isalnum() else " " for ch in q).split())
        if not cleaned:
            return []
        fields = ["title", "summary", "body"]
        query, _errors = self.index.parse_query_lenient(
            cleaned,
            fields,
            field_boosts={"title": 3.0, "summary": 2.0, "body": 1.0},
            fuzzy_fields={name: (False, 1, True) for name in fields},
        )
        searcher = self.index.searcher()
        hits = searcher.search(query, DEPTH).hits
        return [searcher.doc(address)["key"][0] for _score, address in hits]


def tantivy_yardstick():
    try:
        return TantivyYardstick()
    except ImportError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-prepare", action="store_true", help="reuse the database as it is")
    parser.add_argument("--set", choices=[*JUDGEMENTS, "all"], default="original", help="which judged set")
    args = parser.parse_args()
    configure()
    if not args.no_prepare:
        prepare()
    from django.db import connection

    chosen = list(TUNING_SETS) if args.set == "all" else [args.set]
    queries = [
        item
        for name in chosen
        for item in yaml.safe_load(JUDGEMENTS[name].read_text(encoding="utf-8"))["queries"]
    ]
    yardstick = tantivy_yardstick()
    portal, wagtail, tantivy, by_kind = [], [], [], {}
    zero_where_wagtail_answers = []
    print(f"{'query':45} {'kind':12} {'portal':>7} {'wagtail':>8} {'tantivy':>8}")
    for item in queries:
        mine = ndcg(portal_ranking(item["q"]), item["judged"])
        theirs = ndcg(wagtail_ranking(item["q"]), item["judged"])
        yard = ndcg(yardstick.ranking(item["q"]), item["judged"]) if yardstick else None
        portal.append(mine)
        wagtail.append(theirs)
        kind = by_kind.setdefault(item["kind"], {"portal": [], "wagtail": [], "tantivy": []})
        kind["portal"].append(mine)
        kind["wagtail"].append(theirs)
        if yard is not None:
            tantivy.append(yard)
            kind["tantivy"].append(yard)
        if mine == 0 and theirs > 0:
            zero_where_wagtail_answers.append(item["q"])
        flag = "  <-- below wagtail by >0.1" if mine < theirs - 0.1 else ""
        yard_text = f"{yard:8.3f}" if yard is not None else f"{'-':>8}"
        print(f"{item['q'][:45]:45} {item['kind']:12} {mine:7.3f} {theirs:8.3f} {yard_text}{flag}")

    def mean(values):
        return round(statistics.mean(values), 3) if values else None

    summary = {
        "set": args.set,
        "queries": len(queries),
        "engine": connection.vendor,
        "portal_ndcg10": mean(portal),
        "wagtail_ndcg10": mean(wagtail),
        "tantivy_ndcg10": mean(tantivy),
        "by_kind": {
            name: {engine: mean(values) for engine, values in kinds.items()}
            for name, kinds in by_kind.items()
        },
        "portal_zero": sum(1 for value in portal if value == 0),
        "below_wagtail_by_0_1": sum(1 for m, w in zip(portal, wagtail, strict=True) if m < w - 0.1),
        "zero_where_wagtail_answers": zero_where_wagtail_answers,
    }
    print(
        f"mean nDCG@{DEPTH}: portal {summary['portal_ndcg10']}, plain Wagtail {summary['wagtail_ndcg10']}, "
        f"Tantivy {summary['tantivy_ndcg10']}"
    )
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
