#!/usr/bin/env python3
"""Writes the malformed-input cases too large to commit (see cases.tsv, file column `gen:NAME`).

    python3 generate.py NAME OUT_PATH

Every file is deterministic, so the line numbers in cases.tsv hold. Standard library only.
"""
import sys

MIB = 1 << 20


def huge_field_50mb(f):
    # A 50 MB quoted comment with 500,000 line breaks in it, then a ragged row whose
    # reported line (500004) shows the line count survived the skipped field.
    f.write(b'id,comment,rating\n1,fine delivery,4\n2,"')
    chunk = b'x' * 99 + b'\n'
    for _ in range(500_000):
        f.write(chunk)
    f.write(b'",3\n3,,5,extra\n4,ok,5\n')


def million_columns_row(f):
    f.write(b'id,comment\n1,good\n2,' + b',' * 1_000_000 + b'\n3,ok\n')


def million_columns_header(f):
    f.write(b','.join(b'c%d' % i for i in range(1_000_000)) + b'\n1,2\n')


def line_20mb_no_newline_jsonl(f):
    f.write(b'{"id":1,"comment":"good"}\n{"id":2,"comment":"ok"}\n{"id":3,"comment":"')
    f.write(b'y' * (20 * MIB))  # no closing quote, brace or newline


def line_20mb_no_newline_csv(f):
    f.write(b'y' * (20 * MIB))


def row_over_4mb(f):
    # Five fields of 900 KiB: each under --max-field-bytes (1M), the row over --max-row-bytes (4M).
    field = b'z' * (900 * 1024)
    f.write(b'id,comment,a,b,c,d\n1,fine,x,x,x,x\n2,' + b','.join([field] * 5) + b'\n3,ok,x,x,x,x\n')


def big_rows_100mb(f):
    # 100 rows whose comments are just under the 1 MiB field limit: every row is legal, so
    # only a reader that keeps a bounded number of rows stays under the memory bound.
    field = (b'word ' * 209_715)[:1_048_000]
    f.write(b'id,comment,note\n')
    for i in range(100):
        f.write(b'%d,%s,short\n' % (i, field))


def deep_nesting_100k(f):
    f.write(b'{"id": 1, "comment": "fine"}\n')
    f.write(b'{"id": 2, "comment": ' + b'[' * 100_000 + b']' * 100_000 + b'}\n')
    f.write(b'{"id": 3, "comment": ' + b'{"a":' * 100_000 + b'1' + b'}' * 100_000 + b'}\n')
    f.write(b'{"id": 4, "comment": "ok"}\n')


def nested_510_x50(f):
    # 50 lines of 51 KB in all, each an object nested 510 deep (under the decoder's limit of 512).
    for i in range(50):
        f.write(b'{"id": %d, "comment": ' % i + b'[' * 510 + b']' * 510 + b'}\n')


def persona_deep_100k(f):
    f.write(b'{"name": "Deep", "goals": ["Protect revenue"], "traits": {"t": ' + b'[' * 100_000 + b']' * 100_000 + b'}}\n')


def duplicate_headers_10000(f):
    f.write(b','.join([b'comment'] * 10_000) + b'\n')
    for _ in range(3):
        f.write(b','.join([b'a b c d e f g h'] * 10_000) + b'\n')


def long_bad_value(f):
    # A 100 KB order value that is no amount: the message should quote a prefix, not all of it.
    f.write(b'id,comment,order_value\n')
    for i in range(1, 10):
        f.write(b'%d,fine product,$%d\n' % (i, 10 + i))
    f.write(b'10,bad value,' + b'9x' * 50_000 + b'\n')


def late_key(f):
    # A key first seen after the 200 objects that give the columns.
    for i in range(1, 201):
        f.write(b'{"id": %d, "comment": "fine"}\n' % i)
    f.write(b'{"id": 201, "comment": "late", "nps": 9}\n')


def binary_garbage(f):
    # 192 KiB of pseudo-random bytes (a fixed LCG, so the same on every machine) named .csv.
    state = 7
    out = bytearray()
    for _ in range(3 * 65536):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(state >> 16 & 0xFF)
    f.write(bytes(out))


def dates_many_bad(f):
    # 150,000 rows, every third date unreadable: 50,000 problems, one summary line.
    f.write(b'RecordedDate,comment\n')
    for i in range(1, 150_001):
        f.write(b'%s,Checkout was slow\n' % (b'31/31/2026' if i % 3 == 0 else b'2026-03-01 09:12:00'))


GENERATORS = {
    'huge_field_50mb.csv': huge_field_50mb,
    'million_columns_row.csv': million_columns_row,
    'million_columns_header.csv': million_columns_header,
    'line_20mb_no_newline.jsonl': line_20mb_no_newline_jsonl,
    'line_20mb_no_newline.csv': line_20mb_no_newline_csv,
    'row_over_4mb.csv': row_over_4mb,
    'big_rows_100mb.csv': big_rows_100mb,
    'deep_nesting_100k.jsonl': deep_nesting_100k,
    'nested_510_x50.jsonl': nested_510_x50,
    'persona_deep_100k.json': persona_deep_100k,
    'duplicate_headers_10000.csv': duplicate_headers_10000,
    'long_bad_value.csv': long_bad_value,
    'late_key.jsonl': late_key,
    'binary_garbage.csv': binary_garbage,
    'dates_many_bad.csv': dates_many_bad,
}

if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in GENERATORS:
        sys.exit('usage: generate.py NAME OUT_PATH; NAME one of ' + ', '.join(sorted(GENERATORS)))
    with open(sys.argv[2], 'wb') as out:
        GENERATORS[sys.argv[1]](out)
