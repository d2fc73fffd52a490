"""The demo data set, taken word for word from the source documents in shared/seeds/:
one module per document, and the loader (`loader.py`) that writes them.

Where a document does not say a thing, the field is left empty: no date, phone number,
status or figure here is invented. Commitment texts keep the documents' wording; only
the trailing ownership marker ("(Polis och kommun).") is lifted into `parties`.
Statuses are "unreported" except where a document reports the result.
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
