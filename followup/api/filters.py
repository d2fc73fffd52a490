"""Filtering of published promises as on the public list: locality, actor, theme, phase,
commitment status and free text."""

from django.db.models import Exists, OuterRef, Q

from promises.models import Actor, Commitment, Party, Promise


def _owned_by(kind):
    return Exists(Party.objects.filter(commitments=OuterRef("pk"), kind=kind))


def commitments_of_actor(actor):
    """Commitments whose owning parties make them the actor's (see `promises.models.actor_of`)."""
    police, municipality = _owned_by(Party.Kind.POLICE), _owned_by(Party.Kind.MUNICIPALITY)
    return {
        Actor.POLICE: Commitment.objects.filter(police, ~municipality),
        Actor.MUNICIPALITY: Commitment.objects.filter(municipality, ~police),
        Actor.BOTH: Commitment.objects.filter(police, municipality),
        Actor.PARTNER: Commitment.objects.filter(~police, ~municipality),
    }[Actor(actor)]


def filter_promises(
    queryset, *, locality=None, actor=None, theme=None, phase=None, status=None, q=None
):
    if locality:
        queryset = queryset.filter(locality__slug=locality)
    if actor:
        queryset = queryset.filter(pk__in=commitments_of_actor(actor).values("promise"))
    if theme:
        queryset = queryset.filter(
            Q(themes__slug=theme)
            | Q(pk__in=Commitment.objects.filter(themes__slug=theme).values("promise"))
        ).distinct()
    if phase:
        queryset = queryset.in_phase(Promise.Phase(phase))
    if status:
        queryset = queryset.filter(
            pk__in=Commitment.objects.filter(status=status).values("promise")
        )
    if q:
        words = q.replace("\x00", "").split()[:10]
        for word in words:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(background__icontains=word)
                | Q(locality__name__icontains=word)
                | Q(pk__in=Commitment.objects.filter(text__icontains=word).values("promise"))
            )
    return queryset
