"""Grow the programme for scale benchmarks: many copies of the example projects."""

import django


def copy_example_projects(times):
    """Create ``times`` copies of every example project (codes ``<code>-copy-N``)."""
    django.setup()
    from opportunities.models import ExampleProject

    originals = list(ExampleProject.objects.prefetch_related("formats"))
    for original in originals:
        formats = list(original.formats.all())
        copies = ExampleProject.objects.bulk_create(
            ExampleProject(
                **{
                    field.name: getattr(original, field.name)
                    for field in ExampleProject._meta.concrete_fields
                    if field.name not in ("id", "code")
                },
                code=f"{original.code}-copy-{number}",
            )
            for number in range(1, times)
        )
        through = ExampleProject.formats.through
        through.objects.bulk_create(
            through(exampleproject_id=copy.pk, format_id=fmt.pk)
            for copy in copies
            for fmt in formats
        )
