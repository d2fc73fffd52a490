"""Building an admin form's POST data from its GET response, as a browser would send it."""

import datetime


def _as_post(value):
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def post_data(response):
    """The change form's current values, inline rows and management forms included."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = str(value)
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            widget = form.fields[name].widget
            if hasattr(widget, "decompress"):  # e.g. a date and a time in two inputs
                for index, part in enumerate(widget.decompress(value)):
                    if part is not None:
                        text = (
                            part.isoformat(timespec="seconds")
                            if isinstance(part, datetime.time)
                            else part.isoformat()
                        )
                        data[f"{form.add_prefix(name)}_{index}"] = text
                continue
            posted = _as_post(value)
            if posted is not None:
                data[form.add_prefix(name)] = posted
    return data
