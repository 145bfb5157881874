C = "4"
m(C, "aiocache", "aiocache/lock.py", 'raise OptimisticLockError("Value has changed since the lock started")', "aiocache.lock.OptimisticLockError",
  "Value has changed since the lock started", "optimistic-lock-conflict", "cache-concurrent-modification")
FC = "flask_caching/__init__.py"
m(C, "flask_caching", FC, '"Flask-Caching: CACHE_TYPE is set to NullCache, "', "UserWarning",
  "Flask-Caching: CACHE_TYPE is set to NullCache, caching is effectively disabled.", "null-cache", "cache-backend-misconfigured")
m(C, "flask_caching", FC, 'f"Flask-Caching: CACHE_TYPE is set to {config[\'CACHE_TYPE\']} but no "', "UserWarning",
  "Flask-Caching: CACHE_TYPE is set to FileSystemCache but no CACHE_DIR is set.", "no-cache-dir", "cache-backend-misconfigured")
CW = "cashews/wrapper/wrapper.py"
m(C, "cashews", CW, 'raise NotConfiguredError("run `cache.setup(...)` before using cache")', "cashews.exceptions.NotConfiguredError",
  "run `cache.setup(...)` before using cache", "not-setup", "cache-not-initialized")
m(C, "cashews", CW, 'raise NotConfiguredError("Backend for given key not configured")', "cashews.exceptions.NotConfiguredError",
  "Backend for given key not configured", "backend-not-configured", "cache-not-initialized")
m(C, "cashews", "cashews/backends/interface.py", 'raise LockedError(f"Key {key} is already locked")', "cashews.exceptions.LockedError",
  "Key lock:prices:AAPL is already locked", "key-already-locked", "cache-concurrent-modification")
m(C, "cashews", "cashews/backends/transaction.py", 'raise LockedError("probably deadlock or long running transactions")', "cashews.exceptions.LockedError",
  "probably deadlock or long running transactions", "transaction-locked", "cache-concurrent-modification")
m(C, "async_lru", "async_lru/__init__.py", 'raise RuntimeError(f"alru_cache is closed for {self}")', "RuntimeError",
  "alru_cache is closed for <async_lru._LRUCacheWrapper object at 0x7f4e6b478cd0>", "alru-closed", "cache-lifecycle")
m(C, "cachelib", "cachelib/base.py", 'raise RuntimeError(f"Failed to delete keys: {failed_keys}")', "RuntimeError",
  "Failed to delete keys: ['prices:AAPL', 'prices:MSFT']", "failed-to-delete-keys", "cache-not-cleared")
CR = "cachier/cores/redis.py"
m(C, "cachier", CR, 'warnings.warn(f"Redis clear_cache failed: {e}", stacklevel=2)', "UserWarning",
  "Redis clear_cache failed: Error 111 connecting to localhost:6379. Connection refused.", "clear-cache-failed", "cache-not-cleared")
m(C, "cachier", CR, 'warnings.warn(f"Redis delete_stale_entries failed: {e}", stacklevel=2)', "UserWarning",
  "Redis delete_stale_entries failed: Timeout reading from localhost:6379", "delete-stale-failed", "stale-cache-entry")
m(C, "cachier", CR, 'warnings.warn(f"Redis clear_being_calculated failed: {e}", stacklevel=2)', "UserWarning",
  "Redis clear_being_calculated failed: Connection closed by server.", "clear-being-calculated-failed", "cache-not-cleared")
m(C, "cachier", "cachier/cores/memory.py", 'raise RuntimeError("No condition set for entry")', "RuntimeError",
  "No condition set for entry", "no-condition", "cache-lifecycle")
FM = "fakeredis/_msgs.py"
m(C, "fakeredis", FM, 'WRONGTYPE_MSG = "WRONGTYPE Operation against a key holding the wrong kind of value"', "redis.exceptions.ResponseError",
  "WRONGTYPE Operation against a key holding the wrong kind of value", "wrongtype", "redis-state-persistence")
m(C, "fakeredis", FM, 'RESTORE_KEY_EXISTS = "BUSYKEY Target key name already exists."', "redis.exceptions.ResponseError",
  "BUSYKEY Target key name already exists.", "busykey", "redis-state-persistence")
m(C, "fakeredis", FM, 'XGROUP_BUSYGROUP = "ERR BUSYGROUP Consumer Group name already exists"', "redis.exceptions.ResponseError",
  "ERR BUSYGROUP Consumer Group name already exists", "busygroup", "redis-state-persistence")
m(C, "django", "django/core/cache/backends/base.py", 'raise ValueError("Key \'%s\' not found" % key)', "ValueError",
  "Key 'rate:user:42' not found", "incr-key-not-found", "stale-cache-entry")
