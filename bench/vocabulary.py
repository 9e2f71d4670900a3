"""A Dutch teacher's vocabulary for the synthetic fiches and the benchmark's queries.

Several hundred content words, drawn with a Zipf-like frequency (the k-th word about 1/k as often as
the first), so a few words ("leerlingen", "digitaal") are in most fiches and the long tail in few:
broad and narrow queries, as real ones are. The order of each list is its frequency rank.
"""

import bisect
import itertools
import random

# Multi-word themes, most common first (also the fiche titles' topics).
TOPICS = [
    "digitale geletterdheid",
    "mediawijsheid",
    "programmeren",
    "computationeel denken",
    "artificiële intelligentie",
    "privacy",
    "online samenwerken",
    "digitaal toetsen",
    "leerplatform",
    "robotica",
    "sociale media",
    "cyberpesten",
    "nepnieuws",
    "differentiatie",
    "feedback",
    "STEM",
    "informatievaardigheden",
    "gegevensbescherming",
    "flipped classroom",
    "ICT-beleid",
    "chatbots",
    "makerspace",
    "3D-printen",
    "beeldvorming",
    "inclusie",
    "leesvaardigheid",
    "wiskunde",
    "taalonderwijs",
    "podcasts",
    "video",
    "zelfevaluatie",
    "veilig internet",
    "schermtijd",
    "game-based learning",
    "virtual reality",
    "augmented reality",
    "digitale portfolio",
    "breed evalueren",
    "auteursrecht",
    "open leermiddelen",
    "blended learning",
    "afstandsonderwijs",
    "digitale schoolbank",
    "smartphonebeleid",
    "datageletterdheid",
    "digitaal burgerschap",
    "e-safety",
    "toegankelijkheid",
    "dyslexiesoftware",
    "voorleessoftware",
]

NOUNS = """
leerlingen leerkrachten school klas lessen les onderwijs competenties vaardigheden leerplatform
ondersteuning begeleiding professionalisering nascholing materiaal lesmateriaal toepassingen tools
apps tablets laptops computers chromebooks software hardware netwerk infrastructuur beleid visie
schoolteam directie coördinator ouders kinderen jongeren volwassenen studenten cursisten docenten
lerarenopleiding opleiding traject workshop webinar studiedag leerpad cursus project
praktijk klaspraktijk ervaring voorbeelden inspiratie handleiding stappenplan checklist
eindtermen leerplan doelen leerdoelen leerlijn leerlijnen evaluatie toetsing feedback rapport
portfolio reflectie zelfevaluatie samenwerking communicatie creativiteit probleemoplossing
informatie bronnen zoekstrategieën betrouwbaarheid desinformatie nieuws media reclame
beelden foto's filmpjes video's podcasts presentaties teksten documenten spreadsheets
gegevens data privacy veiligheid wachtwoorden identiteit profiel account cloud
algoritmen code programma robot sensoren microcontroller bouwstenen blokken scratch
spel games simulaties modellen animaties verhalen muziek kunst techniek wetenschap
wiskunde taal lezen schrijven rekenen geschiedenis aardrijkskunde biologie fysica chemie
economie burgerschap welzijn gezondheid beweging sport natuur milieu duurzaamheid
inclusie diversiteit gelijke kansen zorg leerzorg ondersteuningsnoden dyslexie autisme
anderstaligen nieuwkomers kleuters tieners pubers ouderbetrokkenheid schoolbeleid
teamleren kennisdeling netwerken lerende gemeenschap coaching intervisie mentoring
vorming infosessie conferentie congres uitwisseling bezoek demonstratie
leeromgeving elektronische leeromgeving smartschool schoolplatform agenda planning
differentiatie remediëring verrijking uitdaging motivatie betrokkenheid welbevinden
onderzoek bevraging monitor meting analyse resultaten effecten kwaliteit kwaliteitszorg
schoolontwikkeling verandering innovatie vernieuwing transformatie strategie
middelen budget subsidie financiering investering aankoop leasing onderhoud
helpdesk ondersteuner ict-coördinator ict-team pedagogische begeleidingsdienst
koepel onderwijsnet gemeenschapsonderwijs provincie stad gemeente overheid
partners bedrijven organisaties verenigingen bibliotheek museum hogeschool universiteit
technologie artificiële intelligentie chatbot taalmodel prompts beeldherkenning
ethiek verantwoordelijkheid rechten plichten regels afspraken gedrag pesten
schermtijd smartphone gsm sociale netwerken influencers online gaming gokken
toegankelijkheid voorleessoftware compenserende hulpmiddelen spraakherkenning
""".split()

