"""Any search as a file with all its results: CSV (UTF-8 with a BOM, so Excel reads the accents) or JSON.

Taxonomy appears as labels, one row per result. Pages of results are fetched from the search
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

# Formats that apps above search add (e.g. "ics" by actors): name -> view(request, params) -> response.
REGISTERED_FORMATS: dict = {}


def register_format(name: str, view) -> None:
    REGISTERED_FORMATS[name] = view


COLUMNS = ["id", "soort", "titel", "url", "samenvatting", "bron", "digcompedu", "pijlers", "gepubliceerd"]


def all_hits(params: SearchParams):
    page = 1
    while True:
        result = search(replace(params, page=page, page_size=MAX_PAGE_SIZE))
        yield from result.hits
        if page * MAX_PAGE_SIZE >= result.total or not result.hits:
            return
        page += 1


def rows(request, params: SearchParams) -> list[dict]:
    labels = vocabulary()
    return [
        {
            "id": hit.id,
            "soort": kind_labels().get(hit.type, hit.type),
            "titel": hit.title,
            "url": request.build_absolute_uri(hit.url_path),
            "samenvatting": hit.summary,
            "bron": hit.source,
            "digcompedu": "; ".join(labels["digcompedu"].get(code, code) for code in hit.digcompedu),
            "pijlers": "; ".join(labels["pijler"].get(code, code) for code in hit.pijlers),
            "gepubliceerd": hit.published_at.date().isoformat() if hit.published_at else "",
        }
        for hit in all_hits(params)
    ]


def export(request, params: SearchParams, fmt: str) -> HttpResponse:
    data = rows(request, params)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(data)
        content, content_type = "\ufeff" + buffer.getvalue(), "text/csv; charset=utf-8"
    else:
        content = json.dumps(
            {"query": params.q, "total": len(data), "results": data}, ensure_ascii=False, indent=1
        )
        content_type = "application/json; charset=utf-8"
    response = HttpResponse(content.encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="leerkracht-zoekresultaten.{fmt}"'
    return response
