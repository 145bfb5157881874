# Session 12: libraries newly read from /work/venvs/s12 (geopy, diffusers, gguf, nltk, prawcore, googlemaps,
# pluggy), the PostgreSQL 15 server binary (pseudo-venv "system": absolute path, dist = Debian package,
# version = its dpkg version), and more rows from libraries whose venv is still present (stdlib, wide-b, wide-d).
S12 = "s12"
lib("geopy", S12, "geopy"); lib("diffusers", S12, "diffusers"); lib("gguf", S12, "gguf"); lib("nltk", S12, "nltk")
lib("prawcore", S12, "prawcore"); lib("googlemaps", S12, "googlemaps"); lib("pluggy", S12, "pluggy")
lib("postgresql", "system", "postgresql-15")

# PostgreSQL server texts are returned to the client over the protocol, not raised by Python code: exception is
# null and the message is written as a driver shows it (libpq keeps the "FATAL:  " severity of connection-time
# errors; psycopg/psycopg2 drop the "ERROR:  " of query errors and append the DETAIL / HINT lines).
PG = "/usr/lib/postgresql/15/bin/postgres"
PK = "lib-dynload/_pickle.cpython-311-x86_64-linux-gnu.so"
HUB = "diffusers/utils/hub_utils.py"
CFG = "diffusers/configuration_utils.py"
MLU = "diffusers/models/model_loading_utils.py"
GR = "gguf/gguf_reader.py"
AD = "geopy/adapters.py"
CE = "botocore.exceptions.ClientError"

# ---------------------------------------------------------------- 1: ML model loading
C = "1"
m(C, "pickle", PK, "Ran out of input", "EOFError", "Ran out of input", "ran-out-of-input", "corrupt-model-file")
m(C, "pickle", PK, "pickle data was truncated", "_pickle.UnpicklingError", "pickle data was truncated", "data-truncated", "corrupt-model-file")
m(C, "pickle", PK, "invalid load key, '", "_pickle.UnpicklingError", "invalid load key, 'v'.", "invalid-load-key", "corrupt-model-file")
m(C, "diffusers", HUB, 'f"Error no file named {weights_name} found in directory {pretrained_model_name_or_path}."', "OSError",
  "Error no file named diffusion_pytorch_model.safetensors found in directory ./models/unet.", "no-weights-file", "model-file-missing")
m(C, "diffusers", HUB, 'f"{pretrained_model_name_or_path} is not a local folder and is not a valid model identifier "', "OSError",
  "acme/sd-turbo-finetuned is not a local folder and is not a valid model identifier listed on 'https://huggingface.co/models'\n"
  "If this is a private repository, make sure to pass a token having permission to this repo with `token` or log in with `hf auth login`.",
  "not-valid-model-identifier", "model-file-missing")
m(C, "diffusers", CFG, 'f"{pretrained_model_name_or_path} does not appear to have a file named {cls.config_name}."', "OSError",
  "stabilityai/sd-turbo does not appear to have a file named config.json.", "no-config-file", "model-file-missing")
m(C, "diffusers", MLU, '"You seem to have cloned a repository without having git-lfs installed. Please install "', "OSError",
  "You seem to have cloned a repository without having git-lfs installed. Please install git-lfs and run `git lfs install` followed by `git lfs pull` in the folder you cloned.",
  "git-lfs-pointer", "corrupt-model-file")
m(C, "diffusers", MLU, 'because {param_name} expected shape {empty_state_dict[param_name].shape}, but got {param.shape}. If you want', "ValueError",
  "Cannot load ./models/unet  because conv_in.weight expected shape torch.Size([320, 4, 3, 3]), but got torch.Size([320, 8, 3, 3]). If you want to instead overwrite randomly initialized weights, please make sure to pass both `low_cpu_mem_usage=False` and `ignore_mismatched_sizes=True`. For more information, see also: https://github.com/huggingface/diffusers/issues/1619#issuecomment-1345604389 as an example.",
  "param-shape-mismatch", "checkpoint-architecture-mismatch")
