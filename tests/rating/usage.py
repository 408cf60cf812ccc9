#!/usr/bin/python3
"""./funccloud usage: a project's rating report (GET /metric/v1/rating/report) as JSON or CSV on stdout.

  usage.py [--project NAME|ID] [--start TIME] [--end TIME] [--format json|csv]

Credentials from the OS_* environment (a sourced openrc; ./funccloud sources its admin openrc when none is set);
the metric endpoint from the catalog. TIME is what gnocchi accepts (ISO 8601, naive means UTC, or epoch seconds).
Without --project the token's project is rated; an admin may name any project (a name is looked up in Keystone).
Exit status 1 with the service's error on stderr when the report is refused.
"""
import argparse
import sys

import openstack
import openstack.exceptions


def main():
    parser = argparse.ArgumentParser(prog="funccloud usage", description="A project's priced usage over a period.")
    parser.add_argument("--project", help="project name or id (default: the token's project)")
    parser.add_argument("--start", help="start of the period (default: the first of this month, UTC)")
    parser.add_argument("--end", help="end of the period (default: now)")
    parser.add_argument("--format", choices=["json", "csv"], default="json")
    args = parser.parse_args()

    conn = openstack.connect()
    params = {"format": args.format}
    if args.project:
        try:
            project = conn.identity.find_project(args.project, ignore_missing=True)
        except openstack.exceptions.SDKException:
            project = None  # a member may not look projects up: pass the id as given, the report decides
        params["project_id"] = project.id if project is not None else args.project
    if args.start:
        params["start"] = args.start
    if args.end:
        params["end"] = args.end

    response = conn.session.get("/v1/rating/report", params=params, raise_exc=False,
                                endpoint_filter={"service_type": "metric", "interface": "public"})
    if response.status_code != 200:
        sys.stderr.write(f"funccloud usage: HTTP {response.status_code}: {response.text}\n")
        return 1
    sys.stdout.write(response.text if response.text.endswith("\n") else response.text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
