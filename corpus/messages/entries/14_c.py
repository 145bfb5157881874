# Session 14 (helper c): categories 6 (API mocks) and 7 (rate limiting), plus `other` rows from the same new
# libraries, read from /work/venvs/s14c (pytest-socket, flexmock, doublex, mock, anthropic, groq, mistralai,
# python-telegram-bot, discord.py, spotipy, python-gitlab, hvac, twilio, azure-core, elasticsearch, jira, zenpy).
# Most messages were confirmed by raising them in that venv (flexmock, doublex, mock, anthropic/groq/mistralai
# through an httpx MockTransport, azure-core, elasticsearch).
S = "s14c"
lib("pytest_socket", S, "pytest-socket"); lib("flexmock", S, "flexmock"); lib("doublex", S, "doublex")
lib("mock", S, "mock"); lib("anthropic", S, "anthropic"); lib("groq", S, "groq"); lib("mistralai", S, "mistralai")
lib("telegram", S, "python-telegram-bot"); lib("discord", S, "discord.py"); lib("spotipy", S, "spotipy")
lib("gitlab", S, "python-gitlab"); lib("hvac", S, "hvac"); lib("twilio", S, "twilio"); lib("azure.core", S, "azure-core")
lib("elasticsearch", S, "elasticsearch"); lib("jira", S, "jira"); lib("zenpy", S, "zenpy")

PS = "pytest_socket/__init__.py"
FM = "flexmock/_api.py"
DX = "doublex/matchers.py"
MK = "mock/mock.py"
HV = "hvac/exceptions.py"
TW = "twilio/base/version.py"
AZ = "azure/core/exceptions.py"
ES = "elasticsearch/exceptions.py"
SP = "spotipy/client.py"

# ---------------------------------------------------------------- 6: API mocks
C = "6"
# pytest-socket: the test escaped its mocks and reached for the network (real service hit)
m(C, "pytest_socket", PS, 'msg: str = "A test tried to use socket.socket.",', "pytest_socket.SocketBlockedError",
  "A test tried to use socket.socket.", "socket-blocked", "real-service-hit")
m(C, "pytest_socket", PS, 'raise SocketBlockedError("A test tried to use socket.getaddrinfo.")', "pytest_socket.SocketBlockedError",
  "A test tried to use socket.getaddrinfo.", "getaddrinfo-blocked", "real-service-hit")
m(C, "pytest_socket", PS, 'f\'with host "{host}" (allowed: "{allowed_str}").\'', "pytest_socket.SocketConnectBlockedError",
  'A test tried to use socket.socket.connect() with host "93.184.216.34" (allowed: "127.0.0.1,::1").', "connect-blocked", "real-service-hit")
# flexmock
m(C, "flexmock", FM, 'f"Arguments for call {name} did not match expectations:\\n"', "flexmock.exceptions.MethodSignatureError",
  'Arguments for call get_price did not match expectations:\n  Received call:\tget_price("MSFT")\n  Expected call[1]:\tget_price(symbol="AAPL")',
  "arguments-not-matched", "mock-request-mismatch")
m(C, "flexmock", FM, 'f"{_format_args(str(self._name), self._args)} expected to be called "', "flexmock.exceptions.MethodCallError",
  'get_price(symbol="AAPL") expected to be called exactly 1 time, called 0 times', "expected-call-count", "unused-mock")
m(C, "flexmock", FM, 'raise FlexmockError(f"{obj_name} does not have attribute \'{name}\'")', "flexmock.exceptions.FlexmockError",
  "<app.clients.PriceClient object at 0x7f3cf984d5d0> does not have attribute 'fetch_quote'", "no-such-attribute", "mock-spec-drift")
m(C, "flexmock", FM, 'f"{self._name} requires at least {minimum} {arguments}, "', "flexmock.exceptions.MethodSignatureError",
  "get_price requires at least 2 arguments, expectation provided 1", "requires-at-least", "mock-spec-drift")
