"""The order of a promise's commitments and goals, changed by moving one row up or down:
nobody types order numbers, so two rows never share one."""

from django.db import transaction


@transaction.atomic
def order_move(obj, direction, *, user=None):
    """Move `obj` (a Commitment or Goal) one place "up" or "down" among its promise's rows
    and number them all 1, 2, 3, … (which also mends numbers that were equal). Returns
    whether `obj` moved."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    model = type(obj)
    rows = list(
        model.objects.select_for_update().filter(promise_id=obj.promise_id).order_by("order", "pk")
    )
    index = next(i for i, row in enumerate(rows) if row.pk == obj.pk)
    other = index - 1 if direction == "up" else index + 1
    moved = 0 <= other < len(rows)
    if moved:
        rows[index], rows[other] = rows[other], rows[index]
    for number, row in enumerate(rows, start=1):
        if row.order != number:
            row.order = number
            row._history_user = user  # django-simple-history: who changed it
            row.save(update_fields=["order"])
    return moved


def next_order(model, promise):
    """The number a new row of `promise` gets: after the last one."""
    last = model.objects.filter(promise=promise).order_by("-order").values("order").first()
    return (last["order"] if last else 0) + 1
