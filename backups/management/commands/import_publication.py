"""``python manage.py import_publication IN``: restore an archive of
``export_publication`` into an empty database and media storage."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import ArchiveError, restore


class Command(BaseCommand):
    help = (
        "Restore a publication archive after checking its checksums. The database "
        "(migrated, without content) and the media storage must be empty unless --replace."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", help="An archive written by export_publication")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the publication already here (its rows go; media files are overwritten)",
        )

    def handle(self, *args, archive, replace, **options) -> None:
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        try:
            manifest = restore(path, replace=replace)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(self.style.SUCCESS(f"Restored {rows} rows from {path}"))
