"""Receivers that tag what pages show and purge it when it changes.

Signals, not explicit calls, because content reaches the database by many
roads: the admin and its inlines, the workflow services and bulk actions,
revision restores, taggit's and Django's many-to-many managers, management
commands and the shell. A receiver on the model sees them all, where a call
forgotten on one road would leave a stale page. (``QuerySet.update()`` sends
no signal; the project's code saves rows one by one where pages show them.)
"""

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_save
from django.dispatch import receiver

from articles.models import Article, Correction, Image, Section, SpellingVariant, Tag, TaggedArticle
from liveblog.models import LiveBlog, LiveUpdate
from newsroom.models import MastheadTerm, PolicyPage, Publication, StaffMember
from pagecache import recorder, tags
from pagecache.invalidation import (
    ArticleState,
    article_change_tags,
    authorship_tags,
    listed_article_ids,
    purge_on_commit,
    tagging_tags,
)
from ticker.models import TickerItem

AuthorsThrough = Article.authors.through

# ---- What a page shows: every row of these models loaded while it renders tags it.


def tag_shown_row(sender, instance, **kwargs) -> None:
    if instance.pk is not None:
        recorder.shows_object(tags.object_tag(sender, instance.pk))


for model in (Article, Section, Image, Tag, StaffMember, LiveBlog):
    post_init.connect(tag_shown_row, sender=model, dispatch_uid=f"pagecache-shown-{model}")


@receiver(post_init, sender=Publication)
def tag_shown_publication(sender, instance, **kwargs) -> None:
    recorder.shows_object(tags.PUBLICATION)


# ---- Articles


@receiver(pre_save, sender=Article)
def remember_article_state(sender, instance: Article, **kwargs) -> None:
    instance._state_before_save = ArticleState.stored(instance.pk) if instance.pk else None


@receiver(post_save, sender=Article)
def purge_saved_article(sender, instance: Article, **kwargs) -> None:
    before = getattr(instance, "_state_before_save", None)
    after = ArticleState.stored(instance.pk)
    purge_on_commit(
        article_change_tags(instance.pk, before, after, lambda: memberships(instance.pk))
    )


@receiver(post_delete, sender=Article)
def purge_deleted_article(sender, instance: Article, **kwargs) -> None:
    # The tag and author rows went first (their own receivers purged those lists);
    # the article's section and time come from the instance, as it was.
    before = ArticleState.of(instance)
    purge_on_commit(article_change_tags(instance.pk, before, None, lambda: ([], [])))


def memberships(article_id: int) -> tuple[list[int], list[int]]:
    """The article's tag ids and author ids, as stored now."""
    tag_ids = TaggedArticle.objects.filter(content_object_id=article_id).values_list(
        "tag_id", flat=True
    )
    author_ids = AuthorsThrough.objects.filter(article_id=article_id).values_list(
        "staffmember_id", flat=True
    )
    return list(tag_ids), list(author_ids)


@receiver([post_save, post_delete], sender=TaggedArticle)
def purge_tagging(sender, instance: TaggedArticle, **kwargs) -> None:
    """taggit adds and removes tags row by row; each row moves one article in one list."""
    purged = {tags.object_tag(Article, instance.content_object_id)}
    if listed_article_ids([instance.content_object_id]):
        purged |= tagging_tags([instance.tag_id])
    purge_on_commit(purged)


