"""schema.org descriptions of fiches (JSON-LD), so search engines and other platforms understand them:
Organization for actors, Course (or Event for one-off gatherings) for actions."""


def structured_data(page, request) -> dict | None:
    kind = type(page).__name__
    url = page.get_full_url(request)
    if kind == "ActorPage":
        data = {"@type": "Organization", "name": page.title, "description": page.summary, "url": url}
        if page.website:
            data["sameAs"] = [page.website]
        return _with_context(data)
    if kind == "ActionPage":
        is_event = page.forms.filter(code="evenement").exists()
        data = {
            "@type": "Event" if is_event else "Course",
            "name": page.title,
            "description": page.summary,
            "url": url,
            "inLanguage": "nl-BE",
            "audience": [
                {"@type": "EducationalAudience", "educationalRole": audience.label}
                for audience in page.audiences.all()
            ],
            "educationalLevel": [f"DigCompEdu {level.code} {level.label}" for level in page.levels.all()],
        }
        organisers = [
            {"@type": "Organization", "name": actor.title, "url": actor.get_full_url(request)}
            for actor in page.public_organisers()
        ]
        data["organizer" if is_event else "provider"] = organisers
        if page.cost:
            data["isAccessibleForFree"] = page.cost == "gratis"
        if is_event and page.start_date:
            data["startDate"] = page.start_date.isoformat()
            if page.end_date:
                data["endDate"] = page.end_date.isoformat()
        return _with_context(data)
    return None


def _with_context(data: dict) -> dict:
    return {"@context": "https://schema.org", **data}
