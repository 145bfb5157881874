C = "3"
m(C, "sqlalchemy", "sqlalchemy/pool/impl.py", '"QueuePool limit of size %d overflow %d reached, "', "sqlalchemy.exc.TimeoutError",
  "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/21/3o7r)", "queuepool-limit", "pool-exhausted")
m(C, "sqlalchemy", "sqlalchemy/engine/base.py", '"Can\'t reconnect until invalid %stransaction is rolled "', "sqlalchemy.exc.PendingRollbackError",
  "Can't reconnect until invalid transaction is rolled back.  Please rollback() fully before proceeding (Background on this error at: https://sqlalche.me/e/21/8s2b)", "cant-reconnect-invalid-transaction", "connection-invalidated")
m(C, "sqlalchemy", "sqlalchemy/orm/session.py", '"due to a previous exception during flush."', "sqlalchemy.exc.PendingRollbackError",
  "This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: (psycopg2.errors.DeadlockDetected) deadlock detected",
  "session-rolled-back-previous-flush", "session-state-leak", check=False)
m(C, "sqlalchemy", "sqlalchemy/pool/base.py", 'raise exc.InvalidRequestError("This connection is closed")', "sqlalchemy.exc.InvalidRequestError",
  "This connection is closed", "connection-closed", "connection-lifecycle")
m(C, "sqlalchemy", "sqlalchemy/pool/base.py", '"The garbage collector is trying to clean up "', "sqlalchemy.exc.SAWarning",
  "The garbage collector is trying to clean up non-checked-in connection <connection object at 0x7f3a2c1b5e40; dsn: 'user=app dbname=test host=localhost', closed: 0>, which will be terminated.  Please ensure that SQLAlchemy pooled connections are returned to the pool explicitly, either by calling ``close()`` or by using appropriate context managers to manage their lifecycle.",
  "gc-non-checked-in-connection", "connection-leak")
m(C, "sqlalchemy", "sqlalchemy/engine/base.py", 'raise exc.InvalidRequestError("This transaction is inactive")', "sqlalchemy.exc.InvalidRequestError",
  "This transaction is inactive", "transaction-inactive", "session-state-leak")
m(C, "sqlalchemy", "sqlalchemy/engine/result.py", 'raise exc.ResourceClosedError("This result object is closed.")', "sqlalchemy.exc.ResourceClosedError",
  "This result object is closed.", "result-closed", "connection-lifecycle")
PG = "psycopg/_connection_base.py"
m(C, "psycopg", PG, 'raise e.OperationalError("the connection is closed")', "psycopg.OperationalError",
  "the connection is closed", "connection-closed", "connection-lifecycle")
m(C, "psycopg", PG, '"cannot execute operations: the connection is"', "psycopg.InterfaceError",
  "cannot execute operations: the connection is in status 1", "connection-bad-status", "connection-lifecycle")
m(C, "psycopg", "psycopg/connection.py", 'tex = e.ConnectionTimeout("connection timeout expired")', "psycopg.errors.ConnectionTimeout",
  "connection timeout expired", "connection-timeout", "connect-timeout")
m(C, "psycopg", "psycopg/_cursor_base.py", 'raise e.InterfaceError("the cursor is closed")', "psycopg.InterfaceError",
  "the cursor is closed", "cursor-closed", "connection-lifecycle")
m(C, "psycopg", "psycopg/_pipeline_base.py", 'raise e.PipelineAborted("pipeline aborted")', "psycopg.errors.PipelineAborted",
  "pipeline aborted", "pipeline-aborted", "transaction-aborted")
PP = "psycopg_pool/pool.py"
m(C, "psycopg_pool", PP, 'f"couldn\'t get a connection after {timeout:.2f} sec"', "psycopg_pool.PoolTimeout",
  "couldn't get a connection after 30.00 sec", "pool-timeout", "pool-exhausted")
