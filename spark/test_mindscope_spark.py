"""Unit tests of the job's cutting logic (no Spark): line states, records, stitching, head.

    python3 spark/test_mindscope_spark.py

Each cut is checked against `reference_records`, a byte-by-byte port of mindscope's
DelimitedReader run on the whole file: every stitched partition must begin where a record
begins, with that record's line and the count of records before it, and the partitions
joined in order must be the file's lines.
"""

import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mindscope_spark as ms  # noqa: E402


def physical_lines(data: bytes) -> list[bytes]:
    """The lines Hadoop's LineReader yields: split at LF, CRLF or a lone CR; no empty last
    line after a final terminator."""
    lines, start, i, n = [], 0, 0, len(data)
    while i < n:
        b = data[i]
        if b == 0x0A or b == 0x0D:
            lines.append(data[start:i])
            if b == 0x0D and i + 1 < n and data[i + 1] == 0x0A:
                i += 1
            start = i + 1
        i += 1
    if start < n:
        lines.append(data[start:])
    return lines


def reference_records(data: bytes, fmt: str) -> list[tuple[int, bool]]:
    """(first line, blank) of each record, read as DelimitedReader reads: byte by byte."""
    if data.startswith(ms.BOM):
        data = data[3:]
    delimiter = None if fmt == "jsonl" else ms.delimiter_of(fmt)[0]
    records = []
    pos, n, line = 0, len(data), 1
    while pos < n:
        start_line = line
        fields, field, quoted, started = [], bytearray(), False, False
        ended = False
        while pos < n:
            b = data[pos]
            pos += 1
            if quoted:
                if b == 0x22:
                    if pos < n and data[pos] == 0x22:
                        pos += 1
                        field.append(b)
                    else:
                        quoted = False
                else:
                    if b == 0x0A or (b == 0x0D and not (pos < n and data[pos] == 0x0A)):
                        line += 1
                    field.append(b)
                continue
            if b == 0x22 and not started and not field and delimiter is not None:
                quoted = True
                started = True
            elif delimiter is not None and b == delimiter:
                fields.append(bytes(field))
                field, started = bytearray(), False
            elif b == 0x0D and pos < n and data[pos] == 0x0A:
                continue
            elif b == 0x0A or b == 0x0D:
                line += 1
                ended = True
                break
            else:
                started = True
                field.append(b)
        fields.append(bytes(field))
        if fmt == "jsonl":
            blank = ms.jsonl_blank(fields[0])
        else:
            blank = fields == [b""]
        records.append((start_line, blank))
    return records


def cut(lines: list[bytes], rng: random.Random, parts: int) -> list[list[bytes]]:
    """Lines split into `parts` ordered partitions, some of them empty."""
    bounds = sorted(rng.randint(0, len(lines)) for _ in range(parts - 1))
    edges = [0] + bounds + [len(lines)]
    return [lines[a:b] for a, b in zip(edges, edges[1:])]


def run_plan(partitions: list[list[bytes]], fmt: str):
    summaries = [ms.scan_partition(iter(p), fmt, first=i == 0) for i, p in enumerate(partitions)]
    plan = ms.resolve(summaries, 0 if fmt == "jsonl" else ms.HEADER_RECORDS_MAX)
    moved = {}
    for receiver, sources in plan.moves.items():
        for source, count in sources:
            moved.setdefault(receiver, []).extend(partitions[source][:count])
    out = [list(ms.stitched(i, iter(p), plan, moved)) for i, p in enumerate(partitions)]
    return plan, out


