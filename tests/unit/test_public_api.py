import json

import sitroom
from sitroom.errors import SitroomError, StoreError
from sitroom.model import Extraction


def test_public_names_are_pinned() -> None:
    assert sorted(sitroom.__all__) == sorted(
        [
            "Claim", "Contradiction", "Document", "Entity", "Event", "EventQuery", "Extraction",
            "Extractor", "Figure", "Place", "Quote", "Settings", "SitroomError", "Store",
            "TimeSpan", "__version__", "extract", "load", "load_settings", "open",
        ]
    )  # fmt: skip
    from importlib.metadata import version

    assert sitroom.__version__ == version("sitroom")


def test_schema_has_the_contract_fields() -> None:
    schema = Extraction.json_schema()
    assert set(schema["required"]) >= {"document"}  # type: ignore[operator]
    props = schema["properties"]
    assert isinstance(props, dict)
    assert {"schema", "document", "entities", "places", "times", "events", "quotes", "claims",
            "contradictions", "figures"} <= set(props)  # fmt: skip
    event = schema["$defs"]["Event"]["properties"]  # type: ignore[index]
    fields = "type mode cameo acled quad actor1 actor2 place date modality attributed_to"
    for name in (*fields.split(), "fatalities", "trigger", "sentence", "confidence"):
        assert name in event
    json.dumps(schema)


def test_errors_carry_codes() -> None:
    err = StoreError("cannot open", code="S502")
    assert isinstance(err, SitroomError)
    assert str(err) == "[S502] cannot open" and err.code == "S502"
