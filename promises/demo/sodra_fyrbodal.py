"""Document 004 (shared/seeds/004_*.txt): Södra Fyrbodal (Stenungsund, Orust, Tjörn)."""

SODRA_FYRBODAL = {
    "slug": "sodra-fyrbodal",
    "name": "Södra Fyrbodal",
    "kind": "municipality_group",
    "municipalities": ["stenungsund", "orust", "tjorn"],
    "police_area": "sodra-fyrbodal",
    "agreement": None,
    "collaboration_name": "",
    "description": (
        "Medborgarlöftet är ett åtagande från lokalpolisområde Södra Fyrbodal och de tre "
        "kommunerna Stenungsund, Orust och Tjörn."
    ),
    "places": [],
    "contacts": [],
    "situation_pictures": [
        {
            "slug": "lokala-lagesbilder",
            "title": "Medborgarlöftena utgår från de lokala lägesbilderna",
            # Only the dialogues are dated (hösten 2022); the situation picture is not.
            "summary": (
                "Kommunerna och polisen har tagit fram lokala lägesbilder utifrån "
                "statistikunderlag där både verksamheter och medborgare har rapporterat in vad "
                "som skapar otrygghet och som ligger till grund för medborgarlöftet.\n\n"
                "Under hösten 2022 så har det även genomförts medborgardialoger där medborgarna "
                "svarat på frågor gällande trygghet. Resultatet av medborgardialogerna visar att "
                "majoriteten av invånarna känner sig trygga."
            ),
            "sources": [
                {
                    "kind": "statistics",
                    "description": (
                        "Statistikunderlag där både verksamheter och medborgare har rapporterat "
                        "in vad som skapar otrygghet."
                    ),
                },
                {
                    "kind": "dialogue",
                    "description": (
                        "Medborgardialoger under hösten 2022 där medborgarna svarat på frågor "
                        "gällande trygghet."
                    ),
                },
            ],
            "problems": [
                {
                    "description": "Psykisk ohälsa och kränkningar bland ungdomar.",
                    "themes": ["psykisk-ohalsa", "krankningar-och-vald", "barn-och-unga"],
                    "places": [],
                },
                {"description": "Trygghetsfrågor.", "themes": ["offentlig-miljo"], "places": []},
                {
                    "description": "Attityder kring alkohol och narkotika.",
                    "themes": ["narkotika"],
                    "places": [],
                },
                {"description": "Droghandel.", "themes": ["narkotika"], "places": []},
                {"description": "Buskörning.", "themes": ["trafiksakerhet"], "places": []},
                {"description": "Skadegörelse.", "themes": ["offentlig-miljo"], "places": []},
            ],
        }
    ],
    "surveys": [],
    "promises": [
        {
            "slug": "medborgarlofte-2023-2024",
            "title": "Medborgarlöfte 2023-2024",
            "starts_on": "2023-01-01",
            "ends_on": "2024-12-31",
            "summary": (
                "Medborgarlöftet är ett åtagande från lokalpolisområde Södra Fyrbodal och de tre "
                "kommunerna Stenungsund, Orust och Tjörn. Löftet innebär aktiviteter inom de "
                "områden som medborgarna och verksamheterna upplever att det finns problem inom."
            ),
            "background": (
                "Det gäller att intensifiera arbetet mot droger, kränkningar och våld, insatser i "
                "trafikmiljön, arbeta utifrån aktuella lokala lägesbilder osv. Det innefattar "
                "bland annat föräldrastärkande insatser, att involvera föreningsliv, näringsliv "
                "och andra aktörer i att vara delaktiga i det gemensamma brottsförebyggande och "
                "trygghetsskapande arbetet. Medborgarlöftet är en långsiktig satsning och "
                "arbetet kommer att organiseras och samordnas i enlighet med lagstiftningen "
                "kommuner mot brott."
            ),
            "source_title": "Medborgarlöfte 2023-2024",
            # The page carries Stenungsunds kommun's coat of arms; its "Publicerad:" is empty.
            "source_publisher": "Stenungsunds kommun",
            # The photo caption ("På bilden från vänster: …").
            "signatories": (
                "Kicki Nordberg, kommundirektör Stenungsunds kommun\n"
                "Evike Sandor, kommundirektör Tjörns kommun\n"
                "Ann-Britt Svedberg, tf. kommundirektör Orust kommun\n"
                "Susanne Arvidsson, lokalpolisområdeschef"
            ),
            "parties": [
                "lpo-sodra-fyrbodal",
                "stenungsunds-kommun",
                "orust-kommun",
                "tjorns-kommun",
            ],
            "themes": [
                "narkotika",
                "krankningar-och-vald",
                "trafiksakerhet",
                "barn-och-unga",
                "psykisk-ohalsa",
                "brottsoffer",
                "samverkan",
            ],
            "situation_pictures": ["lokala-lagesbilder"],
            "contacts": [],
            "commitments": [
                {
                    "text": (
                        "Tillsammans med skola, socialtjänst, föreningsliv, näringsliv och andra "
                        "aktörer arbeta och samverka utifrån det brottsförebyggande perspektivet."
                    ),
                    "parties": ["lpo-sodra-fyrbodal"],
                    "themes": ["samverkan", "barn-och-unga"],
                },
                {
                    "text": (
                        "Tillsammans med motorburen ungdom och deras vårdnadshavare genomföra "
                        "insatser i syfte att höja trafiksäkerheten."
                    ),
                    "parties": ["lpo-sodra-fyrbodal"],
                    "themes": ["trafiksakerhet", "barn-och-unga"],
                },
                {
                    "text": (
                        "Intensifiera arbetet mot droger, kränkningar och våld i miljöer där barn "
                        "och ungdomar vistas."
                    ),
                    "parties": ["lpo-sodra-fyrbodal"],
                    "themes": ["narkotika", "krankningar-och-vald", "barn-och-unga"],
                },
                {
                    "text": "Fokusera och prioritera särskilt utsatta brottsoffer.",
                    "parties": ["lpo-sodra-fyrbodal"],
                    "themes": ["brottsoffer"],
                },
                {
                    "text": (
                        "I största möjligaste mån arbeta utifrån den aktuella lägesbilden i våra "
                        "tre kommuner."
                    ),
                    "parties": ["lpo-sodra-fyrbodal"],
                    "themes": [],
                },
                {
                    "text": (
                        "Genomföra insatser för att motverka kränkningar och motverka psykisk "
                        "ohälsa."
                    ),
                    "parties": ["stenungsunds-kommun", "orust-kommun", "tjorns-kommun"],
                    "themes": ["krankningar-och-vald", "psykisk-ohalsa"],
                },
                {
                    "text": (
                        "Genomföra insatser för att öka trafiksäkerheten och minska buskörningen, "
                        "speciella insatser riktade mot A-traktorer och EPA-traktorer."
                    ),
                    "parties": ["stenungsunds-kommun", "orust-kommun", "tjorns-kommun"],
                    "themes": ["trafiksakerhet"],
                },
                {
                    "text": "Genomföra tidiga föräldrastärkande insatser.",
                    "parties": ["stenungsunds-kommun", "orust-kommun", "tjorns-kommun"],
                    "themes": ["barn-och-unga"],
                },
                {
                    "text": (
                        "Arbeta med tidiga insatser och i bred samverkan för att motverka "
                        "kriminalitet, våld i nära relation och droganvändning."
                    ),
                    "parties": ["stenungsunds-kommun", "orust-kommun", "tjorns-kommun"],
                    "themes": ["krankningar-och-vald", "narkotika"],
                },
                {
                    "text": (
                        "Involvera föreningslivet, näringslivet och andra aktörer att vara "
                        "delaktiga i det gemensamma trygghetsarbetet."
                    ),
                    "parties": ["stenungsunds-kommun", "orust-kommun", "tjorns-kommun"],
                    "themes": ["samverkan"],
                },
                {
                    "text": "Arbeta med trygghets och säkerhetsfrågor i skolmiljö.",
                    "parties": ["stenungsunds-kommun", "orust-kommun", "tjorns-kommun"],
                    "themes": ["barn-och-unga"],
                },
            ],
            "goals": [
                (
                    "Det gemensamma långsiktiga målet är att öka tryggheten och förhindra och "
                    "minska brottsligheten för våra invånare. För att nå målet krävs att vi "
                    "arbetar både kortsiktigt och långsiktigt samt satsar på tidiga insatser i "
                    "bred samverkan och att involvera flera aktörer i arbetet."
                ),
            ],
            "indicators": [],
        }
    ],
}
