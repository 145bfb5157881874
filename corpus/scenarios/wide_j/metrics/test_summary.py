from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from .summary import latency_stdev, millivolts, p90, spread, weighted_mean


@pytest.mark.failure(
    category="other", library="statistics", dist=None, shape="assert", cause="population-vs-sample-variance"
)
def test_latency_stdev_of_four_samples():
    assert latency_stdev([120.0, 130.0, 150.0, 160.0]) == pytest.approx(18.257, abs=1e-3)


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="population-vs-sample-variance")
def test_spread_per_metric():
    runs = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0]])
    assert_allclose(spread(runs), [1.0, 10.0])


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="percentile-method-wrong")
def test_p90_interpolates_between_ranks():
    assert p90([100, 110, 120, 130, 140, 150, 160, 170, 180, 300]) == pytest.approx(192.0)


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="percentile-method-wrong")
def test_p90_of_five_samples():
    assert p90([10, 20, 30, 40, 50]) == 46.0


@pytest.mark.failure(
    category="other", library="arithmetic", dist=None, shape="assert", cause="weighted-average-wrong-denominator"
)
def test_course_grade_weighted_by_credits():
    assert weighted_mean([12.0, 16.0], [1.0, 3.0]) == 15.0


@pytest.mark.failure(
    category="other", library="arithmetic", dist=None, shape="assert", cause="weighted-average-wrong-denominator"
)
@given(
    st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=6),
    st.integers(min_value=1, max_value=5),
)
def test_equal_weights_give_plain_mean(values, weight):
    assert weighted_mean(values, [weight] * len(values)) == pytest.approx(sum(values) / len(values))


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="integer-dtype-overflow")
def test_sensor_volts_to_millivolts():
    raw = np.array([1, 12, 48], dtype=np.int16)
    assert_array_equal(millivolts(raw), [1_000, 12_000, 48_000])


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="integer-dtype-overflow")
def test_millivolts_are_never_negative_for_positive_readings():
    readings = millivolts(np.array([5, 33, 40], dtype=np.int16))
    assert (readings >= 0).all(), readings.tolist()
