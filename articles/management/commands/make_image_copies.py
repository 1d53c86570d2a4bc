"""Make the copies library images lack: the crops around the focal point that search
engines and social networks get, and the WebP at the original's width. Images that
have every copy are left alone, so running it again changes nothing."""

from django.core.management.base import BaseCommand, CommandError

from articles.models import Image
from articles.services import image_lacks_copies, image_make_renditions


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--all",
            action="store_true",
            dest="remake_all",
            help="make every image's copies again, complete or not",
        )

    def handle(self, *args, remake_all: bool = False, **options) -> None:
        made = complete = 0
        failed: list[str] = []
        # One image at a time, each saved on its own: a stopped run keeps what it made.
        for image in Image.objects.order_by("pk").iterator(chunk_size=100):
            if not remake_all and not image_lacks_copies(image):
                complete += 1
                continue
            try:
                image_make_renditions(image=image)
            except Exception as error:  # a missing or unreadable file: report it, go on
                failed.append(f"image {image.pk} ({image.file.name}): {error}")
                continue
            made += 1
        self.stdout.write(f"{made} images given their copies, {complete} already complete.")
        if failed:
            raise CommandError(f"{len(failed)} images could not be copied:\n" + "\n".join(failed))