m(C, "gguf", GR, "raise ValueError('GGUF magic invalid')", "ValueError", "GGUF magic invalid", "magic-invalid", "corrupt-model-file")
m(C, "gguf", GR, "raise ValueError(f'Sorry, file appears to be version {version} which we cannot handle')", "ValueError",
  "Sorry, file appears to be version 1 which we cannot handle", "unsupported-version", "model-format-version-skew")
m(C, "nltk", "nltk/data.py", 'f"Resource \'{resource_zipname}\' not found.\\n"', "LookupError",
  "\n**********************************************************************\n  Resource 'punkt_tab' not found.\n  Please use the NLTK Downloader to obtain the resource:\n\n"
  "  >>> import nltk\n  >>> nltk.download('punkt_tab')\n\n  For more information see: https://www.nltk.org/data.html\n\n"
  "  Attempted to load 'tokenizers/punkt_tab/english/'\n\n  Searched in:\n    - '/root/nltk_data'\n    - '/venv/nltk_data'\n"
  "    - '/venv/share/nltk_data'\n    - '/venv/lib/nltk_data'\n    - '/usr/share/nltk_data'\n    - '/usr/local/share/nltk_data'\n"
  "    - '/usr/lib/nltk_data'\n    - '/usr/local/lib/nltk_data'\n**********************************************************************\n",
  "resource-not-found", "model-file-missing")

# ---------------------------------------------------------------- 2: WebSocket
C = "2"
m(C, "aiohttp", "aiohttp/client.py", 'message="Invalid connection header",', "aiohttp.client_exceptions.WSServerHandshakeError",
  "101, message='Invalid connection header', url='ws://127.0.0.1:8080/ws'", "invalid-connection-header", "handshake-rejected")
m(C, "aiohttp", "aiohttp/client_ws.py", 'ServerTimeoutError(f"No PONG received after {self._pong_heartbeat} seconds")',
  "aiohttp.client_exceptions.ServerTimeoutError", "No PONG received after 5.0 seconds", "no-pong-received", "keepalive-timeout")
m(C, "aiohttp", "aiohttp/web_ws.py", 'f"No PONG received after {self._pong_heartbeat} seconds"', None,
  "No PONG received after 10.0 seconds", "server-no-pong-received", "keepalive-timeout")
m(C, "aiohttp", "aiohttp/_websocket/reader_py.py", '"Continuation frame for non started message",', "aiohttp.http_websocket.WebSocketError",
  "Continuation frame for non started message", "continuation-frame", "protocol-error")
m(C, "aiohttp", "aiohttp/_websocket/reader_py.py", '"Received frame with non-zero reserved bits",', "aiohttp.http_websocket.WebSocketError",
  "Received frame with non-zero reserved bits", "reserved-bits", "protocol-error")
m(C, "aiohttp", "aiohttp/_websocket/reader_py.py", 'WSCloseCode.PROTOCOL_ERROR, f"Unexpected opcode={opcode!r}"', "aiohttp.http_websocket.WebSocketError",
  "Unexpected opcode=11", "unexpected-opcode", "protocol-error")

# ---------------------------------------------------------------- 3: DB connection / pool / locking
C = "3"
m(C, "postgresql", PG, "sorry, too many clients already", None, "FATAL:  sorry, too many clients already", "too-many-clients", "server-connection-limit")
m(C, "postgresql", PG, "remaining connection slots are reserved for non-replication superuser connections", None,
  "FATAL:  remaining connection slots are reserved for non-replication superuser connections", "slots-reserved", "server-connection-limit")
m(C, "postgresql", PG, 'too many connections for role "%s"', None, 'FATAL:  too many connections for role "app"', "too-many-connections-role", "server-connection-limit")
m(C, "postgresql", PG, 'too many connections for database "%s"', None, 'FATAL:  too many connections for database "test_app"', "too-many-connections-database", "server-connection-limit")
m(C, "postgresql", PG, 'database "%s" is being accessed by other users', None,
  'database "test_app" is being accessed by other users\nDETAIL:  There is 1 other session using the database.', "db-accessed-by-other-users", "db-in-use")