m(C, "sqlalchemy", "sqlalchemy/orm/persistence.py", '"UPDATE statement on table \'%s\' expected to "', "sqlalchemy.orm.exc.StaleDataError",
  "UPDATE statement on table 'users' expected to update 1 row(s); 0 were matched.", "stale-data", "stale-orm-state")
m(C, "sqlalchemy", "sqlalchemy/orm/loading.py", '"Instance %s is not bound to a Session; "', "sqlalchemy.orm.exc.DetachedInstanceError",
  "Instance <User at 0x7f4e2b1c9a90> is not bound to a Session; attribute refresh operation cannot proceed (Background on this error at: https://sqlalche.me/e/21/bhk3)", "detached-instance", "stale-orm-state")
m(C, "sqlalchemy", "sqlalchemy/orm/session.py", '"Object \'%s\' is already attached to session \'%s\' "', "sqlalchemy.exc.InvalidRequestError",
  "Object '<User at 0x7f4e2b1c9a90>' is already attached to session '3' (this is '4')", "already-attached", "session-state-leak")
m(C, "sqlalchemy", "sqlalchemy/orm/exc.py", '"Instance \'%s\' has been deleted, or its "', "sqlalchemy.orm.exc.ObjectDeletedError",
  "Instance '<User at 0x7f4e2b1c9a90>' has been deleted, or its row is otherwise not present.", "object-deleted", "stale-orm-state")
m(C, "sqlalchemy", "sqlalchemy/orm/session.py", '"Identity map already had an identity for %s, "', "sqlalchemy.exc.SAWarning",
  "Identity map already had an identity for (<class 'app.models.User'>, (42,), None), replacing it with newly flushed object.   Are there load operations occurring inside of an event handler within the flush?", "identity-map-replaced", "stale-orm-state")
m(C, "fakeredis", FM, 'NO_MATCHING_SCRIPT_MSG = "NOSCRIPT No matching script. Please use EVAL."', "redis.exceptions.NoScriptError",
  "NOSCRIPT No matching script. Please use EVAL.", "noscript", "redis-state-persistence")
m(C, "beaker", "beaker/cache.py", "'Cache region not configured: %s' % region)", "beaker.exceptions.BeakerException",
  "Cache region not configured: short_term", "region-not-configured", "cache-not-initialized")
m(C, "django", "django/utils/connection.py", 'raise self.exception_class(f"The connection \'{alias}\' doesn\'t exist.")', "django.core.cache.backends.base.InvalidCacheBackendError",
  "The connection 'sessions' doesn't exist.", "cache-alias-missing", "cache-backend-misconfigured")
m(C, "django", "django/test/signals.py", 'f"Overriding setting {setting} can lead to unexpected behavior.",', "UserWarning",
  "Overriding setting DATABASES can lead to unexpected behavior.", "override-complex-setting", "settings-state-leak")
m(C, "django", "django/db/models/base.py", 'raise DatabaseError("Save with update_fields did not affect any rows.")', "django.db.utils.DatabaseError",
  "Save with update_fields did not affect any rows.", "update-fields-no-rows", "stale-orm-state")
m(C, "django", "django/db/models/base.py", 'raise DatabaseError("Forced update did not affect any rows.")', "django.db.utils.DatabaseError",
  "Forced update did not affect any rows.", "forced-update-no-rows", "stale-orm-state")
m(C, "sqlalchemy", "sqlalchemy/orm/session.py", '"Instance \'%s\' is not persisted" % state_str(state)', "sqlalchemy.exc.InvalidRequestError",
  "Instance '<User at 0x7f4e2b1c9a90>' is not persisted", "not-persisted", "stale-orm-state")
m(C, "sqlalchemy", "sqlalchemy/orm/session.py", '"Instance %s is not present in this Session" % state_str(state)', "sqlalchemy.exc.InvalidRequestError",
  "Instance <User at 0x7f4e2b1c9a90> is not present in this Session", "not-present-in-session", "session-state-leak")
m(C, "fakeredis", FM, 'NO_KEY_MSG = "ERR no such key"', "redis.exceptions.ResponseError",
  "ERR no such key", "no-such-key", "redis-state-persistence")
m(C, "aiocache", "aiocache/backends/memory.py", 'raise ValueError("Key {} already exists, use .set to update the value".format(key))', "ValueError",
  "Key session:42 already exists, use .set to update the value", "key-already-exists", "stale-cache-entry")
# leftover patchers from an earlier test (incomplete mock cleanup)
m(C, "time_machine", "time_machine/__init__.py", 'raise RuntimeError("time-machine cannot start when freezegun is active.")', "RuntimeError",
  "time-machine cannot start when freezegun is active.", "freezegun-still-active", "mock-cleanup")
