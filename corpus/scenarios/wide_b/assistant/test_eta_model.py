import pytest
import sympy as sp

from .eta_model import ETA, d, eta_minutes, k, s, speed_for_deadline, v


def test_eta_without_stops():
    assert eta_minutes(30, 60, 0, 5) == pytest.approx(30)


def test_eta_with_stops():
    assert eta_minutes(30, 60, 4, 5) == pytest.approx(50)


@pytest.mark.failure(category="other", library="sympy", dist="sympy", shape="assert", cause="symbolic-form-assumption")
def test_required_speed_formula():
    t = sp.symbols("t", positive=True)
    assert speed_for_deadline() == d / (t - k * s)


@pytest.mark.failure(category="other", library="sympy", dist="sympy", shape="raised", cause="symbolic-expression-type-error")
def test_eta_for_unknown_distance():
    assert eta_minutes(sp.Symbol("x"), 60, 1, 5) > 0
