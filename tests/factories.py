"""factory_boy factories for every model. Images are real files made with Pillow."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from articles.models import Article, Correction, Image, Section, SpellingVariant, Tag
from liveblog.models import LiveBlog, LiveUpdate
from newsroom.models import MastheadTerm, PolicyPage, StaffMember
from ticker.models import TickerItem


def hours_ago(hours: float):
    return factory.LazyFunction(lambda: timezone.now() - timedelta(hours=hours))


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """``UserFactory(role="Editor")``: a staff account in that newsroom group."""
        if create and extracted:
            self.is_staff = True
            self.save(update_fields=["is_staff"])
            self.groups.add(Group.objects.get(name=extracted))


class StaffMemberFactory(DjangoModelFactory):
    class Meta:
        model = StaffMember

    name_ar = factory.Sequence(lambda n: f"محرر رقم {n}")
    name_en = factory.Sequence(lambda n: f"Reporter number {n}")
    job_title_ar = "مراسل"


class MastheadTermFactory(DjangoModelFactory):
    class Meta:
        model = MastheadTerm

    staff_member = factory.SubFactory(StaffMemberFactory)
    role = StaffMember.MastheadRole.EDITOR_IN_CHIEF
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365))
    ends_on = None


class PolicyPageFactory(DjangoModelFactory):
    class Meta:
        model = PolicyPage

    title_ar = factory.Sequence(lambda n: f"صفحة السياسة {n}")
    title_en = factory.Sequence(lambda n: f"Policy page {n}")
    body_ar = "<p>نصحّح أخطاءنا علنًا ونؤرّخ كل تصحيح.</p>"
    body_en = "<p>We correct our mistakes in public and date every correction.</p>"


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section

    name_ar = factory.Sequence(lambda n: f"قسم {n}")
    order = factory.Sequence(int)


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag

    name_ar = factory.Sequence(lambda n: f"وسم {n}")


class ImageFactory(DjangoModelFactory):
    class Meta:
        model = Image

    file = factory.django.ImageField(width=800, height=450, color="teal", format="JPEG")
    alt_text_ar = "وصف الصورة للقراء"
    caption_ar = "تعليق على الصورة"
    credit_ar = "وكالة الصور"


class ArticleFactory(DjangoModelFactory):
    """A published article by default; traits give the other states."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title_ar = factory.Sequence(lambda n: f"خبر اختبار رقم {n} عن الأسواق")
    summary_ar = "ملخص قصير للخبر يظهر تحت العنوان."
    body_ar = "<p>الفقرة الأولى.</p><h2>عنوان فرعي</h2><p>قال المصدر: «نص الاقتباس».</p>"
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.PUBLISHED
    published_at = hours_ago(1)

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        in_review = factory.Trait(status=Article.Status.REVIEW, published_at=None)
        archived = factory.Trait(status=Article.Status.ARCHIVED)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )
        with_image = factory.Trait(lead_image=factory.SubFactory(ImageFactory))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.set(extracted)


class SpellingVariantFactory(DjangoModelFactory):
    class Meta:
        model = SpellingVariant

    spellings = factory.Sequence(lambda n: f"سبيلبرغ{n}، سبيلبرج{n}")


class TickerItemFactory(DjangoModelFactory):
    class Meta:
        model = TickerItem

    text_ar = factory.Sequence(lambda n: f"خبر عاجل رقم {n}")
    starts_at = hours_ago(1)


class LiveBlogFactory(DjangoModelFactory):
    """Live coverage on a published article."""

    class Meta:
        model = LiveBlog
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)

    @factory.post_generation
    def live_now(self, create, extracted, **kwargs):
        # As liveblog.services keeps it: the article knows its coverage is live.
        if create and self.state == LiveBlog.State.LIVE and not self.article.live_now:
            self.article.live_now = True
            self.article.save(update_fields=["live_now"])


class LiveUpdateFactory(DjangoModelFactory):
    class Meta:
        model = LiveUpdate

    live_blog = factory.SubFactory(LiveBlogFactory)
    headline_ar = factory.Sequence(lambda n: f"تحديث رقم {n}")
    body_ar = "<p>وصل المراسل إلى موقع الحدث.</p>"
    posted_at = factory.LazyFunction(timezone.now)
    changed_at = factory.LazyAttribute(lambda update: update.posted_at)


class CorrectionFactory(DjangoModelFactory):
    class Meta:
        model = Correction

    article = factory.SubFactory(ArticleFactory)
    kind = Correction.Kind.CORRECTION
    text_ar = "ذكرت نسخة سابقة من هذا الخبر رقمًا خاطئًا، وقد صحّحناه."
    published_at = hours_ago(1)
