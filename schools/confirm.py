"""Every delete asks first: a GET shows what will go and a button; only the POST of that page acts."""

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
