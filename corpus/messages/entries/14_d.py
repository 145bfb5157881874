
# Session 14 (helper d): libraries newly read from /work/venvs/s14d (python3.11): task queues (celery, dramatiq, rq),
# MongoDB ODM / mock (mongoengine, mongomock), config (hydra, omegaconf), logging (loguru, sentry-sdk), web APIs
# (django-ninja, flask-restx), auth (authlib, passlib), SSH / shell (paramiko, invoke), dependency injection
# (injector, punq), attrs, python-memcached and factory_boy. Category 4 rows are process-global registries /
# singletons / datastores that an earlier test left populated ("already registered / initialized / exists");
# several messages were confirmed by raising them in the venv (omegaconf's "$FULL_KEY" is filled by its formatter:
# check=False, compared by eye).
# the `other` rows are the same libraries' plain misuse, misconfiguration and bad-input messages.
S14 = "s14d"
lib("celery", S14, "celery"); lib("dramatiq", S14, "dramatiq"); lib("rq", S14, "rq")
lib("mongoengine", S14, "mongoengine"); lib("mongomock", S14, "mongomock")
lib("hydra", S14, "hydra-core"); lib("omegaconf", S14, "omegaconf")
lib("loguru", S14, "loguru"); lib("sentry_sdk", S14, "sentry-sdk")
lib("ninja", S14, "django-ninja"); lib("flask_restx", S14, "flask-restx")
lib("authlib", S14, "Authlib"); lib("passlib", S14, "passlib")
lib("paramiko", S14, "paramiko"); lib("invoke", S14, "invoke")
lib("injector", S14, "injector"); lib("punq", S14, "punq")
lib("attr", S14, "attrs"); lib("memcache", S14, "python-memcached"); lib("factory", S14, "factory_boy")

# ---------------------------------------------------------------- 4: state left by an earlier test
C = "4"
m(C, "hydra", "hydra/core/global_hydra.py", '"GlobalHydra is already initialized, call GlobalHydra.instance().clear() if you want to re-initialize"',
  "ValueError", "GlobalHydra is already initialized, call GlobalHydra.instance().clear() if you want to re-initialize",
  "global-hydra-already-initialized", "app-state-leak")
m(C, "omegaconf", "omegaconf/omegaconf.py", "raise ValueError(f\"resolver '{name}' is already registered\")", "ValueError",
  "resolver 'env_or_default' is already registered", "resolver-already-registered", "global-registry-leak")
m(C, "dramatiq", "dramatiq/actor.py", 'raise ValueError(f"An actor named {actor_name!r} is already registered.")', "ValueError",
  "An actor named 'send_welcome_email' is already registered.", "actor-already-registered", "global-registry-leak")
m(C, "rq", "rq/scripts.py", "raise DuplicateJobError(f\"Job with ID '{job.id}' already exists\")", "rq.exceptions.DuplicateJobError",
  "Job with ID 'report-2024-06' already exists", "duplicate-job-id", "redis-state-persistence")
m(C, "rq", "rq/cron_scheduler_registry.py", "raise DuplicateSchedulerError(f\"CronScheduler '{cron_scheduler.name}' is already registered\")",
  "rq.exceptions.DuplicateSchedulerError", "CronScheduler 'nightly-reports' is already registered", "cron-scheduler-already-registered",
  "redis-state-persistence")
m(C, "mongoengine", "mongoengine/connection.py", '"A different connection with alias `{}` was already "', "mongoengine.connection.ConnectionFailure",
  "A different connection with alias `default` was already registered. Use disconnect() first", "different-connection-registered",
  "global-registry-leak")
m(C, "mongomock", "mongomock/database.py", "raise CollectionInvalid('collection %s already exists' % name)", "pymongo.errors.CollectionInvalid",
  "collection users already exists", "collection-already-exists", "leftover-test-data")
