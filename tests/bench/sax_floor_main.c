/*
 * snplp-sax-floor FILE...: the floor of the XML benchmarks as a program of its own, so that it
 * can be timed as a process like `xmllint --stream --noout FILE` (docs/performance.md). Parses
 * each file with libxml2's SAX2 push parser and handlers that do nothing (sax_floor.h); prints
 * nothing; exits 0 if every file is well-formed, 1 otherwise, 2 on a usage error.
 */
#include "sax_floor.h"

#include <libxml/parser.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    xmlInitParser();
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (bench_sax_floor(argv[i]) != 0) {
            fprintf(stderr, "%s: not well-formed\n", argv[i]);
            status = 1;
        }
    }
    xmlCleanupParser();
    return status;
}
