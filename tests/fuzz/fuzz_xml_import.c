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
 * Each input goes through all of this three times: read as a referential, as a file of
 * conventions (snplp_conventions_import_memory() and the other functions of conventions) and
 * as training records (snplp_records_import_memory()...), so the three roots and every element
 * of each are fuzzed from the same corpus.
 * Any disagreement calls abort(), which libFuzzer reports as a crash. Everything is freed, so
 * LeakSanitizer catches leaks on every path.
 *
 * The same file is built without libFuzzer (replay.c provides main()) to run the committed
 * corpus and the fixtures in the regular test suite.
 */
#include "doc_adapters.h"
#include "fuzz.h"

#include <snplp/records.h>
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

/* The operations on one kind of document: a referential or a file of conventions. Models are
 * handled as void * (a snplp_referential * or a snplp_convention_list *). */
typedef struct kind {
    const char *name;
    int (*import_memory)(void **out, snplp_diagnostics *diags, const void *data, size_t size,
                         const char *name, const snplp_import_options *options);
    int (*import_callback)(void **out, snplp_diagnostics *diags, snplp_read_fn read, void *user,
                           const char *name, const snplp_import_options *options);
    int (*export_memory)(char **out, size_t *size, const void *model);
    bool (*equal)(const void *a, const void *b);
    void (*release)(void *model);
} kind;

/* Typed adapters (tests/unit/support/doc_adapters.h) of the functions of each kind. */
ADAPT_IMPORT_MEMORY(snplp_referential, snplp_referential_import_memory)
ADAPT_IMPORT_CALLBACK(snplp_referential, snplp_referential_import_callback)
ADAPT_EXPORT_MEMORY(snplp_referential_export_memory)
ADAPT_EQUAL(snplp_referential_equal)
ADAPT_FREE(snplp_referential_unref)
ADAPT_IMPORT_MEMORY(snplp_convention_list, snplp_conventions_import_memory)
ADAPT_IMPORT_CALLBACK(snplp_convention_list, snplp_conventions_import_callback)
ADAPT_EXPORT_MEMORY(snplp_conventions_export_memory)
ADAPT_EQUAL(snplp_convention_list_equal)
ADAPT_FREE(snplp_convention_list_free)
ADAPT_IMPORT_MEMORY(snplp_records, snplp_records_import_memory)
ADAPT_IMPORT_CALLBACK(snplp_records, snplp_records_import_callback)
ADAPT_EXPORT_MEMORY(snplp_records_export_memory)
ADAPT_EQUAL(snplp_records_equal)
ADAPT_FREE(snplp_records_unref)

static const kind kinds[] = {
    {"referential", a_snplp_referential_import_memory, a_snplp_referential_import_callback,
     a_snplp_referential_export_memory, a_snplp_referential_equal, a_snplp_referential_unref},
    {"conventions", a_snplp_conventions_import_memory, a_snplp_conventions_import_callback,
     a_snplp_conventions_export_memory, a_snplp_convention_list_equal,
     a_snplp_convention_list_free},
    {"records", a_snplp_records_import_memory, a_snplp_records_import_callback,
     a_snplp_records_export_memory, a_snplp_records_equal, a_snplp_records_unref},
};

/* Prints the findings of an import (to explain a failure). */
static void dump(const kind *k, const char *label, const uint8_t *data, size_t size,
                 const snplp_import_options *options)
{
    snplp_diagnostics *diags = NULL;
    void *model = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        abort();
    }
    int rc = k->import_memory(&model, diags, data, size, "fuzz", options);
    fprintf(stderr, "--- %s %s import: %s\n", k->name, label, snplp_status_name(rc));
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, i);
        fprintf(stderr, "%zu:%zu: %s %s: %s\n", snplp_diagnostic_line(d),
                snplp_diagnostic_column(d), snplp_severity_name(snplp_diagnostic_severity(d)),
                snplp_diag_code_name(snplp_diagnostic_code(d)), snplp_diagnostic_message(d));
    }
    k->release(model);
    snplp_diagnostics_free(diags);
}

