# Session 14 (helper b): database drivers (#3) and greenlet / alternative event-loop libraries (#5) read from
# /work/venvs/s14b, with `other` rows from the same libraries. A database server that is not running / refuses every
# connection is `other` (start the service), not #3 (see the project README); cause `db-unreachable`.
S14 = "s14b"
lib("mysql", S14, "mysql-connector-python"); lib("oracledb", S14, "oracledb"); lib("pymongo", S14, "pymongo")
lib("motor", S14, "motor"); lib("neo4j", S14, "neo4j"); lib("cassandra", S14, "cassandra-driver")
lib("clickhouse_driver", S14, "clickhouse-driver"); lib("aiopg", S14, "aiopg"); lib("asyncmy", S14, "asyncmy")
lib("aioodbc", S14, "aioodbc"); lib("gevent", S14, "gevent"); lib("eventlet", S14, "eventlet")
lib("curio", S14, "curio"); lib("playwright", S14, "playwright"); lib("asyncer", S14, "asyncer")
lib("aiorwlock", S14, "aiorwlock")

ORA = "oracledb/errors.py"
MCE = "mysql/connector/locales/eng/client_error.py"
NEO = "neo4j.exceptions"
PWE = "playwright._impl._errors.Error"

# ---------------------------------------------------------------- 3: DB connection / pool / locking
C = "3"
m(C, "mysql", "mysql/connector/pooling.py", 'raise PoolError("Failed getting connection; pool exhausted") from err',
  "mysql.connector.errors.PoolError", "Failed getting connection; pool exhausted", "pool-exhausted", "pool-exhausted")
m(C, "mysql", MCE, 'CR_SERVER_LOST = "Lost connection to MySQL server during query"', "mysql.connector.errors.InterfaceError",
  "2013: Lost connection to MySQL server during query", "lost-connection", "connection-dropped")
m(C, "mysql", "mysql/connector/connection.py", 'raise OperationalError("MySQL Connection not available") from err',
  "mysql.connector.errors.OperationalError", "MySQL Connection not available", "connection-not-available", "connection-lifecycle")
m(C, "oracledb", ORA, '"timed out waiting for the connection pool to return a connection"', "oracledb.exceptions.DatabaseError",
  "DPY-4005: timed out waiting for the connection pool to return a connection", "pool-timeout", "pool-exhausted")
m(C, "oracledb", ORA, 'ERR_CONNECTION_CLOSED: "the database or network closed the connection",', "oracledb.exceptions.DatabaseError",
  "DPY-4011: the database or network closed the connection", "connection-closed", "connection-dropped")
m(C, "oracledb", ORA, 'ERR_NOT_CONNECTED: "not connected to database",', "oracledb.exceptions.InterfaceError",
  "DPY-1001: not connected to database", "not-connected", "connection-lifecycle")
m(C, "pymongo", "pymongo/pool_shared.py", '"Timed out while checking out a connection from connection pool. "', "pymongo.errors.WaitQueueTimeoutError",
  "Timed out while checking out a connection from connection pool. maxPoolSize: 10, timeout: 5.0", "wait-queue-timeout", "pool-exhausted")
m(C, "pymongo", "pymongo/synchronous/topology.py", 'raise InvalidOperation("Cannot use MongoClient after close")', "pymongo.errors.InvalidOperation",
  "Cannot use MongoClient after close", "client-after-close", "fixture-scope-engine")
m(C, "pymongo", "pymongo/synchronous/client_session.py", 'raise InvalidOperation("Transaction already in progress")', "pymongo.errors.InvalidOperation",
  "Transaction already in progress", "transaction-in-progress", "session-state-leak")
m(C, "neo4j", "neo4j/_sync/io/_pool.py", '"failed to obtain a connection from the pool within "', f"{NEO}.ConnectionAcquisitionTimeoutError",
  "failed to obtain a connection from the pool within 60.0s (timeout)", "acquisition-timeout", "pool-exhausted")
m(C, "neo4j", "neo4j/_sync/io/_bolt/_base.py", '"Failed to read from defunct connection "', f"{NEO}.ServiceUnavailable",
  "Failed to read from defunct connection IPv4Address(('localhost', 7687)) (IPv4Address(('127.0.0.1', 7687)))",
  "defunct-connection", "connection-dropped")
