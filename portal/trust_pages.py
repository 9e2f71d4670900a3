"""The pages that say who runs the portal, how to reach it, what happens with data and how accessible
it is. `setup_site` creates them once as ordinary StandardPages; from then on editors own the text."""

# (slug, title, intro, body as (block type, value) pairs)
ABOUT = (
    "over",
    "Over Leerkr@cht.net",
    "Leerkr@cht.net brengt samen wat in Vlaanderen bestaat om leraren digitaal sterker te maken, "
    "zodat een leraar, een school of een begeleider snel vindt wat past.",
    [
        ("heading", "Waarom dit portaal"),
        (
            "paragraph",
            "<p>Er is veel aanbod rond digitale competenties, verspreid over tientallen organisaties. "
            "Wie zoekt, verliest tijd aan losse websites. Het portaal zet dat aanbod op één plek, "
            "geordend volgens het Europese kader DigCompEdu en de pijlers van het actieprogramma.</p>",
        ),
        ("heading", "Wie het portaal maakt"),
        (
            "paragraph",
            "<p>Een redactie houdt de fiches bij en keurt elke wijziging goed voor ze verschijnt. "
            "Aanbieders melden zelf nieuw aanbod en fouten via een formulier; partnerorganisaties "
            "met een account werken hun eigen fiches bij, altijd na controle door de redactie.</p>",
        ),
        ("heading", "Waar de inhoud vandaan komt"),
        (
            "paragraph",
            "<p>De eerste inhoud komt uit het <em>Analyserapport Leerkr@cht.net</em> (3 april 2020), "
            "in eigen woorden herschreven. Zo'n fiche vermeldt dat ze nog niet herzien is, tot de "
            "redactie ze heeft nagekeken. Elke fiche toont wanneer ze inhoudelijk het laatst is "
            'bijgewerkt. De volledige inhoud is open data: zie <a href="/api/">Open data en API</a>.</p>',
        ),
        ("heading", "Voor scholen"),
        (
            "paragraph",
            '<p>In <a href="/mijn-school/">Mijn school</a> doet een schoolteam samen de zelfevaluatie, '
            "maakt het een professionaliseringsplan en krijgt het een jaarverslag. Elke leraar blijft "
            "anoniem: de school ziet alleen teamcijfers die op minstens vijf collega's steunen.</p>",
        ),
    ],
)


def _contact_body():
    # The address itself comes from Instellingen > Organisatie en privacy (templates/portal/trust_facts.html).
    return [
        ("heading", "De redactie bereiken"),
        ("paragraph", "<p>Mail de redactie op het adres hierboven; we antwoorden binnen vijf werkdagen.</p>"),
        ("heading", "Aanbod melden of een fout doorgeven"),
        (
            "paragraph",
            '<p>Organiseer je zelf vorming of een initiatief? <a href="/aanbod/aanmelden/">Meld je aanbod aan</a>. '
            "Zie je een fout of is er nieuws over een fiche? Gebruik de knop "
            "“Meld een fout of update” onderaan die fiche. De redactie bekijkt elke melding "
            "voor er iets verandert op de site.</p>",
        ),
    ]


