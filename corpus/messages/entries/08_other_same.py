# "other": messages of the SAME libraries that appear in categories 1-7, whose
# mechanism is a plain bug / misconfiguration / bad input, not a category.
O = "other"
SA = "sqlalchemy"
m(O, SA, "sqlalchemy/orm/relationships.py", '"relationship %s - there are no foreign keys "', "sqlalchemy.exc.NoForeignKeysError",
  "Could not determine join condition between parent/child tables on relationship User.orders - there are no foreign keys linking these tables.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression.",
  "no-join-condition", "orm-misconfiguration", nth=2)
m(O, SA, "sqlalchemy/orm/mapper.py", 'f"Mapper \'{self}\' has no property \'{key}\'.  If this property "', "sqlalchemy.exc.InvalidRequestError",
  "Mapper 'Mapper[User(users)]' has no property 'orders'.  If this property was indicated from other mappers or configure events, ensure registry.configure() has been called.", "mapper-no-property", "orm-misconfiguration")
m(O, SA, "sqlalchemy/orm/clsregistry.py", '"When initializing mapper %s, expression %r failed to "', "sqlalchemy.exc.InvalidRequestError",
  "When initializing mapper Mapper[User(users)], expression 'Order' failed to locate a name ('Order'). If this is a class name, consider adding this relationship() to the <class 'app.models.User'> class after both dependent classes have been defined.", "mapper-name-not-located", "orm-misconfiguration")
m(O, SA, "sqlalchemy/engine/_result_cy.py", '"No row was found when one was required"', "sqlalchemy.exc.NoResultFound",
  "No row was found when one was required", "no-result-found", "missing-row")
m(O, SA, "sqlalchemy/engine/_result_cy.py", '"Multiple rows were found when exactly one was required"', "sqlalchemy.exc.MultipleResultsFound",
  "Multiple rows were found when exactly one was required", "multiple-results", "unexpected-duplicates")
m(O, SA, "sqlalchemy/sql/coercions.py", '"%(extra)sTextual SQL expression %(expr)r %(argname)sshould be "', "sqlalchemy.exc.ArgumentError",
  "Textual SQL expression 'SELECT 1' should be explicitly declared as text('SELECT 1')", "textual-sql", "api-misuse")
LSQ = "/lib/x86_64-linux-gnu/libsqlite3.so.0"
m(O, "sqlite3", LSQ, "UNIQUE constraint failed: %s.%s", "sqlite3.IntegrityError", "UNIQUE constraint failed: users.email", "unique-constraint", "unique-violation")
m(O, "sqlite3", LSQ, "FOREIGN KEY constraint failed", "sqlite3.IntegrityError", "FOREIGN KEY constraint failed", "fk-constraint", "fk-violation")
m(O, "sqlite3", LSQ, "no such column: %s", "sqlite3.OperationalError", "no such column: users.last_login", "no-such-column", "schema-mismatch")
m(O, "sqlite3", LSQ, 'near "%T": syntax error', "sqlite3.OperationalError", 'near "FROM": syntax error', "syntax-error", "sql-syntax")
m(O, "psycopg", "psycopg/_queries.py", 'f"the query has {len(parts) - 1} placeholders but"', "psycopg.ProgrammingError",
  "the query has 2 placeholders but 1 parameters were passed", "placeholder-count", "sql-params")
m(O, "redis", "redis/_parsers/encoders.py", 'f"Invalid input of type: \'{typename}\'. "', "redis.exceptions.DataError",
  "Invalid input of type: 'dict'. Convert to a bytes, string, int or float first.", "invalid-input-type", "bad-input-type")
m(O, "requests", "requests/models.py", 'f"Invalid URL {url!r}: No scheme supplied. "', "requests.exceptions.MissingSchema",
  "Invalid URL 'api.example.com/v1/prices': No scheme supplied. Perhaps you meant https://api.example.com/v1/prices?", "missing-schema", "invalid-url")
m(O, "requests", "requests/models.py", 'raise InvalidURL(f"Invalid URL {url!r}: No host supplied")', "requests.exceptions.InvalidURL",
  "Invalid URL 'https://': No host supplied", "no-host", "invalid-url")
m(O, "httpcore", "httpcore/_sync/connection_pool.py", '"Request URL is missing an \'http://\' or \'https://\' protocol."', "httpx.UnsupportedProtocol",
  "Request URL is missing an 'http://' or 'https://' protocol.", "missing-protocol", "invalid-url")
