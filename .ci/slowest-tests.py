#!/usr/bin/env python3
"""Prints where `dotnet test`'s wall time went, from the TRX files the CI run asks each test project to write:
per project its span (first test start to last test end) and test count, then the slowest test classes by their
span. Read-only; prints nothing when there are no TRX files."""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import datetime
from pathlib import Path

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def when(text):
    # TRX times carry 7 fractional digits and an offset: trim to what fromisoformat takes.
    head, _, rest = text.partition(".")
    frac = "".join(c for c in rest if c.isdigit())[:6]
    offset = rest[-6:] if rest[-6:-5] in "+-" else ""
    return datetime.fromisoformat(f"{head}.{frac or '0'}{offset}")


def main(root):
    classes = {}
    projects = {}
    for trx in sorted(Path(root).rglob("*.trx")):
        tree = ET.parse(trx)
        names = {d.get("id"): d.find("t:TestMethod", NS).get("className") for d in tree.iterfind(".//t:UnitTest", NS)}
        spans = []
        for result in tree.iterfind(".//t:UnitTestResult", NS):
            if result.get("startTime") is None:
                continue
            start, end = when(result.get("startTime")), when(result.get("endTime"))
            spans.append((start, end))
            cls = names.get(result.get("testId"), "?").split(".")[-1]
            first, last, count = classes.get(cls, (start, end, 0))
            classes[cls] = (min(first, start), max(last, end), count + 1)
        if spans:
            project = trx.parent.parent.name
            projects[project] = (min(s for s, _ in spans), max(e for _, e in spans), len(spans))
    if not projects:
        return
    print("== where the suite's time went (spans from the TRX files)")
    for name, (start, end, count) in sorted(projects.items(), key=lambda p: p[1][0] - p[1][1]):
        print(f"  {name:32} {(end - start).total_seconds() / 60:6.1f} min  {count:4} tests")
    print("  slowest test classes:")
    ranked = sorted(classes.items(), key=lambda c: c[1][0] - c[1][1])[:15]
    for name, (start, end, count) in ranked:
        print(f"  {name:60} {(end - start).total_seconds():7.0f} s  {count:3} tests")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
