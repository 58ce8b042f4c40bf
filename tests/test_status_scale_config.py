"""Mistakes in a school's status-scale setting are refused with a fix that works."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sipcli.load.config import StatusScaleSettings


@pytest.mark.parametrize(
    ("levels", "says"),
    [
        (
            [
                {"name": "Red"},
                {"name": "Yellow", "at-least": 70},
                {"name": "Green", "at-least": 90},
            ],
            "list them from the best ('Green'?) to the worst",
        ),
        (
            [{"name": "Red", "at-least": 0}, {"name": "Yellow", "at-least": 70}, {"name": "Green"}],
            "reverse the list",
        ),
        (
            [
                {"name": "Green", "at-least": 0.9},
                {"name": "Yellow", "at-least": 0.7},
                {"name": "Red"},
            ],
            "write 90 for 90%, not 0.9",
        ),
        (
            [{"name": "Green", "at-least": 90}, {"name": "Green", "at-least": 70}, {"name": "Red"}],
            "is named twice",
        ),
    ],
)
def test_a_scale_in_the_wrong_shape_says_how_to_fix_it(
    levels: list[dict[str, object]], says: str
) -> None:
    with pytest.raises(ValidationError) as error:
        StatusScaleSettings.model_validate({"levels": levels})
    assert says in str(error.value)


def test_a_scale_best_first_is_accepted() -> None:
    scale = StatusScaleSettings.model_validate(
        {
            "levels": [
                {"name": "Green", "at-least": 90},
                {"name": "Yellow", "at-least": 70},
                {"name": "Red"},
            ]
        }
    )
    assert [level.name for level in scale.levels] == ["Green", "Yellow", "Red"]
