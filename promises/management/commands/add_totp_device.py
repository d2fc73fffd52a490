from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Registers a TOTP device (authenticator app) for a staff user and prints the QR "
        "code to scan. Needed before a user can log in when ADMIN_REQUIRE_2FA is on."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Autentiseringsapp")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(f"Scan this with the authenticator app of {username}:\n")
        try:
            import qrcode

            qr = qrcode.QRCode(border=1)
            qr.add_data(device.config_url)
            qr.print_ascii(out=self.stdout._out, invert=True)
        except ImportError:  # pragma: no cover - qrcode is a dependency
            pass
        self.stdout.write(f"\nOr enter this address by hand:\n{device.config_url}\n")
