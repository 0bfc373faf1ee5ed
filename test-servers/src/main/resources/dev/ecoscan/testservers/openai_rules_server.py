"""A foreign OpenAI-compatible chat-completions server that enforces OpenAI's documented rules.

eco-scan once shipped adapters that passed only against its own JDK-based simulator and broke on
real servers: the JDK HttpClient offered an h2c upgrade that real HTTP/1.1 servers refuse, and
GPT-5 refused ``max_tokens``. This server is deliberately *not* written in Java and not shaped
after what eco-scan sends: it runs on Debian's uvicorn (0.17.6, h11) and FastAPI, and encodes
what OpenAI documents (parameter rules of reasoning models, structured-output limits, JSON mode,
API keys, the Azure path), so an adapter that passes here has met a real peer.

Run it on its own (from the repository root, with Debian's interpreter, which sees Debian's
python3-uvicorn, python3-fastapi and python3-yaml):

    /usr/bin/python3 -m uvicorn --app-dir test-servers/src/main/resources/dev/ecoscan/testservers openai_rules_server:app --host 127.0.0.1 --port 8001

Environment:
    FAKE_OPENAI_KEY         the only API key accepted; unset, any key is.
    FAKE_OPENAI_NO_STRICT   "1": refuse every json_schema response_format, as gateways without
                            structured outputs do.
    FAKE_OPENAI_DATA_DIR    eco-scan's data folder (taxonomy.yaml, situation-tags.yaml); by
                            default the repository's taxonomy-data resources beside this file.
    FAKE_OPENAI_LATENCY_MS  delay before every chat answer (default 0).

API:
    POST /v1/chat/completions                            OpenAI style, Authorization: Bearer <key>
    POST /openai/deployments/{deployment}/chat/completions?api-version=...   Azure style, api-key
Control (never recorded):
    GET /_health                 {"ok": true}
    GET /_requests               every API request seen, refused ones too; DELETE clears them and
                                 resets /_stats, so each test starts from zero.
    GET /_stats                  {"requests": n, "refused": n}
    POST /_script                a JSON list of {"status", "body", "headers"}: the next chat
                                 requests get these replies, in order, before any rule is checked
                                 (a string body is sent as is, as a gateway's HTML error page
                                 would be). DELETE clears the queue.

The replies "see" the item the way eco-scan's sample images allow: a PNG's tEXt chunks
``eco-scan:item`` (an item id) and ``eco-scan:tags`` (comma-separated situation-tag ids).
"""

import asyncio
import base64
import binascii
import functools
import json
import os
import re
import struct
import time
import uuid
from pathlib import Path

import yaml
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

# No generated docs: /docs and /openapi.json would be routes no OpenAI server has.
app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

# One process, one event loop, handlers that never await between reading and writing these:
# plain module state needs no lock.
_recorded = []
_scripted = []
_stats = {"requests": 0, "refused": 0}

_DEFAULT_DATA_DIR = (Path(__file__).resolve().parent
                     / "../../../../../../../taxonomy-data/src/main/resources/dev/ecoscan/data")

# OpenAI's wording, kept verbatim: clients and tests match on these texts.
_UNPARSABLE_BODY = (
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your "
    "HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. "
    "If you have trouble figuring out how to fix this, please contact us through our help center at "
    "help.openai.com.)")
_NO_API_KEY = (
    "You didn't provide an API key. You need to provide your API key in an Authorization header using "
    "Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if "
    "you're accessing the API from your browser and are prompted for a username and password. You can "
    "obtain an API key from https://platform.openai.com/account/api-keys.")
_AZURE_ACCESS_DENIED = (
    "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key "
    "for an active subscription and use a correct regional API endpoint for your resource.")

_REASONING_MODEL = re.compile(r"^(o\d|gpt-5)")
_DOTTED_GPT5 = re.compile(r"^gpt-5\.(\d+)")

# Sampling parameters reasoning models accept only at their default value.
_FIXED_ON_REASONING = {"temperature": 1, "top_p": 1, "presence_penalty": 0, "frequency_penalty": 0}
# The ranges OpenAI documents for the other models.
_RANGES = {"temperature": (0, 2), "top_p": (0, 1), "presence_penalty": (-2, 2), "frequency_penalty": (-2, 2)}

