import hashlib

from django.db import migrations, models


def hash_plain_ticket_codes(apps, schema_editor):
    Attendee = apps.get_model("tickets", "Attendee")
    for attendee in Attendee.objects.exclude(ticket_code=""):
        attendee.ticket_code_hash = hashlib.sha256(attendee.ticket_code.encode()).hexdigest()
        attendee.save(update_fields=["ticket_code_hash"])


class Migration(migrations.Migration):

    dependencies = [
        ("tickets", "0001_initial"),
    ]

    operations = [
        migrations.AddField("attendee", "ticket_code", models.CharField(blank=True, max_length=32)),
        migrations.AddField("attendee", "ticket_code_hash", models.CharField(blank=True, max_length=64)),
        migrations.RunPython(hash_plain_ticket_codes, migrations.RunPython.noop),
        migrations.RemoveField("attendee", "ticket_code"),
        migrations.AddField("attendee", "display_name", models.CharField(blank=True, max_length=80)),
        migrations.DeleteModel("RevokedTicketToken"),
        migrations.RunSQL(
            "ALTER TABLE tickets_attendee ALTER COLUMN password TYPE varchar(45)",
            reverse_sql="ALTER TABLE tickets_attendee ALTER COLUMN password TYPE varchar(128)",
        ),
    ]
