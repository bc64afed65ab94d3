"""Django admin for every model of the legal core (status changes still go through services)."""

from django.contrib import admin
from guardian.admin import GuardedModelAdmin

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


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    can_delete = False
    readonly_fields = [f.name for f in Event._meta.fields if f.name != "id"]

    def has_add_permission(self, request, obj=None):
        return False  # steps are recorded through the case screen (request_transition)


@admin.register(Request)
class RequestAdmin(GuardedModelAdmin):
    list_display = ("reference", "subject", "status", "due_on", "adviser", "regime")
    list_filter = ("status", "regime", "organisation")
    search_fields = ("reference", "subject", "requester_name")
    readonly_fields = ("status", "due_on", "decision_sent_on", "portal_token_hash")
    inlines = [PointInline, EventInline]


@admin.register(Point)
class PointAdmin(admin.ModelAdmin):
    list_display = ("request", "number", "text")


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ("request", "label")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("request", "type", "on", "until", "status_after", "has_legal_effect")
    list_filter = ("type",)

    def has_change_permission(self, request, obj=None):
        return False  # the timeline is append-only

    def has_add_permission(self, request):
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("request", "number", "title", "judgement", "processing")
    list_filter = ("judgement", "processing")
    search_fields = ("title",)


@admin.register(StoredFile)
class StoredFileAdmin(admin.ModelAdmin):
    list_display = ("sha256", "size", "created_at")

    def has_change_permission(self, request, obj=None):
        return False  # originals are evidence


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ("request", "kind", "format", "version", "letter_date", "sent_on")


@admin.register(GroundMotivation)
class GroundMotivationAdmin(admin.ModelAdmin):
    list_display = ("request", "code")


@admin.register(AuditRecord)
class AuditRecordAdmin(admin.ModelAdmin):
    list_display = ("at", "action", "request", "actor")
    list_filter = ("action",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


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
