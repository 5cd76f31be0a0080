/*
 * libFuzzer target for the LHEO import (lheo.h).
 *
 * For each input:
 *  1. import it from memory, then through a read callback handing the bytes over in small
 *     pieces of varying size: both imports reach the same status, and on success the same
 *     catalogue and records;
 *  2. every import returns SNPLP_OK or SNPLP_EPARSE (never SNPLP_ENOMEM for inputs this small,
 *     nor an internal or argument error), with an error finding exactly when it fails;
 *  3. on success, when the catalogue has an offer to export: the LHEO export of what was
 *     imported, imported again and exported again, gives the same bytes (LHEO -> snplp -> LHEO
 *     reaches a fixpoint in one round), and the second import equals the first.
 * Any disagreement calls abort(), which libFuzzer reports as a crash. Everything is freed, so
 * LeakSanitizer catches leaks on every path.
 *
 * The same file is built without libFuzzer (replay.c provides main()) to run the fixtures and
 * the example feed in the regular test suite.
 */
#include "fuzz.h"

#include <snplp/snplp.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what, int a, int b)
{
    fprintf(stderr, "fuzz_lheo_import: %s (%s, %s)\n", what, snplp_status_name(a),
            snplp_status_name(b));
    abort();
}

struct reader {
    const uint8_t *data;
    size_t size, pos, step;
};

static long read_pieces(void *user, char *buf, size_t size)
{
    struct reader *r = user;
    size_t n = r->step++ % 7 + 1;
    if (n > size)
        n = size;
    if (n > r->size - r->pos)
        n = r->size - r->pos;
    memcpy(buf, r->data + r->pos, n);
    r->pos += n;
    return (long)n;
}

static bool has_error(const snplp_diagnostics *d)
{
    return snplp_diagnostics_count_severity(d, SNPLP_SEVERITY_ERROR) > 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the built-in themes are matched by default; a referential of no theme keeps each input
     * cheap, and a second referential is not needed to find crashes in the reader */
    snplp_referential *themes = NULL;
    snplp_lheo_options *o = NULL;
    snplp_diagnostics *d = NULL;
    if (snplp_referential_new(&themes) != SNPLP_OK || snplp_lheo_options_new(&o) != SNPLP_OK ||
        snplp_lheo_options_set_themes(o, themes) != SNPLP_OK ||
        snplp_diagnostics_new(&d) != SNPLP_OK)
        fail("setup", 0, 0);
    snplp_referential *cat = NULL, *cat2 = NULL;
    snplp_records *rec = NULL, *rec2 = NULL;
    int rc = snplp_lheo_import_memory(&cat, &rec, d, data, size, "fuzz", NULL, o);
    if (rc != SNPLP_OK && rc != SNPLP_EPARSE)
        fail("import returned an unexpected status", rc, rc);
    if ((rc != SNPLP_OK) != has_error(d))
        fail("an error finding exactly when the import fails", rc, rc);
    struct reader r = {data, size, 0, 0};
    snplp_diagnostics_clear(d);
    int rc2 = snplp_lheo_import_callback(&cat2, &rec2, d, read_pieces, &r, "fuzz", NULL, o);
    if (rc2 != rc)
        fail("memory and callback imports disagree", rc, rc2);
    if (rc == SNPLP_OK && (!snplp_referential_equal(cat, cat2) || !snplp_records_equal(rec, rec2)))
        fail("memory and callback imports made different models", rc, rc2);
    snplp_referential_unref(cat2);
    snplp_records_unref(rec2);
    cat2 = NULL;
    rec2 = NULL;
    if (rc == SNPLP_OK) {
        char *first = NULL, *second = NULL;
        size_t n1 = 0, n2 = 0;
        int erc = snplp_lheo_export_memory(&first, &n1, cat, rec, NULL, NULL);
        if (erc != SNPLP_OK && erc != SNPLP_EVALIDATION)
            fail("export returned an unexpected status", erc, erc);
        if (erc == SNPLP_OK) {
            snplp_diagnostics_clear(d);
            int irc = snplp_lheo_import_memory(&cat2, &rec2, d, first, n1, "export", NULL, o);
            if (irc != SNPLP_OK)
                fail("the export does not import", irc, irc);
            if (snplp_lheo_export_memory(&second, &n2, cat2, rec2, NULL, NULL) != SNPLP_OK)
                fail("the export of the export fails", 0, 0);
            if (n1 != n2 || memcmp(first, second, n1) != 0)
                fail("LHEO -> snplp -> LHEO is not a fixpoint after one round", 0, 0);
            snplp_free(second);
            snplp_referential_unref(cat2);
            snplp_records_unref(rec2);
        }
        snplp_free(first);
    }
    snplp_referential_unref(cat);
    snplp_records_unref(rec);
    snplp_diagnostics_free(d);
    snplp_lheo_options_free(o);
    snplp_referential_unref(themes);
    return 0;
}