m(O, "websockets", "websockets/exceptions.py", 'return f"{self.uri} isn\'t a valid URI: {self.msg}"', "websockets.exceptions.InvalidURI",
  "localhost:8000/ws isn't a valid URI: scheme isn't ws or wss", "invalid-uri", "invalid-url")
JD = "json/decoder.py"
m(O, "json", JD, 'raise JSONDecodeError("Expecting value", s, err.value) from None', "json.decoder.JSONDecodeError",
  "Expecting value: line 1 column 1 (char 0)", "expecting-value", "json-decode")
m(O, "json", JD, '"Expecting property name enclosed in double quotes", s, end)', "json.decoder.JSONDecodeError",
  "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", "property-name-quotes", "json-decode")
m(O, "json", JD, 'raise JSONDecodeError("Extra data", s, end)', "json.decoder.JSONDecodeError",
  "Extra data: line 1 column 5 (char 4)", "extra-data", "json-decode")
m(O, "yaml", "yaml/scanner.py", '"mapping values are not allowed here",', "yaml.scanner.ScannerError",
  'mapping values are not allowed here\n  in "config.yml", line 3, column 12', "mapping-values", "yaml-syntax")
m(O, "yaml", "yaml/composer.py", 'raise ComposerError("expected a single document in the stream",', "yaml.composer.ComposerError",
  'expected a single document in the stream\n  in "config.yml", line 1, column 1\nbut found another document\n  in "config.yml", line 5, column 1', "single-document", "yaml-syntax")
m(O, "click", "click/exceptions.py", 'message = _("No such option {name!r}.").format(name=option_name)', "click.exceptions.NoSuchOption",
  "No such option '--verbose'.", "no-such-option", "cli-usage")
m(O, "click", "click/core.py", '"Got unexpected extra argument ({args})",', "click.exceptions.UsageError",
  "Got unexpected extra argument (extra)", "unexpected-extra-argument", "cli-usage")
m(O, "click", "click/exceptions.py", 'missing = _("Missing argument")', "click.exceptions.MissingParameter",
  "Missing argument 'SRC'.", "missing-argument", "cli-usage", check=False)
m(O, "sklearn", "sklearn/utils/validation.py", 'f"X has {n_features} features, but {estimator.__class__.__name__} "', "ValueError",
  "X has 5 features, but LogisticRegression is expecting 4 features as input.", "n-features-mismatch", "shape-mismatch")
m(O, "sklearn", "sklearn/utils/validation.py", '"Found input variables with inconsistent numbers of samples: %r"', "ValueError",
  "Found input variables with inconsistent numbers of samples: [100, 99]", "inconsistent-samples", "shape-mismatch")
m(O, "torch", "torch/nn/functional.py", 'f"Using a target size ({target.size()}) that is different to the input size ({input.size()}). "', "UserWarning",
  "Using a target size (torch.Size([32])) that is different to the input size (torch.Size([32, 1])). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.", "target-size", "shape-mismatch", check=False)
m(O, "torch", "torch/lib/libtorch_cpu.so", "Expected all tensors to be on the same device, but found at least two devices, ", "RuntimeError",
  "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!", "same-device", "device-mismatch")
m(O, "numpy", "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", "operands could not be broadcast together with shapes %S", "ValueError",
  "operands could not be broadcast together with shapes (3,4) (3,) ", "broadcast", "shape-mismatch")
m(O, "safetensors", "safetensors/torch.py", 'f"You are trying to save a non contiguous tensor: `{k}` which is not allowed. It either means you"', "ValueError",
  "You are trying to save a non contiguous tensor: `encoder.weight` which is not allowed. It either means you are trying to save tensors which are reference of each other in which case it's recommended to save only the full tensors, and reslice at load time, or simply call `.contiguous()` on your tensor to pack it before saving.",
  "non-contiguous-save", "api-misuse")
m(O, "pickle", "pickle.py", 'raise PicklingError("Can\'t pickle %r object: %r" %', "_pickle.PicklingError",
  "Can't pickle 'lock' object: <unlocked _thread.lock object at 0x7f1d2c3b4a80>", "cant-pickle-object", "unpicklable-object")
m(O, "transformers", "transformers/tokenization_utils_base.py", '"Asking to pad but the tokenizer does not have a padding token. "', "ValueError",
  "Asking to pad but the tokenizer does not have a padding token. Please select a token to use as `pad_token` `(tokenizer.pad_token = tokenizer.eos_token e.g.)` or add a new pad token via `tokenizer.add_special_tokens({'pad_token': '[PAD]'})`.", "no-pad-token", "tokenizer-config")
