"""Document 003 (shared/seeds/003_*.txt): Västra Hisingen, the results article ("Så har vi
uppfyllt vårt löfte"): the promise it reports on, and the article as a follow-up note."""

# The results article word for word (its two subheadings in bold), from its lead to its
# closing line; the quotes keep their speakers as the article names them.
ARTICLE = (
    "Mer än 1 000 patrulleringstillfällen på hot spots. Stöd till avhoppare. Beslag av 24 "
    "vapen och drygt 35 kilo narkotika. Det är några resultat av medborgarlöftet i Västra "
    "Hisingen.\n\n"
    "Utifrån löftet att öka polisnärvaron har polisen i snitt patrullerat 2,8 gånger per dag "
    "på otrygga och särskilt brottsutsatta platser i Biskopsgården det senaste året. Två "
    "grupper med poliser har blivit tre som arbetar brottsförebyggande och trygghetsskapande "
    "dagar, kvällar och helger.\n\n"
    "– Det är en märkbar förstärkning i Biskopsgården. Vi upplever att det blivit lugnare och "
    "framför allt bekräftas den bilden av invånarna. Men det är ett långsiktigt uppdrag som "
    "kräver att vi och andra samhällsaktörer är tålmodiga över tid, säger kommunpolisen Daniel "
    "Neck.\n\n"
    "**Förstärkt stöd för att lämna kriminalitet**\n\n"
    "För att erbjuda alternativ och stöd till den som vill lämna en kriminell livsstil har "
    "avhopparverksamheten i stadsdelen förstärkts.\n\n"
    "– Vi har anställt en koordinator som aktivt söker upp ungdomar i riskzon som vill "
    "förändra sin livssituation, säger Lovisa Trell, trygghetssamordnare i Västra Hisingen."
    "\n\n"
    "Ett intensifierat arbete mot narkotika och illegala vapen har resulterat i att polisen "
    "beslagtagit drygt 35 kilo narkotika – värt cirka tio miljoner kronor på gatan och 24 "
    "vapen, varav sex automatvapen.\n\n"
    "– Genom att störa narkotikahandeln stryper vi en viktig inkomstkälla för de kriminella "
    "och varje vapen vi plockar bort från gatan är en avvärjd våldsrisk, menar Daniel Neck."
    "\n\n"
    "**Invånarna får säga sitt**\n\n"
    "För att se vilka långsiktiga effekter medborgarlöftet har gett genomförs en "
    "trygghetsundersökning bland 1 000 invånare i Biskopsgården innan sommaren. Den kommer "
    "att jämföras med nollmätningen som gjordes hösten 2014.\n\n"
    "– Invånarnas uppfattning är en ledstjärna i vårt fortsatta trygghetsarbete och för nästa "
    "medborgarlöfte i Västra Hisingen. Vi är på rätt väg men mer finns att göra under lång tid "
    "framöver.\n\n"
    "Så har vi uppfyllt vårt löfte."
)

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
    # Daniel Neck and Lovisa Trell are quoted in the article, not given as contacts.
    "contacts": [],
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
            # The article names the problem chosen (gang-related violence) but describes no
            # problem of the situation picture, nor ties one to a place.
            "problems": [],
        }
    ],
    "surveys": [
        {
            "slug": "nollmatning-2014",
            "title": "Nollmätningen hösten 2014",
            "year": 2014,
            "date_text": "hösten 2014",
            "description": "Nollmätningen som gjordes hösten 2014.",
            "promises": ["gangrelaterat-vald"],
        },
        {
            "slug": "trygghetsundersokning-biskopsgarden",
            "title": "Trygghetsundersökning bland 1 000 invånare i Biskopsgården",
            # Planned ("genomförs ... innan sommaren"): asked of 1 000, answered by none yet.
            "date_text": "innan sommaren",
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
            "source_publisher": "Polisen",  # "Sök på polisen.se"
            "parties": ["polisen", "vastra-hisingens-stadsdelsforvaltning"],
            "themes": ["gangkriminalitet", "narkotika", "offentlig-miljo"],
            "situation_pictures": ["gemensam-lokal-lagesbild"],
            "contacts": [],
            # The article reports one undertaking, "löftet att öka polisnärvaron"; the rest it
            # gives are results ("Stöd till avhoppare", the work against drugs and weapons), and
            # it gives no commitment's status.
            "commitments": [
                {
                    "key": "polisnarvaro",
                    "text": "Öka polisnärvaron.",
                    "parties": ["polisen"],
                    "themes": ["gangkriminalitet", "offentlig-miljo"],
                },
            ],
            "goals": [],
            # Figures as the article words them; it sets no direction for any of them, and
            # only the patrols a day are "det senaste året". The others are "resultat av
            # medborgarlöftet".
            "indicators": [
                {
                    "slug": "patrulleringstillfallen-hot-spots",
                    "name": "Patrulleringstillfällen på hot spots",
                    "unit": "patrulleringstillfällen",
                    "direction": "none",
                    "commitment": "polisnarvaro",
                    "measurements": [
                        {
                            "value": "1000",
                            "qualifier": "mer än",
                            "period_text": "resultat av medborgarlöftet",
                        }
                    ],
                },
                {
                    "slug": "patrulleringar-per-dag",
                    "name": (
                        "Patrulleringar på otrygga och särskilt brottsutsatta platser i "
                        "Biskopsgården"
                    ),
                    "unit": "gånger per dag",
                    "direction": "none",
                    "commitment": "polisnarvaro",
                    "measurements": [
                        {"value": "2.8", "qualifier": "i snitt", "period_text": "det senaste året"}
                    ],
                },
                {
                    "slug": "beslagtagna-vapen",
                    "name": "Beslagtagna vapen",
                    "unit": "vapen",
                    "direction": "none",
                    "description": "Varav sex automatvapen.",
                    "measurements": [{"value": "24", "period_text": "resultat av medborgarlöftet"}],
                },
                {
                    "slug": "beslagtagen-narkotika",
                    "name": "Beslagtagen narkotika",
                    "unit": "kilo",
                    "direction": "none",
                    "description": "Värt cirka tio miljoner kronor på gatan.",
                    "measurements": [
                        {
                            "value": "35",
                            "qualifier": "drygt",
                            "period_text": "resultat av medborgarlöftet",
                        }
                    ],
                },
            ],
            # The promise-level verdict says only what the article says, quoted and attributed.
            "verdict": {
                "summary": (
                    "Polisen, i artikeln ”Medborgarlöfte om gängrelaterat våld har gett "
                    "resultat”: ”Så har vi uppfyllt vårt löfte.” ”Vi är på rätt väg men mer finns "
                    "att göra under lång tid framöver.”"
                ),
                "commitments": {},
            },
            # The article itself, as a published follow-up note. It gives no date.
            "updates": [
                {
                    "title": "Medborgarlöfte om gängrelaterat våld har gett resultat",
                    "date": None,
                    "author_organisation": "Polisen",
                    "text": ARTICLE,
                }
            ],
        }
    ],
}