# Structured outputs' documented limits for strict schemas.
_MAX_PROPERTIES = 5000
_MAX_OBJECT_DEPTH = 10
_MAX_ENUM_VALUES = 1000
_LARGE_ENUM = 250
_MAX_LARGE_ENUM_CHARS = 15000
_MAX_SCHEMA_CHARS = 120000


class Refusal(Exception):
    """A 4xx this server answers by OpenAI's rules; counted in /_stats as refused."""

    def __init__(self, message, param=None, code=None, status=400, body=None):
        super().__init__(message)
        self.status = status
        self.body = body if body is not None else _error(message, param, code)


def _error(message, param=None, code=None, kind="invalid_request_error"):
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def _env_flag(name):
    return os.environ.get(name, "").strip() == "1"


# ---------------------------------------------------------------------------------------------
# Control endpoints
# ---------------------------------------------------------------------------------------------

@app.get("/_health")
async def health():
    return {"ok": True}


@app.get("/_requests")
async def recorded_requests():
    return _recorded


@app.delete("/_requests")
async def clear_requests():
    _recorded.clear()
    _stats["requests"] = 0
    _stats["refused"] = 0
    return {"ok": True}


@app.get("/_stats")
async def stats():
    return dict(_stats)


@app.post("/_script")
async def queue_script(request: Request):
    try:
        replies = json.loads(await request.body())
    except ValueError:
        return JSONResponse({"detail": "expected a JSON list of {status, body, headers}"}, status_code=400)
    if not isinstance(replies, list) or not all(
            isinstance(r, dict) and isinstance(r.get("status"), int) and not isinstance(r.get("status"), bool)
            and isinstance(r.get("headers", {}), dict)
            for r in replies):
        return JSONResponse({"detail": "expected a JSON list of {status: int, body, headers: {}}"}, status_code=400)
    _scripted.extend(replies)
    return {"queued": len(_scripted)}


@app.delete("/_script")
async def clear_script():
    _scripted.clear()
    return {"ok": True}


# ---------------------------------------------------------------------------------------------
# The API
# ---------------------------------------------------------------------------------------------

@app.post("/v1/chat/completions")
async def openai_chat(request: Request):
    return await _chat(request, deployment=None)


@app.post("/openai/deployments/{deployment}/chat/completions")
async def azure_chat(deployment: str, request: Request):
    return await _chat(request, deployment=deployment)


