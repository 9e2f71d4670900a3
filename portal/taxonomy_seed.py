"""The taxonomies' starting values (codes and Dutch labels), from the domain description.

Used by the data migration that gives a fresh database its taxonomies; editors change labels later.
"""

DIGCOMPEDU = [
    (
        "1",
        "Professionele betrokkenheid",
        [
            ("1.1", "Organisatorische communicatie"),
            ("1.2", "Professionele samenwerking"),
            ("1.3", "Reflectieve praktijk"),
            ("1.4", "Digitale professionele ontwikkeling"),
        ],
    ),
    (
        "2",
        "Digitale bronnen",
        [
            ("2.1", "Selecteren"),
            ("2.2", "Creëren en aanpassen"),
            ("2.3", "Beheren, beschermen en delen"),
        ],
    ),
    (
        "3",
        "Onderwijzen en leren",
        [
            ("3.1", "Onderwijzen"),
            ("3.2", "Begeleiden"),
            ("3.3", "Samenwerkend leren"),
            ("3.4", "Zelfgestuurd leren"),
        ],
    ),
    (
        "4",
        "Toetsen en evalueren",
        [
            ("4.1", "Toetsstrategieën"),
            ("4.2", "Analyseren van leerbewijzen"),
            ("4.3", "Feedback en planning"),
        ],
    ),
    (
        "5",
        "Lerenden ondersteunen",
        [
            ("5.1", "Toegankelijkheid en inclusie"),
            ("5.2", "Differentiatie en personalisering"),
            ("5.3", "Lerenden actief betrekken"),
        ],
    ),
    (
        "6",
        "Digitale competentie van lerenden faciliteren",
        [
            ("6.1", "Informatie- en mediageletterdheid"),
            ("6.2", "Digitale communicatie en samenwerking"),
            ("6.3", "Digitale contentcreatie"),
            ("6.4", "Verantwoord gebruik"),
            ("6.5", "Digitaal probleemoplossen"),
        ],
    ),
]

AREA_DESCRIPTIONS = {
    "1": "Hoe leraren digitale middelen gebruiken in hun beroep buiten de klas: communiceren met collega's, "
    "ouders en leerlingen, samenwerken, reflecteren op de eigen praktijk en zich blijven professionaliseren.",
    "2": "Digitale leermiddelen vinden en kritisch kiezen, ze aanpassen of zelf maken, en ze veilig en met "
    "respect voor auteursrecht en privacy bewaren en delen.",
    "3": "Digitale middelen inzetten in het lesgeven zelf: instructie, begeleiding van leerlingen, "
    "samenwerkend leren en leerlingen die hun eigen leren sturen.",
    "4": "Digitaal toetsen en evalueren: leerbewijzen verzamelen en analyseren, en er tijdig en gericht "
    "feedback en bijsturing uit halen.",
    "5": "Met digitale middelen elke leerling bereiken: toegankelijkheid en inclusie, differentiatie en "
    "personalisering, en leerlingen actief laten deelnemen.",
    "6": "Leerlingen zelf digitaal competent maken: informatie- en mediawijsheid, communiceren en samenwerken, "
    "digitale inhoud maken, verantwoord en veilig gebruik, en problemen digitaal oplossen.",
}


