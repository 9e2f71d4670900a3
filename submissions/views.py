"""The public forms: Meld aanbod aan (/aanbod/aanmelden/) and Meld een fout of update (/melden/<id>/).

Every submission is checked (honeypot, rate limit, form), stored for the editors, mailed to them and
confirmed to the submitter. Nothing becomes public: a new offer is an unpublished draft page.
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from . import notify, ratelimit
from .drafts import offer_draft
from .forms import CorrectionForm, OfferForm
from .models import Submission, within_retry_window

TOO_MANY = (
    "Je hebt het afgelopen uur al veel meldingen gestuurd. Probeer het later opnieuw, of mail de redactie."
)


def is_repeat(data: dict, page) -> bool:
    """The same sender sent the same text about the same page within RETRY_WINDOW."""
    recent = within_retry_window(Submission.objects.filter(email__iexact=data["email"]))
    if page is None:  # a new offer: its draft page is not known yet, the title is
        return recent.filter(kind=Submission.Kind.NEW_OFFER, title=data["title"]).exists()
    return recent.filter(page=page, message=data["message"]).exists()


def _admin_url(request, submission) -> str:
    return request.build_absolute_uri(
        reverse("wagtailsnippets_submissions_submission:edit", args=[submission.pk])
    )


def _handle(request, form, template: str, context: dict, create, back_to=None):
    if request.method == "POST":
        if ratelimit.over_limit(request):
            form.add_error(None, TOO_MANY)
            return render(request, template, {**context, "form": form}, status=429)
        if form.is_valid():
            ratelimit.count(request)
            if not form.is_bot and not is_repeat(form.cleaned_data, context.get("fiche")):
                # A bot gets the same answer and leaves nothing behind; so does the same submission
                # sent again (a retry after an error or a double click). The mails are queued in the
                # outbox in the same transaction: a mail server that is down fails nothing here.
                with transaction.atomic():
                    submission = create(form.cleaned_data)
                    notify.tell_editors(
                        submission,
                        _admin_url(request, submission),
                        request.build_absolute_uri(submission.draft_edit_path())
                        if submission.page_id
                        else "",
                    )
                    notify.confirm_to_submitter(submission)
            thanks_url = reverse("submission-thanks")
            return redirect(f"{thanks_url}?fiche={back_to.pk}" if back_to is not None else thanks_url)
    return render(request, template, {**context, "form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def offer(request):
    def create(data):
        submission = Submission.objects.create(
            kind=Submission.Kind.NEW_OFFER,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            title=data["title"],
            message=f"{data['summary']}\n\n{data['description']}",
            first_session=form.first_session(),
        )
        submission.page = offer_draft(data, submission.pk, submission.first_session)
        submission.save(update_fields=["page"])
        return submission

    form = OfferForm(request.POST or None)
    return _handle(request, form, "submissions/offer.html", {}, create)


@require_http_methods(["GET", "POST"])
def correction(request, page_id: int):
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None or not hasattr(page, "summary"):
        raise Http404("Deze fiche bestaat niet (meer).")

    def create(data):
        return Submission.objects.create(
            kind=Submission.Kind.CORRECTION,
            page=page,
            name=data["name"],
            email=data["email"],
            title=page.title,
            message=data["message"],
        )

    form = CorrectionForm(request.POST or None)
    return _handle(request, form, "submissions/correction.html", {"fiche": page}, create, back_to=page)


def thanks(request):
    """The thank-you page; after a correction it links back to the fiche (only a live, public one)."""
    fiche_id = request.GET.get("fiche", "")
    fiche = None
    if fiche_id.isdigit() and len(fiche_id) < 12:
        fiche = Page.objects.live().public().filter(pk=int(fiche_id)).first()
    return render(request, "submissions/thanks.html", {"fiche": fiche})
