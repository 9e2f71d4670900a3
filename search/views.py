"""/zoeken/ (HTML), /api/zoeken/ (JSON) and /zoeken/suggesties/ (autocomplete): thin, they only call
the search service and present its result."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from editorial.insight import record_search

from . import exports, presenters
from .models import SearchDocument
from .params import parse
from .service import search
from .text import clean_query, fold

AUTOCOMPLETE_LIMIT = 8


EXPORT_FORMATS = {"csv", "json"}


@require_GET
def search_page(request):
    params = parse(request.GET)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        return exports.export(request, params, fmt)
    if fmt in exports.REGISTERED_FORMATS:
        return exports.REGISTERED_FORMATS[fmt](request, params)
    result = search(params)
    record_search(params.q, result.total)
    request.recorded_search = (params.q, result.total)  # counted again when the page cache answers
    context = presenters.page_context(request, params, result)
    context["embed_url"] = request.build_absolute_uri(
        presenters.url_for(params, "/embed/", include_page=False)
    )
    context["feed_url"] = presenters.url_for(params, "/zoeken/feed/", include_page=False)
    context["export_urls"] = {
        fmt: presenters.url_for(params, include_page=False)
        + ("&" if params.query_items() else "?")
        + f"format={fmt}"
        for fmt in sorted(EXPORT_FORMATS | set(exports.REGISTERED_FORMATS))
    }
    return render(request, "search/search_page.html", context)


@require_GET
@xframe_options_exempt
def embed(request):
    """The results of a search, for an <iframe> on another site: minimal styling, links open the portal."""
    params = parse(request.GET)
    result = search(params)
    return render(
        request, "search/embed.html", presenters.page_context(request, params, result, path="/embed/")
    )


@require_GET
def search_api(request):
    params = parse(request.GET, allow_page_size=True)
    result = search(params)
    record_search(params.q, result.total)
    request.recorded_search = (params.q, result.total)
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