m(C, "cassandra", "cassandra/pool.py", 'raise NoConnectionsAvailable("All request IDs are currently in use")', "cassandra.pool.NoConnectionsAvailable",
  "All request IDs are currently in use", "request-ids-in-use", "pool-exhausted")
m(C, "cassandra", "cassandra/pool.py", 'raise ConnectionException("Pool is shutdown")', "cassandra.connection.ConnectionException",
  "Pool is shutdown", "pool-shutdown", "fixture-scope-engine")
m(C, "clickhouse_driver", "clickhouse_driver/errors.py", "return 'Simultaneous queries on single connection detected'",
  "clickhouse_driver.errors.PartiallyConsumedQueryError", "Simultaneous queries on single connection detected",
  "simultaneous-queries", "concurrent-connection-use")
m(C, "aiopg", "aiopg/connection.py", 'f"is already waiting for incoming data"', "RuntimeError",
  "cursor.execute() called while another coroutine is already waiting for incoming data", "another-coroutine-waiting",
  "concurrent-connection-use")
m(C, "aiopg", "aiopg/pool.py", 'f"Unclosed {left} connections in {self!r}", ResourceWarning', "ResourceWarning",
  "Unclosed 3 connections in <aiopg.pool.Pool object at 0x7f3b2c1d9e50>", "unclosed-connections", "connection-leak")
m(C, "asyncmy", "asyncmy/connection.pyx", '"Lost connection to MySQL server during query (read timeout)",', "asyncmy.errors.OperationalError",
  "(2013, 'Lost connection to MySQL server during query (read timeout)')", "lost-connection-read-timeout", "connection-dropped")
m(C, "asyncmy", "asyncmy/connection.pyx", '"Packet sequence number wrong - got %d expected %d"', "asyncmy.errors.InternalError",
  "Packet sequence number wrong - got 1 expected 2", "packet-sequence-wrong", "concurrent-connection-use")
m(C, "aioodbc", "aioodbc/pool.py", 'raise RuntimeError("Cannot acquire connection after closing pool")', "RuntimeError",
  "Cannot acquire connection after closing pool", "acquire-after-close", "fixture-scope-engine")

# ---------------------------------------------------------------- 5: async / event loop / greenlets
C = "5"
m(C, "pymongo", "pymongo/asynchronous/mongo_client.py", '"Cannot use AsyncMongoClient in different event loop. AsyncMongoClient uses"',
  "RuntimeError", "Cannot use AsyncMongoClient in different event loop. AsyncMongoClient uses low-level asyncio APIs that bind it to the event loop it was created on.",
  "client-different-loop", "cross-loop-use")
m(C, "pymongo", "pymongo/_asyncio_lock.py", 'raise RuntimeError(f"{self!r} is bound to a different event loop")', "RuntimeError",
  "<pymongo._asyncio_lock.Lock object at 0x7f6cf2605910 [unlocked]> is bound to a different event loop", "lock-different-loop", "cross-loop-use")
m(C, "motor", "motor/core.py", "raise RuntimeError('Use a change stream in \"async with\", not \"with\"')", "RuntimeError",
  'Use a change stream in "async with", not "with"', "change-stream-sync-with", "sync-async-mixup")
m(C, "gevent", "gevent/hub.py", "self.parent.throw(LoopExit('This operation would block forever',", "gevent.exceptions.LoopExit",
  "This operation would block forever\n\tHub: <Hub '' at 0x7f6af6f38400 epoll default pending=0 ref=0 fileno=3 thread_ident=0x7f6af786db80>\n\tHandles:\n[]",
  "block-forever", "loop-shutdown")
m(C, "gevent", "gevent/_hub_primitives.py", "raise ConcurrentObjectUseError('This socket is already used by another greenlet: %r'",
  "gevent.exceptions.ConcurrentObjectUseError",
  "This socket is already used by another greenlet: <bound method Waiter.switch of <gevent._gevent_c_waiter.Waiter object at 0x7f7e2f271620>>",
  "socket-used-by-another-greenlet", "race-condition")
