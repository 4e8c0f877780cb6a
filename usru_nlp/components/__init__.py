"""spaCy components of the usru_nlp pipeline, one module per stage.

Importing this package registers every factory with spaCy:

=====================  ==================================================  =====================
factory                what it sets                                        module
=====================  ==================================================  =====================
usru_segmenter         ``doc._.body``, ``doc._.dateline``                  segmenter
usru_model_ner         ``doc._.model_ents`` (model layer evidence)         model_ner
usru_places            ``doc._.places``                                    places
usru_officials         ``doc._.officials``                                 officials
usru_persons           ``doc._.persons``                                   persons
usru_document_date     ``doc._.dct``                                       document_date
usru_dates             ``doc._.dates``                                     dates
=====================  ==================================================  =====================
"""
from . import (  # noqa: F401  (imported for their @Language.factory registrations)
    dates,
    document_date,
    model_ner,
    officials,
    persons,
    places,
    segmenter,
)