m(C, "flexmock", FM, 'f"{_format_args(str(expectation._name), args)} called before "', "flexmock.exceptions.CallOrderError",
  'authorize(order_id=42) called before reserve(order_id=42)', "call-order", "mock-order-mismatch")
# doublex
m(C, "doublex", "doublex/proxy.py", "reason = \"'%s' object has no attribute '%s'\" % \\", "AttributeError",
  "'PriceClient' object has no attribute 'fetch_quote'", "stub-no-attribute", "mock-spec-drift")
m(C, "doublex", "doublex/proxy.py", 'raise TypeError("%s.%s" % (self.proxy.collaborator_classname(), e))', "TypeError",
  "PriceClient.get_price() got an unexpected keyword argument 'region'", "stub-signature-mismatch", "mock-spec-drift")
m(C, "doublex", DX, 'description.append_text("this call was not expected:\\n")', "AssertionError",
  "\nExpected: these calls:\n          PriceClient.get_price('AAPL')\n     but: this call was not expected:\n          PriceClient.get_price('MSFT')\n",
  "call-not-expected", "mock-call-mismatch")
m(C, "doublex", DX, "description.append_text('calls that actually ocurred were:\\n')", "AssertionError",
  "\nExpected: these calls:\n          PriceClient.get_price('AAPL')\n     but: calls that actually ocurred were:\n          No one\n",
  "expected-calls-not-made", "unused-mock")
# mock (the PyPI backport of unittest.mock, its own module)
m(C, "mock", MK, 'msg = ("Expected \'%s\' to not have been called. Called %s times.%s"', "AssertionError",
  "Expected 'post' to not have been called. Called 1 times.\nCalls: [call('https://api.example.com/v1/orders', json={'qty': 1})].",
  "not-called-expected", "mock-call-mismatch")
m(C, "mock", MK, "'%s call not found' % expected_string", "AssertionError",
  "post('https://api.example.com/v1/orders', json={'qty': 2}) call not found", "any-call-not-found", "mock-call-mismatch")
m(C, "mock", MK, 'msg = (f"Expected {self._mock_name or \'mock\'} to have been awaited once."', "AssertionError",
  "Expected fetch_quote to have been awaited once. Awaited 0 times.", "awaited-once", "unused-mock")
m(C, "mock", MK, '"%s does not have the attribute %r" % (target, name)', "AttributeError",
  "<module 'app.clients.prices' from '/app/app/clients/prices.py'> does not have the attribute 'fetch_price'",
  "patch-target-missing", "mock-spec-drift")

# ---------------------------------------------------------------- 7: rate limiting
C = "7"
m(C, "anthropic", "anthropic/_error_classes.py", 'err_msg = f"{response.status_code} {text}" if response.status_code >= 400 else text',
  "anthropic.RateLimitError",
  "429 Number of request tokens has exceeded your per-minute rate limit (https://docs.anthropic.com/en/api/rate-limits); see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase. (request_id: req_011CVbq7K3Zt1pQ9wJ8sX2mA, path: /v1/messages, type: rate_limit_error)",
  "rate-limit-error", "upstream-429")
m(C, "anthropic", "anthropic/_error_classes.py", 'err_msg = f"{response.status_code} {text}" if response.status_code >= 400 else text',
  "anthropic.OverloadedError", "529 Overloaded (request_id: req_011CVbq9Tn4Wd2hL6yR5uE3c, path: /v1/messages, type: overloaded_error)",
  "overloaded-529", "upstream-429")
m(C, "groq", "groq/_base_client.py", 'err_msg = f"Error code: {response.status_code} - {body}"', "groq.RateLimitError",
  "Error code: 429 - {'error': {'message': 'Rate limit reached for model `llama-3.1-8b-instant` in organization `org_01jq8x` service tier `on_demand` on requests per minute (RPM): Limit 30, Used 30, Requested 1. Please try again in 2s.', 'type': 'requests', 'code': 'rate_limit_exceeded'}}",
  "error-code-429", "upstream-429")