m(C, "gevent", "gevent/_greenlet_primitives.py", "raise BlockingSwitchOutError('Impossible to call blocking function in the event loop callback')",
  "gevent.exceptions.BlockingSwitchOutError", "Impossible to call blocking function in the event loop callback",
  "blocking-in-loop-callback", "sync-async-mixup")
m(C, "eventlet", "eventlet/hubs/hub.py", '"Second simultaneous %s on fileno %s "', "RuntimeError",
  "Second simultaneous read on fileno 3 detected.  Unless you really know what you're doing, make sure that only one greenthread can read any particular socket.  Consider using a pools.Pool. If you do know what you're doing and want to disable this error, call eventlet.debug.hub_prevent_multiple_readers(False) - MY THREAD=<built-in method switch of GreenThread object at 0x7f0a85b98300>; THAT THREAD=FdListener('read', 3, <built-in method switch of GreenThread object at 0x7f0a87ca6bc0>, <built-in method throw of GreenThread object at 0x7f0a87ca6bc0>)",
  "second-simultaneous-read", "race-condition")
m(C, "eventlet", "eventlet/hubs/__init__.py", "raise RuntimeError('do not call blocking functions from the mainloop')", "RuntimeError",
  "do not call blocking functions from the mainloop", "blocking-from-mainloop", "sync-async-mixup")
m(C, "eventlet", "eventlet/hubs/hub.py", 'raise RuntimeError("Blocking detector ALARMED at" + str(inspect.getframeinfo(frame)))', "RuntimeError",
  "Blocking detector ALARMED atTraceback(filename='/app/services/prices.py', lineno=42, function='fetch_prices', code_context=['        time.sleep(2)\\n'], index=0, positions=Positions(lineno=42, end_lineno=42, col_offset=8, end_col_offset=21))",
  "blocking-detector", "sync-async-mixup")
m(C, "curio", "curio/meta.py", "raise RuntimeError('Only one Curio kernel per thread is allowed')", "RuntimeError",
  "Only one Curio kernel per thread is allowed", "one-kernel-per-thread", "nested-loop")
m(C, "curio", "curio/kernel.py", 'raise ReadResourceBusy(f"Multiple tasks can\'t wait to read on the same file descriptor {fileobj}")',
  "curio.errors.ReadResourceBusy",
  "Multiple tasks can't wait to read on the same file descriptor <fd=7>",
  "read-resource-busy", "race-condition")
m(C, "curio", "curio/kernel.py", "raise RuntimeError(\"Can't run a kernel that's been shut down or crashed. Create a new kernel.\")", "RuntimeError",
  "Can't run a kernel that's been shut down or crashed. Create a new kernel.", "kernel-shut-down", "loop-shutdown")
m(C, "playwright", "playwright/sync_api/_context_manager.py", '"""It looks like you are using Playwright Sync API inside the asyncio loop.', PWE,
  "It looks like you are using Playwright Sync API inside the asyncio loop.\nPlease use the Async API instead.", "sync-api-in-asyncio-loop",
  "sync-async-mixup")
m(C, "playwright", "playwright/_impl/_sync_base.py", 'raise Error("Event loop is closed! Is Playwright already stopped?")', PWE,
  "Event loop is closed! Is Playwright already stopped?", "event-loop-closed", "loop-shutdown")
m(C, "asyncer", "asyncer/_main.py", '"The return value of this task is still pending. Maybe you forgot to "', "asyncer._main.PendingValueException",
  "The return value of this task is still pending. Maybe you forgot to access it after the async with asyncer.create_task_group() block. If you need to access values of async tasks inside the same task group, you probably need a different approach, for example with AnyIO Streams.",
  "pending-value", "race-condition")
m(C, "aiorwlock", "aiorwlock/__init__.py", 'raise RuntimeError(f"{self!r} is bound to a different event loop")', "RuntimeError",
  "<aiorwlock._RWLockCore object at 0x7f4d3a2b1c90> is bound to a different event loop", "bound-different-loop", "cross-loop-use")

# ---------------------------------------------------------------- other: same libraries, plain misuse / config / server down
C = "other"
m(C, "mysql", MCE, "CR_CONN_HOST_ERROR = \"Can't connect to MySQL server on '%-.100s:%u' (%s)\"", "mysql.connector.errors.InterfaceError",
  "2003: Can't connect to MySQL server on '127.0.0.1:3306' (Errno 111: Connection refused)", "cant-connect", "db-unreachable")
