"""Run one calculator in a terminal and print its result as JSON.

    python -m calculators competitiveness --specialty dermatology --step2-score 248

Options come from the calculator's FIELDS, so the command line accepts exactly
what the form accepts, with the same messages for bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from . import REGISTRY
from .fields import BoolField, ChoiceField, Field, InputError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calculators", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="calculator", required=True, metavar="NAME")
    for name, calc in REGISTRY.items():
        sub = commands.add_parser(name, help=calc.SUMMARY, description=calc.SUMMARY)
        for field in calc.FIELDS:
            flags = [f"--{field.name}"]
            if "_" in field.name:
                flags.append(f"--{field.name.replace('_', '-')}")
            rule = field.allowed_codes() if isinstance(field, ChoiceField) else field.allowed()
            allowed = rule + (", or empty" if field.optional else "")
            default = field.to_text(field.default) if not isinstance(field, BoolField) else str(field.default).lower()
            sub.add_argument(
                *flags,
                dest=field.name,
                metavar="VALUE",
                # Values stay text here so the calculator, not argparse, judges
                # them and says what is wrong in its own words.
                help=f"{field.label}: {allowed} (default: {default or 'empty'})",
            )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = vars(build_parser().parse_args(argv))
    calc = REGISTRY[args.pop("calculator")]
    inputs = {key: value for key, value in args.items() if value is not None}
    try:
        result = calc.compute(inputs)
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    except InputError as error:
        fields = {field.name: field for field in calc.FIELDS}
        for each in error.errors:
            print(f"error: {each.field}: {in_terminal_words(each.message, fields.get(each.field))}", file=sys.stderr)
        return 2
    except Exception as error:  # a terminal user gets a sentence, never a traceback
        detail = str(error)[:200]
        print(f"error: these inputs could not be calculated ({type(error).__name__}: {detail})", file=sys.stderr)
        return 1
    return write(text)


def in_terminal_words(message: str, field: Field | None) -> str:
    """A choice's message names the form's labels ("Dermatology"), which the
    command line refuses; here it names the values to type, each with its label."""
    if isinstance(field, ChoiceField) and field.allowed() in message:
        return message.replace(field.allowed(), field.allowed_codes())
    return message


def write(text: str) -> int:
    """Print the result; a reader that stops early (``| head``) is not an error."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_to_nothing()
        return 0
    except OSError as error:  # a full disk, say: a sentence, never a traceback
        _stdout_to_nothing()
        print(f"error: the result could not be written ({error.strerror or error})", file=sys.stderr)
        return 1
    return 0


def _stdout_to_nothing() -> None:
    """Python flushes stdout again at exit, and would complain of the closed
    pipe or full disk that a write just met; that flush now goes nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl-C is the reader's choice, not a failure to explain
        sys.exit(130)
