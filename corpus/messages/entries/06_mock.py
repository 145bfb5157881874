C = "6"
R = "responses/__init__.py"
m(C, "responses", R, '"Connection refused by Responses - the call doesn\'t "', "requests.exceptions.ConnectionError",
  "Connection refused by Responses - the call doesn't match any registered mock.\n\nRequest: \n- GET https://api.example.com/v1/prices?symbol=AAPL\n\nAvailable matches:\n- GET https://api.example.com/v1/quotes URL does not match\n",
  "connection-refused-unmatched", "unmocked-endpoint")
m(C, "responses", R, '"Not all requests have been executed {!r}".format(', "AssertionError",
  "Not all requests have been executed [('GET', 'https://api.example.com/v1/prices')]", "not-all-executed", "unused-mock")
HX = "pytest_httpx/_httpx_mock.py"
m(C, "pytest_httpx", HX, 'message = f"No response can be found for {RequestDescription(real_transport, request, matchers)}"', "httpx.TimeoutException",
  "No response can be found for GET request on https://api.example.com/v1/prices", "no-response-found", "unmocked-endpoint")
m(C, "pytest_httpx", HX, '"The following responses are mocked but not requested:\\n"', "AssertionError",
  "The following responses are mocked but not requested:\n- Match GET request on https://api.example.com/v1/prices\n\nIf this is on purpose, refer to https://github.com/Colin-b/pytest_httpx/blob/master/README.md#allow-to-register-more-responses-than-what-will-be-requested",
  "mocked-not-requested", "unused-mock")
m(C, "pytest_httpx", HX, 'f"The following requests were not expected:\\n"', "AssertionError",
  "The following requests were not expected:\n- POST request on https://api.example.com/v1/orders\n\nIf this is on purpose, refer to https://github.com/Colin-b/pytest_httpx/blob/master/README.md#allow-to-not-register-responses-for-every-request",
  "requests-not-expected", "unmocked-endpoint")
m(C, "respx", "respx/router.py", 'raise AllMockedAssertionError(f"RESPX: {request!r} not mocked!")', "respx.models.AllMockedAssertionError",
  "RESPX: <Request('GET', 'https://api.example.com/v1/prices')> not mocked!", "not-mocked", "unmocked-endpoint")
m(C, "respx", "respx/router.py", 'assert not_called_routes == [], "RESPX: some routes were not called!"', "AssertionError",
  "RESPX: some routes were not called!", "routes-not-called", "unused-mock")
m(C, "requests_mock", "requests_mock/exceptions.py", 'return "No mock address: %s %s" % (self.request.method,', "requests_mock.exceptions.NoMockAddress",
  "No mock address: GET https://api.example.com/v1/prices", "no-mock-address", "unmocked-endpoint")
m(C, "httpretty", "httpretty/errors.py", "message = '{message}.\\n\\nIntercepted unknown {request.method} request {request.url}\\n\\nWith headers {headers}'.format(**locals())", "httpretty.errors.UnmockedError",
  "Failed to handle network request.\n\nIntercepted unknown GET request https://api.example.com/v1/prices\n\nWith headers {\n  \"Accept\": \"*/*\"\n}\n\nTip: You could try setting (allow_net_connect=True) to allow unregistered requests through a real TCP connection in addition to (verbose=True) to debug the issue.",
  "unmocked-request", "unmocked-endpoint")
m(C, "pytest_httpserver", "pytest_httpserver/httpserver.py", 'text = "No handler found for request {!r} with data {!r}.".format(request, request.data)', "AssertionError",
  "No handler found for request <Request 'http://localhost:41235/v1/prices' [GET]> with data b''.", "no-handler", "unmocked-endpoint")
m(C, "pytest_httpserver", "pytest_httpserver/httpserver.py", '"Matching request handler found but no response defined: {} {}".format(request.method, request.path)', "pytest_httpserver.httpserver.NoHandlerError",
  "Matching request handler found but no response defined: GET /v1/prices", "no-response-defined", "incomplete-mock")
