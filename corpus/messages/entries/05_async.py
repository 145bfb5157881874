C = "5"
BE = "asyncio/base_events.py"
m(C, "asyncio", BE, "raise RuntimeError('Event loop is closed')", "RuntimeError", "Event loop is closed", "event-loop-closed", "loop-shutdown")
m(C, "asyncio", BE, "raise RuntimeError('This event loop is already running')", "RuntimeError", "This event loop is already running", "loop-already-running", "nested-loop")
m(C, "asyncio", BE, "'Cannot run the event loop while another loop is running')", "RuntimeError",
  "Cannot run the event loop while another loop is running", "another-loop-running", "nested-loop")
m(C, "asyncio", BE, "raise RuntimeError(\"Cannot close a running event loop\")", "RuntimeError", "Cannot close a running event loop", "close-running-loop", "loop-shutdown")
m(C, "asyncio", BE, "raise RuntimeError('Event loop stopped before Future completed.')", "RuntimeError",
  "Event loop stopped before Future completed.", "stopped-before-future", "loop-shutdown")
m(C, "asyncio", BE, '"Non-thread-safe operation invoked on an event loop other "', "RuntimeError",
  "Non-thread-safe operation invoked on an event loop other than the current one", "non-thread-safe", "cross-loop-use")
m(C, "asyncio", BE, "raise RuntimeError('Executor shutdown has been called')", "RuntimeError", "Executor shutdown has been called", "executor-shutdown", "loop-shutdown")
m(C, "asyncio", "asyncio/runners.py", '"asyncio.run() cannot be called from a running event loop")', "RuntimeError",
  "asyncio.run() cannot be called from a running event loop", "asyncio-run-nested", "nested-loop")
m(C, "asyncio", "asyncio/runners.py", '"Runner.run() cannot be called from a running event loop")', "RuntimeError",
  "Runner.run() cannot be called from a running event loop", "runner-run-nested", "nested-loop")
m(C, "asyncio", "asyncio/events.py", "raise RuntimeError('There is no current event loop in thread %r.'", "RuntimeError",
  "There is no current event loop in thread 'MainThread'.", "no-current-loop", "loop-missing")
m(C, "asyncio", "asyncio/events.py", "raise RuntimeError('no running event loop')", "RuntimeError", "no running event loop", "no-running-loop", "loop-missing")
m(C, "asyncio", "asyncio/tasks.py", "'message': 'Task was destroyed but it is pending!',", None,
  "Task was destroyed but it is pending!", "task-destroyed-pending", "task-leak", check=False)
m(C, "asyncio", "asyncio/tasks.py", "f'Task {self!r} got Future '", "RuntimeError",
  "Task <Task pending name='Task-3' coro=<test_fetch() running at /app/tests/test_api.py:42>> got Future <Future pending> attached to a different loop",
  "future-different-loop", "cross-loop-use")
m(C, "asyncio", "asyncio/tasks.py", "new_exc = RuntimeError(f'Task got bad yield: {result!r}')", "RuntimeError",
  "Task got bad yield: 200", "task-bad-yield", "sync-async-mixup")
m(C, "asyncio", "asyncio/tasks.py", 'raise RuntimeError(f"Cannot enter into task {task!r} while another "', "RuntimeError",
  "Cannot enter into task <Task pending name='Task-2' coro=<main() running at /app/run.py:10>> while another task <Task pending name='Task-1' coro=<serve() running at /app/run.py:20>> is being executed.",
  "enter-task-while-another", "nested-loop")
m(C, "asyncio", "asyncio/mixins.py", "raise RuntimeError(f'{self!r} is bound to a different event loop')", "RuntimeError",
  "<asyncio.locks.Lock object at 0x7f1e2c3d4b50 [unlocked, waiters:1]> is bound to a different event loop", "bound-different-loop", "cross-loop-use")
m(C, "asyncio", "asyncio/timeouts.py", 'raise RuntimeError("Timeout should be used inside a task")', "RuntimeError",
  "Timeout should be used inside a task", "timeout-outside-task", "loop-missing")
m(C, "asyncio", "asyncio/taskgroups.py", "me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)", "ExceptionGroup",
  "unhandled errors in a TaskGroup (1 sub-exception)", "taskgroup-unhandled", "task-failure-propagation")
m(C, "asyncio", "asyncio/taskgroups.py", 'raise RuntimeError(f"TaskGroup {self!r} is finished")', "RuntimeError",
  "TaskGroup <TaskGroup cancelling> is finished", "taskgroup-finished", "task-leak")
m(C, "asyncio", "asyncio/taskgroups.py", "'message': f'Task {task!r} has errored out but its parent '", None,
  "Task <Task finished name='Task-5' coro=<worker() done, defined at /app/jobs.py:12> exception=ValueError('boom')> has errored out but its parent task <Task finished name='Task-1' coro=<main() done, defined at /app/jobs.py:30> result=None> is already completed",
  "taskgroup-parent-completed", "task-leak", check=False)
