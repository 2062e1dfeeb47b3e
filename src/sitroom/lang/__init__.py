"""The language core shared by every NLP stage: vocabulary files and their one loader, syntax
helpers, the document index, and place concepts. It imports only ``model``, ``errors``
and ``resources`` (the words for amounts are vocabulary: ``lang.vocabulary.amounts``); the stages
import it and never each other."""