def random_csv(rng: random.Random, rows: int, delimiter: str = ",") -> bytes:
    words = ["good", "bad", "slow", "5\" screen", "ok", "la,te", "tab\there", "\"quoted\"", ""]
    ends = ["\n", "\r\n", "\r"]
    end = rng.choice(ends) if rng.random() < 0.8 else None
    out = []
    if rng.random() < 0.2:
        out.append("\ufeff")
    out.append(delimiter.join(["id", "rating", "comment"]) + (end or "\n"))
    for r in range(rows):
        e = end or rng.choice(ends)
        kind = rng.random()
        if kind < 0.05:
            out.append(e)  # blank line
            continue
        if kind < 0.08:
            out.append('""' + e)  # a quoted empty field alone: blank too
            continue
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 4)))
        if rng.random() < 0.3:
            text += rng.choice(["\n", "\r\n", "\r", "\n\n"]) + rng.choice(words)
        style = rng.random()
        if style < 0.5 or "\n" in text or "\r" in text:
            comment = '"' + text.replace('"', '""') + '"'
            if rng.random() < 0.05:
                comment += 'after'  # text after the closing quote, kept unquoted
        else:
            comment = text.replace("\n", " ").replace("\r", " ")
        out.append(delimiter.join([str(r), str(rng.randint(1, 5)), comment]) + e)
    if rng.random() < 0.1:
        out.append('9,1,"never closed\nrest of file\n')
    data = "".join(out).encode()
    if rng.random() < 0.3 and data.endswith((b"\n", b"\r")):
        data = data.rstrip(b"\r\n")  # no final line break
    return data


class CSVStep(unittest.TestCase):
    def test_plain_line_keeps_state(self):
        self.assertEqual(ms.csv_step(b"1,2,3", ms.OUT, b","), ms.OUT)
        self.assertEqual(ms.csv_step(b"1,2,3", ms.IN, b","), ms.IN)

    def test_quote_opens_only_at_field_start(self):
        self.assertEqual(ms.csv_step(b'1,5" screen,3', ms.OUT, b","), ms.OUT)
        self.assertEqual(ms.csv_step(b'1,"open', ms.OUT, b","), ms.IN)
        self.assertEqual(ms.csv_step(b'1,"closed" then "more', ms.OUT, b","), ms.OUT)

    def test_doubled_quotes(self):
        self.assertEqual(ms.csv_step(b'1,"a ""b"" c', ms.OUT, b","), ms.IN)
        self.assertEqual(ms.csv_step(b'a ""b"" c"', ms.IN, b","), ms.OUT)
        self.assertEqual(ms.csv_step(b'""', ms.IN, b","), ms.IN)
        self.assertEqual(ms.csv_step(b'"', ms.IN, b","), ms.OUT)

    def test_continuation_then_new_quoted_field(self):
        self.assertEqual(ms.csv_step(b'end",2,"next', ms.IN, b","), ms.IN)
        self.assertEqual(ms.csv_step(b'end",2,"next"', ms.IN, b","), ms.OUT)

    def test_tab_delimiter(self):
        self.assertEqual(ms.csv_step(b'1\t"a,b', ms.OUT, b"\t"), ms.IN)
        self.assertEqual(ms.csv_step(b'1,"a', ms.OUT, b"\t"), ms.OUT)  # quote not at a field start

    def test_blank(self):
        self.assertTrue(ms.csv_blank(b""))
        self.assertTrue(ms.csv_blank(b'""'))
        self.assertFalse(ms.csv_blank(b" "))
        self.assertFalse(ms.csv_blank(b","))

    def test_jsonl_blank(self):
        self.assertTrue(ms.jsonl_blank(b""))
        self.assertTrue(ms.jsonl_blank(b" \t "))
        self.assertTrue(ms.jsonl_blank("\u00a0\u3000".encode()))
        self.assertFalse(ms.jsonl_blank("\x1c".encode()))  # not Unicode White_Space
        self.assertFalse(ms.jsonl_blank(b'{"a":1}'))


class Format(unittest.TestCase):
    def test_detect(self):
        self.assertEqual(ms.detect_format("s3://b/x.CSV", b"a\tb\tc"), "csv")
        self.assertEqual(ms.detect_format("x.tab", b""), "tsv")
        self.assertEqual(ms.detect_format("x.ndjson", b""), "jsonl")
        self.assertEqual(ms.detect_format("hdfs:///data/export", b'\xef\xbb\xbf {"a":1}'), "jsonl")
        self.assertEqual(ms.detect_format("export", b"a\tb,c\td"), "tsv")
        self.assertEqual(ms.detect_format("export", b"a,b"), "csv")
        self.assertEqual(ms.detect_format("x.csv", b"", explicit="tsv"), "tsv")