m(C, "pytest_httpserver", "pytest_httpserver/httpserver.py", 'self.add_assertion("All requests will be permanently failed due failed ordered handler")', "AssertionError",
  "All requests will be permanently failed due failed ordered handler", "ordered-handler-failed", "mock-order-mismatch")
m(C, "mocket", "mocket/mode.py", '"Mocket tried to use the real `socket` module while STRICT mode was active."', "mocket.exceptions.StrictMocketException",
  "Mocket tried to use the real `socket` module while STRICT mode was active.\nAttempted address: api.example.com:443\nRegistered entries:\n", "strict-mode-real-socket", "unmocked-endpoint")
m(C, "mocket", "mocket/mocket.py", 'raise AssertionError("Some Mocket entries have not been served")', "AssertionError",
  "Some Mocket entries have not been served", "entries-not-served", "unused-mock")
m(C, "pook", "pook/engine.py", 'msg += "=> Cannot match any mock for the " f"following request:\\n{request}"', "pook.exceptions.PookNoMatches",
  "pook error!\n\n=> Cannot match any mock for the following request:\n==================================================\nMethod: GET\nURL: https://api.example.com:443/v1/prices\n==================================================",
  "no-matches", "unmocked-endpoint")
BS = "botocore/stub.py"
m(C, "botocore", BS, "'Unexpected API Call: A call was made but no additional '", "botocore.exceptions.UnStubbedResponseError",
  "Error getting response stub for operation GetObject: Unexpected API Call: A call was made but no additional calls expected. Either the API Call was not stubbed or it was called multiple times.",
  "unexpected-api-call", "unmocked-endpoint")
m(C, "botocore", BS, "reason=f'Operation mismatch: found response for {name}.',", "botocore.exceptions.StubResponseError",
  "Error getting response stub for operation PutObject: Operation mismatch: found response for GetObject.", "operation-mismatch", "mock-order-mismatch")
m(C, "botocore", BS, "f'Expected parameters:\\n{pformat(expected_params)},\\n'", "botocore.exceptions.StubAssertionError",
  "Error getting response stub for operation GetObject: Expected parameters:\n{'Bucket': 'models', 'Key': 'ranker.pkl'},\nbut received:\n{'Bucket': 'models', 'Key': 'ranker-v2.pkl'}",
  "expected-parameters", "mock-request-mismatch")
m(C, "moto", "moto/core/responses.py", 'raise NotImplementedError(f"The {action} action has not been implemented")', "NotImplementedError",
  "The describe_stream_consumer action has not been implemented", "action-not-implemented", "incomplete-mock")
UM = "unittest/mock.py"
m(C, "unittest", UM, 'raise AttributeError("Mock object has no attribute %r" % name)', "AttributeError",
  "Mock object has no attribute 'get_prices'", "mock-no-attribute", "mock-spec-drift")
m(C, "unittest", UM, 'f"{name!r} is not a valid assertion. Use a spec "', "AttributeError",
  "'assert_called_once_with_args' is not a valid assertion. Use a spec for the mock if 'assert_called_once_with_args' is meant to be an attribute.", "not-valid-assertion", "mock-spec-drift")
m(C, "unittest", UM, "msg = (\"Expected '%s' to have been called once. Called %s times.%s\"", "AssertionError",
  "Expected 'fetch_prices' to have been called once. Called 2 times.\nCalls: [call('AAPL'), call('AAPL')].", "called-once", "mock-call-mismatch")
m(C, "unittest", UM, "msg = (\"Expected '%s' to have been called.\" %", "AssertionError",
  "Expected 'send_order' to have been called.", "not-called", "mock-call-mismatch")
m(C, "unittest", UM, "msg = (\"Expected '%s' to be called once. Called %s times.%s\"", "AssertionError",
  "Expected 'get' to be called once. Called 0 times.", "to-be-called-once", "mock-call-mismatch")
