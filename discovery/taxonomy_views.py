"""/digcompedu/<code>/ and /pijlers/<slug>/: what an area or pillar is, and every fiche tagged with it.

The listing is the search with that filter fixed: same service, facets and results as /zoeken/.
"""

import re

from django.http import Http404
from django.shortcuts import render

from portal.taxonomy import DigCompEduArea, DigCompEduCompetence, Pillar, ProficiencyLevel
from search import parse, search

from . import presenters

# A code is short and plain ("2", "2.1"); anything else (a NUL byte, say) is unknown before any query.
CODE_RE = re.compile(r"[0-9A-Za-z.-]{1,20}")


def _listing(request, facet: str, code: str, hidden: bool = True) -> dict:
    params = parse(request.GET, interpret=True).without(facet)  # the same search as /zoeken/
    if params.sort == "relevantie" and not params.q:
        params = presenters.with_sort(params, "titel")
    result = search(params.with_filter(facet, code).with_page(params.page))
    return presenters.page_context(request, params, result, path=request.path, hidden_facets=(facet,))


def digcompedu(request, code: str):
    if not CODE_RE.fullmatch(code):
        raise Http404("Onbekend DigCompEdu-domein")
    area = DigCompEduArea.objects.filter(code=code).first()
    competence = None
    if area is None:
        competence = DigCompEduCompetence.objects.select_related("area").filter(code=code).first()
        if competence is None:
            raise Http404("Onbekend DigCompEdu-domein")
        area = competence.area
    context = _listing(request, "digcompedu", code)
    context.update(
        {
            "area": area,
            "competence": competence,
            "competences": area.competences.all(),
            "levels": ProficiencyLevel.objects.all(),
            "search_label": f"Zoek binnen {competence or area}",
        }
    )
    return render(request, "portal/digcompedu.html", context)


def pillar(request, slug: str):
    term = Pillar.objects.filter(code=slug).first()
    if term is None:
        raise Http404("Onbekende pijler")
    context = _listing(request, "pijler", slug)
    context.update(
        {"pillar": term, "pillars": Pillar.objects.all(), "search_label": f"Zoek binnen {term.label}"}
    )
    return render(request, "portal/pillar.html", context)