m(C, "postgresql", PG, 'source database "%s" is being accessed by other users', None,
  'source database "template1" is being accessed by other users\nDETAIL:  There is 1 other session using the database.', "template-db-accessed", "db-in-use")
m(C, "postgresql", PG, "cannot drop the currently open database", None, "cannot drop the currently open database", "drop-open-database", "db-in-use")
m(C, "postgresql", PG, "deadlock detected", None,
  "deadlock detected\nDETAIL:  Process 4711 waits for ShareLock on transaction 90211; blocked by process 4712.\n"
  "Process 4712 waits for ShareLock on transaction 90210; blocked by process 4711.\nHINT:  See server log for query details.",
  "deadlock-detected", "deadlock")
m(C, "postgresql", PG, "Process %d waits for %s on %s; blocked by process %d.", None,
  "Process 4711 waits for ShareLock on transaction 90211; blocked by process 4712.", "deadlock-detail", "deadlock")
m(C, "postgresql", PG, "canceling statement due to lock timeout", None, "canceling statement due to lock timeout", "lock-timeout", "lock-contention")
m(C, "postgresql", PG, 'could not obtain lock on row in relation "%s"', None, 'could not obtain lock on row in relation "orders"', "row-lock-nowait", "lock-contention")
m(C, "postgresql", PG, 'could not obtain lock on relation "%s"', None, 'could not obtain lock on relation "users"', "relation-lock-nowait", "lock-contention")
m(C, "postgresql", PG, "could not serialize access due to concurrent update", None, "could not serialize access due to concurrent update",
  "serialization-concurrent-update", "serialization-failure")
m(C, "postgresql", PG, "terminating connection due to administrator command", None, "FATAL:  terminating connection due to administrator command",
  "admin-terminated", "connection-dropped")
m(C, "postgresql", PG, "terminating connection due to idle-in-transaction timeout", None, "FATAL:  terminating connection due to idle-in-transaction timeout",
  "idle-in-transaction-timeout", "connection-dropped")
m(C, "postgresql", PG, "the database system is starting up", None, "FATAL:  the database system is starting up", "starting-up", "db-unreachable")
m(C, "postgresql", PG, "the database system is shutting down", None, "FATAL:  the database system is shutting down", "shutting-down", "db-unreachable")
m(C, "django", "django/db/backends/base/creation.py", 'self.log("Got an error recreating the test database: %s" % e)', None,
  'Got an error recreating the test database: database "test_app" is being accessed by other users\nDETAIL:  There is 1 other session using the database.',
  "recreate-test-db-in-use", "db-in-use")
m(C, "redis", "redis/_parsers/base.py", '"max number of clients reached": ConnectionError,', "redis.exceptions.ConnectionError",
  "max number of clients reached", "max-clients-reached", "server-connection-limit")
m(C, "redis", "redis/connection.py", 'raise ConnectionError(f"Error while reading from {host_error} : {e.args}")', "redis.exceptions.ConnectionError",
  "Error while reading from localhost:6379 : (104, 'Connection reset by peer')", "reading-connection-reset", "connection-dropped")

# ---------------------------------------------------------------- 4: state left by an earlier test
C = "4"
m(C, "django", "django/contrib/admin/sites.py", 'msg = "The model %s is already registered " % model.__name__', "django.contrib.admin.exceptions.AlreadyRegistered",
  "The model Article is already registered with 'blog.ArticleAdmin'.", "admin-already-registered", "global-registry-leak")
m(C, "django", "django/apps/registry.py", '"Model \'%s.%s\' was already registered. Reloading models is not "', "RuntimeWarning",
  "Model 'blog.article' was already registered. Reloading models is not advised as it can lead to inconsistencies, most notably with related models.",
  "model-reloaded", "global-registry-leak")
m(C, "django", "django/urls/converters.py", 'f"Converter {type_name!r} is already registered. Support for overriding "', "django.utils.deprecation.RemovedInDjango60Warning",
  "Converter 'yyyy' is already registered. Support for overriding registered converters is deprecated and will be removed in Django 6.0.",
  "converter-already-registered", "global-registry-leak")
