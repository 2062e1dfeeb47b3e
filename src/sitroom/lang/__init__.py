"""The language core shared by every NLP stage: vocabulary files and their one loader, syntax
helpers, the document index, and place concepts. It imports only ``model``, ``errors``,
``resources`` and ``amounts``; the stages import it and never each other."""
