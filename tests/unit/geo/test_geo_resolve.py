"""Resolution on hand-built mentions; XA/XB/XC are ISO 3166 user-assigned (fictional) codes."""

from __future__ import annotations

from sitroom.geo.candidate import Candidate
from sitroom.geo.resolve import Mention, resolve
from sitroom.model import Span
from unit.geo.geo_helpers import cand


def _m(
    text: str,
    start: int,
    *candidates: Candidate,
    sentence: Span = (0, 1000),
    **context: object,
) -> Mention:
    return Mention(
        text=text,
        span=(start, start + len(text)),
        candidates=candidates,
        sentence=sentence,
        **context,  # type: ignore[arg-type]
    )


BIG_XA = cand("Ostra", country="XA", population=350_000, feature="capital")
SMALL_XB = cand("Ostra", country="XB", population=7_000)
COUNTRY_XA = cand("Xanadu", "country", "XA", 5_000_000)
COUNTRY_XB = cand("Xebia", "country", "XB", 9_000_000)


def test_population_prior_picks_the_larger_namesake() -> None:
    (place,) = resolve([_m("Ostra", 0, SMALL_XB, BIG_XA)])
    assert (place.country, place.kind, place.precision) == ("XA", "city", 1)
    assert place.id == "p1" and place.mentions == [(0, 5)]


def test_evidence_country_decides_between_similar_namesakes() -> None:
    town_xa = cand("Brill", country="XA", population=20_000)
    town_xb = cand("Brill", country="XB", population=30_000)
    xb = _m("Xebia", 0, COUNTRY_XB)
    places = resolve([xb, _m("Xebia", 100, COUNTRY_XB), _m("Brill", 200, town_xa, town_xb)])
    assert [p.country for p in places] == ["XB", "XB"]
    places = resolve(
        [
            _m("Xanadu", 0, COUNTRY_XA),
            _m("Xanadu", 100, COUNTRY_XA),
            _m("Brill", 200, town_xa, town_xb),
        ]
    )
    assert places[-1].country == "XA"


def test_evidence_country_does_not_beat_a_far_larger_city_abroad() -> None:
    geneva_ch = cand("Geneva", country="XA", population=200_000)
    geneva_us = cand("Geneva", country="XB", population=21_000)
    places = resolve(
        [
            _m("Xebia", 0, COUNTRY_XB),
            _m("Xebia", 50, COUNTRY_XB),
            _m("Geneva", 90, geneva_ch, geneva_us),
        ]
    )
    assert places[-1].country == "XA"


def test_a_country_in_the_same_sentence_helps() -> None:
    town_xa = cand("Brill", country="XA", population=30_000)
    town_xb = cand("Brill", country="XB", population=20_000)
    places = resolve(
        [
            _m("Xanadu", 0, COUNTRY_XA, sentence=(0, 50)),
            _m("Xanadu", 60, COUNTRY_XA, sentence=(60, 100)),
            _m("Xebia", 110, COUNTRY_XB, sentence=(110, 200)),
            _m("Brill", 130, town_xa, town_xb, sentence=(110, 200)),
        ]
    )
    assert places[-1].name == "Brill" and places[-1].country == "XB"


def test_feature_cue_selects_the_province_and_precision_follows() -> None:
    city = cand("Kandar", country="XA", population=400_000)
    province = cand("Kandar", "admin1", "XA", source="curated", admin1="Kandar")
    bare, cued = resolve(
        [_m("Kandar", 0, city, province), _m("Kandar", 50, city, province, cue="admin")]
    )
    assert (bare.kind, bare.precision) == ("city", 1)
    assert (cued.kind, cued.precision, cued.admin1) == ("admin1", 3, "Kandar")


def test_an_area_named_first_steers_its_later_bare_name() -> None:
    city = cand("Kandar", country="XA", population=400_000)
    province = cand("Kandar", "admin1", "XA", source="curated", admin1="Kandar")
    # "Kandar province … much of Kandar": the province, named first, then by its bare name.
    (place,) = resolve(
        [_m("Kandar province", 0, city, province, cue="admin"), _m("Kandar", 50, city, province)]
    )
    assert (place.kind, place.mentions) == ("admin1", [(0, 15), (50, 56)])


def test_a_town_named_first_steers_its_later_bare_name() -> None:
    town = cand("Merib", country="XA", population=40_000)
    province = cand("Merib", "admin1", "XA", source="curated", admin1="Merib")
    # "MERIB, Xanadu - ..." (a dateline) or "the town of Merib", then "south of Merib": the
    # town again, not the province of its name.
    places = resolve(
        [
            _m("MERIB", 0, town, province, cue="settlement", qualifier=(COUNTRY_XA,)),
            _m("Merib", 80, town, province),
        ]
    )
    assert [(p.kind, p.mentions) for p in places] == [("city", [(0, 5), (80, 85)])]