m(C, "django", "django/db/backends/base/creation.py", 'self.log("Got an error creating the test database: %s" % e)', None,
  'Got an error creating the test database: database "test_app" already exists\n', "test-db-already-exists", "leftover-test-database")
m(C, "pluggy", "pluggy/_manager.py", '"Plugin name already registered: "', "ValueError",
  "Plugin name already registered: metrics=<module 'app.plugins.metrics' from '/app/app/plugins/metrics.py'>\n"
  "{'metrics': <module 'app.plugins.metrics' from '/app/app/plugins/metrics.py'>}", "plugin-name-already-registered", "global-registry-leak")
m(C, "pluggy", "pluggy/_manager.py", '"Plugin already registered under a different name: "', "ValueError",
  "Plugin already registered under a different name: metrics-2=<module 'app.plugins.metrics' from '/app/app/plugins/metrics.py'>\n"
  "{'metrics': <module 'app.plugins.metrics' from '/app/app/plugins/metrics.py'>}", "plugin-already-registered", "global-registry-leak")
m(C, "fakeredis", "fakeredis/_msgs.py", "FUNCTION_LIBRARY_EXISTS_MSG = \"ERR Library '{}' already exists\"", "redis.exceptions.ResponseError",
  "ERR Library 'mylib' already exists", "function-library-exists", "redis-state-persistence")
m(C, "fakeredis", "fakeredis/_msgs.py", 'TIMESERIES_KEY_EXISTS = "TSDB: key already exists"', "redis.exceptions.ResponseError",
  "TSDB: key already exists", "timeseries-key-exists", "redis-state-persistence")

# ---------------------------------------------------------------- 5: async / event loop
C = "5"
m(C, "asyncio", "asyncio/futures.py", "f'{self.__class__.__name__} exception was never retrieved',", None,
  "Future exception was never retrieved", "future-exception-never-retrieved", "task-leak")
m(C, "asyncio", "asyncio/locks.py", "raise ValueError('BoundedSemaphore released too many times')", "ValueError",
  "BoundedSemaphore released too many times", "semaphore-released-too-many", "lock-misuse")
m(C, "asyncio", "asyncio/queues.py", "raise ValueError('task_done() called too many times')", "ValueError",
  "task_done() called too many times", "task-done-too-many", "race-condition")
m(C, "asyncio", "asyncio/tasks.py", 'raise RuntimeError(f"Leaving task {task!r} does not match "', "RuntimeError",
  "Leaving task <Task pending name='Task-4' coro=<worker() running at /app/jobs.py:18>> does not match the current task <Task pending name='Task-2' coro=<main() running at /app/run.py:10>>.",
  "leaving-task-mismatch", "nested-loop", check=False)
m(C, "asyncio", "asyncio/selector_events.py", "f'File descriptor {fd!r} is used by transport '", "RuntimeError",
  "File descriptor 9 is used by transport <_SelectorSocketTransport fd=9 read=polling write=<idle, bufsize=0>>", "fd-used-by-transport", "cross-loop-use")
m(C, "httpx", "httpx/_client.py", 'raise RuntimeError("Cannot send a request, as the client has been closed.")', "RuntimeError",
  "Cannot send a request, as the client has been closed.", "client-closed", "loop-shutdown", nth=2)

# ---------------------------------------------------------------- 6: API mocks
C = "6"
m(C, "moto", "moto/core/exceptions.py", '"The security token included in the request is invalid.",', CE,
  "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.",
  "invalid-client-token-id", "real-service-hit")
m(C, "moto", "moto/s3/exceptions.py", '"The AWS Access Key Id you provided does not exist in our records.",', CE,
  "An error occurred (InvalidAccessKeyId) when calling the PutObject operation: The AWS Access Key Id you provided does not exist in our records.",
  "invalid-access-key-id", "real-service-hit")