m(C, "pymongo", "pymongo/synchronous/topology.py", 'f"{self._error_message(selector)}, Timeout: {timeout}s, "', "pymongo.errors.ServerSelectionTimeoutError",
  "localhost:27017: [Errno 111] Connection refused (configured timeouts: socketTimeoutMS: 20000.0ms, connectTimeoutMS: 20000.0ms), Timeout: 30s, Topology Description: <TopologyDescription id: 6b16524f62653eb4d59bf8b2, topology_type: Unknown, servers: [<ServerDescription ('localhost', 27017) server_type: Unknown, rtt: None, error=AutoReconnect('localhost:27017: [Errno 111] Connection refused (configured timeouts: socketTimeoutMS: 20000.0ms, connectTimeoutMS: 20000.0ms)')>]>",
  "server-selection-refused", "db-unreachable")
m(C, "cassandra", "cassandra/cluster.py", 'raise NoHostAvailable("Unable to connect to any servers", errors)', "cassandra.cluster.NoHostAvailable",
  "('Unable to connect to any servers', {'127.0.0.1:9042': ConnectionRefusedError(111, \"Tried connecting to [('127.0.0.1', 9042)]. Last error: Connection refused\")})",
  "no-host-available", "db-unreachable")
m(C, "clickhouse_driver", "clickhouse_driver/connection.py", "return err + '({}:{})'.format(host, port)", "clickhouse_driver.errors.NetworkError",
  "Code: 210. Connection refused (localhost:9000)", "connection-refused", "db-unreachable")
m(C, "oracledb", ORA, '\'a bind variable replacement value for placeholder ":{name}" was \'', "oracledb.exceptions.DatabaseError",
  'DPY-4010: a bind variable replacement value for placeholder ":customer_id" was not provided', "missing-bind-value", "sql-params")
m(C, "neo4j", "neo4j/_sync/work/result.py", '"The result has been consumed. Fetch all needed records before calling "', f"{NEO}.ResultConsumedError",
  "The result has been consumed. Fetch all needed records before calling Result.consume().", "result-consumed", "api-misuse")
m(C, "aiopg", "aiopg/connection.py", '"You are trying to open a new transaction, use the save point"', "psycopg2.ProgrammingError",
  "You are trying to open a new transaction, use the save point", "nested-begin", "api-misuse")
m(C, "asyncmy", "asyncmy/connection.pyx", 'raise ValueError("port should be of type int")', "ValueError",
  "port should be of type int", "port-not-int", "config-invalid")
m(C, "playwright", "playwright/_impl/_driver.py", '"This installation of Playwright does not include Node.js. "', PWE,
  "This installation of Playwright does not include Node.js. Set PLAYWRIGHT_NODEJS_PATH pointing to Node.js executable.",
  "no-nodejs", "missing-system-binary")
m(C, "playwright", "playwright/_impl/assertions.py", "raise Error('\"expected\" argument in to_contain_class cannot be a RegExp value')", PWE,
  '"expected" argument in to_contain_class cannot be a RegExp value', "contain-class-regexp", "api-misuse")
m(C, "gevent", "gevent/monkey/__init__.py", "'Monkey-patching ssl after ssl has already been imported '", "gevent.monkey._errors.MonkeyPatchWarning",
  "Monkey-patching ssl after ssl has already been imported may lead to errors, including RecursionError on Python 3.6. It may also silently lead to incorrect behaviour on Python 3.7. Please monkey-patch earlier. See https://github.com/gevent/gevent/issues/1016. Modules that had direct imports (NOT patched): ['urllib3.util.ssl_ (/venv/lib/python3.11/site-packages/urllib3/util/ssl_.py)']. ",
  "ssl-patched-late", "config-invalid")
m(C, "asyncer", "asyncer/_main.py", '"The `cancellable=` keyword argument to `asyncer.asyncify()` is "', "DeprecationWarning",
  "The `cancellable=` keyword argument to `asyncer.asyncify()` is deprecated since Asyncer 0.0.8, following AnyIO 4.1.0. Use `abandon_on_cancel=` instead.",
  "cancellable-deprecated", "api-misuse")
