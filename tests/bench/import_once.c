/*
 * snplp-import-once: one import of FILE, nothing else, for instruction counts.
 *
 *     snplp-import-once referential|conventions|records|lheo FILE
 *
 * Imports FILE once (snplp_referential_import_file(), snplp_conventions_import_file() or
 * snplp_records_import_file(), or for an LHEO feed snplp_lheo_import_file(), the default options)
 * and exits 0 when it worked. tests/bench/callgrind-imports.sh runs it under valgrind's callgrind,
 * counting the instructions of the import call alone: unlike wall time on a shared machine, the
 * count is the same from one run to the next, so that two versions of the library can be compared
 * to the percent (docs/performance.md).
 */
#include <snplp/snplp.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "referential") != 0 && strcmp(argv[1], "conventions") != 0 &&
                      strcmp(argv[1], "records") != 0 && strcmp(argv[1], "lheo") != 0)) {
        fputs("usage: snplp-import-once referential|conventions|records|lheo FILE\n", stderr);
        return 2;
    }
    snplp_diagnostics *diags = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK)
        return 1;
    int rc;
    if (strcmp(argv[1], "referential") == 0) {
        snplp_referential *ref = NULL;
        rc = snplp_referential_import_file(&ref, diags, argv[2], NULL);
        snplp_referential_unref(ref);
    } else if (strcmp(argv[1], "lheo") == 0) {
        snplp_referential *cat = NULL;
        snplp_records *records = NULL;
        rc = snplp_lheo_import_file(&cat, &records, diags, argv[2], NULL, NULL);
        snplp_records_unref(records);
        snplp_referential_unref(cat);
    } else if (strcmp(argv[1], "records") == 0) {
        snplp_records *records = NULL;
        rc = snplp_records_import_file(&records, diags, argv[2], NULL);
        snplp_records_unref(records);
    } else {
        snplp_convention_list *list = NULL;
        rc = snplp_conventions_import_file(&list, diags, argv[2], NULL);
        snplp_convention_list_free(list);
    }
    if (rc != SNPLP_OK)
        fprintf(stderr, "snplp-import-once: %s\n", snplp_error_last_message());
    snplp_diagnostics_free(diags);
    return rc == SNPLP_OK ? 0 : 1;
}
