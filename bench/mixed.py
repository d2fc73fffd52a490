"""The realistic load of `make loadtest`'s mixed rows, run in processes of their own:

- `python -m bench.mixed urls`: every public page of the data (every locality page, promise
  page, per-locality list and feed, situation picture and place, the site's lists, feeds and
  API lists), one per line;
- `python -m bench.mixed writer SECONDS`: publishes a follow-up note on a promise of a
  random locality every SECONDS, through the services the admin uses (`update_post` as a
  draft, then `update_publish`), until stopped; prints how many it published.
"""

import os
import random
import signal
import sys
import time

WRITER_SEED = 5


def public_urls():
    from django.urls import reverse

    from promises.models import Locality, Promise
    from situation.models import Place, SituationPicture

    urls = [
        "/",
        "/loften/",
        "/feeds/atom/",
        "/feeds/rss/",
        "/api/v1/promises/",
        "/api/v1/localities/",
        "/api/v1/updates/",
        "/sitemap.xml",
    ]
    for slug in Locality.objects.order_by("pk").values_list("slug", flat=True):
        urls += [
            reverse("promises:locality", kwargs={"slug": slug}),
            f"/loften/?locality={slug}",
            reverse("promises:locality-feed-atom", kwargs={"locality": slug}),
        ]
    promises = Promise.objects.filter(state=Promise.State.PUBLISHED).order_by("pk")
    for locality, slug in promises.values_list("locality__slug", "slug"):
        urls.append(reverse("promises:detail", kwargs={"locality": locality, "slug": slug}))
    for model, name in ((SituationPicture, "promises:picture"), (Place, "promises:place")):
        for locality, slug in model.objects.order_by("pk").values_list("locality__slug", "slug"):
            urls.append(reverse(name, kwargs={"locality": locality, "slug": slug}))
    return urls


def writer(every):
    from django.contrib.auth import get_user_model

    from followup.services import update_post, update_publish
    from promises.models import Locality, Promise

    author, _ = get_user_model().objects.get_or_create(
        username="loadtest-writer", defaults={"is_staff": True, "is_superuser": True}
    )
    published = Promise.objects.filter(state=Promise.State.PUBLISHED)
    localities = list(
        Locality.objects.filter(promises__in=published).distinct().values_list("pk", flat=True)
    )
    rng = random.Random(WRITER_SEED)
    count = 0
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    next_at = time.monotonic() + every
    while not stop:
        time.sleep(max(0.0, min(0.2, next_at - time.monotonic())))
        if time.monotonic() < next_at:
            continue
        next_at += every
        promise = rng.choice(list(published.filter(locality_id=rng.choice(localities))))
        note = update_post(
            promise=promise,
            author=author,
            text=f"Lasttest: uppföljning nummer {count + 1}.",
            published=False,
        )
        update_publish(note)
        count += 1
    print(count, flush=True)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    if sys.argv[1] == "urls":
        print("\n".join(public_urls()))
    else:
        writer(float(sys.argv[2]))
