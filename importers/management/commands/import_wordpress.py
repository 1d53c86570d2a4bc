"""``python manage.py import_wordpress EXPORT.xml [--media-dir DIR | --media-base-url URL]
[--dry-run]``: bring a WordPress export into the newsroom."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from lxml import etree

from importers.media import MediaSource
from importers.wordpress import WordPressImport

BAR_WIDTH = 40


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts, categories, tags, authors and images. "
        "Running it again updates what it made."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("export", type=Path, help="The WXR file WordPress exported")
        media = parser.add_mutually_exclusive_group()
        media.add_argument(
            "--media-dir", type=Path, help="A copy of the old site's wp-content/uploads folder"
        )
        media.add_argument(
            "--media-base-url",
            help="The address of wp-content/uploads on a site that still serves it",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check everything, change nothing"
        )

    def handle(self, *args, export, media_dir, media_base_url, dry_run, **options) -> None:
        # call_command() passes its options as given, without argparse's types.
        export = Path(export)
        media_dir = Path(media_dir) if media_dir else None
        if not export.is_file():
            raise CommandError(f"{export} is not a file")
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"{media_dir} is not a folder")
        media = MediaSource(media_dir=media_dir, base_url=media_base_url)
        run = WordPressImport(export, media, progress=self._progress(options["verbosity"]))
        try:
            summary = run.run(dry_run=dry_run)
        except etree.XMLSyntaxError as error:
            raise CommandError(f"{export} is not a well-formed export: {error}") from error
        finally:
            if options["verbosity"]:
                sys.stderr.write("\n")
        heading = "Dry run, nothing changed" if dry_run else "Imported"
        counts = ", ".join(
            f"{what} {summary.counts[what]}"
            for what in ("created", "updated", "skipped", "failed", "images", "images to bring")
            if summary.counts[what] or what in {"created", "updated", "skipped", "failed"}
        )
        self.stdout.write(self.style.SUCCESS(f"{heading}: {counts}"))
        for problem in summary.problems:
            self.stdout.write(f"  {problem}")

    def _progress(self, verbosity: int):
        """A bar on standard error filling as the export is read (the second pass)."""
        if not verbosity:
            return None

        def show(share: float) -> None:
            filled = round(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            sys.stderr.write(f"\r[{bar}] {share:4.0%}")
            sys.stderr.flush()

        return show
