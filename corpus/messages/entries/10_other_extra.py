O = "other"
m(O, "xgboost", "xgboost/core.py", 'msg = "feature_names mismatch: {0} {1}"', "ValueError",
  "feature_names mismatch: ['age', 'income', 'tenure'] ['age', 'income']\nexpected tenure in input data", "feature-names-mismatch", "schema-mismatch")
m(O, "sklearn", "sklearn/utils/multiclass.py", 'raise ValueError("Unknown label type: %s" % repr(ys))', "ValueError",
  "Unknown label type: (array([0.5, 1.2, 3.3]),)", "unknown-label-type", "bad-data")
m(O, "numpy", "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", "cannot reshape array of size %zd into shape %S", "ValueError",
  "cannot reshape array of size 12 into shape (5,3)", "reshape", "shape-mismatch")
m(O, "click", "click/types.py", '_("{value!r} is not a valid {number_type}.").format(', "click.exceptions.BadParameter",
  "'ten' is not a valid integer.", "not-valid-integer", "cli-usage")
m(O, "starlette", "starlette/formparsers.py", 'assert multipart is not None, "The `python-multipart` library must be installed to use form parsing."', "AssertionError",
  "The `python-multipart` library must be installed to use form parsing.", "multipart-missing", "missing-optional-dependency")
m(O, "botocore", "botocore/validate.py", 'f"Missing required parameter in {name}: "', "botocore.exceptions.ParamValidationError",
  'Parameter validation failed:\nMissing required parameter in input: "Bucket"', "missing-required-parameter", "input-validation", check=False)
m(O, "sqlalchemy", "sqlalchemy/util/langhelpers.py", '"Can\'t load plugin: %s:%s" % (self.group, name)', "sqlalchemy.exc.NoSuchModuleError",
  "Can't load plugin: sqlalchemy.dialects:postgres", "cant-load-plugin", "config-invalid")
m(O, "rest_framework", "rest_framework/exceptions.py", "default_detail = _('Not found.')", "rest_framework.exceptions.NotFound",
  "Not found.", "not-found", "http-404")
m(O, "rest_framework", "rest_framework/exceptions.py", "default_detail = _('You do not have permission to perform this action.')", "rest_framework.exceptions.PermissionDenied",
  "You do not have permission to perform this action.", "permission-denied", "auth-forbidden")
m(O, "unittest", "unittest/mock.py", "msg = 'Attempting to set unsupported magic method %r.' % name", "AttributeError",
  "Attempting to set unsupported magic method '__fspath__'.", "unsupported-magic-method", "api-misuse")
m(O, "pydantic_core", "pydantic_core/_pydantic_core.cpython-311-x86_64-linux-gnu.so", "String should match pattern '{pattern}'", "pydantic_core._pydantic_core.ValidationError",
  "1 validation error for Ticker\nsymbol\n  String should match pattern '^[A-Z]{1,5}$' [type=string_pattern_mismatch, input_value='aapl', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_pattern_mismatch", "string-pattern", "input-validation")
m(O, "joblib", "joblib/compressor.py", 'raise ValueError("Compressor \'{}\' already registered.".format(compressor_name))', "ValueError",
  "Compressor 'lz4' already registered.", "compressor-registered", "duplicate-definition")
m(O, "huggingface_hub", "huggingface_hub/file_download.py", '''raise ValueError("Cannot pass 'force_download=True' and 'local_files_only=True' at the same time.")''', "ValueError",
  "Cannot pass 'force_download=True' and 'local_files_only=True' at the same time.", "conflicting-options", "api-misuse")
m(O, "aiohttp", "aiohttp/web_ws.py", 'raise TypeError("data argument must be str (%r)" % type(data))', "TypeError",
  "data argument must be str (<class 'dict'>)", "ws-send-str-type", "api-misuse")
m(O, "websocket", "websocket/_app.py", 'raise WebSocketException("Ensure ping_timeout > 0")', "websocket._exceptions.WebSocketException",
  "Ensure ping_timeout > 0", "ping-timeout-config", "config-invalid")
m(O, "socketio", "socketio/async_server.py", "raise ValueError('Cannot use call() to broadcast.')", "ValueError",
  "Cannot use call() to broadcast.", "call-broadcast", "api-misuse")
m(O, "starlette", "starlette/websockets.py", 'raise RuntimeError(\'The "mode" argument should be "text" or "binary".\')', "RuntimeError",
  'The "mode" argument should be "text" or "binary".', "ws-mode-argument", "api-misuse")
m(O, "asyncio", "asyncio/tasks.py", "raise RuntimeError('Task does not support set_result operation')", "RuntimeError",
  "Task does not support set_result operation", "task-set-result", "api-misuse")
m(O, "redis", "redis/connection.py", 'raise ConnectionError("protocol must be either 2 or 3")', "redis.exceptions.ConnectionError",
  "protocol must be either 2 or 3", "protocol-version", "config-invalid")
m(O, "django", "django/db/models/query.py", '"%s matching query does not exist." % self.model._meta.object_name', "app.models.Order.DoesNotExist",
  "Order matching query does not exist.", "does-not-exist", "missing-row")
m(O, "django", "django/core/cache/backends/base.py", '"Cache key contains characters that will cause errors if used with "', "django.core.cache.backends.base.CacheKeyWarning",
  "Cache key contains characters that will cause errors if used with memcached: 'user profile:42'", "cache-key-characters", "cache-key-format")
m(O, "functools", "functools.py", '"Cannot assign the same cached_property to two different names "', "TypeError",
  "Cannot assign the same cached_property to two different names ('total' and 'amount').", "cached-property-two-names", "api-misuse")
m(O, "flask_caching", "flask_caching/__init__.py", 'f"CACHE_SERIALIZER is set but {type(cache).__name__} does not use"', "UserWarning",
  "CACHE_SERIALIZER is set but SimpleCache does not usea serializer.", "serializer-unused", "config-invalid")
m(O, "cachetools", "cachetools/__init__.py", 'raise ValueError("value too large")', "ValueError", "value too large", "value-too-large", "config-invalid")
m(O, "channels", "channels/generic/websocket.py", '"BACKEND is unconfigured or doesn\'t support groups"', "channels.exceptions.InvalidChannelLayerError",
  "BACKEND is unconfigured or doesn't support groups", "channel-layer-unconfigured", "config-missing")