m(C, "mistralai", "mistralai/client/chat.py", 'raise errors.SDKError("API error occurred", http_res, http_res_text)', "mistralai.client.errors.sdkerror.SDKError",
  'API error occurred: Status 429. Body: {"object":"error","message":"Requests rate limit exceeded","type":"rate_limited","param":null,"code":"1300"}',
  "status-429", "upstream-429")
m(C, "telegram", "telegram/error.py", 'super().__init__(f"Flood control exceeded. Retry in {self.retry_after} seconds")', "telegram.error.RetryAfter",
  "Flood control exceeded. Retry in 30 seconds", "flood-control-retry-after", "upstream-429")
m(C, "telegram", "telegram/ext/_aioratelimiter.py", '"Rate limit hit after maximum of %d retries", max_retries, exc_info=exc', None,
  "Rate limit hit after maximum of 0 retries", "max-retries-log", "upstream-429")
m(C, "discord", "discord/errors.py", "super().__init__(f'Too many requests. Retry in {retry_after:.2f} seconds.')", "discord.errors.RateLimited",
  "Too many requests. Retry in 12.50 seconds.", "too-many-requests", "upstream-429")
m(C, "discord", "discord/http.py", "fmt = 'We are being rate limited. %s %s responded with 429. Retrying in %.2f seconds.'", None,
  "We are being rate limited. POST https://discord.com/api/v10/channels/112233445566778899/messages responded with 429. Retrying in 1.25 seconds.",
  "being-rate-limited-log", "upstream-429")
m(C, "spotipy", SP, 'f"{request.path_url}:\\n Max Retries",', "spotipy.exceptions.SpotifyException",
  "http status: 429, code: -1 - /v1/search?q=abba&limit=10&offset=0&type=track:\n Max Retries, reason: too many 429 error responses",
  "max-retries-429", "upstream-429")
m(C, "gitlab", "gitlab/exceptions.py", 'return f"{self.response_code}: {self.error_message}"', "gitlab.exceptions.GitlabHttpError",
  "429: Retry later\n", "http-429-retry-later", "upstream-429")
m(C, "hvac", HV, 'return f"{self.args[0]}, on {self.method} {self.url}"', "hvac.exceptions.RateLimitExceeded",
  'request path "secret/data/app": rate limit quota exceeded, on get http://127.0.0.1:8200/v1/secret/data/app',
  "rate-limit-quota-exceeded", "upstream-429")
m(C, "twilio", TW, 'raise self.exception(method, uri, response, "Unable to create record")', "twilio.base.exceptions.TwilioRestException",
  "HTTP 429 error: Unable to create record: Too Many Requests", "too-many-requests", "upstream-429")
m(C, "azure.core", AZ, 'return "({}) {}\\n{}".format(self.code, self.message, self.message_details())', "azure.core.exceptions.HttpResponseError",
  "(TooManyRequests) Rate limit is exceeded. Try again in 21 seconds.\nCode: TooManyRequests\nMessage: Rate limit is exceeded. Try again in 21 seconds.",
  "too-many-requests", "upstream-429")
m(C, "elasticsearch", ES, 'return f"{self.__class__.__name__}({msg})"', "elasticsearch.ApiError",
  "ApiError(429, 'es_rejected_execution_exception', 'rejected execution of coordinating operation [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=52428800, max_coordinating_and_primary_bytes=51200000]')",
  "es-rejected-execution", "upstream-429")
m(C, "jira", "jira/resilientsession.py", 'f"Got recoverable error from {request_method} {url}, will retry [{counter}/{self.max_retries}] in {delay}s. Err: {msg}"',
  None, "Got recoverable error from GET https://acme.atlassian.net/rest/api/2/search?jql=project%3DOPS, will retry [1/3] in 7.318045327914937s. Err: 429 Too Many Requests",
  "recoverable-429-log", "upstream-429")
