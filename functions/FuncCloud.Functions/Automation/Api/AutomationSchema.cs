namespace FuncCloud.Functions.Automation.Api;

/// <summary>The published JSON Schema (2020-12) of the request envelope, by version.</summary>
public static class AutomationSchema
{
    /// <summary>The media type schemas are served with.</summary>
    public const string MediaType = "application/schema+json";

    /// <summary>Version 1.</summary>
    public const string V1 = """
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "/automation/schema/v1",
  "title": "FuncCloud automation request",
  "description": "A message of the cloud-requests queue: one API operation or a batch, with credentials. Results go to the reply queue and to GET /automation/v1/requests/{correlation_id}.",
  "version": "1",
  "type": "object",
  "additionalProperties": false,
  "required": ["auth"],
  "oneOf": [{ "required": ["operation"] }, { "required": ["batch"] }],
  "properties": {
    "version": { "const": "1" },
    "correlation_id": {
      "type": "string", "pattern": "^[A-Za-z0-9._:-]{1,128}$",
      "description": "Idempotency key: a re-sent or redelivered message with the same id never runs twice. Defaults to the queue message id."
    },
    "auth": {
      "type": "object", "additionalProperties": false,
      "oneOf": [{ "required": ["application_credential"] }, { "required": ["token"] }],
      "properties": {
        "application_credential": {
          "type": "object", "additionalProperties": false, "required": ["id", "secret"],
          "properties": { "id": { "type": "string", "minLength": 1 }, "secret": { "type": "string", "minLength": 1 } }
        },
        "token": { "type": "string", "minLength": 1, "description": "A keystone token (X-Auth-Token)." }
      }
    },
    "operation": { "$ref": "#/$defs/operation" },
    "wait": { "type": "boolean", "default": false, "description": "With operation: wait until the resource it returned reaches a final state." },
    "batch": {
      "type": "object", "additionalProperties": false, "required": ["steps"],
      "properties": {
        "steps": { "type": "array", "minItems": 1, "maxItems": 50, "items": { "$ref": "#/$defs/step" } },
        "compensate": { "type": "boolean", "default": false, "description": "On the first failure, DELETE what the batch created, newest first." }
      }
    },
    "wait_timeout": { "type": "integer", "minimum": 1, "maximum": 3600, "default": 600 },
    "reply_to": { "type": "string", "pattern": "^cloud-replies(-[a-z0-9]+)*$", "maxLength": 63, "default": "cloud-replies" }
  },
  "$defs": {
    "operation": {
      "type": "object", "additionalProperties": false, "required": ["method", "path"],
      "properties": {
        "method": { "enum": ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] },
        "path": { "type": "string", "pattern": "^/[^?#]*$", "description": "An API path under a service prefix, e.g. /compute/v2.1/servers. In a batch it may hold ${step.body.member.id}." },
        "query": { "type": "object", "additionalProperties": { "type": ["string", "number", "boolean"] } },
        "headers": { "type": "object", "additionalProperties": { "type": "string" }, "description": "E.g. OpenStack-API-Version; X-Auth-Token is set from auth." },
        "body": { "description": "The JSON body. In a batch, {\"$ref\": \"step.body.member.id\"} is replaced by that value of an earlier step's result." }
      }
    },
    "step": {
      "allOf": [{ "$ref": "#/$defs/operation" }],
      "type": "object", "required": ["name", "method", "path"],
      "properties": {
        "name": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$" },
        "method": true, "path": true, "query": true, "headers": true, "body": true,
        "wait": { "type": "boolean", "default": false }
      },
      "unevaluatedProperties": false
    }
  }
}
""";
}
