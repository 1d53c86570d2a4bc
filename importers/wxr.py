"""Reading a WordPress export (WXR) as a stream, never as a whole.

A newsroom's export can pass half a gigabyte: each element is read, handed
on and cleared, so memory stays flat whatever the file's size. The parser
resolves no entities, reads no DTD and fetches nothing from the network, so a
file cannot expand itself (billion laughs) or read other files (XXE).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

WP = "{http://wordpress.org/export/1.2/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
EXCERPT = "{http://wordpress.org/export/1.2/excerpt/}"
DC = "{http://purl.org/dc/elements/1.1/}"
# Older exports (WXR 1.0 and 1.1) use their own version in the namespace.
WP_VERSIONS = ("1.0", "1.1", "1.2")


@dataclass
class Author:
    login: str
    display_name: str


@dataclass
class Term:
    """A category (``kind="category"``) or a tag, by its WordPress slug."""

    kind: str
    slug: str
    name: str


@dataclass
class Item:
    """A post or an attachment, as the export gives it."""

    wordpress_id: int
    post_type: str
    status: str
    title: str = ""
    slug: str = ""
    link: str = ""
    author: str = ""
    content: str = ""
    excerpt: str = ""
    date_gmt: datetime | None = None
    attachment_url: str = ""
    categories: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


class MalformedItem(ValueError):
    """An item that cannot be read; the import reports it and goes on."""

    def __init__(self, wordpress_id: str, reason: str):
        super().__init__(reason)
        self.wordpress_id = wordpress_id
        self.reason = reason


def read(path: Path, progress=None) -> Iterator[Author | Term | Item | MalformedItem]:
    """Every author, category, tag and item of the export, in file order; ``progress``
    is told the share of the file read (0 to 1) after each item."""
    size = max(path.stat().st_size, 1)
    with path.open("rb") as handle:
        for entry in _entries(handle):
            yield entry
            if progress is not None and isinstance(entry, Item | MalformedItem):
                progress(handle.tell() / size)


def _entries(handle) -> Iterator[Author | Term | Item | MalformedItem]:
    parser = etree.iterparse(
        handle,
        events=("end",),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
    )
    for _event, element in parser:
        tag = _local(element.tag)
        if tag == "author" and _is_wp(element.tag):
            yield Author(_text(element, "author_login"), _text(element, "author_display_name"))
        elif tag == "category" and _is_wp(element.tag):
            yield Term(
                "category", _slug(_text(element, "category_nicename")), _text(element, "cat_name")
            )
        elif tag == "tag" and _is_wp(element.tag):
            yield Term("post_tag", _slug(_text(element, "tag_slug")), _text(element, "tag_name"))
        elif tag == "item":
            yield _item(element)
        else:
            continue
        # Done with it: free it and what came before it in its parent.
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]


def _item(element) -> Item | MalformedItem:
    raw_id = _text(element, "post_id")
    try:
        wordpress_id = int(raw_id)
    except ValueError:
        return MalformedItem(raw_id or "?", "no post id")
    item = Item(
        wordpress_id=wordpress_id,
        post_type=_text(element, "post_type"),
        status=_text(element, "status"),
        title=element.findtext("title") or "",
        slug=_slug(_text(element, "post_name")),
        link=element.findtext("link") or "",
        author=element.findtext(f"{DC}creator") or "",
        content=element.findtext(f"{CONTENT}encoded") or "",
        excerpt=element.findtext(f"{EXCERPT}encoded") or "",
        attachment_url=_text(element, "attachment_url"),
    )
    date = _text(element, "post_date_gmt")
    if date and not date.startswith("0000"):
        try:
            item.date_gmt = datetime.strptime(date, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError:
            return MalformedItem(raw_id, f"unreadable date {date!r}")
    for term in element.iterfind("category"):
        kind, slug = term.get("domain", ""), _slug(term.get("nicename", ""))
        if kind in {"category", "post_tag"} and slug:
            target = item.categories if kind == "category" else item.tags
            target.append(Term(kind, slug, (term.text or "").strip()))
    for meta in element.iterfind(f"{_wp_namespace(element)}postmeta"):
        key = _text(meta, "meta_key")
        if key:
            item.meta[key] = _text(meta, "meta_value")
    return item


def _slug(value: str) -> str:
    # WordPress keeps Arabic slugs percent-encoded (%d8%ba%d8%b2%d8%a9).
    return unquote(value).strip()


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_wp(tag: str) -> bool:
    return any(tag.startswith(f"{{http://wordpress.org/export/{v}/}}") for v in WP_VERSIONS)


def _wp_namespace(element) -> str:
    for version in WP_VERSIONS:
        namespace = f"{{http://wordpress.org/export/{version}/}}"
        if element.find(f"{namespace}post_id") is not None:
            return namespace
    return WP


def _text(element, name: str) -> str:
    """The text of ``element``'s ``wp:name`` child, in whichever WXR version."""
    for version in WP_VERSIONS:
        found = element.find(f"{{http://wordpress.org/export/{version}/}}{name}")
        if found is not None:
            return (found.text or "").strip()
    return ""
