"""'Mijn leerpad': every object is reached through request.user, so another teacher's items simply
do not exist for a visitor (404). The calendar feed is the one URL without a login: its secret token
is the key, and revoking the token closes it."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actors.calendar_feed import calendar_for
from actors.models import ActionPage
from actors.session import ActionSession
from schools.models import BEHEERDER, Activity, Plan, School
from selfassessment.pdf import render_pdf

from .export import user_data
from .fit import fit_for
from .forms import TrainingForm
from .models import CalendarFeed, SavedOffer, SchoolShare, SessionMail, SessionNotice
from .priorities import picks_for_member
from .progress import progress_table

FEED_PAST_DAYS = 90


def _offers():
    return ActionPage.objects.live().public()


def _member_schools(user):
    return School.objects.for_member(user).order_by("name", "pk")


@login_required
@require_GET
def home(request):
    user = request.user
    trainings = list(
        user.logged_trainings.select_related("offer", "competence").prefetch_related(
            "shares__school", "wall_posts__school"
        )
    )
    feed = CalendarFeed.objects.filter(user=user).first()
    memberships = list(user.school_memberships.select_related("school").order_by("school__name", "pk"))
    context = {
        "picks": list(picks_for_member(user)),
        "managed": [m.school for m in memberships if m.role == BEHEERDER],
        "saved": list(user.saved_offers.select_related("offer")),
        "feed_url": request.build_absolute_uri(f"/mijn-leerpad/agenda/{feed.token}.ics") if feed else "",
        "progress": progress_table(user.personal_results.all()),
        "trainings": trainings,
        "total_hours": sum((t.hours for t in trainings), 0),
        "schools": [m.school for m in memberships],
        "session_mail": SessionMail.objects.filter(user=user).first(),
    }
    return TemplateResponse(request, "leerpad/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def save_offer(request, page_id):
    """GET: a confirmation with a form (the link on a cached offer page); POST: save, maybe follow."""
    offer = get_object_or_404(_offers(), pk=page_id)
    if request.method == "GET":
        return TemplateResponse(request, "leerpad/save.html", {"offer": offer})
    saved, created = SavedOffer.objects.get_or_create(user=request.user, offer=offer)
    if request.POST.get("volgen") == "ja" and not saved.following:
        saved.following = True
        saved.save(update_fields=["following"])
    if saved.following:
        messages.success(
            request,
            f"‘{offer.title}’ staat in je leerpad en je volgt het: nieuwe sessies komen in je agendalink.",
        )
    else:
        messages.success(request, f"‘{offer.title}’ staat in je leerpad.")
    return redirect("/mijn-leerpad/#bewaard")


@login_required
@require_POST
def follow(request, pk):
    saved = get_object_or_404(request.user.saved_offers.select_related("offer"), pk=pk)
    saved.following = request.POST.get("volgen") == "ja"
    saved.save(update_fields=["following"])
    if saved.following:
        messages.success(request, f"Je volgt ‘{saved.offer.title}’: de sessies komen in je agendalink.")
    else:
        messages.success(request, f"Je volgt ‘{saved.offer.title}’ niet meer.")
    return redirect("/mijn-leerpad/#bewaard")


@login_required
@require_POST
def unsave(request, pk):
    saved = get_object_or_404(request.user.saved_offers.select_related("offer"), pk=pk)
    saved.delete()
    messages.success(request, f"‘{saved.offer.title}’ is uit je leerpad verwijderd.")
    return redirect("/mijn-leerpad/#bewaard")


@login_required
@require_POST
def feed_create(request):
    """Make the personal calendar link, or replace it by a new one (the old one stops working)."""
    with transaction.atomic():
        renewed = CalendarFeed.objects.filter(user=request.user).delete()[0] > 0
        CalendarFeed.objects.create(user=request.user)
    if renewed:
        messages.success(request, "Je hebt een nieuwe agendalink. De vorige werkt niet meer.")
    else:
        messages.success(request, "Je agendalink is klaar. Voeg hem toe in je agenda-app als abonnement.")
    return redirect("/mijn-leerpad/#agenda")


@login_required
@require_POST
def feed_revoke(request):
    CalendarFeed.objects.filter(user=request.user).delete()
    messages.success(request, "Je agendalink is ingetrokken: wie hem nog heeft, ziet niets meer.")
    return redirect("/mijn-leerpad/#agenda")


@require_GET
def feed(request, token):
    calendar_feed = CalendarFeed.objects.filter(token=token).select_related("user").first()
    if calendar_feed is None or not token:
        raise Http404("Deze agendalink bestaat niet (meer).")
    since = timezone.now() - dt.timedelta(days=FEED_PAST_DAYS)
    followed = SavedOffer.objects.filter(user=calendar_feed.user, following=True).values("offer")
    sessions = (
        ActionSession.objects.filter(action__in=followed, action__live=True, start__gte=since)
        .select_related("action")
        .order_by("start", "pk")
    )
    calendar = calendar_for(request, sessions)
    calendar["x-wr-calname"] = "Leerkr@cht.net: mijn leerpad"
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def log_training(request):
    initial = {}
    offer = None
    raw_offer = request.GET.get("aanbod", "")
    if raw_offer.isdigit():
        offer = _offers().filter(pk=int(raw_offer)).first()
        if offer:
            initial = {"offer_id": offer.pk, "title": offer.title[:200]}
    form = TrainingForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        training = form.save(commit=False)
        training.user = request.user
        training.offer = form.cleaned_data.get("offer_id")
        training.evidence_type = form.evidence_type if training.evidence else ""
        training.save()
        messages.success(request, f"‘{training.title}’ staat bij je gevolgde vormingen. Alleen jij ziet het.")
        return redirect("/mijn-leerpad/#gevolgd")
    return TemplateResponse(
        request,
        "leerpad/log_training.html",
        {"form": form, "offer": offer},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def delete_training(request, pk):
    training = get_object_or_404(request.user.logged_trainings, pk=pk)
    with transaction.atomic():
        training.delete()
    messages.success(
        request, f"‘{training.title}’ is gewist, met het bewijsstuk en elke deling met een school."
    )
    return redirect("/mijn-leerpad/#gevolgd")


@login_required
@require_GET
def evidence(request, pk):
    training = get_object_or_404(request.user.logged_trainings.exclude(evidence=""), pk=pk)
    try:
        handle = training.evidence.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Dit bewijsstuk is niet meer te vinden.") from exc
    suffix = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}.get(
        training.evidence_type, ""
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"bewijsstuk-{training.pk}{suffix}",
        content_type=training.evidence_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def school_year_of(day: dt.date) -> str:
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


@login_required
@require_POST
def share_training(request, pk):
    training = get_object_or_404(request.user.logged_trainings, pk=pk)
    raw = request.POST.get("school", "")
    school = _member_schools(request.user).filter(pk=int(raw)).first() if raw.isdigit() else None
    by_name = request.POST.get("als") == "naam"
    if school is None:
        messages.error(request, "Kies een school waarvan je lid bent. Er is niets gedeeld.")
        return redirect("/mijn-leerpad/#gevolgd")
    if training.shares.filter(school=school).exists():
        messages.error(request, f"Je deelde ‘{training.title}’ al met {school.name}. Er is niets gewijzigd.")
        return redirect("/mijn-leerpad/#gevolgd")
    year = school_year_of(training.date)
    plan = Plan.objects.filter(school=school, school_year=year).first()
    if plan is None:
        messages.error(
            request,
            f"{school.name} heeft nog geen plan voor schooljaar {year}: vraag de beheerder om het te maken. Er is niets gedeeld.",
        )
        return redirect("/mijn-leerpad/#gevolgd")
    who = (
        (request.user.get_full_name() or request.user.email or request.user.get_username()) if by_name else ""
    )
    label = f"gedeeld door {who}" if by_name else "gedeeld door een teamlid"
    with transaction.atomic():
        activity = Activity.objects.create(
            plan=plan,
            date=training.date,
            title=f"{training.title[:160]} ({label})"[:200],
            fiche=training.offer_id,
            participants=1,
            hours=training.hours,
        )
        SchoolShare.objects.create(training=training, school=school, activity=activity, by_name=by_name)
    messages.success(
        request,
        f"‘{training.title}’ staat nu bij de activiteiten van {school.name}, {'met je naam' if by_name else 'zonder je naam'}.",
    )
    return redirect("/mijn-leerpad/#gevolgd")


@login_required
@require_POST
def unshare_training(request, pk, share_pk):
    training = get_object_or_404(request.user.logged_trainings, pk=pk)
    share = get_object_or_404(training.shares.select_related("school"), pk=share_pk)
    with transaction.atomic():
        share.delete()  # the signal deletes the school's activity too
    messages.success(request, f"‘{training.title}’ is niet meer gedeeld met {share.school.name}.")
    return redirect("/mijn-leerpad/#gevolgd")


@login_required
@require_GET
def export_json(request):
    response = JsonResponse(user_data(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mijn-leerpad.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def portfolio_pdf(request):
    """The "professionaliseringsportfolio": logged trainings and kept results, rendered by WeasyPrint."""
    user = request.user
    trainings = list(user.logged_trainings.select_related("competence"))
    context = {
        "owner": user.get_full_name() or user.email,
        "made_on": timezone.localdate(),
        "trainings": trainings,
        "total_hours": sum((t.hours for t in trainings), 0),
        "progress": progress_table(user.personal_results.all()),
    }
    response = HttpResponse(
        render_pdf(request, "leerpad/portfolio_pdf.html", context), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="professionaliseringsportfolio.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_everything(request):
    if request.method == "POST":
        if request.POST.get("bevestig") != "ja":
            messages.error(request, "Vink aan dat je alles wil wissen. Er is niets gewist.")
            return TemplateResponse(request, "leerpad/delete_all.html", {}, status=400)
        with transaction.atomic():
            for result in request.user.personal_results.all():
                result.forget()
            for training in request.user.logged_trainings.all():
                training.delete()
            request.user.saved_offers.all().delete()
            CalendarFeed.objects.filter(user=request.user).delete()
            SessionMail.objects.filter(user=request.user).delete()
            SessionNotice.objects.filter(user=request.user).delete()
        messages.success(request, "Je leerpad is leeg: alles is gewist, ook wat je met een school deelde.")
        return redirect("leerpad:home")
    return TemplateResponse(request, "leerpad/delete_all.html", {})


@require_GET
def fits_me(request, page_id):
    """ "Past dit bij mij?" on an offer: with a kept result, compare; without one, take the test."""
    offer = get_object_or_404(_offers(), pk=page_id)
    latest = request.user.personal_results.first() if request.user.is_authenticated else None
    if latest is None:
        return redirect("selfassessment:start")
    return TemplateResponse(
        request, "leerpad/fits_me.html", {"offer": offer, "result": latest, **fit_for(offer, latest.code)}
    )