m(C, "moto", "moto/core/exceptions.py", '"The request signature we calculated does not match the signature you provided.', CE,
  "An error occurred (SignatureDoesNotMatch) when calling the ListQueues operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  "signature-does-not-match", "real-service-hit")
m(C, "botocore", "botocore/stub.py", 'raise AssertionError(f"{remaining} responses remaining in queue.")', "AssertionError",
  "2 responses remaining in queue.", "responses-remaining", "unused-mock")

# ---------------------------------------------------------------- 7: rate limiting
C = "7"
m(C, "geopy", AD, '"Non-successful status code %s" % resp.status_code,', "geopy.exc.GeocoderRateLimited",
  "Non-successful status code 429", "status-429", "upstream-429")
m(C, "geopy", AD, '"Non-successful status code %s" % resp.status,', "geopy.exc.GeocoderRateLimited",
  "Non-successful status code 429", "aiohttp-status-429", "upstream-429")
m(C, "geopy", AD, '"Non-successful status code %s" % status_code,', "geopy.exc.GeocoderQuotaExceeded",
  "Non-successful status code 402", "status-402-quota", "upstream-429")
m(C, "prawcore", "prawcore/exceptions.py", 'msg += f". Please wait at least {float(self.retry_after)} seconds before re-trying this request."',
  "prawcore.exceptions.TooManyRequests", "received 429 HTTP response. Please wait at least 60.0 seconds before re-trying this request.",
  "too-many-requests-retry-after", "upstream-429")
m(C, "prawcore", "prawcore/exceptions.py", 'msg = f"received {response.status_code} HTTP response"', "prawcore.exceptions.TooManyRequests",
  "received 429 HTTP response", "too-many-requests", "upstream-429")
m(C, "googlemaps", "googlemaps/client.py", 'if api_status == "OVER_QUERY_LIMIT":', "googlemaps.exceptions._OverQueryLimit",
  "OVER_QUERY_LIMIT (You have exceeded your rate-limit for this API.)", "over-query-limit", "upstream-429")
m(C, "botocore", "botocore/retries/standard.py", "'SlowDown',", CE,
  "An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.",
  "slow-down", "upstream-429")
m(C, "botocore", "botocore/retries/standard.py", "'RequestLimitExceeded',", CE,
  "An error occurred (RequestLimitExceeded) when calling the DescribeInstances operation (reached max retries: 4): Request limit exceeded.",
  "request-limit-exceeded", "upstream-429")
m(C, "botocore", "botocore/retries/standard.py", "'TooManyRequestsException',", "botocore.errorfactory.TooManyRequestsException",
  "An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 4): Rate Exceeded.",
  "too-many-requests-exception", "upstream-429")

# ---------------------------------------------------------------- other: same libraries, unrelated mechanism
C = "other"
m(C, "postgresql", PG, '%s at or near "%s"', None, 'syntax error at or near "FROM"', "syntax-error", "sql-syntax")
m(C, "postgresql", PG, 'relation "%s" does not exist', None, 'relation "users" does not exist', "relation-does-not-exist", "schema-mismatch")
m(C, "postgresql", PG, 'column "%s" does not exist', None, 'column "last_login" does not exist', "column-does-not-exist", "schema-mismatch")
m(C, "postgresql", PG, "permission denied for table %s", None, "permission denied for table orders", "permission-denied-table", "auth-forbidden")
m(C, "postgresql", PG, 'password authentication failed for user "%s"', None, 'FATAL:  password authentication failed for user "app"', "password-auth-failed", "auth-invalid")
m(C, "postgresql", PG, 'database "%s" does not exist', None, 'FATAL:  database "app_dev" does not exist', "database-does-not-exist", "config-invalid")
m(C, "postgresql", PG, 'duplicate key value violates unique constraint "%s"', None,
  'duplicate key value violates unique constraint "users_email_key"', "duplicate-key", "unique-violation")
m(C, "postgresql", PG, 'null value in column "%s" of relation "%s" violates not-null constraint', None,
  'null value in column "email" of relation "users" violates not-null constraint', "not-null-violation", "input-validation")
m(C, "postgresql", PG, 'invalid input syntax for type %s: "%s"', None, 'invalid input syntax for type integer: "abc"', "invalid-input-syntax", "input-validation")
m(C, "postgresql", PG, "permission denied to create database", None, "permission denied to create database", "permission-denied-create-db", "auth-forbidden")
m(C, "django", "django/db/backends/postgresql/creation.py", 'self.log("Got an error creating the test database: %s" % e)', None,
  "Got an error creating the test database: permission denied to create database\n", "test-db-permission-denied", "auth-forbidden")
m(C, "django", "django/apps/registry.py", '"Conflicting \'%s\' models in application \'%s\': %s and %s."', "RuntimeError",
  "Conflicting 'article' models in application 'blog': <class 'blog.models.Article'> and <class 'blog.tests.models.Article'>.",
  "conflicting-models", "duplicate-definition")
m(C, "redis", "redis/_parsers/base.py", '"invalid password": AuthenticationError,', "redis.exceptions.AuthenticationError",
  "invalid password", "invalid-password", "auth-invalid")
m(C, "geopy", AD, '"Non-successful status code %s" % status_code,', "geopy.exc.GeocoderInsufficientPrivileges",
  "Non-successful status code 403", "status-403", "auth-forbidden")
m(C, "geopy", AD, 'raise GeocoderTimedOut("Service timed out")', "geopy.exc.GeocoderTimedOut", "Service timed out", "service-timed-out", "external-timeout")
m(C, "geopy", "geopy/geocoders/nominatim.py", "'Using Nominatim with default or sample `user_agent` \"%s\" is '", "geopy.exc.ConfigurationError",
  "Using Nominatim with default or sample `user_agent` \"geopy/2.4.1\" is strongly discouraged, as it violates Nominatim's ToS "
  "https://operations.osmfoundation.org/policies/nominatim/ and may possibly cause 403 and 429 HTTP errors. Please specify a custom "
  "`user_agent` with `Nominatim(user_agent=\"my-application\")` or by overriding the default `user_agent`: "
  "`geopy.geocoders.options.default_user_agent = \"my-application\"`.", "default-user-agent", "config-invalid", check=False)
m(C, "moto", "moto/s3/exceptions.py", 'super().__init__("The specified bucket does not exist")', CE,
  "An error occurred (NoSuchBucket) when calling the GetObject operation: The specified bucket does not exist", "no-such-bucket", "missing-row")
m(C, "aiohttp", "aiohttp/_websocket/reader_py.py", 'f"Decompressed message exceeds size limit {self._max_msg_size}",', "aiohttp.http_websocket.WebSocketError",
  "Decompressed message exceeds size limit 4194304", "decompressed-too-big", "config-invalid")
m(C, "diffusers", "diffusers/models/modeling_utils.py", 'raise ValueError("Passing along a `device_map` requires `low_cpu_mem_usage=True`")', "ValueError",
  "Passing along a `device_map` requires `low_cpu_mem_usage=True`", "device-map-needs-low-cpu", "api-misuse")
m(C, "gguf", GR, "raise ValueError(f'Found duplicated tensor with name {tensor_name}')", "ValueError",
  "Found duplicated tensor with name blk.0.attn_q.weight", "duplicated-tensor", "bad-data")
m(C, "prawcore", "prawcore/exceptions.py", 'super().__init__(f"received {response.status_code} HTTP response")', "prawcore.exceptions.Forbidden",
  "received 403 HTTP response", "forbidden", "auth-forbidden")
m(C, "googlemaps", "googlemaps/client.py", 'raise ValueError("Invalid API key provided.")', "ValueError", "Invalid API key provided.", "invalid-api-key", "credentials-missing")
m(C, "pluggy", "pluggy/_manager.py", 'f"Plugin name {name!r} and plugin {plugin!r} do not agree"', "ValueError",
  "Plugin name 'metrics' and plugin <module 'app.plugins.other' from '/app/app/plugins/other.py'> do not agree (name is registered to <module 'app.plugins.metrics' from '/app/app/plugins/metrics.py'>, plugin is registered as 'other')",
  "name-plugin-disagree", "api-misuse")
m(C, "httpx", "httpx/_client.py", '"Cannot reopen a client instance, once it has been closed."', "RuntimeError",
  "Cannot reopen a client instance, once it has been closed.", "reopen-closed-client", "api-misuse", nth=2)
