"""Document 000 (shared/seeds/000_*.txt): Sydväst, Göteborg (Storgöteborg Syd)."""

SYDVAST = {
    "slug": "sydvast",
    "name": "Sydväst",
    "kind": "city_district",
    "municipalities": ["goteborg"],
    "police_area": "storgoteborg-syd",
    "agreement": "trygg-i-goteborg",
    "collaboration_name": "Trygg-i Sydväst",
    "description": (
        "Medborgarlöftet är en del av Trygg-i Sydväst – en långsiktig satsning där polisen och "
        "aktuellt stadsområde samverkar för att påverka den upplevda tryggheten utifrån en "
        "gemensam läges- och problembild."
    ),
    # The document's heading names the area "Västra Göteborg".
    "names": ["Västra Göteborg"],
    "places": [
        {"slug": "frolunda-torg", "name": "Frölunda torg", "kind": "square"},
        {"slug": "tynnered", "name": "Tynnered", "kind": "area"},
    ],
    "contacts": [
        {"name": "Niklas Svensson", "role": "Kommunpolis", "phone": "010-565 41 30"},
        {"name": "Linda Bergvall", "role": "Kommunpolis", "phone": "010-565 41 38"},
    ],
    "situation_pictures": [
        {
            "slug": "lokal-lages-och-problembild",
            "title": "Den lokala läges- och problembilden för socialförvaltning Sydväst",
            "summary": (
                "I den lokala läges- och problembilden för socialförvaltning Sydväst, har "
                "medborgarna, polisen, privata aktörer och socialförvaltningen beskrivit hur "
                "olika problem påverkar medborgarnas upplevda trygghet på vissa specifika "
                "platser i utemiljön.\n\n"
                "För att öka den upplevda tryggheten krävs gemensamma och samlade åtgärder, inte "
                "bara från kommunen och polisen, utan också från övriga civilsamhället. Trygg "
                "i-arbetet skall vara motorn i detta arbete."
            ),
            "sources": [
                {"kind": "survey", "description": "Genomförda trygghetsundersökningar."},
                {"kind": "dialogue", "description": "Dialoger med boende."},
            ],
            "problems": [
                {
                    "description": (
                        "Vid genomförda trygghetsundersökningar och dialoger med boende beskriver "
                        "man en stor oro när man vistas på vissa platser. Det är ofta en oro "
                        "kopplat till kriminella gäng och deras tydliga närvaro i det offentliga "
                        "rummet. Särskilt tydligt är detta vid hållplatser, knutpunkter och i "
                        "anslutning till Frölunda torg."
                    ),
                    "themes": ["gangkriminalitet", "offentlig-miljo"],
                    "places": ["frolunda-torg"],
                },
                {
                    "description": (
                        "Ett annat upplevt problem är den fysiska utemiljön, där medborgarna "
                        "upplever att det behövs vidtas åtgärder för att platserna ska upplevas "
                        "som trivsamma och trygga."
                    ),
                    "themes": ["offentlig-miljo"],
                    "places": [],
                },
                {
                    "description": (
                        "Gemensamt är att narkotikahanteringen har en central roll i problembilden."
                    ),
                    "themes": ["narkotika"],
                    "places": [],
                },
            ],
        }
    ],
    "surveys": [],
    "promises": [
        {
            "slug": "tryggare-utemiljo",
            "title": "Tryggare utemiljö",
            "starts_on": "2022-02-01",
            "ends_on": "2023-09-30",
            "summary": (
                "Medborgarlöftet är ett åtagande som Lokalpolisområde Storgöteborg Syd och "
                "socialförvaltning Sydväst ger till invånarna i stadsområdet. Löftet innebär "
                "konkreta aktiviteter som genomförs i syfte att förebygga brott och öka "
                "tryggheten."
            ),
            # The document's "Medborgarlöftet utgår från den lokala läges- och problembilden" is
            # the situation picture; its paragraph under "Det här lovar vi" is the pledge.
            "background": "",
            "pledge_heading": "Vårt medborgarlöfte 2022-2023",
            "pledge": (
                "För att skapa en tryggare och säkrare utemiljö, utlovas en hög polisiär "
                "närvaron samt en gemensam satsning för att stödja alla de goda krafter som "
                "verkar i den offentliga miljön. Då narkotikaproblematiken har en central roll i "
                "problembilden, ska vi genom olika åtgärder arbeta för att minska "
                "narkotikahantering i det offentliga rummet, utveckla samverkan inom EST mellan "
                "polis, stadsområde, fastighetsägare, bostadsbolag och övriga civilsamhället."
            ),
            "follow_up": (
                "Målen följs upp kontinuerligt genom trygghetsgruppens försorg.\n\n"
                "Medborgarna i socialförvaltning Sydväst kan följa arbetet genom:"
            ),
            "source_title": "Göteborg, Västra Göteborg – medborgarlöften",
            "parties": ["lpo-storgoteborg-syd", "socialforvaltning-sydvast"],
            "themes": ["narkotika", "gangkriminalitet", "barn-och-unga", "offentlig-miljo"],
            "situation_pictures": ["lokal-lages-och-problembild"],
            "contacts": ["Niklas Svensson", "Linda Bergvall"],
            "commitments": [
                {
                    "text": (
                        "Synlig uniformerad närvaro på utsatta platser genom så kallade ”hot "
                        "spots”. Utveckla arbetet i det brottsförebyggande och "
                        "trygghetsskapande arbetet genom att poliser arbetar kontakt- och "
                        "förtroendeskapande i samverkan med kommuninvånare, kommunen och privata "
                        "aktörer."
                    ),
                    "parties": ["lpo-storgoteborg-syd"],
                    "themes": ["offentlig-miljo"],
                },
                {
                    "text": (
                        "Fortsätta arbetet kopplat till situationellt förebyggande arbete inom "
                        "ramen för ”Forum för fysisk utemiljö”. Fortsätta och utveckla arbetet "
                        "inom ramen för Effektiv Samordning för Trygghet (EST) tillsammans med "
                        "polis och fastighetsägare i Tynnered och runt Frölunda Torg. Prioritera "
                        "barn och unga i riskzon och samverka med i första hand polis för att "
                        "motverka rekrytering in i kriminalitet och missbruk."
                    ),
                    "parties": ["socialforvaltning-sydvast"],
                    "themes": ["offentlig-miljo", "barn-och-unga", "gangkriminalitet"],
                },
                {
                    "text": (
                        "Information till föräldrar vid föräldramöten om narkotika, sociala "
                        "medier och möjligheten till stöd och hjälp."
                    ),
                    "parties": ["lpo-storgoteborg-syd", "socialforvaltning-sydvast"],
                    "themes": ["narkotika", "barn-och-unga"],
                },
                {
                    "text": (
                        "Göra insatser och aktiviteter för barn och unga som ger dem ett "
                        "alternativ och motivation att inte lockas in i kriminalitet och missbruk."
                    ),
                    "parties": ["lpo-storgoteborg-syd", "socialforvaltning-sydvast"],
                    "themes": ["barn-och-unga", "gangkriminalitet"],
                },
                {
                    "text": ("Genomföra narkotikainsatser i första hand rikta sig mot ungdomar."),
                    "parties": ["lpo-storgoteborg-syd", "socialforvaltning-sydvast"],
                    "themes": ["narkotika", "barn-och-unga"],
                },
                {
                    "text": (
                        "Daglig ”Hot spots” patrullering utifrån gällande läges- och problembild."
                    ),
                    "parties": ["lpo-storgoteborg-syd"],
                    "themes": ["offentlig-miljo"],
                },
                {
                    "text": (
                        "Kartläggning gällande trygghet med fokus på utsatta platser skall "
                        "genomföras och följas upp. Målet är att identifiera möjliga förebyggande "
                        "åtgärder i den fysiska miljön i det offentliga rummet."
                    ),
                    "parties": ["lpo-storgoteborg-syd", "socialforvaltning-sydvast"],
                    "themes": ["offentlig-miljo"],
                },
            ],
            "goals": [
                "Minska den öppna narkotikahanteringen.",
                (
                    "Värna samverkan mellan polis, stadsområdet, fastighetsägare och övriga i "
                    "civilsamhället, för att tillsammans genomföra insatser riktade främst mot "
                    "barn och unga."
                ),
                (
                    "Ge trygghetsvärdar och andra goda krafter som verkar i området stöd, så att "
                    "de känner sig stärkta i sitt kontakt- och trygghetsskapande arbete i området."
                ),
                "Ökat förtroende för polis och stadsområdet hos invånarna.",
                "Minska problemet med otrygghet i det offentliga rummet.",
            ],
            "indicators": [],
        }
    ],
}
