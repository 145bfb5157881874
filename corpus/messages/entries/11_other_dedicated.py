# "other" rows from the libraries that otherwise only show up in one category
# (mock, rate-limit, cache, websocket, ML, async libraries): plain misuse or
# misconfiguration, so the library name alone does not give the category away.
O = "other"
m(O, "responses", "responses/matchers.py", 'raise TypeError("files argument cannot be empty")', "TypeError",
  "files argument cannot be empty", "empty-files-matcher", "api-misuse")
m(O, "respx", "respx/router.py", 'raise TypeError("Got multiple values for pattern \'method\'")', "TypeError",
  "Got multiple values for pattern 'method'", "duplicate-pattern", "api-misuse")
m(O, "requests_mock", "requests_mock/mocker.py", 'raise TypeError("Only a requests.Session object can be mocked")', "TypeError",
  "Only a requests.Session object can be mocked", "session-only", "api-misuse")
m(O, "pytest_httpx", "pytest_httpx/_request_matcher.py", 'raise ValueError("URL must be provided when match_params is used.")', "ValueError",
  "URL must be provided when match_params is used.", "url-required", "api-misuse")
m(O, "pytest_httpserver", "pytest_httpserver/httpserver.py", 'raise ValueError("data and json parameters are mutually exclusive")', "ValueError",
  "data and json parameters are mutually exclusive", "data-and-json", "api-misuse")
m(O, "slowapi", "slowapi/extension.py", 'raise ConfigurationError("Invalid rate limiting strategy %s" % strategy)', "limits.errors.ConfigurationError",
  "Invalid rate limiting strategy sliding-window", "invalid-strategy", "config-invalid")
m(O, "pyrate_limiter", "pyrate_limiter/buckets/sqlite_bucket.py", 'raise ValueError("db_path must be specified when using use_file_lock")', "ValueError",
  "db_path must be specified when using use_file_lock", "db-path-required", "config-missing")
m(O, "tenacity", "tenacity/asyncio/__init__.py", 'raise TypeError("AsyncRetrying object is not iterable")', "TypeError",
  "AsyncRetrying object is not iterable", "async-retrying-not-iterable", "api-misuse")
m(O, "openai", "openai/resources/beta/threads/runs/runs.py", 'raise ValueError(f"Expected a non-empty value for `run_id` but received {run_id!r}")', "ValueError",
  "Expected a non-empty value for `run_id` but received ''", "empty-run-id", "input-validation")
m(O, "slack_sdk", "slack_sdk/web/client.py", 'raise e.SlackRequestError("The file or content argument must be specified.")', "slack_sdk.errors.SlackRequestError",
  "The file or content argument must be specified.", "file-or-content", "api-misuse")
m(O, "tweepy", "tweepy/api.py", "raise TweepyException('Authentication required!')", "tweepy.errors.TweepyException",
  "Authentication required!", "auth-required", "auth-missing")
m(O, "github", "github/Auth.py", 'raise RuntimeError("Cannot refresh expired token because no refresh token has been provided")', "RuntimeError",
  "Cannot refresh expired token because no refresh token has been provided", "no-refresh-token", "auth-missing")
m(O, "onnx", "onnx/helper.py", 'raise ValueError(f"Node has no attribute with name {attr_name}")', "ValueError",
  "Node has no attribute with name axis", "node-no-attribute", "api-misuse")
m(O, "lightgbm", "lightgbm/basic.py", 'raise LightGBMError("Cannot get num_feature before construct dataset")', "lightgbm.basic.LightGBMError",
  "Cannot get num_feature before construct dataset", "dataset-not-constructed", "api-misuse")
m(O, "catboost", "catboost/core.py", 'raise CatBoostError("Invalid length of feature_names={} : must be equal to the number of columns in data={}".format(len(feature_names), num_col))', "_catboost.CatBoostError",
  "Invalid length of feature_names=4 : must be equal to the number of columns in data=5", "feature-names-length", "shape-mismatch")
m(O, "cashews", "cashews/serialize.py", 'raise UnsupportedDigestmod("xxhash is not installed")', "cashews.exceptions.UnsupportedDigestmod",
  "xxhash is not installed", "xxhash-missing", "missing-optional-dependency")
m(O, "psycopg_pool", "psycopg_pool/base.py", 'raise ValueError("max_size must be greater or equal than min_size")', "ValueError",
  "max_size must be greater or equal than min_size", "max-lt-min", "config-invalid")
m(O, "uvicorn", "uvicorn/protocols/http/h11_impl.py", 'raise RuntimeError(f"Unexpected ASGI message \'{message[\'type\']}\' sent, after response already completed.")', "RuntimeError",
  "Unexpected ASGI message 'http.response.body' sent, after response already completed.", "message-after-response", "app-bug")
m(O, "asgiref", "asgiref/sync.py", 'raise TypeError("sync_to_async can only be applied to sync functions.")', "TypeError",
  "sync_to_async can only be applied to sync functions.", "sync-to-async-on-async", "api-misuse")
m(O, "sniffio", "sniffio/_impl.py", 'raise RuntimeError(f"Unsupported library {library!r}")', "RuntimeError",
  "Unsupported library 'curio'", "unsupported-library", "config-invalid")
m(O, "engineio", "engineio/base_server.py", "raise ValueError('Invalid async_mode specified')", "ValueError",
  "Invalid async_mode specified", "invalid-async-mode", "config-invalid")
m(O, "beaker", "beaker/cache.py", 'raise BeakerException("NamespaceManager name conflict,\'%s\' "', "beaker.exceptions.BeakerException",
  "NamespaceManager name conflict,'redis' already loaded", "namespace-conflict", "config-invalid", check=False)
