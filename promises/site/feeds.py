"""Atom and RSS 2.0 feeds of published follow-up notes: site-wide, per locality, per promise."""

import datetime

from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.http import http_date
from django.utils.translation import gettext as _

from followup.markdown import render_markdown
from followup.models import UPDATE_NEWEST_FIRST, Update
from followup.selectors import newest_updates
from promises.models import Locality, Promise
from promises.progress import promise_progress
from promises.signals import page_depends_on_locality

FEED_LENGTH = 50
NOON = datetime.time(12)  # a note is dated, not timed: it is published at noon that day
# What an entry shows (title, text, byline, dates, link, category): the promise's and the
# locality's long texts are never read.
FEED_FIELDS = (
    "title",
    "text",
    "date",
    "created_at",
    "author_role",
    "author_organisation",
    "promise__title",
    "promise__slug",
    "promise__locality__slug",
    "promise__locality__name",
)


class UpdatesFeed(Feed):
    """Site-wide: every published note on a published promise, newest first."""

    feed_type = Rss201rev2Feed
    kind = "rss"

    def title(self, obj=None):
        return _("Follow-up of citizen promises – Medborgarlöften")

    def description(self, obj=None):
        return _("New follow-up notes on the citizen promises of the police and municipalities.")

    def link(self, obj=None):
        return reverse("promises:home")

    def feed_url(self, obj=None):
        return reverse(f"promises:feed-{self.kind}")

    def updates(self, obj=None):
        """The published notes of this feed, newest first, with only what the feed shows."""
        return (
            Update.objects.published()
            .select_related("promise__locality")
            .only(*FEED_FIELDS)
            .order_by(*UPDATE_NEWEST_FIRST)
        )

    def __call__(self, request, *args, **kwargs):
        # As Feed.__call__, but the XML is written to a string and sent as one piece: written
        # to the response it became ~2 000 pieces (one per element and text), each a write.
        try:
            obj = self.get_object(request, *args, **kwargs)
        except ObjectDoesNotExist:
            raise Http404("Feed object does not exist.") from None
        feedgen = self.get_feed(obj, request)
        response = HttpResponse(feedgen.writeString("utf-8"), content_type=feedgen.content_type)
        # For ConditionalGetMiddleware's 304s, as Feed.__call__ does.
        response.headers["Last-Modified"] = http_date(feedgen.latest_post_date().timestamp())
        return response

    def items(self, obj=None):
        if obj is None:  # site-wide: read off the index of the newest notes
            return newest_updates(self.updates(), FEED_LENGTH)
        return self.updates(obj)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title or _("Follow-up: %(promise)s") % {"promise": item.promise.title}

    def item_description(self, item):
        return render_markdown(item.text)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"urn:medborgarloften:update:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        """None for a note whose source gives no date: never the day it was entered."""
        if item.date is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(item.date, NOON))

    def item_updateddate(self, item):
        published = self.item_pubdate(item)
        return item.created_at if published is None else max(published, item.created_at)

    def item_author_name(self, item):
        return item.byline

    def item_categories(self, item):
        return [item.promise.locality.name]


class AtomUpdatesFeed(UpdatesFeed):
    feed_type = Atom1Feed
    kind = "atom"
    subtitle = UpdatesFeed.description


@page_depends_on_locality("locality")
class LocalityUpdatesFeed(UpdatesFeed):
    def get_object(self, request, locality):
        return get_object_or_404(Locality, slug=locality)

    def title(self, obj=None):
        return _("Follow-up in %(locality)s – Medborgarlöften") % {"locality": obj.name}

    def description(self, obj=None):
        return _("New follow-up notes on the citizen promises in %(locality)s.") % {
            "locality": obj.name
        }

    def link(self, obj=None):
        return obj.get_absolute_url()

    def feed_url(self, obj=None):
        return reverse(f"promises:locality-feed-{self.kind}", kwargs={"locality": obj.slug})

    def updates(self, obj=None):
        return super().updates().filter(promise__locality=obj)


class AtomLocalityUpdatesFeed(LocalityUpdatesFeed):
    feed_type = Atom1Feed
    kind = "atom"
    subtitle = LocalityUpdatesFeed.description


@page_depends_on_locality("locality")
class PromiseUpdatesFeed(UpdatesFeed):
    def get_object(self, request, locality, slug):
        return get_object_or_404(
            Promise.objects.published().select_related("locality"),
            locality__slug=locality,
            slug=slug,
        )

    def title(self, obj=None):
        return _("Follow-up: %(promise)s – Medborgarlöften") % {"promise": obj.title}

    def description(self, obj=None):
        # With the progress in the same words as every other surface (promises.progress).
        about = _("New follow-up notes on %(promise)s (%(locality)s).") % {
            "promise": obj.title,
            "locality": obj.locality.name,
        }
        return f"{about} {promise_progress(obj).summary}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def feed_url(self, obj=None):
        return reverse(
            f"promises:promise-feed-{self.kind}",
            kwargs={"locality": obj.locality.slug, "slug": obj.slug},
        )

    def updates(self, obj=None):
        return super().updates().filter(promise=obj)


class AtomPromiseUpdatesFeed(PromiseUpdatesFeed):
    feed_type = Atom1Feed
    kind = "atom"
    subtitle = PromiseUpdatesFeed.description
