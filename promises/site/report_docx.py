"""The end-of-term report as a Word document (.docx), built with python-docx from the same
`promises.site.report.Report` as the printable page: what municipal offices put on a board
agenda, and what LibreOffice opens too. No HTML here: headings, paragraphs and tables."""

import io

from django.utils import formats
from django.utils.translation import gettext as _

from promises.templatetags.portal_tags import num


def _date(value):
    return formats.date_format(value, "j F Y") if value else _("date not given")


def _status(row):
    return str(row.status_label)


def _period(promise):
    if promise.starts_on and promise.ends_on:
        return f"{_date(promise.starts_on)} – {_date(promise.ends_on)}"
    return promise.period_text or _("Not given")


def _value(point, unit):
    text = f"{point.qualifier} {num(point.value)}".strip()
    if unit:
        text += f" {unit}"
    if point.group:
        text += f" ({point.group})"
    return text


def _commitment(document, row):
    document.add_paragraph(row.commitment.text, style="List Bullet")
    lines = [f"{_('Status')}: {_status(row)}"]
    if row.reason:
        lines.append(f"{_('Reason')}: {row.reason}")
    if row.follow_up_dates:
        dates = ", ".join(_date(d) for d in row.follow_up_dates)
        lines.append(f"{_('Follow-up notes')}: {dates}")
    else:
        lines.append(_("No follow-up note yet"))
    if row.verdict is not None:
        lines.append(f"{_('Outcome')}: {row.verdict.get_outcome_display()}. {row.verdict.reason}")
    for line in lines:
        document.add_paragraph(line)


def build(report, *, title, page_url):
    """The report as the bytes of a .docx file."""
    import docx  # python-docx; imported here so the site starts without it for other pages

    promise = report.promise
    document = docx.Document()
    document.core_properties.title = f"{title}: {promise.title}"
    document.core_properties.language = "sv-SE"
    document.add_heading(f"{title}: {promise.title}", level=0)
    document.add_paragraph(
        f"{promise.locality.name} · {_('Period')}: {_period(promise)} · "
        f"{_('Made on')}: {_date(report.made_on)}"
    )
    document.add_paragraph(
        _(
            "Built only from what is published on the portal: published commitments, "
            "follow-up notes, figures and surveys. Drafts are not included."
        )
    )
    document.add_paragraph(f"{_('Web page')}: {page_url}")
    if promise.summary:
        document.add_paragraph(promise.summary)
    if report.verdict is not None:
        document.add_heading(_("How we kept our promise"), level=1)
        document.add_paragraph(report.verdict.summary)

    document.add_heading(_("Problems and what answered them"), level=1)
    for section in report.sections:
        if section.problem is None:
            document.add_heading(_("Commitments the document ties to no problem"), level=2)
        else:
            document.add_heading(section.problem.description, level=2)
            places = ", ".join(p.name for p in section.problem.places.all())
            if places:
                document.add_paragraph(f"{_('Places')}: {places}")
        if not section.rows:
            document.add_paragraph(_("The document does not say which commitment answers this."))
        for row in section.rows:
            _commitment(document, row)

    if report.figures:
        document.add_heading(_("In figures"), level=1)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells,
            [_("Indicator"), _("Baseline"), _("Target"), _("Result")],
            strict=True,
        ):
            cell.text = text
        for figure in report.figures:
            i = figure.indicator
            cells = table.add_row().cells
            cells[0].text = i.name
            cells[1].text = (
                f"{num(i.baseline_value)} {i.unit}".strip() if i.baseline_value is not None else "–"
            )
            cells[2].text = (
                f"{num(i.target_value)} {i.unit}".strip() if i.target_value is not None else "–"
            )
            cells[3].text = "; ".join(_value(p, i.unit) for p in figure.latest) or "–"

    for survey in report.surveys:
        if not survey.rows:
            continue
        document.add_heading(survey.title, level=1)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells,
            [_("Question"), _("Group"), _("Baseline"), _("Result")],
            strict=True,
        ):
            cell.text = text
        for result, before in survey.rows:
            cells = table.add_row().cells
            cells[0].text = result.question
            cells[1].text = result.group or "–"
            cells[2].text = f"{num(before.value)} {before.unit}".strip() if before else "–"
            cells[3].text = f"{num(result.value)} {result.unit}".strip()

    document.add_heading(_("What was left undone"), level=1)
    if report.undone:
        for row in report.undone:
            document.add_paragraph(f"{row.commitment.text} ({_status(row)})", style="List Bullet")
    else:
        document.add_paragraph(_("Every commitment is reported done."))

    if report.contacts:
        document.add_heading(_("Contact persons"), level=1)
        for contact in report.contacts:
            parts = [contact.name, contact.role, contact.organisation, contact.phone, contact.email]
            document.add_paragraph(", ".join(p for p in parts if p))

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
