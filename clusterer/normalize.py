"""Turn a failure's traceback into a canonical text: what identifies the cause stays, what varies goes.

The canonical text is what the embedders see. It has one line per section, the least noisy first, and leaves
out empty sections::

    exception: sqlalchemy.exc.TimeoutError
    message: QueuePool limit of size <num> overflow <num> reached, connection timed out, timeout <num> ...
    frames: test_db_pool.test_get_user_profile test_db_pool.fetch_user sqlalchemy.engine.base.connect ...
    assert: [SQL: SELECT ...]
    test: get user profile

``exception``
    Exception types, qualified as printed. The final exception first; then the sub-exceptions of an
    exception group (in print order); then the chained exceptions (``The above exception was the direct cause``,
    ``During handling of the above exception``, Java ``Caused by:``), most recent first.
``message``
    The masked messages of those exceptions in the same order, joined with `` | `` (at most
    :data:`MAX_MESSAGES`). Object reprs with nested parts are cut to their type and state (asyncio's
    ``<Task pending name='Task-5' coro=<test_x() running at ...> cb=[...]>`` -> ``<Task pending>``), and a
    message longer than :data:`MAX_MESSAGE_CHARS` keeps its head and its last :data:`MESSAGE_TAIL_CHARS`
    characters, where messages often say what went wrong (``... attached to a different loop``).
``frames``
    ``module.function`` per frame, innermost last. Library frames keep their dotted module
    (``site-packages/sqlalchemy/pool/impl.py`` -> ``sqlalchemy.pool.impl._do_get``), standard-library frames
    too (``asyncio.tasks.wait_for``), every other frame (the project's tests and code) is reduced to its file's
    basename, so that checkouts in different directories agree (``tests/api/test_users.py`` ->
    ``test_users.test_get_user``). Test-runner frames (pytest, pluggy, JUnit, Jest, reflection) are dropped.
    Consecutive repeats are merged. Every exception block contributes its innermost frames: the final block up
    to :data:`MAX_FINAL_FRAMES`, each earlier one up to :data:`MAX_CHAINED_FRAMES`, at most
    :data:`MAX_FRAMES` in all, in print order (causes first).
``assert``
    pytest ``E`` lines that are not the exception line itself (assertion diffs, ``[SQL: ...]``), the lines that
    continue an exception's message in a native traceback (the same lines, there printed without ``E``; a
    native ``AssertionError: assert x == y`` puts its rewritten assertion here too, as ``--tb=long`` does), and
    Jest ``Expected:``/``Received:`` lines; masked, at most :data:`MAX_ASSERT_LINES`.
``test``
    The test's class and function names as lower-case words, parameters dropped
    (``tests/x.py::TestUsers::test_get_user_profile[pg-1]`` -> ``users get user profile``).

Formats understood: pytest ``--tb=long/auto/short/line/native`` (``path:12: in func`` entries and ``E`` lines,
``File "...", line N, in func`` frames), exception groups (``+ Exception Group Traceback`` with ``|`` prefixes),
faulthandler dumps (``most recent call first``), Java / Kotlin stack traces (``at a.b.C.m(C.java:12)``,
``Caused by:``) and Node / Jest traces (``at Object.<anonymous> (/x/y.test.js:10:5)``). Captured output sections
(``--- Captured log call ---``) and ANSI colours are dropped. Anything else degrades gracefully: no section is
ever required and unknown lines are ignored.

Cost is bounded: inputs longer than :data:`MAX_INPUT_CHARS` keep their head and tail, one compiled scanner finds
the interesting lines, and :func:`mask` runs one combined regular expression over the short extracted parts
only. Every pattern is written so that its work is linear in the length of a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from http import HTTPStatus
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clusterer.records import TestCase

__all__ = [
    "MASK_RULES",
    "MaskRule",
    "canonical_text",
    "canonicalize",
    "mask",
    "split_test_name",
]

#: Longer inputs keep their first :data:`HEAD_CHARS` and last :data:`TAIL_CHARS` characters (cut at lines).
MAX_INPUT_CHARS = 64_000
HEAD_CHARS = 16_000
TAIL_CHARS = 48_000
#: Frames kept from the final exception block, from every chained block, and in all.
MAX_FINAL_FRAMES = 10
MAX_CHAINED_FRAMES = 4
MAX_FRAMES = 16
#: Messages kept (final first), and the length each is cut to before masking.
MAX_MESSAGES = 4
MAX_MESSAGE_CHARS = 240
MESSAGE_TAIL_CHARS = 80
#: ``assert`` lines kept, and the length each is cut to before masking.
MAX_ASSERT_LINES = 6
MAX_ASSERT_CHARS = 160


@dataclass(frozen=True, slots=True)
class MaskRule:
    """One masking rule: text that matches ``pattern`` is replaced by ``replacement``.

    Parameters
    ----------
    name:
        Identifier of the rule; also the name of its group in the combined pattern.
    pattern:
        A regular expression without capturing groups of its own (use ``(?:...)``).
    replacement:
        The placeholder, e.g. ``"<hex>"``. ``None`` marks a *protecting* rule: its match is kept as it is and
        no later rule can mask inside it (``[Errno 111]`` and HTTP status codes identify causes).
    first:
        The characters a match can begin with, as the inside of a character class (``"0-9"``); lets the
        combined pattern skip the rule with one comparison. Empty: no such hint.
    """

    name: str
    pattern: str
    replacement: str | None
    first: str = ""


# Every variable-length rule starts with a negative look-behind on its own characters, so it can only start
# at the beginning of a run: a failing attempt then costs at most the length of that run, and the whole scan
# stays linear even on a 1 MB line of ``a.a.a.a...``.
_CODE_EXT_BEHIND = "".join(
    f"(?<!\\.{ext})" for ext in ("py", "pyx", "js", "ts", "mjs", "cjs", "jsx", "tsx", "java", "kt", "go", "rb", "cs")
)
_LINE_BEHIND = "|".join(
    f"(?<=\\.{ext}:)" for ext in ("py", "pyx", "js", "ts", "mjs", "cjs", "jsx", "tsx", "java", "kt", "go", "rb", "cs")
)

# HTTP reason phrases (RFC 9110 and the common extensions, as :class:`http.HTTPStatus` spells them), longest first
_REASONS = "|".join(
    sorted(
        (re.escape(st.phrase).replace("\\ ", "[ ]") for st in HTTPStatus if st.value >= 300),
        key=len,
        reverse=True,
    )
)

#: The masking rules, in order. At any position the first rule that matches wins, and a rule that starts
#: earlier in the text wins over one that starts later, so the order only decides between rules that can start
#: at the same character: protecting rules first, then the longer, more specific shapes (URL, e-mail, path,
#: UUID, timestamp, IP) before the generic ones (line numbers and ports before ids, ids before numbers).
#: Quoted values are masked whole unless they are a bare identifier (``'torch'``, ``'NoneType'``) or a dotted
#: name, which usually names the cause rather than varying with it.
# a WebSocket close code: RFC 6455's 1000-1015 or an application's 3000-4999
_WS_CLOSE_CODE = r"(?:10(?:0\d|1[0-5])|[34]\d{3})"

MASK_RULES: tuple[MaskRule, ...] = (
    MaskRule("errno", r"\[Errno -?\d+\]", None, r"\["),
    # a DB-API error's (code, message) pair, as MySQL drivers print it: ``(1040, 'Too many connections')``
    MaskRule("db_error", r"(?<=\()\d{4}, u?(?:'[^'\n]{1,200}'|\"[^\"\n]{1,200}\")(?=\))", None, "0-9"),
    MaskRule(
        "http_status",
        r"\b(?:HTTP(?:/\d(?:\.\d)?)?|(?i:status(?:[_ ]code)?))[ :=]{1,3}[1-5]\d\d(?!\d)",
        None,
        "HhSs",
    ),
    # a status code followed by its reason phrase (``[429 TOO MANY REQUESTS]``, ``503 Service Unavailable``)
    MaskRule("http_reason", r"(?<![\w.])[1-5]\d\d(?=[ :-]{1,3}(?i:" + _REASONS + r")\b)", None, "1-5"),
    MaskRule(
        "http_reason_quoted",
        r"'[1-5]\d\d[ ](?i:" + _REASONS + r")'|\"[1-5]\d\d[ ](?i:" + _REASONS + r")\"",
        None,
        "'\"",
    ),
    # 429 alone: too specific to rate limiting to be a count (``assert 429 == 200``)
    MaskRule("http_429", r"(?<![\w.])429(?![\w.])", None, "4"),
    # WebSocket close codes (RFC 6455 1000-1015, application 3000-4999) after ``code``, or as websockets prints a
    # close frame: ``received 1011 (internal error) keepalive ping timeout; then sent 1011 (internal error) ...``
    MaskRule(
        "ws_close",
        r"(?i:close[_ ]?code|code|status)[ :=]{1,3}" + _WS_CLOSE_CODE + r"(?!\d)"
        r"|(?:received|sent) " + _WS_CLOSE_CODE + r"(?= \()",
        None,
        "CcSsr",
    ),
    MaskRule("url", r"(?<=://)[^\s'\"<>()\[\]{}]+", "<url>", r"^\s'\"<>()\[\]{}"),
    MaskRule("email", r"(?<![\w.+-])(?=[\w.+-]++@)[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "<email>", r"\w.+-"),
    MaskRule(
        "path",
        r"(?<![\w.~/\\:-])(?:[A-Za-z]:|~|\.\.?)?(?:[\\/]++[\w.@+~-]++)+(?=[\\/]+[\w.@+~-])",
        "<path>",
        r"A-Za-z~./\\",
    ),
    MaskRule(
        "uuid",
        r"(?<![\w-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])",
        "<uuid>",
        "0-9a-fA-F",
    ),
    MaskRule("hex", r"(?<!\w)0[xX][0-9a-fA-F]+(?!\w)", "<hex>", "0"),
    MaskRule("hex_id", r"(?<![\w-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?![\w-])", "<hex>", "0-9a-f"),
    MaskRule(
        "timestamp",
        r"(?<!\d)\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?!\d)",
        "<timestamp>",
        "0-9",
    ),
    MaskRule("date", r"(?<!\d)\d{4}[-/]\d\d[-/]\d\d(?!\d)", "<date>", "0-9"),
    MaskRule("time", r"(?<![\d:])\d{1,2}:\d\d:\d\d(?:[.,]\d+)?(?![\d:])", "<time>", "0-9"),
    MaskRule("ip", r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])", "<ip>", "0-9"),
    MaskRule(
        "host",
        r"(?<![\w.-])(?=[\w.-]++:\d)(?:localhost|[A-Za-z][\w-]*(?:\.[\w-]+)+)" + _CODE_EXT_BEHIND + r"(?=:\d)",
        "<host>",
        "A-Za-z",
    ),
    MaskRule("line", r"(?:" + _LINE_BEHIND + r"|(?<=line ))\d+(?::\d+)?(?!\d)", "<line>", "0-9"),
    MaskRule("port", r"(?:(?<=[\w\]]:)|(?<=(?i:port)[ =:]))\d{1,5}(?![\d.])", "<port>", "0-9"),
    MaskRule("id", r"(?<![A-Za-z0-9.])\d{5,}(?![A-Za-z0-9])", "<id>", "0-9"),
    MaskRule("number", r"(?<![A-Za-z0-9.])\d+(?:\.\d+)*+(?:[eE][-+]?\d+)?+", "<num>", "0-9"),
    MaskRule(
        "quoted",
        r"(?<![\w'])'(?![A-Za-z_][\w.]*')[^'\n]{1,300}'(?!\w)" r'|(?<![\w"])"(?![A-Za-z_][\w.]*")[^"\n]{1,300}"(?!\w)',
        "<str>",
        "'\"",
    ),
)

# The combined pattern: one character that cannot precede any match (no rule starts right after a letter or a
# digit), then the rules, each behind a one-character look-ahead on how its matches begin. The leading
# character class lets the engine skip through words at C speed, and a rule that cannot start at a position
# costs one comparison. :func:`mask` puts that leading character back.
_MASK_RE = re.compile(
    "[^A-Za-z0-9](?:"
    + "|".join(
        f"(?=[{rule.first}])(?P<{rule.name}>{rule.pattern})" if rule.first else f"(?P<{rule.name}>{rule.pattern})"
        for rule in MASK_RULES
    )
    + ")"
)
_REPLACEMENTS: dict[str, str | None] = {rule.name: rule.replacement for rule in MASK_RULES}


def _replace(match: re.Match[str]) -> str:
    replacement = _REPLACEMENTS[match.lastgroup or ""]
    whole = match.group()
    return whole if replacement is None else whole[0] + replacement


def mask(text: str) -> str:
    """Replace what varies between runs (addresses, ids, numbers, paths, ...) with placeholders.

    One pass of one compiled pattern (the alternation of :data:`MASK_RULES`), linear in ``len(text)``.

    Parameters
    ----------
    text:
        Any text.

    Returns
    -------
    str
        ``text`` with every rule's matches replaced.

    Examples
    --------
    >>> mask("conn 0x7f3a2b at 10.0.0.5:5432 took 0.25s")
    'conn <hex> at <ip>:<port> took <num>s'
    """
    return _MASK_RE.sub(_replace, " " + text)[1:]


@lru_cache(maxsize=16_384)
def _mask_piece(text: str) -> str:
    """:func:`mask` of a short extracted piece; CI runs repeat the same messages, so they are cached."""
    return mask(text)


# --- the scanner ----------------------------------------------------------------------------------------------

# One pattern finds every interesting line. It is searched over "\n" + text, and every branch starts right
# after a newline: the literal prefix lets the regex engine jump from line to line. Every branch starts with a
# literal or a character class (so the engine skips it after one comparison) and ends with an empty named group
# that tags the kind of line (``match.lastgroup``); the line itself is taken apart in Python. Quantifiers are
# possessive, so a line that matches no branch costs a few comparisons and never backtracks.
# ``Name``, ``Name: msg``, node's ``Name [ERR_X]: msg``, NUnit's and xUnit's ``System.XException : msg``
_EXC_TAIL = r"(?:[ ]\[[\w ]{1,40}\])?(?:[ ]?:.*)?$"
_SCAN_RE = re.compile(
    r"""\n(?:
      E(?:[ ].*)?$(?P<E>)                                               # pytest E line
    | [^\s:"|+](?::(?=[\\/]))?[^\s:"]*+:\d++:(?:[ ].*)?$(?P<LOC>)  # pytest path:12: [in func|Type]
    | <frozen[ ][^>\n]++>:\d++:(?:[ ].*)?$(?P<LOC2>)
    | File[ ][^\n]+?:\d++,[ ]in[ ].*$(?P<IFILE>)                          # IPython / Jupyter frame
    | File[ ]"[^"\n]++",[ ]line[ ]\d++,?[ ]in[ ]\S++(?P<FILE0>)           # native frame pasted unindented
    | [ \t|+][ \t|+]*+(?:                                               # indented, or inside an exception group
        File[ ]"[^"\n]++",[ ]line[ ]\d++,?[ ]in[ ]\S++(?P<FILE>)        # native / faulthandler frame
      | at[ ]++.+(?P<AT>)                                               # Java / JS / .NET frame
      | [^\s:"|+][^\s:"]*+:\d++:[ ][\w.]*?Warning:[ ].*(?P<IWARN>)     # pytest warnings summary entry
      | def[ ]++\w++(?P<DEF>)                                           # source of a pytest long entry
      | async[ ]++def[ ]++\w++(?P<ADEF>)
      | Traceback[ ]\(most[ ]recent[ ]call[ ]last\)(?P<IMARK>)
      | Exception[ ]Group[ ]Traceback(?P<GMARK>)
      | -[-+]*+[ ]\d++[ ]-(?P<GSEP>)                                    # +---------------- 2 ----
      | (?:Expected|Received)(?:[ ][\w ]{0,30})?:[ ].*(?P<IJEST>)
      | (?:Caused[ ]by:|(?:-{4})++)[ ][A-Za-z_][\w$.]*+{EXC_TAIL}(?P<ICAUSED>)  # Java cause, xUnit inner exception
      | [A-Z][\w$.]*+{EXC_TAIL}(?P<IEXC>)
      | [a-z_][\w$]*+\.[\w$.]*+{EXC_TAIL}(?P<IEXC2>)
      )
    | def[ ]++\w++(?P<DEF0>)                                           # first line of a long entry
    | async[ ]++def[ ]++\w++(?P<ADEF0>)
    | Traceback[ ]\(most[ ]recent[ ]call[ ]last\)(?P<MARK>)
    | The[ ]above[ ]exception[ ]was[ ]the[ ]direct[ ]cause(?P<MARK2>)
    | During[ ]handling[ ]of[ ]the[ ]above[ ]exception(?P<MARK3>)
    | \.\.\.[ ]cut[ ]\.\.\.(?P<CUT>)
    | Current[ ]thread[ ]0x(?P<FIRST>)
    | Thread[ ]0x(?P<FIRST2>)
    | Stack[ ]\(most[ ]recent[ ]call[ ]first\)(?P<FIRST3>)
    | (?:Expected|Received)(?:[ ][\w ]{0,30})?:[ ].*(?P<JEST>)
    | (?:Caused[ ]by:|(?:-{4})++)[ ][A-Za-z_][\w$.]*+{EXC_TAIL}(?P<CAUSED>)
    | Exception[ ]in[ ]thread[ ]"[^"\n]*+"[ ][A-Za-z_][\w$.]*+{EXC_TAIL}(?P<THREAD>)
    | (?:FAILED|ERROR)[ ]\S*::\S.*(?P<SUMMARY>)                        # FAILED tests/x.py::test_y - Type: msg
    | [A-Z][\w$.]*+{EXC_TAIL}(?P<EXC>)
    | [a-z_][\w$]*+\.[\w$.]*+{EXC_TAIL}(?P<EXC2>)
    )""".replace("{EXC_TAIL}", _EXC_TAIL),
    re.MULTILINE | re.VERBOSE,
)
_KIND: dict[str, str] = {
    "E": "e", "LOC": "loc", "LOC2": "loc", "FILE": "file", "FILE0": "file", "IFILE": "file", "AT": "at",
    "DEF": "def", "ADEF": "def", "DEF0": "def", "ADEF0": "def",
    "IMARK": "mark", "GMARK": "mark", "GSEP": "mark", "MARK": "mark", "MARK2": "mark", "MARK3": "mark",
    "CUT": "mark", "FIRST": "first", "FIRST2": "first", "FIRST3": "first", "IJEST": "jest", "JEST": "jest",
    "ICAUSED": "exc", "IEXC": "exc", "IEXC2": "exc", "CAUSED": "exc", "THREAD": "exc", "EXC": "exc", "EXC2": "exc",
    "SUMMARY": "summary", "IWARN": "warn",
}  # fmt: skip
_INDENTED_EXC = frozenset({"IEXC", "IEXC2", "ICAUSED"})
_NATIVE_EXC = frozenset({"EXC", "EXC2"})
_FRAME_TAIL_RE = re.compile(r'File "[^"\n]+", line \d+, in ')
_RULE_RE = re.compile(r"[-+=_|~*#. ]+")


def _is_rule(line: str) -> bool:
    """A line of punctuation only (``*****``, ``+-+----``): layout, not content."""
    return _RULE_RE.fullmatch(line) is not None


# IPython's frame line: ``File /usr/lib/python3.10/site-packages/torch/serialization.py:1113, in load(f, ...)``.
_IPY_FILE_RE = re.compile(r"File (.+?):\d+, in ([\w.<>]+)")
_LOC_RE = re.compile(r"(.*?):\d+:(?: (.*))?$")
_FILE_RE = re.compile(r'\s*File "([^"]+)", line \d+,? in (\S+)')
# Exception names end in a capitalised class name, or are one of the stdlib's lower-case ``re.error``,
# ``socket.timeout``, ``socket.gaierror``.
_EXC_NAME = r"(?:[A-Za-z_][\w$]*\.)*_*[A-Z][\w$]*|(?:[a-z_][\w$]*\.)+(?:error|timeout|herror|gaierror)"
# ``Name``, node's ``Name [ERR_X]``, then ``: message`` (NUnit and xUnit print `` : message``): groups name, message
_EXC_NAME_MESSAGE = r"(" + _EXC_NAME + r")(?: \[[\w ]{1,40}\])?(?: ?:[ ]?(.*))?$"
_EXC_LINE_RE = re.compile(
    r"(?:Caused by: |Suppressed: |(?:-{4})+ |Exception in thread \"[^\"]*\" )?" + _EXC_NAME_MESSAGE
)

# An exception line inside a pytest E line: ``E   sqlalchemy.exc.TimeoutError: QueuePool limit ...``.
_EXC_TEXT_RE = re.compile(_EXC_NAME_MESSAGE)
_EXC_WORD_RE = re.compile(
    r"Error|Exception|Warning|Exit|Interrupt|Group|Failure|Failed|Fault|Timeout|Cancelled|Iteration|Abort"
)
_CUT_LINE = "\n... cut ...\n"
_ERROR_WORDS_RE = re.compile(
    r"(?i:error|fail|exceeded|refused|denied|timed out|timeout|abort|cannot|can't|unable|invalid|not found|too many"
    r"|not allowed|already)"
)
# An exception's repr inside a message (``Caused by NewConnectionError('...: Connection refused')``) or printed
# alone (``RuntimeError("... attached to a different loop")``): its quoted argument is a message, not a value.
_EXC_REPR_RE = re.compile(
    r"(?<![\w.])((?:[A-Za-z_]\w*\.)*_*[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt|Timeout|Failure))"
    r"\((['\"])(.{1,1000}?)\2\)"
)
# An object repr with attributes (``<Task pending name='Task-5' coro=<...> cb=[...]>``), nested at most three deep;
# possessive, so an attempt stops at the first bracket that does not fit and the scan stays linear.
_REPR_RE = re.compile(
    r"<([A-Za-z_][\w.]*+(?:[ ][a-z]++(?!=))*+)[ ][a-z_]\w*+=((?:[^<>]++|<(?:[^<>]++|<[^<>]*+>)*+>)*+)>"
)
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CAPTURED_RE = re.compile(r"^-{3,} Captured [^\n]*-{3,}$.*?(?=^[_=]{3,} |\Z)", re.MULTILINE | re.DOTALL)
_STDLIB_RE = re.compile(r"/(?:lib/python\d[\d.]*|Lib|lib-python/\d[\d.]*|lib/pypy\d[\d.]*)/")
_JS_LOC_RE = re.compile(r"(.*?)(?::\d+){1,2}$")
_JAVA_LOC_RE = re.compile(r"(?:[\w$]+\.(?:java|kt|scala|groovy)(?::\d+)?|Native Method|Unknown Source)$")
# a .NET frame's parameter list (``at Ns.C.M(Boolean flag, String name)``): typed names, not a location
_DOTNET_PARAMS_RE = re.compile(r"[\w.`\[\]<>&*]+ \w+(?:, [\w.`\[\]<>&*]+ \w+)*")
_SOURCE_EXT_RE = re.compile(r"\.(?:py|pyx|pyi|js|mjs|cjs|jsx|ts|tsx|rb|go)$")
_PARAMS_RE = re.compile(r"\[.*\]$")
_WORD_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_ASSERT_NOISE = ("Use -v to get", "Full diff:", "...Full output truncated", "Omitting ")

#: Frames of these modules belong to the test runner, not to the failure.
_HARNESS_PREFIXES: tuple[str, ...] = (
    "_pytest.",
    "pluggy.",
    "pytest_asyncio.",
    "node:",
    "jest-circus.",
    "jest-jasmine2.",
    "jest-runner.",
    "org.junit.",
    "junit.framework.",
    "org.apache.maven.surefire.",
    "org.testng.",
    "sun.reflect.",
    "jdk.internal.reflect.",
    "java.lang.reflect.",
)


class _Block:
    """The frames and the exception of one traceback block (one link of a chain, or one group member)."""

    __slots__ = ("depth", "exc", "frames", "innermost_first", "message")

    def __init__(self, depth: int = 0) -> None:
        self.frames: list[str] = []
        self.exc: str | None = None
        self.message: str = ""
        self.depth = depth
        self.innermost_first = False

    def ordered_frames(self) -> list[str]:
        """The frames innermost last, runner frames dropped (unless nothing else is left)."""
        frames = self.frames[::-1] if self.innermost_first else self.frames
        kept = [f for f in frames if not f.startswith(_HARNESS_PREFIXES)]
        return kept or frames


@lru_cache(maxsize=8192)
def _module_of(path: str) -> str:
    """The dotted module of a source path: library and stdlib paths in full, other files by basename."""
    path = path.replace("\\", "/")
    if path.startswith("<frozen "):
        return path[8:].rstrip(">")
    if path.startswith("node:"):
        return path
    for marker in ("site-packages/", "dist-packages/", "node_modules/"):
        cut = path.rfind(marker)
        if cut >= 0:
            rest = path[cut + len(marker) :]
            break
    else:
        ends = [m.end() for m in _STDLIB_RE.finditer(path)]
        rest = path[ends[-1] :] if ends else path.rsplit("/", 1)[-1]
    rest = _SOURCE_EXT_RE.sub("", rest)
    if rest.endswith("/__init__"):
        rest = rest[: -len("/__init__")]
    return rest.strip("/").replace("/", ".")


@lru_cache(maxsize=8192)
def _exception_name_ok(name: str) -> bool:
    """Whether a name printed at the start of a line is an exception type: qualified by lower-case modules
    (``sqlalchemy.exc.TimeoutError``), or named like one (``KeyError``, PyGithub's
    ``github.GithubException.GithubException``, .NET's ``System.InvalidOperationException``)."""
    module, dot, last = name.rpartition(".")
    if dot and not any(part[:1].isupper() for part in module.split(".")):
        return True
    return _EXC_WORD_RE.search(last) is not None


@lru_cache(maxsize=8192)
def _at_frame(text: str) -> tuple[str, bool]:
    """Parse the text after ``at`` of a Java / JS / .NET frame into ``(frame, is_java)``."""
    text = text.strip().rstrip(" {")
    for prefix in ("async ", "new "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text.endswith(")") and " (" in text:
        func, _, loc = text[:-1].rpartition(" (")
    elif text.endswith(")") and "(" in text:
        func, _, loc = text[:-1].partition("(")
    elif " in " in text:  # .NET: at Ns.Class.Method() in /path/file.cs:line 42
        func, loc = text.split(" in ", 1)[0].split("(", 1)[0], ""
        return func, True
    else:
        func, loc = "", text
    if not loc or loc in ("<anonymous>", "native") or _JAVA_LOC_RE.match(loc) or _DOTNET_PARAMS_RE.fullmatch(loc):
        # Java: the qualified method is the frame; drop class-loader / module prefixes like "java.base/".
        func = func.rsplit("/", 1)[-1]
        return func, True
    path_match = _JS_LOC_RE.match(loc)
    module = _module_of(path_match.group(1) if path_match else loc)
    if module.startswith(("node:", "internal/")):
        return "node:" + (func or module), False
    return (f"{module}.{func}" if func else module), False


def _trim(text: str) -> str:
    """Cut a very long input to its head and tail, at line boundaries."""
    if len(text) <= MAX_INPUT_CHARS:
        return text
    head = text[:HEAD_CHARS]
    tail = text[-TAIL_CHARS:]
    head = head[: head.rfind("\n") + 1] or head
    tail = tail[tail.find("\n") + 1 :] or tail
    return head + _CUT_LINE + tail


def _parse(text: str) -> tuple[list[_Block], list[str]]:
    """Scan a traceback into its exception blocks and its assertion detail lines.

    Blocks come oldest cause first (Python's print order; Java's ``Caused by:`` chains are reversed to match).
    """
    blocks: list[_Block] = [_Block()]
    block = blocks[0]
    asserts: list[str] = []
    pending_def: str | None = None  # first `def` of the current pytest long entry
    outer_first = False  # Java prints the outermost exception first and its causes after it
    scanned = "\n" + text
    continued = -1  # where the unscanned lines after a native exception line (its message's next lines) begin
    warning: tuple[str, str] | None = None
    for m in _SCAN_RE.finditer(scanned):
        kind = _KIND[m.lastgroup or "E"]
        line = m.group()[1:]
        if continued >= 0:
            if kind == "exc" and m.lastgroup in _NATIVE_EXC and not _names_exception(line):
                continue  # a message line that reads like one ("DETAIL:  Process 159 waits for ShareLock")
            _continuation(scanned[continued : m.start()], asserts)
            continued = -1
        if kind == "e":
            content = line[1:].strip()
            if not content:
                continue
            if block.exc is None:
                exc = _EXC_TEXT_RE.match(content)
                if exc and _exception_name_ok(exc.group(1)):
                    block.exc = exc.group(1)
                    block.message = exc.group(2) or ""
                    continue
            if len(asserts) < MAX_ASSERT_LINES and not content.startswith(_ASSERT_NOISE) and not _is_rule(content):
                asserts.append(content)
        elif kind == "loc":
            loc = _LOC_RE.match(line)
            if loc is None:
                continue
            tail = (loc.group(2) or "").strip()
            if tail.startswith("in "):
                func: str | None = tail[3:].strip()
            else:
                func = pending_def
                if tail and block.exc is None:  # `path:12: TimeoutError` (long) or `path:12: X: msg` (line)
                    exc = _EXC_TEXT_RE.match(tail)
                    if exc and _exception_name_ok(exc.group(1)):
                        block.exc = exc.group(1)
                        block.message = exc.group(2) or ""
            module = _module_of(loc.group(1))
            block.frames.append(f"{module}.{func}" if func else module)
            pending_def = None
        elif kind == "file":
            frame = (_IPY_FILE_RE if m.lastgroup == "IFILE" else _FILE_RE).match(line.lstrip(" |+"))
            if frame:
                block.frames.append(f"{_module_of(frame.group(1))}.{frame.group(2)}")
        elif kind == "def":
            if pending_def is None:
                pending_def = line.split("def", 1)[1].strip()
        elif kind == "at":
            frame_text = line.lstrip(" \t|+")[3:]
            frame_name, _ = _at_frame(frame_text)
            if frame_name:
                block.frames.append(frame_name)
                block.innermost_first = True
        elif kind == "mark":
            if block.frames or block.exc is not None:
                block = _Block()
                blocks.append(block)
            pending_def = None
        elif kind == "first":
            block.innermost_first = True
        elif kind == "summary":
            # pytest's short summary: the failure's first message line after " - ", for a console excerpt that
            # has no traceback of its own (a traceback's own exception wins)
            _, sep, crash = line.partition(" - ")
            if sep and all(b.exc is None for b in blocks):
                exc = _EXC_TEXT_RE.match(crash.strip())
                if exc and _exception_name_ok(exc.group(1)):
                    block.exc, block.message = exc.group(1), exc.group(2) or ""
                elif crash.startswith("assert "):
                    block.exc, block.message = "AssertionError", crash.strip()
                else:
                    continue
                continued = m.end()
        elif kind == "warn":
            # `  path.py:376: InconsistentVersionWarning: Trying to unpickle ...` (pytest's warnings summary): the
            # warning is the failure's best clue only when nothing in the text raised
            if warning is None:
                exc = _EXC_TEXT_RE.match(line.strip().split(": ", 1)[1])
                if exc:
                    warning = (exc.group(1), exc.group(2) or "")
        elif kind == "jest":
            if len(asserts) < MAX_ASSERT_LINES:
                asserts.append(line.strip())
        else:  # exception line
            body = line.lstrip(" \t|+")
            if pending_def is not None and m.lastgroup in _INDENTED_EXC and "|" not in line[: len(line) - len(body)]:
                # source shown by a pytest long entry (between its ``def`` and its ``path:12:`` line), such as a
                # docstring's "ValueError: if *seconds* is less than zero": code, not a raised exception
                continue
            exc = _EXC_LINE_RE.match(body)
            if exc is None or not _exception_name_ok(exc.group(1)):
                continue
            # Depth: the indentation of a group member's "|" (0 outside exception groups).
            depth = line.rfind("|", 0, len(line) - len(body)) + 1
            caused = body.startswith(("Caused by:", "Suppressed:", "----"))  # "----": xUnit's inner exception
            outer_first = outer_first or caused
            if block.exc is not None or (caused and block.frames):
                block = _Block(depth)
                blocks.append(block)
            block.exc = exc.group(1)
            block.depth = depth
            block.message = exc.group(2) or ""
            if m.lastgroup in _NATIVE_EXC:
                continued = m.end()
    if continued >= 0:
        _continuation(scanned[continued:], asserts)
    if warning is not None and all(b.exc is None for b in blocks):
        block.exc, block.message = warning
    kept = [b for b in blocks if b.exc is not None or b.frames]
    return (kept[::-1] if outer_first else kept), asserts


def _names_exception(line: str) -> bool:
    exc = _EXC_LINE_RE.match(line.lstrip(" \t|+"))
    return exc is not None and _exception_name_ok(exc.group(1))


#: Lines a log prefix is read in front of (see :func:`_strip_log_prefix`), in order of trust.
_PREFIX_ANCHORS = ('File "', "Traceback (most recent call last)", "= FAILURES =", "= ERRORS =")


def _strip_log_prefix(text: str) -> str:
    """A traceback printed through a logger or a log collector has a prefix on every line (``2024-05-01T08:22:34Z``,
    ``05 08:22:34.582 - app.web - ERROR -``, docker compose's ``web_1  |``): cut it off every line that has it.

    The prefix is what precedes the first native frame line (``File "x.py", line 3, in f``), or the first
    ``Traceback (most recent call last)`` marker or pytest ``FAILURES``/``ERRORS`` header (a CI log of a pytest
    run: ``[2021-03-02T15:05:51.918Z] ===== FAILURES =====``), when that contains a letter or a digit, with its
    digits generalised (timestamps change from line to line) and its runs of spaces too. Before a marker or a header
    the prefix must hold a digit: IPython heads its tracebacks ``KeyError      Traceback (most recent call last)``.
    Text with none of these anchors is returned unchanged."""
    for anchor in _PREFIX_ANCHORS:
        at = text.find(anchor)
        if at < 0:
            continue
        start = text.rfind("\n", 0, at) + 1
        head = text[start:at]
        end = text.find("\n", at)
        if anchor == 'File "' and _FRAME_TAIL_RE.match(text, at, len(text) if end < 0 else end) is None:
            continue
        if head.strip(" \t|+=_") and (anchor == 'File "' or any(ch.isdigit() for ch in head)):
            break
    else:
        return text
    head = head.rstrip("=_ ") if anchor != 'File "' else head
    shape = re.sub(r"(?:\\d)+|\d+", r"\\d+", re.escape(head.rstrip(" \t")))
    shape = re.sub(r"(?:\\ |\\t)+", r"[ \\t]+", shape)
    stripped, count = re.subn("^" + shape + "[ ]?", "", text, flags=re.MULTILINE)
    return stripped if count >= 2 else text


def _collapse_repr(match: re.Match[str]) -> str:
    whole = match.group()
    return "<" + match.group(1) + ">" if "<" in match.group(2) or "[" in match.group(2) else whole


def _cut_message(message: str) -> str:
    """A message as the canonical text keeps it: nested object reprs cut to their type and state, then at most
    :data:`MAX_MESSAGE_CHARS` characters, its head and its last :data:`MESSAGE_TAIL_CHARS` (joined by ``...``)."""
    if len(message) > 16 * MAX_MESSAGE_CHARS:  # bound the repr scan; the middle of a huge message is cut anyway
        message = message[: 8 * MAX_MESSAGE_CHARS] + " " + message[-8 * MAX_MESSAGE_CHARS :]
    if "('" in message or '("' in message:
        message = _EXC_REPR_RE.sub(r"\1(\3)", message)
    if "=<" in message or "=[" in message:  # only a repr with a nested part is cut
        message = _REPR_RE.sub(_collapse_repr, message)
    if len(message) <= MAX_MESSAGE_CHARS:
        return message
    head = message[: MAX_MESSAGE_CHARS - MESSAGE_TAIL_CHARS - 5]
    tail = message[-MESSAGE_TAIL_CHARS:]
    # cut at spaces near the ends, so no word or quoted value is cut in two (masking needs the whole of one)
    space = head.rfind(" ", len(head) - 20)
    head = head[:space] if space > 0 else head
    space = tail.find(" ", 0, 20)
    tail = tail[space + 1 :] if space >= 0 else tail
    return head + " ... " + tail


def _continuation(lines: str, asserts: list[str]) -> None:
    """The lines that continue a native exception line's message, up to the first empty line, into ``asserts``:
    what ``--tb=long`` prints as further ``E`` lines (pytest's ``+  where`` explanation, a library's numbered
    advice, ``[SQL: ...]``). Lines of spaces (pytest indents its explanation's blank lines), rules and group
    frames (``+-+----``) are skipped."""
    for line in lines.split("\n")[1:]:
        if not line:
            break
        content = line.strip()
        if not content:
            continue
        if len(asserts) >= MAX_ASSERT_LINES:
            return
        if not content.startswith(_ASSERT_NOISE) and not _is_rule(content):
            asserts.append(content)


def _order(blocks: list[_Block]) -> list[_Block]:
    """Blocks in canonical order: the final exception, group members in print order, then causes, newest first."""
    if not blocks:
        return []
    with_exc = [b for b in blocks if b.exc is not None]
    if not with_exc:
        return blocks[::-1]
    outer = min(b.depth for b in with_exc)
    final = [b for b in with_exc if b.depth == outer][-1]
    members = [b for b in blocks if b.depth > final.depth and b is not final]
    causes = [b for b in reversed(blocks) if b is not final and b.depth <= final.depth]
    return [final, *members, *causes]


def _frames_section(blocks: list[_Block], final: _Block) -> list[str]:
    """Innermost frames of every block, in print order, deduplicated where consecutive, capped."""
    chosen: list[str] = []
    for b in blocks:
        frames = b.ordered_frames()
        chosen.extend(frames[-(MAX_FINAL_FRAMES if b is final else MAX_CHAINED_FRAMES) :])
    deduped = [f for i, f in enumerate(chosen) if i == 0 or f != chosen[i - 1]]
    return deduped[-MAX_FRAMES:]


def split_test_name(test: str) -> str:
    """The words of a test's class and function name, lower case, parameters and ``test`` dropped.

    Parameters
    ----------
    test:
        A test id: pytest node id (``path::Class::name[params]``), JUnit ``classname::name`` or a Jest title.

    Returns
    -------
    str
        Space-separated words.

    Examples
    --------
    >>> split_test_name("tests/api/test_users.py::TestUserAPI::test_get_user_profile[pg-1]")
    'user api get user profile'
    """
    parts = _PARAMS_RE.sub("", test.strip()).split("::")
    if len(parts) > 1 and ("/" in parts[0] or "\\" in parts[0] or parts[0].endswith(".py")):
        parts = parts[1:]
    names = [p.rsplit(".", 1)[-1] if " " not in p else p for p in parts[-2:]]
    words = [w.lower() for name in names for w in _WORD_RE.findall(name)]
    return " ".join(w for w in words if w not in ("test", "tests", "spec") and not w.isdigit())


#: :func:`split_test_name`, cached: every request of a suite names the same tests again.
_test_words = lru_cache(maxsize=16_384)(split_test_name)


# A structured log line's message field (logfmt ``message="..."``, JSON ``"msg": "..."``): the line's point, where
# the rest is level, time and logger.
_LOG_FIELD_RE = re.compile(
    r"""(?:^|[\s{,])(["']?)(?:message|msg|error|err|exception)\1\s*[:=]\s*(["'])((?:[^"'\\]|\\.){3,1000}?)\2"""
)


_LOG_LEVEL_RE = re.compile(r"(?:CRITICAL|FATAL|ERROR|WARNING|WARN|INFO|DEBUG)\b[\s:|\-\]]*")
# pytest's captured-log line: ``INFO     geopy:base.py:387 Received an HTTP error (429):`` (level, logger, file, line)
_CAPLOG_RE = re.compile(r"(?:CRITICAL|ERROR|WARNING|INFO|DEBUG)[ ]+[\w.<>-]+:[\w.<>-]+\.py:\d+[ ]+(?=\S)")


def _console_line(line: str) -> tuple[str, bool]:
    """A console excerpt's error line as a message, and whether it starts with an exception's name: markdown's
    inline-code backticks around a line quoted in prose (`` `psycopg2.errors.UndefinedTable: relation ...` ``)
    are dropped, and so is a log level in front of an exception (``ERROR  - RuntimeError: Settings already
    configured.``). After a log level only a name like an exception's (``...Error``) is read as one, so
    ``WARNING opentelemetry.trace: Overriding ...`` stays a message. A pytest captured-log line keeps only its
    message.

    Examples
    --------
    >>> _console_line("ERROR  - RuntimeError: Settings already configured.")
    ('RuntimeError: Settings already configured.', True)
    >>> _console_line("`psycopg2.errors.UndefinedTable: relation x does not exist`")
    ('psycopg2.errors.UndefinedTable: relation x does not exist', True)
    >>> _console_line("WARNING opentelemetry.trace: Overriding of current TracerProvider is not allowed")
    ('WARNING opentelemetry.trace: Overriding of current TracerProvider is not allowed', False)
    >>> _console_line("INFO     geopy:base.py:387 Received an HTTP error (429):")
    ('Received an HTTP error (429):', False)
    """
    quoted = len(line) > 2 and line[0] == line[-1] == "`" and "`" not in line[1:-1]
    if quoted:
        line = line.strip("`").strip()
    if (caplog := _CAPLOG_RE.match(line)) is not None:  # the logger's file and line say nothing of the error
        line = line[caplog.end() :]
    level = _LOG_LEVEL_RE.match(line)
    rest = line[level.end() :] if level else line
    exc = _EXC_TEXT_RE.match(rest)
    if exc is None or not _exception_name_ok(exc.group(1)):
        return line, False
    if level:
        return (rest, True) if _EXC_WORD_RE.search(exc.group(1).rpartition(".")[2]) else (line, False)
    return line, quoted


# An exception line quoted inside a line of prose or of a runner's report (``fails with `UnicodeDecodeError: 'charmap'
# codec ...` ``, ``**_pickle.UnpicklingError: invalid load key**``, ``  FAILED t.py::test_x - RuntimeError: Event loop
# is closed``): a name that ends like an exception's, then ``: `` and a message.
_EMBEDDED_EXC_RE = re.compile(
    r"(?<![\w.])((?:[A-Za-z_]\w*+\.)*+_*[A-Z]\w*?(?:Error|Exception|Warning|Timeout|Failure|Exit|Interrupt))"
    r":[ ]+(\S.*?)\s*$"
)


def _fallback_block(first: str, parse_name: bool) -> _Block:
    """The one exception of a failure whose text shows none: its one-line message, read as ``Type: message``
    (only a message field, or a structured log line's message field, is trusted to start with a type) or as an
    exception's repr ``Type("message")``."""
    block = _Block()
    block.message = first
    exc = _EXC_TEXT_RE.match(first) if parse_name else None
    if exc and _exception_name_ok(exc.group(1)):
        block.exc, block.message = exc.group(1), exc.group(2) or ""
    elif (rep := _EXC_REPR_RE.fullmatch(first)) is not None:
        block.exc, block.message = rep.group(1), rep.group(3)
    elif (inner := _EMBEDDED_EXC_RE.search(first)) is not None:
        block.exc, block.message = inner.group(1), inner.group(2)
        before = first[: inner.start()]
        for mark in ("**", "`", '"'):  # the closing mark of a quote opened before the exception's name
            if before.count(mark) % 2 and block.message.endswith(mark):
                block.message = block.message[: -len(mark)].rstrip()
    return block


# pytest's section headers (``===== FAILURES =====``, ``_____ test_x _____``): layout, never the error.
_SECTION_RE = re.compile(r"([=_-])\1{2,} .{1,200}? \1{3,}")
# A test runner's tally or the command that started it, never the error: pytest's ``1 failed, 69 passed, 2 skipped
# in 25.68s`` (with or without its ``===`` rule), unittest's ``FAILED (failures=1, errors=2)`` and ``Ran 12 tests in
# 0.3s``, cargo's ``test result: FAILED. 3 passed; 1 failed; ...``, go test's ``FAIL\tgithub.com/x/y\t0.02s`` and
# ``exit status 1``, a shell prompt's ``$ pytest tests/ -n 3`` and a Python prompt's ``>>> import app``. A pasted
# excerpt often ends with the tally; its "failed" must not make it the failure's message.
_TALLY_RE = re.compile(
    r"""=*\s*(?:\d+[ ](?:failed|passed|skipped|errors?|xfailed|xpassed|warnings?|deselected|rerun)(?:,[ ]|[ ]|$))+
        (?:in[ ][\d.]+s\b[^=]*)?\s*=*
    | (?:FAILED|OK)[ ]\((?:failures|errors|skipped|expected[ ]failures|unexpected[ ]successes)=\d+.*\)
    | Ran[ ]\d+[ ]tests?[ ]in[ ][\d.]+s
    | test[ ]result:[ ](?:FAILED|ok)\.[ ].*
    | (?:FAIL|ok)(?:\t\S+\t.*)?
    | exit[ ]status[ ]\d+
    | [$%][ ]\S.*
    | >>>(?:[ ].*)?""",
    re.VERBOSE,
)
# The failing line pytest marks with ``>`` when it raises: ``>       raise RuntimeError('Event loop is closed')``.
_RAISE_RE = re.compile(r"^>\s+raise\s+((?:[A-Za-z_]\w*\.)*_*[A-Z]\w*)(?:\((.{0,1000}?)\)?)?\s*$", re.MULTILINE)
_LITERAL_RE = re.compile(r"""[rfbu]?(['"])(.*)\1""", re.DOTALL)


# Rust's panic, as cargo test prints it: ``thread 'tests::x' panicked at src/lib.rs:10:5:`` with the message on the
# lines below (Rust 1.73 and later), or ``thread 'tests::x' panicked at 'message', src/lib.rs:10:5`` (before).
_PANIC_RE = re.compile(
    r"^thread '[^'\n]{0,300}' panicked at "
    r"(?:'(?P<old>.{0,2000}?)', [^\s:]+:\d+:\d+|[^\s:]+:\d+:\d+:?[ \t]*\n(?P<new>.*))",
    re.MULTILINE | re.DOTALL,
)
# Where a panic's message ends: a blank line, cargo's hints, the backtrace, the next test's output, the tally.
_PANIC_END_RE = re.compile(r"\n[ \t]*(?:\n|note: |stack backtrace:|---- |failures:|test result: |\Z)")
# Go's ``panic: runtime error: index out of range [5] with length 3 [recovered]`` (at the start of a line).
_GO_PANIC_RE = re.compile(r"^panic: (.{1,1000}?)(?: \[recovered\])?[ \t]*$", re.MULTILINE)
# go test's failure line ``    store_test.go:42: got 429, want 200`` (t.Errorf / t.Fatalf), and testify's report under
# it: ``Error:      \tNot equal:`` with ``expected: ...`` / ``actual  : ...`` and ``Messages: ...`` lines.
_GO_TEST_LINE_RE = re.compile(r"^[ \t]+[\w.-]+_test\.go:\d+:[ \t]*(.*)$", re.MULTILINE)
_TESTIFY_RE = re.compile(r"^[ \t]*(Error|Messages|expected|actual)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_SIDE_RE = re.compile(r"\s*(left|right|expected|actual)\s*:", re.IGNORECASE)


def _native_failure(text: str) -> tuple[_Block, list[str]] | None:
    r"""The failure of a Rust or Go test run, which prints no exception line: its block (``panic`` and the panic's
    message, or go test's failure message) and its detail lines (assert_eq!'s ``left:`` / ``right:``, testify's
    ``expected:`` / ``actual:``). None when the text shows neither.

    >>> block, details = _native_failure(
    ...     "thread 'limits::burst' panicked at src/limits.rs:88:9:\nassertion `left == right` failed\n"
    ...     "  left: 429\n right: 200\nnote: run with `RUST_BACKTRACE=1` to display a backtrace\n")
    >>> block.exc, block.message, details
    ('panic', 'assertion `left == right` failed', ['left: 429', 'right: 200'])
    >>> block, details = _native_failure("--- FAIL: TestQuota (0.00s)\n    quota_test.go:31: got 429, want 200\nFAIL\n")
    >>> block.exc, block.message, details
    (None, 'got 429, want 200', [])
    """
    block = _Block()
    details: list[str] = []
    if (panic := _PANIC_RE.search(text)) is not None:
        body = panic.group("old")
        if body is None:
            new = panic.group("new")
            end = _PANIC_END_RE.search("\n" + new)
            body = new[: end.start() if end else 2000]
        lines = [line.strip() for line in body.split("\n") if line.strip()]
        message = [line for line in lines if not _SIDE_RE.match(line)]
        details = [line.rstrip(",") for line in lines if _SIDE_RE.match(line)]
        block.exc, block.message = "panic", " ".join(message)
        return block, details
    if (go := _GO_PANIC_RE.search(text)) is not None:
        block.exc, block.message = "panic", go.group(1)
        return block, details
    if (line := _GO_TEST_LINE_RE.search(text)) is not None:
        fields = _TESTIFY_RE.findall(text[line.end() :])
        error = next((value for key, value in fields if key == "Error"), "")
        block.message = error or line.group(1).strip()
        details = [f"{key}: {value}" for key, value in fields if key != "Error" and value]
        if not block.message:
            return None
        return block, details
    return None


def _raised(text: str) -> _Block | None:
    """The exception a pasted excerpt cut off before its ``E`` lines was raising: the last ``>`` line of the form
    ``raise Type(...)``, with a string literal argument as its message. None when there is no such line."""
    found = None
    for found in _RAISE_RE.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    if found is None or not _exception_name_ok(found.group(1)):
        return None
    block = _Block()
    block.exc = found.group(1)
    literal = _LITERAL_RE.fullmatch((found.group(2) or "").strip())
    block.message = literal.group(2) if literal else ""
    return block


def _read(traceback: str, message: str) -> tuple[list[_Block], list[_Block], list[_Block], list[str]]:
    """Take a failure's text apart: ``(blocks, ordered blocks, blocks with an exception (the failure's own first),
    assertion detail lines)``, with the fallbacks for texts that show no exception line (see :func:`canonicalize`).
    """
    text = traceback
    if "\x1b" in text:
        text = _ANSI_RE.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _trim(text)
    text = _strip_log_prefix(text)
    if "Captured " in text:
        text = _CAPTURED_RE.sub("", text)
    blocks, asserts = _parse(text)
    ordered = _order(blocks)
    with_exc = [b for b in ordered if b.exc is not None]
    # a Rust panic or a go test failure, which print no exception line (but testify's report reads like one,
    # ``Error: Not equal:``), unless the text has a Python traceback of its own
    native = None
    if (
        (not with_exc or with_exc[0].exc == "Error")
        and ("panic" in text or "_test.go:" in text)
        and "Traceback (most recent call last)" not in text
    ):
        native = _native_failure(text)
    if native is not None:
        with_exc = [native[0]]
        asserts = native[1] + asserts
    if not with_exc:
        trusted = bool(message)  # only a message field is trusted to start with an exception's name
        if message:
            first = message.strip().split("\n", 1)[0]
        elif (raised := _raised(text)) is not None:  # cut off before pytest's E lines: the raise line
            with_exc = [raised]
            first = ""
        elif asserts and asserts[0].startswith("assert "):  # `E   assert x` cut off before `path:12: AssertionError`
            with_exc = [_Block()]
            with_exc[0].exc = "AssertionError"
            first = ""
        else:  # a console excerpt: its first line that reads like an error, else its first line (never the tally)
            lines = [
                stripped
                for line in text.split("\n", 200)[:200]
                if (stripped := line.strip())
                and not _is_rule(line)
                and not _SECTION_RE.fullmatch(stripped)
                and not _TALLY_RE.fullmatch(stripped)
            ]
            # an exception's repr printed alone (``HTTPError('403 Client Error: rate limit exceeded')``, above a
            # traceback cut before its last line) is the error; then the first line that reads like one
            first = next((line for line in lines if _EXC_REPR_RE.fullmatch(line)), "") or next(
                (line for line in lines if _ERROR_WORDS_RE.search(line)), lines[0] if lines else ""
            )
            if (field := _LOG_FIELD_RE.search(first)) is not None:  # a structured log line: its message field
                first, trusted = field.group(3), True
            else:
                first, trusted = _console_line(first)
        if first:
            with_exc = [_fallback_block(first, parse_name=trusted)]

    # pytest prints a rewritten assertion as "E   AssertionError: assert x == y", or as "E   assert x == y" above
    # "path:12: AssertionError" when the AssertionError's repr has no quote in it: one message
    final = with_exc[0] if with_exc else None
    rewritten = bool(asserts) and asserts[0].startswith("assert ")
    if rewritten and final and not final.message and (final.exc or "").endswith("AssertionError"):
        final.message = asserts.pop(0)
    return blocks, ordered, with_exc, asserts


def canonicalize(traceback: str, message: str = "", test: str = "") -> str:
    """The canonical text of one failure (see the module docstring for the layout).

    Parameters
    ----------
    traceback:
        The raw failure text (pytest longrepr, JUnit element body, a console excerpt). May be empty.
    message:
        The one-line failure message (pytest ``crash.message``, JUnit ``message``). Used when the traceback
        shows no exception of its own.
    test:
        The test id, for the ``test`` section.

    Returns
    -------
    str
        One line per non-empty section: ``exception``, ``message``, ``frames``, ``assert``, ``test``.

    Examples
    --------
    >>> print(canonicalize("tests/test_db.py:9: in test_query\\n    db.run()\\n"
    ...                    "E   psycopg.OperationalError: connection to 10.1.2.3:5432 failed",
    ...                    test="tests/test_db.py::test_query[7]"))
    exception: psycopg.OperationalError
    message: connection to <ip>:<port> failed
    frames: test_db.test_query
    test: query
    """
    blocks, ordered, with_exc, asserts = _read(traceback, message)
    lines: list[str] = []
    names = [b.exc for b in with_exc if b.exc]
    if names:
        lines.append("exception: " + " ".join(names))
    messages: list[str] = []
    for b in with_exc:
        masked = _mask_piece(_cut_message(b.message.strip()))
        if masked and masked not in messages:
            messages.append(masked)
            if len(messages) == MAX_MESSAGES:
                break
    if messages:
        lines.append("message: " + " | ".join(messages))
    if ordered:
        frames = _frames_section([b for b in blocks if b in ordered], ordered[0])
        if frames:
            lines.append("frames: " + " ".join(frames))
    if asserts:
        lines.append("assert: " + " | ".join(_mask_piece(a[:MAX_ASSERT_CHARS]) for a in asserts))
    words = _test_words(test) if test else ""
    if words:
        lines.append("test: " + words)
    return "\n".join(lines)


def failure_line(traceback: str) -> str:
    r"""The failure's error line as a person reads it, unmasked: ``Type: message`` (the message's first line) of the
    exception the canonical text names first, the message alone when there is no type, "" when the text shows
    neither. For results whose failures carry no message field: the last line of their text is often a runner's
    tally, a rule or pytest's ``tests/x.py:12: AssertionError``.

    >>> failure_line("def test_x():\n>       assert f() == 2\nE       assert 1 == 2\n\nt/x.py:3: AssertionError")
    'AssertionError: assert 1 == 2'
    >>> failure_line("the job died with\n`psycopg2.errors.UndefinedTable: relation x does not exist`\n1 failed")
    'psycopg2.errors.UndefinedTable: relation x does not exist'
    """
    _, _, with_exc, _ = _read(traceback, "")
    if not with_exc:
        return ""
    block = with_exc[0]
    text = block.message.strip().split("\n", 1)[0].strip()
    if block.exc and text:
        return f"{block.exc}: {text}"
    return block.exc or text


def canonical_text(case: TestCase) -> str:
    """The canonical text of a test result: :func:`canonicalize` of its traceback, message and test id.

    Parameters
    ----------
    case:
        A failing test result.

    Returns
    -------
    str
        The canonical text.
    """
    return canonicalize(case.traceback, case.message, case.test)
