from sitroom.actors.capitals import capital_of


def test_capitals_stand_for_their_state() -> None:
    assert capital_of("Washington", "US") == "United States"
    assert capital_of("Kabul", "AF") == "Afghanistan"
    assert capital_of("Kabul", "US") is None
    assert capital_of("Geneva", "CH") is None
    assert capital_of("Paris", None) is None