/* Runs one import with a fresh diagnostics list (checked for an error when rc says so). */
static int import(const kind *k, void **out, const uint8_t *data, size_t size,
                  const snplp_import_options *options)
{
    snplp_diagnostics *diags = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        abort();
    }
    *out = NULL;
    int rc = k->import_memory(out, diags, data, size, "fuzz", options);
    check_status(snplp_import_options_strict(options) ? "strict" : "default", rc);
    if ((rc == SNPLP_OK) != (*out != NULL)) {
        fail("import returned a model and a status that disagree", rc, rc);
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

static void one_kind(const kind *k, const uint8_t *data, size_t size)
{
    void *model = NULL;
    int rc = import(k, &model, data, size, NULL);

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
    void *strict_model = NULL;
    int strict_rc = import(k, &strict_model, data, size, strict);
    if ((rc == SNPLP_OK) != (strict_rc == SNPLP_OK)) {
        dump(k, "default", data, size, NULL);
        progress.last = 0;
        dump(k, "strict", data, size, strict);
        fail("default and strict imports disagree", rc, strict_rc);
    }
    if (rc == SNPLP_OK && !k->equal(model, strict_model)) {
        fail("default and strict imports read different models", rc, strict_rc);
    }
    snplp_import_options_free(strict);
    k->release(strict_model);

    /* Streamed in small pieces: the same status and the same model. */
    struct reader reader = {data, size, 0, 0};
    void *piece_model = NULL;
    int piece_rc = k->import_callback(&piece_model, NULL, read_pieces, &reader, "fuzz", NULL);
    check_status("read-callback", piece_rc);
    if (piece_rc != rc) {
        fail("import from memory and from a read callback disagree", rc, piece_rc);
    }
    if (rc == SNPLP_OK && !k->equal(model, piece_model)) {
        fail("import from a read callback read a different model", rc, piece_rc);
    }
    k->release(piece_model);

    if (rc != SNPLP_OK) {
        return;
    }
    if (!libxml2_well_formed(data, size)) {
        fail("import accepted a document that libxml2 finds not well-formed", rc, rc);
    }

    /* Round trip: export, import the export, compare. */
    char *xml = NULL;
    size_t xml_size = 0;
    int export_rc = k->export_memory(&xml, &xml_size, model);
    if (export_rc != SNPLP_OK) {
        fail("export of an imported model failed", export_rc, export_rc);
    }
    if (strlen(xml) != xml_size) {
        fail("export size is not the length of the document", export_rc, export_rc);
    }
    void *again = NULL;
    snplp_diagnostics *diags = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        abort();
    }
    int again_rc = k->import_memory(&again, diags, (const uint8_t *)xml, xml_size, "export", NULL);
    if (again_rc != SNPLP_OK) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, 0);
        fprintf(stderr, "fuzz_xml_import: %zu:%zu %s: %s\n--- export ---\n%s\n",
                snplp_diagnostic_line(d), snplp_diagnostic_column(d),
                snplp_diag_code_name(snplp_diagnostic_code(d)), snplp_diagnostic_message(d), xml);
        fail("the export of an imported model does not import", rc, again_rc);
    }
    snplp_diagnostics_free(diags);
    if (!k->equal(model, again)) {
        fprintf(stderr, "--- export ---\n%s\n", xml);
        fail("export then import changed the model", rc, again_rc);
    }
    char *xml2 = NULL;
    size_t xml2_size = 0;
    if (k->export_memory(&xml2, &xml2_size, again) != SNPLP_OK) {
        fail("export of the re-imported model failed", rc, again_rc);
    }
    if (xml2_size != xml_size || memcmp(xml, xml2, xml_size) != 0) {
        fail("exporting the same model twice gave different bytes", rc, again_rc);
    }
    snplp_free(xml2);
    snplp_free(xml);
    k->release(again);
    k->release(model);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        one_kind(&kinds[i], data, size);
    }
    return 0;
}
