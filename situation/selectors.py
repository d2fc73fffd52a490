"""Reads of the chain from problem to commitment, for editors' and residents' pages alike.

A problem that no commitment answers, or a commitment that answers no problem, is a link
the documents do not state: it is listed for editors to look at, and residents are told
that the document does not say, never that nothing answers it."""

from django.db.models import Exists, OuterRef

from promises.models import Commitment

from .models import Problem


def unlinked_problems(localities=None):
    """Problems of situation pictures that some promise rests on, which no commitment
    answers; `localities` (a queryset or list of Locality ids) narrows them."""
    problems = Problem.objects.filter(picture__promises__isnull=False).exclude(
        commitments__isnull=False
    )
    if localities is not None:
        problems = problems.in_localities(localities)
    return problems.distinct().select_related("picture__locality")


def unlinked_commitments(localities=None):
    """Commitments that answer no problem of any situation picture."""
    linked = Problem.commitments.through.objects.filter(commitment=OuterRef("pk"))
    commitments = Commitment.objects.filter(~Exists(linked))
    if localities is not None:
        commitments = commitments.in_localities(localities)
    return commitments.select_related("promise__locality")


def unlinked_for(user):
    """What `user` may edit that lacks a link: (problems, commitments)."""
    problems = Problem.objects.editable_by(user)
    commitments = Commitment.objects.editable_by(user)
    return (
        unlinked_problems().filter(pk__in=problems.values("pk")),
        unlinked_commitments().filter(pk__in=commitments.values("pk")),
    )