@receiver(m2m_changed, sender=AuthorsThrough)
def purge_authorship(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Authors change through the many-to-many manager, from either side."""
    if action == "pre_clear":
        related = instance.staffmember_set if reverse else instance.authors
        instance._cleared_ids = set(related.values_list("pk", flat=True))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    ids = instance._cleared_ids if action == "post_clear" else pk_set
    article_ids, author_ids = (ids, {instance.pk}) if reverse else ({instance.pk}, ids)
    purged = {tags.object_tag(Article, pk) for pk in article_ids}
    if listed_article_ids(article_ids):
        purged |= authorship_tags(author_ids)
    purge_on_commit(purged)


# ---- Everything else pages show


@receiver([post_save, post_delete], sender=Section)
def purge_section(sender, instance: Section, **kwargs) -> None:
    purge_on_commit({tags.object_tag(Section, instance.pk), tags.NAV})


@receiver([post_save, post_delete], sender=Tag)
def purge_tag(sender, instance: Tag, **kwargs) -> None:
    purge_on_commit({tags.object_tag(Tag, instance.pk), tags.TAGS})


@receiver([post_save, post_delete], sender=Image)
def purge_image(sender, instance: Image, **kwargs) -> None:
    purge_on_commit({tags.object_tag(Image, instance.pk)})


@receiver([post_save, post_delete], sender=Publication)
def purge_publication(sender, instance: Publication, **kwargs) -> None:
    purge_on_commit({tags.PUBLICATION})


@receiver([post_save, post_delete], sender=Correction)
def purge_correction(sender, instance: Correction, **kwargs) -> None:
    # Its article's page (the box, the notice, the dates, the JSON-LD) and the archive.
    purge_on_commit({tags.object_tag(Article, instance.article_id), tags.CORRECTIONS})


@receiver([post_save, post_delete], sender=SpellingVariant)
def purge_searches(sender, instance: SpellingVariant, **kwargs) -> None:
    # A search for any spelling of the word now finds more, or less.
    purge_on_commit({tags.SEARCH})


@receiver([post_save, post_delete], sender=LiveBlog)
def purge_live_blog(sender, instance: LiveBlog, **kwargs) -> None:
    # Its article's cards and the ticker follow Article.live_now, saved with it.
    purge_on_commit({tags.object_tag(LiveBlog, instance.pk)})


@receiver([post_save, post_delete], sender=LiveUpdate)
def purge_live_update(sender, instance: LiveUpdate, **kwargs) -> None:
    # Its live page and the changes readers poll: both read the live blog's row.
    purge_on_commit({tags.object_tag(LiveBlog, instance.live_blog_id)})


@receiver(m2m_changed, sender=LiveUpdate.authors.through)
def purge_live_update_authors(sender, instance, **kwargs) -> None:
    if isinstance(instance, LiveUpdate):
        purge_on_commit({tags.object_tag(LiveBlog, instance.live_blog_id)})
    else:  # from the staff member's side: each update they were added to or removed from
        blogs = LiveUpdate.objects.filter(pk__in=kwargs.get("pk_set") or ()).values_list(
            "live_blog_id", flat=True
        )
        purge_on_commit({tags.object_tag(LiveBlog, pk) for pk in blogs})


@receiver([post_save, post_delete], sender=TickerItem)
def purge_ticker(sender, instance: TickerItem, **kwargs) -> None:
    purge_on_commit({tags.TICKER})


@receiver(pre_save, sender=StaffMember)
def remember_masthead_place(sender, instance: StaffMember, **kwargs) -> None:
    instance._masthead_before = (
        StaffMember.objects.filter(pk=instance.pk)
        .values_list("masthead_role", "masthead_order")
        .first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=StaffMember)
def purge_saved_staff_member(sender, instance: StaffMember, **kwargs) -> None:
    place = (instance.masthead_role, instance.masthead_order)
    purge_staff_member(instance.pk, getattr(instance, "_masthead_before", None), place)


@receiver(post_delete, sender=StaffMember)
def purge_deleted_staff_member(sender, instance: StaffMember, **kwargs) -> None:
    purge_staff_member(instance.pk, (instance.masthead_role, instance.masthead_order), None)


def purge_staff_member(pk: int, before: tuple | None, after: tuple | None) -> None:
    """A person's own pages and the authors sitemap; the masthead line when they join,
    leave or move in it (a name change reaches the line through their own tag)."""
    purged = {tags.object_tag(StaffMember, pk), tags.AUTHORS}
    if before != after and any(place and place[0] for place in (before, after)):
        purged.add(tags.MASTHEAD)
    purge_on_commit(purged)


@receiver([post_save, post_delete], sender=MastheadTerm)
def purge_masthead(sender, instance: MastheadTerm, **kwargs) -> None:
    # The line on every page, the masthead page, and articles naming their editor-in-chief.
    purge_on_commit({tags.MASTHEAD})


# What the footer and the publisher's structured data show of each policy page.
LISTED_POLICY_FIELDS = ("title_ar", "title_en", "slug", "kind", "order")


@receiver(pre_save, sender=PolicyPage)
def remember_policy_listing(sender, instance: PolicyPage, **kwargs) -> None:
    instance._listed_before = (
        PolicyPage.objects.filter(pk=instance.pk).values_list(*LISTED_POLICY_FIELDS).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=PolicyPage)
def purge_saved_policy(sender, instance: PolicyPage, **kwargs) -> None:
    """The page itself; every page when its title, address, kind or place changed."""
    purged = {tags.object_tag(PolicyPage, instance.pk)}
    listed = tuple(getattr(instance, field) for field in LISTED_POLICY_FIELDS)
    if getattr(instance, "_listed_before", None) != listed:
        purged.add(tags.POLICIES)
    purge_on_commit(purged)


@receiver(post_delete, sender=PolicyPage)
def purge_deleted_policy(sender, instance: PolicyPage, **kwargs) -> None:
    purge_on_commit({tags.object_tag(PolicyPage, instance.pk), tags.POLICIES})
