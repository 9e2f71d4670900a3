"""The result as a PDF: WeasyPrint renders the same data from an HTML template made for paper."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "selfassessment/result_pdf.css"


def _no_fetching(url: str, *args, **kwargs):
    # The PDF needs nothing from outside; refuse every URL a template might mention.
    raise ValueError(f"not fetched: {url}")


def render_pdf(request, template: str, context: dict, variant: str | None = None) -> bytes:
    """``variant``: a WeasyPrint PDF variant, e.g. "pdf/ua-1" for a tagged, accessible PDF."""
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which only the PDF needs

    html = render_to_string(template, context, request=request)
    document = HTML(string=html, base_url=request.build_absolute_uri("/"), url_fetcher=_no_fetching)
    options = {"pdf_variant": variant} if variant else {}
    return document.write_pdf(stylesheets=[CSS(filename=finders.find(STYLESHEET))], **options)
