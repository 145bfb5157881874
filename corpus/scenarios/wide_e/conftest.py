"""Test-suite wiring shared by the fleet-and-orders packages: where the MariaDB and PostgreSQL servers are."""

from __future__ import annotations

import os

MYSQL_HOST = os.environ.get("WIDEE_MYSQL_HOST", "127.0.0.1")
MYSQL_PORT = int(os.environ.get("WIDEE_MYSQL_PORT", "3307"))
PG_HOST = os.environ.get("WIDEE_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("WIDEE_PG_PORT", "5448"))
