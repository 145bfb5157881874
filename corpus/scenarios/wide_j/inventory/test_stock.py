from __future__ import annotations

from collections import Counter

import pytest

from .stock import (
    OutOfStock,
    Warehouse,
    apply_counts,
    boxes_needed,
    merge_sku_lists,
    reorder_point,
    units_by_warehouse,
)


@pytest.fixture
def lyon_warehouse():
    warehouse = Warehouse("LYS-1")
    warehouse.receive("KB-104", 40)
    warehouse.receive("MS-220", 25)
    warehouse.flag_for_restock(merge_sku_lists(["KB-104", "CB-019"], ["CB-019", "MS-220"]))
    assert warehouse.restock == ["KB-104", "CB-019", "MS-220"], "restock list has duplicates"
    return warehouse


@pytest.mark.failure(category="other", library="list", dist=None, shape="setup", cause="duplicate-not-removed")
def test_restock_order_lists_each_sku_once(lyon_warehouse):
    assert len(lyon_warehouse.restock) == 3


@pytest.mark.failure(category="other", library="list", dist=None, shape="assert", cause="duplicate-not-removed")
def test_merged_pick_lists_keep_first_seen_order():
    assert merge_sku_lists(["A-1", "B-2"], ["B-2", "C-3", "A-1"]) == ["A-1", "B-2", "C-3"]


@pytest.mark.failure(
    category="other", library="collections", dist=None, shape="assert", cause="counter-drops-non-positive"
)
def test_backorders_are_kept_as_negative_stock():
    levels = apply_counts(Counter({"KB-104": 5, "MS-220": 3}), Counter({"KB-104": -2, "MS-220": -5}))
    assert dict(levels) == {"KB-104": 3, "MS-220": -2}


@pytest.mark.failure(
    category="other", library="collections", dist=None, shape="assert", cause="counter-drops-non-positive"
)
def test_sold_out_item_stays_listed_with_zero():
    levels = apply_counts(Counter({"CB-019": 4}), Counter({"CB-019": -4}))
    assert "CB-019" in levels


@pytest.mark.failure(category="other", library="pytest", shape="assert", cause="negative-stock-allowed")
def test_picking_more_than_on_hand_is_refused():
    warehouse = Warehouse("LYS-2")
    warehouse.receive("KB-104", 2)
    with pytest.raises(OutOfStock):
        warehouse.pick("KB-104", 5)


@pytest.mark.failure(category="other", library="pytest", shape="assert", cause="negative-stock-allowed")
def test_reserved_units_cannot_be_picked():
    warehouse = Warehouse("LYS-3")
    warehouse.receive("MS-220", 10)
    warehouse.items["MS-220"].reserved = 8
    with pytest.raises(OutOfStock, match="only 2 of MS-220 available"):
        warehouse.pick("MS-220", 3)


@pytest.mark.failure(category="other", library="math", dist=None, shape="assert", cause="floor-instead-of-ceil")
def test_twenty_five_mugs_need_three_boxes_of_twelve():
    assert boxes_needed(25, 12) == 3


@pytest.mark.failure(
    category="other", library="itertools", dist=None, shape="assert", cause="groupby-requires-sorted-input"
)
def test_units_summed_per_warehouse():
    rows = [("LYS", "KB-104", 10), ("BOD", "KB-104", 4), ("LYS", "MS-220", 6), ("BOD", "CB-019", 1)]
    assert units_by_warehouse(rows) == {"LYS": 16, "BOD": 5}


@pytest.mark.failure(category="other", library="statistics", dist=None, shape="raised", cause="empty-input-not-handled")
def test_new_product_without_sales_has_zero_reorder_point():
    assert reorder_point([], lead_days=7) == 0