m(C, "mongomock", "mongomock/collection.py", "'Index with name: %s already exists with different options' % index_name)",
  "pymongo.errors.OperationFailure", "Index with name: email_1 already exists with different options", "index-different-options",
  "leftover-test-data")
m(C, "loguru", "loguru/_logger.py", "raise ValueError(\"Level '%s' already exists, you can't update its severity no\" % name)", "ValueError",
  "Level 'AUDIT' already exists, you can't update its severity no", "level-already-exists", "global-registry-leak")
m(C, "passlib", "passlib/registry.py", 'raise KeyError("another %r handler has already been registered: %r" %', "KeyError",
  "\"another 'bcrypt' handler has already been registered: <class 'passlib.handlers.bcrypt.bcrypt'>\"", "handler-already-registered",
  "global-registry-leak")
m(C, "flask_restx", "flask_restx/api.py", 'msg = "This endpoint (%s) is already set to the class %s."', "ValueError",
  "This endpoint (todo) is already set to the class TodoResource.", "endpoint-already-set", "app-state-leak")
m(C, "ninja", "ninja/main.py", '"Cannot add routers after URLs have been generated. "', "ninja.errors.ConfigError",
  "Cannot add routers after URLs have been generated. Add all routers before accessing api.urls", "routers-after-urls-generated",
  "app-state-leak")
m(C, "ninja", "ninja/router.py", '"Cannot modify router after URLs have been generated. "', "ninja.errors.ConfigError",
  "Cannot modify router after URLs have been generated. Routers become frozen when api.urls is accessed.", "router-frozen",
  "app-state-leak")

# ---------------------------------------------------------------- other: the same libraries' plain misuse / bad input
C = "other"
m(C, "celery", "celery/backends/base.py", "No result backend is configured.", "NotImplementedError",
  "No result backend is configured.\nPlease see the documentation for more information.", "no-result-backend", "config-missing")
m(C, "celery", "celery/worker/consumer/consumer.py", "Received unregistered task of type %s.", None,
  "Received unregistered task of type 'orders.tasks.send_invoice'.\nThe message has been ignored and discarded.\n\n"
  "Did you remember to import the module containing this task?\nOr maybe you're using relative imports?\n\n"
  "Please see\nhttps://docs.celeryq.dev/en/latest/internals/protocol.html\nfor more information.\n\n"
  "The full contents of the message body was:\nb'[[42], {}, {\"callbacks\": null, \"errbacks\": null, \"chain\": null, \"chord\": null}]' (77b)\n\n"
  "The full contents of the message headers:\n{'lang': 'py', 'task': 'orders.tasks.send_invoice', 'id': '6f1c2d7e-0b3a-4c55-9e8f-2a1b3c4d5e6f', "
  "'retries': 0, 'root_id': '6f1c2d7e-0b3a-4c55-9e8f-2a1b3c4d5e6f', 'parent_id': None, 'argsrepr': '(42,)', 'kwargsrepr': '{}'}\n\n"
  "The delivery info for this task is:\n{'consumer_tag': 'None4', 'delivery_tag': 1, 'redelivered': False, 'exchange': '', 'routing_key': 'celery'}\n",
  "unregistered-task", "config-missing")
m(C, "celery", "celery/app/task.py", "raise ValueError('soft_time_limit must be less than or equal to time_limit')", "ValueError",
  "soft_time_limit must be less than or equal to time_limit", "soft-time-limit", "config-invalid")
m(C, "rq", "rq/queue.py", "raise ValueError('Functions from the __main__ module cannot be processed by workers')", "ValueError",
  "Functions from the __main__ module cannot be processed by workers", "main-module-function", "api-misuse")
m(C, "rq", "rq/job.py", "raise NoSuchJobError(f'No such job: {self.key}')", "rq.exceptions.NoSuchJobError",
  "No such job: rq:job:0b7e2c1a-5f3d-4a8e-9c61-2d4f8e9a1b37", "no-such-job", "missing-row")