m(C, "requests_mock", "requests_mock/mocker.py", "raise RuntimeError('Mocker has already been started')", "RuntimeError",
  "Mocker has already been started", "mocker-already-started", "mock-cleanup")

# State left behind by an earlier test in a process-global registry or singleton (framework #4, "Memory Cache
# Initialization: shared instance between tests"). In a test run these messages mean that something an earlier test
# (or an earlier import of the same module) set up is still there: a metric in prometheus' global REGISTRY, a Table
# in a module-level MetaData, a model class on a shared declarative Base, a route on a module-level Flask app, a
# configured Django settings object, a global OpenTelemetry provider, multiprocessing's start method. Until session 8
# the first two were labelled `other` ("duplicate definition") while the scenario groups wide-c and wide-h, where
# they really happen between tests, label them #4; the bank now agrees with the scenarios.
m(C, "prometheus_client", "prometheus_client/registry.py", "msg = 'Duplicated timeseries in CollectorRegistry: {}'.format(", "ValueError",
  "Duplicated timeseries in CollectorRegistry: {'http_requests_total', 'http_requests_created', 'http_requests'}", "duplicated-timeseries", "global-registry-leak")
m(C, "sqlalchemy", "sqlalchemy/sql/schema.py", 'f"Table \'{key}\' is already defined for this MetaData "', "sqlalchemy.exc.InvalidRequestError",
  "Table 'users' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object.", "table-already-defined", "global-registry-leak")
m(C, "sqlalchemy", "sqlalchemy/orm/clsregistry.py", '"This declarative base already contains a class with the "', "sqlalchemy.exc.SAWarning",
  "This declarative base already contains a class with the same class name and module name as app.models.User, and will be replaced in the string-lookup table.", "declarative-class-replaced", "global-registry-leak", check=False)
m(C, "sqlalchemy", "sqlalchemy/orm/clsregistry.py", "'Multiple classes found for path \"%s\" '", "sqlalchemy.exc.InvalidRequestError",
  'Multiple classes found for path "User" in the registry of this declarative base. Please use a fully module-qualified path.', "multiple-classes-for-path", "global-registry-leak", check=False)
m(C, "sqlalchemy", "sqlalchemy/orm/decl_api.py", '"Class \'%s\' already has a primary mapper defined. "', "sqlalchemy.exc.ArgumentError",
  "Class '<class 'app.models.User'>' already has a primary mapper defined. ", "primary-mapper-defined", "global-registry-leak")
m(C, "flask", "flask/sansio/app.py", '"View function mapping is overwriting an existing"', "AssertionError",
  "View function mapping is overwriting an existing endpoint function: index", "endpoint-overwritten", "app-state-leak")
m(C, "flask", "flask/sansio/app.py", "f\"The setup method '{f_name}' can no longer be called\"", "AssertionError",
  "The setup method 'route' can no longer be called on the application. It has already handled its first request, any changes will not be applied consistently.\nMake sure all imports, decorators, functions, etc. needed to set up the application are done before running it.", "setup-after-first-request", "app-state-leak", check=False)
m(C, "flask", "flask/sansio/blueprints.py", "f\"The setup method '{f_name}' can no longer be called on the blueprint\"", "AssertionError",
  "The setup method 'route' can no longer be called on the blueprint 'api'. It has already been registered at least once, any changes will not be applied consistently.\nMake sure all imports, decorators, functions, etc. needed to set up the blueprint are done before registering it.", "blueprint-setup-after-register", "app-state-leak", check=False)
m(C, "django", "django/conf/__init__.py", 'raise RuntimeError("Settings already configured.")', "RuntimeError",
  "Settings already configured.", "settings-already-configured", "settings-state-leak")
m(C, "django", "django/test/utils.py", '"setup_test_environment() was already called and can\'t be called "', "RuntimeError",
  "setup_test_environment() was already called and can't be called again without first calling teardown_test_environment().", "test-environment-already-set-up", "settings-state-leak", check=False)
m(C, "opentelemetry", "opentelemetry/trace/__init__.py", 'logger.warning("Overriding of current TracerProvider is not allowed")', None,
  "Overriding of current TracerProvider is not allowed", "tracer-provider-override", "global-registry-leak")
m(C, "opentelemetry", "opentelemetry/metrics/_internal/__init__.py", '_logger.warning("Overriding of current MeterProvider is not allowed")', None,
  "Overriding of current MeterProvider is not allowed", "meter-provider-override", "global-registry-leak")
m(C, "multiprocessing", "multiprocessing/context.py", "raise RuntimeError('context has already been set')", "RuntimeError",
  "context has already been set", "start-method-already-set", "global-registry-leak")
