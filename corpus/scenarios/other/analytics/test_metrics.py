from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from .metrics import add_margin, attach_targets, project, revenue_by_region, stack_regions, to_weekly, top_products, weighted_scores

SALES_CSV = """region,Revenue,cost,product,units
north,1200,800,mug,30
south,900,500,cup,12
north,400,300,pot,7
"""


@pytest.fixture
def sales() -> pd.DataFrame:
    return pd.read_csv(io.StringIO(SALES_CSV))


@pytest.fixture
def sales_with_margin(sales) -> pd.DataFrame:
    return add_margin(sales)


# --- array shape mismatches ----------------------------------------------------------------

@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="array-shape-mismatch")
def test_weighted_review_scores():
    scores = np.array([[4.0, 5.0, 3.0], [2.0, 4.0, 5.0]])
    weights = np.array([0.5, 0.5])
    assert weighted_scores(scores, weights).shape == (2, 3)


@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="array-shape-mismatch")
def test_project_embeddings_to_two_dimensions():
    features = np.ones((10, 16))
    matrix = np.ones((8, 2))
    assert project(features, matrix).shape == (10, 2)


@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="array-shape-mismatch")
def test_daily_to_weekly_for_february():
    daily = np.arange(29, dtype=float)
    assert to_weekly(daily).shape == (5,)


@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="array-shape-mismatch")
def test_stack_regions_with_missing_day():
    north = np.ones(7)
    south = np.ones(6)
    assert stack_regions(north, south).shape == (2, 7)


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="array-shape-mismatch")
def test_assign_forecast_column(sales):
    sales["forecast"] = [1300, 950]
    assert sales["forecast"].sum() == 2250


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="array-shape-mismatch")
def test_column_means_of_sales_matrix():
    matrix = np.array([[1.0, 2.0, 3.0], [3.0, 4.0, 5.0]])
    means = matrix.mean(axis=1)
    assert means.shape == (3,)


# --- dataframe columns ---------------------------------------------------------------------

@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="dataframe-missing-column")
def test_revenue_by_region(sales):
    assert revenue_by_region(sales)["north"] == 1600


@pytest.mark.failure(category="other", library="pandas", shape="setup", cause="dataframe-missing-column")
def test_margin_is_positive(sales_with_margin):
    assert (sales_with_margin["margin"] > 0).all()


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="dataframe-missing-column")
def test_attach_targets(sales):
    targets = pd.DataFrame({"region": ["north", "south"], "target": [1500, 1000]})
    assert "target" in attach_targets(sales, targets).columns


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="dataframe-missing-column")
def test_top_products_by_units_sold():
    df = pd.DataFrame({"product": ["mug", "cup"], "units_sold": [30, 12]})
    assert top_products(df, 1) == ["mug"]


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="dataframe-missing-column")
def test_header_with_stray_whitespace():
    df = pd.read_csv(io.StringIO("sku, price\nA-1, 3.5\n"))
    assert df["price"].iloc[0] == 3.5
