O = "other"
# more same-library negatives
m(O, "aiohttp", "aiohttp/client_reqrep.py", '"Attempt to decode JSON with unexpected mimetype: %s" % ctype', "aiohttp.client_exceptions.ContentTypeError",
  "200, message='Attempt to decode JSON with unexpected mimetype: text/html', url='http://127.0.0.1:8080/api/prices'", "unexpected-mimetype", "content-type")
m(O, "httpx", "httpx/_exceptions.py", '"Attempted to access streaming response content,"', "httpx.ResponseNotRead",
  "Attempted to access streaming response content, without having called `read()`.", "response-not-read", "api-misuse")
m(O, "requests", "requests/sessions.py", 'f"Exceeded {self.max_redirects} redirects.", response=resp', "requests.exceptions.TooManyRedirects",
  "Exceeded 30 redirects.", "too-many-redirects", "redirect-loop")
m(O, "urllib3", "urllib3/exceptions.py", 'message = f"Failed to parse: {location}"', "urllib3.exceptions.LocationParseError",
  "Failed to parse: http://localhost:80a/api", "failed-to-parse", "invalid-url")
m(O, "sklearn", "sklearn/utils/validation.py", 'raise ValueError("Input contains NaN")', "ValueError", "Input contains NaN", "input-contains-nan", "bad-data")
m(O, "django", "django/apps/registry.py", 'raise AppRegistryNotReady("Apps aren\'t loaded yet.")', "django.core.exceptions.AppRegistryNotReady",
  "Apps aren't loaded yet.", "apps-not-loaded", "settings-not-configured")
m(O, "unittest", "unittest/mock.py", "raise InvalidSpecError(f'Cannot spec a Mock object. [object={spec!r}]')", "unittest.mock.InvalidSpecError",
  "Cannot spec a Mock object. [object=<Mock id='140234467321040'>]", "spec-a-mock", "api-misuse")
m(O, "yaml", "yaml/constructor.py", '"could not determine a constructor for the tag %r" % node.tag,', "yaml.constructor.ConstructorError",
  "could not determine a constructor for the tag '!Ref'\n  in \"template.yml\", line 12, column 14", "unknown-tag", "yaml-syntax")
m(O, "pytest", "_pytest/mark/structures.py", 'f"{name!r} not found in `markers` configuration option",', "_pytest.outcomes.Failed",
  "'integration' not found in `markers` configuration option", "marker-not-registered", "config-missing")
m(O, "sqlalchemy", "sqlalchemy/sql/selectable.py", '"Can\'t find any foreign key relationships "', "sqlalchemy.exc.NoForeignKeysError",
  "Can't find any foreign key relationships between 'users' and 'orders'.", "no-fk-relationship", "orm-misconfiguration")
# unrelated libraries
m(O, "jwt", "jwt/api_jwt.py", 'raise ExpiredSignatureError("Signature has expired")', "jwt.exceptions.ExpiredSignatureError",
  "Signature has expired", "signature-expired", "token-expired")
m(O, "jwt", "jwt/api_jwt.py", 'raise InvalidAudienceError("Audience doesn\'t match")', "jwt.exceptions.InvalidAudienceError",
  "Audience doesn't match", "audience-mismatch", "auth-invalid")
m(O, "itsdangerous", "itsdangerous/timed.py", 'f"Signature age {age} > {max_age} seconds",', "itsdangerous.exc.SignatureExpired",
  "Signature age 3605 > 3600 seconds", "signature-age", "token-expired")
m(O, "itsdangerous", "itsdangerous/signer.py", 'raise BadSignature(f"Signature {sig!r} does not match", payload=value)', "itsdangerous.exc.BadSignature",
  "Signature b'Jx2kP0aQ9vYc' does not match", "bad-signature", "auth-invalid")
m(O, "phonenumbers", "phonenumbers/phonenumberutil.py", '"The string supplied did not seem to be a phone number.")', "phonenumbers.phonenumberutil.NumberParseException",
  "(1) The string supplied did not seem to be a phone number.", "not-a-phone-number", "input-validation")
m(O, "dateutil", "dateutil/parser/_parser.py", 'raise ParserError("Unknown string format: %s", timestr)', "dateutil.parser._parser.ParserError",
  "Unknown string format: not a date", "unknown-string-format", "date-parse")
m(O, "babel", "babel/core.py", 'Exception.__init__(self, f"unknown locale {identifier!r}")', "babel.core.UnknownLocaleError",
  "unknown locale 'xx_YY'", "unknown-locale", "config-invalid")
m(O, "isodate", "isodate/isodates.py", 'raise ISO8601Error("Unrecognised ISO 8601 date format: %r" % datestring)', "isodate.isoerror.ISO8601Error",
  "Unrecognised ISO 8601 date format: '2024/01/02'", "unrecognised-date", "date-parse")
