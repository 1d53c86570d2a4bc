"""Image files keep no source's name, cannot be counted through, and leave with their rows."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from articles.image_files import file_names
from articles.models import Image
from tests.factories import UserFactory
from tests.images import encoded, photo

pytestmark = pytest.mark.django_db

FIELDS = {"alt_text_ar": "وصف", "alt_text_en": "", "caption_ar": "", "caption_en": "",
          "credit_ar": "", "credit_en": ""}  # fmt: skip


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(role="Editor"))
    return client


def upload(client, name: str, size=(1000, 600)) -> Image:
    data = {"file": SimpleUploadedFile(name, encoded(photo(size), "JPEG")), **FIELDS}
    assert client.post(reverse("admin:articles_image_add"), data).status_code == 302
    return Image.objects.latest("pk")


def files(settings) -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_the_uploaders_file_name_is_neither_stored_nor_served(editor, settings):
    first = upload(editor, "leak-from-minister.jpg")
    second = upload(editor, "leak-from-minister.jpg")

    names = files(settings)
    assert not any("leak" in name or "minister" in name for name in names)
    assert "leak" not in first.file.url and "leak" not in first.jpeg_srcset
    assert first.file.name != second.file.name
    # Renditions are filed under the original's random name, not a counted id.
    assert f"/renditions/{first.pk}/" not in first.jpeg_srcset
    stem = Path(first.file.name).stem
    assert len(stem) >= 20
    assert all(f"renditions/{stem}/" in name for sizes in first.renditions.values()
               for name in sizes.values())  # fmt: skip


def test_deleting_an_image_removes_its_original_and_renditions_after_commit(
    editor, settings, django_capture_on_commit_callbacks
):
    keep = upload(editor, "keep.jpg")
    gone = upload(editor, "gone.jpg")
    kept_files = set(file_names(keep))

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("admin:articles_image_delete", args=[gone.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert files(settings) == kept_files


def test_a_rolled_back_delete_keeps_the_files(editor, settings):
    image = upload(editor, "photo.jpg")
    pk, before = image.pk, files(settings)

    with pytest.raises(RuntimeError), transaction.atomic():
        image.delete()
        raise RuntimeError("the editor's request failed later")

    assert files(settings) == before
    assert Image.objects.filter(pk=pk).exists()


def test_replacing_the_file_removes_the_old_one_and_its_renditions(
    editor, settings, django_capture_on_commit_callbacks
):
    image = upload(editor, "first.jpg")
    data = {"file": SimpleUploadedFile("second.jpg", encoded(photo((900, 500)), "JPEG")),
            **FIELDS}  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("admin:articles_image_change", args=[image.pk]), data)

    assert response.status_code == 302
    image.refresh_from_db()
    assert files(settings) == set(file_names(image))
    assert image.width == 900


def test_when_renditions_cannot_be_stored_the_upload_is_kept_and_the_editor_told(editor, settings):
    # A file where the renditions' folder should be: the storage cannot write there.
    blocked = Path(settings.MEDIA_ROOT) / "images" / "renditions"
    blocked.parent.mkdir(parents=True)
    blocked.write_text("not a folder")
    data = {"file": SimpleUploadedFile("photo.jpg", encoded(photo((1000, 600)), "JPEG")),
            **FIELDS}  # fmt: skip

    response = editor.post(reverse("admin:articles_image_add"), data, follow=True)

    assert response.status_code == 200
    image = Image.objects.get()
    assert image.renditions == {}
    assert Path(image.file.path).exists()
    assert "لم يمكن إنشاء نسخها الأصغر" in response.text
    assert image.jpeg_srcset == ""  # pages fall back to the original