# Registered last, so only paths no route above takes land here; an adapter that builds a wrong
# URL should see OpenAI's 404, and the test should see the request it made.
@app.api_route("/v1/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@app.api_route("/openai/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
async def unknown_api_path(rest: str, request: Request):
    raw = await request.body()
    _record(request, raw, _parse_json(raw))
    return JSONResponse(_error(f"Invalid URL ({request.method} {request.url.path})"), status_code=404)


async def _chat(request, deployment):
    raw = await request.body()
    body = _parse_json(raw)
    _record(request, raw, body)

    latency_ms = float(os.environ.get("FAKE_OPENAI_LATENCY_MS") or 0)
    if latency_ms > 0:
        await asyncio.sleep(latency_ms / 1000)

    if _scripted:
        return _scripted_reply(_scripted.pop(0))

    try:
        _check_key(request, azure=deployment is not None)
        if deployment is not None and not request.query_params.get("api-version"):
            raise Refusal("Missing required query parameter: 'api-version'.", param="api-version",
                          code="missing_required_parameter")
        if not isinstance(body, dict):
            # Empty, not JSON, or JSON that is no object: OpenAI cannot read any of them as a request.
            raise Refusal(_UNPARSABLE_BODY)
        # Azure serves the deployment's model, whatever the body says; tests name deployments
        # after the model they stand for.
        model = deployment if deployment is not None else body.get("model")
        if deployment is None and not model:
            raise Refusal("you must provide a model parameter")
        if not isinstance(model, str):
            raise Refusal("Invalid type for 'model': expected a string, but got "
                          f"{_json_type(model)} instead.", param="model", code="invalid_type")
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise Refusal("Missing required parameter: 'messages'." if messages is None
                          else "Invalid 'messages': expected a non-empty array.",
                          param="messages", code="missing_required_parameter" if messages is None else "invalid_value")
        _check_parameters(body, model)
        mode, schema = _check_response_format(body.get("response_format"), messages)
    except Refusal as refusal:
        _stats["refused"] += 1
        return JSONResponse(refusal.body, status_code=refusal.status)

    content = _content(messages, mode, schema)
    echoed_model = body.get("model") or deployment
    if body.get("stream") is True:
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        return StreamingResponse(_stream(echoed_model, messages, content, include_usage),
                                 media_type="text/event-stream", headers=_reply_headers())
    return JSONResponse(_completion(echoed_model, messages, content), headers=_reply_headers())


def _parse_json(raw):
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None


def _record(request, raw, body):
    headers = {}
    for name, value in request.headers.items():
        # A repeated header is one comma-joined value, as HTTP allows; a dict keeps JSON simple.
        headers[name.lower()] = headers[name.lower()] + ", " + value if name.lower() in headers else value
    _recorded.append({
        "method": request.method,
        "path": request.url.path,
        "query": request.url.query,
        "headers": headers,
        "body": body,
        "body_length": len(raw),
    })
    _stats["requests"] += 1


def _scripted_reply(reply):
    headers = {str(k): str(v) for k, v in (reply.get("headers") or {}).items()}
    status = reply["status"]
    if "body" not in reply or reply["body"] is None:
        return Response(status_code=status, headers=headers)
    if isinstance(reply["body"], str):
        media = next((v for k, v in headers.items() if k.lower() == "content-type"), "text/plain")
        return Response(reply["body"], status_code=status, headers=headers, media_type=media)
    return JSONResponse(reply["body"], status_code=status, headers=headers)


def _reply_headers():
    return {"x-request-id": "req_" + uuid.uuid4().hex, "openai-processing-ms": "1"}


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------

def _check_key(request, azure):
    expected = os.environ.get("FAKE_OPENAI_KEY") or None
    if azure:
        sent = request.headers.get("api-key")
        if sent is None:
            # Azure refuses a missing key with its own body, even where no key is configured.
            raise Refusal(_AZURE_ACCESS_DENIED, status=401,
                          body={"error": {"code": "401", "message": _AZURE_ACCESS_DENIED}})
    else:
        authorization = request.headers.get("authorization")
        sent = None
        if authorization is not None:
            scheme, _, credentials = authorization.partition(" ")
            sent = credentials.strip() if scheme.lower() == "bearer" else None
        if sent is None:
            if expected is None:
                return
            raise Refusal(_NO_API_KEY, status=401)
    if expected is not None and sent != expected:
        raise Refusal(f"Incorrect API key provided: {sent[:3]}****. You can find your API key at "
                      "https://platform.openai.com/account/api-keys.", code="invalid_api_key", status=401)


def _is_reasoning(model):
    return bool(_REASONING_MODEL.match(model.lower()))


def _efforts(model):
    """The reasoning_effort values OpenAI documents per family, in its own order."""
    name = model.lower()
    dotted = _DOTTED_GPT5.match(name)
    if dotted and int(dotted.group(1)) >= 1:
        return ["none", "low", "medium", "high"]
    if name.startswith("gpt-5"):
        return ["minimal", "low", "medium", "high"]
    return ["low", "medium", "high"]


def _check_parameters(body, model):
    reasoning = _is_reasoning(model)

    # A key sent with null still counts as present: OpenAI checks which parameters were sent.
    if reasoning and "max_tokens" in body:
        raise Refusal("Unsupported parameter: 'max_tokens' is not supported with this model. "
                      "Use 'max_completion_tokens' instead.", param="max_tokens", code="unsupported_parameter")
    if "max_tokens" in body and "max_completion_tokens" in body:
        raise Refusal("Invalid request: 'max_tokens' and 'max_completion_tokens' cannot both be set. "
                      "Use 'max_completion_tokens' only.", param="max_tokens", code=None)
    for name in ("max_tokens", "max_completion_tokens"):
        value = body.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            raise Refusal(f"Invalid '{name}': expected an integer of at least 1, but got {json.dumps(value)} instead.",
                          param=name, code="invalid_value")

    for name, default in _FIXED_ON_REASONING.items():
        value = body.get(name)
        if value is None:  # absent or null: the default
            continue
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise Refusal(f"Invalid type for '{name}': expected a decimal, but got {_json_type(value)} instead.",
                          param=name, code="invalid_type")
        if reasoning and value != default:
            raise Refusal(f"Unsupported value: '{name}' does not support {json.dumps(value)} with this model. "
                          f"Only the default ({default}) value is supported.", param=name, code="unsupported_value")
        low, high = _RANGES[name]
        if value < low:
            raise Refusal(f"Invalid '{name}': decimal below minimum value. Expected a value >= {low}, but got "
                          f"{json.dumps(value)} instead.", param=name, code="decimal_below_min_value")
        if value > high:
            raise Refusal(f"Invalid '{name}': decimal above maximum value. Expected a value <= {high}, but got "
                          f"{json.dumps(value)} instead.", param=name, code="decimal_above_max_value")

    if "reasoning_effort" in body:
        effort = body["reasoning_effort"]
        if not reasoning:
            raise Refusal("Unsupported parameter: 'reasoning_effort' is not supported with this model.",
                          param="reasoning_effort", code="unsupported_parameter")
        allowed = _efforts(model)
        if effort not in allowed:
            shown = effort if isinstance(effort, str) else json.dumps(effort)
            raise Refusal(f"Unsupported value: 'reasoning_effort' does not support '{shown}' with this model. "
                          f"Supported values are: {_quoted_list(allowed)}.",
                          param="reasoning_effort", code="unsupported_value")

    if body.get("stream_options") is not None and body.get("stream") is not True:
        raise Refusal("The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                      param="stream_options", code="invalid_value")


def _check_response_format(response_format, messages):
    """Returns (mode, schema): mode is 'text', 'json_object' or 'json_schema'."""
    if response_format is None:
        return "text", None
    if not isinstance(response_format, dict):
        raise Refusal(f"Invalid type for 'response_format': expected an object, but got "
                      f"{_json_type(response_format)} instead.", param="response_format", code="invalid_type")
    kind = response_format.get("type")
    if kind == "text":
        return "text", None
    if kind == "json_object":
        # JSON mode can make a model emit whitespace forever unless the prompt asks for JSON.
        if "json" not in _all_text(messages).lower():
            raise Refusal("'messages' must contain the word 'json' in some form, to use 'response_format' of "
                          "type 'json_object'.", param="messages", code=None)
        return "json_object", None
    if kind == "json_schema":
        if _env_flag("FAKE_OPENAI_NO_STRICT"):
            raise Refusal("response_format type json_schema is not supported by this server",
                          param="response_format", code="unsupported_value")
        definition = response_format.get("json_schema")
        if not isinstance(definition, dict):
            raise Refusal("Missing required parameter: 'response_format.json_schema'.",
                          param="response_format.json_schema", code="missing_required_parameter")
        name = definition.get("name")
        if not isinstance(name, str) or not name:
            raise Refusal("Missing required parameter: 'response_format.json_schema.name'.",
                          param="response_format.json_schema.name", code="missing_required_parameter")
        if not re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", name):
            raise Refusal("Invalid 'response_format.json_schema.name': string does not match pattern. Expected a "
                          "string that matches the pattern '^[a-zA-Z0-9_-]+$' of at most 64 characters.",
                          param="response_format.json_schema.name", code="invalid_value")
        schema = definition.get("schema")
        if schema is not None and not isinstance(schema, dict):
            raise Refusal("Invalid type for 'response_format.json_schema.schema': expected an object, but got "
                          f"{_json_type(schema)} instead.", param="response_format.json_schema.schema",
                          code="invalid_type")
        if definition.get("strict") is True:
            problem = _strict_schema_problem(schema or {})
            if problem:
                raise Refusal(f"Invalid schema for response_format '{name}': {problem}",
                              param="response_format", code=None)
        return "json_schema", schema or {}
    raise Refusal(f"Invalid value: {json.dumps(kind)}. Supported values are: 'json_object', 'json_schema', "
                  "and 'text'.", param="response_format.type", code="invalid_value")


def _strict_schema_problem(schema):
    """The first way a strict schema breaks OpenAI's structured-output rules, or None."""
    if "object" not in _types(schema) or "anyOf" in schema:
        shown = json.dumps(schema.get("type")) if "type" in schema else "None"
        return f"schema must be a JSON Schema of 'type: \"object\"', got 'type: {shown}'."

    tally = {"properties": 0, "enum_values": 0, "chars": 0}
    roots = [(schema, ())]
    for key in ("$defs", "definitions"):
        for def_name, definition in (schema.get(key) or {}).items():
            tally["chars"] += len(def_name)
            roots.append((definition, (key, def_name)))
    for node, context in roots:
        # Definitions are walked as their own roots; depth reached through $ref is not followed.
        problem = _strict_node_problem(node, context, 0, tally)
        if problem:
            return problem
    if tally["properties"] > _MAX_PROPERTIES:
        return (f"Expected at most {_MAX_PROPERTIES} properties in total within a single schema when using "
                f"structured outputs, but received {tally['properties']}.")
    if tally["enum_values"] > _MAX_ENUM_VALUES:
        return (f"Expected at most {_MAX_ENUM_VALUES} enum values in total within a single schema when using "
                f"structured outputs, but received {tally['enum_values']}. Consider reducing the number of enums, "
                "or use 'strict: false' to opt out of structured outputs.")
    if tally["chars"] > _MAX_SCHEMA_CHARS:
        return (f"Expected at most {_MAX_SCHEMA_CHARS} characters in total for property names, definition names, "
                f"enum values and const values, but received {tally['chars']}.")
    return None


def _strict_node_problem(node, context, depth, tally):
    if not isinstance(node, dict):
        return None
    where = f"In context={context!r}"
    if isinstance(node.get("enum"), list):
        values = node["enum"]
        tally["enum_values"] += len(values)
        strings = sum(len(v) for v in values if isinstance(v, str))
        tally["chars"] += strings
        if len(values) > _LARGE_ENUM and strings > _MAX_LARGE_ENUM_CHARS:
            return (f"{where}, an enum with more than {_LARGE_ENUM} values may have at most "
                    f"{_MAX_LARGE_ENUM_CHARS} characters in total, but received {strings}.")
    if isinstance(node.get("const"), str):
        tally["chars"] += len(node["const"])

    children = []
    if "object" in _types(node) or "properties" in node:
        depth += 1
        if depth > _MAX_OBJECT_DEPTH:
            return (f"{where}, objects are nested {depth} levels deep, but at most {_MAX_OBJECT_DEPTH} levels of "
                    "nesting are allowed.")
        properties = node.get("properties") or {}
        if node.get("additionalProperties") is not False:
            return f"{where}, 'additionalProperties' is required to be supplied and to be false."
        required = node.get("required")
        missing = [key for key in properties if not isinstance(required, list) or key not in required]
        if missing:
            return (f"{where}, 'required' is required to be supplied and to be an array including every key in "
                    f"properties. Missing '{missing[0]}'.")
        tally["properties"] += len(properties)
        tally["chars"] += sum(len(key) for key in properties)
        children += [(child, context + ("properties", key)) for key, child in properties.items()]
    items = node.get("items")
    if isinstance(items, dict):
        children.append((items, context + ("items",)))
    elif isinstance(items, list):
        children += [(child, context + ("items", i)) for i, child in enumerate(items)]
    for key in ("anyOf", "oneOf"):
        children += [(child, context + (key, i)) for i, child in enumerate(node.get(key) or [])]
    for child, child_context in children:
        problem = _strict_node_problem(child, child_context, depth, tally)
        if problem:
            return problem
    return None


def _types(node):
    kind = node.get("type") if isinstance(node, dict) else None
    return kind if isinstance(kind, list) else [kind]


def _json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _quoted_list(values):
    quoted = [f"'{v}'" for v in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _all_text(messages):
    texts = []
    for message in messages:
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str):
            texts.append(content)
        elif isinstance(content, list):
            texts += [part.get("text", "") for part in content
                      if isinstance(part, dict) and isinstance(part.get("text"), str)]
    return "\n".join(texts)


# ---------------------------------------------------------------------------------------------
# What the server "sees", and its reply
# ---------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _catalogue(data_dir):
    """(items by id, tag labels by id) from eco-scan's data files; empty when they are missing."""
    folder = Path(data_dir)
    items, tags = {}, {}
    try:
        taxonomy = yaml.safe_load((folder / "taxonomy.yaml").read_text(encoding="utf-8"))
        situation_tags = yaml.safe_load((folder / "situation-tags.yaml").read_text(encoding="utf-8"))
    except OSError as e:
        print(f"openai_rules_server: no eco-scan data in {folder} ({e}); every image is unclassifiable",
              flush=True)
        return items, tags
    for major in taxonomy.get("majors") or []:
        for item in major.get("items") or []:
            items[item["id"]] = {"major": major["name"], "middle": "", "name": item["name"]}
        for middle in major.get("middles") or []:
            for item in middle.get("items") or []:
                items[item["id"]] = {"major": major["name"], "middle": middle["name"], "name": item["name"]}
    for group in situation_tags.get("groups") or []:
        for tag in group.get("tags") or []:
            tags[tag["id"]] = tag["label"]
    return items, tags


class Sight:
    """What the image shows: the item (major/middle/name) or None, and situation-tag labels."""

    def __init__(self, has_image, item=None, tags=(), tag_ids=()):
        self.has_image = has_image
        self.item = item
        self.tags = list(tags)
        self.tag_ids = list(tag_ids)


def _see(messages):
    has_image = False
    for message in messages:
        if not isinstance(message, dict) or message.get("role") != "user" or not isinstance(message.get("content"), list):
            continue
        for part in message["content"]:
            if not isinstance(part, dict) or part.get("type") != "image_url":
                continue
            has_image = True
            image_url = part.get("image_url")
            url = image_url.get("url") if isinstance(image_url, dict) else image_url
            prefix = "data:image/png;base64,"
            if isinstance(url, str) and url.startswith(prefix):
                return _read_png(url[len(prefix):])
    return Sight(has_image)


def _read_png(encoded):
    try:
        png = base64.b64decode(encoded)
    except (binascii.Error, ValueError):
        return Sight(True)
    texts = _png_texts(png)
    items, tags = _catalogue(os.environ.get("FAKE_OPENAI_DATA_DIR") or str(_DEFAULT_DATA_DIR.resolve()))
    item = items.get(texts.get("eco-scan:item", "").strip())
    tag_ids = [t.strip() for t in texts.get("eco-scan:tags", "").split(",") if t.strip()]
    known = [t for t in tag_ids if t in tags]
    return Sight(True, item, [tags[t] for t in known], known)


def _png_texts(png):
    """The PNG's tEXt chunks as {keyword: text}; a damaged file yields what was read before the damage."""
    texts = {}
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        return texts
    offset = 8
    while offset + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[offset:offset + 8])
        data = png[offset + 8:offset + 8 + length]
        if len(data) < length or kind == b"IEND":
            break
        if kind == b"tEXt" and b"\x00" in data:
            keyword, _, text = data.partition(b"\x00")
            texts[keyword.decode("latin-1")] = text.decode("latin-1")  # tEXt is Latin-1 by definition
        offset += 12 + length  # length, type, data, CRC
    return texts


_STEPS = ["내용물을 비우고 물로 가볍게 헹궈 주세요.", "종류에 맞는 분리배출함에 넣어 주세요."]


def _answer_sentence(sight):
    if sight.item:
        return f"{sight.item['name']}은(는) {sight.item['major']}(으)로 배출하세요."
    return "안내한 방법에 따라 분리배출하세요."


def _named_value(name, sight):
    """The value a property of this name gets, or a sentinel when the name means nothing here."""
    item = sight.item or {}
    return {
        "status": "classified" if sight.item else "unclassifiable",
        "major_category": item.get("major", ""),
        "middle_category": item.get("middle", ""),
        "minor_category": item.get("name", ""),
        "item_name": item.get("name", ""),
        "situation_tags": sight.tags,
        # eco-scan's current vision reply: the category from small enums, the item as free text.
        "major": item.get("major", "") if sight.item else "미분류",
        "middle": item.get("middle", ""),
        "item": item.get("name", ""),
        "tags": sight.tag_ids,
        "user_answer": _answer_sentence(sight),
        "disposal_steps": list(_STEPS),
        "insufficiencies": [],
    }.get(name, _UNNAMED)


_UNNAMED = object()


def _fill(schema, name, sight, defs, depth=0):
    """A value valid for this (sub)schema, chosen by property name where the name means something."""
    if depth > 32 or not isinstance(schema, dict):
        return None
    if isinstance(schema.get("$ref"), str):
        target = schema["$ref"].split("/")[-1]
        return _fill(defs.get(target, {}), name, sight, defs, depth + 1)
    for key in ("anyOf", "oneOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            branches = [b for b in schema[key] if "null" not in _types(b)] or schema[key]
            return _fill(branches[0], name, sight, defs, depth + 1)
    if "const" in schema:
        return schema["const"]

    wanted = _named_value(name, sight)
    kinds = [k for k in _types(schema) if k != "null"] or [None]
    kind = kinds[0]
    if kind is None and "properties" in schema:
        kind = "object"
    enum = schema.get("enum") if isinstance(schema.get("enum"), list) and schema["enum"] else None

    if enum is not None:
        return wanted if wanted is not _UNNAMED and wanted in enum else enum[0]
    if kind == "object":
        return {key: _fill(child, key, sight, defs, depth + 1)
                for key, child in (schema.get("properties") or {}).items()}
    if kind == "array":
        if wanted is _UNNAMED or not isinstance(wanted, list):
            return []
        items = schema.get("items") if isinstance(schema.get("items"), dict) else {}
        item_enum = items.get("enum")
        if isinstance(item_enum, list):
            return [value for value in wanted if value in item_enum]
        if "string" in _types(items) or not items:
            return wanted
        return [_fill(items, None, sight, defs, depth + 1) for _ in wanted]
    if wanted is not _UNNAMED and isinstance(wanted, str) and kind in ("string", None):
        return wanted
    return {"string": "", "number": 0, "integer": 0, "boolean": False}.get(kind, "")


def _content(messages, mode, schema):
    sight = _see(messages)
    if mode == "json_schema":
        defs = {**(schema.get("definitions") or {}), **(schema.get("$defs") or {})}
        return _compact(_fill(schema, None, sight, defs))
    if mode == "json_object":
        keys = (["major", "middle", "item", "tags"]
                if sight.has_image else ["user_answer", "disposal_steps", "insufficiencies"])
        return _compact({key: _named_value(key, sight) for key in keys})
    if sight.has_image:
        if not sight.item:
            return "사진만으로는 품목을 알 수 없어요."
        path = " > ".join(p for p in (sight.item["major"], sight.item["middle"], sight.item["name"]) if p)
        return path + (f" ({', '.join(sight.tags)})" if sight.tags else "")
    return _answer_sentence(sight)


def _compact(value):
    # Compact, as OpenAI's own bodies and structured outputs are; Korean stays readable.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _usage(messages, content):
    prompt = max(1, len(json.dumps(messages, ensure_ascii=False)) // 4)
    completion = max(1, len(content) // 4)
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0},
    }


def _completion(model, messages, content):
    return {
        "id": "chatcmpl-" + uuid.uuid4().hex[:24],
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content, "refusal": None, "annotations": []},
            "logprobs": None,
            "finish_reason": "stop",
        }],
        "usage": _usage(messages, content),
        "service_tier": "default",
        "system_fingerprint": "fp_rules_server",
    }


async def _stream(model, messages, content, include_usage):
    completion_id = "chatcmpl-" + uuid.uuid4().hex[:24]
    created = int(time.time())

    def chunk(choices, **extra):
        payload = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": model,
                   "service_tier": "default", "system_fingerprint": "fp_rules_server", "choices": choices}
        if include_usage:
            payload["usage"] = None  # OpenAI sends null on every chunk but the last when usage is asked for
        payload.update(extra)
        return "data: " + _compact(payload) + "\n\n"

    def choice(delta, finish_reason=None):
        return [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}]

    yield chunk(choice({"role": "assistant", "content": "", "refusal": None}))
    # Several deltas, so a client that keeps only the last one instead of joining them is caught.
    size = max(1, -(-len(content) // 4))
    for start in range(0, len(content), size):
        await asyncio.sleep(0)
        yield chunk(choice({"content": content[start:start + size]}))
    yield chunk(choice({}, "stop"))
    if include_usage:
        yield chunk([], usage=_usage(messages, content))
    yield "data: [DONE]\n\n"
