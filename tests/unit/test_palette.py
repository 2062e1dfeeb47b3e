from __future__ import annotations

import pytest
from pydantic import ValidationError

from sitroom.palette import Palette, palette


def test_packaged_palette_names_the_four_quad_classes() -> None:
    p = palette()
    assert list(p.quad_classes) == [
        "verbal_cooperation",
        "material_cooperation",
        "verbal_conflict",
        "material_conflict",
    ]
    assert p.colour("material_conflict") == p.quad_classes["material_conflict"].colour
    assert p.colour(None) == p.other.colour
    assert p.colour("no_such_class") == p.other.colour


def test_css_declares_one_custom_property_per_class() -> None:
    css = palette().css()
    assert "--q-verbal-cooperation: " + palette().colour("verbal_cooperation") in css
    assert "--q-other:" in css


def test_bad_colour_is_refused() -> None:
    with pytest.raises(ValidationError):
        Palette.model_validate(
            {
                "quad_classes": {"x": {"label": "X", "colour": "blue"}},
                "other": {"label": "O", "colour": "#777777"},
            }
        )
