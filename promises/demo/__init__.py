"""The demo data set, taken word for word from the source documents in shared/seeds/:
one module per document, and the loader (`loader.py`) that writes them.

Where a document does not say a thing, the field is left empty: no date, phone number,
status, direction or figure here is invented. Commitment texts keep the documents' wording;
only the trailing ownership marker ("(Polis och kommun).") is lifted into `parties`, and
Västra Hisingen's one undertaking is the article's "löftet att öka polisnärvaron".
Statuses are all "unreported": no document gives a commitment's status. The themes are the
site's own classification, not the documents' words (the about page says so).
tests/followup/test_demo_data.py compares this data with the documents phrase by phrase.
"""

from .molndal import MOLNDAL
from .reference import MUNICIPALITIES, PARTIES, POLICE_AREAS, THEMES
from .sodra_fyrbodal import SODRA_FYRBODAL
from .sydvast import SYDVAST
from .trygg_i_goteborg import AGREEMENTS
from .vastra_hisingen import VASTRA_HISINGEN

LOCALITIES = [SYDVAST, MOLNDAL, VASTRA_HISINGEN, SODRA_FYRBODAL]

__all__ = [
    "AGREEMENTS",
    "LOCALITIES",
    "MOLNDAL",
    "MUNICIPALITIES",
    "PARTIES",
    "POLICE_AREAS",
    "SODRA_FYRBODAL",
    "SYDVAST",
    "THEMES",
    "VASTRA_HISINGEN",
]