m(O, "huggingface_hub", "huggingface_hub/utils/_validators.py", '"Repo id must be in the form \'repo_name\' or \'namespace/repo_name\':"', "huggingface_hub.errors.HFValidationError",
  "Repo id must be in the form 'repo_name' or 'namespace/repo_name': './models/sentiment/v2'. Use `repo_type` argument if needed.", "repo-id-form", "invalid-identifier")
m(O, "django", "django/conf/__init__.py", '"Requested %s, but settings are not configured. "', "django.core.exceptions.ImproperlyConfigured",
  "Requested setting INSTALLED_APPS, but settings are not configured. You must either define the environment variable DJANGO_SETTINGS_MODULE or call settings.configure() before accessing settings.", "settings-not-configured", "settings-not-configured")
m(O, "werkzeug", "werkzeug/exceptions.py", '"The requested URL was not found on the server. If you entered"', "werkzeug.exceptions.NotFound",
  "404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.", "not-found", "http-404")
m(O, "werkzeug", "werkzeug/exceptions.py", 'description = "The method is not allowed for the requested URL."', "werkzeug.exceptions.MethodNotAllowed",
  "405 Method Not Allowed: The method is not allowed for the requested URL.", "method-not-allowed", "http-405")
m(O, "rest_framework", "rest_framework/exceptions.py", "default_detail = _('Authentication credentials were not provided.')", "rest_framework.exceptions.NotAuthenticated",
  "Authentication credentials were not provided.", "not-authenticated", "auth-missing")
m(O, "rest_framework", "rest_framework/fields.py", "'required': _('This field is required.'),", "rest_framework.exceptions.ValidationError",
  "{'email': [ErrorDetail(string='This field is required.', code='required')]}", "field-required", "input-validation")
m(O, "starlette", "starlette/routing.py", "super().__init__(f'No route exists for name \"{name}\" and params \"{params}\".')", "starlette.routing.NoMatchFound",
  'No route exists for name "get_user" and params "".', "no-route", "routing")
m(O, "botocore", "botocore/exceptions.py", "fmt = 'Unable to locate credentials'", "botocore.exceptions.NoCredentialsError",
  "Unable to locate credentials", "no-credentials", "credentials-missing")
m(O, "botocore", "botocore/exceptions.py", "fmt = 'You must specify a region.'", "botocore.exceptions.NoRegionError",
  "You must specify a region.", "no-region", "config-missing")
m(O, "stripe", "stripe/_api_requestor.py", '"No API key provided. (HINT: set your API key using "', "stripe._error.AuthenticationError",
  'No API key provided. (HINT: set your API key using "stripe.api_key = <API-KEY>"). You can generate API keys from the Stripe web interface.  See https://stripe.com/api for details, or email support@stripe.com if you have any questions.', "no-api-key", "credentials-missing", check=False)
m(O, "limits", "limits/util.py", "raise ValueError(f\"couldn't parse rate limit string '{limit_string}'\")", "ValueError",
  "couldn't parse rate limit string '5/minutes'", "parse-rate-limit-string", "config-parse")
m(O, "pytest", "_pytest/fixtures.py", 'msg = f"fixture \'{self.argname}\' not found"', "_pytest.fixtures.FixtureLookupError",
  "fixture 'db_session' not found", "fixture-not-found", "fixture-missing")
PC = "pydantic_core/_pydantic_core.cpython-311-x86_64-linux-gnu.so"
m(O, "pydantic_core", PC, "Field required", "pydantic_core._pydantic_core.ValidationError",
  "1 validation error for UserCreate\nemail\n  Field required [type=missing, input_value={'name': 'Ada'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/missing", "field-required", "input-validation")
m(O, "pydantic_core", PC, "Input should be a valid integer, unable to parse string as an integer", "pydantic_core._pydantic_core.ValidationError",
  "1 validation error for Order\nquantity\n  Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input_value='ten', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.12/v/int_parsing", "int-parsing", "input-validation")
m(O, "pydantic_core", PC, "Extra inputs are not permitted", "pydantic_core._pydantic_core.ValidationError",
  "1 validation error for Settings\ndebug_mode\n  Extra inputs are not permitted [type=extra_forbidden, input_value='1', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.12/v/extra_forbidden", "extra-forbidden", "input-validation")
m(O, "aiohttp", "aiohttp/client.py", '"Cannot combine AUTH argument with "', "ValueError",
  "Cannot combine AUTH argument with credentials encoded in URL", "auth-and-url-credentials", "api-misuse", check=False)
m(O, "prometheus_client", "prometheus_client/metrics.py", "raise ValueError('Incorrect label names')", "ValueError", "Incorrect label names", "incorrect-label-names", "api-misuse")
