"""Merging a duplicate person or organization into the record kept, and
undoing it.

A merge moves every row that refers to the duplicate (participations, posts,
quotes, entries, members, sources it published, parts of it…) to the record
kept, in one transaction, one row at a time so each row's history records
the move; it keeps the duplicate's spellings on the kept record, where search
finds them; and it moves the duplicate to the trash, where its slug stays
taken and redirects (301) to the kept record on the site and in the API. The
Merge row lists what moved, so undoing it moves exactly those rows back.

The references are found through the models' own relations, so people needs
no knowledge of the apps that refer to it.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from diplomacy.languages import translated_fields
from diplomacy.services import locked, move_to_trash, take_from_trash
from people.models import Merge, Organization, Person
from people.services import organization_save, person_save

NAME_FIELDS = {
    Person: translated_fields("given_name", "patronymic", "family_name"),
    Organization: translated_fields("name", "short_name"),
}


def _references(model: type[models.Model]) -> list[models.ForeignKey]:
    """The foreign keys of other models that point at this one."""
    return [
        relation.field
        for relation in model._meta.related_objects
        if relation.one_to_many or relation.one_to_one
        if relation.related_model is not Merge
    ]


def _many_to_many(model: type[models.Model]) -> list:
    return [relation for relation in model._meta.related_objects if relation.many_to_many]


def _key(field) -> str:
    return f"{field.model._meta.label_lower}.{field.name}"


def _move(field, rows, target_pk: int) -> None:
    for row in rows:
        setattr(row, field.attname, target_pk)
        try:
            with transaction.atomic():
                row.save(update_fields=[field.name])
        except IntegrityError:
            raise ValidationError(
                _(
                    "Both records appear in the same place (%(row)s); remove one of the two "
                    "rows, then merge."
                )
                % {"row": f"{row._meta.verbose_name}: {row}"}
            ) from None


def _move_references(merged, kept) -> dict[str, list[int]]:
    moved: dict[str, list[int]] = {}
    for field in _references(type(kept)):
        manager = field.model._base_manager
        rows = list(manager.filter(**{field.name: merged.pk}).order_by("pk"))
        if rows:
            _move(field, rows, kept.pk)
            moved[_key(field)] = [row.pk for row in rows]
    for relation in _many_to_many(type(kept)):
        through = relation.through
        target = relation.field.m2m_reverse_field_name()
        links = through.objects.filter(**{target: merged.pk})
        already = set(
            through.objects.filter(**{target: kept.pk}).values_list(
                relation.field.m2m_field_name(), flat=True
            )
        )
        # A link the kept record already has is dropped, not doubled.
        links.filter(**{f"{relation.field.m2m_field_name()}__in": already}).delete()
        pks = list(links.values_list("pk", flat=True))
        if pks:
            through.objects.filter(pk__in=pks).update(**{target: kept.pk})
            moved[f"{through._meta.label_lower}.{target}"] = pks
    return moved


def _spellings(record) -> list[str]:
    names = (getattr(record, field, None) for field in NAME_FIELDS[type(record)])
    known = record.known_names.splitlines()
    return list(dict.fromkeys(name for name in (*names, *known) if name))


def _save(record):
    if isinstance(record, Person):
        return person_save(person=record)
    return organization_save(organization=record)


@transaction.atomic
def merge_records(
    *, kept: Person | Organization, merged: Person | Organization, user=None
) -> Merge:
    """Merge `merged` into `kept` (both people or both organizations)."""
    if type(kept) is not type(merged):
        raise ValidationError(_("Only two people or two organizations can be merged."))
    if kept.pk == merged.pk:
        raise ValidationError(_("A record cannot be merged into itself."))
    # Locked in a fixed order, so two merges of the same pair cannot deadlock.
    rows = {record.pk: locked(record) for record in sorted([kept, merged], key=lambda r: r.pk)}
    kept, merged = rows[kept.pk], rows[merged.pk]
    if merged.deleted_at is not None or kept.deleted_at is not None:
        raise ValidationError(_("A record in the trash cannot be merged."))
    moved = _move_references(merged, kept)
    names = _spellings(merged)
    kind = "person" if isinstance(kept, Person) else "organization"
    merge = Merge.objects.create(
        **{f"kept_{kind}": kept, f"merged_{kind}": merged},
        moved=moved,
        names="\n".join(names),
        merged_by=user,
    )
    own = set(_spellings(kept)) - set(kept.known_names.splitlines())
    kept.known_names = "\n".join(
        dict.fromkeys([*kept.known_names.splitlines(), *(n for n in names if n not in own)])
    )
    kept._change_reason = _("Merged with %(name)s") % {"name": merged}
    _save(kept)
    # move_to_trash saves a fresh copy of the row: the reason goes on its record.
    update_change_reason(move_to_trash(merged), _("Merged into %(name)s") % {"name": kept})
    return merge


@transaction.atomic
def merge_undo(*, merge: Merge) -> Person | Organization:
    """Undo a merge: the duplicate comes back from the trash with the rows
    that were moved from it; its spellings leave the kept record."""
    merge = Merge.objects.select_for_update().get(pk=merge.pk)
    kept = locked(merge.kept_person or merge.kept_organization)
    merged = merge.merged_person or merge.merged_organization
    restored = take_from_trash(merged)
    update_change_reason(restored, _("Merge into %(name)s undone") % {"name": kept})
    model = type(kept)._meta.concrete_model
    fields = {_key(field): field for field in _references(model)}
    for relation in _many_to_many(model):
        target = relation.field.m2m_reverse_field_name()
        fields[f"{relation.through._meta.label_lower}.{target}"] = (relation.through, target)
    for key, pks in merge.moved.items():
        field = fields[key]
        if isinstance(field, tuple):
            through, target = field
            through.objects.filter(pk__in=pks).update(**{target: merged.pk})
            continue
        rows = field.model._base_manager.filter(pk__in=pks, **{field.name: kept.pk})
        _move(field, list(rows.order_by("pk")), merged.pk)
    others = Merge.objects.filter(**{f"kept_{model._meta.model_name}": kept}).exclude(pk=merge.pk)
    kept.known_names = "\n".join(
        dict.fromkeys(name for other in others for name in other.names.splitlines())
    )
    kept._change_reason = _("Merge with %(name)s undone") % {"name": merged}
    _save(kept)
    merge.delete()
    return merged
