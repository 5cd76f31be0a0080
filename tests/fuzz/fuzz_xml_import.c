/*
 * libFuzzer target for the XML import (xml.h).
 *
 * For each input:
 *  1. import it from memory with the default options;
 *  2. import it again with strict options (libxml2's XSD validation as a second opinion) and
 *     a progress callback: both imports must reach the same verdict (both SNPLP_OK, or both an
 *     error status);
 *  3. import it again through a read callback that hands the bytes over in small pieces of
 *     varying size: the streaming parser must reach the same status and, on success, the
 *     same referential as from one buffer;
 *  4. every import returns SNPLP_OK, SNPLP_EPARSE or SNPLP_EVALIDATION (never SNPLP_ENOMEM
 *     for inputs this small, nor SNPLP_EINTERNAL), with an error diagnostic exactly when it
 *     fails;
 *  5. when the import succeeded: libxml2 alone finds the document well-formed (push parse, no
 *     error from any xmlParseChunk call);
 *  6. when the import succeeded: export to memory, import the export, and require the result
 *     to equal the first import (snplp_referential_equal()); exporting it again must give the
 *     same bytes (export is deterministic).
 * Any disagreement calls abort(), which libFuzzer reports as a crash. Everything is freed, so
 * LeakSanitizer catches leaks on every path.
 *
 * The same file is built without libFuzzer (replay.c provides main()) to run the committed
 * corpus and the fixtures in the regular test suite.
 */
#include "fuzz.h"

#include <snplp/snplp.h>
#include <snplp/xml.h>

#include <libxml/parser.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what, int a, int b)
{
    fprintf(stderr, "fuzz_xml_import: %s (%s, %s)\n", what, snplp_status_name(a),
            snplp_status_name(b));
    abort();
}

/* An import of bytes in memory fails only because of the input: never for lack of memory (the
 * inputs are small), nor an internal or argument error. */
static void check_status(const char *label, int rc)
{
    if (rc != SNPLP_OK && rc != SNPLP_EPARSE && rc != SNPLP_EVALIDATION) {
        fprintf(stderr, "fuzz_xml_import: %s import returned %s\n", label, snplp_status_name(rc));
        fail("import returned an unexpected status", rc, rc);
    }
}

/* Progress: done never decreases and never passes a known total. */
struct progress {
    uint64_t last;
};

static int on_progress(void *user, uint64_t done, uint64_t total)
{
    struct progress *p = user;
    if (done < p->last || (total != 0 && done > total)) {
        fprintf(stderr, "fuzz_xml_import: progress %llu of %llu after %llu\n",
                (unsigned long long)done, (unsigned long long)total, (unsigned long long)p->last);
        abort();
    }
    p->last = done;
    return 0;
}

/* A reader that returns 1, 2, ... 7 bytes at a time, so every chunk boundary is met. */
struct reader {
    const uint8_t *data;
    size_t size;
    size_t pos;
    size_t step;
};

static long read_pieces(void *user, char *buf, size_t size)
{
    struct reader *r = user;
    size_t n = r->step % 7 + 1;
    r->step++;
    if (n > size) {
        n = size;
    }
    if (n > r->size - r->pos) {
        n = r->size - r->pos;
    }
    if (n > 0) {
        memcpy(buf, r->data + r->pos, n);
        r->pos += n;
    }
    return (long)n;
}

/* libxml2's own verdict: a push parse with handlers that do nothing and the import's options.
 * The import may refuse more (a DTD, the schema, the model) but never accept a document that
 * libxml2 finds not well-formed (e.g. input it cannot convert from the declared encoding: that
 * only shows in xmlParseChunk's return value, not in wellFormed). */
static void quiet(void *user, xmlErrorPtr error)
{
    (void)user;
    (void)error;
}

static bool libxml2_well_formed(const uint8_t *data, size_t size)
{
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.serror = quiet;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, "fuzz");
    if (!ctxt) {
        abort();
    }
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    bool ok = size <= INT_MAX && xmlParseChunk(ctxt, (const char *)data, (int)size, 0) == 0;
    ok = xmlParseChunk(ctxt, NULL, 0, 1) == 0 && ok && ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    return ok;
}

/* Prints the findings of an import (to explain a failure). */
static void dump(const char *label, const uint8_t *data, size_t size,
                 const snplp_import_options *options)
{
    snplp_diagnostics *diags = NULL;
    snplp_referential *ref = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        abort();
    }
    int rc = snplp_referential_import_memory(&ref, diags, data, size, "fuzz", options);
    fprintf(stderr, "--- %s import: %s\n", label, snplp_status_name(rc));
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, i);
        fprintf(stderr, "%zu:%zu: %s %s: %s\n", snplp_diagnostic_line(d),
                snplp_diagnostic_column(d), snplp_severity_name(snplp_diagnostic_severity(d)),
                snplp_diag_code_name(snplp_diagnostic_code(d)), snplp_diagnostic_message(d));
    }
    snplp_referential_unref(ref);
    snplp_diagnostics_free(diags);
}

