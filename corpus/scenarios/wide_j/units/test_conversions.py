from __future__ import annotations

import unittest
from fractions import Fraction

import pytest

from .conversions import (
    fahrenheit_to_celsius,
    inches_to_cm,
    mib,
    miles_to_km,
    pace_min_per_km,
    scale_recipe,
    tiles_needed,
)


@pytest.mark.failure(
    category="other", library="arithmetic", dist=None, shape="assert", cause="unit-conversion-factor-wrong"
)
def test_marathon_distance_in_km():
    assert miles_to_km(26.2188) == pytest.approx(42.195, abs=0.01)


@pytest.mark.parametrize(
    ("inches", "cm"),
    [
        (0, 0.0),
        pytest.param(
            12,
            30.48,
            marks=pytest.mark.failure(
                category="other", library="arithmetic", dist=None, shape="assert", cause="unit-conversion-factor-wrong"
            ),
        ),
    ],
)
def test_height_in_centimetres(inches, cm):
    assert inches_to_cm(inches) == pytest.approx(cm)


class TemperatureTests(unittest.TestCase):
    @pytest.mark.failure(
        category="other", library="arithmetic", dist=None, shape="assert", cause="wrong-operator-precedence"
    )
    def test_boiling_point_in_celsius(self):
        self.assertAlmostEqual(fahrenheit_to_celsius(212), 100.0, places=2)


@pytest.mark.failure(
    category="other", library="arithmetic", dist=None, shape="assert", cause="wrong-operator-precedence"
)
def test_ten_k_in_an_hour_and_five_is_six_and_a_half_minute_pace():
    assert pace_min_per_km(10, 1, 5) == 6.5


@pytest.mark.failure(
    category="other", library="arithmetic", dist=None, shape="assert", cause="integer-division-truncates"
)
def test_attachment_size_shown_with_fraction_of_mib():
    assert mib(1_572_864) == 1.5


@pytest.mark.failure(
    category="other", library="fractions", dist=None, shape="assert", cause="integer-division-truncates"
)
def test_recipe_for_four_scaled_to_six():
    flour = scale_recipe(Fraction(2, 3), servings=4, wanted=6)
    assert flour == Fraction(1), f"expected 1 cup of flour, got {flour} cups"


@pytest.mark.failure(category="other", library="math", dist=None, shape="assert", cause="floor-instead-of-ceil")
def test_bathroom_needs_whole_extra_tile_for_remainder():
    assert tiles_needed(4.5, 0.36) == 13
