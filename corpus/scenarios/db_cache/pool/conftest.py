from __future__ import annotations

import os
import re
import time

import psycopg
import pytest

from db_cache.conftest import ADMIN_DSN, PG_PORT


def _own_pg_client_ports() -> list[int]:
    """Local ports of this process's TCP connections to the PostgreSQL server."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            m = re.match(r"socket:\[(\d+)\]", os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue
        if m:
            inodes.add(m.group(1))
    ports = []
    for line in open("/proc/net/tcp").read().splitlines()[1:]:
        parts = line.split()
        local, remote, inode = parts[1], parts[2], parts[9]
        if int(remote.split(":")[1], 16) == PG_PORT and inode in inodes:
            ports.append(int(local.split(":")[1], 16))
    return ports


@pytest.fixture(autouse=True)
def _wait_for_closed_backends():
    """Closed connections free their server slot only when the backend process exits: wait for that, so that
    the next scenario does not run into slots still held by the previous one."""
    yield
    deadline = time.monotonic() + 3
    with psycopg.connect(ADMIN_DSN, autocommit=True) as conn:
        while time.monotonic() < deadline:
            n = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' "
                "AND pid <> pg_backend_pid() AND NOT (client_port = ANY(%s))",
                (_own_pg_client_ports(),),
            ).fetchone()[0]
            if n == 0:
                break
            time.sleep(0.02)
