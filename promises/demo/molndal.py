"""Document 002 (shared/seeds/002_*.txt): Mölndals innerstad."""

MOLNDAL = {
    "slug": "molndal",
    "name": "Mölndal",
    "kind": "municipality",
    "municipalities": ["molndal"],
    "police_area": "storgoteborg-syd",
    "agreement": None,
    "collaboration_name": "Trygg-i Mölndal",
    "description": (
        "Medborgarlöftet är en del av Trygg-i Mölndal – en långsiktig satsning där polisen, "
        "kommunen och medborgarna samverkar för att öka den upplevda tryggheten utifrån en "
        "gemensam lokal lägesbild, LÖK (Lokal överenskommelse)."
    ),
    "places": [
        {"slug": "molndals-bro", "name": "Mölndals bro", "kind": "hub"},
        {"slug": "molndals-innerstad", "name": "Mölndals innerstad", "kind": "area"},
        {"slug": "broplatsen", "name": "Broplatsen", "kind": "other"},
    ],
    "contacts": [
        {
            "name": "Linda Bergvall",
            "role": "Kommunpolis",
            "phone": "010-565 41 38",
            "email": "linda.bergvall@polisen.se",
        },
        {
            "name": "Niklas Svensson",
            "phone": "010-565 41 30",
            "email": "niklas.svensson@polisen.se",
        },
    ],
    "situation_pictures": [
        {
            "slug": "lokal-lagesbild",
            "title": "Den lokala lägesbilden för Mölndals stad",
            "summary": (
                "I den lokala lägesbilden för Mölndals stad har medborgarna, polisen och "
                "kommunen beskrivit en upplevd otrygghet hos de som vistas och verkar i "
                "anslutning till knutpunkten Mölndals bro. Detta visade sig inte minst i den "
                "trygghetsundersökning som gjordes av Västtrafik som en del i det gemensamma STK "
                "(Samordning för Trygghet i Kollektivtrafiken) arbetet under våren 2021.\n\n"
                "Polisen: För att skapa en inbjudande trygg plats där alla känner sig välkomna "
                "krävs gemensamma ansträngningar i arbetet med såväl det sociala som situationella "
                "trygghetsarbetet. Kommunens och polisens problem/-lägesbil ligger till grund för "
                "arbetet och Trygg i-arbetet är motorn i detta arbete.\n\n"
                "Mölndals stad: Skall genom BRÅ och dess BRÅ samordnare leda det "
                "trygghetsskapande arbetet ihop med lokal Kommunpolis."
            ),
            # Only the survey is dated (våren 2021); the situation picture is not.
            "sources": [
                {
                    "kind": "partner_survey",
                    "description": (
                        "Trygghetsundersökning som gjordes av Västtrafik som en del i det "
                        "gemensamma STK (Samordning för Trygghet i Kollektivtrafiken) arbetet "
                        "under våren 2021."
                    ),
                },
                {
                    "kind": "dialogue",
                    "description": (
                        "Medborgarna: I dialog med boende och de som vistas regelbundet i "
                        "Mölndals innerstad har trygghetsfrågan varit central, ofta kopplad till "
                        "en missbruksproblematik och otrygga platser. Detta har i sin tur haft en "
                        "negativ inverkan på det lokala näringslivet."
                    ),
                },
            ],
            "problems": [
                {
                    "description": (
                        "En upplevd otrygghet hos de som vistas och verkar i anslutning till "
                        "knutpunkten Mölndals bro."
                    ),
                    "themes": ["kollektivtrafik", "offentlig-miljo"],
                    "places": ["molndals-bro"],
                },
                {
                    "description": (
                        "I dialog med boende och de som vistas regelbundet i Mölndals innerstad "
                        "har trygghetsfrågan varit central, ofta kopplad till en "
                        "missbruksproblematik och otrygga platser."
                    ),
                    "themes": ["narkotika", "offentlig-miljo"],
                    "places": ["molndals-innerstad"],
                },
                {
                    "description": (
                        "Detta har i sin tur haft en negativ inverkan på det lokala näringslivet."
                    ),
                    "themes": ["samverkan"],
                    "places": ["molndals-innerstad"],
                },
            ],
        }
    ],
    "surveys": [
        {
            "slug": "vasttrafik-stk-2021",
            "title": "Västtrafiks trygghetsundersökning (STK)",
            "year": 2021,
            "date_text": "våren 2021",
            "conducted_by": "Västtrafik",
            # What it found, in the document's words.
            "description": (
                "I den lokala lägesbilden för Mölndals stad har medborgarna, polisen och "
                "kommunen beskrivit en upplevd otrygghet hos de som vistas och verkar i "
                "anslutning till knutpunkten Mölndals bro. Detta visade sig inte minst i den "
                "trygghetsundersökning som gjordes av Västtrafik som en del i det gemensamma STK "
                "(Samordning för Trygghet i Kollektivtrafiken) arbetet under våren 2021."
            ),
            "promises": ["molndals-innerstad"],
        }
    ],
    "promises": [
        {
            "slug": "molndals-innerstad",
            "title": "Medborgarlöftet för Mölndals innerstad",
            "period_text": "under en tvåårsperiod",
            "summary": (
                "Medborgarlöftet för Mölndals innerstad fokuserar på trygghet genom ökad "
                "samverkan med det lokala näringslivet."
            ),
            "background": (
                "Medborgarlöftet är ett åtagande som Lokalpolisområde Storgöteborg syd och "
                "Mölndals stad tidigare gett till kommunens invånare under ettårsperioder. Med "
                "tidigare erfarenheter om att ett år varit en för kort tid ges detta löfte under "
                "en tvåårsperiod. Löftet innebär konkreta aktiviteter som genomförs i syfte att "
                "minska ett problem, i detta fall ur en trygghetsaspekt."
            ),
            "source_title": "Mölndal – medborgarlöften",
            # Given by the police area and the city; Västtrafik is a partner in one commitment.
            "parties": ["lpo-storgoteborg-syd", "molndals-stad"],
            "themes": ["samverkan", "narkotika", "kollektivtrafik", "offentlig-miljo"],
            "pledge_heading": "Det här lovar vi att åstadkomma tillsammas",
            "situation_pictures": ["lokal-lagesbild"],
            # The document gives the whole promise for one described problem ("konkreta
            # aktiviteter som genomförs i syfte att minska ett problem"): the unsafety around
            # the Mölndals bro hub, the first problem of the picture. The other documents do
            # not say which commitment answers which problem, so they link none.
            "all_commitments_answer": [{"picture": "lokal-lagesbild", "problem": 0}],
            "contacts": ["Linda Bergvall", "Niklas Svensson"],
            "commitments": [
                {
                    "text": (
                        "Ökad samverkan med det lokala näringslivet och de ideellt verksamma i "
                        "frågan om trygghetsskapande åtgärder."
                    ),
                    "parties": ["lpo-storgoteborg-syd", "molndals-stad"],
                    "themes": ["samverkan"],
                },
                {
                    "text": "Genomföra riktade insatser mot öppen narkotikahandel",
                    "parties": ["lpo-storgoteborg-syd", "molndals-stad"],
                    "themes": ["narkotika"],
                },
                {
                    "text": (
                        "Tillsammans med Västtrafik fortsätta att utveckla befintligt STK "
                        "(Samordning för trygghet i kollektivtrafiken"
                    ),
                    "parties": ["lpo-storgoteborg-syd", "molndals-stad", "vasttrafik"],
                    "themes": ["kollektivtrafik"],
                },
                {
                    "text": (
                        "Genomföra regelbundna platsbesiktningar för att bevaka trygghetsaspekten "
                        "i samband med MIMO projektet (Nybyggnation broplatsen)"
                    ),
                    "parties": ["lpo-storgoteborg-syd", "molndals-stad"],
                    "themes": ["offentlig-miljo"],
                },
                {
                    "text": (
                        "Implementera händelsekartan i kommuns alla verksamheter samt verka för "
                        "att även samverkansparter skall få tillgång."
                    ),
                    "parties": ["lpo-storgoteborg-syd", "molndals-stad"],
                    "themes": ["samverkan"],
                },
                {
                    "text": (
                        "Resultatet av rapporten ”Utvärdering av trygghetsskapande insatser i "
                        "Mölndals innerstad” ska beaktas i kommande trygghetsarbete."
                    ),
                    "parties": ["lpo-storgoteborg-syd", "molndals-stad"],
                    "themes": ["offentlig-miljo"],
                },
            ],
            "goals": [],
            "indicators": [],
        }
    ],
}