def test_facility_cue_without_a_facility_entry_is_near_the_town() -> None:
    town = cand("Ramsby", country="XA", population=8_000)
    (place,) = resolve([_m("Ramsby", 0, town, cue="facility")])
    assert (place.kind, place.precision) == ("city", 2)


def test_qualifier_overrides_population() -> None:
    big = cand("Geneva", country="XA", population=200_000)
    small = cand("Geneva", country="XB", population=21_000, admin1="Illinoy")
    state = cand("Illinoy", "admin1", "XB", admin1="Illinoy")
    (place,) = resolve([_m("Geneva", 0, big, small, qualifier=(state,))])
    assert place.country == "XB"
    (place,) = resolve([_m("Geneva", 0, big, small, qualifier=(COUNTRY_XB,))])
    assert place.country == "XB"


def test_mentions_only_as_reference_point_are_near() -> None:
    town = cand("Brill", country="XA", population=30_000)
    (place,) = resolve([_m("Brill", 0, town, near=True), _m("Brill", 40, town, near=True)])
    assert place.precision == 2
    (place,) = resolve([_m("Brill", 0, town, near=True), _m("Brill", 40, town)])
    assert place.precision == 1


def test_mentions_group_per_place_in_order_of_first_mention() -> None:
    places = resolve(
        [
            _m("Xebia", 30, COUNTRY_XB),
            _m("Ostra", 0, BIG_XA, SMALL_XB),
            _m("Ostra", 60, BIG_XA, SMALL_XB),
            _m("Xebia", 90, COUNTRY_XB),
        ]
    )
    assert [(p.id, p.name, p.mentions) for p in places] == [
        ("p1", "Ostra", [(0, 5), (60, 65)]),
        ("p2", "Xebia", [(30, 35), (90, 95)]),
    ]
    assert places[1].precision == 3


def test_one_sense_per_discourse() -> None:
    town_xa = cand("Brill", country="XA", population=20_000)
    town_xb = cand("Brill", country="XB", population=25_000)
    state = cand("Xanadu", "country", "XA", 5_000_000)
    places = resolve(
        [
            _m("Xanadu", 0, state, sentence=(0, 40)),
            _m("Brill", 10, town_xa, town_xb, sentence=(0, 40)),
            _m("Brill", 50, town_xa, town_xb, sentence=(50, 90)),
        ]
    )
    assert len(places) == 2 and places[1].mentions == [(10, 15), (50, 55)]


def test_strict_mentions_need_a_well_known_place() -> None:
    village = cand("Talib", country="XC", population=1_100)
    province = cand("Panj", "admin1", "XA", source="curated")
    metropolis = cand("Austen", country="XB", population=900_000)
    assert resolve([_m("Talib", 0, village, strict=True)]) == ()
    assert resolve([_m("Talib", 0, village)])[0].name == "Talib"
    assert resolve([_m("Panj", 0, province, strict=True)])[0].kind == "admin1"
    assert resolve([_m("Austen", 0, metropolis, strict=True)])[0].country == "XB"
    fuzzy = cand("Panj", "admin1", "XA", source="curated", match="fuzzy")
    assert resolve([_m("Panjj", 0, fuzzy, strict=True)]) == ()


def test_fuzzy_matches_on_small_towns_are_ignored() -> None:
    hamlet = cand("Planken", country="XA", population=478, match="fuzzy")
    assert resolve([_m("Blinken", 0, hamlet)]) == ()


def test_fuzzy_matches_must_be_variants_of_the_towns_own_name() -> None:
    # Met through one of its alternate names' transliteration key: no.
    alternate = cand("Brailov", country="XA", population=150_000, match="fuzzy")
    assert resolve([_m("Beryl", 0, alternate)]) == ()
    variant = cand("Hasakah", country="XA", population=180_000, match="fuzzy")
    # a variant needs the text's support: here the country it lies in, named in its sentence
    places = resolve([_m("Hasaka", 0, variant), _m("Xanadu", 20, COUNTRY_XA)])
    assert places[0].name == "Hasakah"


def test_fuzzy_matches_must_keep_most_of_the_letters() -> None:
    # Same consonants, every vowel different: two names, not two spellings of one.
    namesake = cand("Mandeni", country="XA", population=37_000, match="fuzzy")
    assert resolve([_m("Mindanao", 0, namesake)]) == ()
    variant = cand("Fallujah", country="XA", population=190_000, match="fuzzy")
    places = resolve([_m("Falluja", 0, variant), _m("Xanadu", 20, COUNTRY_XA)])
    assert places[0].name == "Fallujah"


def test_of_two_readings_by_other_names_the_spelling_of_its_own_wins() -> None:
    listed = cand("Nikopol", country="XA", population=105_200)
    spelled = cand("Slovyansk", country="XA", population=105_100)
    (place,) = resolve([_m("Sloviansk", 0, listed, spelled)])
    assert place.name == "Slovyansk"