m(C, "zenpy", "zenpy/lib/api.py", 'raise RatelimitBudgetExceeded("Rate limit budget exceeded!")', "zenpy.lib.exception.RatelimitBudgetExceeded",
  "Rate limit budget exceeded!", "ratelimit-budget-exceeded", "upstream-429")

# ---------------------------------------------------------------- other: same libraries, unrelated mechanism
C = "other"
m(C, "flexmock", FM, 'raise FlexmockError("new_instances can only be called on a class mock")', "flexmock.exceptions.FlexmockError",
  "new_instances can only be called on a class mock", "new-instances-not-class", "api-misuse")
m(C, "doublex", "doublex/__init__.py", 'raise WrongApiUsage("when() takes a double, \'%s\' given" % double)', "doublex.internal.WrongApiUsage",
  "when() takes a double, '<app.clients.PriceClient object at 0x7f04225a4860>' given", "when-takes-double", "api-misuse")
m(C, "mock", MK, 'raise TypeError("Can\'t specify spec and autospec")', "TypeError",
  "Can't specify spec and autospec", "spec-and-autospec", "api-misuse")
m(C, "anthropic", "anthropic/_client.py", "Could not resolve authentication method. Expected one of api_key, auth_token, or credentials to be set.",
  "TypeError", '"Could not resolve authentication method. Expected one of api_key, auth_token, or credentials to be set. Or for the `Authorization` header to be explicitly omitted"',
  "no-auth-method", "credentials-missing")
m(C, "groq", "groq/_client.py", '"The api_key client option must be set either by passing api_key to the client or by setting the GROQ_API_KEY environment variable"',
  "groq.GroqError", "The api_key client option must be set either by passing api_key to the client or by setting the GROQ_API_KEY environment variable",
  "api-key-not-set", "credentials-missing")
m(C, "telegram", "telegram/_bot.py", 'raise InvalidToken("You must pass the token you received from https://t.me/Botfather!")', "telegram.error.InvalidToken",
  "You must pass the token you received from https://t.me/Botfather!", "token-missing", "credentials-missing")
m(C, "discord", "discord/http.py", "raise LoginFailure('Improper token has been passed.') from exc", "discord.errors.LoginFailure",
  "Improper token has been passed.", "improper-token", "auth-invalid")
m(C, "spotipy", "spotipy/oauth2.py", 'msg = f"No {env_key}. Pass it or set a {env_val} environment variable."', "spotipy.oauth2.SpotifyOauthError",
  "No client_id. Pass it or set a SPOTIPY_CLIENT_ID environment variable.", "no-client-id", "credentials-missing")
m(C, "hvac", HV, 'return f"{self.args[0]}, on {self.method} {self.url}"', "hvac.exceptions.Forbidden",
  "permission denied, on get http://127.0.0.1:8200/v1/secret/data/app", "permission-denied", "auth-forbidden")
m(C, "twilio", TW, 'raise self.exception(method, uri, response, "Unable to create record")', "twilio.base.exceptions.TwilioRestException",
  "HTTP 400 error: Unable to create record: The 'To' number +1555123 is not a valid phone number.", "invalid-to-number", "input-validation")
m(C, "azure.core", "azure/core/pipeline/policies/_authentication.py", '"Bearer token authentication is not permitted for non-TLS protected (non-https) URLs."',
  "azure.core.exceptions.ServiceRequestError", "Bearer token authentication is not permitted for non-TLS protected (non-https) URLs.",
  "bearer-non-tls", "config-invalid")
m(C, "elasticsearch", ES, 'return f"{self.__class__.__name__}({msg})"', "elasticsearch.NotFoundError",
  "NotFoundError(404, 'index_not_found_exception', 'no such index [products]', products, index_or_alias)", "index-not-found", "http-404")
