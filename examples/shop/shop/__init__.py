"""A tiny shop / portfolio backend: catalog, orders, inventory, live price feed,
FX conversion, supplier sync, recommendations, promotions and receipts."""

__version__ = "0.3.1"
