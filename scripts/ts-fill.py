#!/usr/bin/env python3
"""Fill unfinished entries of a Qt .ts file from a TSV of `source<TAB>translation` lines.

Usage: scripts/ts-fill.py translations/qwenvl-desk_zh_CN.ts translations/zh_CN.tsv
In the TSV, `\\n` stands for a line break. Entries already translated are left alone unless the
TSV has a different text for them. Prints the sources that are still unfinished.
"""
import sys
import xml.etree.ElementTree as ET


def main(ts_path, tsv_path):
    table = {}
    with open(tsv_path, encoding="utf-8") as tsv:
        for line in tsv:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            source, translation = line.split("\t", 1)
            table[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")

    tree = ET.parse(ts_path)
    unfinished = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            if translation.get("type") == "unfinished":
                unfinished.append(source)
            continue
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            unfinished.append(source)

    with open(ts_path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(tree.getroot(), encoding="unicode"))
        out.write("\n")
    for source in unfinished:
        print("unfinished:", source.replace("\n", "\\n"))
    return 1 if unfinished else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