m(C, "psycopg_pool", PP, 'f"the pool {self.name!r} has already {len(self._waiting)} requests waiting"', "psycopg_pool.TooManyRequests",
  "the pool 'pool-1' has already 10 requests waiting", "too-many-requests-waiting", "pool-exhausted")
m(C, "psycopg_pool", PP, 'raise PoolTimeout(f"pool initialization incomplete after {timeout} sec")', "psycopg_pool.PoolTimeout",
  "pool initialization incomplete after 30.0 sec", "pool-init-timeout", "connect-timeout")
m(C, "psycopg_pool", "psycopg_pool/base.py", 'raise PoolClosed(f"the pool {self.name!r} is already closed")', "psycopg_pool.PoolClosed",
  "the pool 'pool-1' is already closed", "pool-closed", "fixture-scope-engine")
P2 = "psycopg2/pool.py"
m(C, "psycopg2", P2, 'raise PoolError("connection pool exhausted")', "psycopg2.pool.PoolError",
  "connection pool exhausted", "pool-exhausted", "pool-exhausted")
m(C, "psycopg2", P2, 'raise PoolError("connection pool is closed")', "psycopg2.pool.PoolError",
  "connection pool is closed", "pool-closed", "fixture-scope-engine")
SO = "psycopg2/_psycopg.cpython-312-x86_64-linux-gnu.so"
m(C, "psycopg2", SO, "connection already closed", "psycopg2.InterfaceError", "connection already closed", "connection-already-closed", "connection-lifecycle")
m(C, "psycopg2", SO, "cursor already closed", "psycopg2.InterfaceError", "cursor already closed", "cursor-already-closed", "connection-lifecycle")
m(C, "psycopg2", SO, "execute cannot be used while an asynchronous query is underway", "psycopg2.ProgrammingError",
  "execute cannot be used while an asynchronous query is underway", "async-query-underway", "concurrent-connection-use")
LPQ = "psycopg2_binary.libs/libpq-a17e3caa.so.5.17"
m(C, "psycopg2", LPQ, "server closed the connection unexpectedly", "psycopg2.OperationalError",
  "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n", "server-closed-unexpectedly", "connection-dropped")
m(C, "psycopg2", LPQ, 'connection to server at "%s" (%s), port %s failed: ', "psycopg2.OperationalError",
  'connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n', "connection-refused", "db-unreachable")
m(C, "psycopg2", LPQ, "no connection to the server", "psycopg2.OperationalError", "no connection to the server\n", "no-connection", "connection-dropped")
m(C, "psycopg2", LPQ, "SSL SYSCALL error: EOF detected", "psycopg2.OperationalError", "SSL SYSCALL error: EOF detected\n", "ssl-syscall-eof", "connection-dropped")
m(C, "psycopg2", LPQ, "timeout expired", "psycopg2.OperationalError", "timeout expired\n", "connect-timeout-expired", "connect-timeout")
PM = "pymysql/connections.py"
m(C, "pymysql", PM, '"Lost connection to MySQL server during query",', "pymysql.err.OperationalError",
  "(2013, 'Lost connection to MySQL server during query')", "lost-connection", "connection-dropped")
m(C, "pymysql", PM, 'f"Lost connection to MySQL server during query ({e})",', "pymysql.err.OperationalError",
  "(2013, 'Lost connection to MySQL server during query (timed out)')", "lost-connection-timeout", "connection-dropped")
RC = "redis/connection.py"
m(C, "redis", RC, 'raise MaxConnectionsError("Too many connections")', "redis.exceptions.MaxConnectionsError",
  "Too many connections", "too-many-connections", "pool-exhausted")
m(C, "redis", RC, 'raise ConnectionError("No connection available.")', "redis.exceptions.ConnectionError",
  "No connection available.", "no-connection-available", "pool-exhausted")
m(C, "redis", RC, 'raise TimeoutError(f"Timeout reading from {host_error}")', "redis.exceptions.TimeoutError",
  "Timeout reading from localhost:6379", "timeout-reading", "connect-timeout")