m(O, "iso8601", "iso8601/iso8601.py", 'raise ParseError(f"Unable to parse date string {datestring!r}")', "iso8601.iso8601.ParseError",
  "Unable to parse date string '2024-13-45T00:00:00'", "unable-to-parse", "date-parse")
m(O, "pendulum", "pendulum/parsing/__init__.py", 'raise ParserError(f"Invalid date string: {text}")', "pendulum.parsing.exceptions.ParserError",
  "Invalid date string: 2024-02-30", "invalid-date-string", "date-parse")
m(O, "arrow", "arrow/arrow.py", 'raise ValueError(f"{expr!r} not recognized as a datetime or timestamp.")', "ValueError",
  "'soon' not recognized as a datetime or timestamp.", "not-recognized", "date-parse")
m(O, "xmltodict", "xmltodict.py", 'raise ValueError("Document must have exactly one root.")', "ValueError",
  "Document must have exactly one root.", "one-root", "bad-input-shape")
m(O, "sqlglot", "sqlglot/__init__.py", 'raise ParseError(f"No expression was parsed from \'{sql}\'")', "sqlglot.errors.ParseError",
  "No expression was parsed from ''", "no-expression", "sql-syntax")
m(O, "semver", "semver/version.py", 'raise ValueError(f"{version} is not valid SemVer string")', "ValueError",
  "1.2 is not valid SemVer string", "invalid-semver", "input-validation")
m(O, "furl", "furl/furl.py", 'raise ValueError("Invalid port \'%s\'." % port)', "ValueError", "Invalid port 'x'.", "invalid-port", "invalid-url")
m(O, "yarl", "yarl/_url.py", 'raise ValueError("URL should be absolute")', "ValueError", "URL should be absolute", "url-not-absolute", "invalid-url")
m(O, "email_validator", "email_validator/syntax.py", 'raise EmailSyntaxError("An email address must have an @-sign.")', "email_validator.exceptions.EmailSyntaxError",
  "An email address must have an @-sign.", "no-at-sign", "input-validation")
m(O, "dns", "dns/resolver.py", 'msg = "The DNS query name does not exist"', "dns.resolver.NXDOMAIN",
  "The DNS query name does not exist: mail.example.invalid.", "nxdomain", "dns-resolution")
m(O, "alembic", "alembic/autogenerate/api.py", 'raise util.CommandError("Target database is not up to date.")', "alembic.util.exc.CommandError",
  "Target database is not up to date.", "db-not-up-to-date", "migration-state")
m(O, "alembic", "alembic/script/base.py", 'resolution = "Can\'t locate revision identified by \'%s\'" % (', "alembic.util.exc.CommandError",
  "Can't locate revision identified by 'ae1027a6acf'", "cant-locate-revision", "migration-state")
m(O, "graphviz", "graphviz/backend/execute.py", "_msg = ('failed to execute {!r}, '", "graphviz.backend.execute.ExecutableNotFound",
  "failed to execute PosixPath('dot'), make sure the Graphviz executables are on your systems' PATH", "executable-not-found", "missing-system-binary")
m(O, "rich", "rich/markup.py", 'f"closing tag \'{tag.markup}\' at position {position} doesn\'t match any open tag"', "rich.errors.MarkupError",
  "closing tag '[/bold]' at position 12 doesn't match any open tag", "markup-closing-tag", "format-string")
m(O, "sympy", "sympy/core/sympify.py", 'return ("Sympify of expression \'%s\' failed, because of exception being "', "sympy.core.sympify.SympifyError",
  "Sympify of expression 'could not parse '2*x +'' failed, because of exception being raised:\nSyntaxError: invalid syntax (<string>, line 1)", "sympify-failed", "expression-parse")
m(O, "dacite", "dacite/exceptions.py", 'return f\'missing value for field "{self.field_path}"\'', "dacite.exceptions.MissingValueError",
  'missing value for field "user.email"', "missing-value", "input-validation")
m(O, "openpyxl", "openpyxl/utils/cell.py", 'raise ValueError(f"{coord_string} is not a valid coordinate range")', "ValueError",
  "A1:B is not a valid coordinate range", "invalid-coordinate-range", "input-validation")
m(O, "openpyxl", "openpyxl/worksheet/_write_only.py", "raise WorkbookAlreadySaved('Workbook has already been saved and cannot be modified or saved anymore.')", "openpyxl.utils.exceptions.WorkbookAlreadySaved",
  "Workbook has already been saved and cannot be modified or saved anymore.", "workbook-already-saved", "api-misuse")
