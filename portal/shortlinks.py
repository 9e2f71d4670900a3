"""Permanent short links: /f/<page id>/ always leads to a fiche's current address.

Page ids never change, so a link an adviser shares keeps working after editors rename or move the
page (Wagtail's redirects app covers old full addresses as well).
"""

from django.http import Http404
from django.shortcuts import redirect
from wagtail.models import Page


def short_link(request, page_id: int):
    page = Page.objects.live().public().filter(pk=page_id).first()
    url = page.get_url(request) if page else None
    if not url:
        raise Http404("Deze fiche bestaat niet (meer) of is niet openbaar.")
    return redirect(url, permanent=False)  # 302: the target may move again, the short link stays


def short_url(page) -> str:
    return f"/f/{page.pk}/"
