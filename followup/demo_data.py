"""The demo data set, taken word for word from the source documents in shared/seeds/.

Where a document does not say a thing, the field is left empty: no date, phone number,
status or figure here is invented. Commitment texts keep the documents' wording; only
the trailing ownership marker ("(Polis och kommun).") is lifted into `parties`.
Statuses are "unreported" except where a document reports the result.
"""

POLICE_AREAS = [
    {"slug": "storgoteborg-syd", "name": "Lokalpolisområde Storgöteborg Syd"},
    {"slug": "sodra-fyrbodal", "name": "Lokalpolisområde Södra Fyrbodal"},
]

MUNICIPALITIES = [
    {"slug": "goteborg", "name": "Göteborg"},
    {"slug": "molndal", "name": "Mölndal"},
    {"slug": "stenungsund", "name": "Stenungsund"},
    {"slug": "orust", "name": "Orust"},
    {"slug": "tjorn", "name": "Tjörn"},
]

PARTIES = [
    {"slug": "lpo-storgoteborg-syd", "name": "Lokalpolisområde Storgöteborg Syd", "kind": "police"},
    {
        "slug": "socialforvaltning-sydvast",
        "name": "Socialförvaltning Sydväst",
        "kind": "municipality",
    },
    {"slug": "molndals-stad", "name": "Mölndals stad", "kind": "municipality"},
    {"slug": "vasttrafik", "name": "Västtrafik", "kind": "partner"},
    {"slug": "polisen", "name": "Polisen", "kind": "police"},
    {
        "slug": "vastra-hisingens-stadsdelsforvaltning",
        "name": "Västra Hisingens stadsdelsförvaltning",
        "kind": "municipality",
    },
    {"slug": "lpo-sodra-fyrbodal", "name": "Lokalpolisområde Södra Fyrbodal", "kind": "police"},
    {"slug": "stenungsunds-kommun", "name": "Stenungsunds kommun", "kind": "municipality"},
    {"slug": "orust-kommun", "name": "Orust kommun", "kind": "municipality"},
    {"slug": "tjorns-kommun", "name": "Tjörns kommun", "kind": "municipality"},
]

THEMES = [
    {"slug": "narkotika", "name": "Narkotika"},
    {"slug": "gangkriminalitet", "name": "Gängkriminalitet"},
    {"slug": "trafiksakerhet", "name": "Trafiksäkerhet"},
    {"slug": "barn-och-unga", "name": "Barn och unga"},
    {"slug": "offentlig-miljo", "name": "Trygghet i offentlig miljö"},
    {"slug": "kollektivtrafik", "name": "Kollektivtrafik"},
    {"slug": "krankningar-och-vald", "name": "Kränkningar och våld"},
    {"slug": "psykisk-ohalsa", "name": "Psykisk ohälsa"},
    {"slug": "brottsoffer", "name": "Brottsoffer"},
    {"slug": "samverkan", "name": "Samverkan med näringsliv och civilsamhälle"},
]

