"""Validate sitemap files with the schemas shipped beside the tests (see schemas/README.md)."""

from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
NAMESPACES = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
MAX_URLS = 50_000
MAX_BYTES = 50 * 1024 * 1024

_schema = etree.XMLSchema(etree.parse(SCHEMAS / "sitemaps.xsd"))


def valid_sitemap(content: bytes) -> etree._Element:
    """The parsed file, after checking it against the schemas and the protocol's limits."""
    assert len(content) <= MAX_BYTES
    root = etree.fromstring(content)
    assert _schema.validate(root), _schema.error_log
    assert len(root) <= MAX_URLS
    return root
