"""usru_nlp: officials, places and dates from Japanese news text.

>>> from usru_nlp import extract
>>> r = extract("ロシアのラブロフ外相は14日、ソチでポンペオ米国務長官と会談した。", published="2019-05-15")
>>> [(o.text, o.title, o.country) for o in r.officials]
"""
from .extractor import Extractor, extract
from .schema import DateMention, DocumentDate, Official, Person, Place, Result

__version__ = "0.1.0"
__all__ = [
    "extract",
    "Extractor",
    "Result",
    "Official",
    "Person",
    "Place",
    "DateMention",
    "DocumentDate",
    "__version__",
]
