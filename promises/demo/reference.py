"""Reference data the documents name: police areas, municipalities and parties; and the
themes, which are the site's own classification (no document uses them)."""

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
    {"slug": "goteborgs-stad", "name": "Göteborgs Stad", "kind": "municipality"},
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