m(O, "tablib", "tablib/core.py", "raise UnsupportedFormat(f'Format {format} cannot be imported.')", "tablib.exceptions.UnsupportedFormat",
  "Format xlsx cannot be imported.", "unsupported-format", "missing-optional-dependency")
m(O, "cattrs", "cattrs/converters.py", 'raise CattrsError(f"{val} not in literal {type}")', "cattrs.errors.CattrsError",
  "pending not in literal typing.Literal['open', 'closed']", "not-in-literal", "input-validation")
m(O, "graphql", "graphql/type/scalars.py", 'raise GraphQLError("String cannot represent value: " + inspect(output_value))', "graphql.error.graphql_error.GraphQLError",
  "String cannot represent value: {'id': 1}", "string-cannot-represent", "schema-mismatch")
m(O, "multipart", "multipart.py", 'raise ParserError("Empty boundary")', "multipart.ParserError", "Empty boundary", "empty-boundary", "bad-request-body")
m(O, "h11", "h11/_readers.py", 'raise LocalProtocolError("illegal request line")', "h11._util.RemoteProtocolError",
  "illegal request line", "illegal-request-line", "bad-request-body")
m(O, "markdown_it", "markdown_it/main.py", 'raise KeyError(f"Wrong `markdown-it` preset \'{presets}\', check name")', "KeyError",
  "\"Wrong `markdown-it` preset 'gfm', check name\"", "wrong-preset", "config-invalid")
m(O, "faker", "faker/providers/python/__init__.py", 'raise ValueError("Min value cannot be greater than max value")', "ValueError",
  "Min value cannot be greater than max value", "min-greater-than-max", "api-misuse")
m(O, "dotenv", "dotenv/main.py", 'raise IOError("File not found")', "OSError", "File not found", "dotenv-file-not-found", "config-missing")
m(O, "marshmallow", "marshmallow/fields.py", 'default_error_messages = {"invalid": "Not a valid email address."}', "marshmallow.exceptions.ValidationError",
  "{'email': ['Not a valid email address.']}", "invalid-email", "input-validation", check=False)
m(O, "marshmallow", "marshmallow/fields.py", 'default_error_messages = {"invalid": "Not a valid integer."}', "marshmallow.exceptions.ValidationError",
  "{'age': ['Not a valid integer.']}", "invalid-integer", "input-validation", check=False)
# standard library
m(O, "uuid", "uuid.py", "raise ValueError('badly formed hexadecimal UUID string')", "ValueError",
  "badly formed hexadecimal UUID string", "bad-uuid", "input-validation")
m(O, "ipaddress", "ipaddress.py", "raise ValueError(f'{address!r} does not appear to be an IPv4 or IPv6 address')", "ValueError",
  "'10.0.0.256' does not appear to be an IPv4 or IPv6 address", "bad-ip", "input-validation")
m(O, "datetime", "_strptime.py", 'raise ValueError("time data %r does not match format %r" %', "ValueError",
  "time data '2024-01-02 10:00' does not match format '%Y-%m-%dT%H:%M:%S'", "strptime-format", "date-parse")
m(O, "datetime", "_strptime.py", 'raise ValueError("unconverted data remains: %s" %', "ValueError",
  "unconverted data remains: Z", "unconverted-data", "date-parse")
m(O, "zipfile", "zipfile.py", 'raise BadZipFile("File is not a zip file")', "zipfile.BadZipFile", "File is not a zip file", "bad-zip", "corrupt-archive")
m(O, "configparser", "configparser.py", "Error.__init__(self, 'No section: %r' % (section,))", "configparser.NoSectionError",
  "No section: 'database'", "no-section", "config-missing")
m(O, "configparser", "configparser.py", 'Error.__init__(self, "No option %r in section: %r" %', "configparser.NoOptionError",
  "No option 'url' in section: 'database'", "no-option", "config-missing")
m(O, "tomllib", "tomllib/_parser.py", 'raise suffixed_err(src, pos, "Invalid statement")', "tomllib.TOMLDecodeError",
  "Invalid statement (at line 3, column 1)", "invalid-statement", "toml-syntax")
m(O, "argparse", "argparse.py", "msg = _('invalid choice: %(value)r (choose from %(choices)s)')", "argparse.ArgumentError",
  "argument --env: invalid choice: 'stage' (choose from 'dev', 'prod')", "invalid-choice", "cli-usage")
m(O, "argparse", "argparse.py", "self.error(_('the following arguments are required: %s') %", "SystemExit",
  "the following arguments are required: --config", "required-arguments", "cli-usage")
m(O, "base64", "base64.py", "raise binascii.Error('Incorrect padding')", "binascii.Error", "Incorrect padding", "incorrect-padding", "bad-input-encoding")
