import hashlib

from django.db import migrations, models


def collapse_legacy_hashes(apps, schema_editor):
    """phpBB stored salted hashes; fold the salt in so the salt column can go."""
    LegacyMember = apps.get_model("board", "LegacyMember")
    for member in LegacyMember.objects.iterator():
        salted = (member.password_salt + member.password_hash).encode()
        member.password_hash = hashlib.sha1(salted).hexdigest()
        member.save(update_fields=["password_hash"])


class Migration(migrations.Migration):

    dependencies = [
        ("board", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(collapse_legacy_hashes, migrations.RunPython.noop),
        migrations.AlterField(model_name="legacymember", name="password_hash",
                              field=models.CharField(max_length=40)),
        migrations.RemoveField(model_name="legacymember", name="password_salt"),
        migrations.AddField(model_name="legacymember", name="password_changed_at",
                            field=models.DateTimeField(null=True)),
        migrations.AlterModelOptions(name="legacymember", options={"verbose_name": "legacy member"}),
        migrations.AddIndex(model_name="legacymember",
                            index=models.Index(fields=["email"], name="board_legacy_email_idx")),
    ]
