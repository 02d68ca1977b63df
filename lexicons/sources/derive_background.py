#!/usr/bin/env python3
"""Derives lexicons/background.tsv, the general-English word frequencies that `themes discover`
compares a file's words against (and that learning uses to leave function words alone).

Source (downloaded from PyPI by name; nothing else is fetched):
  - wordfreq 3.1.1 (Robyn Speer), data/large_en.msgpack.gz: English word frequencies combined
    from Wikipedia, subtitles (OpenSubtitles, SUBTLEX), news, books (Google Books Ngrams),
    web text, Twitter and Reddit. The data is licensed CC BY-SA 4.0
    (https://creativecommons.org/licenses/by-sa/4.0/); so is this derived file.
    Attribution: Robyn Speer, "rspeer/wordfreq: v3.0" (2022), doi:10.5281/zenodo.7199437.

Rules:
  - Words made of letters, with inner apostrophes or hyphens ("don't", "e-mail"), are kept;
    numbers and symbols are not.
  - A word's Zipf value is log10 of its frequency per billion words (the wordfreq convention:
    "the" 7.7, "delivery" 4.8, "refurbished" 3.2). Words of Zipf 3.0 or more are listed (about
    27,000); a word not listed is rarer than that.

Usage:
  pip download --no-deps -d /tmp/src wordfreq==3.1.1 && (cd /tmp/src && unzip -oq wordfreq-*.whl)
  pip install --target /tmp/pylib msgpack
  PYTHONPATH=/tmp/pylib python3 lexicons/sources/derive_background.py /tmp/src > lexicons/background.tsv
"""
import gzip
import os
import re
import sys

import msgpack

MIN_ZIPF = 3.0
WORD = re.compile(r"^[^\W\d_]+(?:['-][^\W\d_]+)*$")

src = sys.argv[1]
with gzip.open(os.path.join(src, "wordfreq", "data", "large_en.msgpack.gz")) as f:
    packed = msgpack.load(f, raw=False)
assert packed[0].get("format") == "cB", packed[0]

print("# General-English word frequencies: word<TAB>zipf (log10 of occurrences per billion words).")
print("# Derived by lexicons/sources/derive_background.py from wordfreq 3.1.1 (Robyn Speer),")
print("# data/large_en.msgpack.gz, licensed CC BY-SA 4.0; this file is CC BY-SA 4.0 too.")
print(f"# Words of Zipf {MIN_ZIPF} or more; a word not listed is rarer.")
for index, bucket in enumerate(packed[1:]):
    zipf = 9 - index / 100  # bucket i holds words of frequency 10^(-i/100)
    if zipf < MIN_ZIPF:
        break
    for word in bucket:
        if WORD.match(word):
            print(f"{word}\t{zipf:.2f}")
