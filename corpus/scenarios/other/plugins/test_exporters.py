from __future__ import annotations

import warnings

import attrs
import numpy as np
import pandas as pd
import pytest

from .exporters import (
    Dimensions,
    Shipment,
    Warehouse,
    chargeable_weight,
    export_parquet,
    export_to_s3,
    load_exporter,
    plot_stock_levels,
    read_legacy_excel,
    warehouse_from_row,
)

STOCK = pd.DataFrame({"sku": ["A-1", "A-2"], "qty": [4, 0]})


@pytest.fixture
def geo_index():
    import shapely  # noqa: F401  (installed with the 'geo' extra)

    return {}


@pytest.fixture
def lyon() -> Warehouse:
    return Warehouse("LYS", "Lyon", 1200)


@pytest.fixture
def heavy_shipment(lyon) -> Shipment:
    return Shipment("SHP-1", lyon, carrier="ups")


# --- optional dependencies -----------------------------------------------------------------

@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="optional-dependency-missing")
def test_export_stock_to_parquet(tmp_path):
    export_parquet(STOCK, tmp_path / "stock.parquet")
    assert (tmp_path / "stock.parquet").exists()


@pytest.mark.failure(category="other", library="importlib", dist=None, shape="raised", cause="optional-dependency-missing")
def test_load_shopify_exporter_plugin():
    plugin = load_exporter("shopify")
    assert hasattr(plugin, "export")


@pytest.mark.failure(category="other", library="importlib", dist=None, shape="chained", cause="optional-dependency-missing")
def test_export_stock_to_s3():
    assert export_to_s3(STOCK, "stock-bucket").startswith("s3://")


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="optional-dependency-missing")
def test_read_legacy_xls(tmp_path):
    path = tmp_path / "stock.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert len(read_legacy_excel(path)) > 0


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="optional-dependency-missing")
def test_stock_chart():
    ax = plot_stock_levels(STOCK)
    assert ax.get_title() == ""


@pytest.mark.failure(category="other", library="importlib", dist=None, shape="setup", cause="optional-dependency-missing")
def test_nearest_warehouse(geo_index):
    assert geo_index == {}


# --- constructor / signature mismatches ----------------------------------------------------

@pytest.mark.failure(category="other", library="dataclasses", dist=None, shape="raised", cause="constructor-signature-mismatch")
def test_warehouse_from_csv_row():
    row = {"code": "BOD", "city": "Bordeaux"}
    assert warehouse_from_row(row).capacity == 0


@pytest.mark.failure(category="other", library="dataclasses", dist=None, shape="raised", cause="constructor-signature-mismatch")
def test_warehouse_from_api_row_with_extra_field():
    row = {"code": "BOD", "city": "Bordeaux", "capacity": 900, "country": "FR"}
    assert warehouse_from_row(row).city == "Bordeaux"


@pytest.mark.failure(category="other", library="attrs", shape="raised", cause="constructor-signature-mismatch")
def test_shipment_defaults_to_dhl(lyon):
    shipment = Shipment("SHP-2", origin=lyon)
    assert shipment.carrier == "dhl"


@pytest.mark.failure(category="other", library="attrs", shape="setup", cause="constructor-signature-mismatch")
def test_heavy_shipment_carrier(heavy_shipment):
    assert heavy_shipment.carrier == "ups"


@pytest.mark.failure(category="other", library="typing", dist=None, shape="raised", cause="constructor-signature-mismatch")
def test_parcel_dimensions_from_two_values():
    d = Dimensions(30.0, 20.0)
    assert d.height_cm == 0


@pytest.mark.failure(category="other", library="attrs", shape="raised", cause="constructor-signature-mismatch")
def test_shipment_evolve_with_new_field(lyon):
    shipment = Shipment("SHP-3", lyon, 2.5)
    express = attrs.evolve(shipment, priority="express")
    assert express.reference == "SHP-3"


# --- deprecation warnings turned into errors -----------------------------------------------

@pytest.mark.filterwarnings("error::DeprecationWarning")
@pytest.mark.failure(category="other", library="warnings", dist=None, shape="raised", cause="warning-as-error")
def test_chargeable_weight_for_bulky_parcel():
    assert chargeable_weight(1.0, Dimensions(60, 40, 40)) == pytest.approx(19.2)


@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="removed-deprecated-api")
def test_stock_value_numpy_trapz():
    assert np.trapz([1, 2, 3]) == 4.0


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="removed-deprecated-api")
def test_stock_resample_monthly():
    idx = pd.date_range("2024-01-01", periods=60, freq="D")
    monthly = pd.Series(range(60), index=idx).resample("M").sum()
    assert len(monthly) == 2


@pytest.mark.failure(category="other", library="warnings", dist=None, shape="assert", cause="warning-as-error")
def test_no_deprecation_warnings_emitted():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chargeable_weight(2.0, Dimensions(10, 10, 10))
    assert [str(w.message) for w in caught] == []


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="removed-deprecated-api")
def test_append_new_stock_rows():
    new = pd.DataFrame({"sku": ["A-3"], "qty": [9]})
    combined = STOCK.append(new, ignore_index=True)
    assert len(combined) == 3


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="removed-deprecated-api")
def test_forward_fill_missing_counts():
    counts = pd.Series([4, None, None, 7])
    assert counts.fillna(method="ffill").tolist() == [4, 4, 4, 7]


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="removed-deprecated-api")
def test_stock_count_query():
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    assert engine.execute("SELECT 1").scalar() == 1


@pytest.mark.filterwarnings("error")
@pytest.mark.failure(category="other", library="cryptography", shape="raised", cause="warning-as-error")
def test_legacy_barcode_scanner_cipher():
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    cipher = Cipher(algorithms.TripleDES(b"0123456789abcdef01234567"), modes.ECB())
    assert cipher.encryptor().update(b"A-1\x00\x00\x00\x00\x00") != b""


@pytest.mark.filterwarnings("error::DeprecationWarning")
@pytest.mark.failure(category="other", library="pydantic", shape="raised", cause="warning-as-error")
def test_warehouse_api_model_dump():
    from pydantic import BaseModel

    class WarehouseOut(BaseModel):
        code: str
        capacity: int

    assert WarehouseOut(code="LYS", capacity=1200).dict() == {"code": "LYS", "capacity": 1200}


@pytest.mark.filterwarnings("error")
@pytest.mark.failure(category="other", library="pyjwt", dist="PyJWT", shape="raised", cause="warning-as-error")
def test_signed_picking_list_token():
    import jwt

    token = jwt.encode({"picking_list": 17}, "dev-key", algorithm="HS256")
    assert jwt.decode(token, "dev-key", algorithms=["HS256"])["picking_list"] == 17
