"""The instrument's starting content: for each competence a question and six answers that describe
what a teacher does in practice at A1 .. C2 (not how good they think they are). Written for this
portal; editors refine the wording in the admin. Used by the data migration only.
"""

# code: (question, help text, (A1, A2, B1, B2, C1, C2))
QUESTIONS = {
    "1.1": (
        "Hoe gebruik je digitale kanalen om te communiceren met leerlingen, ouders en collega's?",
        "Denk aan het schoolplatform, e-mail, berichten en de website van de school.",
        (
            "Ik communiceer bijna nooit digitaal; ik hou het bij gesprekken en papier.",
            "Ik lees berichten op het schoolplatform en stuur af en toe een e-mail als het moet.",
            "Ik gebruik de afgesproken kanalen geregeld om leerlingen en ouders te informeren.",
            "Ik kies per boodschap en doelgroep bewust een kanaal en hou mijn communicatie overzichtelijk.",
            "Ik help collega's om duidelijk en afgestemd digitaal te communiceren en stel afspraken mee op.",
            "Ik vernieuw hoe de school communiceert en toets die aanpak aan wat ouders en leerlingen nodig hebben.",
        ),
    ),
    "1.2": (
        "Hoe werk je digitaal samen met collega's?",
        "Bijvoorbeeld gedeelde mappen, samen documenten bewerken, online overleg.",
        (
            "Ik werk niet digitaal samen; materiaal deel ik op papier of mondeling.",
            "Ik open wel eens een gedeeld document of map die een collega me stuurt.",
            "Ik bewerk samen met collega's documenten en deel mijn lesmateriaal in gedeelde mappen.",
            "Ik zet met collega's projecten digitaal op, verdeel taken en bouw samen materiaal uit.",
            "Ik trek digitale samenwerking binnen de school of met andere scholen en ondersteun collega's daarin.",
            "Ik zet nieuwe vormen van samenwerking over scholen heen op en deel wat werkt met het bredere veld.",
        ),
    ),
    "1.3": (
        "Hoe denk je na over je eigen digitale praktijk?",
        "Reflecteren: wat werkt, wat niet, en wat je anders wil doen.",
        (
            "Ik sta er zelden bij stil hoe ik digitale middelen in mijn werk gebruik.",
            "Ik merk soms dat iets digitaal beter kan, maar doe er nog weinig mee.",
            "Ik bekijk na een les met digitale middelen wat werkte en pas het de volgende keer aan.",
            "Ik vraag feedback van leerlingen of collega's en stuur mijn digitale praktijk daarop gericht bij.",
            "Ik reflecteer samen met collega's, bijvoorbeeld in intervisie, en help hen hun praktijk te bevragen.",
            "Ik onderzoek mijn praktijk systematisch en deel wat ik leer met het team of in netwerken.",
        ),
    ),
    "1.4": (
        "Hoe gebruik je digitale bronnen om jezelf verder te professionaliseren?",
        "Webinars, online cursussen, MOOC's, vakfora, netwerken.",
        (
            "Ik volg geen online nascholing en zoek zelden iets op voor mijn eigen ontwikkeling.",
            "Ik zoek online iets op als ik een concreet probleem heb.",
            "Ik volg af en toe een webinar of online cursus die bij mijn lessen aansluit.",
            "Ik plan mijn eigen leertraject met online aanbod en pas het geleerde toe in de klas.",
            "Ik wijs collega's de weg naar passend online aanbod en leer actief mee in netwerken.",
            "Ik ontwikkel zelf online leeraanbod of leid een netwerk waarin leraren van elkaar leren.",
        ),
    ),
    "2.1": (
        "Hoe zoek en kies je digitale leermiddelen voor je lessen?",
        "Filmpjes, oefenplatformen, apps, open leermiddelen.",
        (
            "Ik gebruik vooral het handboek en zoek zelden digitaal materiaal.",
            "Ik zoek met een zoekmachine en neem het eerste bruikbare resultaat.",
            "Ik vergelijk een paar bronnen en kies op basis van mijn lesdoel en mijn leerlingen.",
            "Ik beoordeel bronnen kritisch op kwaliteit, betrouwbaarheid en privacy en gebruik gerichte databanken.",
            "Ik help collega's om goede bronnen te vinden en te beoordelen, bv. met gedeelde criteria.",
            "Ik bouw mee aan collecties of criteria voor digitale leermiddelen die andere scholen gebruiken.",
        ),
    ),
    "2.2": (
        "Maak of bewerk je zelf digitaal lesmateriaal?",
        "Presentaties, oefeningen, video's, interactieve opdrachten.",
        (
            "Ik maak geen digitaal materiaal; ik gebruik wat er al is.",
            "Ik pas soms een bestaande presentatie of werkblad digitaal aan.",
            "Ik maak eigen digitaal materiaal, zoals interactieve oefeningen of korte video's.",
            "Ik combineer en bewerk bronnen tot materiaal op maat van verschillende groepen leerlingen.",
            "Ik ontwikkel samen met collega's digitaal materiaal en deel het met een open licentie.",
            "Ik ontwerp nieuwe soorten digitaal leermateriaal en test ze uit met anderen.",
        ),
    ),
    "2.3": (
        "Hoe bewaar, beveilig en deel je digitale bestanden en gegevens?",
        "Denk aan mappen, wachtwoorden, persoonsgegevens van leerlingen en auteursrecht.",
        (
            "Ik bewaar bestanden waar het uitkomt en denk weinig na over privacy of auteursrecht.",
            "Ik weet dat gegevens van leerlingen beschermd moeten worden, maar ben niet zeker hoe.",
            "Ik orden mijn bestanden, deel ze via de kanalen van de school en let op persoonsgegevens.",
            "Ik beheer rechten op gedeelde mappen bewust en vermeld bronnen en licenties correct.",
            "Ik help collega's met veilig delen, privacy en auteursrecht en werk mee aan schoolafspraken.",
            "Ik geef mee vorm aan het beleid rond gegevens en open leermiddelen, ook buiten mijn school.",
        ),
    ),
    "3.1": (
        "Hoe zet je digitale middelen in tijdens je lessen?",
        "Instructie, oefenen, verwerken, met het digibord, laptops of tablets.",
        (
            "Ik gebruik tijdens de les zelden digitale middelen.",
            "Ik toon soms een presentatie of filmpje, maar de les verloopt verder zoals altijd.",
            "Ik zet digitale middelen geregeld in omdat ze een lesdoel beter ondersteunen.",
            "Ik ontwerp lessen waarin digitale en andere werkvormen doordacht op elkaar aansluiten.",
            "Ik vernieuw mijn didactiek met digitale middelen en inspireer collega's met voorbeelden.",
            "Ik ontwikkel en onderzoek nieuwe digitale didactische aanpakken en deel ze breed.",
        ),
    ),
    "3.2": (
        "Hoe begeleid je leerlingen met digitale middelen, ook buiten de les?",
        "Opvolgen van taken, vragen beantwoorden, individuele hulp via een platform.",
        (
            "Ik begeleid leerlingen alleen in de klas, niet digitaal.",
            "Ik beantwoord soms een vraag van een leerling via het schoolplatform.",
            "Ik volg het werk van leerlingen digitaal op en geef tussentijds hulp waar nodig.",
            "Ik zie in een platform wie vastloopt en bied dan gericht ondersteuning op maat.",
            "Ik ontwerp met collega's een aanpak voor digitale begeleiding en evalueer die samen.",
            "Ik bedenk nieuwe vormen van digitale begeleiding en onderzoek wat ze opleveren.",
        ),
    ),
    "3.3": (
        "Laat je leerlingen digitaal samenwerken?",
        "Samen een document maken, online groepswerk, gedeelde borden.",
        (
            "Mijn leerlingen werken niet digitaal samen.",
            "Ik laat leerlingen af en toe samen een presentatie of document maken.",
            "Ik zet digitale samenwerking geregeld in en maak afspraken over rollen en taken.",
            "Ik volg digitale groepswerken op en beoordeel zowel het product als de samenwerking.",
            "Ik ontwerp rijke samenwerkingsopdrachten, ook met andere klassen of scholen.",
            "Ik vernieuw samenwerkend leren met digitale middelen en deel die aanpak met anderen.",
        ),
    ),
    "3.4": (
        "Helpen digitale middelen je leerlingen om hun eigen leren te sturen?",
        "Doelen stellen, plannen, eigen voortgang volgen, zelf reflecteren.",
        (
            "Ik gebruik geen digitale middelen om leerlingen zelfstandig te laten leren.",
            "Ik geef leerlingen soms een digitale oefening om thuis zelfstandig te maken.",
            "Mijn leerlingen volgen hun voortgang digitaal op en plannen zelf een deel van hun werk.",
            "Leerlingen stellen met digitale middelen eigen doelen, verzamelen bewijzen en reflecteren erop.",
            "Ik help collega's om zelfgestuurd leren met digitale middelen in hun lessen te brengen.",
            "Ik ontwikkel nieuwe aanpakken waarin leerlingen hun leren digitaal zelf sturen.",
        ),
    ),
    "4.1": (
        "Gebruik je digitale middelen om te toetsen?",
        "Online quizzen, digitale toetsen, formatieve tussenmetingen.",
        (
            "Ik toets altijd op papier of mondeling.",
            "Ik gebruik soms een online quiz als opwarmer of afsluiter.",
            "Ik zet digitale toetsen in, zowel tussendoor als aan het einde van een les of thema.",
            "Ik kies per doel een passende digitale toetsvorm, ook voor vaardigheden en projecten.",
            "Ik werk met collega's aan een doordacht digitaal toetsbeleid.",
            "Ik ontwikkel en onderzoek nieuwe digitale vormen van evalueren.",
        ),
    ),
    "4.2": (
        "Hoe gebruik je digitale gegevens over het leren van je leerlingen?",
        "Resultaten van oefenplatformen, toetsanalyses, voortgangsoverzichten.",
        (
            "Ik kijk niet naar gegevens die digitale middelen over leerlingen bijhouden.",
            "Ik bekijk soms de scores in een oefenplatform.",
            "Ik gebruik resultaten uit digitale middelen om te zien wat leerlingen wel of niet beheersen.",
            "Ik analyseer gegevens uit verschillende bronnen en stuur mijn lessen er gericht op bij.",
            "Ik bespreek gegevens met collega's en maak samen afspraken over bijsturing.",
            "Ik ontwikkel manieren om leergegevens verantwoord te verzamelen en te gebruiken, ook voor anderen.",
        ),
    ),
    "4.3": (
        "Geef je feedback met digitale middelen?",
        "Opmerkingen in documenten, audio- of videofeedback, feedback van medeleerlingen.",
        (
            "Ik geef alleen feedback op papier of mondeling.",
            "Ik zet soms een korte opmerking bij een digitaal ingediende taak.",
            "Ik geef geregeld digitale feedback die leerlingen helpt om hun werk te verbeteren.",
            "Ik combineer vormen van digitale feedback, ook van medeleerlingen, en plan vervolgstappen.",
            "Ik help collega's om digitale feedback doeltreffend in te zetten.",
            "Ik ontwerp nieuwe feedbackpraktijken met digitale middelen en deel wat ze opleveren.",
        ),
    ),
    "5.1": (
        "Zorg je dat al je leerlingen mee kunnen met de digitale middelen die je gebruikt?",
        "Toestellen en internet thuis, voorleessoftware, ondertitels, leesbare documenten.",
        (
            "Ik sta er niet bij stil of elke leerling de digitale middelen kan gebruiken.",
            "Ik los het op als een leerling meldt dat iets niet lukt.",
            "Ik hou rekening met toegang thuis en gebruik hulpmiddelen zoals voorleessoftware waar nodig.",
            "Ik ontwerp mijn materiaal toegankelijk vanaf het begin en bied alternatieven aan.",
            "Ik help collega's en de school om digitale middelen voor iedereen toegankelijk te maken.",
            "Ik ijver voor digitale inclusie en ontwikkel aanpakken die ook andere scholen gebruiken.",
        ),
    ),
    "5.2": (
        "Gebruik je digitale middelen om te differentiëren?",
        "Opdrachten op verschillende niveaus, eigen tempo, adaptieve oefensoftware.",
        (
            "Alle leerlingen krijgen dezelfde digitale opdrachten, als ik ze gebruik.",
            "Ik geef snelle leerlingen soms een extra digitale oefening.",
            "Ik bied digitaal oefeningen op verschillende niveaus aan en laat leerlingen werken op eigen tempo.",
            "Ik stem digitale leerpaden af op wat elke leerling nodig heeft en volg dat op.",
            "Ik help collega's om met digitale middelen te differentiëren en deel materiaal.",
            "Ik ontwikkel nieuwe vormen van gepersonaliseerd leren en onderzoek hun effect.",
        ),
    ),
    "5.3": (
        "Zet je digitale middelen in om leerlingen actief bij het leren te betrekken?",
        "Interactieve opdrachten, spel, simulaties, leerlingen die zelf iets maken.",
        (
            "Digitale middelen gebruik ik niet om leerlingen actiever te maken.",
            "Ik gebruik soms een quiz of spelletje om de aandacht vast te houden.",
            "Ik kies geregeld digitale werkvormen waarin leerlingen zelf actief aan de slag gaan.",
            "Ik laat leerlingen met digitale middelen onderzoeken, maken en problemen oplossen.",
            "Ik ontwerp met collega's activerende digitale lessen en deel ervaringen.",
            "Ik vernieuw hoe leerlingen met digitale middelen leren en inspireer het bredere onderwijsveld.",
        ),
    ),
    "6.1": (
        "Leer je leerlingen om digitale informatie te zoeken en kritisch te beoordelen?",
        "Zoekstrategieën, bronnen checken, nepnieuws herkennen.",
        (
            "Ik besteed daar in mijn lessen geen aandacht aan.",
            "Ik zeg leerlingen wel eens dat ze niet alles moeten geloven wat ze online lezen.",
            "Ik laat leerlingen gericht zoeken en bespreek met hen hoe je een bron controleert.",
            "Ik oefen mediawijsheid stap voor stap in opdrachten en evalueer hoe leerlingen bronnen kiezen.",
            "Ik werk met collega's aan een doorlopende lijn mediawijsheid over vakken en jaren heen.",
            "Ik ontwikkel nieuw lesmateriaal over informatie- en mediawijsheid en deel het breed.",
        ),
    ),
    "6.2": (
        "Leer je leerlingen om digitaal te communiceren en samen te werken?",
        "Respectvol online communiceren, samen werken in een digitale omgeving.",
        (
            "Ik besteed daar geen aandacht aan.",
            "Ik spreek leerlingen aan als er iets misloopt in hun online communicatie.",
            "Ik geef opdrachten waarin leerlingen digitaal samenwerken en bespreek afspraken over omgangsvormen.",
            "Ik leer leerlingen bewust een kanaal en toon kiezen en laat hen online samenwerken met anderen.",
            "Ik werk met collega's aan een schoolbrede aanpak rond online communiceren en samenwerken.",
            "Ik zet vernieuwende projecten op, bv. met klassen elders, en deel die ervaring.",
        ),
    ),
    "6.3": (
        "Laat je leerlingen zelf digitale inhoud maken?",
        "Video's, podcasts, presentaties, websites, eenvoudige programma's.",
        (
            "Mijn leerlingen maken geen digitale inhoud.",
            "Leerlingen maken soms een presentatie voor een spreekbeurt.",
            "Leerlingen maken geregeld digitale producten en ik besteed aandacht aan bronvermelding.",
            "Leerlingen kiezen zelf een passend medium, werken hun product uit en houden rekening met auteursrecht.",
            "Ik ontwikkel met collega's projecten waarin leerlingen digitale inhoud maken, ook programmeren.",
            "Ik vernieuw hoe leerlingen digitaal creëren en deel die projecten met andere scholen.",
        ),
    ),
    "6.4": (
        "Leer je leerlingen om veilig en verantwoord met digitale technologie om te gaan?",
        "Privacy, schermtijd, cyberpesten, digitaal welzijn.",
        (
            "Ik besteed daar geen aandacht aan.",
            "Ik reageer als er een incident is, zoals cyberpesten.",
            "Ik behandel privacy en veilig internetgebruik geregeld in mijn lessen.",
            "Ik laat leerlingen nadenken over hun eigen digitaal gedrag en welzijn en oefen situaties in.",
            "Ik werk met collega's aan een schoolbeleid rond verantwoord en veilig digitaal gebruik.",
            "Ik ontwikkel nieuwe aanpakken rond digitaal welzijn en deel ze met het onderwijsveld.",
        ),
    ),
    "6.5": (
        "Leer je leerlingen om problemen op te lossen met digitale technologie?",
        "Technische problemen aanpakken, computationeel denken, de juiste tool kiezen.",
        (
            "Ik los technische problemen zelf op of laat ze liggen; leerlingen doen dat niet.",
            "Ik moedig leerlingen aan om eerst zelf te proberen als iets niet werkt.",
            "Ik geef opdrachten waarin leerlingen een digitaal probleem stap voor stap aanpakken.",
            "Ik oefen computationeel denken en laat leerlingen zelf een passende digitale oplossing kiezen.",
            "Ik werk met collega's een leerlijn digitaal probleemoplossen uit.",
            "Ik ontwikkel nieuwe uitdagingen rond digitaal probleemoplossen en deel ze breed.",
        ),
    ),
}


def load_questions(get_model) -> None:
    """Create the questions that are missing; questions editors already changed stay as they are."""
    competence_model = get_model("portal", "DigCompEduCompetence")
    question_model = get_model("selfassessment", "CompetenceQuestion")
    for code, (question, help_text, options) in QUESTIONS.items():
        competence = competence_model.objects.filter(code=code).first()
        if competence is None or question_model.objects.filter(competence=competence).exists():
            continue
        fields = dict(
            zip(
                ("option_a1", "option_a2", "option_b1", "option_b2", "option_c1", "option_c2"),
                options,
                strict=True,
            )
        )
        question_model.objects.create(competence=competence, question=question, help_text=help_text, **fields)
