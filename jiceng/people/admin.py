from django.contrib import admin

from .models import Household, Person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "sex", "birth_date", "education", "organization"]
    list_filter = ["sex", "education"]
    search_fields = ["name", "name_initials", "id_number"]
    raw_id_fields = ["organization", "household"]


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["name", "head", "organization", "is_hardship"]
    list_filter = ["is_hardship"]
    search_fields = ["name"]
    raw_id_fields = ["head", "organization", "region"]
