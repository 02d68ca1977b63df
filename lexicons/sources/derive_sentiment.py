#!/usr/bin/env python3
"""Derives lexicons/sentiment.tsv, Mindscope's base word valences, from two public lexicons.

Sources (downloaded from PyPI by name; nothing else is fetched):
  - vaderSentiment 3.3.2, vader_lexicon.txt: 7,500 terms rated by ten people each on -4..+4
    (Hutto & Gilbert, ICWSM 2014). MIT licence.
  - textblob 0.20.1, en/en-sentiment.xml: Pattern's 2,900 adjective senses with polarity -1..+1
    (De Smedt & Daelemans 2012). PDDL (public domain).

Rules:
  - VADER terms keep their mean rating; a term listed twice (also "XD" and "xD": words are
    matched case-folded) takes the mean of its lines.
  - Pattern adjectives that VADER lacks are added, polarity averaged over senses and scaled
    onto VADER's range by the least-squares factor fitted on the words both have (about 3.2),
    when |polarity| >= 0.1 and subjectivity >= 0.3 and no sense of the word is neutral or
    objective (a word such as "new" or "right" mostly carries no opinion).
  - Adjectives that occur 30 times or more in Pattern's word-frequency list (en-spelling.txt) are
    left out too: common adjectives ("more", "whole", "light") are mostly descriptive. The cut
    (MAX_FREQUENCY) is the one global parameter chosen on the development sets.
  - So are adjectives whose most frequent tag as a lower-case word in Pattern's own tagger
    lexicon (en-lexicon.txt, Brill's) is a noun (NN, NNS): customer feedback uses them as nouns,
    and the adjective sense is a figure of speech ("chicken" = cowardly, -1.9; "bass", "magic",
    "cast-iron", "attendant"). A noun that is itself an opinion belongs in feedback.tsv.
  - Multiword terms are left out (phrases belong in idioms.tsv).
Hand-written customer-feedback terms live in lexicons/feedback.tsv, which is loaded after this
file and overrides it.

Usage:
  pip download --no-deps -d /tmp/src vaderSentiment==3.3.2 textblob==0.20.1
  (cd /tmp/src && unzip -oq vaderSentiment-*.whl && unzip -oq textblob-*.whl)
  python3 lexicons/sources/derive_sentiment.py /tmp/src > lexicons/sentiment.tsv
"""
import collections
import os
import statistics
import sys
import xml.etree.ElementTree as ET

src = sys.argv[1]
vader = collections.defaultdict(list)
with open(os.path.join(src, "vaderSentiment", "vader_lexicon.txt"), encoding="utf-8") as f:
    for line in f:
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 2 and fields[0] and " " not in fields[0]:
            # Words are matched case-folded, emoticons as written (":D" is not ":d").
            term = fields[0].lower() if fields[0][0].isalnum() else fields[0]
            vader[term].append(float(fields[1]))

senses = collections.defaultdict(list)
root = ET.parse(os.path.join(src, "textblob", "en", "en-sentiment.xml")).getroot()
for word in root.iter("word"):
    senses[word.get("form").lower()].append((float(word.get("polarity")), float(word.get("subjectivity"))))

def pattern_polarity(form):
    s = senses[form]
    return statistics.mean(p for p, _ in s), statistics.mean(q for _, q in s)

pairs = [(pattern_polarity(k)[0], statistics.mean(v)) for k, v in vader.items()
         if k in senses and pattern_polarity(k)[0] != 0]
scale = sum(x * y for x, y in pairs) / sum(x * x for x, _ in pairs)

# Word frequencies (Pattern's spelling list: Gutenberg books, Wiktionary and BNC counts).
frequency = {}
with open(os.path.join(src, "textblob", "en", "en-spelling.txt"), encoding="utf-8") as f:
    for line in f:
        fields = line.split()
        if len(fields) == 2 and not line.startswith(";"):
            frequency[fields[0]] = int(fields[1])
MAX_FREQUENCY = int(os.environ.get("MAX_FREQUENCY", "30"))

# The most frequent tag of each word in Pattern's tagger lexicon (first tag listed).
tags = {}
with open(os.path.join(src, "textblob", "en", "en-lexicon.txt"), encoding="utf-8") as f:
    for line in f:
        fields = line.split()
        if len(fields) >= 2 and not line.startswith(";"):
            tags.setdefault(fields[0], fields[1])

rows = [(term, round(statistics.mean(v), 2), "vader") for term, v in vader.items()]
for form in senses:
    polarity, subjectivity = pattern_polarity(form)
    if form in vader or " " in form or abs(polarity) < 0.1 or subjectivity < 0.3:
        continue
    # A word with an objective or neutral sense ("new", "right", "full", "cold") is mostly
    # used without an opinion: only words whose every sense carries one are taken.
    if any(p == 0 or q < 0.3 for p, q in senses[form]):
        continue
    # So is a very common adjective ("more", "whole", "light", "round"): frequent words are
    # mostly descriptive, and Pattern scored them from movie reviews.
    if frequency.get(form, 0) >= MAX_FREQUENCY:
        continue
    # A word mostly used as a noun ("chicken", "bass", "magic") carries its adjective sense's
    # opinion only as a figure of speech.
    if tags.get(form) in ("NN", "NNS"):
        continue
    rows.append((form, round(max(-4.0, min(4.0, polarity * scale)), 2), "pattern"))

print("# Mindscope base sentiment lexicon: term<TAB>valence (-4..+4)<TAB>source")
print("# Generated by lexicons/sources/derive_sentiment.py; do not edit by hand, put changes in feedback.tsv.")
print("# Sources: VADER 3.3.2 lexicon (MIT, Hutto & Gilbert 2014); Pattern en-sentiment (PDDL,")
print(f"# De Smedt & Daelemans 2012), adjectives VADER lacks, polarity x {scale:.2f}.")
print(f"# {len(rows)} terms.")
for term, valence, source in sorted(rows, key=lambda r: r[0]):
    print(f"{term}\t{valence}\t{source}")
