"""The school's leerwand: summaries of followed trainings that members chose to share with their
school, newest first, for the next staff meeting. Only members of that school see it (404 for anyone
else, login first for an anonymous visitor); each item shows the teacher's name or "een teamlid", as
the teacher chose; withdrawing (or deleting the training or the account) removes it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from schools.access import school_for
from schools.models import School

from .models import WallPost


def shown_name(user) -> str:
    return user.get_full_name() or user.email or user.get_username()


@login_required
@require_POST
def post(request, pk):
    training = get_object_or_404(request.user.logged_trainings, pk=pk)
    raw = request.POST.get("school", "")
    school = School.objects.for_member(request.user).filter(pk=int(raw)).first() if raw.isdigit() else None
    if school is None:
        messages.error(request, "Kies een school waarvan je lid bent. Er is niets gedeeld.")
    elif not training.summary.strip():
        messages.error(
            request,
            "Er is nog geen samenvatting om te delen. Voeg de vorming opnieuw toe met een samenvatting.",
        )
    elif training.wall_posts.filter(school=school).exists():
        messages.error(request, f"‘{training.title}’ staat al op de leerwand van {school.name}.")
    else:
        by_name = request.POST.get("als") == "naam"
        WallPost.objects.create(training=training, school=school, by_name=by_name)
        messages.success(
            request,
            f"Je samenvatting van ‘{training.title}’ staat op de leerwand van {school.name}, "
            f"{'met je naam' if by_name else 'als ‘een teamlid’'}.",
        )
    return redirect("/mijn-leerpad/#gevolgd")


@login_required
@require_POST
def withdraw(request, pk, post_pk):
    training = get_object_or_404(request.user.logged_trainings, pk=pk)
    wall_post = get_object_or_404(training.wall_posts.select_related("school"), pk=post_pk)
    wall_post.delete()
    messages.success(
        request, f"‘{training.title}’ staat niet meer op de leerwand van {wall_post.school.name}."
    )
    return redirect("/mijn-leerpad/#gevolgd")


@login_required
@require_GET
def wall(request, pk):
    school = school_for(request.user, pk)  # 404 unless a member of this school
    posts = list(
        WallPost.objects.filter(school=school)
        .select_related("training__user", "training__competence")
        .order_by("-posted_at", "-pk")[:200]
    )
    rows = [
        {
            "post": item,
            "training": item.training,
            "who": shown_name(item.training.user) if item.by_name else "een teamlid",
            "mine": item.training.user_id == request.user.pk,
        }
        for item in posts
    ]
    return TemplateResponse(request, "leerpad/leerwand.html", {"school": school, "rows": rows})
