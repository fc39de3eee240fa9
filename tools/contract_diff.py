"""What a new contract breaks for clients of the last released one.

The versioning policy (/docs/guides/versioning) lets `/v1` grow: new operations, optional
request fields, response fields, status codes and headers. It does not let it take away or
narrow what a client relies on. This compares two OpenAPI documents and names each such change
as one line (`operation`, where, what), so that a change can be declared on purpose in
openapi/breaking-changes.txt, or else fails the build (tests/unit/test_contract_compatibility.py).

    python tools/contract_diff.py OLD.json NEW.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

Schema = dict[str, Any]
METHODS = ("get", "put", "post", "patch", "delete")


class _Documents:
    def __init__(self, old: Schema, new: Schema) -> None:
        self.old, self.new = old, new

    @staticmethod
    def resolve(document: Schema, schema: Schema) -> Schema:
        while "$ref" in schema:
            schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        return schema


def _types(document: Schema, schema: Schema) -> set[str]:
    """The JSON types a schema admits (its branches' too); empty: anything."""
    schema = _Documents.resolve(document, schema)
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches:
        found: set[str] = set()
        for branch in branches:
            found |= _types(document, branch) or {"any"}
        return found
    kind = schema.get("type")
    if kind is None:
        return set()
    return {kind} if isinstance(kind, str) else set(kind)


def _branch(document: Schema, schema: Schema, keyword: str) -> Schema | None:
    """The first branch of a schema (itself, or one of its oneOf/anyOf) that has `keyword`."""
    schema = _Documents.resolve(document, schema)
    if keyword in schema:
        return schema
    for branch in schema.get("oneOf") or schema.get("anyOf") or []:
        found = _branch(document, branch, keyword)
        if found is not None:
            return found
    return None


def _object(document: Schema, schema: Schema) -> Schema | None:
    return _branch(document, schema, "properties")


def _items(document: Schema, schema: Schema) -> Schema | None:
    found = _branch(document, schema, "items")
    return None if found is None else dict(found["items"])


def _enum(document: Schema, schema: Schema) -> set[Any] | None:
    found = _branch(document, schema, "enum")
    return None if found is None else set(found["enum"])


def _open_enum(document: Schema, schema: Schema) -> bool:
    """An enum the contract marks open (`x-open-enum`): new values may come within /v1."""
    found = _branch(document, schema, "enum")
    return bool(found and found.get("x-open-enum"))


def _named_branches(schema: Schema) -> dict[str, Schema]:
    """A union's branches that name a component (`$ref`), by that name: how two versions of a
    union (the feed's events, say) are paired branch by branch."""
    return {
        branch["$ref"].rsplit("/", 1)[1]: branch
        for branch in schema.get("oneOf") or schema.get("anyOf") or []
        if "$ref" in branch
    }


def _paired_branches(
    docs: _Documents, old: Schema, new: Schema
) -> dict[str, tuple[Schema, Schema]]:
    """The branches of a union of several components (the feed's events), paired by name, to
    compare each with its former self. A component that is only nullable (one `$ref` and null)
    is compared as that component, without this."""
    old_branches = _named_branches(_Documents.resolve(docs.old, old))
    new_branches = _named_branches(_Documents.resolve(docs.new, new))
    if len(old_branches) < 2 and len(new_branches) < 2:
        return {}
    return {
        n: (old_branches[n], new_branches[n]) for n in old_branches.keys() & new_branches.keys()
    }


# Keywords that narrow what a request may send when they appear or change (beyond the bounds,
# compared by size): a new pattern, format or rule cannot be proved no narrower, so it is named.
_REQUEST_RULES = (
    "pattern",
    "format",
    "const",
    "multipleOf",
    "uniqueItems",
    "if",
    "then",
    "not",
    "dependentRequired",
    "dependentSchemas",
    "additionalProperties",
)


def _response_changes(
    docs: _Documents, old: Schema, new: Schema, where: str, depth: int = 0
) -> list[str]:
    """A response a client reads: nothing it could read may go, nor take a type it did not."""
    if depth > 12:
        return []
    found: list[str] = []
    old_types, new_types = _types(docs.old, old), _types(docs.new, new)
    if old_types and (not new_types or new_types - old_types):
        widened = sorted(new_types - old_types) if new_types else ["any"]
        found.append(f"{where}: may now be {', '.join(widened)}")
    old_enum, new_enum = _enum(docs.old, old), _enum(docs.new, new)
    if (
        old_enum is not None
        and new_enum is not None
        and new_enum - old_enum
        and not _open_enum(docs.new, new)
    ):
        found.append(f"{where}: may now be {sorted(map(str, new_enum - old_enum))}")
    paired = _paired_branches(docs, old, new)
    for name in paired:
        found += _response_changes(
            docs, paired[name][0], paired[name][1], f"{where}<{name}>", depth + 1
        )
    old_object, new_object = _object(docs.old, old), _object(docs.new, new)
    if paired:
        old_object = new_object = None
    if old_object is not None and new_object is not None:
        old_required = set(old_object.get("required", []))
        new_required = set(new_object.get("required", []))
        for name, schema in old_object["properties"].items():
            if name not in new_object["properties"]:
                found.append(f"{where}.{name}: removed")
                continue
            if name in old_required and name not in new_required:
                found.append(f"{where}.{name}: no longer always present")
            found += _response_changes(
                docs, schema, new_object["properties"][name], f"{where}.{name}", depth + 1
            )
    old_items, new_items = _items(docs.old, old), _items(docs.new, new)
    if old_items is not None and new_items is not None:
        found += _response_changes(docs, old_items, new_items, f"{where}[]", depth + 1)
    return found


def _request_changes(
    docs: _Documents, old: Schema, new: Schema, where: str, depth: int = 0
) -> list[str]:
    """A request a client sends: what it could send must still be accepted."""
    if depth > 12:
        return []
    found: list[str] = []
    old_types, new_types = _types(docs.old, old), _types(docs.new, new)
    if new_types and (not old_types or old_types - new_types):
        narrowed = sorted(old_types - new_types) if old_types else ["any"]
        found.append(f"{where}: no longer takes {', '.join(narrowed)}")
    old_enum, new_enum = _enum(docs.old, old), _enum(docs.new, new)
    if old_enum is not None and new_enum is not None and old_enum - new_enum:
        found.append(f"{where}: no longer takes {sorted(map(str, old_enum - new_enum))}")
    old_branches = _named_branches(_Documents.resolve(docs.old, old))
    new_branches = _named_branches(_Documents.resolve(docs.new, new))
    if new_branches:
        for name in old_branches.keys() - new_branches.keys():
            found.append(f"{where}: no longer takes {name}")
    paired = _paired_branches(docs, old, new)
    for name in paired:
        found += _request_changes(
            docs, paired[name][0], paired[name][1], f"{where}<{name}>", depth + 1
        )
    for rule in _REQUEST_RULES:
        before = (_branch(docs.old, old, rule) or {}).get(rule)
        after = (_branch(docs.new, new, rule) or {}).get(rule)
        if after is not None and after != before and not (rule == "uniqueItems" and not after):
            if rule == "additionalProperties" and after is not False:
                continue
            found.append(f"{where}: {rule} {_short(before)} -> {_short(after)}")
    # A bound that appeared, or moved inward: what fitted before may not now.
    bounds = [(b, min) for b in ("maxLength", "maximum", "maxItems")]
    bounds += [(b, max) for b in ("minLength", "minimum", "minItems")]
    for bound, tighter in bounds:
        before = _Documents.resolve(docs.old, old).get(bound)
        after = _Documents.resolve(docs.new, new).get(bound)
        if after is not None and (before is None or tighter(before, after) != before):
            found.append(f"{where}: {bound} {before} -> {after}")
    old_object, new_object = _object(docs.old, old), _object(docs.new, new)
    if paired:
        old_object = new_object = None
    if old_object is not None and new_object is not None:
        for name in set(new_object.get("required", [])) - set(old_object.get("required", [])):
            found.append(f"{where}.{name}: now required")
        for name, schema in old_object["properties"].items():
            if name not in new_object["properties"]:
                found.append(f"{where}.{name}: removed")
                continue
            found += _request_changes(
                docs, schema, new_object["properties"][name], f"{where}.{name}", depth + 1
            )
    old_items, new_items = _items(docs.old, old), _items(docs.new, new)
    if old_items is not None and new_items is not None:
        found += _request_changes(docs, old_items, new_items, f"{where}[]", depth + 1)
    return found


def _short(value: Any) -> str:
    text = json.dumps(value, sort_keys=True) if value is not None else "None"
    return text if len(text) <= 60 else text[:57] + "..."


def _json_schema(operation_part: Schema) -> Schema | None:
    content = operation_part.get("content", {})
    for media_type in ("application/json", "application/problem+json"):
        if media_type in content:
            return dict(content[media_type].get("schema", {}))
    return None


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    """Each change that could break a client of `old`, one line each, in a stable order."""
    docs = _Documents(old, new)
    found: list[str] = []
    for path, old_item in old.get("paths", {}).items():
        new_item = new.get("paths", {}).get(path, {})
        for method in METHODS:
            if method not in old_item:
                continue
            name = f"{method.upper()} {path}"
            if method not in new_item:
                found.append(f"{name}: operation removed")
                continue
            before, after = old_item[method], new_item[method]
            old_parameters = {(p["in"], p["name"]): p for p in before.get("parameters", [])}
            for parameter in after.get("parameters", []):
                key = (parameter["in"], parameter["name"])
                was = old_parameters.get(key)
                if parameter.get("required") and not (was and was.get("required")):
                    found.append(f"{name}: {key[0]} parameter {key[1]} now required")
                if was is not None:
                    found += _request_changes(
                        docs,
                        was.get("schema", {}),
                        parameter.get("schema", {}),
                        f"{name} {key[0]} {key[1]}",
                    )
            new_keys = {(p["in"], p["name"]) for p in after.get("parameters", [])}
            for key in old_parameters.keys() - new_keys:
                if key[0] != "header":  # a header no longer read is simply ignored
                    found.append(f"{name}: {key[0]} parameter {key[1]} removed")
            old_body = _json_schema(before.get("requestBody", {}))
            new_body = _json_schema(after.get("requestBody", {}))
            if old_body is not None and new_body is not None:
                found += _request_changes(docs, old_body, new_body, f"{name} body")
            for status, response in before.get("responses", {}).items():
                if not status.startswith("2"):
                    continue
                if status not in after.get("responses", {}):
                    found.append(f"{name}: {status} answer removed")
                    continue
                old_schema = _json_schema(response)
                new_schema = _json_schema(after["responses"][status])
                if old_schema is not None and new_schema is not None:
                    found += _response_changes(docs, old_schema, new_schema, f"{name} {status}")
    for event, old_item in (old.get("webhooks") or {}).items():
        # What a receiver reads: as a response is to a client.
        new_item = (new.get("webhooks") or {}).get(event)
        if new_item is None or "post" not in new_item:
            found.append(f"webhook {event}: removed")
            continue
        old_payload = _json_schema(old_item.get("post", {}).get("requestBody", {}))
        new_payload = _json_schema(new_item["post"].get("requestBody", {}))
        if old_payload is not None and new_payload is not None:
            found += _response_changes(docs, old_payload, new_payload, f"webhook {event}")
    return sorted(set(found))


def main(argv: list[str]) -> int:
    old, new = (json.loads(Path(p).read_text()) for p in argv[1:3])
    changes = breaking_changes(old, new)
    print("\n".join(changes) or "nothing breaks")
    return 1 if changes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
