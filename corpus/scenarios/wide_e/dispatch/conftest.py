import gc

import pymysql
import pytest

from . import fleet


@pytest.fixture(autouse=True)
def drop_stray_sessions():
    """Connections a failed pool start left behind are killed so that the next test starts clean."""
    yield
    gc.collect()
    admin = pymysql.connect(host=fleet.MYSQL_HOST, port=fleet.MYSQL_PORT, user="root", autocommit=True)
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT id FROM information_schema.processlist WHERE user = 'shop' AND id <> CONNECTION_ID()"
                        )
            for (thread_id,) in cur.fetchall():
                try:
                    cur.execute("KILL %s", (thread_id,))
                except pymysql.err.Error:
                    pass
    finally:
        admin.close()
