"""Who may do what to an article. The admin and the services both ask here."""

from django.contrib.auth.models import AbstractBaseUser

from articles.models import Article

PUBLISH = "articles.publish_article"
CHANGE_ANY = "articles.change_any_article"

# A reporter's own article stays editable until it is published.
REPORTER_EDITABLE = {Article.Status.DRAFT, Article.Status.REVIEW}


def is_own_article(user: AbstractBaseUser, article: Article) -> bool:
    """The user created the article or is one of its credited authors."""
    if article.created_by_id is not None and article.created_by_id == user.pk:
        return True
    return article.pk is not None and article.authors.filter(user=user).exists()


def can_edit_article(user: AbstractBaseUser, article: Article) -> bool:
    """Editors edit anything; reporters their own drafts and articles in review."""
    if user.has_perm(CHANGE_ANY):
        return True
    return (
        user.has_perm("articles.change_article")
        and article.status in REPORTER_EDITABLE
        and is_own_article(user, article)
    )


def can_publish(user: AbstractBaseUser) -> bool:
    return user.has_perm(PUBLISH)
