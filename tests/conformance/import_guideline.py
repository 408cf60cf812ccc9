#!/usr/bin/python3
"""Resolves an interop guideline's tests against the installed Tempest: writes guideline-<id>.tsv.

    ./import_guideline.py 2020.06.json > guideline-2020.06.tsv

The guideline names each test as Tempest had it when the guideline was approved; tests move between
releases, so each is resolved by its idempotent id against `stestr list` of the installed Tempest
(Tempest 33 here). Columns: capability, project, required|flagged, the guideline's name, the Tempest
test id to run ('-' when this Tempest no longer has it). Components: os_powered_compute and
os_powered_storage (the OpenStack Powered Platform).
"""
import json
import re
import subprocess
import sys
import tempfile


def tempest_tests():
    with tempfile.TemporaryDirectory() as workspace:
        subprocess.run(["tempest", "init", workspace], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        listing = subprocess.run(["stestr", "list", r"^tempest\.api\."], cwd=workspace, check=True,
                                 capture_output=True, text=True).stdout
    by_id = {}
    for line in listing.splitlines():
        match = re.search(r"\[(?:.*,)?id-([0-9a-f-]{36})", line)
        if match:
            by_id.setdefault(match.group(1), []).append(line.strip())
    return by_id


def resolve(name, candidates):
    """The test of that name when it still exists; else where the idempotent id moved to (a test
    inherited by several classes keeps its id in each: prefer the guideline's class)."""
    exact = [c for c in candidates if c.split("[")[0] == name]
    return (exact or candidates or ["-"])[0]


def main(path):
    with open(path) as file:
        guideline = json.load(file)
    by_id = tempest_tests()
    required = set()
    for component in ("os_powered_compute", "os_powered_storage"):
        required |= set(guideline["components"][component]["capabilities"]["required"])
    print(f"# interop guideline {guideline['metadata']['id']} (OpenStack Powered Platform: compute + storage), "
          "required capabilities, resolved against Tempest 33 by idempotent id")
    for capability in sorted(required):
        spec = guideline["capabilities"][capability]
        for name, test in sorted(spec["tests"].items()):
            idempotent = test["idempotent_id"].removeprefix("id-")
            status = "flagged" if "flagged" in test else "required"
            print("\t".join([capability, spec["project"], status, name, resolve(name, by_id.get(idempotent, []))]))


if __name__ == "__main__":
    main(sys.argv[1])
