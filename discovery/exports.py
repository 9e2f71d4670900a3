"""Any search as a file with all its results: CSV or JSON.

`format=csv` is for Excel in nl-BE: `;` between fields and a BOM (so Excel reads the accents);
`format=csv-komma` is the same file with `,` for tools that expect it. Taxonomy appears as labels,
one row per result, with the organiser, level, school level, cost, status and next session of an offer. Pages of results are fetched from the search
service one after another, so an export reuses every filter and rule of the search itself.
"""

import csv
import io
import json
from dataclasses import replace

from django.http import HttpResponse

from portal.fiche import kind_labels
from search import MAX_PAGE_SIZE, SearchParams, search
from search import facet_vocabulary as vocabulary

from .feeds import local_time
from .presenters import card_facts

# Formats that apps above search add (e.g. "ics" by actors): name -> view(request, params) -> response.
REGISTERED_FORMATS: dict = {}


def register_format(name: str, view) -> None:
    REGISTERED_FORMATS[name] = view


COLUMNS = [
    "id",
    "soort",
    "titel",
    "url",
    "samenvatting",
    "organisator",
    "bron",
    "digcompedu",
    "pijlers",
    "niveau",
    "onderwijsniveau",
    "kostprijs",
    "status",
    "volgende sessie",
    "gepubliceerd",
]
CSV_DELIMITERS = {"csv": ";", "csv-komma": ","}
COST_LABELS = {"ja": "Gratis", "nee": "Betalend"}


def all_hits(params: SearchParams):
    page = 1
    while True:
        result = search(replace(params, page=page, page_size=MAX_PAGE_SIZE))
        yield from result.hits
        if page * MAX_PAGE_SIZE >= result.total or not result.hits:
            return
        page += 1


def _labels(labels: dict, facet: str, hit) -> str:
    names = labels.get(facet, {})
    return "; ".join(names.get(code, code) for code in hit.values.get(facet, []))


def rows(request, params: SearchParams) -> list[dict]:
    labels = vocabulary()
    hits = list(all_hits(params))
    facts = card_facts(hits)
    return [
        {
            "id": hit.id,
            "soort": kind_labels().get(hit.type, hit.type),
            "titel": hit.title,
            "url": request.build_absolute_uri(hit.url_path),
            "samenvatting": hit.summary,
            "organisator": dict(facts.get(hit.id, [])).get("Organisatie", ""),
            "bron": hit.source,
            "digcompedu": "; ".join(labels["digcompedu"].get(code, code) for code in hit.digcompedu),
            "pijlers": "; ".join(labels["pijler"].get(code, code) for code in hit.pijlers),
            "niveau": _labels(labels, "niveau", hit),
            "onderwijsniveau": _labels(labels, "onderwijsniveau", hit),
            "kostprijs": "; ".join(COST_LABELS.get(v, v) for v in hit.values.get("gratis", [])),
            "status": _labels(labels, "status", hit),
            "volgende sessie": dict(facts.get(hit.id, [])).get("Volgende sessie", ""),
            "gepubliceerd": local_time(hit.published_at).date().isoformat() if hit.published_at else "",
        }
        for hit in hits
    ]


def export(request, params: SearchParams, fmt: str) -> HttpResponse:
    data = rows(request, params)
    if fmt in CSV_DELIMITERS:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=CSV_DELIMITERS[fmt])
        writer.writeheader()
        writer.writerows(data)
        content, content_type = "\ufeff" + buffer.getvalue(), "text/csv; charset=utf-8"
    else:
        content = json.dumps(
            {"query": params.q, "total": len(data), "results": data}, ensure_ascii=False, indent=1
        )
        content_type = "application/json; charset=utf-8"
    response = HttpResponse(content.encode("utf-8"), content_type=content_type)
    extension = "csv" if fmt in CSV_DELIMITERS else fmt
    response["Content-Disposition"] = f'attachment; filename="leerkracht-zoekresultaten.{extension}"'
    return response
