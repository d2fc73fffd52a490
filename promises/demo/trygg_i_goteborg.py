"""Document 001 (shared/seeds/001_*.txt): the city-wide agreement "Trygg i Göteborg"."""

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