m(C, "unittest", UM, "error_message = ('expected call not found.\\nExpected: %s\\n  Actual: %s'", "AssertionError",
  "expected call not found.\nExpected: get('https://api.example.com/v1/prices', timeout=5)\n  Actual: not called.", "expected-call-not-found", "mock-call-mismatch")
m(C, "unittest", UM, "problem = 'Calls not found.'", "AssertionError",
  "Calls not found.\nExpected: [call('AAPL'), call('MSFT')]\n  Actual: [call('AAPL')]", "calls-not-found", "mock-call-mismatch")
m(C, "unittest", UM, 'msg = f"Expected {self._mock_name or \'mock\'} to have been awaited."', "AssertionError",
  "Expected fetch to have been awaited.", "not-awaited", "mock-call-mismatch")
m(C, "inspect", "inspect.py", "raise TypeError('missing a required argument: {arg!r}'. \\", "TypeError",
  "missing a required argument: 'symbol'", "autospec-missing-argument", "mock-spec-drift")
m(C, "jsonschema", "jsonschema/_keywords.py", 'yield ValidationError(f"{property!r} is a required property")', "jsonschema.exceptions.ValidationError",
  "'price' is a required property", "required-property", "mock-payload-shape")
m(C, "jsonschema", "jsonschema/_keywords.py", 'yield ValidationError(f"{instance!r} is not of type {reprs}")', "jsonschema.exceptions.ValidationError",
  "'101.5' is not of type 'number'", "wrong-type", "mock-payload-shape")
m(C, "jsonschema", "jsonschema/_keywords.py", 'error = "Additional properties are not allowed (%s %s unexpected)"', "jsonschema.exceptions.ValidationError",
  "Additional properties are not allowed ('last_price' was unexpected)", "additional-properties", "mock-payload-shape")
m(C, "openapi_core", "openapi_core/validation/response/exceptions.py", 'return "Missing response data"', "openapi_core.validation.response.exceptions.MissingData",
  "Missing response data", "missing-response-data", "mock-payload-shape")
m(C, "openapi_core", "openapi_core/validation/response/exceptions.py", 'return f"Missing required header: {self.name}"', "openapi_core.validation.response.exceptions.MissingRequiredHeader",
  "Missing required header: X-RateLimit-Remaining", "missing-required-header", "mock-payload-shape")
m(C, "openapi_core", "openapi_core/templating/responses/exceptions.py", 'return f"Unknown response http status: {str(self.http_status)}"', "openapi_core.templating.responses.exceptions.ResponseNotFound",
  "Unknown response http status: 418", "unknown-response-status", "mock-payload-shape")
m(C, "betamax", "betamax/adapter.py", 'A request was made to {url} that could not be found in {cassette_file_path}.', "betamax.exceptions.BetamaxError",
  "A request was made that could not be handled.\n\nA request was made to https://api.example.com/v1/prices that could not be found in tests/cassettes/test_prices.json.\n\nThe settings on the cassette are:\n\n    - record_mode: once\n    - match_options {'method', 'uri'}.\n",
  "unhandled-request", "cassette-miss")
m(C, "betamax", "betamax/adapter.py", "raise BetamaxError('No cassette was specified or found.')", "betamax.exceptions.BetamaxError",
  "No cassette was specified or found.", "no-cassette", "cassette-miss")
m(C, "pytest_recording", "pytest_recording/network.py", 'raise RuntimeError(f"Network is disabled for host {host!r}")', "RuntimeError",
  "Network is disabled for host 'api.example.com'", "network-disabled", "unmocked-endpoint")
m(C, "pytest_recording", "pytest_recording/_vcr.py", 'raise CassetteNotFoundError("No cassettes found.")', "pytest_recording._vcr.CassetteNotFoundError",
  "No cassettes found.", "no-cassettes", "cassette-miss")
m(C, "mockito", "mockito/verification.py", 'raise VerificationError("\\nWanted times: %i, actual times: %i"', "mockito.verification.VerificationError",
  "\nWanted times: 1, actual times: 0", "wanted-times", "mock-call-mismatch")
