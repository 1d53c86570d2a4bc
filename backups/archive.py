"""The whole publication in one file, and back.

An archive is a tar file (``.tar.gz`` compressed) holding:

- ``manifest.json``: the format and its version, when and from which database
  it was written, each model's row count, and the SHA-256 of every other file;
- ``data/NN-app.model.jsonl``: each model's rows, one JSON object a line
  (Django's ``jsonl`` serializer), in the order they load;
- ``media/…``: every file in the media storage (images, renditions, logos).

Accounts and groups are written by their natural keys (user name, group name)
and refer to permissions and content types by theirs, so an archive loads into
any freshly migrated database, SQLite or PostgreSQL, whatever ids that one
gave them. The search index is not written: it is built again after loading.
"""

import datetime
import hashlib
import io
import json
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article, ArticleSearch
from articles.search_index import reindex

FORMAT = "newsroom-publication"
VERSION = 1
# Every model of the publication, in an order each loads after what it refers to.
MODELS = [
    "auth.group", "auth.user",
    "newsroom.publication", "newsroom.staffmember", "newsroom.mastheadterm",
    "newsroom.policypage",
    "articles.tag", "articles.section", "articles.image", "articles.article",
    "articles.taggedarticle", "articles.spellingvariant", "articles.correction",
    "articles.editoriallogentry",
    "ticker.tickeritem", "liveblog.liveblog", "liveblog.liveupdate",
    "importers.importedpost", "importers.importedimage", "importers.importedterm",
    "importers.importedauthor",
    "reversion.revision", "reversion.version", "admin.logentry",
]  # fmt: skip
# Models an archive may name as they were called when it was written.
RENAMED = {"taggit.tag": "articles.tag"}  # the publication's own tags since articles 0020
# What makes a database "not empty": content a restore would overwrite. (A freshly
# migrated one already has the role groups and the seeded spelling variants.)
CONTENT_MODELS = ["articles.article", "articles.image", "newsroom.staffmember", "auth.user"]
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive cannot be written or read; the message says why."""


class ExactTimeEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds.

    Django writes times to the millisecond, so a time whose fraction is under a
    millisecond would come back different, and a restored archive exported
    again would not match the first.
    """

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time) and o.microsecond:
            return o.isoformat().replace("+00:00", "Z")
        return super().default(o)


def export(out: Path) -> dict:
    """Write the publication to ``out``; return the manifest."""
    mode = "w:gz" if out.name.endswith(".gz") else "w"
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "rows": {},
        "files": {},
    }
    with tempfile.TemporaryDirectory() as folder, transaction.atomic():
        # One transaction: a consistent picture even while editors work.
        data_files = []
        for number, label in enumerate(MODELS):
            name = f"data/{number:02d}-{label}.jsonl"
            path = Path(folder) / name.replace("/", "-")
            model = apps.get_model(label)
            rows = model._base_manager.order_by("pk")
            with path.open("w", encoding="utf-8") as stream:
                serializers.serialize(
                    "jsonl",
                    rows.iterator(chunk_size=500),
                    stream=stream,
                    use_natural_foreign_keys=True,
                    use_natural_primary_keys=True,
                    cls=ExactTimeEncoder,
                )
            manifest["rows"][label] = rows.count()
            manifest["files"][name] = _sha256(path.open("rb"))
            data_files.append((name, path))
        media = list(_media_files())
        for name in media:
            with default_storage.open(name, "rb") as stored:
                manifest["files"][f"media/{name}"] = _sha256(stored)
        with tarfile.open(out, mode) as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
            for name, path in data_files:
                archive.add(path, arcname=name)
            for name in media:
                with default_storage.open(name, "rb") as stored:
                    info = tarfile.TarInfo(f"media/{name}")
                    info.size = default_storage.size(name)
                    archive.addfile(info, stored)
    return manifest


def restore(archive_path: Path, *, replace: bool = False) -> dict:
    """Load an archive into this database and media storage; return its manifest.

    Refuses a database or media storage holding content unless ``replace``, and
    any archive whose files do not match their checksums.
    """
    if not replace:
        if full := [label for label in CONTENT_MODELS if apps.get_model(label).objects.exists()]:
            raise ArchiveError(f"the database is not empty ({', '.join(full)}); use --replace")
        if next(_media_files(), None):
            raise ArchiveError("the media storage is not empty; use --replace")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        manifest = _unpack(archive_path, folder)
        with transaction.atomic():
            _load(folder, manifest)
        for name in manifest["files"]:
            if name.startswith("media/"):
                relative = name.removeprefix("media/")
                if default_storage.exists(relative):
                    default_storage.delete(relative)
                with (folder / name).open("rb") as source:
                    default_storage.save(relative, File(source))
    _index_for_search()
    return manifest


def _index_for_search() -> None:
    """Search entries are not in the archive: made for each article, then analyzed again
    with the whole archive's words known (as ``rebuild_search_index`` does)."""
    for article in Article.objects.order_by("pk").iterator(chunk_size=500):
        article.update_search_entries()
    reindex(ArticleSearch.objects.order_by("pk"))


def _unpack(archive_path: Path, folder: Path) -> dict:
    try:
        with tarfile.open(archive_path) as archive:
            # The "data" filter refuses absolute paths, links out and special files.
            archive.extractall(folder, filter="data")
    except (tarfile.TarError, OSError) as error:
        raise ArchiveError(f"{archive_path} cannot be read: {error}") from error
    try:
        manifest = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise ArchiveError("the archive has no readable manifest.json") from error
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise ArchiveError(f"not a {FORMAT} archive of version {VERSION}")
    present = {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()} - {
        "manifest.json"
    }
    if present != set(manifest["files"]):
        raise ArchiveError("the archive's files are not those its manifest lists")
    for name, checksum in manifest["files"].items():
        if _sha256((folder / name).open("rb")) != checksum:
            raise ArchiveError(f"{name} does not match its checksum")
    return manifest


def _load(folder: Path, manifest: dict) -> None:
    models = [apps.get_model(label) for label in MODELS]
    for model in reversed(models):
        model._base_manager.all().delete()
    with connection.constraint_checks_disabled():
        for name in sorted(n for n in manifest["files"] if n.startswith("data/")):
            with (folder / name).open(encoding="utf-8") as stream:
                rows = (_renamed(json.loads(line)) for line in stream if line.strip())
                for row in serializers.deserialize("python", rows, handle_forward_references=True):
                    row.save()
    connection.check_constraints(table_names=[m._meta.db_table for m in models])
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    for label, expected in manifest["rows"].items():
        label = RENAMED.get(label, label)
        if (found := apps.get_model(label)._base_manager.count()) != expected:
            raise ArchiveError(f"{label}: {found} rows loaded, the archive has {expected}")


def _renamed(row: dict) -> dict:
    row["model"] = RENAMED.get(row["model"], row["model"])
    return row


def _media_files(folder: str = "") -> Iterator[str]:
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from _media_files(f"{folder}/{name}" if folder else name)


def _sha256(stream) -> str:
    digest = hashlib.sha256()
    with stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))