m(C, "asyncio", "asyncio/futures.py", "f'{self.__class__.__name__} exception was never retrieved',", None,
  "Task exception was never retrieved", "exception-never-retrieved", "task-leak", check=False)
m(C, "asyncio", "asyncio/futures.py", 'raise RuntimeError("await wasn\'t used with future")', "RuntimeError", "await wasn't used with future", "await-not-used", "sync-async-mixup")
m(C, "asyncio", "asyncio/streams.py", "f'{func_name}() called while another coroutine is '", "RuntimeError",
  "readuntil() called while another coroutine is already waiting for incoming data", "concurrent-stream-read", "race-condition")
m(C, "asyncio", "asyncio/locks.py", "raise RuntimeError('Lock is not acquired.')", "RuntimeError", "Lock is not acquired.", "lock-not-acquired", "lock-misuse")
m(C, "asyncio", "asyncio/locks.py", 'raise exceptions.BrokenBarrierError("Barrier aborted")', "asyncio.exceptions.BrokenBarrierError", "Barrier aborted", "barrier-aborted", "race-condition")
m(C, "asyncio", "asyncio/streams.py", "'message': ('An open stream was garbage collected prior to '", None,
  'An open stream was garbage collected prior to establishing network connection; call "stream.close()" explicitly.', "stream-gc", "task-leak", check=False)
LP = "../libpython3.11.so.1.0"
m(C, "asyncio", "/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0", "coroutine '%S' was never awaited", "RuntimeWarning",
  "coroutine 'fetch_prices' was never awaited", "coroutine-never-awaited", "sync-async-mixup")
m(C, "asyncio", "/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0", "cannot reuse already awaited coroutine", "RuntimeError",
  "cannot reuse already awaited coroutine", "reuse-awaited-coroutine", "sync-async-mixup")
m(C, "asyncio", "/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0", "anext(): asynchronous generator is already running", "RuntimeError",
  "anext(): asynchronous generator is already running", "asyncgen-already-running", "race-condition")
m(C, "concurrent", "concurrent/futures/thread.py", "raise RuntimeError('cannot schedule new futures after shutdown')", "RuntimeError",
  "cannot schedule new futures after shutdown", "futures-after-shutdown", "loop-shutdown")
m(C, "concurrent", "concurrent/futures/thread.py", "raise RuntimeError('cannot schedule new futures after '", "RuntimeError",
  "cannot schedule new futures after interpreter shutdown", "futures-after-interpreter-shutdown", "loop-shutdown")
PA = "pytest_asyncio/plugin.py"
m(C, "pytest_asyncio", PA, 'The configuration option "asyncio_default_fixture_loop_scope" is unset.', "pytest.PytestDeprecationWarning",
  'The configuration option "asyncio_default_fixture_loop_scope" is unset.\nThe event loop scope for asynchronous fixtures will default to the fixture scope. Future versions of pytest-asyncio will default the loop scope for asynchronous fixtures to "function" scope. Set the default fixture loop scope explicitly in order to avoid unexpected behavior in the future. Valid fixture loop scopes are: "function", "class", "module", "package", "session". Set it to "fixture-scope" to keep the current behavior.\n',
  "loop-scope-unset", "loop-scope-mismatch")
m(C, "pytest_asyncio", PA, "An exception occurred during teardown of an asyncio.Runner. \\", "pytest.PytestWarning",
  "An exception occurred during teardown of an asyncio.Runner. The reason is likely that you closed the underlying event loop in a test, which prevents the cleanup of asynchronous generators by the runner.\nThis warning will become an error in future versions of pytest-asyncio. Please ensure that your tests don't close the event loop. Here is the traceback of the exception triggered during teardown:\n",
  "runner-teardown", "loop-shutdown")
m(C, "pytest_asyncio", PA, 'f"asyncio test {pyfuncitem.name!r} requested async "', "pytest.PytestDeprecationWarning",
  "asyncio test 'test_get_user' requested async @pytest.fixture 'client' in strict mode. You might want to use @pytest_asyncio.fixture or switch to auto mode. This will become an error in future versions of pytest-asyncio.",
  "async-fixture-strict-mode", "async-fixture-misconfigured")
m(C, "pytest_asyncio", PA, 'msg = "Async generator fixture didn\'t stop."', "ValueError",
  "Async generator fixture didn't stop.Yield only once.", "asyncgen-fixture-didnt-stop", "async-fixture-misconfigured")
m(C, "pytest", "_pytest/fixtures.py", 'f"ScopeMismatch: You tried to access the {requested_scope.value} scoped "', "_pytest.outcomes.Failed",
  "ScopeMismatch: You tried to access the function scoped fixture event_loop with a module scoped request object. Requesting fixture stack:\ntests/conftest.py:18:  def db_pool(event_loop)\nRequested fixture:\n.venv/lib/python3.11/site-packages/pytest_asyncio/plugin.py:754:  def event_loop(request: 'FixtureRequest') -> 'Iterator[asyncio.AbstractEventLoop]'",
  "scope-mismatch-event-loop", "loop-scope-mismatch")
