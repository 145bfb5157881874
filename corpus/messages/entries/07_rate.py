C = "7"
m(C, "slowapi", "slowapi/extension.py", '{"error": f"Rate limit exceeded: {exc.detail}"}, status_code=429', None,
  '{"error": "Rate limit exceeded: 5 per 1 minute"}', "rate-limit-exceeded-body", "limit-exceeded")
m(C, "slowapi", "slowapi/errors.py", 'description = str(limit.limit)', "slowapi.errors.RateLimitExceeded",
  "429: 5 per 1 minute", "rate-limit-exceeded", "limit-exceeded", check=False)
m(C, "pyrate_limiter", "pyrate_limiter/exceptions.py", 'error = f"Bucket for item={item.name} with Rate {rate} is already full"', "pyrate_limiter.exceptions.BucketFullException",
  "Bucket for item=user:42 with Rate limit=5/1.0m is already full", "bucket-full", "bucket-state-shared")
m(C, "pyrate_limiter", "pyrate_limiter/exceptions.py", 'Actual delay exceeded allowance: actual={actual_delay}, allowed={max_delay}', "pyrate_limiter.exceptions.LimiterDelayException",
  "\n        Actual delay exceeded allowance: actual=61000, allowed=1000\n        Bucket for user:42 with Rate limit=5/1.0m is already full\n        ", "delay-exceeded", "bucket-state-shared")
m(C, "rest_framework", "rest_framework/exceptions.py", "default_detail = _('Request was throttled.')", "rest_framework.exceptions.Throttled",
  "Request was throttled. Expected available in 60 seconds.", "throttled", "limit-exceeded")
m(C, "rest_framework", "rest_framework/exceptions.py", "extra_detail_singular = _('Expected available in {wait} second.')", "rest_framework.exceptions.Throttled",
  "Request was throttled. Expected available in 1 second.", "throttled-singular", "limit-exceeded")
m(C, "ratelimit", "ratelimit/decorators.py", "raise RateLimitException('too many calls', period_remaining)", "ratelimit.exception.RateLimitException",
  "too many calls", "too-many-calls", "limit-exceeded")
m(C, "openai", "openai/_base_client.py", 'err_msg = f"Error code: {response.status_code}"', "openai.RateLimitError",
  "Error code: 429 - Rate limit reached for gpt-4o-mini in organization org-test on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.", "error-code-429", "upstream-429")
m(C, "stripe", "stripe/_error.py", 'return "Request {0}: {1}".format(self.request_id, msg)', "stripe._error.RateLimitError",
  "Request req_8fA2kZ0q1xYb: Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.", "request-rate-limit", "upstream-429")
m(C, "github", "github/GithubException.py", 'msg += " " + json.dumps(data)', "github.GithubException.RateLimitExceededException",
  '403 {"message": "API rate limit exceeded for 203.0.113.7. (But here\'s the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)", "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}',
  "api-rate-limit-exceeded", "upstream-429", check=False)
m(C, "github", "github/Requester.py", 'message.startswith("you have exceeded a secondary rate limit")', "github.GithubException.RateLimitExceededException",
  '403 {"message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}',
  "secondary-rate-limit", "upstream-429", check=False)
m(C, "slack_sdk", "slack_sdk/errors/__init__.py", 'msg = f"{message}\\nThe server responded with: {response}"', "slack_sdk.errors.SlackApiError",
  "The request to the Slack API failed. (url: https://slack.com/api/chat.postMessage, status: 429)\nThe server responded with: {'ok': False, 'error': 'ratelimited'}", "ratelimited", "upstream-429")
m(C, "tweepy", "tweepy/errors.py", 'f"{status_code} {response.reason}{error_text}"', "tweepy.errors.TooManyRequests",
  "429 Too Many Requests\n88 - Rate limit exceeded", "too-many-requests", "upstream-429")
m(C, "botocore", "botocore/exceptions.py", "'An error occurred ({error_code}) when calling the {operation_name} '", "botocore.errorfactory.ThrottlingException",
  "An error occurred (ThrottlingException) when calling the PutRecord operation (reached max retries: 4): Rate exceeded", "throttling-exception", "upstream-429")
m(C, "botocore", "botocore/retries/standard.py", "'ThrottlingException',", "botocore.exceptions.ClientError",
  "An error occurred (Throttling) when calling the DescribeInstances operation (reached max retries: 4): Rate exceeded", "throttling", "upstream-429", check=False)
m(C, "google.api_core", "google/api_core/exceptions.py", 'error_msg = "{} {}".format(self.code, self.message)', "google.api_core.exceptions.TooManyRequests",
  "429 Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'", "too-many-requests", "upstream-429")
m(C, "google.api_core", "google/api_core/exceptions.py", 'error_msg = "{} {}".format(self.code, self.message)', "google.api_core.exceptions.ResourceExhausted",
  "429 Resource has been exhausted (e.g. check quota).", "resource-exhausted", "upstream-429")
