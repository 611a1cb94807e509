from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from opportunities.editors import ensure_editor_group


class Command(BaseCommand):
    help = "Create a programme editor: a staff account that may change programme data only."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already.")
        user = User.objects.create_user(username, email, is_staff=True)
        user.groups.add(ensure_editor_group())
        self.stdout.write(
            f"Created editor {username}. Set a password with: "
            f"python manage.py changepassword {username}"
        )
