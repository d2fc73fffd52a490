"""The pages measured by `make bench` and `make loadtest`, each by URL.

A page is measured at the first of its URLs that answers 200; when none does (the page does
not exist on this branch yet), it is listed as "not available", so the bench runs anywhere.
"""

PAGES = [
    ("home", ["/"]),
    ("promise list", ["/loften/", "/promises/"]),
    (
        "filtered list",
        [
            "/loften/?locality=sodra-fyrbodal&theme=trafiksakerhet",
            "/promises/?locality=sodra-fyrbodal",
        ],
    ),
    ("promise page", ["/sodra-fyrbodal/medborgarlofte-2023-2024/"]),
    ("locality page", ["/molndal/"]),
    (
        "feed",
        ["/feeds/atom/", "/feeds/rss/", "/feed/", "/feeds/"],
    ),
    ("API list", ["/api/v1/promises/", "/api/v1/promises"]),
]

STATIC_FILE = "/static/css/site.css"


def first_answering(get, urls):
    """The first URL of `urls` that `get(url)` answers with 200, or None."""
    for url in urls:
        if get(url).status_code == 200:
            return url
    return None
