"""Every delete asks first: a GET shows what will go and a button; only the POST of that page acts.

``confirm_then_delete`` is the one shape of every delete view: the confirmation page on GET, on POST
the deletion, a message saying what went, and the way back."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse


def confirm_page(request, *, title: str, question: str, consequences: list[str], back: str, school=None):
    return TemplateResponse(
        request,
        "schools/confirm.html",
        {
            "title": title,
            "question": question,
            "consequences": consequences,
            "back": back,
            "action": request.path,
            "school": school,
        },
    )


def confirm_then_delete(
    request,
    *,
    delete,
    done: str,
    title: str,
    question: str,
    consequences: list[str],
    back: str,
    school=None,
    then: str | None = None,
):
    """GET: the confirmation page. POST: ``delete()`` (an object's delete or any callable, run in one
    transaction), the
    success message ``done``, then a redirect to ``then`` (default: ``back``, the page asked from)."""
    if request.method != "POST":
        return confirm_page(
            request, title=title, question=question, consequences=consequences, back=back, school=school
        )
    with transaction.atomic():
        delete()
    messages.success(request, done)
    return redirect(then or back)
