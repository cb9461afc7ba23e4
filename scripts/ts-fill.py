#!/usr/bin/env python3
"""Fill unfinished entries of a Qt .ts file from a TSV of `source<TAB>translation` lines.

Usage: scripts/ts-fill.py translations/qwenvl-desk_zh_CN.ts translations/zh_CN.tsv
In the TSV, `\\n` stands for a line break; plural forms (numerus entries) are separated by
`|||` (Chinese has one form, English two: `%n item|||%n items`). Entries already translated are left alone unless the
TSV has a different text for them. Prints the sources that are still unfinished.
"""
import sys
import xml.etree.ElementTree as ET


def main(ts_path, tsv_path, only_numerus=False):
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
            if source in table:
                forms = table[source].split("|||")
                for element in list(translation):
                    translation.remove(element)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished":
                unfinished.append(source)
            continue
        if only_numerus:
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
    # --numerus-only: fill plural forms only (the English .ts, whose singular texts are the source)
    args = [a for a in sys.argv[1:] if a != "--numerus-only"]
    sys.exit(main(args[0], args[1], only_numerus="--numerus-only" in sys.argv))
