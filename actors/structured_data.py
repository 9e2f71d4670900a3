"""schema.org descriptions of the actors' fiches (JSON-LD), so search engines and other platforms
understand them: Organization for actors, Course (or Event for one-off gatherings) for actions, with
each session as a CourseInstance. Each kind asks for its own (FichePage.structured_data)."""


def with_context(data: dict) -> dict:
    return {"@context": "https://schema.org", **data}


def actor_data(page, request) -> dict:
    url = page.get_full_url(request)
    data = {"@type": "Organization", "name": page.title, "description": page.summary, "url": url}
    if page.website:
        data["sameAs"] = [page.website]
    return with_context(data)


def action_data(page, request) -> dict:
    url = page.get_full_url(request)
    is_event = any(form.code == "evenement" for form in page.forms.all())  # prefetched on the page
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
    start, end = page.period()  # from the sessions where it has any
    if is_event and start:
        data["startDate"] = start.isoformat()
        if end:
            data["endDate"] = end.isoformat()
    instances = [course_instance(session, page) for session in page.sessions.all()]
    if instances and is_event:  # an event's dates are its sub-events
        data["subEvent"] = [{**instance, "@type": "Event"} for instance in instances]
    elif instances:
        data["hasCourseInstance"] = instances
    return with_context(data)


EVENT_STATUS = {"open": "EventScheduled", "volzet": "EventScheduled", "geannuleerd": "EventCancelled"}
COURSE_MODE = {"onsite": "onsite", "online": "online", "blended": "blended"}


def course_instance(session, page) -> dict:
    """One session as a schema.org CourseInstance, with its place and its offer."""
    data = {
        "@type": "CourseInstance",
        "courseMode": COURSE_MODE[session.course_mode],
        "startDate": session.start.isoformat(),
        "inLanguage": session.language,
        "eventStatus": f"https://schema.org/{EVENT_STATUS[session.status]}",
    }
    if session.end:
        data["endDate"] = session.end.isoformat()
    if session.online:
        data["location"] = {
            "@type": "VirtualLocation",
            "url": session.effective_registration_url or page.website,
        }
    else:
        data["location"] = {"@type": "Place", "name": session.location, "address": session.location}
    offer = {
        "@type": "Offer",
        "price": str(session.price or 0),
        "priceCurrency": "EUR",
        "availability": "https://schema.org/SoldOut"
        if session.status == "volzet"
        else "https://schema.org/InStock",
    }
    if session.effective_registration_url:
        offer["url"] = session.effective_registration_url
    data["offers"] = offer
    if session.seats:
        data["maximumAttendeeCapacity"] = session.seats
    return data
