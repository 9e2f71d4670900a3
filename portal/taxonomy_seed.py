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


# What each of the 22 competences is about, in a teacher's words (our own summary; editors change it).
# The search's concept layer (search.concepts) also reads these, so a need described in other words
# still finds the competence.
COMPETENCE_DESCRIPTIONS = {
    "1.1": "Digitale kanalen gebruiken om te communiceren met ouders, leerlingen en collega's: "
    "berichten, schoolapp, e-mail en het elektronisch leerplatform van de school.",
    "1.2": "Met collega's samenwerken via digitale middelen: lesideeën en materiaal delen, samen lessen "
    "voorbereiden en van elkaar leren in netwerken.",
    "1.3": "Terugblikken op de eigen lespraktijk met digitale middelen en die bijsturen, alleen of met "
    "collega's.",
    "1.4": "Zich blijven bijscholen via online cursussen, webinars, MOOC's en nascholing over digitale "
    "middelen.",
    "2.1": "Geschikte digitale leermiddelen, apps en software vinden, vergelijken en kiezen voor de eigen "
    "lessen.",
    "2.2": "Bestaand digitaal lesmateriaal aanpassen of zelf maken: kennisclips, presentaties, oefeningen.",
    "2.3": "Digitale bronnen ordenen, bewaren en delen met respect voor auteursrecht, privacy en "
    "gegevensbescherming van leerlingen.",
    "3.1": "Digitale toestellen en toepassingen inzetten tijdens de les om uitleg te geven en de "
    "instructie te verrijken.",
    "3.2": "Leerlingen ook digitaal opvolgen en begeleiden, binnen en buiten de klas, en snel helpen waar "
    "het vastloopt.",
    "3.3": "Leerlingen digitaal laten samenwerken aan opdrachten en projecten, in groep.",
    "3.4": "Leerlingen met digitale middelen hun eigen leren laten plannen, opvolgen en evalueren.",
    "4.1": "Digitaal toetsen en evalueren: quizzen, digitale toetsen en andere manieren om te meten wat "
    "leerlingen kennen en kunnen.",
    "4.2": "Resultaten en leerbewijzen van leerlingen digitaal verzamelen en analyseren om hun vorderingen "
    "te zien.",
    "4.3": "Leerlingen en ouders tijdig en gericht feedback geven met digitale middelen en het leren van "
    "de leerlingen daarop bijsturen en plannen.",
    "5.1": "Zorgen dat elke leerling mee kan, ook leerlingen met een beperking of leerstoornis zoals "
    "dyslexie: toegankelijke materialen, voorleessoftware en andere hulpmiddelen.",
    "5.2": "Met digitale middelen differentiëren: leerlingen op hun eigen niveau en tempo laten werken.",
    "5.3": "Leerlingen actief en gemotiveerd laten leren met digitale middelen: spel, creatie en onderzoek.",
    "6.1": "Leerlingen leren informatie zoeken en bronnen kritisch beoordelen, en nepnieuws herkennen: "
    "mediawijsheid.",
    "6.2": "Leerlingen leren digitaal communiceren en samenwerken, netjes en veilig.",
    "6.3": "Leerlingen zelf digitale inhoud laten maken: tekst, beeld, video en ook programmeren.",
    "6.4": "Leerlingen leren veilig en verantwoord omgaan met technologie: privacy, welzijn en cyberpesten.",
    "6.5": "Leerlingen leren technische problemen oplossen en computationeel denken.",
}
