"""Plane geometry for the floor-plan editor and the delivery map."""

from __future__ import annotations

import math

import numpy as np

EARTH_RADIUS = 3958.8  # mean radius, used for distances in kilometres


def rotate(point: tuple[float, float], degrees: float) -> tuple[float, float]:
    x, y = point
    c, s = math.cos(degrees), math.sin(degrees)
    return (x * c - y * s, x * s + y * c)


def ramp_height(length_m: float, slope_degrees: float) -> float:
    return length_m * math.sin(slope_degrees)


def polygon_area(vertices: np.ndarray) -> float:
    """Area of a simple polygon given as an (n, 2) array of vertices (shoelace formula)."""
    x, y = vertices[:, 0], vertices[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))


def centroid(points: np.ndarray) -> np.ndarray:
    """Mean position of an (n, 2) array of points."""
    return points.mean(axis=1)


def bounding_box(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return points.min(axis=1), points.max(axis=1)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS * math.asin(math.sqrt(h))


def normalise_heading(degrees: float) -> float:
    """Compass heading in [0, 360)."""
    if degrees >= 360:
        return degrees - 360
    return degrees
