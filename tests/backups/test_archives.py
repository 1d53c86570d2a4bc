"""Whole-publication archives: a seeded publication goes from this test's database to
the other kind (SQLite to PostgreSQL, or back) and out again with every row and file
as it was; a tampered archive or a database already in use is refused."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article, ArticleSearch, Tag
from articles.search_suggestions import answer
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = os.environ.get("NEWSROOM_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def contents(archive: Path) -> tuple[dict, dict]:
    """Every row of the archive by model, parsed and sorted, and every media checksum."""
    rows, media = {}, {}
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        for member in tar.getmembers():
            if member.name.startswith("data/"):
                lines = tar.extractfile(member).read().decode().splitlines()
                rows[member.name] = sorted(
                    (json.loads(line) for line in lines),
                    key=lambda r: json.dumps(r, sort_keys=True),
                )
    media = {k: v for k, v in manifest["files"].items() if k.startswith("media/")}
    return rows, media


@pytest.fixture
def other_database(tmp_path):
    """A database of the other kind, migrated, for a second process to use."""
    if connection.vendor == "sqlite":
        name = f"newsroom_archive_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{POSTGRES}/{name}"
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    else:
        yield f"sqlite:///{tmp_path / 'other.sqlite3'}"


def manage(database_url: str, media: Path, *arguments: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(media)}
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_a_seeded_publication_round_trips_to_the_other_database(tmp_path, other_database):
    call_command("seed_demo", stdout=io.StringIO())
    first = tmp_path / "first.tar.gz"
    call_command("export_publication", str(first), stdout=io.StringIO())

    media = tmp_path / "other-media"
    manage(other_database, media, "migrate", "-v0")
    manage(other_database, media, "import_publication", str(first))
    second = tmp_path / "second.tar.gz"
    manage(other_database, media, "export_publication", str(second))

    first_rows, first_media = contents(first)
    second_rows, second_media = contents(second)
    assert set(first_rows) == set(second_rows)
    for name, rows in first_rows.items():
        assert second_rows[name] == rows, name
    assert len(first_rows["data/09-articles.article.jsonl"]) == Article.objects.count() > 40
    assert first_media == second_media and len(first_media) > 100
    for name in first_media:  # the files themselves, byte for byte
        relative = name.removeprefix("media/")
        assert (media / relative).read_bytes() == (
            Path(django_settings.MEDIA_ROOT) / relative
        ).read_bytes()


def test_a_restore_builds_the_search_index(tmp_path):
    ArticleFactory(title_ar="افتتاح المكتبة العامة بعد الترميم")
    archive = tmp_path / "small.tar"
    call_command("export_publication", str(archive), stdout=io.StringIO())

    call_command("import_publication", str(archive), "--replace", stdout=io.StringIO())

    assert ArticleSearch.objects.exists()
    assert answer("المكتبة", language="ar").outcome.matches


def test_a_database_with_content_is_refused_unless_replaced(tmp_path):
    ArticleFactory()
    archive = tmp_path / "small.tar"
    call_command("export_publication", str(archive), stdout=io.StringIO())

    with pytest.raises(CommandError, match="not empty"):
        call_command("import_publication", str(archive), stdout=io.StringIO())
    call_command("import_publication", str(archive), "--replace", stdout=io.StringIO())
    assert Article.objects.count() == 1


def test_a_tampered_archive_is_refused_and_nothing_changes(tmp_path):
    article = ArticleFactory(title_ar="العنوان الأصلي")
    archive = tmp_path / "small.tar"
    call_command("export_publication", str(archive), stdout=io.StringIO())
    tampered = tmp_path / "tampered.tar"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.endswith("articles.article.jsonl"):
                data = data.replace("العنوان الأصلي".encode(), "عنوان مزوّر".encode())
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("import_publication", str(tampered), "--replace", stdout=io.StringIO())
    article.refresh_from_db()
    assert article.title_ar == "العنوان الأصلي"


def test_an_archive_reaching_outside_its_folder_is_refused(tmp_path):
    hostile = tmp_path / "hostile.tar"
    with tarfile.open(hostile, "w") as tar:
        info = tarfile.TarInfo("../../outside.txt")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"evil"))

    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_publication", str(hostile), stdout=io.StringIO())
    assert not (tmp_path.parent / "outside.txt").exists()


def test_an_existing_file_is_not_overwritten(tmp_path):
    taken = tmp_path / "taken.tar"
    taken.write_bytes(b"keep me")

    with pytest.raises(CommandError, match="exists"):
        call_command("export_publication", str(taken))
    assert taken.read_bytes() == b"keep me"


def written_before_the_publications_own_tags(archive: Path, old: Path) -> None:
    """``archive`` as an export from before articles 0020 wrote it: taggit's tags,
    named ``taggit.tag``, with their name and slug only."""
    with tarfile.open(archive) as source, tarfile.open(old, "w") as target:
        members = {m.name: source.extractfile(m).read() for m in source.getmembers()}
        manifest = json.loads(members.pop("manifest.json"))
        for name in list(members):
            if name.endswith("articles.tag.jsonl"):
                rows = [json.loads(line) for line in members.pop(name).decode().splitlines()]
                for row in rows:
                    row["model"] = "taggit.tag"
                    row["fields"] = {k: row["fields"][k] for k in ("name", "slug")}
                renamed = name.replace("articles.tag", "taggit.tag")
                members[renamed] = "".join(json.dumps(r) + "\n" for r in rows).encode()
                del manifest["files"][name]
                manifest["files"][renamed] = hashlib.sha256(members[renamed]).hexdigest()
                manifest["rows"]["taggit.tag"] = manifest["rows"].pop("articles.tag")
        for name, data in {"manifest.json": json.dumps(manifest).encode(), **members}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))


def test_an_archive_written_before_the_publications_own_tags_restores_them(tmp_path):
    article = ArticleFactory(tags=["غزة", "الشرق الأوسط", "🔴"])
    slugs = sorted(article.tags.slugs())
    archive, old = tmp_path / "new.tar", tmp_path / "old.tar"
    call_command("export_publication", str(archive), stdout=io.StringIO())
    written_before_the_publications_own_tags(archive, old)

    call_command("import_publication", str(old), "--replace", stdout=io.StringIO())

    restored = Article.objects.get()
    assert sorted(restored.tags.names()) == ["الشرق الأوسط", "غزة", "🔴"]
    assert sorted(restored.tags.slugs()) == slugs
    assert sorted(Tag.objects.values_list("name_ar", flat=True)) == ["الشرق الأوسط", "غزة", "🔴"]


def test_times_come_back_to_the_microsecond(tmp_path):
    article = ArticleFactory()
    # Under a millisecond: the fraction Django's own JSON encoder would drop.
    published = article.published_at.replace(microsecond=123)
    Article.objects.filter(pk=article.pk).update(published_at=published)
    archive = tmp_path / "small.tar"
    call_command("export_publication", str(archive), stdout=io.StringIO())

    call_command("import_publication", str(archive), "--replace", stdout=io.StringIO())

    assert Article.objects.get().published_at == published