# (model name, [(code, label, description), ...])
SIMPLE_TAXONOMIES = {
    "ProficiencyLevel": [
        ("A1", "Nieuwkomer", "Heeft weinig ervaring met digitale middelen en zoekt houvast."),
        ("A2", "Ontdekker", "Verkent digitale mogelijkheden en gebruikt ze af en toe."),
        ("B1", "Integrator", "Zet digitale middelen geregeld en doordacht in, in verschillende contexten."),
        ("B2", "Expert", "Gebruikt digitale middelen zelfverzekerd, kritisch en creatief."),
        ("C1", "Leider", "Heeft een brede aanpak en inspireert collega's."),
        ("C2", "Pionier", "Stelt de gangbare praktijk in vraag en vernieuwt."),
    ],
    "Pillar": [
        (
            "digicoach",
            "Een digicoach in elke school",
            "Rollen en profielen die de digitale werking van een school dragen: ICT-coördinator, i-coach, mediacoach.",
        ),
        (
            "screening",
            "Zicht op competenties",
            "Screening, intake en zelfevaluatie, zodat professionalisering vertrekt van wat leraren al kunnen.",
        ),
        (
            "aanbod",
            "Professionalisering op maat",
            "Opleidingen, trajecten, coaching en lesmateriaal die aansluiten bij het niveau van de leraar.",
        ),
        (
            "netwerken",
            "Lerende netwerken en kennisdeling",
            "Leraren en scholen die van elkaar leren in netwerken, op evenementen en via gedeelde bronnen.",
        ),
        (
            "infrastructuur",
            "ICT-infrastructuur",
            "Toestellen, netwerk en ondersteuning; in het rapport genoemd als mogelijke vijfde pijler.",
        ),
    ],
    "SchoolLevel": [
        ("kleuter", "Kleuteronderwijs", ""),
        ("lager", "Lager onderwijs", ""),
        ("secundair-1", "Secundair onderwijs, 1e graad", ""),
        ("secundair-2", "Secundair onderwijs, 2e graad", ""),
        ("secundair-3", "Secundair onderwijs, 3e graad", ""),
        ("buitengewoon", "Buitengewoon onderwijs", ""),
        ("volwassenen", "Volwassenenonderwijs", ""),
        ("lerarenopleiding", "Lerarenopleiding", ""),
    ],
    "Audience": [
        ("leerkrachten", "Leerkrachten", ""),
        ("ict-coordinatoren", "ICT-coördinatoren", ""),
        ("directies", "Directies", ""),
        ("administratief-personeel", "Administratief personeel", ""),
        ("leerlingen", "Leerlingen", ""),
        ("lerarenopleiders", "Lerarenopleiders", ""),
    ],
    "ProfessionalisationForm": [
        ("webinar", "Webinar", ""),
        ("cursus", "Cursus", ""),
        ("training", "Training", ""),
        ("meerdaagse-vorming", "Meerdaagse vorming", ""),
        ("traject", "Traject", ""),
        ("maattraject", "Maattraject", ""),
        ("evenement", "Evenement of congres", ""),
        ("leerpad", "Leerpad", ""),
        ("e-learning", "E-learning", ""),
        ("mooc", "MOOC", ""),
        ("micro-credential", "Micro-credential", ""),
        ("collegiale-visitatie", "Collegiale visitatie", ""),
        ("lesson-study", "Lesson study", ""),
        ("intervisie", "Intervisie", ""),
        ("netwerk", "Netwerk", ""),
        ("lesmateriaal", "Lesmateriaal", ""),
        ("zelfevaluatie-instrument", "Zelfevaluatie-instrument", ""),
    ],
    "EindtermBlock": [
        (
            "digitale-media",
            "Digitale media en toepassingen: creëren, participeren en interageren",
            "",
        ),
        ("computationeel-denken", "Computationeel denken en handelen", ""),
        ("mediawijsheid", "Mediawijsheid", ""),
    ],
    "EducationNetwork": [
        ("go", "GO! onderwijs van de Vlaamse Gemeenschap", ""),
        ("kov", "Katholiek Onderwijs Vlaanderen", ""),
        ("ovsg", "OVSG", ""),
        ("pov", "POV", ""),
        ("netoverschrijdend", "Netoverschrijdend", ""),
    ],
}


def load_taxonomies(get_model) -> None:
    """Create or complete every taxonomy; existing labels (maybe renamed by editors) stay as they are."""
    area_model = get_model("portal", "DigCompEduArea")
    competence_model = get_model("portal", "DigCompEduCompetence")
    for area_order, (code, label, competences) in enumerate(DIGCOMPEDU, start=1):
        area, _ = area_model.objects.get_or_create(
            code=code, defaults={"label": label, "sort_order": area_order}
        )
        for order, (comp_code, comp_label) in enumerate(competences, start=1):
            competence_model.objects.get_or_create(
                code=comp_code,
                defaults={"label": comp_label, "area": area, "sort_order": area_order * 10 + order},
            )
    for model_name, values in SIMPLE_TAXONOMIES.items():
        model = get_model("portal", model_name)
        for order, (code, label, description) in enumerate(values, start=1):
            model.objects.get_or_create(
                code=code, defaults={"label": label, "description": description, "sort_order": order}
            )
