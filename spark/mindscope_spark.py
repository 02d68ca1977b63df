"""Runs `mindscope` on an export with Spark: one `mindscope` process per partition.

    spark-submit spark/mindscope_spark.py analyze INPUT --partitions N [--format text|markdown|json]
        [--out FILE] [--merge-fanin F] [--mindscope PATH] [--lexicons DIR] [-- EXTRA_MINDSCOPE_ARGS...]
    spark-submit spark/mindscope_spark.py tag INPUT OUTPUT_DIR [--partitions N]
        [--output-format jsonl|parquet] [--mindscope PATH] [--lexicons DIR] [-- EXTRA...]

`analyze` writes the readings of `mindscope analyze INPUT EXTRA...`, byte for byte: each
partition's rows are analysed by `mindscope analyze - --partial` on an executor, the partial
results are merged by `mindscope merge` on the driver. `tag` writes the lines of
`mindscope tag INPUT EXTRA...`, in order, as text part files (JSONL) or as Parquet.

How the file is cut (README, "Running on Spark"):

1. `sc.textFile` splits the file into ordered partitions of physical lines (LF, CRLF or a
   lone CR end a line, as for mindscope). A first pass scans each partition twice at once,
   once as if it started at a record start and once as if it started inside a quoted field,
   with the reader's own rule (a quote opens a field only at its start; `""` inside a quoted
   field is a quote). It returns, per starting state, the state at the end, the records that
   start in it and the lines at its start that continue a record of an earlier partition.
2. The driver resolves the states in order (the file starts at a record start), which gives
   each partition its first physical line L and the records R before it, and moves the
   continuation lines to the partition where their record starts (and the lines of a
   partition that starts within the header's three records to the first part).
3. The driver writes the start of the file (the header and the first 21,000 records or
   more) as the head every partition makes its choices from (`mindscope --head`).

The cutting (up to "Arguments and files") is plain Python with no Spark, unit-tested by
spark/test_mindscope_spark.py against a byte-by-byte port of mindscope's reader.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable, Iterator

# Line states: at a record start, or inside a quoted field that a line break does not end.
OUT, IN = 0, 1

QUOTE = 0x22
BOM = b"\xef\xbb\xbf"

# The head every partition reads: the header (at most three records: Qualtrics writes ids,
# questions and import ids) and at least the 21,000 records mindscope makes choices from.
SAMPLE_RECORDS = 21_000
HEADER_RECORDS_MAX = 3

# Unicode White_Space, which Swift's Character.isWhitespace tests: a JSONL line of these
# only is not a record. (Python's str.isspace also holds U+001C–U+001F, which are not.)
_WHITESPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def detect_format(name: str, first_line: bytes | None, explicit: str | None = None) -> str:
    """csv, tsv or jsonl, as mindscope decides: the option, the extension, then the first line."""
    if explicit:
        return explicit
    path = name.split("?", 1)[0].rstrip("/")
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension == "csv":
        return "csv"
    if extension in ("tsv", "tab"):
        return "tsv"
    if extension in ("jsonl", "ndjson", "json"):
        return "jsonl"
    line = (first_line or b"")
    if line.startswith(BOM):
        line = line[3:]
    line = line.lstrip(b" ")
    if line.startswith(b"{"):
        return "jsonl"
    return "tsv" if line.count(b"\t") > line.count(b",") else "csv"


def delimiter_of(fmt: str) -> bytes | None:
    return {"csv": b",", "tsv": b"\t", "jsonl": None}[fmt]


def csv_step(line: bytes, state: int, delimiter: bytes) -> int:
    """The state after `line` (no line terminator) read from `state`, as mindscope's
    DelimitedReader reads it: a quote opens a field only as the field's first byte, `""`
    inside a quoted field is a quote, and any other quote there closes the field (what
    follows up to the delimiter is kept as unquoted text)."""
    if QUOTE not in line:
        return state
    n = len(line)
    i = 0
    quoted = state == IN
    while i < n:
        if quoted:
            j = line.find(b'"', i)
            if j < 0:
                return IN
            if j + 1 < n and line[j + 1] == QUOTE:
                i = j + 2
                continue
            quoted = False
            i = j + 1
            # After the closing quote the field goes on unquoted: up to the next delimiter.
        elif line[i] == QUOTE:
            quoted = True
            i += 1
            continue
        j = line.find(delimiter, i)
        if j < 0:
            return OUT
        i = j + 1
        # i is now at a field start; loop decides whether it opens a quote.
    return IN if quoted else OUT


def csv_blank(line: bytes) -> bool:
    """Whether a one-line record read from a record start is a blank line (its fields are
    [""]), which mindscope skips and does not count."""
    return line == b"" or line == b'""'


def jsonl_blank(line: bytes) -> bool:
    """Whether a JSONL line is whitespace only (not a record)."""
    stripped = line.strip(b" \t\x0b\x0c")
    if not stripped:
        return True
    if max(stripped) < 0x80:
        return False
    text = stripped.decode("utf-8", "replace")
    return all(c in _WHITESPACE for c in text)


@dataclass
class Summary:
    """What the first pass learns of one partition: its lines and, per starting state
    (OUT, IN), (end state, records started, leading lines that continue an earlier record)."""

    lines: int
    by_start: tuple[tuple[int, int, int], tuple[int, int, int]]


def _advance(line: bytes, state: int, delimiter: bytes) -> tuple[int, int]:
    """The state after a line and whether a (non-blank) record starts on it."""
    if state == OUT:
        after = csv_step(line, OUT, delimiter)
        return after, int(after == IN or not csv_blank(line))
    return csv_step(line, IN, delimiter), 0


def scan_partition(lines: Iterable[bytes], fmt: str, first: bool) -> Summary:
    """The first pass over one partition's lines. `first`: it is the file's first partition
    (a byte-order mark is skipped, as mindscope does)."""
    count = 0
    if fmt == "jsonl":
        records = 0
        for line in lines:
            count += 1
            if not jsonl_blank(line):
                records += 1
        same = (OUT, records, 0)
        return Summary(count, (same, same))

    delimiter = delimiter_of(fmt)
    # Read from both starting states at once. The IN chain's first lines continue a record
    # of an earlier partition; once both chains are at a record start at the same line end
    # they read the rest alike, and one state serves both.
    out_state, out_records = OUT, 0
    in_state, in_records, continuation, continuing = IN, 0, 0, True
    for line in lines:
        count += 1
        if count == 1 and first and line.startswith(BOM):
            line = line[3:]
        if not continuing and out_state == in_state:
            out_state, started = _advance(line, out_state, delimiter)
            in_state = out_state
            out_records += started
            in_records += started
            continue
        out_state, started = _advance(line, out_state, delimiter)
        out_records += started
        if continuing:
            in_state = csv_step(line, IN, delimiter)
            continuation += 1
            continuing = in_state == IN
        else:
            in_state, started = _advance(line, in_state, delimiter)
            in_records += started
    return Summary(count, ((out_state, out_records, 0), (in_state, in_records, continuation)))


@dataclass
class Part:
    """One partition as mindscope reads it, after stitching."""

    index: int
    # The partition's first line in the file (1-based), before stitching.
    start: int
    # Leading lines that belong to an earlier partition's record (moved away).
    skip: int
    # The partition that receives those lines (None when skip is 0).
    owner: int | None
    # Physical line (1-based) of the first line mindscope reads, and the records before it.
    first_line: int
    first_row: int
    # Lines mindscope reads: own lines after `skip`, plus lines moved in from later partitions.
    lines: int


@dataclass
class Plan:
    parts: list[Part]
    lines: int
    records: int
    # The file ends inside a quoted field (mindscope reports an unclosed quote).
    ends_quoted: bool
    # Per receiving partition, the (partition, count) it takes leading lines from, in order.
    moves: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def takes(self) -> dict[int, int]:
        """Per giving partition, how many leading lines it gives away."""
        return {p.index: p.skip for p in self.parts if p.skip}


def resolve(summaries: list[Summary], header_records: int = HEADER_RECORDS_MAX) -> Plan:
    """Resolves the partitions' starting states in order and plans the stitching.

    A part after the first must start past the header, which only the first part skips
    (mindscope reads a later part as rows): a partition that starts within the first
    `header_records` records (a Qualtrics header is three) gives all its lines to the first
    part. Taking one or two data rows along when the header is shorter changes nothing."""
    parts: list[Part] = []
    moves: dict[int, list[tuple[int, int]]] = {}
    state = OUT
    line = 0  # lines before the partition
    records = 0  # records started before the partition
    owner: int | None = None  # the part that holds the open record (state IN)
    first: int | None = None  # the first part with lines
    for index, summary in enumerate(summaries):
        end, started, continuation = summary.by_start[state]
        if state == OUT:
            continuation = 0
        skip = continuation
        joins_first = first is not None and records < header_records and summary.lines > skip
        if joins_first:
            skip = summary.lines
        if skip:
            receiver = first if joins_first else owner
            assert receiver is not None
            moves.setdefault(receiver, []).append((index, skip))
            parts[receiver].lines += skip
        else:
            receiver = None
        parts.append(Part(index=index, start=line + 1, skip=skip, owner=receiver,
                          first_line=line + 1 + skip, first_row=records, lines=summary.lines - skip))
        if first is None and summary.lines > skip:
            first = index
        if started and end == IN:
            owner = first if joins_first else index
        elif end == OUT:
            owner = None
        state = end
        line += summary.lines
        records += started
    return Plan(parts=parts, lines=line, records=records, ends_quoted=state == IN, moves=moves)


def stitched(index: int, lines: Iterator[bytes], plan: Plan, moved: dict[int, list[bytes]]) -> Iterator[bytes]:
    """A partition's lines as mindscope reads them: without the leading lines given to an
    earlier partition, with the lines taken from later ones."""
    part = plan.parts[index]
    if part.skip:
        # Consumed, not kept: a partition can be one long record.
        for _ in islice(lines, part.skip):
            pass
    yield from lines
    yield from moved.get(index, ())


def head_length(lines: list[bytes], fmt: str, records: int) -> int | None:
    """How many of `lines` (the file's first lines) hold its first `records` records, to a
    record's end; None when they hold fewer."""
    delimiter = delimiter_of(fmt)
    state = OUT
    seen = 0
    for number, line in enumerate(lines, 1):
        if number == 1 and line.startswith(BOM):
            line = line[3:]
        if fmt == "jsonl":
            if not jsonl_blank(line):
                seen += 1
        elif state == OUT:
            state = csv_step(line, OUT, delimiter)
            if state == IN or not csv_blank(line):
                seen += 1
        else:
            state = csv_step(line, IN, delimiter)
        if seen >= records and state == OUT:
            return number
    return None


# ---------------------------------------------------------------------------------------
# Arguments and files (driver)


def split_extra(argv: list[str]) -> tuple[list[str], list[str]]:
    """The job's own arguments and, after the first `--`, mindscope's."""
    if "--" in argv:
        at = argv.index("--")
        return argv[:at], argv[at + 1:]
    return argv, []


def option_value(args: list[str], name: str) -> str | None:
    """The last value given to option `name` in `args` (`--name VALUE` or `--name=VALUE`)."""
    value = None
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith(name + "="):
            value = arg[len(name) + 1:]
    return value


def without_option(args: list[str], name: str) -> list[str]:
    """`args` without option `name` and its value."""
    result, skip = [], False
    for i, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == name:
            skip = True
        elif not arg.startswith(name + "="):
            result.append(arg)
    return result


# The options that decide which lexicons are loaded: `merge` must be given the same (the
# partials carry a digest of the lexicons and merge refuses others).
LEXICON_OPTIONS = ("--sentiment-lexicon", "--domain", "--themes", "--add-themes")


def options_named(args: list[str], names: tuple[str, ...]) -> list[str]:
    """The options in `names` given in `args`, with their values, in order."""
    result = []
    for i, arg in enumerate(args):
        if arg in names and i + 1 < len(args):
            result += [arg, args[i + 1]]
        elif any(arg.startswith(name + "=") for name in names):
            result.append(arg)
    return result


def find_binary(explicit: str | None) -> str:
    """--mindscope, then $MINDSCOPE_BIN, then the package's release and debug builds."""
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    candidates = [explicit] if explicit else (
        [os.environ["MINDSCOPE_BIN"]] if os.environ.get("MINDSCOPE_BIN") else
        [os.path.join(repo, ".build", "release", "mindscope"), os.path.join(repo, ".build", "debug", "mindscope")])
    for path in candidates:
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return os.path.abspath(path)
    raise SystemExit("mindscope-spark: no mindscope binary at " + " or ".join(candidates)
                     + " (build it with `swift build -c release`, or give --mindscope PATH or $MINDSCOPE_BIN)")


def find_lexicons(explicit: str | None, binary: str) -> str:
    """The lexicon folder as mindscope looks for it: the option, $MINDSCOPE_LEXICONS, beside
    the binary, ../share/mindscope/lexicons, then the checkout holding the binary's build."""
    if explicit:
        if not os.path.isdir(explicit):
            raise SystemExit(f"mindscope-spark: --lexicons {explicit}: no such folder")
        return os.path.abspath(explicit)
    folder = os.path.dirname(os.path.realpath(binary))
    candidates = []
    if os.environ.get("MINDSCOPE_LEXICONS"):
        candidates.append(os.environ["MINDSCOPE_LEXICONS"])
    candidates += [os.path.join(folder, "lexicons"), os.path.join(os.path.dirname(folder), "share", "mindscope", "lexicons")]
    # <repo>/.build/release/mindscope or <repo>/.build/x86_64-unknown-linux-gnu/release/mindscope
    up = folder
    for _ in range(4):
        up = os.path.dirname(up)
        candidates.append(os.path.join(up, "lexicons"))
    for path in candidates:
        if os.path.isfile(os.path.join(path, "sentiment.tsv")):
            return os.path.abspath(path)
    raise SystemExit("mindscope-spark: no lexicon folder (with sentiment.tsv) at " + ", ".join(candidates) + "; give --lexicons DIR")


def find_personas(explicit: str | None, binary: str) -> str | None:
    """The persona folder as mindscope looks for it (a folder holding .json files); None
    when there is none (mindscope then says so itself)."""
    if explicit:
        return os.path.abspath(explicit)
    folder = os.path.dirname(os.path.realpath(binary))
    candidates = [os.environ["MINDSCOPE_PERSONAS"]] if os.environ.get("MINDSCOPE_PERSONAS") else []
    candidates += [os.path.join(folder, "personas"), os.path.join(os.path.dirname(folder), "share", "mindscope", "personas")]
    up = folder
    for _ in range(4):
        up = os.path.dirname(up)
        candidates.append(os.path.join(up, "personas"))
    for path in candidates:
        if os.path.isdir(path) and any(name.endswith(".json") for name in os.listdir(path)):
            return os.path.abspath(path)
    return None


def parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    own, extra = split_extra(argv)
    parser = argparse.ArgumentParser(prog="spark-submit spark/mindscope_spark.py",
                                     description="Run mindscope analyze or tag on an export with Spark, one mindscope process per partition.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--mindscope", metavar="PATH", help="the mindscope binary (default: $MINDSCOPE_BIN, then .build/release, .build/debug)")
        p.add_argument("--lexicons", metavar="DIR", help="the lexicon folder (default: as mindscope finds it from the binary)")
        p.add_argument("--timings", action="store_true", help="print the stages' times and rows per second per core on stderr")

    analyze = sub.add_parser("analyze", help="the readings of the whole export, merged from the partitions")
    analyze.add_argument("input", metavar="INPUT")
    analyze.add_argument("--partitions", type=int, required=True, metavar="N")
    analyze.add_argument("--format", choices=["text", "markdown", "json"], default=None)
    analyze.add_argument("--out", metavar="FILE")
    analyze.add_argument("--merge-fanin", type=int, default=32, metavar="F",
                         help="with more than F partitions, merge the partials in groups of F on the executors first (default 32)")
    common(analyze)

    tag = sub.add_parser("tag", help="each row tagged, written as part files in row order")
    tag.add_argument("input", metavar="INPUT")
    tag.add_argument("output", metavar="OUTPUT_DIR")
    tag.add_argument("--partitions", type=int, default=None, metavar="N")
    tag.add_argument("--output-format", choices=["jsonl", "parquet"], default="jsonl")
    common(tag)

    args = parser.parse_args(own)
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be 1 or more")
    if args.command == "tag" and option_value(extra, "--format") not in (None, "jsonl"):
        parser.error("tag: only JSONL output can be cut into partitions (leave --format out of the mindscope arguments)")
    if option_value(extra, "--out") is not None:
        parser.error("give --out to the job, not to mindscope")
    return args, extra


# ---------------------------------------------------------------------------------------
# Executors


def _run_mindscope(command: list[str], lines: Iterator[bytes], stdout, label: str) -> bytes:
    """Runs `command` with `lines` on its standard input (joined by LF); returns its stderr.
    A failure raises with mindscope's message, which fails the task."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=stdout, stderr=errors)
        try:
            batch: list[bytes] = []
            size = 0
            for line in lines:
                batch.append(line)
                size += len(line) + 1
                if size >= 1 << 20:
                    batch.append(b"")
                    process.stdin.write(b"\n".join(batch))
                    batch, size = [], 0
            if batch:
                batch.append(b"")
                process.stdin.write(b"\n".join(batch))
            process.stdin.close()
        except BrokenPipeError:
            pass
        code = process.wait()
        errors.seek(0)
        message = errors.read()
    if code != 0:
        raise RuntimeError(f"mindscope failed on {label} (exit {code}): {' '.join(command)}\n"
                           + message.decode("utf-8", "replace"))
    return message


def without_head(message: bytes, head: str) -> bytes:
    """mindscope's stderr without what it says of the head's rows, under the head's path:
    the partition that holds those rows says it under the export's name."""
    prefix = head.encode() + b":"
    return b"".join(line for line in message.splitlines(keepends=True) if not line.startswith(prefix))


def _shipped_path(name: str) -> str:
    from pyspark import SparkFiles

    return SparkFiles.get(name)


def partition_runner(command: str, plan: Plan, moved_b, shipped: dict[str, str], name: str, fmt: str, extra: list[str],
                     task_cpus: int = 1, messages=None):
    """The function mapPartitionsWithIndex runs: mindscope on one stitched partition.
    `shipped`: the names under which SparkContext.addFile shipped the binary, the head
    and the folders (lexicons, and personas for analyze). analyze yields
    (index, partial JSON, stderr); tag yields its output lines and adds {index: stderr} to
    the accumulator `messages`."""

    def run(index: int, lines: Iterator[bytes]):
        part = plan.parts[index]
        if part.lines == 0:
            return
        binary = _shipped_path(shipped["binary"])
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        head = _shipped_path(shipped["head"])
        arguments = [binary, command, "-", "--head", head,
                     "--first-line", str(part.first_line), "--first-row", str(part.first_row),
                     "--input-name", name, "--lexicons", _shipped_path(shipped["lexicons"])]
        if "personas" in shipped:
            arguments += ["--personas", _shipped_path(shipped["personas"])]
        if option_value(extra, "--input-format") is None:
            arguments += ["--input-format", fmt]
        # One thread per task core: Spark runs a task on each core (the output is the same
        # bytes for any --threads).
        threads = [] if option_value(extra, "--threads") is not None else ["--threads", str(task_cpus)]
        label = f"partition {index} (from line {part.first_line})"
        rows = stitched(index, lines, plan, moved_b.value)
        with tempfile.TemporaryDirectory(prefix="mindscope-part-") as folder:
            if command == "analyze":
                partial = os.path.join(folder, "partial.json")
                message = without_head(_run_mindscope(arguments + ["--partial", partial] + threads + extra, rows, subprocess.DEVNULL, label), head)
                with open(partial, "rb") as f:
                    yield index, f.read(), message
            else:
                output = os.path.join(folder, "tags.jsonl")
                with open(output, "wb") as out:
                    message = without_head(_run_mindscope(arguments + threads + extra, rows, out, label), head)
                if messages is not None:
                    messages.add({index: message})
                with open(output, "rb") as f:
                    for line in f:
                        yield line.rstrip(b"\n")

    return run


# ---------------------------------------------------------------------------------------
# Driver


class Errors:
    """The driver's standard error. spark-submit runs the Python driver with its stderr
    joined to its stdout (PythonRunner's redirectErrorStream), so messages written to
    Python's stderr would land among the readings: they go to the JVM's System.err, which
    is spark-submit's own stderr."""

    def __init__(self):
        self.jvm_err = None

    def attach(self, sc) -> None:
        try:
            self.jvm_err = sc._jvm.java.lang.System.err
        except Exception:  # not a py4j gateway (Spark Connect): Python's stderr
            self.jvm_err = None

    def write(self, text: str) -> None:
        if self.jvm_err is not None:
            self.jvm_err.print(text)
            self.jvm_err.flush()
        else:
            sys.stderr.write(text)
            sys.stderr.flush()


errors = Errors()


class Clock:
    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.start = self.last = time.monotonic()

    def note(self, what: str) -> None:
        now = time.monotonic()
        if self.enabled:
            errors.write(f"mindscope-spark: {what}: {now - self.last:.2f} s\n")
        self.last = now


def line_quotas(sizes: list[int], count: int) -> dict[int, int]:
    """How many leading lines to take from each partition (of `sizes` lines) for the file's
    first `count` lines."""
    quotas = {}
    for index, size in enumerate(sizes):
        if count <= 0:
            break
        if size:
            quotas[index] = min(size, count)
            count -= quotas[index]
    return quotas


# A partition's lines left unread by a fetch are read to the end when there are at most
# this many (see leading_lines).
DRAIN_LINES = 200_000


def leading_lines(rdd, counts: dict[int, int], sizes: list[int] | None = None) -> dict[int, list[bytes]]:
    """The first counts[i] lines of each partition i, in one job on those partitions only.
    A task whose function leaves lines unread loses its Python worker, and forking another
    costs about 0.3 s here (a job over every partition cost 4 s for one line): the rest of a
    partition (`sizes`) is read through when it is short."""
    if not counts:
        return {}
    drain = {i for i in counts if sizes is not None and sizes[i] - counts[i] <= DRAIN_LINES}

    def fetch(i, it):
        lines = list(islice(it, counts.get(i, 0)))
        if i in drain:
            for _ in it:
                pass
        return [(i, lines)]

    return dict(rdd.context.runJob(rdd.mapPartitionsWithIndex(fetch), lambda it: it, sorted(counts)))


def fetch_head_and_moves(rdd, fmt: str, plan: Plan, folder: str) -> tuple[str, int, dict[int, list[bytes]]]:
    """Writes the start of the file (the header block and at least SAMPLE_RECORDS records, or
    the whole file) to folder/ and gathers the lines that move to an earlier partition (per
    receiving partition, in order). Returns the head's path, its lines and those lines.

    One job fetches both from the partitions that hold them (the first pass gave their
    sizes): for the head as many lines as the file's lines per record promise, with a
    margin; more only if that falls short."""
    wanted = SAMPLE_RECORDS + HEADER_RECORDS_MAX
    takes = plan.takes
    sizes = [part.start for part in plan.parts[1:]] + [plan.lines + 1]
    sizes = [b - part.start for part, b in zip(plan.parts, sizes)]
    per_record = plan.lines / max(plan.records, 1)
    count = min(plan.lines, int(wanted * per_record * 1.2) + 1000)
    moved: dict[int, list[bytes]] = {}
    while True:
        quotas = line_quotas(sizes, count)
        counts = {i: max(quotas.get(i, 0), takes.get(i, 0)) for i in set(quotas) | set(takes)}
        taken = leading_lines(rdd, counts, sizes)
        for receiver, sources in plan.moves.items() if takes else ():
            for source, number in sources:
                moved.setdefault(receiver, []).extend(taken[source][:number])
        takes = {}  # fetched: a second round is for the head only
        lines = [line for index in sorted(quotas) for line in taken[index][:quotas[index]]]
        length = head_length(lines, fmt, wanted)
        if length is not None or count >= plan.lines:
            break
        count = min(plan.lines, count * 2)
    lines = lines[:length] if length is not None else lines
    path = os.path.join(folder, f"mindscope-head-{os.getpid()}-{int(time.time() * 1000)}.{fmt}")
    with open(path, "wb") as f:
        for line in lines:
            f.write(line)
            f.write(b"\n")
    return path, len(lines), moved


def _spark_main(args: argparse.Namespace, extra: list[str]) -> int:
    from pyspark.sql import SparkSession

    binary = find_binary(args.mindscope)
    lexicons = find_lexicons(args.lexicons or option_value(extra, "--lexicons"), binary)
    extra = without_option(extra, "--lexicons")
    personas = None
    if args.command == "analyze":
        # Output options belong to the merge, not to the partitions.
        for name in ("--format", "--output"):
            if option_value(extra, name) is not None:
                args.format = args.format or option_value(extra, name)
                extra = without_option(extra, name)
        personas = find_personas(option_value(extra, "--personas"), binary)
        extra = without_option(extra, "--personas")
    clock = Clock(args.timings)

    spark = SparkSession.builder.appName(f"mindscope {args.command} {os.path.basename(args.input)}").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    errors.attach(sc)
    clock.note("Spark session")
    work = tempfile.mkdtemp(prefix="mindscope-spark-")
    try:
        partitions = args.partitions or sc.defaultParallelism
        rdd = sc.textFile(args.input, minPartitions=partitions, use_unicode=False)
        fmt = detect_format(args.input, None, option_value(extra, "--input-format"))
        if not option_value(extra, "--input-format") and detect_format(args.input, b"{") != detect_format(args.input, b""):
            first = rdd.take(1)  # no telling extension: the first line decides
            fmt = detect_format(args.input, first[0] if first else None)

        # 1. Per partition: lines, and per starting state the end state, records started and
        #    the leading lines that continue an earlier partition's record.
        summaries = rdd.mapPartitionsWithIndex(lambda i, it: [(i, scan_partition(it, fmt, i == 0))]).collect()
        summaries = [s for _, s in sorted(summaries, key=lambda pair: pair[0])]
        plan = resolve(summaries, 0 if fmt == "jsonl" else HEADER_RECORDS_MAX)
        clock.note(f"first pass ({len(summaries)} partitions, {plan.lines} lines, {plan.records} records)")
        if plan.lines == 0:
            raise SystemExit(f"mindscope-spark: {args.input} is empty")

        # 2. The lines moved to the partitions where their records start, and 3. the head
        #    every partition makes its choices from, fetched in one job.
        head, head_lines, moved = fetch_head_and_moves(rdd, fmt, plan, work)
        moved_b = sc.broadcast(moved)
        # The binary the executors get is the one the driver merges with, even when a build
        # replaces the file meanwhile (partials of another build are refused).
        frozen = os.path.join(work, "mindscope")
        shutil.copy2(binary, frozen)
        binary = frozen
        shipped = {"binary": binary, "lexicons": lexicons, "head": head}
        if personas:
            shipped["personas"] = personas
        for key, path in shipped.items():
            sc.addFile(path, recursive=os.path.isdir(path))
            shipped[key] = os.path.basename(path.rstrip("/"))
        clock.note(f"head ({head_lines} lines), {sum(len(v) for v in moved.values())} lines moved")

        task_cpus = int(sc.getConf().get("spark.task.cpus", "1"))
        messages = sc.accumulator({}, _Messages()) if args.command == "tag" else None
        runner = partition_runner(args.command, plan, moved_b, shipped, args.input, fmt, extra, task_cpus, messages)
        if args.command == "analyze":
            code = _analyze(rdd, runner, binary, lexicons, extra, args, work, clock, shipped)
        else:
            code = _tag(spark, rdd, runner, args, clock)
            _tag_messages(messages, args.input, "--quiet" in extra)
        if args.timings:
            elapsed = time.monotonic() - clock.start
            cores = sc.defaultParallelism
            rows = max(plan.records - (0 if fmt == "jsonl" else 1), 0)  # one header record assumed
            errors.write(f"mindscope-spark: {rows} rows in {elapsed:.2f} s on {cores} cores: "
                         f"{rows / elapsed / cores:.0f} rows per second per core\n")
        return code
    except Exception as error:
        # A task's failure arrives as a Py4JJavaError holding the Python traceback: the
        # message mindscope gave is what matters.
        text = str(error)
        at = text.find("RuntimeError: mindscope failed on")
        if at < 0:
            raise
        message = text[at + len("RuntimeError: "):]
        for stop in ("\n\n", "\n SQLSTATE", "\n\tat "):
            if stop in message:
                message = message[:message.index(stop)]
        errors.write("mindscope-spark: " + message.rstrip() + "\n")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
        spark.stop()


SUMMARY_FIELDS = ("rows read", "used", "skipped", "fields unreadable", "fields with invalid bytes repaired")


def summary_counts(line: str, name: str) -> list[int] | None:
    """The counts of a partition's `NAME: N rows read, N used, N skipped[, …]` line (for
    analyze --partial followed by `; partial result written to …`); None for other lines."""
    prefix = name + ": "
    if not line.startswith(prefix):
        return None
    text = line[len(prefix):].split("; partial result written to ", 1)[0]
    counts = [0] * len(SUMMARY_FIELDS)
    for i, piece in enumerate(text.split(", ")):
        number, _, label = piece.partition(" ")
        if not number.isdigit() or label not in SUMMARY_FIELDS or (i < 3 and label != SUMMARY_FIELDS[i]):
            return None
        counts[SUMMARY_FIELDS.index(label)] = int(number)
    return counts if text.split(", ")[0].endswith("rows read") else None


def summary_line(name: str, counts: list[int]) -> str:
    """`mindscope`'s line for summed counts (InputSummary.line)."""
    text = f"{name}: {counts[0]} rows read, {counts[1]} used, {counts[2]} skipped"
    if counts[3]:
        text += f", {counts[3]} fields unreadable"
    if counts[4]:
        text += f", {counts[4]} fields with invalid bytes repaired"
    return text


# Lines every partition prints with its own counts, summed into one: (pattern, template).
SUMMED = [
    (re.compile(r"^mindscope: learned phrases moved the score of (\d+) of (\d+) comments$"),
     "mindscope: learned phrases moved the score of {} of {} comments"),
]


def forwarded(messages: list[bytes], name: str) -> tuple[list[str], list[int] | None]:
    """The partitions' stderr in partition order, each line once (what the head makes them
    say, such as the phrase valences learned, every partition says), then the lines of
    SUMMED summed (a whole run prints them at its end), without the row-count lines, whose sums
    come second (None when no partition printed one)."""
    seen = set()
    lines: list[str] = []
    sums: dict[int, list[int]] = {}
    total = None
    for message in messages:
        for raw in message.splitlines():
            line = raw.decode("utf-8", "replace")
            counts = summary_counts(line, name)
            if counts is not None:
                total = [a + b for a, b in zip(total or [0] * len(counts), counts)]
                continue
            for key, (pattern, _) in enumerate(SUMMED):
                match = pattern.match(line)
                if match:
                    numbers = [int(g) for g in match.groups()]
                    if key not in sums:
                        sums[key] = [0] * len(numbers)
                    sums[key] = [a + b for a, b in zip(sums[key], numbers)]
                    break
            else:
                if line not in seen:
                    seen.add(line)
                    lines.append(line)
    return lines + [SUMMED[key][1].format(*numbers) for key, numbers in sorted(sums.items())], total


def _forward(messages: list[bytes], name: str = "") -> list[int] | None:
    lines, total = forwarded(messages, name)
    for line in lines:
        errors.write(line + "\n")
    return total


def stage_merger(shipped: dict[str, str], lexicon_options: list[str]):
    """The function that merges a group of partials on an executor (`merge --partial`):
    (group, [(index, partial, stderr)]) → (group, merged partial, the stderr in order)."""

    def merge(item):
        group, members = item
        members = sorted(members, key=lambda triple: triple[0])
        binary = _shipped_path(shipped["binary"])
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        with tempfile.TemporaryDirectory(prefix="mindscope-merge-") as folder:
            paths = []
            for index, data, _ in members:
                paths.append(os.path.join(folder, f"partial-{index:05d}.json"))
                with open(paths[-1], "wb") as f:
                    f.write(data)
            out = os.path.join(folder, "merged.json")
            command = [binary, "merge", *paths, "--partial", out, "--quiet",
                       "--lexicons", _shipped_path(shipped["lexicons"]), *lexicon_options]
            _run_mindscope(command, iter(()), subprocess.DEVNULL, f"the merge of partials {members[0][0]}–{members[-1][0]}")
            with open(out, "rb") as f:
                return group, f.read(), [message for _, _, message in members]

    return merge


def _analyze(rdd, runner, binary: str, lexicons: str, extra: list[str], args, work: str, clock: Clock,
             shipped: dict[str, str]) -> int:
    results = rdd.mapPartitionsWithIndex(runner)
    fanin = args.merge_fanin
    if rdd.getNumPartitions() > fanin > 1:
        # A first stage of merges on the executors: the driver receives one partial per
        # `fanin` partitions (a partial holds its rows' ids, up to 100,000).
        groups = -(-rdd.getNumPartitions() // fanin)
        merged = (results.map(lambda triple: (triple[0] // fanin, triple)).groupByKey(groups)
                  .map(stage_merger(shipped, options_named(extra, LEXICON_OPTIONS))).collect())
        partials = sorted((group, data, b"".join(messages)) for group, data, messages in merged)
    else:
        partials = sorted(results.collect(), key=lambda triple: triple[0])
    clock.note(f"partitions analysed ({len(partials)} partials)")
    _forward([message for _, _, message in partials], args.input)
    paths = []
    for index, data, _ in partials:
        path = os.path.join(work, f"partial-{index:05d}.json")
        with open(path, "wb") as f:
            f.write(data)
        paths.append(path)
    # The personas and options are the partials' own; the lexicons must be the same.
    command = [binary, "merge", *paths, "--lexicons", lexicons, *options_named(extra, LEXICON_OPTIONS)]
    if "--quiet" in extra:
        command.append("--quiet")
    if args.format:
        command += ["--format", args.format]
    if args.out:
        command += ["--out", args.out]
    sys.stdout.flush()
    merged = subprocess.run(command, stdout=None if args.out else subprocess.PIPE, stderr=subprocess.PIPE)
    if merged.stdout:
        sys.stdout.buffer.write(merged.stdout)
        sys.stdout.flush()
    _forward([merged.stderr], "\0")
    clock.note("merge")
    return merged.returncode


class _Messages:
    """An accumulator of {partition: stderr} (a retried task's entry replaces its own)."""

    @staticmethod
    def zero(value):
        return {}

    @staticmethod
    def addInPlace(a, b):
        a.update(b)
        return a


def _tag(spark, rdd, runner, args, clock: Clock) -> int:
    tagged = rdd.mapPartitionsWithIndex(runner)
    if args.output_format == "jsonl":
        tagged.saveAsTextFile(args.output)
    else:
        from pyspark import StorageLevel

        # Schema inference reads the lines once more: keep them rather than tag twice.
        lines = tagged.map(lambda line: line.decode("utf-8")).persist(StorageLevel.MEMORY_AND_DISK)
        spark.read.json(lines).write.parquet(args.output)
        lines.unpersist()
    clock.note(f"tagged into {args.output} ({args.output_format})")
    return 0


def _tag_messages(messages, name: str, quiet: bool) -> None:
    total = _forward([message for _, message in sorted(messages.value.items())], name)
    if total is not None and not quiet:
        errors.write(summary_line(name, total) + "\n")


def main(argv: list[str]) -> int:
    args, extra = parse(argv)
    return _spark_main(args, extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
