"""Logs are JSON lines with the request id, and carry no e-mail addresses."""

import json
import logging
import sys

import pytest

from config.logs import JsonFormatter, PersonalDataFilter, RequestIdFilter, request_id_var


def _format(record):
    for log_filter in (RequestIdFilter(), PersonalDataFilter()):
        log_filter.filter(record)
    return json.loads(JsonFormatter().format(record))


def _record(msg, *args, exc_info=None):
    return logging.LogRecord("followup", logging.WARNING, __file__, 1, msg, args, exc_info)


def test_a_log_line_is_json_with_level_logger_message_and_request_id():
    token = request_id_var.set("req-12345678")
    try:
        entry = _format(_record("Feedback %s received", 42))
    finally:
        request_id_var.reset(token)

    assert entry["level"] == "WARNING"
    assert entry["logger"] == "followup"
    assert entry["message"] == "Feedback 42 received"
    assert entry["request_id"] == "req-12345678"
    assert entry["time"].endswith("+00:00")


def test_email_addresses_and_personal_numbers_are_scrubbed_from_messages_and_arguments():
    entry = _format(_record("Mail to %s failed (%s)", "anna.svensson@example.se", "19850412-1234"))

    assert entry["message"] == "Mail to [email] failed ([personnummer])"


def test_email_addresses_are_scrubbed_from_tracebacks():
    try:
        raise ValueError("bad address: kalle+tips@kommun.se")
    except ValueError:
        import sys

        entry = _format(_record("Sending failed", exc_info=sys.exc_info()))

    assert "kalle" not in json.dumps(entry)
    assert "ValueError: bad address: [email]" in entry["exception"]


@pytest.mark.django_db
def test_a_request_gets_an_id_in_its_response_and_its_log_records(client, caplog):
    caplog.set_level(logging.WARNING, logger="django.request")
    caplog.handler.addFilter(RequestIdFilter())

    response = client.get("/no-such/page/", HTTP_X_REQUEST_ID="proxy-req-0001")

    assert response["X-Request-ID"] == "proxy-req-0001"
    assert [r.request_id for r in caplog.records] == ["proxy-req-0001"]


@pytest.mark.django_db
def test_an_insane_request_id_is_replaced_by_a_new_one(client):
    response = client.get("/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")

    assert len(response["X-Request-ID"]) == 32
    assert "<" not in response["X-Request-ID"]


def test_a_not_found_is_logged_without_its_traceback_and_a_server_error_with_it():
    records = []
    for status in (404, 500):
        try:
            raise ValueError("from the view")
        except ValueError:
            record = logging.LogRecord(
                "django.request",
                logging.WARNING,
                __file__,
                1,
                "Status %s",
                (status,),
                sys.exc_info(),
            )
        record.status_code = status
        records.append(_format(record))

    assert "exception" not in records[0] and records[0]["message"] == "Status 404"
    assert "ValueError: from the view" in records[1]["exception"]
