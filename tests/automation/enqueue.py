#!/usr/bin/env python3
"""./funccloud enqueue: drop one automation request on the cloud-requests queue, print its correlation id.

  enqueue.py [--wait] [--timeout S] [--correlation-id ID] FILE|-          a whole envelope, a batch ({"steps": [...]})
                                                                         or one operation ({"method", "path", ...})
  enqueue.py [--wait] ... METHOD PATH [BODY-JSON]                        one operation

Credentials, unless the file carries "auth": OS_APPLICATION_CREDENTIAL_ID + OS_APPLICATION_CREDENTIAL_SECRET, else a
token issued with the openrc's password (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME). --wait sends the
reply to a private queue and prints the reply when it arrives. Standard library only (Queue REST API, SharedKey).
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import xml.etree.ElementTree as ET

VERSION = "2020-10-02"


class Queues:
    def __init__(self, connection, prefix=""):
        # FuncCloud:Storage:Prefix, applied to queue names as the cloud applies it (StorageNames.Queue).
        self.prefix = "".join(c for c in prefix.lower() if c.isascii() and c.isalnum())
        parts = dict(p.split("=", 1) for p in connection.split(";") if "=" in p)
        self.account = parts["AccountName"]
        self.key = base64.b64decode(parts["AccountKey"])
        self.endpoint = parts["QueueEndpoint"].rstrip("/")

    def name(self, queue):
        return f"{self.prefix}-{queue}"[:63].rstrip("-") if self.prefix else queue

    def call(self, method, path, query=None, body=None, ok=(200, 201, 204)):
        query = query or {}
        url = self.endpoint + path + ("?" + urllib.parse.urlencode(query) if query else "")
        data = body.encode() if body is not None else None
        date = datetime.datetime.now(datetime.timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
        headers = {"x-ms-date": date, "x-ms-version": VERSION}
        content_type = "application/xml" if data else ""
        length = str(len(data)) if data else ""
        resource_path = urllib.parse.urlparse(url).path
        canonical = f"/{self.account}{resource_path}" + "".join(f"\n{k.lower()}:{v}" for k, v in sorted(query.items()))
        to_sign = "\n".join([method, "", "", length, "", content_type, "", "", "", "", "", ""]) + "\n"
        to_sign += "".join(f"{k}:{v}\n" for k, v in sorted(headers.items())) + canonical
        signature = base64.b64encode(hmac.new(self.key, to_sign.encode(), hashlib.sha256).digest()).decode()
        headers["Authorization"] = f"SharedKey {self.account}:{signature}"
        if data:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read().decode()
        except urllib.error.HTTPError as e:
            if e.code in ok:
                return ""
            raise SystemExit(f"enqueue: {method} {path}: {e.code} {e.read().decode()[:300]}")

    def create(self, queue):
        self.call("PUT", f"/{self.name(queue)}", ok=(201, 204, 409))

    def send(self, queue, text):
        encoded = base64.b64encode(text.encode()).decode()  # the Functions queue binding's base64 encoding
        self.call("POST", f"/{self.name(queue)}/messages", body=f"<QueueMessage><MessageText>{encoded}</MessageText></QueueMessage>")

    def receive(self, queue):
        xml = self.call("GET", f"/{self.name(queue)}/messages", {"numofmessages": "32", "visibilitytimeout": "30"})
        for message in ET.fromstring(xml).findall("QueueMessage") if xml else []:
            yield (message.findtext("MessageId"), message.findtext("PopReceipt"),
                   base64.b64decode(message.findtext("MessageText")).decode())

    def delete_message(self, queue, message_id, receipt):
        self.call("DELETE", f"/{self.name(queue)}/messages/{message_id}", {"popreceipt": receipt})

    def delete(self, queue):
        self.call("DELETE", f"/{self.name(queue)}", ok=(204, 404))


def credentials():
    if os.environ.get("OS_APPLICATION_CREDENTIAL_ID") and os.environ.get("OS_APPLICATION_CREDENTIAL_SECRET"):
        return {"application_credential": {"id": os.environ["OS_APPLICATION_CREDENTIAL_ID"],
                                           "secret": os.environ["OS_APPLICATION_CREDENTIAL_SECRET"]}}
    needed = ["OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME"]
    if any(not os.environ.get(n) for n in needed):
        raise SystemExit("enqueue: no credentials: source an openrc (or set OS_APPLICATION_CREDENTIAL_ID/SECRET)")
    domain = os.environ.get("OS_USER_DOMAIN_NAME", "Default")
    body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": os.environ["OS_USERNAME"], "password": os.environ["OS_PASSWORD"], "domain": {"name": domain}}}},
        "scope": {"project": {"name": os.environ["OS_PROJECT_NAME"],
                              "domain": {"name": os.environ.get("OS_PROJECT_DOMAIN_NAME", "Default")}}}}}
    request = urllib.request.Request(os.environ["OS_AUTH_URL"].rstrip("/") + "/auth/tokens", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return {"token": response.headers["X-Subject-Token"]}


def envelope_from(args):
    if len(args.request) == 1:
        text = sys.stdin.read() if args.request[0] == "-" else open(args.request[0], encoding="utf-8").read()
        document = json.loads(text)
        if "operation" in document or "batch" in document:
            return document
        if "steps" in document:
            return {"batch": document}
        return {"operation": document}
    if len(args.request) in (2, 3):
        operation = {"method": args.request[0].upper(), "path": args.request[1]}
        if len(args.request) == 3:
            operation["body"] = json.loads(args.request[2])
        return {"operation": operation, "wait": args.wait_resource} if args.wait_resource else {"operation": operation}
    raise SystemExit("enqueue: give FILE (or -) or METHOD PATH [BODY]")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("request", nargs="+")
    parser.add_argument("--wait", action="store_true", help="wait for the reply and print it")
    parser.add_argument("--wait-resource", action="store_true", help="METHOD PATH form: set \"wait\" (final state)")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--correlation-id")
    parser.add_argument("--queue", default=os.environ.get("FUNCCLOUD_REQUEST_QUEUE", "cloud-requests"))
    args = parser.parse_args()
    connection = os.environ.get("FUNCCLOUD_STORAGE")
    if not connection:
        raise SystemExit("enqueue: FUNCCLOUD_STORAGE (the storage connection string) is not set")
    queues = Queues(connection, os.environ.get("FUNCCLOUD_STORAGE_PREFIX", ""))
    envelope = envelope_from(args)
    envelope.setdefault("version", "1")
    envelope["correlation_id"] = args.correlation_id or envelope.get("correlation_id") or str(uuid.uuid4())
    envelope.setdefault("auth", credentials())
    reply_queue = None
    if args.wait:
        reply_queue = "cloud-replies-" + uuid.uuid4().hex[:12]
        envelope["reply_to"] = reply_queue
        queues.create(reply_queue)
    queues.create(args.queue)
    queues.send(args.queue, json.dumps(envelope))
    print(envelope["correlation_id"], flush=True)
    if not reply_queue:
        return 0
    try:
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            for message_id, receipt, text in queues.receive(reply_queue):
                reply = json.loads(text)
                queues.delete_message(reply_queue, message_id, receipt)
                if reply.get("request", {}).get("correlation_id") == envelope["correlation_id"]:
                    print(json.dumps(reply, indent=2))
                    return 0 if reply["request"]["status"] == "succeeded" else 1
            time.sleep(1)
        print(f"enqueue: no reply within {args.timeout:.0f} s", file=sys.stderr)
        return 3
    finally:
        queues.delete(reply_queue)


if __name__ == "__main__":
    sys.exit(main())
