#!/usr/bin/env python3
"""The LHEO code tables compiled into libsnplp are the official ones (test lheo-tables).

    check_tables.py LIBSNPLP.so lheo-gml-2.3.0.xml

For every coded value of an offer (offer.h), snplp_offer_code_table() names an official table
of the LHEO definition, and snplp_offer_code_label() gives, for every integer from -5 to 40,
exactly the label the definition gives to that key (None for a key the table does not hold).
Exit 0 when they agree, 1 naming each difference.
"""
import ctypes
import sys
import xml.etree.ElementTree as ET

GML = "{http://www.gelaba.org/gml/1.2}"


def tables(path):
    out = {}
    for d in ET.parse(path).getroot().iter(GML + "dict"):
        entries = {}
        for e in d.findall(GML + "entry"):
            entries[int(e.find(GML + "key").get("val"))] = e.find(GML + "value").get("val")
        out[d.get("name")] = entries
    return out


def main(argv):
    lib = ctypes.CDLL(argv[1])
    lib.snplp_offer_code_table.restype = ctypes.c_char_p
    lib.snplp_offer_code_label.restype = ctypes.c_char_p
    lib.snplp_offer_code_name.restype = ctypes.c_char_p
    official = tables(argv[2])
    errors = []
    which = 1
    while lib.snplp_offer_code_name(which) != b"unknown":
        name = lib.snplp_offer_code_name(which).decode()
        table = lib.snplp_offer_code_table(which).decode()
        if table not in official:
            errors.append(f"{name}: {table} is not a table of the LHEO definition")
        else:
            for key in range(-5, 41):
                label = lib.snplp_offer_code_label(which, key)
                label = label.decode("utf-8") if label is not None else None
                want = official[table].get(key)
                if label != want:
                    errors.append(f"{name} ({table}) {key}: library {label!r}, LHEO {want!r}")
        which += 1
    if which == 1:
        errors.append("the library names no coded value")
    for e in errors:
        print("lheo-tables:", e)
    print(f"lheo-tables: {which - 1} coded values checked against {argv[2]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
