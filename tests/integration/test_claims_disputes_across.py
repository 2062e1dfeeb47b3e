"""Disputes across outlets: two wire reports of one happening, by different outlets on
different days, phrase it differently, and the store pairs the claim of one side with the denial
or the rival figure of the other, or a clearing of the doer one of them names
(``Store.link_cross_contradictions``), on SQLite and PostgreSQL. Stories written here; real
model, real pipeline, real stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import extract_reports
from sitroom.model import Extraction
from sitroom.service import Extractor
from sitroom.store import Store
from unit.store.backends import BACKENDS, PostgresServer, make_backend

pytestmark = pytest.mark.model

# Each story: two articles (outlet, date, text), and the pairs the store must find, each as
# (words of the asserting claim, words of the denying or rival claim).
Article = tuple[str, str, str]
STORIES: dict[str, tuple[tuple[Article, Article], set[tuple[str, str]]]] = {
    # a capture claimed, and denied with another verb and the place as the subject
    "capture-denied": (
        (
            (
                "Levant Wire",
                "2024-03-05",
                "BEIRUT, March 5 (Levant Wire) - Rebel fighters captured the town of Saraqib "
                "in Idlib province on Tuesday, a rebel spokesman said.",
            ),
            (
                "Damascus Daily",
                "2024-03-06",
                "DAMASCUS, March 6 - The Syrian army denied on Wednesday that Saraqib had "
                "fallen to the rebels.",
            ),
        ),
        {("captured the town of Saraqib", "Saraqib had fallen")},
    ),
    # a capture claimed; the other side says the place is in its hands
    "city-held": (
        (
            (
                "Asia Wire",
                "2021-08-08",
                "KABUL, Aug 8 - Taliban fighters seized the city of Kunduz on Sunday, Taliban "
                "spokesman Zabihullah Mujahid said.",
            ),
            (
                "Kabul Times",
                "2021-08-09",
                'KABUL, Aug 9 - "Our forces are in full control of Kunduz," defence ministry '
                "spokesman Fawad Aman said on Monday.",
            ),
        ),
        {("seized the city of Kunduz", "in full control of Kunduz")},
    ),
    "airport-held": (
        (
            (
                "Great Lakes Wire",
                "2024-02-02",
                "GOMA, Feb 2 - M23 rebels said on Friday they had taken control of the airport "
                "in Goma.",
            ),
            (
                "Kinshasa Times",
                "2024-02-03",
                "KINSHASA, Feb 3 - The airport in Goma remains under our control, army "
                "spokesman Sylvain Ekenge said on Saturday.",
            ),
        ),
        {("taken control of the airport", "remains under our control")},
    ),
    # rival death tolls, one the police's, one a relief agency's
    "rival-tolls": (
        (
            (
                "Lagos Wire",
                "2024-06-29",
                "MAIDUGURI, June 29 - Police said 12 people were killed when a bomb exploded "
                "at a bus station in Maiduguri on Friday.",
            ),
            (
                "West Africa Post",
                "2024-06-30",
                "ABUJA, June 30 - At least 30 people died in Friday's blast in Maiduguri, an "
                "official of the National Emergency Management Agency told reporters.",
            ),
        ),
        {("12 people were killed", "At least 30 people died")},
    ),
    # responsibility: police name the doer, the group says it had no part in it
    "no-role": (
        (
            (
                "Pakistan Wire",
                "2023-01-31",
                "PESHAWAR, Jan 31 - Police said the Pakistani Taliban were behind the suicide "
                "bombing at a mosque in Peshawar on Monday.",
            ),
            (
                "Frontier Post",
                "2023-02-01",
                "ISLAMABAD, Feb 1 - The Pakistani Taliban said they had no role in the attack "
                "on the Peshawar mosque.",
            ),
        ),
        {("were behind the suicide bombing", "had no role in the attack")},
    ),
    # an origin, said of the weapons in one report and of the attacks in the other
    "origin": (
        (
            (
                "Energy Wire",
                "2019-09-15",
                "RIYADH, Sept 15 - Saudi officials said the drones that struck the oil plant "
                "at Abqaiq were launched from Iraq.",
            ),
            (
                "Baghdad Herald",
                "2019-09-16",
                "BAGHDAD, Sept 16 - The Iraqi prime minister said there was no evidence that "
                "the attacks on Abqaiq came from Iraq.",
            ),
        ),
        {("were launched from Iraq", "came from Iraq")},
    ),
    # the doer named by its demonym in one report, by its name in the other
    "demonym-doer": (
        (
            (
                "Juba Wire",
                "2011-11-10",
                "JUBA, Nov 10 - Refugee officials said Sudanese warplanes bombed the Yida "
                "refugee camp in Unity state on Thursday.",
            ),
            (
                "Khartoum Post",
                "2011-11-11",
                "KHARTOUM, Nov 11 - Sudan's army denied bombing the Yida camp on Friday.",
            ),
        ),
        {("Sudanese warplanes bombed", "bombing the Yida camp")},
    ),
    # a presence asserted and denied with "there were no ..."
    "presence": (
        (
            (
                "Mideast Wire",
                "2009-01-07",
                "JERUSALEM, Jan 7 - The Israeli army said militants were hiding in the school "
                "in Jabalia when it was shelled.",
            ),
            (
                "Gaza Report",
                "2009-01-08",
                "GAZA, Jan 8 - The UN relief agency said there were no militants in the school.",
            ),
        ),
        {("militants were hiding in the school", "there were no militants in the school")},
    ),
    # a shooting, and the accused's plea to "a charge of murder"
    "plea": (
        (
            (
                "Midwest Wire",
                "2012-03-01",
                "TULSA, March 1 - Prosecutors say Daniel Harlan shot his neighbour Paul Reddick "
                "outside his home in Tulsa on Friday.",
            ),
            (
                "Plains Herald",
                "2012-03-04",
                "TULSA, March 4 - Daniel Harlan pleaded not guilty on Monday to a charge of "
                "murder in the death of Paul Reddick.",
            ),
        ),
        {("Daniel Harlan shot", "a charge of murder")},
    ),
    # a town captured, and no town of its province captured
    "province": (
        (
            (
                "Arabia Wire",
                "2021-02-14",
                "SANAA, Feb 14 - Houthi fighters captured the town of Harib in Marib province on "
                "Sunday, Houthi military spokesman Yahya Saree said.",
            ),
            (
                "Aden Daily",
                "2021-02-15",
                "ADEN, Feb 15 - Yemen's government denied on Monday that the Houthis had "
                "captured any town in Marib province.",
            ),
        ),
        {("captured the town of Harib", "captured any town in Marib province")},
    ),
    # an accusation, and its rejection in an article that does not repeat it
    "accusation-rejected": (
        (
            (
                "Juba Wire",
                "2011-11-10",
                "JUBA, Nov 10 - South Sudan accused Sudan of bombing the Yida refugee camp in "
                "Unity state on Thursday.",
            ),
            (
                "Khartoum Post",
                "2011-11-11",
                "KHARTOUM, Nov 11 - Sudan's army on Friday rejected South Sudan's accusations.",
            ),
        ),
        {("Sudan of bombing the Yida refugee camp", "South Sudan's accusations")},
    ),
    # no dispute: another party's accusations are rejected
    "other-accusations-rejected": (
        (
            (
                "Juba Wire",
                "2011-11-10",
                "JUBA, Nov 10 - South Sudan accused Sudan of bombing the Yida refugee camp in "
                "Unity state on Thursday.",
            ),
            (
                "Khartoum Post",
                "2011-11-11",
                "KHARTOUM, Nov 11 - Sudan's army on Friday rejected Chad's accusations.",
            ),
        ),
        set(),
    ),
    # no dispute: the denial is about another town, the holding is another party's
    "other-town": (
        (
            (
                "Levant Wire",
                "2024-03-05",
                "BEIRUT, March 5 - Rebel fighters captured the town of Saraqib on Tuesday, a "
                "rebel spokesman said.",
            ),
            (
                "Damascus Daily",
                "2024-03-06",
                "DAMASCUS, March 6 - The Syrian army denied on Wednesday that Maarat al-Numan "
                "had fallen. The United Nations said the rebels control Saraqib.",
            ),
        ),
        set(),
    ),
    # no dispute: two towns of one province
    "other-town-of-the-province": (
        (
            (
                "Arabia Wire",
                "2021-02-14",
                "SANAA, Feb 14 - Houthi fighters captured the town of Harib in Marib province on "
                "Sunday, Houthi military spokesman Yahya Saree said.",
            ),
            (
                "Aden Daily",
                "2021-02-15",
                "ADEN, Feb 15 - Yemen's government denied on Monday that the Houthis had "
                "captured the town of Sirwah.",
            ),
        ),
        set(),
    ),
    # Who did it, across outlets: one outlet reports the deed and its doer, another clears him
    # with a clause that names no happening of its own ("could not have been involved", "did not
    # do it", "denied that he was involved").
    # a shooting charged; the defence says he could not have been involved
    "could-not-have": (
        (
            (
                "Valley Courier",
                "2023-05-02",
                "RIDGEWAY, May 2 - Prosecutors said on Tuesday that Mark Dalton shot a "
                "shopkeeper in Ridgeway last month.",
            ),
            (
                "Ridgeway Star",
                "2023-05-03",
                "RIDGEWAY, May 3 - Mark Dalton is on trial for the shooting of a shopkeeper in "
                "Ridgeway. His lawyer, Helen Cross, told jurors on Wednesday that Dalton could "
                "not have been involved.",
            ),
        ),
        {("shot a shopkeeper", "could not have been involved")},
    ),
    # a raid reported by residents; the army denies it, and denies the burning by a pronoun
    "did-not-do-it": (
        (
            (
                "Sahel Wire",
                "2022-09-10",
                "GAO, Sept 10 - Soldiers raided the town of Douentza on Friday and burned "
                "dozens of huts, residents said.",
            ),
            (
                "Bamako Herald",
                "2022-09-11",
                "GAO, Sept 11 - The army said on Saturday that its soldiers had not raided "
                "Douentza. Villagers told reporters that the soldiers had burned their huts, but a "
                "military spokesman said they had not done it.",
            ),
        ),
        # the burning is told as part of the raid, one happening: both denials meet its report
        {("raided the town of Douentza", "had not raided"), ("raided the town", "had not done it")},
    ),
    # rival tolls, one of them a tally the police put at a figure
    "toll-put": (
        (
            (
                "Lake Chad Wire",
                "2024-06-03",
                "MAIDUGURI, June 3 - Gunmen attacked a market in Maiduguri on Monday and at "
                "least 12 people were killed, witnesses said.",
            ),
            (
                "Abuja Daily",
                "2024-06-04",
                "ABUJA, June 4 - Gunmen attacked a market in Maiduguri on Monday. Police put the "
                "death toll at 4.",
            ),
        ),
        {("at least 12 people were killed", "the death toll at 4")},
    ),
    # no dispute: the lawyer clears his client of nothing the other outlet reports
    "other-man": (
        (
            (
                "Valley Courier",
                "2023-05-02",
                "RIDGEWAY, May 2 - Prosecutors said on Tuesday that Mark Dalton shot a "
                "shopkeeper in Ridgeway last month.",
            ),
            (
                "Lakeside News",
                "2023-05-03",
                "LAKESIDE, May 3 - A lawyer for Peter Ames said on Wednesday that Ames was not "
                "involved in the theft of a boat from the Lakeside marina.",
            ),
        ),
        set(),
    ),
}


@pytest.fixture(scope="module")
def extracted(nlp) -> dict[str, list[Extraction]]:  # type: ignore[no-untyped-def]
    extractor = Extractor(nlp=nlp)
    return {
        name: extract_reports(extractor, articles, name) for name, (articles, _) in STORIES.items()
    }


@pytest.mark.parametrize("story", sorted(STORIES))
@pytest.mark.parametrize("backend_name", BACKENDS)
def test_outlets_disputing_one_happening_are_paired(
    story: str,
    backend_name: str,
    extracted: dict[str, list[Extraction]],
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    def server() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("pg_server")
        return found

    extractions = extracted[story]
    with make_backend(backend_name, tmp_path, server) as backend, Store(backend.url) as store:
        store.migrate()
        for extraction in extractions:  # one at a time, as articles arrive
            store.add(extraction)
        store.link_cross_contradictions([x.document.id for x in extractions])
        found = store.cross_contradictions()
    # Rival figures are two assertions, stored in the order of their documents' ids.
    pairs = {(row.assert_text, row.deny_text, "gives another" in row.reason) for row in found}
    wanted = STORIES[story][1]

    def one(said: str, denied: str, a: str, b: str, rival: bool) -> bool:
        return (said in a and denied in b) or (rival and said in b and denied in a)

    for said, denied in wanted:
        assert any(one(said, denied, *pair) for pair in pairs), (story, pairs)
    # every pair found is one of those wanted
    assert all(any(one(s, d, *pair) for s, d in wanted) for pair in pairs), (story, pairs)
