import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_create_demo_users_refuses_without_debug():
    with pytest.raises(CommandError) as error:
        call_command("create_demo_users")
    assert str(error.value) == (
        "create_demo_users only runs with DEBUG on: it sets well-known passwords."
    )
    assert User.objects.count() == 0


def test_create_demo_users_makes_an_editor_and_an_admin(settings, rf):
    settings.DEBUG = True
    call_command("create_demo_users")
    call_command("create_demo_users")
    editor = User.objects.get(username="editor")
    assert (
        editor.is_staff,
        editor.is_superuser,
        list(editor.groups.values_list("name", flat=True)),
    ) == (
        True,
        False,
        ["Editors"],
    )
    assert User.objects.get(username="admin").is_superuser
    assert authenticate(rf.get("/"), username="editor", password="editor") == editor