def test_curated_precision_override_and_regions_without_country() -> None:
    valley = cand("Koren Valley", "region", "XA", source="curated", precision=2)
    sea = cand("Inner Sea", "region", None, source="curated")
    places = resolve([_m("Koren Valley", 0, valley), _m("Inner Sea", 20, sea)])
    assert [(p.precision, p.country) for p in places] == [(2, "XA"), (3, None)]


def test_no_mentions() -> None:
    assert resolve([]) == ()


def test_a_curated_site_keeps_its_precision_under_a_facility_cue() -> None:
    camp = cand("Jabal camp", "locality", "XA", source="curated")
    (place,) = resolve([_m("Jabal camp", 0, camp, cue="facility")])
    assert place.precision == 1


def test_a_name_met_only_as_an_alias_yields_to_the_primary_name() -> None:
    old_name = cand("Hong Kong", country="XA", population=7_000_000, uid="hk")
    state = cand("Victoria", "admin1", "XB", 6_700_000, source="curated", uid="vic")
    (place,) = resolve([_m("Victoria", 0, old_name, state)])
    assert place.name == "Victoria"


def test_us_states_beat_small_namesake_towns_but_not_big_cities() -> None:
    state = cand("Delaware", "admin1", "US", feature="state", uid="us:DE")
    town = cand("Delaware", country="US", population=40_000)
    assert resolve([_m("Delaware", 0, state, town)])[0].kind == "admin1"
    dc = cand("Washington", country="US", population=690_000, feature="capital")
    wa = cand("Washington", "admin1", "US", feature="state", uid="us:WA")
    assert resolve([_m("Washington", 0, dc, wa)])[0].kind == "city"


def test_a_small_town_introduced_by_a_place_word_in_the_sentences_country() -> None:
    town = cand("Talib", country="XA", population=2_000)
    xa, xb = cand("Xanadu", "country", "XA", 5_000_000), COUNTRY_XB
    found = resolve([_m("Talib", 0, town, strict=True, introduced=True), _m("Xanadu", 20, xa)])
    assert [p.name for p in found] == ["Talib", "Xanadu"]
    # No country in view, another country, or no word of place: a bare strict name stays none.
    assert resolve([_m("Talib", 0, town, strict=True, introduced=True)]) == ()
    other = resolve([_m("Talib", 0, town, strict=True, introduced=True), _m("Xebia", 20, xb)])
    assert [p.name for p in other] == ["Xebia"]
    bare = resolve([_m("Talib", 0, town, strict=True), _m("Xanadu", 20, xa)])
    assert [p.name for p in bare] == ["Xanadu"]


def test_a_small_town_in_the_evidence_country_of_other_sentences() -> None:
    town = cand("Talib", country="XA", population=2_000)
    seat = cand("Vorn", country="XA", population=60_000)
    mentions = [
        _m("Vorn", 0, seat, sentence=(0, 10)),
        _m("Vorn", 12, seat, sentence=(12, 20)),
        _m("Talib", 30, town, strict=True, introduced=True, sentence=(30, 50)),
    ]
    assert [p.name for p in resolve(mentions)] == ["Vorn", "Talib"]


def test_a_hamlet_without_a_population_is_no_town_in_focus_when_its_name_has_others() -> None:
    hamlet = cand("Talib", country="XA", population=0)
    namesake = cand("Talib", country="XB", population=0)
    xa = cand("Xanadu", "country", "XA", 5_000_000)
    found = resolve(
        [_m("Talib", 0, hamlet, namesake, strict=True, introduced=True), _m("Xanadu", 20, xa)]
    )
    assert [p.name for p in found] == ["Xanadu"]
    # The only reading of its name (GeoNames' 500+ list: mostly a small district's seat) is
    # the town, in the country the sentence names (place_evidence.yaml).
    found = resolve([_m("Talib", 0, hamlet, strict=True, introduced=True), _m("Xanadu", 20, xa)])
    assert [p.name for p in found] == ["Talib", "Xanadu"]


def test_a_town_in_focus_only_by_its_own_name() -> None:
    xa = cand("Xanadu", "country", "XA", 5_000_000)
    # Met through one of its alternate names: no town in focus.
    alias = cand("Rockham", country="XA", population=3_000)
    found = resolve([_m("Park", 0, alias, strict=True, introduced=True), _m("Xanadu", 20, xa)])
    assert [p.name for p in found] == ["Xanadu"]
    # The Arabic article is written in many ways: "Al-Dawr" is "Ad Dawr".
    town = cand("Ad Dawr", country="XA", population=3_000)
    found = resolve([_m("Al-Dawr", 0, town, strict=True, introduced=True), _m("Xanadu", 20, xa)])
    assert [p.name for p in found] == ["Ad Dawr", "Xanadu"]
    # A spelling of its own name is its own name: "Gol Shahr" is GeoNames' "Golshakhr".
    spelt = cand("Golshakhr", country="XA", population=3_000)
    found = resolve([_m("Gol Shahr", 0, spelt, strict=True, introduced=True), _m("Xanadu", 20, xa)])
    assert [p.name for p in found] == ["Golshakhr", "Xanadu"]
