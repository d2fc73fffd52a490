"""Document 003 (shared/seeds/003_*.txt): Västra Hisingen, the results article."""

VASTRA_HISINGEN = {
    "slug": "vastra-hisingen",
    "name": "Västra Hisingen",
    "kind": "city_district",
    "municipalities": ["goteborg"],
    "police_area": None,
    "agreement": "trygg-i-goteborg",
    "collaboration_name": "Trygg i Västra Hisingen",
    "description": (
        "Medborgarlöftet är en del av Trygg i Västra Hisingen – en långsiktig satsning där "
        "polisen, stadsdelsförvaltningen och invånarna samverkar för att öka tryggheten i "
        "stadsdelen utifrån en gemensam lokal lägesbild."
    ),
    "places": [{"slug": "biskopsgarden", "name": "Biskopsgården", "kind": "area"}],
    "contacts": [
        {"name": "Daniel Neck", "role": "Kommunpolis"},
        {"name": "Lovisa Trell", "role": "Trygghetssamordnare i Västra Hisingen"},
    ],
    "situation_pictures": [
        {
            "slug": "gemensam-lokal-lagesbild",
            "title": "Gemensam lokal lägesbild för Västra Hisingen",
            "summary": (
                "Problemet som valts ut bygger på vad invånarna har lyft fram i en "
                "trygghetsundersökning och i medborgardialoger samt på lägesbilder från polis och "
                "stadsdelsförvaltning."
            ),
            "sources": [
                {"kind": "survey", "description": "Trygghetsundersökning."},
                {"kind": "dialogue", "description": "Medborgardialoger."},
                {"kind": "police_statistics", "description": "Lägesbilder från polis."},
                {"kind": "municipality", "description": "Lägesbilder från stadsdelsförvaltning."},
            ],
            "problems": [
                {
                    "description": "Gängrelaterat våld.",
                    "themes": ["gangkriminalitet"],
                    "places": ["biskopsgarden"],
                },
            ],
        }
    ],
    "surveys": [
        {
            "slug": "nollmatning-2014",
            "title": "Nollmätningen hösten 2014",
            "year": 2014,
            "date_text": "hösten 2014",
            "promises": ["gangrelaterat-vald"],
        },
        {
            "slug": "trygghetsundersokning-biskopsgarden",
            "title": "Trygghetsundersökning bland 1 000 invånare i Biskopsgården",
            "date_text": "innan sommaren",
            "respondents": 1000,
            "description": (
                "För att se vilka långsiktiga effekter medborgarlöftet har gett genomförs en "
                "trygghetsundersökning bland 1 000 invånare i Biskopsgården innan sommaren. Den "
                "kommer att jämföras med nollmätningen som gjordes hösten 2014."
            ),
            "baseline": "nollmatning-2014",
            "promises": ["gangrelaterat-vald"],
        },
    ],
    "promises": [
        {
            "slug": "gangrelaterat-vald",
            "title": "Medborgarlöfte om gängrelaterat våld",
            "period_text": "under ett år",
            "summary": (
                "Medborgarlöftet är ett åtagande som polisen och Västra Hisingens "
                "stadsdelsförvaltning gör till invånarna i stadsdelen under ett år. Det är "
                "konkreta aktiviteter som genomförs i syfte att minska ett problem som kommer att "
                "ha ett särskilt fokus i det trygghetsskapande samverkansarbetet."
            ),
            "background": (
                "Problemet som valts ut bygger på vad invånarna har lyft fram i en "
                "trygghetsundersökning och i medborgardialoger samt på lägesbilder från polis och "
                "stadsdelsförvaltning."
            ),
            "follow_up": (
                "För att se vilka långsiktiga effekter medborgarlöftet har gett genomförs en "
                "trygghetsundersökning bland 1 000 invånare i Biskopsgården innan sommaren. Den "
                "kommer att jämföras med nollmätningen som gjordes hösten 2014."
            ),
            "source_title": "Medborgarlöfte om gängrelaterat våld har gett resultat",
            "parties": ["polisen", "vastra-hisingens-stadsdelsforvaltning"],
            "themes": ["gangkriminalitet", "narkotika", "offentlig-miljo"],
            "situation_pictures": ["gemensam-lokal-lagesbild"],
            "contacts": ["Daniel Neck", "Lovisa Trell"],
            "commitments": [
                {
                    "key": "polisnarvaro",
                    "text": "Öka polisnärvaron.",
                    "parties": ["polisen"],
                    "themes": ["gangkriminalitet", "offentlig-miljo"],
                    "status": "done",
                },
                {
                    "key": "avhoppare",
                    "text": "Stöd till avhoppare.",
                    "parties": ["vastra-hisingens-stadsdelsforvaltning"],
                    "themes": ["gangkriminalitet"],
                    "status": "done",
                },
                {
                    "key": "narkotika-vapen",
                    "text": "Ett intensifierat arbete mot narkotika och illegala vapen.",
                    "parties": ["polisen"],
                    "themes": ["narkotika", "gangkriminalitet"],
                    "status": "done",
                },
            ],
            "goals": [],
            "indicators": [
                {
                    "slug": "patrulleringstillfallen-hot-spots",
                    "name": "Patrulleringstillfällen på hot spots",
                    "unit": "tillfällen",
                    "commitment": "polisnarvaro",
                    "measurements": [
                        {"value": "1000", "qualifier": "mer än", "period_text": "det senaste året"}
                    ],
                },
                {
                    "slug": "patrulleringar-per-dag",
                    "name": (
                        "Patrulleringar per dag på otrygga och särskilt brottsutsatta platser i "
                        "Biskopsgården"
                    ),
                    "unit": "per dag",
                    "commitment": "polisnarvaro",
                    "measurements": [
                        {"value": "2.8", "qualifier": "i snitt", "period_text": "det senaste året"}
                    ],
                },
                {
                    "slug": "beslagtagna-vapen",
                    "name": "Beslagtagna vapen",
                    "unit": "vapen",
                    "commitment": "narkotika-vapen",
                    "measurements": [{"value": "24", "period_text": "det senaste året"}],
                },
                {
                    "slug": "beslagtagna-automatvapen",
                    "name": "Beslagtagna vapen, varav automatvapen",
                    "unit": "vapen",
                    "commitment": "narkotika-vapen",
                    "measurements": [{"value": "6", "period_text": "det senaste året"}],
                },
                {
                    "slug": "beslagtagen-narkotika",
                    "name": "Beslagtagen narkotika",
                    "unit": "kg",
                    "commitment": "narkotika-vapen",
                    "description": "Värt cirka tio miljoner kronor på gatan.",
                    "measurements": [
                        {"value": "35", "qualifier": "drygt", "period_text": "det senaste året"}
                    ],
                },
            ],
            "verdict": {
                "summary": (
                    "Mer än 1 000 patrulleringstillfällen på hot spots. Stöd till avhoppare. "
                    "Beslag av 24 vapen och drygt 35 kilo narkotika. Det är några resultat av "
                    "medborgarlöftet i Västra Hisingen."
                ),
                "commitments": {
                    "polisnarvaro": {
                        "outcome": "done",
                        "reason": (
                            "Utifrån löftet att öka polisnärvaron har polisen i snitt patrullerat "
                            "2,8 gånger per dag på otrygga och särskilt brottsutsatta platser i "
                            "Biskopsgården det senaste året. Två grupper med poliser har blivit "
                            "tre som arbetar brottsförebyggande och trygghetsskapande dagar, "
                            "kvällar och helger."
                        ),
                    },
                    "avhoppare": {
                        "outcome": "done",
                        "reason": (
                            "För att erbjuda alternativ och stöd till den som vill lämna en "
                            "kriminell livsstil har avhopparverksamheten i stadsdelen förstärkts. "
                            "– Vi har anställt en koordinator som aktivt söker upp ungdomar i "
                            "riskzon som vill förändra sin livssituation, säger Lovisa Trell, "
                            "trygghetssamordnare i Västra Hisingen."
                        ),
                    },
                    "narkotika-vapen": {
                        "outcome": "done",
                        "reason": (
                            "Ett intensifierat arbete mot narkotika och illegala vapen har "
                            "resulterat i att polisen beslagtagit drygt 35 kilo narkotika – värt "
                            "cirka tio miljoner kronor på gatan och 24 vapen, varav sex "
                            "automatvapen."
                        ),
                    },
                },
            },
        }
    ],
}
