"""Connected groups of linked items (``sitroom.lang.linked``), shared by the events stage's
tellings of one happening and the corpus merge."""

from __future__ import annotations

import itertools

from sitroom.lang.linked import linked_groups


def test_groups_follow_links_transitively_and_keep_the_order_of_the_keys() -> None:
    keys = ["a", "b", "c", "d", "e"]
    links = [("d", "b"), ("b", "a"), ("x", "e")]  # "x" is no key: its link is ignored
    assert linked_groups(keys, links) == [["a", "b", "d"], ["c"], ["e"]]


def test_the_groups_do_not_depend_on_the_order_of_the_links() -> None:
    keys = list(range(6))
    links = [(0, 3), (3, 5), (1, 2)]
    expected = [[0, 3, 5], [1, 2], [4]]
    for order in itertools.permutations(links):
        flipped = [(b, a) for a, b in order]
        assert linked_groups(keys, order) == expected
        assert linked_groups(keys, flipped) == expected
