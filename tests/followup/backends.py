"""E-mail backends for tests: one that fails, one that 'crashes' after a number of sends."""

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server down")


class Crash(BaseException):
    """Stands for the process dying (kill -9, power cut): nothing catches it."""


class CrashAfterBackend(LocmemBackend):
    """Delivers messages, then dies just after delivering message number `crash_after`,
    before the caller can mark it sent: the worst moment for a crash."""

    crash_after = 3

    def send_messages(self, messages):
        count = super().send_messages(messages)
        if len(mail.outbox) >= self.crash_after:
            raise Crash
        return count


class SlowBackend(LocmemBackend):
    """Takes a moment per message, so two concurrent runs overlap (nothing is timed)."""

    def send_messages(self, messages):
        import time

        time.sleep(0.005)
        return super().send_messages(messages)


class UnreachableBackend(LocmemBackend):
    """A mail server that cannot be reached at all."""

    def open(self):
        raise ConnectionRefusedError("no route to the mail server")
