from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from .shapes import bounding_box, centroid, haversine_km, normalise_heading, polygon_area, ramp_height, rotate

ROOM = np.array([[0.0, 0.0], [4.0, 0.0], [4.0, 3.0], [0.0, 3.0]])


@pytest.mark.failure(category="other", library="math", dist=None, shape="assert", cause="degrees-vs-radians")
def test_rotating_east_by_ninety_degrees_points_north():
    x, y = rotate((1.0, 0.0), 90)
    assert x == pytest.approx(0.0, abs=1e-9)
    assert y == pytest.approx(1.0)


@pytest.mark.failure(category="other", library="math", dist=None, shape="assert", cause="degrees-vs-radians")
def test_wheelchair_ramp_rise():
    assert ramp_height(6.0, 30) == pytest.approx(3.0)


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="polygon-orientation-sign")
def test_room_area_is_twelve_square_metres():
    assert polygon_area(ROOM) == pytest.approx(12.0)


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="polygon-orientation-sign")
def test_l_shaped_flat_area_is_positive():
    flat = np.array([[0, 0], [6, 0], [6, 2], [2, 2], [2, 5], [0, 5]], dtype=float)
    area = polygon_area(flat)
    assert area > 0, f"area came out as {area}"


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="axis-order-swapped")
def test_centroid_of_rectangular_room():
    assert_allclose(centroid(ROOM), [2.0, 1.5])


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="axis-order-swapped")
def test_bounding_box_of_furniture_outline():
    sofa = np.array([[1, 2], [3, 2], [3, 7], [1, 7]])
    low, high = bounding_box(sofa)
    assert_array_equal(low, [1, 2])
    assert_array_equal(high, [3, 7])


@pytest.mark.failure(category="other", library="math", dist=None, shape="assert", cause="unit-conversion-factor-wrong")
def test_paris_to_london_is_about_344_km():
    assert haversine_km((48.8566, 2.3522), (51.5074, -0.1278)) == pytest.approx(344, rel=0.01)


@pytest.mark.failure(
    category="other", library="arithmetic", dist=None, shape="assert", cause="angle-wraparound-not-normalised"
)
def test_heading_of_minus_ninety_is_west():
    assert normalise_heading(-90) == 270


@pytest.mark.failure(
    category="other", library="arithmetic", dist=None, shape="assert", cause="angle-wraparound-not-normalised"
)
@given(st.integers(min_value=-1080, max_value=1080))
def test_normalised_heading_is_a_compass_bearing(degrees):
    assert 0 <= normalise_heading(degrees) < 360