m(C, "rq", "rq/queue.py", "raise TypeError(\"Queue() missing 1 required positional argument: 'connection'\")", "TypeError",
  "Queue() missing 1 required positional argument: 'connection'", "queue-missing-connection", "api-misuse")
m(C, "mongoengine", "mongoengine/connection.py", 'msg = "You have not defined a default connection"', "mongoengine.connection.ConnectionFailure",
  "You have not defined a default connection", "no-default-connection", "config-missing")
m(C, "mongoengine", "mongoengine/queryset/base.py", 'msg = "%s matching query does not exist." % queryset._document._class_name',
  "app.models.DoesNotExist", "User matching query does not exist.", "does-not-exist", "missing-row")
m(C, "mongoengine", "mongoengine/queryset/base.py", '"2 or more items returned, instead of 1"', "app.models.MultipleObjectsReturned",
  "2 or more items returned, instead of 1", "multiple-objects-returned", "unexpected-duplicates")
m(C, "mongomock", "mongomock/collection.py", "raise DuplicateKeyError('E11000 Duplicate Key Error', 11000)", "pymongo.errors.DuplicateKeyError",
  "E11000 Duplicate Key Error", "duplicate-key", "unique-violation")
m(C, "omegaconf", "omegaconf/basecontainer.py", 'raise MissingMandatoryValue("Missing mandatory value: $FULL_KEY")',
  "omegaconf.errors.MissingMandatoryValue", "Missing mandatory value: db.password\n    full_key: db.password\n    object_type=dict",
  "missing-mandatory-value", "config-missing", check=False)
m(C, "omegaconf", "omegaconf/dictconfig.py", "msg = f\"Key '{key}' is not in struct\"", "omegaconf.errors.ConfigAttributeError",
  "Key 'port' is not in struct\n    full_key: db.port\n    object_type=dict", "key-not-in-struct", "config-invalid")
m(C, "hydra", "hydra/_internal/defaults_list.py", "Cannot find primary config '{element.get_config_path()}'. Check that it's in your config search path.",
  "hydra.errors.MissingConfigException",
  "Cannot find primary config 'config'. Check that it's in your config search path.\n\nConfig search path:\n"
  "\tprovider=hydra, path=pkg://hydra.conf\n\tprovider=main, path=file:///app/conf\n\tprovider=schema, path=structured://",
  "primary-config-not-found", "config-missing")
m(C, "loguru", "loguru/_logger.py", 'raise ValueError("There is no existing handler with id %d" % handler_id) from None', "ValueError",
  "There is no existing handler with id 1", "no-such-handler", "api-misuse")
m(C, "loguru", "loguru/_logger.py", "raise ValueError(\"Level '%s' does not exist\" % name) from None", "ValueError",
  "Level 'NOTICE' does not exist", "level-does-not-exist", "config-invalid")
m(C, "passlib", "passlib/context.py", 'raise exc.UnknownHashError("hash could not be identified")', "passlib.exc.UnknownHashError",
  "hash could not be identified", "hash-not-identified", "input-validation")
m(C, "passlib", "passlib/handlers/bcrypt.py", 'log.warning("(trapped) error reading bcrypt version", exc_info=True)', None,
  "(trapped) error reading bcrypt version", "bcrypt-version-unreadable", "dependency-version-skew")
m(C, "sentry_sdk", "sentry_sdk/client.py", 'raise TypeError("Unknown option %r" % (key,))', "TypeError",
  "Unknown option 'trace_sample_rate'", "unknown-option", "config-invalid")
m(C, "sentry_sdk", "sentry_sdk/utils.py", 'raise BadDsn("Unsupported scheme %r" % parts.scheme)', "sentry_sdk.utils.BadDsn",
  "Unsupported scheme ''", "bad-dsn-scheme", "config-invalid")
m(C, "ninja", "ninja/orm/metaclass.py", "\"Creating a ModelSchema without either the 'fields' attribute\"", "ninja.errors.ConfigError",
  "Creating a ModelSchema without either the 'fields' attribute or the 'exclude' attribute is prohibited",
  "modelschema-without-fields", "config-invalid")
