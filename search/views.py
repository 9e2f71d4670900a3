"""/zoeken/ (HTML), /api/zoeken/ (JSON) and /zoeken/suggesties/ (autocomplete): thin, they only call
the search service and present its result."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import presenters
from .models import SearchDocument
from .params import parse
from .service import search
from .text import clean_query, fold

AUTOCOMPLETE_LIMIT = 8


@require_GET
def search_page(request):
    params = parse(request.GET)
    result = search(params)
    return render(request, "search/search_page.html", presenters.page_context(request, params, result))


@require_GET
def search_api(request):
    params = parse(request.GET, allow_page_size=True)
    result = search(params)
    return JsonResponse(
        presenters.api_payload(request, params, result), json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def autocomplete(request):
    """Titles that start with (or contain a word starting with) what was typed."""
    typed = fold(clean_query(request.GET.get("q", "")))[:100]
    if len(typed) < 2:
        return JsonResponse({"query": typed, "suggestions": []})
    matches = SearchDocument.objects.filter(title_sort__startswith=typed).order_by("title_sort")[
        :AUTOCOMPLETE_LIMIT
    ]
    found = list(matches.values("title", "url_path", "kind"))
    if len(found) < AUTOCOMPLETE_LIMIT:
        more = (
            SearchDocument.objects.filter(title_sort__contains=f" {typed}")
            .exclude(title_sort__startswith=typed)
            .order_by("title_sort")[: AUTOCOMPLETE_LIMIT - len(found)]
        )
        found += list(more.values("title", "url_path", "kind"))
    return JsonResponse(
        {
            "query": typed,
            "suggestions": [{"title": f["title"], "url": f["url_path"], "type": f["kind"]} for f in found],
        },
        json_dumps_params={"ensure_ascii": False},
    )