m(C, "httpx", "httpx/_models.py", '"{error_type} \'{0.status_code} {0.reason_phrase}\' for url \'{0.url}\'\\n"', "httpx.HTTPStatusError",
  "Client error '429 Too Many Requests' for url 'https://api.example.com/v1/prices'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429", "client-error-429", "upstream-429", nth=2)
m(C, "requests", "requests/models.py", 'f"{self.status_code} Client Error: {reason} for url: {self.url}"', "requests.exceptions.HTTPError",
  "429 Client Error: Too Many Requests for url: https://api.example.com/v1/prices", "client-error-429", "upstream-429")
m(C, "urllib3", "urllib3/exceptions.py", 'SPECIFIC_ERROR = "too many {status_code} error responses"', "urllib3.exceptions.MaxRetryError",
  "HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded with url: /v1/prices (Caused by ResponseError('too many 429 error responses'))", "too-many-429", "upstream-429")
m(C, "werkzeug", "werkzeug/exceptions.py", 'description = "This user has exceeded an allotted request count. Try again later."', "werkzeug.exceptions.TooManyRequests",
  "429 Too Many Requests: This user has exceeded an allotted request count. Try again later.", "too-many-requests", "limit-exceeded")
m(C, "falcon", "falcon/errors.py", "status.HTTP_429,", "falcon.errors.HTTPTooManyRequests",
  "<HTTPTooManyRequests: 429 Too Many Requests>", "too-many-requests", "limit-exceeded", check=False)
m(C, "litestar", "litestar/middleware/rate_limit.py", "raise TooManyRequestsException(", "litestar.exceptions.http_exceptions.TooManyRequestsException",
  "429: Too Many Requests", "too-many-requests", "limit-exceeded", check=False)
m(C, "fastapi_limiter", "fastapi_limiter/callback.py", '"Too Many Requests",', "fastapi.exceptions.HTTPException",
  "429: Too Many Requests", "too-many-requests", "limit-exceeded")
m(C, "aiohttplimiter", "aiohttplimiter/limiter.py", '{"error": f"Rate limit exceeded: {self.amount}"})', None,
  '{"error": "Rate limit exceeded: 10/minute"}', "rate-limit-exceeded", "limit-exceeded")
m(C, "throttled", "throttled/exceptions.py", '"Rate limit exceeded: "', "throttled.exceptions.LimitedError",
  "Rate limit exceeded: remaining=0, reset_after=60, retry_after=60.", "limited", "limit-exceeded")
m(C, "throttled", "throttled/exceptions.py", 'super().__init__("Rate limit exceeded.")', "throttled.exceptions.LimitedError",
  "Rate limit exceeded.", "limited-no-state", "limit-exceeded")
m(C, "requests_ratelimiter", "requests_ratelimiter/requests_ratelimiter.py", "raise exceptions.Timeout(f'Rate limit not cleared within max_delay={self.max_delay}s')", "requests.exceptions.Timeout",
  "Rate limit not cleared within max_delay=10s", "not-cleared", "bucket-state-shared")
m(C, "tenacity", "tenacity/__init__.py", 'return f"{self.__class__.__name__}[{self.last_attempt}]"', "tenacity.RetryError",
  "RetryError[<Future at 0x7f3c2a1b9d50 state=finished raised RateLimitError>]", "retry-error-429", "upstream-429")
m(C, "google.api_core", "google/api_core/retry/retry_base.py", 'f"Timeout {timeout_val_str}exceeded",', "google.api_core.exceptions.RetryError",
  "Timeout of 120.0s exceeded, last exception: 429 Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'", "retry-timeout-429", "upstream-429")
m(C, "github", "github/GithubRetry.py", 'f"Required backoff of {backoff}s exceeds "', None,
  "Required backoff of 3600s exceeds max_rate_limit_wait of 60s", "backoff-exceeds-max-wait", "upstream-429")
m(C, "github", "github/GithubRetry.py", 'f"Response body indicates retry-able {rate_type} rate limit error: {message}",', None,
  "Response body indicates retry-able primary rate limit error: API rate limit exceeded for 203.0.113.7.", "retryable-rate-limit", "upstream-429")
m(C, "huggingface_hub", "huggingface_hub/utils/_http.py", 'logger.warning(f"Rate limited. Waiting {actual_sleep}s before retry [Retry {nb_tries}/{max_retries}].")', None,
  "Rate limited. Waiting 61.0s before retry [Retry 1/5].", "rate-limited-waiting", "upstream-429")
m(C, "huggingface_hub", "huggingface_hub/cli/extensions.py", '"GitHub API rate limit exceeded. Unauthenticated requests are capped per IP address, and that "', "huggingface_hub.cli.extensions._GitHubRateLimitError",
  "GitHub API rate limit exceeded. Unauthenticated requests are capped per IP address, and that quota is shared with anything else calling GitHub from your network. Retry in 60s.", "github-rate-limit", "upstream-429")
m(C, "tweepy", "tweepy/api.py", 'log.warning(f"Rate limit reached. Sleeping for: {sleep_time}")', None,
  "Rate limit reached. Sleeping for: 843", "sleeping-for-reset", "upstream-429")
