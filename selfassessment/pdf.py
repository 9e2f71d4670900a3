"""The result as a PDF: WeasyPrint renders the same data from an HTML template made for paper."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "selfassessment/result_pdf.css"


def _no_fetching(url: str, *args, **kwargs):
    # The PDF needs nothing from outside; refuse every URL a template might mention.
    raise ValueError(f"not fetched: {url}")


def render_pdf(request, template: str, context: dict) -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which only the PDF needs

    html = render_to_string(template, context, request=request)
    document = HTML(string=html, base_url=request.build_absolute_uri("/"), url_fetcher=_no_fetching)
    return document.write_pdf(stylesheets=[CSS(filename=finders.find(STYLESHEET))])