/* Runs one import with a fresh diagnostics list (checked for an error when rc says so). */
static int import(snplp_referential **out, const uint8_t *data, size_t size,
                  const snplp_import_options *options)
{
    snplp_diagnostics *diags = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        abort();
    }
    *out = NULL;
    int rc = snplp_referential_import_memory(out, diags, data, size, "fuzz", options);
    check_status(snplp_import_options_strict(options) ? "strict" : "default", rc);
    if ((rc == SNPLP_OK) != (*out != NULL)) {
        fail("import returned a referential and a status that disagree", rc, rc);
    }
    /* An error status with no error diagnostic leaves the user without an explanation. */
    if ((rc == SNPLP_EPARSE || rc == SNPLP_EVALIDATION) &&
        snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR) == 0) {
        fail("import failed without an error diagnostic", rc, rc);
    }
    if (rc == SNPLP_OK && snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR) != 0) {
        fail("import succeeded with an error diagnostic", rc, rc);
    }
    snplp_diagnostics_free(diags);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    snplp_referential *ref = NULL;
    int rc = import(&ref, data, size, NULL);

    /* Strict: the same verdict. */
    snplp_import_options *strict = NULL;
    if (snplp_import_options_new(&strict) != SNPLP_OK ||
        snplp_import_options_set_strict(strict, true) != SNPLP_OK) {
        abort();
    }
    struct progress progress = {0};
    if (snplp_import_options_set_progress(strict, on_progress, &progress) != SNPLP_OK) {
        abort();
    }
    snplp_referential *strict_ref = NULL;
    int strict_rc = import(&strict_ref, data, size, strict);
    if ((rc == SNPLP_OK) != (strict_rc == SNPLP_OK)) {
        dump("default", data, size, NULL);
        progress.last = 0;
        dump("strict", data, size, strict);
        fail("default and strict imports disagree", rc, strict_rc);
    }
    if (rc == SNPLP_OK && !snplp_referential_equal(ref, strict_ref)) {
        fail("default and strict imports read different referentials", rc, strict_rc);
    }
    snplp_import_options_free(strict);
    snplp_referential_unref(strict_ref);

    /* Streamed in small pieces: the same status and the same referential. */
    struct reader reader = {data, size, 0, 0};
    snplp_referential *piece_ref = NULL;
    int piece_rc =
        snplp_referential_import_callback(&piece_ref, NULL, read_pieces, &reader, "fuzz", NULL);
    check_status("read-callback", piece_rc);
    if (piece_rc != rc) {
        fail("import from memory and from a read callback disagree", rc, piece_rc);
    }
    if (rc == SNPLP_OK && !snplp_referential_equal(ref, piece_ref)) {
        fail("import from a read callback read a different referential", rc, piece_rc);
    }
    snplp_referential_unref(piece_ref);

    if (rc != SNPLP_OK) {
        return 0;
    }
    if (!libxml2_well_formed(data, size)) {
        fail("import accepted a document that libxml2 finds not well-formed", rc, rc);
    }

    /* Round trip: export, import the export, compare. */
    char *xml = NULL;
    size_t xml_size = 0;
    int export_rc = snplp_referential_export_memory(&xml, &xml_size, ref);
    if (export_rc != SNPLP_OK) {
        fail("export of an imported referential failed", export_rc, export_rc);
    }
    if (strlen(xml) != xml_size) {
        fail("export size is not the length of the document", export_rc, export_rc);
    }
    snplp_referential *again = NULL;
    snplp_diagnostics *diags = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        abort();
    }
    int again_rc = snplp_referential_import_memory(&again, diags, xml, xml_size, "export", NULL);
    if (again_rc != SNPLP_OK) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, 0);
        fprintf(stderr, "fuzz_xml_import: %zu:%zu %s: %s\n--- export ---\n%s\n",
                snplp_diagnostic_line(d), snplp_diagnostic_column(d),
                snplp_diag_code_name(snplp_diagnostic_code(d)), snplp_diagnostic_message(d), xml);
        fail("the export of an imported referential does not import", rc, again_rc);
    }
    snplp_diagnostics_free(diags);
    if (!snplp_referential_equal(ref, again)) {
        fprintf(stderr, "--- export ---\n%s\n", xml);
        fail("export then import changed the referential", rc, again_rc);
    }
    char *xml2 = NULL;
    size_t xml2_size = 0;
    if (snplp_referential_export_memory(&xml2, &xml2_size, again) != SNPLP_OK) {
        fail("export of the re-imported referential failed", rc, again_rc);
    }
    if (xml2_size != xml_size || memcmp(xml, xml2, xml_size) != 0) {
        fail("exporting the same referential twice gave different bytes", rc, again_rc);
    }
    snplp_free(xml2);
    snplp_free(xml);
    snplp_referential_unref(again);
    snplp_referential_unref(ref);
    return 0;
}