class Stitching(unittest.TestCase):
    def check(self, data: bytes, fmt: str, partitions: list[list[bytes]]):
        lines = physical_lines(data)
        self.assertEqual(sum(partitions, []), lines)
        records = reference_records(data, fmt)
        starts = {}
        count = 0
        for line, blank in records:
            starts.setdefault(line, count)
            if not blank:
                count += 1
        plan, out = run_plan(partitions, fmt)
        self.assertEqual(sum(out, []), lines, "stitched partitions joined are the file")
        self.assertEqual(plan.lines, len(lines))
        self.assertEqual(plan.records, count)
        first = True
        for part, got in zip(plan.parts, out):
            self.assertEqual(part.lines, len(got))
            if not got:
                continue
            if not first and fmt != "jsonl":
                self.assertGreaterEqual(part.first_row, ms.HEADER_RECORDS_MAX, f"partition {part.index} starts in the header")
            first = False
            self.assertIn(part.first_line, starts, f"partition {part.index} starts inside a record")
            self.assertEqual(part.first_row, starts[part.first_line], f"records before partition {part.index}")
            self.assertEqual(got[0], lines[part.first_line - 1])
        last_start = records[-1][0] if records else 0
        return plan, last_start

    def test_example_across_three_partitions(self):
        data = b'id,c\n0,a\n0,b\n1,"a\nb\nc\nd"\n2,x\n'
        lines = physical_lines(data)
        plan, _ = self.check(data, "csv", [lines[:4], lines[4:5], lines[5:]])
        self.assertEqual([p.skip for p in plan.parts], [0, 1, 2])
        self.assertEqual(plan.moves, {0: [(1, 1), (2, 2)]})
        self.assertEqual((plan.parts[2].first_line, plan.parts[2].first_row), (8, 4))

    def test_header_rows_stay_with_the_first_part(self):
        data = b'a,b\nA,B\n"{""ImportId"":""a""}",x\n1,2\n3,4\n'
        lines = physical_lines(data)
        plan, _ = self.check(data, "csv", [lines[:1], lines[1:3], lines[3:4], lines[4:]])
        self.assertEqual([p.lines for p in plan.parts], [3, 0, 1, 1])
        self.assertEqual(plan.moves, {0: [(1, 2)]})

    def test_unclosed_quote_at_end(self):
        data = b'id,c\n0,a\n0,b\n1,"open\n2,x\n3,y\n'
        lines = physical_lines(data)
        plan, _ = self.check(data, "csv", [lines[:3], lines[3:5], lines[5:]])
        self.assertTrue(plan.ends_quoted)
        self.assertEqual(plan.parts[2].lines, 0)

    def test_random_csv(self):
        for seed in range(400):
            rng = random.Random(seed)
            delimiter = "," if seed % 3 else "\t"
            fmt = "csv" if delimiter == "," else "tsv"
            data = random_csv(rng, rng.randint(0, 60), delimiter)
            lines = physical_lines(data)
            with self.subTest(seed=seed):
                self.check(data, fmt, cut(lines, rng, rng.randint(1, 12)))

    def test_random_jsonl(self):
        for seed in range(100):
            rng = random.Random(seed)
            rows = []
            for r in range(rng.randint(0, 40)):
                rows.append(rng.choice(['{"id":%d,"c":"a \\"q\\" b"}' % r, "", "  ", '{"id":%d}' % r, "\u3000"]))
            data = "\n".join(rows).encode()
            lines = physical_lines(data)
            with self.subTest(seed=seed):
                self.check(data, "jsonl", cut(lines, rng, rng.randint(1, 8)))


