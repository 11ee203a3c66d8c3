#!/usr/bin/env python3
"""Linking the prebuilt rlib/ll helpers into a program gives the program that converting the
helper sources with it gives (docs/rtyper.md, "The helpers, built once").

    linked_helpers.py RTOOLCHAIN TARGET HELPER_DIR

Prints the program both ways (`rtoolchain graphs --with-ll-helpers`, once linked and once with
--ll-helper-dir) and compares their top-level declarations as sets: the two programs declare
the same entities in another order (the linker appends the helpers after the program)."""
import difflib
import subprocess
import sys

DECLARATIONS = ("struct ", "enum ", "keytraits ", "class ", "jitdriver ", "global ", "prebuilt ",
                "extern function ", "function ", "entry ")


def declarations(text):
    items, current = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith(DECLARATIONS) and current:
            items.append("\n".join(current))
            current = []
        current.append(line)
    if current:
        items.append("\n".join(current))
    return sorted(items)


def graphs(rtoolchain, target, *extra):
    result = subprocess.run([rtoolchain, "graphs", target, "--with-ll-helpers", *extra],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"rtoolchain graphs {' '.join(extra)} failed:\n{result.stderr}")
    return result.stdout


def main():
    rtoolchain, target, helper_dir = sys.argv[1:4]
    linked = declarations(graphs(rtoolchain, target))
    together = declarations(graphs(rtoolchain, target, f"--ll-helper-dir={helper_dir}"))
    if linked == together:
        print(f"{len(linked)} declarations, the same linked and converted together")
        return 0
    sys.stdout.writelines(difflib.unified_diff([item + "\n" for item in together], [item + "\n" for item in linked],
                                               "converted together", "linked", n=1))
    return 1


if __name__ == "__main__":
    sys.exit(main())
