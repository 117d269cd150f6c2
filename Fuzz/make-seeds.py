#!/usr/bin/env python3
"""Writes Fuzz/Seeds/TARGET/* from the string literals of the tests that
exercise each target, so the fuzzers start from the inputs the tests know.
Re-run after adding tests: python3 Fuzz/make-seeds.py"""
import hashlib, os, re, shutil, textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = {
    "html": ["ArticleStoreTests/HTMLIngestTests.swift", "ArticleStoreTests/HTMLExtractionEvaluationTests.swift"],
    "feed": ["ArticleStoreTests/FeedIngestTests.swift"],
    "json": ["ArticleStoreTests/JSONArticleTests.swift"],
    "capture": ["ArticleStoreTests/PlainTextCaptureTests.swift", "ArticleStoreTests/TextDecodingTests.swift"],
    "temporal": ["TimelineTests/TemporalTaggerTests.swift", "TimelineTests/EventExtractorTests.swift"],
    "extract": ["EntityExtractorTests/ExtractorFixtures.swift", "EntityExtractorTests/MentionTests.swift",
                "EntityExtractorTests/HeadlineRuleTests.swift", "EntityExtractorTests/DemonymRuleTests.swift"],
    "query": ["ArticleStoreTests/FullTextQueryTests.swift"],
}
# Short literals are seeds too where the input is a sentence or a query.
SHORT = {"temporal", "extract", "query"}

def literals(swift, short):
    for match in re.finditer(r'"""\n(.*?)\n([ \t]*)"""', swift, re.S):
        body, indent = match.group(1), match.group(2)
        yield "\n".join(line[len(indent):] if line.startswith(indent) else line for line in body.split("\n"))
    if short:
        for match in re.finditer(r'(?<!")"((?:[^"\\\n]|\\.){4,})"(?!")', swift):
            text = match.group(1).replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
            if " " in text or len(text) > 12:
                yield text

for target, files in SOURCES.items():
    out = os.path.join(ROOT, "Fuzz", "Seeds", target)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    seen = set()
    for name in files:
        with open(os.path.join(ROOT, "Tests", name), encoding="utf-8") as handle:
            swift = handle.read()
        for text in literals(swift, target in SHORT):
            data = text.encode("utf-8")
            digest = hashlib.sha1(data).hexdigest()[:16]
            if digest in seen:
                continue
            seen.add(digest)
            with open(os.path.join(out, digest), "wb") as handle:
                handle.write(data)
    print(target, len(seen))
