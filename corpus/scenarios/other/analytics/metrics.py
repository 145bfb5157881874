"""Sales analytics helpers used by the weekly dashboard."""

from __future__ import annotations

import numpy as np
import pandas as pd


def weighted_scores(scores: np.ndarray, weights: np.ndarray) -> np.ndarray:
    return scores * weights


def project(features: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    return features @ matrix


def to_weekly(daily: np.ndarray) -> np.ndarray:
    return daily.reshape(-1, 7).sum(axis=1)


def stack_regions(*regions: np.ndarray) -> np.ndarray:
    return np.vstack(regions)


def revenue_by_region(df: pd.DataFrame) -> pd.Series:
    return df.groupby("region")["revenue"].sum()


def add_margin(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["margin"] = out["revenue"] - out["cost"]
    return out


def attach_targets(sales: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    return sales.merge(targets, on="region_code")


def top_products(df: pd.DataFrame, n: int = 3) -> list[str]:
    return df.sort_values("units", ascending=False)["product"].head(n).tolist()
