"""``canvasapp templates list | validate FILE | schema | install FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from canvasapp.formats.template import TemplateError, template_json_schema_text
from canvasapp.formats.template_io import read_template
from canvasapp.formats.template_library import install_template, list_templates


def default_user_templates_dir() -> Path:
    """Where the app keeps the user's templates: beside the library, in the user data folder."""
    from platformdirs import user_data_path

    return user_data_path("canvasapp", appauthor=False) / "templates"


def add_template_commands(commands: Any, library: argparse.ArgumentParser) -> None:
    """Register ``templates`` and its subcommands on the main parser."""
    templates = commands.add_parser("templates", help="list, check and install workshop templates")
    actions = templates.add_subparsers(dest="templates_command", metavar="ACTION", required=True,
                                       parser_class=type(templates))

    listing = actions.add_parser("list", help="one template per line: id and name")
    listing.set_defaults(handler=list_command)

    validate = actions.add_parser("validate", help="check a template file")
    validate.add_argument("file", type=Path, metavar="FILE")
    validate.set_defaults(handler=validate_command)

    schema = actions.add_parser("schema", help="print the JSON Schema of template files")
    schema.set_defaults(handler=schema_command)

    install = actions.add_parser("install", help="add a template file to your templates")
    install.add_argument("file", type=Path, metavar="FILE")
    install.add_argument("--id", dest="new_id", metavar="ID", help="install it under this id")
    install.add_argument("--replace", action="store_true", help="replace your template with the same id")
    install.set_defaults(handler=install_command)


def list_command(args: argparse.Namespace) -> int:
    def warn(error: TemplateError) -> None:
        print(f"canvasapp: skipped {error}", file=sys.stderr)

    entries = list_templates(default_user_templates_dir(), on_error=warn)
    width = max(len(entry.id) for entry in entries)
    for entry in entries:
        mark = "  (your template)" if entry.origin == "user" else ""
        print(f"{entry.id:<{width}}  {entry.name}{mark}")
    return 0


def validate_command(args: argparse.Namespace) -> int:
    try:
        read_template(args.file)
    except TemplateError as error:
        # Several problems at once help an author fix a file in one go; a few lines at most.
        for problem in error.problems:
            print(f"canvasapp: {problem}", file=sys.stderr)
        return 2
    print("valid")
    return 0


def schema_command(args: argparse.Namespace) -> int:
    sys.stdout.write(template_json_schema_text())
    return 0


def install_command(args: argparse.Namespace) -> int:
    entry = install_template(args.file, default_user_templates_dir(), new_id=args.new_id, replace=args.replace)
    print(f"Installed {entry.name!r} as {entry.id} ({entry.path}).")
    return 0
