"""Closed-form ETA model used by the route planner (sympy)."""

from __future__ import annotations

import sympy as sp

d, v, s, k = sp.symbols("d v s k", positive=True)

# travel time plus k stops of s minutes each
ETA = d / v + k * s


def eta_minutes(distance_km: float, speed_kmh: float, stops: int, stop_min: float) -> float:
    return float(ETA.subs({d: distance_km, v: speed_kmh / 60, k: stops, s: stop_min}))


def speed_for_deadline() -> sp.Expr:
    t = sp.symbols("t", positive=True)
    return sp.solve(sp.Eq(ETA, t), v)[0]
