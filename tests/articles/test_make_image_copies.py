"""``manage.py make_image_copies`` gives images uploaded before crops existed the copies
uploads get now, and leaves complete ones alone."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.image_files import file_names
from articles.models import Image
from articles.services import image_make_renditions
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_copies(django_capture_on_commit_callbacks):
    """Run the command; what it replaces is removed as in its own transactions."""

    def make_copies(*args) -> str:
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("make_image_copies", *args, stdout=out)
        return out.getvalue()

    return make_copies


def uploaded_before_crops(size=(1600, 900)) -> Image:
    """An image as the pipeline left it before crops: JPEG and WebP copies below the
    original's width only."""
    image = image_make_renditions(image=ImageFactory(file__width=size[0], file__height=size[1]))
    storage = image.file.storage
    for name in [c["name"] for c in image.crops.values()] + [
        image.renditions["webp"].pop(str(size[0]))
    ]:
        storage.delete(name)
    Image.objects.filter(pk=image.pk).update(crops={}, renditions=image.renditions)
    return Image.objects.get(pk=image.pk)


def media_files(settings) -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_older_images_get_their_crops_and_full_width_webp_once(make_copies, settings):
    image = uploaded_before_crops()

    first = make_copies()
    image.refresh_from_db()
    files = media_files(settings)
    second = make_copies()

    assert "1 images given their copies, 0 already complete" in first
    assert set(image.crops) == {"16x9", "4x3", "1x1"}
    assert (image.crops["16x9"]["width"], image.crops["16x9"]["height"]) == (1200, 675)
    assert "1600" in image.renditions["webp"]
    assert files == set(file_names(image))
    assert "0 images given their copies, 1 already complete" in second
    assert media_files(settings) == files
    assert Image.objects.get(pk=image.pk).crops == image.crops


def test_crops_cut_around_an_older_focal_point_are_cut_again(make_copies):
    image = image_make_renditions(image=ImageFactory())
    Image.objects.filter(pk=image.pk).update(focal_x=0.1)

    assert "1 images given their copies" in make_copies()

    image.refresh_from_db()
    assert all(crop["focal"] == [0.1, 0.5] for crop in image.crops.values())
    assert image.crops["1x1"]["name"].endswith("1x1-100-500.jpg")


def test_an_image_whose_file_is_missing_is_reported_and_the_others_still_copied(make_copies):
    missing = ImageFactory()
    missing.file.storage.delete(missing.file.name)
    image = uploaded_before_crops()

    with pytest.raises(CommandError, match=f"image {missing.pk} "):
        make_copies()

    image.refresh_from_db()
    assert set(image.crops) == {"16x9", "4x3", "1x1"}


def test_all_makes_every_images_copies_again(make_copies, settings):
    image = image_make_renditions(image=ImageFactory())
    before = set(file_names(image))

    assert "1 images given their copies, 0 already complete" in make_copies("--all")

    image.refresh_from_db()
    assert set(image.crops) == {"16x9", "4x3", "1x1"}
    assert media_files(settings) == set(file_names(image))  # the replaced copies are gone
    assert set(file_names(image)) & before == {image.file.name}