m(C, "redis", "redis/_parsers/socket.py", 'SERVER_CLOSED_CONNECTION_ERROR = "Connection closed by server."', "redis.exceptions.ConnectionError",
  "Connection closed by server.", "closed-by-server", "connection-dropped")
m(C, "sqlite3", "/lib/x86_64-linux-gnu/libsqlite3.so.0", "database is locked", "sqlite3.OperationalError", "database is locked", "database-locked", "lock-contention")
m(C, "sqlite3", "/lib/x86_64-linux-gnu/libsqlite3.so.0", "database table is locked: %s", "sqlite3.OperationalError", "database table is locked: users", "table-locked", "lock-contention")
SQ = "lib-dynload/_sqlite3.cpython-311-x86_64-linux-gnu.so"
m(C, "sqlite3", SQ, "Cannot operate on a closed database.", "sqlite3.ProgrammingError", "Cannot operate on a closed database.", "closed-database", "connection-lifecycle")
m(C, "sqlite3", SQ, "SQLite objects created in a thread can only be used in that same thread.", "sqlite3.ProgrammingError",
  "SQLite objects created in a thread can only be used in that same thread. The object was created in thread id 140236587276096 and this is thread id 140236570490624.", "same-thread", "concurrent-connection-use")
m(C, "sqlite3", SQ, "Recursive use of cursors not allowed.", "sqlite3.ProgrammingError", "Recursive use of cursors not allowed.", "recursive-cursor", "concurrent-connection-use")
DJ = "django/db/backends/base/base.py"
m(C, "django", DJ, '"thread can only be used in that same thread. The object "', "django.db.utils.DatabaseError",
  "DatabaseWrapper objects created in a thread can only be used in that same thread. The object with alias 'default' was created in thread id 140236587276096 and this is thread id 140236570490624.", "thread-sharing", "concurrent-connection-use")
m(C, "django", DJ, '"execute queries until the end of the \'atomic\' block."', "django.db.transaction.TransactionManagementError",
  "An error occurred in the current transaction. You can't execute queries until the end of the 'atomic' block.", "atomic-block-broken", "transaction-aborted")
m(C, "aiomysql", "aiomysql/pool.py", 'raise RuntimeError("Cannot acquire connection after closing pool")', "RuntimeError",
  "Cannot acquire connection after closing pool", "acquire-after-close", "fixture-scope-engine")
m(C, "aiomysql", "aiomysql/connection.py", 'raise OperationalError(2014, "Command Out of Sync")', "pymysql.err.OperationalError",
  "(2014, 'Command Out of Sync')", "command-out-of-sync", "concurrent-connection-use")
m(C, "pg8000", "pg8000/core.py", 'raise InterfaceError("network error") from e', "pg8000.exceptions.InterfaceError",
  "network error", "network-error", "connection-dropped")
m(C, "aiosqlite", "aiosqlite/core.py", 'raise ValueError("Connection closed")', "ValueError", "Connection closed", "connection-closed", "connection-lifecycle")
m(C, "aiosqlite", "aiosqlite/core.py", 'raise ValueError("no active connection")', "ValueError", "no active connection", "no-active-connection", "connection-lifecycle")
m(C, "sqlalchemy", "sqlalchemy/orm/session.py", '"This session is in \'inactive\' state, due to the "', "sqlalchemy.exc.InvalidRequestError",
  "This session is in 'inactive' state, due to the SQL transaction being rolled back; no further SQL can be emitted within this transaction.", "session-inactive", "transaction-aborted")
m(C, "psycopg_pool", "psycopg_pool/base.py", 'raise PoolClosed("pool has already been opened/closed and cannot be reused")', "psycopg_pool.PoolClosed",
  "pool has already been opened/closed and cannot be reused", "pool-reused", "fixture-scope-engine")
m(C, "psycopg_pool", "psycopg_pool/base.py", 'raise PoolClosed(f"the pool {self.name!r} is not open yet")', "psycopg_pool.PoolClosed",
  "the pool 'pool-1' is not open yet", "pool-not-open", "fixture-scope-engine")
