"""The page cache: public pages kept whole and purged exactly when what they show changes.

- ``recorder``: while a public page renders, what it shows (content tags) and
  the next moment it would change by itself (a scheduled article, a ticker window).
- ``tags``: the names of those tags.
- ``store``: pages in Django's cache, tag versions, purges.
- ``middleware``: serves and stores pages, sets the HTTP caching headers.
- ``signals`` and ``invalidation``: which tags each change of content purges.
- ``cdn``: purging a CDN or Varnish in front by the same tags.
"""