VERBS = """
leren ontdekken verkennen ontwerpen maken bouwen programmeren testen onderzoeken
analyseren evalueren reflecteren delen samenwerken communiceren presenteren publiceren
zoeken vinden beoordelen vergelijken kiezen plannen organiseren begeleiden ondersteunen
coachen inspireren motiveren differentiëren remediëren toetsen opvolgen rapporteren
versterken verbeteren vernieuwen integreren inzetten gebruiken toepassen beheren
beschermen beveiligen herkennen voorkomen aanpakken bespreken uitwisselen oefenen
""".split()

ADJECTIVES = """
digitale digitaal online creatieve kritische veilige verantwoorde praktische concrete
eenvoudige laagdrempelige interactieve innovatieve nieuwe eigen gezamenlijke duurzame
inclusieve toegankelijke betrouwbare persoonlijke actieve doelgerichte gratis korte
uitgebreide stapsgewijze flexibele brede diepgaande visuele mobiele technische pedagogische
didactische schoolbrede lokale Vlaamse Europese internationale basis gevorderde
""".split()

FORMS = [
    "webinar",
    "cursus",
    "opleiding",
    "traject",
    "nascholing",
    "workshop",
    "studiedag",
    "leerpad",
    "netwerk",
]
AUDIENCES = [
    "leerkrachten",
    "ICT-coördinatoren",
    "directies",
    "lerarenopleiders",
    "schoolteams",
    "begeleiders",
]
LEVELS = [
    "kleuteronderwijs",
    "lager onderwijs",
    "secundair onderwijs",
    "volwassenenonderwijs",
    "buitengewoon onderwijs",
]

SENTENCES = [
    "Deze {form} helpt {audience} om {topic} doelgericht in te zetten in het {level}.",
    "Deelnemers {verb} hoe {topic} en {noun} de {adj} klaspraktijk versterken.",
    "De {form} combineert korte inleidingen met {adj} oefeningen rond {noun} en {noun2}.",
    "Na afloop kunnen {audience} zelfstandig {adj} lessen over {topic} {verb}.",
    "Er is aandacht voor {adj} {noun} van leerlingen en voor {noun2}.",
    "Scholen {verb} {noun} en delen ervaringen in een lerend netwerk.",
    "Het aanbod sluit aan bij de eindtermen en bij {adj} {noun} van de school.",
    "Coaches ondersteunen {audience} bij de eerste stappen met {noun} en {topic}.",
    "We {verb} samen {adj} {noun} voor {noun2}.",
    "Met {adj} {noun} leren kinderen {noun2} {verb}.",
]


class Zipf:
    """Draws from `words` with weight 1/(rank+1)**s."""

    def __init__(self, words: list[str], s: float = 1.0):
        self.words = list(dict.fromkeys(words))
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) ** s for rank in range(len(self.words))))

    def __call__(self, rng: random.Random) -> str:
        return self.words[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


topic = Zipf(TOPICS)
noun = Zipf(NOUNS)
verb = Zipf(VERBS)
adjective = Zipf(ADJECTIVES)
content_word = Zipf(NOUNS + VERBS + ADJECTIVES + [word for t in TOPICS for word in t.split()])


def sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        form=rng.choice(FORMS),
        audience=rng.choice(AUDIENCES),
        topic=topic(rng),
        noun=noun(rng),
        noun2=noun(rng),
        verb=verb(rng),
        adj=adjective(rng),
        level=rng.choice(LEVELS),
    )


def paragraph(rng: random.Random, low: int, high: int) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


def vocabulary_size() -> int:
    return len(content_word.words)