class Head(unittest.TestCase):
    def test_head_ends_at_record_end(self):
        lines = physical_lines(b'id,c\n1,"a\nb"\n\n2,x\n3,"y\nz"\n')
        self.assertEqual(ms.head_length(lines, "csv", 1), 1)
        self.assertEqual(ms.head_length(lines, "csv", 2), 3)
        self.assertEqual(ms.head_length(lines, "csv", 3), 5)
        self.assertEqual(ms.head_length(lines, "csv", 4), 7)
        self.assertIsNone(ms.head_length(lines, "csv", 5))

    def test_line_quotas(self):
        self.assertEqual(ms.line_quotas([3, 0, 4, 5], 6), {0: 3, 2: 3})
        self.assertEqual(ms.line_quotas([3, 0, 4], 20), {0: 3, 2: 4})
        self.assertEqual(ms.line_quotas([3], 0), {})

    def test_jsonl(self):
        lines = [b'{"a":1}', b"", b'{"a":2}']
        self.assertEqual(ms.head_length(lines, "jsonl", 2), 3)


class Arguments(unittest.TestCase):
    def test_split_extra(self):
        own, extra = ms.split_extra(["analyze", "x.csv", "--partitions", "4", "--", "--by", "plan", "--", "y"])
        self.assertEqual(own, ["analyze", "x.csv", "--partitions", "4"])
        self.assertEqual(extra, ["--by", "plan", "--", "y"])

    def test_options_named(self):
        extra = ["--by", "plan", "--themes", "a.tsv", "--themes=b.tsv", "--domain", "travel", "--quiet"]
        self.assertEqual(ms.options_named(extra, ms.LEXICON_OPTIONS), ["--themes", "a.tsv", "--themes=b.tsv", "--domain", "travel"])

    def test_option_value(self):
        self.assertEqual(ms.option_value(["--input-format", "tsv"], "--input-format"), "tsv")
        self.assertEqual(ms.option_value(["--input-format=jsonl"], "--input-format"), "jsonl")
        self.assertIsNone(ms.option_value(["--quiet"], "--input-format"))


class Messages(unittest.TestCase):
    def test_without_head(self):
        self.assertEqual(ms.without_head(b"/t/head.csv:3: bad\nx.csv:3: bad\n", "/t/head.csv"), b"x.csv:3: bad\n")

    def test_summary_counts(self):
        self.assertEqual(ms.summary_counts("x.csv: 10 rows read, 9 used, 1 skipped", "x.csv"), [10, 9, 1, 0, 0])
        self.assertEqual(ms.summary_counts("x.csv: 10 rows read, 9 used, 1 skipped, 2 fields unreadable; partial result written to /t/p.json", "x.csv"),
                         [10, 9, 1, 2, 0])
        self.assertIsNone(ms.summary_counts("x.csv:12: unclosed quote", "x.csv"))
        self.assertIsNone(ms.summary_counts("y.csv: 10 rows read, 9 used, 1 skipped", "x.csv"))

    def test_forwarded(self):
        moved = b"mindscope: learned phrases moved the score of %d of %d comments"
        lines, total = ms.forwarded([b"mindscope: learned 5\n" + moved % (2, 3) + b"\nx.csv:3: bad\nx.csv: 2 rows read, 1 used, 1 skipped",
                                     b"mindscope: learned 5\n" + moved % (4, 5) + b"\nx.csv: 3 rows read, 3 used, 0 skipped, 1 fields with invalid bytes repaired"], "x.csv")
        self.assertEqual(lines, ["mindscope: learned 5", "x.csv:3: bad", "mindscope: learned phrases moved the score of 6 of 8 comments"])
        self.assertEqual(ms.summary_line("x.csv", total), "x.csv: 5 rows read, 4 used, 1 skipped, 1 fields with invalid bytes repaired")


class Counting(unittest.TextTestResult):
    pass


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=1, resultclass=Counting).run(suite)
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed or result.testsRun == 0 else 0)
