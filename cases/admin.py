"""Django admin for every model of the legal core.

The admin is no back door (issue 11 item 5): decisions, files, statuses and the trail of what
happened are read-only here; the few edits it allows go through the same services as the screens
(adviser: request_assign, which grants the object permission; request data: request_update;
document data: document_update), so every change is audited. Audit records and timeline events can
never be added, changed or deleted here.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from cases.models import (
    Answer,
    AuditRecord,
    Document,
    Event,
    GroundMotivation,
    Holiday,
    Letter,
    Organisation,
    Point,
    Reminder,
    Request,
    StaffProfile,
    StoredFile,
)


def _all_fields(model) -> list[str]:
    return [f.name for f in model._meta.get_fields() if f.concrete and not f.auto_created] + [
        m.name for m in model._meta.many_to_many
    ]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Look, never touch: no add, no change, no delete."""

    def get_readonly_fields(self, request, obj=None):
        return _all_fields(self.model)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "department")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "function", "organisation")


class PointInline(admin.TabularInline):
    model = Point
    extra = 0
    can_delete = False
    readonly_fields = [f.name for f in Point._meta.fields if f.name != "id"]

    def has_add_permission(self, request, obj=None):
        return False  # points are parsed and edited on the case screen (services.points)

    def has_change_permission(self, request, obj=None):
        return False


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    can_delete = False
    readonly_fields = [f.name for f in Event._meta.fields if f.name != "id"]

    def has_add_permission(self, request, obj=None):
        return False  # steps are recorded through the case screen (request_transition)

    def has_change_permission(self, request, obj=None):
        return False


REQUEST_EDITABLE = (
    "requester_name",
    "requester_salutation",
    "requester_email",
    "requester_address",
    "requester_organisation",
    "requester_reference",
    "subject",
    "request_text",
    "channel",
    "period",
    "preferred_format",
)


@admin.register(Request)
class RequestAdmin(admin.ModelAdmin):
    """No object-permission screen here (django-guardian's would grant access unaudited): who may
    work on a case follows from request_assign alone."""

    list_display = ("reference", "subject", "status", "due_on", "adviser", "regime")
    list_filter = ("status", "regime", "organisation")
    search_fields = ("reference", "subject", "requester_name")
    inlines = [PointInline, EventInline]

    def get_readonly_fields(self, request, obj=None):
        return [f for f in _all_fields(Request) if f not in (*REQUEST_EDITABLE, "adviser")]

    def has_add_permission(self, request):
        return False  # a case starts with request_register (kenmerk, points, received event)

    def has_delete_permission(self, request, obj=None):
        return False  # a case, its timeline and its audit trail are kept

    def save_model(self, request, obj, form, change):
        from cases.services.requests import request_assign, request_update

        current = Request.objects.get(pk=obj.pk)
        fields = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in REQUEST_EDITABLE and name in form.cleaned_data
        }
        # Start again from the stored row: only service calls change it.
        for name in form.changed_data:
            if name in REQUEST_EDITABLE or name == "adviser":
                setattr(obj, name, getattr(current, name))
        try:
            if fields:
                request_update(request=current, by=request.user, **fields)
            if "adviser" in form.changed_data:
                request_assign(
                    request=current, adviser=form.cleaned_data.get("adviser"), by=request.user
                )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        for formset in formsets:  # inlines are read-only: nothing of theirs is saved
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []


@admin.register(Point)
class PointAdmin(ReadOnlyAdmin):
    list_display = ("request", "number", "text")


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ("request", "label")


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    """The timeline is append-only: recorded by request_transition, never changed or deleted."""

    list_display = ("request", "type", "on", "until", "status_after", "has_legal_effect")
    list_filter = ("type",)


DOCUMENT_EDITABLE = ("title", "date", "note", "family")


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Judgement, grounds, files and statuses are read-only: they change only through the
    services (document_judge, the lakstraat), never here (an unredacted original set as the
    'redacted' file would otherwise reach the portal)."""

    list_display = ("request", "number", "title", "judgement", "processing", "redaction_status")
    list_filter = ("judgement", "processing", "redaction_status")
    search_fields = ("title",)

    def get_readonly_fields(self, request, obj=None):
        return [f for f in _all_fields(Document) if f not in DOCUMENT_EDITABLE]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        from cases.services.documents import document_update

        current = Document.objects.get(pk=obj.pk)
        fields = {n: form.cleaned_data[n] for n in form.changed_data if n in DOCUMENT_EDITABLE}
        try:
            if fields:
                document_update(document=current, by=request.user, **fields)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        pass  # points are linked on the case screen


@admin.register(StoredFile)
class StoredFileAdmin(ReadOnlyAdmin):
    list_display = ("sha256", "size", "created_at")  # originals are evidence


@admin.register(Letter)
class LetterAdmin(ReadOnlyAdmin):
    """A letter version, and above all a sent one, is what the requester received: frozen."""

    list_display = ("request", "kind", "format", "version", "letter_date", "sent_on")


@admin.register(GroundMotivation)
class GroundMotivationAdmin(ReadOnlyAdmin):
    list_display = ("request", "code")


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdmin):
    list_display = ("at", "action", "request", "actor")
    list_filter = ("action",)


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ("on", "kind", "recipient")
    list_filter = ("kind",)


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """Atw art. 3 lid 3: days made equal to holidays by Royal Decree, with their source."""

    list_display = ("date", "name", "source", "active")
    list_filter = ("active",)
    search_fields = ("name", "source")