m(C, "ninja", "ninja/signature/details.py", 'f"Looks like you are using `{name}={arg.default.__name__}` instead of `{name}: {arg.default.__name__}` (annotation)"',
  "ninja.errors.ConfigError", "Looks like you are using `payload=OrderIn` instead of `payload: OrderIn` (annotation)",
  "default-instead-of-annotation", "api-misuse")
m(C, "authlib", "authlib/integrations/base_client/errors.py", 'description = "CSRF Warning! State not equal in request and response."',
  "authlib.integrations.base_client.errors.MismatchingStateError",
  "mismatching_state: CSRF Warning! State not equal in request and response.", "mismatching-state", "auth-invalid")
m(C, "authlib", "authlib/jose/errors.py", 'description = "The token is expired"', "authlib.jose.errors.ExpiredTokenError",
  "expired_token: The token is expired", "expired-token", "token-expired")
m(C, "paramiko", "paramiko/auth_handler.py", 'e = AuthenticationException("Authentication failed.")',
  "paramiko.ssh_exception.AuthenticationException", "Authentication failed.", "authentication-failed", "auth-invalid")
m(C, "paramiko", "paramiko/pkey.py", 'raise SSHException("not a valid {} private key file".format(tag))', "paramiko.ssh_exception.SSHException",
  "not a valid RSA private key file", "invalid-private-key", "credentials-missing")
m(C, "paramiko", "paramiko/ssh_exception.py", 'msg = "Unable to connect to port {0} on {2}"', "paramiko.ssh_exception.NoValidConnectionsError",
  "[Errno None] Unable to connect to port 22 on 10.0.0.12", "unable-to-connect", "connection-refused")
m(C, "invoke", "invoke/exceptions.py", 'template = """Encountered a bad command exit code!', "invoke.exceptions.UnexpectedExit",
  "Encountered a bad command exit code!\n\nCommand: 'alembic upgrade head'\n\nExit code: 1\n\nStdout: already printed\n\nStderr: already printed\n\n",
  "unexpected-exit", "subprocess-failed")
m(C, "injector", "injector/__init__.py", "'circular dependency detected: %s -> %s'", "injector.CircularDependency",
  "circular dependency detected: OrderService.__init__(injecting {'repo': <class 'app.repos.OrderRepo'>}) -> "
  "OrderRepo.__init__(injecting {'service': <class 'app.services.OrderService'>}) -> "
  "OrderService.__init__(injecting {'repo': <class 'app.repos.OrderRepo'>})", "circular-dependency", "config-invalid")
m(C, "punq", "punq/__init__.py", 'msg = f"Failed to resolve implementation for {service_key!s}"', "punq.MissingDependencyError",
  "Failed to resolve implementation for <class 'app.ports.EmailSender'>", "missing-dependency", "config-missing")
m(C, "attr", "attr/exceptions.py", "msg = \"can't set attribute\"", "attr.exceptions.FrozenInstanceError",
  "can't set attribute", "frozen-instance", "api-misuse")
m(C, "attr", "attr/_make.py", 'msg = f"{cls!r} is not an attrs-decorated class."', "attr.exceptions.NotAnAttrsClassError",
  "<class 'app.models.Order'> is not an attrs-decorated class.", "not-attrs-class", "api-misuse")
m(C, "memcache", "memcache.py", '"Key length is > %s" % self.server_max_key_length', "memcache.Client.MemcachedKeyLengthError",
  "Key length is > 250", "key-too-long", "cache-key-format")
m(C, "factory", "factory/django.py", "\"Unable to find initialization value for '%s' in factory %s\" %", "factory.errors.FactoryError",
  "django_get_or_create - Unable to find initialization value for 'email' in factory UserFactory", "get-or-create-missing-field",
  "api-misuse")
