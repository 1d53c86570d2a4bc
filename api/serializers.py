"""What the API tells of each published thing: every language it is written in, and
absolute addresses, so an app needs nothing else to show and link it."""

from django.utils.encoding import iri_to_uri
from django.utils.translation import override
from drf_spectacular.utils import extend_schema_field
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname
from rest_framework import serializers

from articles.corrections import notes_of
from articles.imaging import CROP_RATIOS
from articles.models import Article, Correction, Image, Section, Tag
from newsroom.models import StaffMember
from ticker.models import TickerItem


class TranslatedText(serializers.Serializer):
    """A text in each language it is written in."""

    ar = serializers.CharField(required=False, help_text="Arabic, the original language")
    en = serializers.CharField(required=False, help_text="English, when translated")


class Addresses(serializers.Serializer):
    """A page's address in each language it can be read in."""

    ar = serializers.URLField(required=False)
    en = serializers.URLField(required=False)


@extend_schema_field(TranslatedText)
class TranslatedField(serializers.Field):
    """A translated model field as ``{"ar": …, "en": …}``, leaving out empty languages."""

    def __init__(self, field: str, **kwargs):
        self.translated = field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> dict[str, str]:
        texts = {}
        for code in AVAILABLE_LANGUAGES:
            if text := getattr(instance, build_localized_fieldname(self.translated, code)):
                texts[code] = text
        return texts


@extend_schema_field(Addresses)
class AddressesField(serializers.Field):
    """The object's absolute address in each of ``languages(obj)`` (every language)."""

    def __init__(self, *, languages=None, address=None, **kwargs):
        self.languages = languages or (lambda obj: AVAILABLE_LANGUAGES)
        self.address = address or (lambda obj: obj.get_absolute_url())
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> dict[str, str]:
        request = self.context["request"]
        addresses = {}
        for code in self.languages(instance):
            with override(code):
                addresses[code] = request.build_absolute_uri(iri_to_uri(self.address(instance)))
        return addresses


def slug_field() -> serializers.CharField:
    # Slugs keep Arabic letters: the schema must not say [-\w] (ASCII in JSON Schema).
    return serializers.CharField(read_only=True, help_text="Part of the page address")


class SectionSerializer(serializers.ModelSerializer):
    slug = slug_field()
    name = TranslatedField("name")
    description = TranslatedField("description")
    urls = AddressesField()

    class Meta:
        model = Section
        fields = ["slug", "name", "description", "urls"]


class TagSerializer(serializers.ModelSerializer):
    slug = slug_field()
    name = TranslatedField("name")
    urls = AddressesField()

    class Meta:
        model = Tag
        fields = ["slug", "name", "urls"]


class AuthorSerializer(serializers.ModelSerializer):
    slug = slug_field()
    name = TranslatedField("name")
    job_title = TranslatedField("job_title")
    urls = AddressesField()

    class Meta:
        model = StaffMember
        fields = ["slug", "name", "job_title", "urls"]


class RenditionSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=["jpeg", "webp"])
    width = serializers.IntegerField()
    url = serializers.URLField()


class CropSerializer(serializers.Serializer):
    ratio = serializers.ChoiceField(choices=[f"{w}:{h}" for w, h in CROP_RATIOS])
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    url = serializers.URLField()


class FocalPointSerializer(serializers.Serializer):
    x = serializers.FloatField(help_text="From the left edge (0) to the right edge (1)")
    y = serializers.FloatField(help_text="From the top (0) to the bottom (1)")


class ImageSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The original file")
    alt_text = TranslatedField("alt_text")
    caption = TranslatedField("caption")
    credit = TranslatedField("credit")
    renditions = serializers.SerializerMethodField(
        help_text="Resized copies, narrowest first, for srcset"
    )
    focal_point = serializers.SerializerMethodField(
        help_text="Where the picture's subject is, as fractions of its width and height"
    )
    crops = serializers.SerializerMethodField(
        help_text="JPEG crops around the focal point, 1,200 pixels wide when the original "
        "allows; a ratio the original is too small for is missing"
    )

    class Meta:
        model = Image
        fields = ["url", "width", "height", "alt_text", "caption", "credit", "renditions",
                  "focal_point", "crops"]  # fmt: skip

    def get_url(self, image: Image) -> str:
        return self.context["request"].build_absolute_uri(image.file.url)

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, image: Image) -> list[dict]:
        absolute = self.context["request"].build_absolute_uri
        storage = image.file.storage
        return [
            {"format": kind, "width": int(width), "url": absolute(storage.url(name))}
            for kind, sizes in sorted(image.renditions.items())
            for width, name in sorted(sizes.items(), key=lambda size: int(size[0]))
        ]

    @extend_schema_field(FocalPointSerializer)
    def get_focal_point(self, image: Image) -> dict:
        return {"x": image.focal_x, "y": image.focal_y}

    @extend_schema_field(CropSerializer(many=True))
    def get_crops(self, image: Image) -> list[dict]:
        absolute = self.context["request"].build_absolute_uri
        return [
            {
                "ratio": f"{across}:{down}",
                "width": crop.width,
                "height": crop.height,
                "url": absolute(crop.url),
            }
            for (across, down), crop in image.crop_copies.items()
        ]


class CorrectionSerializer(serializers.ModelSerializer):
    text = TranslatedField("text")
    withdrawal_note = TranslatedField("withdrawal_note")

    class Meta:
        model = Correction
        fields = ["kind", "text", "published_at", "withdrawn_at", "withdrawal_note"]


class ArticleSerializer(serializers.ModelSerializer):
    """An article as lists show it: everything but the body and its notes."""

    url = serializers.SerializerMethodField(help_text="The canonical page, in Arabic")
    urls = AddressesField(languages=lambda article: article.available_languages)
    languages = serializers.ListField(
        source="available_languages", child=serializers.CharField(), read_only=True
    )
    kicker = TranslatedField("kicker")
    title = TranslatedField("title")
    summary = TranslatedField("summary")
    section = SectionSerializer(allow_null=True)
    tags = TagSerializer(many=True, source="tags.all")
    authors = AuthorSerializer(many=True, source="authors.all")
    lead_image = ImageSerializer(allow_null=True)
    updated_at = serializers.DateTimeField(source="last_modified")

    class Meta:
        model = Article
        fields = ["id", "url", "urls", "languages", "kicker", "title", "summary", "section",
                  "tags", "authors", "lead_image", "published_at", "updated_at"]  # fmt: skip

    def get_url(self, article: Article) -> str:
        return self.context["request"].build_absolute_uri(article.get_absolute_url())


class ArticleDetailSerializer(ArticleSerializer):
    """One article whole: its sanitized body and its published corrections and updates."""

    body = TranslatedField("body", help_text="Sanitized HTML")
    corrections = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "corrections"]

    @extend_schema_field(CorrectionSerializer(many=True))
    def get_corrections(self, article: Article) -> list[dict]:
        notes = notes_of(article)
        return CorrectionSerializer(notes.corrections + notes.updates, many=True).data


class TickerItemSerializer(serializers.ModelSerializer):
    text = TranslatedField("text")
    url = serializers.SerializerMethodField()

    class Meta:
        model = TickerItem
        fields = ["text", "url", "is_breaking", "starts_at", "ends_at"]

    def get_url(self, item: TickerItem) -> str | None:
        return self.context["request"].build_absolute_uri(item.link) if item.link else None
