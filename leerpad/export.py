"""Everything the leerpad keeps about one user, as plain JSON-ready data (the "download my data"
of schools can include it: ``user_data(user) -> dict``). Evidence files are named, not embedded."""

from selfassessment.framework import level_code

from .models import CalendarFeed, LoggedTraining
from .progress import score_of


def user_data(user) -> dict:
    trainings = (
        LoggedTraining.objects.filter(user=user)
        .select_related("offer", "competence")
        .prefetch_related("shares__school")
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
            }
            for training in trainings
        ],
    }
