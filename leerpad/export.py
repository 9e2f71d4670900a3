"""Everything the leerpad keeps about one user, as plain JSON-ready data (the "download my data"
of schools can include it: ``user_data(user) -> dict``). Evidence files are named, not embedded."""

from selfassessment.framework import level_code

from .models import CalendarFeed, LoggedTraining, MemberGroup, SessionMail, SessionNotice
from .progress import score_of


def user_data(user) -> dict:
    trainings = (
        LoggedTraining.objects.filter(user=user)
        .select_related("offer", "competence")
        .prefetch_related("shares__school", "wall_posts__school")
    )
    results = []
    for result in user.personal_results.all():
        score = score_of(result.code)
        results.append(
            {
                "code": result.code,
                "taken_on": result.taken_on.isoformat(),
                "overall": level_code(score.overall) if score else None,
                "areas": {area: level_code(level) for area, level in score.areas.items()} if score else {},
            }
        )
    return {
        "saved_offers": [
            {
                "offer_id": saved.offer_id,
                "title": saved.offer.title,
                "url": saved.offer.url,
                "following": saved.following,
                "saved_at": saved.saved_at.isoformat(),
            }
            for saved in user.saved_offers.select_related("offer")
        ],
        "calendar_feed": CalendarFeed.objects.filter(user=user).exists(),
        "mail_on_new_sessions": SessionMail.objects.filter(user=user)
        .values_list("wanted", flat=True)
        .first(),
        "new_sessions_mailed": [
            {
                "offer_id": notice.offer_id,
                "start": notice.start.isoformat(),
                "sent_at": notice.sent_at.isoformat(),
            }
            for notice in SessionNotice.objects.filter(user=user).order_by("sent_at", "pk")
        ],
        "school_groups": [
            {"school": entry.membership.school.name, "group": str(entry)}
            for entry in MemberGroup.objects.filter(membership__user=user).select_related(
                "membership__school"
            )
        ],
        "self_assessment_results": results,
        "trainings": [
            {
                "title": training.title,
                "offer_id": training.offer_id,
                "date": training.date.isoformat(),
                "hours": str(training.hours),
                "summary": training.summary,
                "competence": training.competence.code if training.competence else None,
                "evidence": training.evidence_type or None,
                "shared_with": [
                    {
                        "school": share.school.name,
                        "by_name": share.by_name,
                        "shared_on": share.shared_on.isoformat(),
                    }
                    for share in training.shares.all()
                ],
                "on_leerwand": [
                    {
                        "school": wall_post.school.name,
                        "by_name": wall_post.by_name,
                        "posted_at": wall_post.posted_at.isoformat(),
                    }
                    for wall_post in training.wall_posts.all()
                ],
            }
            for training in trainings
        ],
    }