m(C, "asgiref", "asgiref/sync.py", '"You cannot use AsyncToSync in the same thread as an async event loop - "', "RuntimeError",
  "You cannot use AsyncToSync in the same thread as an async event loop - just await the async function directly.", "asynctosync-same-thread", "sync-async-mixup")
m(C, "asgiref", "asgiref/current_thread_executor.py", '"You cannot submit onto CurrentThreadExecutor from its own thread"', "RuntimeError",
  "You cannot submit onto CurrentThreadExecutor from its own thread", "executor-own-thread", "sync-async-mixup")
m(C, "asgiref", "asgiref/current_thread_executor.py", 'raise RuntimeError("CurrentThreadExecutor already quit or is broken")', "RuntimeError",
  "CurrentThreadExecutor already quit or is broken", "executor-quit", "loop-shutdown")
m(C, "django", "django/utils/asyncio.py", '"You cannot call this from an async context - use a thread or "', "django.core.exceptions.SynchronousOnlyOperation",
  "You cannot call this from an async context - use a thread or sync_to_async.", "synchronous-only-operation", "sync-async-mixup")
m(C, "sqlalchemy", "sqlalchemy/util/concurrency.py", '"greenlet_spawn has not been called; can\'t call await_() "', "sqlalchemy.exc.MissingGreenlet",
  "greenlet_spawn has not been called; can't call await_() here. Was IO attempted in an unexpected place? (Background on this error at: https://sqlalche.me/e/21/xd2s)", "missing-greenlet", "sync-async-mixup")
AH = "aiohttp/client.py"
m(C, "aiohttp", AH, 'raise RuntimeError("Session is closed")', "RuntimeError", "Session is closed", "session-closed", "loop-shutdown")
m(C, "aiohttp", AH, 'f"Unclosed client session {self!r}", ResourceWarning, **kwargs', "ResourceWarning",
  "Unclosed client session <aiohttp.client.ClientSession object at 0x7f8b1c2d3e50>", "unclosed-session", "task-leak")
m(C, "aiohttp", "aiohttp/helpers.py", 'raise RuntimeError("Timeout context manager should be used inside a task")', "RuntimeError",
  "Timeout context manager should be used inside a task", "timeout-cm-outside-task", "loop-missing")
m(C, "aiohttp", "aiohttp/connector.py", '_warnings.warn(f"Unclosed connector {self!r}", ResourceWarning, **kwargs)', "ResourceWarning",
  "Unclosed connector <aiohttp.connector.TCPConnector object at 0x7f8b1c2d4f10>", "unclosed-connector", "task-leak")
m(C, "uvloop", "uvloop/loop.pyx", "'Cannot run the event loop while another loop is running')", "RuntimeError",
  "Cannot run the event loop while another loop is running", "another-loop-running", "nested-loop")
m(C, "uvloop", "uvloop/loop.pyx", "raise RuntimeError('this event loop is already running.')", "RuntimeError",
  "this event loop is already running.", "loop-already-running", "nested-loop")
m(C, "uvloop", "uvloop/loop.pyx", "raise RuntimeError('Event loop is closed')", "RuntimeError", "Event loop is closed", "event-loop-closed", "loop-shutdown")
m(C, "janus", "janus/__init__.py", 'raise RuntimeError(f"{self!r} is bound to a different event loop")', "RuntimeError",
  "<janus.Queue object at 0x7f2a1b3c4d50> is bound to a different event loop", "bound-different-loop", "cross-loop-use")
m(C, "aiojobs", "aiojobs/_scheduler.py", 'raise RuntimeError("Scheduling a new job after closing")', "RuntimeError",
  "Scheduling a new job after closing", "schedule-after-close", "loop-shutdown")
m(C, "aiojobs", "aiojobs/_scheduler.py", 'raise RuntimeError(f"{self!r} is bound to a different event loop")', "RuntimeError",
  "<Scheduler jobs=0> is bound to a different event loop", "bound-different-loop", "cross-loop-use")
m(C, "sniffio", "sniffio/_impl.py", '"unknown async library, or not in async context"', "sniffio._impl.AsyncLibraryNotFoundError",
  "unknown async library, or not in async context", "not-in-async-context", "loop-missing")
m(C, "async_timeout", "async_timeout/__init__.py", 'raise RuntimeError("cannot reschedule after exit from context manager")', "RuntimeError",
  "cannot reschedule after exit from context manager", "reschedule-after-exit", "timeout-misuse")
m(C, "nest_asyncio", "nest_asyncio.py", "'Event loop stopped before Future completed.')", "RuntimeError",
  "Event loop stopped before Future completed.", "stopped-before-future", "loop-shutdown")
AS = "lib-dynload/_asyncio.cpython-311-x86_64-linux-gnu.so"
m(C, "asyncio", AS, "invalid state", "asyncio.exceptions.InvalidStateError", "invalid state", "future-invalid-state", "race-condition")
m(C, "asyncio", AS, "Result is not set.", "asyncio.exceptions.InvalidStateError", "Result is not set.", "result-not-set", "race-condition")
