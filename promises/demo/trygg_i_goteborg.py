"""Document 001 (shared/seeds/001_*.txt): the city-wide agreement "Trygg i Göteborg",
signed by Göteborgs Stad and the police; its text, signatories and the two quotes.

The description is Markdown: the document's three subheadings as headings, its paragraphs
word for word."""

AGREEMENTS = [
    {
        "slug": "trygg-i-goteborg",
        "name": "Trygg i Göteborg",
        "summary": (
            "För ökad trygghet och minskad brottslighet. Alla som lever, verkar och vistas i "
            "Göteborg ska vara trygga och säkra. Alla ska kunna röra sig fritt och ingen ska "
            "begränsas i sitt vardagsliv eller behöva avstå från att besöka en plats på grund "
            "av otrygghet till följd av rädslan för att utsättas för brott. I förra veckan "
            "undertecknade stadsdirektör Eva Hessman och Erik Nord, chef för polisområde "
            "Storgöteborg, en reviderad överenskommelse om samverkan i det trygghetsskapande och "
            "brottsförebyggande arbetet. Samverkan benämns Trygg i Göteborg."
        ),
        "description": (
            "Göteborgs Stad och Polisen har samverkat under många år med målet att öka "
            "tryggheten och minska brottsligheten i Göteborg. I förra veckan var det dags att "
            "förnya samverkansöverenskommelsen vars syfte är att möjliggöra en strukturerad, "
            "likvärdig och kunskapsbaserad samverkan.\n\n"
            "### Trygg i Göteborg\n\n"
            "Det gemensamma arbetet utgår från det nationella konceptet att kartlägga, "
            "sammanställa gemensamma lägesbilder, prioritera problemområden och ta reda på "
            "orsakerna. Genom detta kan rätt åtgärder sättas in. I Göteborg kallas arbetet för "
            "Trygg i Göteborg.\n\n"
            "Eftersom problemen skiljer sig mellan olika områden i staden är analysen viktig. "
            "Utifrån den tar varje socialförvaltning och lokalpolisområde tillsammans fram en "
            "åtgärdsplan för varje stadsområde.\n\n"
            "### Arbetet sker lokalt\n\n"
            "Det faktiska arbetet sker i stadsområdena/lokalpolisområdena och utgår från "
            "göteborgarnas upplevelser av otrygghet samt iakttagelser från lokala aktörer.\n\n"
            "### Trygg stad för alla\n\n"
            "Alla som lever, verkar eller vistas i staden ska vara trygga och säkra i Göteborg. "
            "Alla ska kunna röra sig fritt och vara trygga i sina hem. Ingen ska behöva begränsa "
            "sitt vardagsliv eller avstå från att besöka en plats på grund av rädslan för att "
            "utsättas för brott. Göteborgs Stad arbetar kunskapsbaserat mot aktuella läges- och "
            "problembilder för att öka tryggheten och tilliten samt förebygga och minska "
            "brottsligheten i staden. Arbetet sker i samverkan med fastighetsägare, "
            "näringslivet, polisen och andra statliga och regionala aktörer och myndigheter samt "
            "akademin. Den samlade förmågan är även beroende av goda krafter hos "
            "civilsamhället, både i organiserad form och av enskilda."
        ),
        "signatories": "Eva Hessman, stadsdirektör\nErik Nord, chef för polisområde Storgöteborg",
        "parties": ["goteborgs-stad", "polisen"],
        "quotes": (
            "– Modellen hjälper oss att få samsyn kring problemen och att tydliggöra vad vi ska "
            "samverka kring. Det kan till exempel handla om att arbeta med att motverka "
            "gängkriminalitet säger Erik Nord.\n\n"
            "– Vi finns till för göteborgarna och därför är det viktigt att ta reda på vad som "
            "skapar otrygghet och trygghet i bostadsområden och andra platser där människor "
            "vistas. Chefer och medarbetare i staden ser mycket genom sina verksamheter och "
            "samverkar med det lokala näringslivet, föreningar och andra aktörer, säger Eva "
            "Hessman."
        ),
    },
]