PRIVACY_BODY = [
    ("heading", "Wat we bewaren"),
    (
        "paragraph",
        "<p>Wie het portaal bezoekt, hoeft zich niet aan te melden. We plaatsen geen "
        "advertentie- of volgcookies en laden geen lettertypes, kaarten of afbeeldingen van andere "
        "diensten. Zoekopdrachten tellen we per dag en per zoekterm, zonder te bewaren wie zocht.</p>",
    ),
    ("heading", "Als je iets meldt"),
    (
        "paragraph",
        "<p>Wie aanbod aanmeldt of een fout doorgeeft, geeft een naam en een e-mailadres op. We "
        "gebruiken die alleen om de melding te bevestigen, vragen te stellen en te laten weten "
        "wanneer ze verwerkt is. Na de verwerking blijft de melding bewaard als spoor van de "
        "wijziging; op vraag wissen we je gegevens.</p>",
    ),
    ("heading", "Als je aanbod aanbiedt"),
    (
        "paragraph",
        "<p>Om de paar maanden vragen we elke organisatie met aanbod op het portaal of haar fiches nog "
        "kloppen. We mailen daarvoor alleen het algemene adres van de organisatie, nooit een persoonlijk "
        "adres. De link werkt 30 dagen; we bewaren wie antwoordde, wanneer en wat.</p>",
    ),
    ("heading", "Accounts"),
    (
        "paragraph",
        "<p>Redacteurs en partnerorganisaties met een account zijn gekend met naam en e-mailadres. "
        "Elke wijziging die ze maken, wordt bewaard in de geschiedenis van de pagina.</p>",
    ),
    ("heading", "Mijn leerpad"),
    (
        "paragraph",
        "<p>Met een account kan je aanbod bewaren en volgen, je zelfevaluaties bewaren en gevolgde "
        "vormingen noteren. Alleen jij ziet je leerpad. Je school ziet er niets van, tenzij je zelf "
        "een gevolgde vorming deelt: dan staat ze (titel, datum, uren) bij de activiteiten en in het "
        "jaarverslag van je school, met je naam of als ‘een teamlid’, zoals je kiest. Een samenvatting "
        "die je op de leerwand van je school zet, lezen alleen de leden van die school. Delen kan je "
        "altijd intrekken. Per aanbod dat de school aanraadt, ziet ze hoeveel leden het volgden, maar "
        "pas vanaf vijf en nooit wie. Een bewijsstuk kan alleen jij downloaden. Een e-mail bij een "
        "nieuwe sessie krijg je alleen als je daarvoor kiest, en elke e-mail heeft een afmeldlink. "
        "Verwijder je je account, dan verdwijnt je hele leerpad en alles wat je deelde.</p>",
    ),
    ("heading", "Je rechten"),
    (
        "paragraph",
        "<p>Je mag je gegevens inkijken, laten verbeteren of laten wissen. Neem daarvoor contact op "
        'via de <a href="/contact/">contactpagina</a>.</p>',
    ),
]

ACCESSIBILITY_BODY = [
    ("heading", "Ons doel"),
    (
        "paragraph",
        "<p>Het portaal wil voldoen aan de Web Content Accessibility Guidelines, versie 2.1 (WCAG 2.1), op niveau AA, "
        "zoals de Vlaamse overheid vraagt.</p>",
    ),
    ("heading", "Hoe we het controleren"),
    (
        "paragraph",
        "<ul><li>Bij elke wijziging aan de code test axe-core in Chromium elk soort publieke pagina, "
        "op een smal (375 pixels) en een breed scherm (1280 pixels): 0 ernstige of kritieke "
        "fouten.</li><li>De Nu Html Checker keurt de HTML van elk soort pagina goed.</li>"
        "<li>Lighthouse gaf 1,00 voor toegankelijkheid op elke soort publieke pagina.</li>"
        "<li>Alle pagina's werken zonder JavaScript en met het toetsenbord; de eerste tab gaat "
        "naar “Naar de inhoud”.</li></ul>",
    ),
    ("heading", "Wat nog niet goed is"),
    (
        "paragraph",
        "<p>Een automatische test vindt niet alles. Een test met gebruikers van een schermlezer "
        "staat nog op de planning. Documenten van andere organisaties waarnaar we linken, "
        "vallen buiten deze verklaring.</p>",
    ),
    ("heading", "Een probleem melden"),
    (
        "paragraph",
        '<p>Loop je vast op een pagina? Laat het weten via de <a href="/contact/">contactpagina</a>; '
        "we antwoorden binnen vijf werkdagen.</p>",
    ),
]


def trust_pages():
    """What setup_site creates when missing, in footer order."""
    return [
        ABOUT,
        ("contact", "Contact", "Vragen, meldingen en suggesties: zo bereik je de redactie.", _contact_body()),
        ("privacy", "Privacyverklaring", "Welke gegevens het portaal bewaart, en waarom.", PRIVACY_BODY),
        (
            "toegankelijkheid",
            "Toegankelijkheidsverklaring",
            "Hoe toegankelijk het portaal is, hoe we dat meten en wat nog beter moet.",
            ACCESSIBILITY_BODY,
        ),
    ]