AGREEMENTS = [
    {
        "slug": "trygg-i-goteborg",
        "name": "Trygg i Göteborg",
        "summary": (
            "För ökad trygghet och minskad brottslighet. Alla som lever, verkar och vistas i "
            "Göteborg ska vara trygga och säkra. Alla ska kunna röra sig fritt och ingen ska "
            "begränsas i sitt vardagsliv eller behöva avstå från att besöka en plats på grund "
            "av otrygghet till följd av rädslan för att utsättas för brott."
        ),
        "description": (
            "Göteborgs Stad och Polisen har samverkat under många år med målet att öka "
            "tryggheten och minska brottsligheten i Göteborg. I förra veckan var det dags att "
            "förnya samverkansöverenskommelsen vars syfte är att möjliggöra en strukturerad, "
            "likvärdig och kunskapsbaserad samverkan.\n\n"
            "Det gemensamma arbetet utgår från det nationella konceptet att kartlägga, "
            "sammanställa gemensamma lägesbilder, prioritera problemområden och ta reda på "
            "orsakerna. Genom detta kan rätt åtgärder sättas in. I Göteborg kallas arbetet för "
            "Trygg i Göteborg.\n\n"
            "Eftersom problemen skiljer sig mellan olika områden i staden är analysen viktig. "
            "Utifrån den tar varje socialförvaltning och lokalpolisområde tillsammans fram en "
            "åtgärdsplan för varje stadsområde.\n\n"
            "Det faktiska arbetet sker i stadsområdena/lokalpolisområdena och utgår från "
            "göteborgarnas upplevelser av otrygghet samt iakttagelser från lokala aktörer.\n\n"
            "Göteborgs Stad arbetar kunskapsbaserat mot aktuella läges- och problembilder för "
            "att öka tryggheten och tilliten samt förebygga och minska brottsligheten i staden. "
            "Arbetet sker i samverkan med fastighetsägare, näringslivet, polisen och andra "
            "statliga och regionala aktörer och myndigheter samt akademin. Den samlade förmågan "
            "är även beroende av goda krafter hos civilsamhället, både i organiserad form och "
            "av enskilda."
        ),
        "signatories": "Eva Hessman, stadsdirektör\nErik Nord, chef för polisområde Storgöteborg",
    },
]

SYDVAST = {
    "slug": "sydvast",
    "name": "Sydväst",
    "kind": "city_district",
    "municipalities": ["goteborg"],
    "police_area": "storgoteborg-syd",
    "agreement": "trygg-i-goteborg",
    "collaboration_name": "Trygg i Sydväst",
    "description": (
        "Medborgarlöftet är en del av Trygg-i Sydväst – en långsiktig satsning där polisen och "
        "aktuellt stadsområde samverkar för att påverka den upplevda tryggheten utifrån en "
        "gemensam läges- och problembild."
    ),
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
            "background": (
                "För att skapa en tryggare och säkrare utemiljö, utlovas en hög polisiär "
                "närvaron samt en gemensam satsning för att stödja alla de goda krafter som "
                "verkar i den offentliga miljön. Då narkotikaproblematiken har en central roll i "
                "problembilden, ska vi genom olika åtgärder arbeta för att minska "
                "narkotikahantering i det offentliga rummet, utveckla samverkan inom EST mellan "
                "polis, stadsområde, fastighetsägare, bostadsbolag och övriga civilsamhället."
            ),
            "follow_up": "Målen följs upp kontinuerligt genom trygghetsgruppens försorg.",
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

MOLNDAL = {
    "slug": "molndal",
    "name": "Mölndal",
    "kind": "municipality",
    "municipalities": ["molndal"],
    "police_area": "storgoteborg-syd",
    "agreement": None,
    "collaboration_name": "Trygg i Mölndal",
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
                "(Samordning för Trygghet i Kollektivtrafiken) arbetet under våren 2021."
            ),
            "date_text": "våren 2021",
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
                {
                    "kind": "police_statistics",
                    "description": (
                        "Polisen: För att skapa en inbjudande trygg plats där alla känner sig "
                        "välkomna krävs gemensamma ansträngningar i arbetet med såväl det sociala "
                        "som situationella trygghetsarbetet. Kommunens och polisens "
                        "problem/-lägesbil ligger till grund för arbetet och Trygg i-arbetet är "
                        "motorn i detta arbete."
                    ),
                },
                {
                    "kind": "municipality",
                    "description": (
                        "Mölndals stad: Skall genom BRÅ och dess BRÅ samordnare leda det "
                        "trygghetsskapande arbetet ihop med lokal Kommunpolis."
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
            "description": (
                "Trygghetsundersökning som gjordes av Västtrafik som en del i det gemensamma STK "
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
            "parties": ["lpo-storgoteborg-syd", "molndals-stad", "vasttrafik"],
            "themes": ["samverkan", "narkotika", "kollektivtrafik", "offentlig-miljo"],
            "situation_pictures": ["lokal-lagesbild"],
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
            "date_text": "hösten 2022",
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

LOCALITIES = [SYDVAST, MOLNDAL, VASTRA_HISINGEN, SODRA_FYRBODAL]
