"""What in a page, a feed or JSON could run: the checks of the hostile-input tests."""

import json
import re

import lxml.etree
from lxml.html import html5parser

NEVER_ALLOWED = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "style"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
SCRIPT_SCHEMES = re.compile(r"^(javascript|vbscript|data):")
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def in_html(text: str, *, fragment: bool = False) -> list[str]:
    """Whatever a browser would run in ``text``: a script of anyone's but ours, a
    handler attribute, a script URL, an inline style, an embedding element."""
    if not text.strip():
        return []
    # Parsed as browsers parse (html5lib follows the HTML standard), not as libxml2 does.
    if fragment:
        root = html5parser.fragment_fromstring(text, create_parent="div")
    else:
        root = html5parser.document_fromstring(text)
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions do not run
        tag = element.tag.lower().rpartition("}")[2]
        if tag in NEVER_ALLOWED:
            found.append(f"<{tag}>")
        if tag == "script":
            found += _foreign_script(element)
        if tag == "meta" and element.get("http-equiv"):
            found.append("<meta http-equiv>")
        for name, value in element.attrib.items():
            name = name.lower().rpartition("}")[2]
            if name.startswith("on"):
                found.append(f"{tag}[{name}]")
            elif name == "style":
                found.append(f"{tag}[style]")
            elif (name in URL_ATTRIBUTES or name.endswith("href")) and SCRIPT_SCHEMES.match(
                INVISIBLE.sub("", value).lower()
            ):
                found.append(f"{tag}[{name}={value[:40]}]")
    return found


def _foreign_script(element) -> list[str]:
    if element.get("type") == "application/ld+json":
        text = element.text or ""
        try:
            json.loads(text)
        except ValueError:
            return ["JSON-LD that is not JSON"]
        return ["JSON-LD holding '</'"] if "</" in text else []
    source = element.get("src") or ""
    if source.startswith("/static/") and not (element.text or "").strip():
        return []
    return [f"<script src={source[:40]!r}>{(element.text or '')[:40]}"]


def in_feed(xml: bytes) -> list[str]:
    """Whatever could run in a feed reader: the feed's HTML fields, checked as HTML."""
    root = lxml.etree.fromstring(xml)
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        namespace, _, name = element.tag.rpartition("}")
        # RSS's own description and content:encoded, and Atom's html summary and
        # content, are HTML; Media RSS's description is plain text by definition.
        html_field = (name == "description" and not namespace) or (
            name == "encoded" or (name in {"summary", "content"} and element.get("type") == "html")
        )
        if html_field and element.text:
            found += in_html(element.text, fragment=True)
        if name == "script":
            found.append("<script> in the feed")
    return found
