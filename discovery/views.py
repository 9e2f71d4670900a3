"""/zoeken/ (HTML), /api/zoeken/ (JSON) and /zoeken/suggesties/ (autocomplete): thin, they only call
the search service and present its result."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from search import announce_search, clean_query, fold, parse, search, suggest

from . import exports, presenters

EXPORT_FORMATS = {"csv", "csv-komma", "json"}


@require_GET
def search_page(request):
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        return exports.export(request, parse(request.GET), fmt)  # files are literal: no guessing
    if fmt in exports.REGISTERED_FORMATS:
        return exports.REGISTERED_FORMATS[fmt](request, parse(request.GET))
    params = parse(request.GET, interpret=True)
    result = search(params)
    announce_search(params.q, result.total)
    request.recorded_search = (params.q, result.total)  # counted again when the page cache answers
    context = presenters.page_context(request, params, result)
    context["embed_url"] = request.build_absolute_uri(
        presenters.url_for(params, "/embed/", include_page=False)
    )
    context["feed_url"] = presenters.url_for(params, "/zoeken/feed/", include_page=False)
    context["export_urls"] = {
        fmt.replace("-", "_"): presenters.url_for(params, include_page=False)
        + ("&" if params.query_items() else "?")
        + f"format={fmt}"
        for fmt in sorted(EXPORT_FORMATS | set(exports.REGISTERED_FORMATS))
    }
    return render(request, "discovery/search_page.html", context)


@require_GET
@xframe_options_exempt
def embed(request):
    """The results of a search, for an <iframe> on another site: minimal styling, links open the portal."""
    params = parse(request.GET)
    result = search(params)
    return render(
        request, "discovery/embed.html", presenters.page_context(request, params, result, path="/embed/")
    )


@require_GET
def search_api(request):
    params = parse(request.GET, allow_page_size=True, interpret=True)
    result = search(params)
    announce_search(params.q, result.total)
    request.recorded_search = (params.q, result.total)  # counted again when the page cache answers
    return JsonResponse(
        presenters.api_payload(request, params, result), json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def autocomplete(request):
    """Fiches with a title word starting with what was typed, and popular search words."""
    typed = fold(clean_query(request.GET.get("q", "")))[:100].strip()
    if len(typed) < 2 or not any(ch.isalnum() for ch in typed):
        return JsonResponse({"query": typed, "suggestions": [], "terms": []})
    fiches, terms = suggest(typed)
    return JsonResponse(
        {"query": typed, "suggestions": fiches, "terms": terms}, json_dumps_params={"ensure_ascii": False}
    )
