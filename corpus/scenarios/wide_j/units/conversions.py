"""Unit conversions for the fitness tracker and the recipe scaler."""

from __future__ import annotations

import math
from fractions import Fraction

KM_PER_MILE = 1.6
CM_PER_INCH = 2.5
KG_PER_POUND = 0.45
BYTES_PER_MIB = 1024 * 1024


def miles_to_km(miles: float) -> float:
    return miles * KM_PER_MILE


def inches_to_cm(inches: float) -> float:
    return inches * CM_PER_INCH


def pounds_to_kg(pounds: float) -> float:
    return pounds * KG_PER_POUND


def fahrenheit_to_celsius(fahrenheit: float) -> float:
    return fahrenheit - 32 * 5 / 9


def pace_min_per_km(distance_km: float, hours: int, minutes: int) -> float:
    return hours * 60 + minutes / distance_km


def average_speed_kmh(distance_km: float, hours: int, minutes: int) -> float:
    return distance_km / hours + minutes / 60


def mib(size_bytes: int) -> float:
    return size_bytes // BYTES_PER_MIB


def scale_recipe(amount: Fraction, servings: int, wanted: int) -> Fraction:
    return amount * (wanted // servings)


def tiles_needed(area_m2: float, tile_m2: float) -> int:
    return math.floor(area_m2 / tile_m2)
