/* The two kinds of XML documents and the tests their imports and exports share (xml_docs.h). */
#include "xml_docs.h"

#include "doc_adapters.h"

#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

const char xml_decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

/* ---- the two kinds, through typed adapters ---- */

ADAPT_IMPORT_FILE(snplp_referential, snplp_referential_import_file)
ADAPT_IMPORT_MEMORY(snplp_referential, snplp_referential_import_memory)
ADAPT_IMPORT_CALLBACK(snplp_referential, snplp_referential_import_callback)
ADAPT_EXPORT_FILE(snplp_referential_export_file)
ADAPT_EXPORT_MEMORY(snplp_referential_export_memory)
ADAPT_EXPORT_CALLBACK(snplp_referential_export_callback)
ADAPT_EQUAL(snplp_referential_equal)
ADAPT_FREE(snplp_referential_unref)

static void *builtin(void)
{
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_builtin(&ref));
    return ref;
}

static void *empty_referential(void)
{
    return test_new_referential();
}

const xml_doc xml_referential = {
    .name = "referential",
    .file_name = "referential.xml",
    .fixtures = SNPLP_FIXTURES_DIR,
    .minimal = "<referential xmlns=\"urn:snplp:1.0\"></referential>",
    .import_file = a_snplp_referential_import_file,
    .import_memory = a_snplp_referential_import_memory,
    .import_callback = a_snplp_referential_import_callback,
    .export_file = a_snplp_referential_export_file,
    .export_memory = a_snplp_referential_export_memory,
    .export_callback = a_snplp_referential_export_callback,
    .equal = a_snplp_referential_equal,
    .free = a_snplp_referential_unref,
    .big = builtin,
    .small = empty_referential,
    .model_lo = 101,
    .model_hi = 107,
    .item_lo = 101,
    .item_hi = 107,
};

ADAPT_IMPORT_FILE(snplp_convention_list, snplp_conventions_import_file)
ADAPT_IMPORT_MEMORY(snplp_convention_list, snplp_conventions_import_memory)
ADAPT_IMPORT_CALLBACK(snplp_convention_list, snplp_conventions_import_callback)
ADAPT_EXPORT_FILE(snplp_conventions_export_file)
ADAPT_EXPORT_MEMORY(snplp_conventions_export_memory)
ADAPT_EXPORT_CALLBACK(snplp_conventions_export_callback)
ADAPT_EQUAL(snplp_convention_list_equal)
ADAPT_FREE(snplp_convention_list_free)

static size_t list_count(const void *doc)
{
    return snplp_convention_list_count(doc);
}

static void *example_52(void)
{
    return xml_import_path_ok(&xml_conventions, SNPLP_EXAMPLES_DATA_DIR "/conventions-52.xml");
}

static void *minimal_list(void)
{
    return xml_import_fixture_ok(&xml_conventions, "valid-minimal.xml");
}

const xml_doc xml_conventions = {
    .name = "list",
    .file_name = "conventions.xml",
    .fixtures = SNPLP_CONVENTION_FIXTURES_DIR,
    .minimal = "<conventions xmlns=\"urn:snplp:1.0\"><convention id=\"c\" "
               "territory-kind=\"departement\" territory-code=\"49\"><territory-name>T"
               "</territory-name></convention></conventions>",
    .kind = 1,
    .import_file = a_snplp_conventions_import_file,
    .import_memory = a_snplp_conventions_import_memory,
    .import_callback = a_snplp_conventions_import_callback,
    .export_file = a_snplp_conventions_export_file,
    .export_memory = a_snplp_conventions_export_memory,
    .export_callback = a_snplp_conventions_export_callback,
    .equal = a_snplp_convention_list_equal,
    .free = a_snplp_convention_list_free,
    .big = example_52,
    .small = minimal_list,
    .model_lo = 1, /* none */
    .model_hi = 0,
    .item_lo = SNPLP_DIAG_DUPLICATE_ID,
    .item_hi = SNPLP_DIAG_DUPLICATE_ID,
    .codes_200_only = true,
    .count = list_count,
};

ADAPT_IMPORT_FILE(snplp_records, snplp_records_import_file)
ADAPT_IMPORT_MEMORY(snplp_records, snplp_records_import_memory)
ADAPT_IMPORT_CALLBACK(snplp_records, snplp_records_import_callback)
ADAPT_EXPORT_FILE(snplp_records_export_file)
ADAPT_EXPORT_MEMORY(snplp_records_export_memory)
ADAPT_EXPORT_CALLBACK(snplp_records_export_callback)
ADAPT_EQUAL(snplp_records_equal)
ADAPT_FREE(snplp_records_unref)

snplp_records *xml_make_records(size_t n)
{
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_ok(snplp_records_add_profession(NULL, r, "profession-eje", SNPLP_CATEGORY_WORKER,
                                           "éducateurs de jeunes enfants"));
    assert_ok(snplp_records_add_employer(NULL, r, "dep-80", SNPLP_EMPLOYER_DEPARTEMENT,
                                         "Conseil départemental (fictif)", "80"));
    assert_ok(snplp_records_add_employer(NULL, r, "creche-1", SNPLP_EMPLOYER_CRECHE,
                                         "Crèche « A & B » (fictive)", "80021"));
    snplp_training_body *b = NULL;
    assert_ok(snplp_records_add_training_body(&b, r, "of-1", "OF <fictif>"));
    assert_ok(snplp_training_body_set_siret(b, "42398765000011"));
    assert_ok(snplp_training_body_add_address_line(b, "1 rue Exemple"));
    for (size_t i = 0; i < n; i++) {
        char id[32], sid[32];
        snplp_worker *w = NULL;
        snprintf(id, sizeof id, "w-%05zu", i);
        assert_ok(snplp_records_add_worker(
            &w, r, id, i % 2 ? "profession-eje" : "profession-ass", i % 2 ? "creche-1" : "dep-80",
            i % 2 ? "80021" : "80", (snplp_date){2015 + (int)(i % 5), 1 + (int)(i % 12), 1}));
        if (i % 3 == 0)
            assert_ok(snplp_worker_set_diploma_level(w, 6));
        if (i % 4 == 0)
            assert_ok(snplp_worker_set_unit(w, "Service RSA"));
        snplp_session *x = NULL;
        snprintf(sid, sizeof sid, "s-%05zu", i);
        assert_ok(snplp_records_add_session(&x, r, sid, "module-insertion-fundamentals", "of-1",
                                            (snplp_date){2021, 3, 15}, (snplp_date){2021, 3, 17},
                                            (snplp_decimal){25, 1}, SNPLP_MODE_MIXED));
        assert_ok(snplp_session_set_capacity(x, 12));
    }
    for (size_t i = 0; i < 3 * n; i++) {
        char id[32], sid[32];
        snplp_attendance *a = NULL;
        snprintf(id, sizeof id, "w-%05zu", i % n);
        snprintf(sid, sizeof sid, "s-%05zu", (i / 3 + i % 3) % n);
        assert_ok(
            snplp_records_add_attendance(&a, r, id, sid, (snplp_attendance_status)(1 + i % 5)));
        if (i % 7 == 0)
            assert_ok(snplp_attendance_set_days(a, (snplp_decimal){1, 0}));
        if (i % 11 == 0)
            assert_ok(snplp_attendance_add_extension(a, "<x:e xmlns:x=\"urn:x\">k</x:e>"));
    }
    assert_ok(snplp_records_set_foreign_attribute(r, NULL, "urn:x", "x", "lot", "1"));
    assert_ok(snplp_records_add_extension(r, "of-1", "<x:e xmlns:x=\"urn:x\"/>"));
    return r;
}

static void *some_records(void)
{
    return xml_make_records(60);
}

static void *minimal_records(void)
{
    return xml_import_fixture_ok(&xml_records, "valid-minimal.xml");
}

const xml_doc xml_records = {
    .name = "records",
    .file_name = "records.xml",
    .fixtures = SNPLP_RECORDS_FIXTURES_DIR,
    .minimal = "<records xmlns=\"urn:snplp:1.0\"/>",
    .kind = 2,
    .import_file = a_snplp_records_import_file,
    .import_memory = a_snplp_records_import_memory,
    .import_callback = a_snplp_records_import_callback,
    .export_file = a_snplp_records_export_file,
    .export_memory = a_snplp_records_export_memory,
    .export_callback = a_snplp_records_export_callback,
    .equal = a_snplp_records_equal,
    .free = a_snplp_records_unref,
    .big = some_records,
    .small = minimal_records,
    .model_lo = 1, /* none */
    .model_hi = 0,
    .item_lo = SNPLP_DIAG_DUPLICATE_ID,
    .item_hi = SNPLP_DIAG_DUPLICATE_ID,
    .codes_200_only = true,
};

/* ---- imports ---- */

char *xml_fixture_path(const xml_doc *x, char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", x->fixtures, name);
    return buf;
}

char *xml_fixture(const xml_doc *x, const char *name, size_t *len)
{
    char path[4096];
    return must_slurp(xml_fixture_path(x, path, sizeof path, name), len);
}

int xml_contract_breaches(const xml_doc *x, const char *what, int rc, const snplp_diagnostics *d,
                          const void *out, size_t first)
{
    int bad = 0;
#define BREACH(...)                                                                                \
    do {                                                                                           \
        print_error("%s: ", what);                                                                 \
        print_error(__VA_ARGS__);                                                                  \
        print_error("\n");                                                                         \
        bad++;                                                                                     \
    } while (0)
    size_t errors = 0, parse_errors = 0, model_errors = 0, io = 0;
    for (size_t i = first; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        int code = (int)snplp_diagnostic_code(g);
        bool error = snplp_diagnostic_severity(g) == SNPLP_SEVERITY_ERROR;
        errors += error;
        if (code == SNPLP_DIAG_IO) {
            io++;
            continue; /* not from the document: no position */
        }
        /* too-many-findings (208) only sums up others: it counts for neither side */
        parse_errors += error && code >= 200 && code <= 229 && code != SNPLP_DIAG_TOO_MANY_FINDINGS;
        model_errors +=
            error && (code == 230 || code == 231 || (code >= x->model_lo && code <= x->model_hi));
        if (x->codes_200_only && (code < 200 || code > 299))
            BREACH("finding %d: an import of a %s finds codes 200-299 only", code, x->name);
        if (snplp_diagnostic_line(g) < 1 || snplp_diagnostic_column(g) < 1)
            BREACH("finding %d at %zu:%zu (line and column must be >= 1)", code,
                   snplp_diagnostic_line(g), snplp_diagnostic_column(g));
        if (code >= x->item_lo && code <= x->item_hi && !snplp_diagnostic_item_id(g))
            BREACH("finding %d without an item id", code);
        if (code == SNPLP_DIAG_TEXT_NORMALIZED && error)
            BREACH("240 text-normalized is an error, not a warning");
        if (x->codes_200_only && code != SNPLP_DIAG_TEXT_NORMALIZED && !error)
            BREACH("finding %d is not an error", code);
        if (!snplp_diagnostic_message(g) || !snplp_diagnostic_message(g)[0])
            BREACH("finding %d without a message", code);
    }
    if (rc != SNPLP_OK && out != XML_SENTINEL)
        BREACH("%s but *out was changed", snplp_status_name(rc));
    switch (rc) {
    case SNPLP_OK:
        if (out == XML_SENTINEL || !out)
            BREACH("SNPLP_OK but no %s", x->name);
        else if (x->count && x->count(out) == 0)
            BREACH("SNPLP_OK with an empty %s (a file holds one item at least)", x->name);
        if (errors)
            BREACH("SNPLP_OK with %zu errors", errors);
        break;
    case SNPLP_EPARSE:
        if (!parse_errors)
            BREACH("SNPLP_EPARSE without an error of code 200-229");
        break;
    case SNPLP_EVALIDATION:
        if (!model_errors || parse_errors)
            BREACH("SNPLP_EVALIDATION with %zu model errors and %zu parse errors (want >0 and 0)",
                   model_errors, parse_errors);
        break;
    case SNPLP_EIO:
        if (!io)
            BREACH("SNPLP_EIO without a 201 io finding");
        break;
    default:
        BREACH("unexpected status %s", snplp_status_name(rc));
    }
    if (rc != SNPLP_OK && snplp_error_last_code() != rc)
        BREACH("last error is %s, not %s", snplp_status_name(snplp_error_last_code()),
               snplp_status_name(rc));
#undef BREACH
    return bad;
}

const char *xml_how_name(xml_how h)
{
    return h == FROM_FILE ? "file" : h == FROM_MEMORY ? "memory" : "callback, 1 byte at a time";
}

xml_result xml_import_any(const xml_doc *x, xml_how h, const char *path_or_name, const char *data,
                          size_t len, bool strict)
{
    snplp_import_options *o = strict ? strict_options() : NULL;
    xml_result r = {0};
    r.d = new_diags();
    void *out = XML_SENTINEL;
    snplp_error_clear();
    if (h == FROM_FILE) {
        r.rc = x->import_file(&out, r.d, path_or_name, o);
    } else if (h == FROM_MEMORY) {
        r.rc = x->import_memory(&out, r.d, data, len, path_or_name, o);
    } else {
        reader rd = {.data = data, .len = len, .chunk = 1, .fail_at = -1};
        r.rc = x->import_callback(&out, r.d, read_chunk, &rd, path_or_name, o);
    }
    snplp_import_options_free(o);
    r.breaches = xml_contract_breaches(x, path_or_name, r.rc, r.d, out, 0);
    r.doc = r.rc == SNPLP_OK ? out : NULL;
    return r;
}

xml_result xml_import_path(const xml_doc *x, const char *path, bool strict)
{
    return xml_import_any(x, FROM_FILE, path, NULL, 0, strict);
}

xml_result xml_import_text(const xml_doc *x, const char *data, size_t len, bool strict)
{
    return xml_import_any(x, FROM_MEMORY, "test input", data, len, strict);
}

void xml_result_free(const xml_doc *x, xml_result *r)
{
    x->free(r->doc); /* NULL after a failed import: freeing NULL is fine */
    snplp_diagnostics_free(r->d);
    r->doc = NULL;
    r->d = NULL;
}

/* The document a good import read, its result freed; fails the test on any finding. */
static void *keep_ok(const xml_doc *x, xml_result *r, const char *what)
{
    if (r->rc != SNPLP_OK || snplp_diagnostics_count(r->d) != 0)
        print_diags(what, r->d);
    assert_int_equal(r->rc, SNPLP_OK);
    assert_int_equal(r->breaches, 0);
    assert_int_equal(snplp_diagnostics_count(r->d), 0);
    void *doc = r->doc;
    r->doc = NULL;
    xml_result_free(x, r);
    return doc;
}

void *xml_import_ok(const xml_doc *x, const char *data, size_t len)
{
    xml_result r = xml_import_text(x, data, len, false);
    return keep_ok(x, &r, "import");
}

void *xml_import_path_ok(const xml_doc *x, const char *path)
{
    xml_result r = xml_import_path(x, path, false);
    return keep_ok(x, &r, path);
}

void *xml_import_fixture_ok(const xml_doc *x, const char *name)
{
    char path[4096];
    return xml_import_path_ok(x, xml_fixture_path(x, path, sizeof path, name));
}

char *xml_export_text(const xml_doc *x, const void *doc, size_t *len)
{
    char *out = NULL;
    size_t n = 0;
    assert_ok(x->export_memory(&out, &n, doc));
    assert_non_null(out);
    assert_int_equal(strlen(out), n);
    if (len)
        *len = n;
    return out;
}

void xml_expect_status(const xml_doc *x, const char *text, size_t len, bool strict, int status,
                       int code)
{
    xml_result r = xml_import_text(x, text, len, strict);
    if (r.rc != status || (code && !has_code(r.d, code)))
        print_diags("generated", r.d);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, status);
    if (code) {
        assert_int_equal(count_code(r.d, code), 1);
        assert_int_equal(snplp_diagnostics_count(r.d), 1 + (strict && code != 203));
    }
    xml_result_free(x, &r);
}

int xml_round_trip_breaches(const xml_doc *x, const char *what, const void *doc)
{
    int bad = 0;
    size_t n1 = 0, n2 = 0;
    char *x1 = xml_export_text(x, doc, &n1);
    xml_result r = xml_import_text(x, x1, n1, true);
    bad += r.breaches;
    if (r.rc != SNPLP_OK) {
        print_error("%s: its export does not import (strict): %s\n", what, snplp_status_name(r.rc));
        print_diags(what, r.d);
        bad++;
    } else {
        if (snplp_diagnostics_count(r.d) != 0) {
            print_error("%s: its export imports with findings\n", what);
            print_diags(what, r.d);
            bad++;
        }
        if (!x->equal(doc, r.doc)) {
            print_error("%s: import(export(x)) is not equal to x\n", what);
            bad++;
        }
        char *x2 = xml_export_text(x, r.doc, &n2);
        if (n1 != n2 || memcmp(x1, x2, n1) != 0) {
            print_error("%s: export(import(export(x))) differs from export(x)\n", what);
            bad++;
        }
        snplp_free(x2);
    }
    xml_result_free(x, &r);
    snplp_free(x1);
    return bad;
}

void xml_text_goes_round(const xml_doc *x, const char *text, size_t len)
{
    void *doc = xml_import_ok(x, text, len);
    size_t n = 0;
    char *xml = xml_export_text(x, doc, &n);
    void *again = xml_import_ok(x, xml, n);
    assert_true(x->equal(doc, again));
    snplp_free(xml);
    x->free(again);
    x->free(doc);
}

xml_result xml_import_one_warning(const xml_doc *x, const char *fixture, int code, size_t line)
{
    char path[4096];
    xml_result r = xml_import_path(x, xml_fixture_path(x, path, sizeof path, fixture), false);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, SNPLP_OK);
    assert_int_equal(snplp_diagnostics_count(r.d), 1);
    const snplp_diagnostic *g = snplp_diagnostics_at(r.d, 0);
    assert_int_equal(snplp_diagnostic_code(g), code);
    assert_int_equal(snplp_diagnostic_severity(g), SNPLP_SEVERITY_WARNING);
    assert_int_equal(snplp_diagnostic_line(g), line);
    return r;
}

void *xml_import_quietly(const xml_doc *x, const char *text)
{
    void *doc = NULL;
    assert_ok(x->import_memory(&doc, NULL, text, strlen(text), NULL, NULL));
    assert_non_null(doc);
    return doc;
}

const char *const xml_tricky_texts[] = {"a & b < c > d \" ' e",
                                        "]]> and ]]&gt;",
                                        "line\nline\n",
                                        "carriage\r\nreturn\r",
                                        "\ttab and  two spaces ",
                                        "émoji \U0001F600, « guillemets », œ, \u202f",
                                        "<!-- not a comment --> <?not a pi?> <![CDATA[not cdata]]>",
                                        "&amp; &#233; &foo;"};
const size_t xml_ntricky_texts = COUNT_OF(xml_tricky_texts);

/* ---- the fixtures ---- */

const fixture_case *xml_find_case(const xml_suite *s, const char *file)
{
    for (size_t i = 0; i < s->ncases; i++)
        if (strcmp(s->cases[i].file, file) == 0)
            return &s->cases[i];
    return NULL;
}

int xml_expectation_mismatches(const fixture_case *fx, const xml_result *r, const char *way)
{
    int bad = 0;
    if (r->rc != fx->status) {
        print_error("%s (%s): status %s, expected %s\n", fx->file, way, snplp_status_name(r->rc),
                    snplp_status_name(fx->status));
        bad++;
    }
    /* every code found is expected... */
    for (size_t i = 0; i < snplp_diagnostics_count(r->d); i++) {
        int code = (int)snplp_diagnostic_code(snplp_diagnostics_at(r->d, i));
        bool expected = false;
        for (size_t k = 0; k < COUNT_OF(fx->e) && fx->e[k].code; k++)
            expected |= fx->e[k].code == code;
        if (!expected) {
            print_error("%s (%s): unexpected finding %d %s\n", fx->file, way, code,
                        snplp_diag_code_name((snplp_diag_code)code));
            bad++;
        }
    }
    /* ...and every expected finding is found, at its line, about its item */
    for (size_t k = 0; k < COUNT_OF(fx->e) && fx->e[k].code; k++) {
        const expect *e = &fx->e[k];
        bool found = false;
        for (size_t i = 0; i < snplp_diagnostics_count(r->d) && !found; i++) {
            const snplp_diagnostic *g = snplp_diagnostics_at(r->d, i);
            const char *item = snplp_diagnostic_item_id(g);
            found = (int)snplp_diagnostic_code(g) == e->code &&
                    (!e->line || snplp_diagnostic_line(g) == e->line) &&
                    (!e->item || (item && strcmp(item, e->item) == 0));
        }
        if (!found) {
            print_error("%s (%s): no finding %d %s at line %zu about %s\n", fx->file, way, e->code,
                        snplp_diag_code_name((snplp_diag_code)e->code), e->line,
                        e->item ? e->item : "-");
            bad++;
        }
    }
    if (bad)
        print_diags(fx->file, r->d);
    return bad;
}

bool xml_same_findings(const snplp_diagnostics *a, const snplp_diagnostics *b)
{
    if (snplp_diagnostics_count(a) != snplp_diagnostics_count(b))
        return false;
    for (size_t j = 0; j < snplp_diagnostics_count(a); j++) {
        const snplp_diagnostic *x = snplp_diagnostics_at(a, j);
        const snplp_diagnostic *y = snplp_diagnostics_at(b, j);
        const char *ix = snplp_diagnostic_item_id(x), *iy = snplp_diagnostic_item_id(y);
        if (snplp_diagnostic_code(x) != snplp_diagnostic_code(y) ||
            snplp_diagnostic_severity(x) != snplp_diagnostic_severity(y) ||
            snplp_diagnostic_line(x) != snplp_diagnostic_line(y) ||
            snplp_diagnostic_column(x) != snplp_diagnostic_column(y) || !ix != !iy ||
            (ix && strcmp(ix, iy) != 0))
            return false;
    }
    return true;
}

static const xml_suite *suite_of(void **state)
{
    return *state;
}

/* The table and the directory agree: every fixture is in the table and vice versa, each starts
 * (after the declaration) with a comment naming it, and the README lists each, once. */
void xml_every_fixture_is_in_the_table(void **state)
{
    const xml_suite *s = suite_of(state);
    paths p = {0};
    assert_true(paths_add_dir(&p, s->doc->fixtures, ".xml", false));
    int bad = 0;
    for (size_t i = 0; i < p.n; i++) {
        const char *name = base_name(p.at[i]);
        if (!xml_find_case(s, name)) {
            print_error("%s is not in the table of %s\n", name, s->test_file);
            bad++;
        }
        size_t len = 0;
        char *data = must_slurp(p.at[i], &len);
        char want[512];
        snprintf(want, sizeof want, "<!-- %.*s:", (int)(strlen(name) - 4), name);
        if (len > 0 && !strstr(data, want)) {
            print_error("%s does not start with the comment '%s ...'\n", name, want);
            bad++;
        }
        free(data);
    }
    if (p.n != s->ncases) {
        print_error("%zu fixtures in the directory, %zu in the table\n", p.n, s->ncases);
        bad++;
    }
    paths_free(&p);
    char readme[4096];
    char *listed = must_slurp(xml_fixture_path(s->doc, readme, sizeof readme, "README.md"), NULL);
    for (size_t i = 0; i < s->ncases; i++) {
        char want[300];
        snprintf(want, sizeof want, "`%s`", s->cases[i].file);
        if (!strstr(listed, want)) {
            print_error("%s is not listed in README.md\n", s->cases[i].file);
            bad++;
        }
        for (size_t k = 0; k < i; k++)
            if (strcmp(s->cases[k].file, s->cases[i].file) == 0) {
                print_error("%s is twice in the table\n", s->cases[i].file);
                bad++;
            }
    }
    free(listed);
    assert_int_equal(bad, 0);
}

/* Every fixture gives its expected status and findings, read from a file, from memory and
 * through a read callback one byte at a time (the same findings at the same lines and
 * columns, the same documents). */
void xml_fixtures_give_their_expected_findings(void **state)
{
    const xml_suite *s = suite_of(state);
    const xml_doc *x = s->doc;
    int bad = 0;
    for (size_t i = 0; i < s->ncases; i++) {
        const fixture_case *fx = &s->cases[i];
        char path[4096];
        xml_fixture_path(x, path, sizeof path, fx->file);
        size_t len = 0;
        char *data = slurp(path, &len);
        if (!data) {
            print_error("%s: missing\n", path);
            bad++;
            continue;
        }
        xml_result r[3];
        for (xml_how h = FROM_FILE; h <= FROM_CALLBACK; h++) {
            r[h] = h == FROM_FILE ? xml_import_path(x, path, false)
                                  : xml_import_any(x, h, fx->file, data, len, false);
            bad += r[h].breaches + xml_expectation_mismatches(fx, &r[h], xml_how_name(h));
        }
        for (xml_how h = FROM_MEMORY; h <= FROM_CALLBACK; h++) {
            if (!xml_same_findings(r[FROM_FILE].d, r[h].d)) {
                print_error("%s: the %s import found other findings than the file import\n",
                            fx->file, xml_how_name(h));
                print_diags("file", r[FROM_FILE].d);
                print_diags(xml_how_name(h), r[h].d);
                bad++;
            }
            if (!r[FROM_FILE].doc != !r[h].doc ||
                (r[h].doc && !x->equal(r[FROM_FILE].doc, r[h].doc))) {
                print_error("%s: the file and %s imports read different documents\n", fx->file,
                            xml_how_name(h));
                bad++;
            }
        }
        for (xml_how h = FROM_FILE; h <= FROM_CALLBACK; h++)
            xml_result_free(x, &r[h]);
        free(data);
    }
    assert_int_equal(bad, 0);
}

/* ---- the default and the strict import agree ---- */

/* Every document of the kind we have: the fixtures, the examples', the fuzzing corpus's (if
 * any), and the built-in data for a referential. */
static paths all_documents(const xml_doc *x)
{
    paths p = {0};
    assert_true(paths_add_dir(&p, x->fixtures, ".xml", false));
    size_t others = p.n;
    if (!paths_add_dir(&p, SNPLP_EXAMPLES_DATA_DIR, NULL, true))
        print_message("no %s: its documents are not checked\n", SNPLP_EXAMPLES_DATA_DIR);
    if (!paths_add_dir(&p, SNPLP_FUZZ_CORPUS_DIR, NULL, true))
        print_message("no %s: its documents are not checked\n", SNPLP_FUZZ_CORPUS_DIR);
    paths_keep_kind(&p, others, x->kind);
    if (x->kind == 0)
        paths_add(&p, SNPLP_BUILTIN_DATA);
    return p;
}

/* The distinct codes of d other than 220, as a bit set over 100..299. */
static void code_set(const snplp_diagnostics *d, unsigned char set[200])
{
    memset(set, 0, 200);
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        int c = (int)snplp_diagnostic_code(snplp_diagnostics_at(d, i));
        if (c >= 100 && c < 300 && c != SNPLP_DIAG_SCHEMA)
            set[c - 100] = 1;
    }
}

static bool libxml2_misses_it(const xml_suite *s, const char *path)
{
    for (size_t i = 0; i < s->nlibxml2_misses; i++)
        if (strcmp(base_name(path), s->libxml2_misses[i]) == 0)
            return true;
    return false;
}

/* Both imports' findings, printed after what went wrong. */
static void print_both(const xml_result *def, const xml_result *str)
{
    print_diags("default", def->d);
    print_diags("strict", str->d);
}

/* THE VERDICT TEST: for every document, the default and the strict import both succeed or
 * both fail; the strict import finds what the default one finds (plus its 220 findings); and
 * for a document that is well-formed and not refused (no finding 200-205), libxml2's XSD
 * validation finds something (220) exactly when the library's own checks find a breach of the
 * schema (210-217) -- but for the breaches XSD cannot see (own_breach_unseen) and for the
 * documents libxml2 is known to accept wrongly (libxml2_misses). */
void xml_default_and_strict_imports_agree(void **state)
{
    const xml_suite *s = suite_of(state);
    const xml_doc *x = s->doc;
    paths p = all_documents(x);
    int bad = 0;
    size_t checked = 0, parity = 0, unseen = 0, missed = 0;
    for (size_t i = 0; i < p.n; i++) {
        const char *path = p.at[i];
        xml_result def = xml_import_path(x, path, false);
        xml_result str = xml_import_path(x, path, true);
        bad += def.breaches + str.breaches;
        checked++;
        bool def_ok = def.rc == SNPLP_OK, str_ok = str.rc == SNPLP_OK;
        if (def_ok != str_ok) {
            print_error("VERDICT %s: default import %s, strict import %s\n", path,
                        snplp_status_name(def.rc), snplp_status_name(str.rc));
            print_both(&def, &str);
            bad++;
        }
        unsigned char a[200], b[200];
        code_set(def.d, a);
        code_set(str.d, b);
        if (memcmp(a, b, sizeof a) != 0) {
            print_error("VERDICT %s: the strict import's own findings differ from the default "
                        "import's\n",
                        path);
            print_both(&def, &str);
            bad++;
        }
        if (has_code(def.d, SNPLP_DIAG_SCHEMA)) {
            print_error("VERDICT %s: a 220 finding without strict mode\n", path);
            bad++;
        }
        if (!has_code_in(def.d, 200, 205)) {
            parity++;
            bool xsd = has_code(str.d, SNPLP_DIAG_SCHEMA);
            bool own = has_code_in(def.d, 210, 217);
            if (s->own_breach_unseen && s->own_breach_unseen(def.d)) {
                unseen++;
                own = false; /* a breach XSD cannot see */
            }
            if (own && !xsd && libxml2_misses_it(s, path)) {
                missed++;
                print_message("known libxml2 defect: its XSD validation misses the breach of "
                              "%s\n",
                              base_name(path));
            } else if (xsd != own) {
                print_error("PARITY %s: libxml2's XSD validation %s (220), the default import "
                            "%s (210-217)\n",
                            base_name(path), xsd ? "finds a breach" : "finds none",
                            own ? "finds one" : "finds none");
                print_both(&def, &str);
                bad++;
            }
        }
        if (!def.doc != !str.doc || (def.doc && !x->equal(def.doc, str.doc))) {
            print_error("VERDICT %s: strict and default imports read different documents\n", path);
            bad++;
        }
        xml_result_free(x, &def);
        xml_result_free(x, &str);
    }
    print_message("%zu documents, %zu checked for parity (%zu breaches unseen by XSD, %zu known "
                  "misses of libxml2)\n",
                  checked, parity, unseen, missed);
    assert_true(unseen >= s->min_unseen);
    paths_free(&p);
    assert_int_equal(bad, 0);
}

/* ---- hostile documents ---- */

/* No text of /etc/passwd reaches a finding, the error message or a document; nothing is
 * loaded. */
void xml_hostile_documents_are_refused_unexpanded(void **state)
{
    const xml_suite *s = suite_of(state);
    const xml_doc *x = s->doc;
    char *passwd = slurp("/etc/passwd", NULL);
    char secret[64] = "root:x:0:0";
    if (passwd) {
        char *nl = strchr(passwd, '\n');
        size_t n = nl ? (size_t)(nl - passwd) : strlen(passwd);
        if (n >= sizeof secret)
            n = sizeof secret - 1;
        if (n > 8) {
            memcpy(secret, passwd, n);
            secret[n] = '\0';
        }
        free(passwd);
    }
    for (size_t i = 0; i < s->nhostile; i++) {
        size_t len = 0;
        char *data = xml_fixture(x, s->hostile[i], &len);
        for (int strict = 0; strict < 2; strict++) {
            for (xml_how h = FROM_FILE; h <= FROM_CALLBACK; h++) {
                char path[4096];
                xml_result r =
                    h == FROM_FILE
                        ? xml_import_path(x, xml_fixture_path(x, path, sizeof path, s->hostile[i]),
                                          strict)
                        : xml_import_any(x, h, s->hostile[i], data, len, strict);
                if (r.rc != SNPLP_EPARSE || !has_code(r.d, SNPLP_DIAG_DOCTYPE))
                    print_diags(s->hostile[i], r.d);
                assert_int_equal(r.breaches, 0);
                assert_int_equal(r.rc, SNPLP_EPARSE);
                assert_true(has_code(r.d, SNPLP_DIAG_DOCTYPE));
                /* the doctype is fatal: nothing after it is reported */
                assert_int_equal(snplp_diagnostics_count(r.d), 1);
                const char *msg = snplp_diagnostic_message(snplp_diagnostics_at(r.d, 0));
                assert_null(strstr(msg, secret));
                assert_null(strstr(msg, "/bin/"));
                assert_null(strstr(msg, "lollollol"));
                assert_null(strstr(snplp_error_last_message(), secret));
                assert_null(strstr(snplp_error_last_message(), "/bin/"));
                xml_result_free(x, &r);
            }
        }
        free(data);
    }
}

/* ---- the contract of an import ---- */

void xml_import_refuses_bad_arguments(void **state)
{
    const xml_doc *x = suite_of(state)->doc;
    const char *doc = x->minimal;
    size_t len = strlen(doc);
    void *out = XML_SENTINEL;
    assert_fails(x->import_memory(NULL, NULL, doc, len, NULL, NULL), SNPLP_EINVAL);
    assert_fails(x->import_memory(&out, NULL, NULL, 5, NULL, NULL), SNPLP_EINVAL);
    char path[4096];
    xml_fixture_path(x, path, sizeof path, "valid-minimal.xml");
    assert_fails(x->import_file(NULL, NULL, path, NULL), SNPLP_EINVAL);
    assert_fails(x->import_file(&out, NULL, NULL, NULL), SNPLP_EINVAL);
    reader rd = {.data = doc, .len = len, .chunk = 64, .fail_at = -1};
    assert_fails(x->import_callback(NULL, NULL, read_chunk, &rd, NULL, NULL), SNPLP_EINVAL);
    assert_fails(x->import_callback(&out, NULL, NULL, &rd, NULL, NULL), SNPLP_EINVAL);
    assert_ptr_equal(out, XML_SENTINEL);
    /* NULL data of size 0 is an empty document */
    snplp_diagnostics *d = new_diags();
    assert_fails(x->import_memory(&out, d, NULL, 0, NULL, NULL), SNPLP_EPARSE);
    assert_true(has_code(d, SNPLP_DIAG_NOT_WELL_FORMED));
    assert_ptr_equal(out, XML_SENTINEL);
    snplp_diagnostics_free(d);
    /* the good one, with NULL diagnostics and a NULL name */
    out = NULL;
    assert_ok(x->import_memory(&out, NULL, doc, len, NULL, NULL));
    assert_non_null(out);
    if (x->count)
        assert_int_equal(x->count(out), 1);
    x->free(out);
}

void xml_import_io_failures(void **state)
{
    const xml_suite *s = suite_of(state);
    const xml_doc *x = s->doc;
    /* a file that is not there, a directory */
    char missing[4096];
    const char *const bad_paths[] = {
        xml_fixture_path(x, missing, sizeof missing, "no-such-file.xml"), x->fixtures};
    for (size_t i = 0; i < COUNT_OF(bad_paths); i++) {
        for (int strict = 0; strict < 2; strict++) {
            xml_result r = xml_import_path(x, bad_paths[i], strict);
            assert_int_equal(r.breaches, 0);
            assert_int_equal(r.rc, SNPLP_EIO);
            assert_true(has_code(r.d, SNPLP_DIAG_IO));
            xml_result_free(x, &r);
        }
    }
    /* a read callback that fails, at the start or in the middle */
    size_t len = 0;
    char *data = must_slurp(s->read_sample, &len);
    static const long fail_at[] = {0, 1, 100, 2000, 5000};
    for (size_t i = 0; i < COUNT_OF(fail_at); i++) {
        for (int strict = 0; strict < 2; strict++) {
            snplp_import_options *o = strict ? strict_options() : NULL;
            snplp_diagnostics *d = new_diags();
            reader rd = {.data = data, .len = len, .chunk = 7, .fail_at = fail_at[i]};
            void *out = XML_SENTINEL;
            snplp_error_clear();
            int rc = x->import_callback(&out, d, read_chunk, &rd, "failing", o);
            assert_int_equal(xml_contract_breaches(x, "failing reader", rc, d, out, 0), 0);
            assert_int_equal(rc, SNPLP_EIO);
            assert_true(has_code(d, SNPLP_DIAG_IO));
            assert_ptr_equal(out, XML_SENTINEL);
            snplp_diagnostics_free(d);
            snplp_import_options_free(o);
        }
    }
    /* the reader is not called again once it said the input has ended */
    reader rd = {.data = data, .len = len, .chunk = 4096, .fail_at = -1};
    void *out = NULL;
    assert_ok(x->import_callback(&out, NULL, read_chunk, &rd, NULL, NULL));
    assert_int_equal(rd.calls_after_end, 0);
    x->free(out);
    free(data);
}

/* Progress: increasing amounts read, the file's size as the total; non-zero cancels. */
typedef struct progress {
    uint64_t last_done, total, first_total;
    size_t calls;
    size_t cancel_at; /* cancel at this call (1-based); 0: never */
    bool increasing, same_total;
} progress;

static int on_progress(void *user, uint64_t done, uint64_t total)
{
    progress *p = user;
    p->calls++;
    if (p->calls == 1) {
        p->first_total = total;
        p->increasing = p->same_total = true;
    } else {
        p->increasing &= done > p->last_done;
        p->same_total &= total == p->first_total;
    }
    p->last_done = done;
    p->total = total;
    return p->cancel_at && p->calls >= p->cancel_at ? 1 : 0;
}

/* One import of a big document with progress reported, from a file, memory or a callback. */
static int import_with_progress(const xml_doc *x, xml_how h, void **out, snplp_diagnostics *d,
                                const char *path, const char *data, size_t len,
                                const snplp_import_options *o, size_t chunk)
{
    reader rd = {.data = data, .len = len, .chunk = chunk, .fail_at = -1};
    return h == FROM_FILE     ? x->import_file(out, d, path, o)
           : h == FROM_MEMORY ? x->import_memory(out, d, data, len, NULL, o)
                              : x->import_callback(out, d, read_chunk, &rd, NULL, o);
}

void xml_progress_is_reported_and_can_cancel(void **state)
{
    const xml_doc *x = suite_of(state)->doc;
    /* a big file: the export of a big document */
    char dir[] = "/tmp/snplp-xml-progress-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, x->file_name);
    void *big = x->big();
    assert_ok(x->export_file(big, path));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    size_t len = 0;
    char *data = must_slurp(path, &len);

    snplp_import_options *o = NULL;
    assert_ok(snplp_import_options_new(&o));
    progress p = {0};
    assert_ok(snplp_import_options_set_progress(o, on_progress, &p));
    /* from a file, the total is its size; from memory, its size (or not known); through a
     * callback, it is not known */
    for (xml_how h = FROM_FILE; h <= FROM_CALLBACK; h++) {
        p = (progress){0};
        void *out = NULL;
        assert_ok(import_with_progress(x, h, &out, NULL, path, data, len, o, 1000));
        assert_true(x->equal(out, big));
        x->free(out);
        assert_true(p.calls >= 1);
        assert_true(p.increasing);
        assert_true(p.last_done == len);
        if (h == FROM_FILE) {
            assert_true(p.same_total);
            assert_true(p.total == (uint64_t)st.st_size);
        } else if (h == FROM_MEMORY) {
            assert_true(p.total == len || p.total == 0); /* the size, or not known */
        } else {
            assert_true(p.total == 0); /* not known */
        }
    }
    /* cancelling: at the first call, or later; strict or not; a callback giving 100 or 1000
     * bytes at a time */
    for (int strict = 0; strict < 2; strict++) {
        assert_ok(snplp_import_options_set_strict(o, strict));
        for (size_t at = 1; at <= 2; at++) {
            for (int k = 0; k < 4; k++) {
                xml_how h = k < 3 ? (xml_how)k : FROM_CALLBACK;
                p = (progress){.cancel_at = at};
                snplp_diagnostics *d = new_diags();
                void *out = XML_SENTINEL;
                snplp_error_clear();
                int rc =
                    import_with_progress(x, h, &out, d, path, data, len, o, k < 3 ? 1000 : 100);
                if (p.calls < at) { /* the input was read in fewer pieces */
                    assert_int_equal(rc, SNPLP_OK);
                    x->free(out);
                } else {
                    assert_int_equal(xml_contract_breaches(x, "cancelled", rc, d, out, 0), 0);
                    assert_int_equal(rc, SNPLP_EIO);
                    assert_true(has_code(d, SNPLP_DIAG_IO));
                    assert_int_equal(p.calls, at); /* not called again after cancelling */
                }
                snplp_diagnostics_free(d);
            }
        }
    }
    /* removing the callback */
    assert_ok(snplp_import_options_set_progress(o, NULL, NULL));
    p = (progress){.cancel_at = 1};
    void *out = NULL;
    assert_ok(x->import_memory(&out, NULL, data, len, NULL, o));
    assert_int_equal(p.calls, 0);
    x->free(out);

    snplp_import_options_free(o);
    free(data);
    x->free(big);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

/* A failed import leaves *out and every existing document as they were; diagnostics are
 * appended to the caller's list; NULL diagnostics are fine; the thread's last error repeats
 * the first error found, with the input's name. */
void xml_failed_import_changes_nothing(void **state)
{
    const xml_suite *s = suite_of(state);
    const xml_doc *x = s->doc;
    void *mine = x->big(), *copy = x->big();
    snplp_diagnostics *d = new_diags();
    assert_ok(snplp_diagnostics_add(d, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL, "mine"));
    for (size_t i = 0; i < s->nfailing; i++) {
        size_t len = 0;
        char *data = xml_fixture(x, s->failing[i], &len);
        size_t before = snplp_diagnostics_count(d);
        void *out = mine;
        snplp_error_clear();
        int rc = x->import_memory(&out, d, data, len, s->failing[i], NULL);
        assert_true(rc == SNPLP_EPARSE || rc == SNPLP_EVALIDATION);
        assert_ptr_equal(out, mine);
        assert_true(snplp_diagnostics_count(d) > before);
        assert_text(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), "mine");
        const snplp_diagnostic *first = NULL;
        for (size_t k = before; k < snplp_diagnostics_count(d) && !first; k++)
            if (snplp_diagnostic_severity(snplp_diagnostics_at(d, k)) == SNPLP_SEVERITY_ERROR)
                first = snplp_diagnostics_at(d, k);
        assert_non_null(first);
        assert_int_equal(snplp_error_last_code(), rc);
        if (!strstr(snplp_error_last_message(), snplp_diagnostic_message(first)))
            print_error("%s: last error \"%s\" does not repeat the first finding \"%s\"\n",
                        s->failing[i], snplp_error_last_message(), snplp_diagnostic_message(first));
        assert_non_null(strstr(snplp_error_last_message(), snplp_diagnostic_message(first)));
        assert_non_null(strstr(snplp_error_last_message(), s->failing[i])); /* the input's name */
        /* the same without diagnostics */
        out = mine;
        assert_fails(x->import_memory(&out, NULL, data, len, s->failing[i], NULL), rc);
        assert_ptr_equal(out, mine);
        free(data);
    }
    assert_true(x->equal(mine, copy));
    /* a success writes *out, and leaves the document it held alone */
    char path[4096];
    xml_fixture_path(x, path, sizeof path, "valid-minimal.xml");
    size_t len = 0;
    char *data = must_slurp(path, &len);
    for (xml_how h = FROM_FILE; h <= FROM_MEMORY; h++) {
        void *out = mine;
        assert_ok(h == FROM_FILE ? x->import_file(&out, d, path, NULL)
                                 : x->import_memory(&out, d, data, len, NULL, NULL));
        assert_ptr_not_equal(out, mine);
        assert_true(x->equal(mine, copy));
        x->free(out);
    }
    free(data);
    snplp_diagnostics_free(d);
    x->free(mine);
    x->free(copy);
}

/* ---- export ---- */

void xml_export_refuses_bad_arguments(void **state)
{
    const xml_doc *x = suite_of(state)->doc;
    void *doc = x->small();
    char *out = NULL;
    size_t n = 0;
    assert_fails(x->export_memory(NULL, &n, doc), SNPLP_EINVAL);
    assert_fails(x->export_memory(&out, &n, NULL), SNPLP_EINVAL);
    assert_null(out);
    assert_fails(x->export_file(NULL, "/tmp/x.xml"), SNPLP_EINVAL);
    assert_fails(x->export_file(doc, NULL), SNPLP_EINVAL);
    assert_fails(x->export_callback(NULL, NULL, NULL), SNPLP_EINVAL);
    assert_fails(x->export_callback(doc, NULL, NULL), SNPLP_EINVAL);
    /* size may be NULL */
    assert_ok(x->export_memory(&out, NULL, doc));
    assert_non_null(out);
    snplp_free(out);
    x->free(doc);
}

/* Deterministic: the same document gives the same bytes, whatever the way out. */
void xml_export_is_deterministic(void **state)
{
    const xml_doc *x = suite_of(state)->doc;
    void *doc = x->big();
    size_t n1 = 0, n2 = 0;
    char *a = xml_export_text(x, doc, &n1);
    char *b = xml_export_text(x, doc, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    assert_int_equal(strncmp(a, xml_decl, strlen(xml_decl)), 0);
    assert_int_equal(a[n1], '\0');
    /* another document with the same content */
    void *other = x->big();
    char *c = xml_export_text(x, other, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, c, n1);
    /* through a callback, in pieces */
    sink s = {.fail_after = SIZE_MAX};
    assert_ok(x->export_callback(doc, sink_write, &s));
    assert_int_equal(s.t.n, n1);
    assert_memory_equal(s.t.s, a, n1);
    /* to a file, then over it */
    char dir[] = "/tmp/snplp-xml-export-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/out.xml", dir);
    assert_ok(x->export_file(doc, path));
    size_t fl = 0;
    char *f = must_slurp(path, &fl);
    assert_int_equal(fl, n1);
    assert_memory_equal(f, a, n1);
    free(f);
    void *small = x->small();
    assert_ok(x->export_file(small, path));
    f = must_slurp(path, &fl);
    char *sm = xml_export_text(x, small, &n2);
    assert_int_equal(fl, n2);
    assert_memory_equal(f, sm, n2);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
    free(f);
    free(s.t.s);
    snplp_free(sm);
    snplp_free(a);
    snplp_free(b);
    snplp_free(c);
    x->free(small);
    x->free(other);
    x->free(doc);
}

/* A writer failing after N bytes: SNPLP_EIO, what was written is the start of the document,
 * the writer is not called again, nothing leaks. */
void xml_export_stops_at_the_first_write_error(void **state)
{
    const xml_doc *x = suite_of(state)->doc;
    void *doc = x->big();
    size_t len = 0;
    char *whole = xml_export_text(x, doc, &len);
    const size_t fail_after[] = {0, 1, 38, 39, 1000, len / 2, len - 1};
    for (size_t i = 0; i < COUNT_OF(fail_after); i++) {
        size_t before = snplp_memory_used();
        sink s = {.fail_after = fail_after[i]};
        assert_fails(x->export_callback(doc, sink_write, &s), SNPLP_EIO);
        assert_true(s.failed);
        assert_int_equal(s.calls_after_failing, 0);
        assert_true(s.t.n <= fail_after[i]);
        if (s.t.n)
            assert_memory_equal(s.t.s, whole, s.t.n);
        assert_int_equal(snplp_memory_used(), before);
        free(s.t.s);
    }
    snplp_free(whole);
    x->free(doc);
}

/* The file at path holds exactly want[0..len). */
static void assert_file(const char *path, const char *want, size_t len)
{
    size_t now_len = 0;
    char *now = must_slurp(path, &now_len);
    assert_int_equal(now_len, len);
    assert_memory_equal(now, want, len);
    free(now);
}

static void assert_listing(const char *dir, const char *want)
{
    char *listing = dir_listing(dir);
    assert_string_equal(listing, want);
    free(listing);
}

/* Writing to a path is atomic: with the file size limited below the new document's size, the
 * export fails, the old file is whole and no temporary file is left; a path that is a
 * directory, or in a directory that does not exist, fails and changes nothing; a good export
 * replaces the file. */
void xml_export_file_is_atomic(void **state)
{
    const xml_doc *x = suite_of(state)->doc;
    char dir[] = "/tmp/snplp-xml-atomic-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, x->file_name);
    void *small = x->small();
    assert_ok(x->export_file(small, path));
    size_t old_len = 0;
    char *old = must_slurp(path, &old_len);
    void *big = x->big();
    size_t big_len = 0;
    char *big_xml = xml_export_text(x, big, &big_len);
    assert_true(big_len > 4 * old_len);

    /* with the file size limited below the new document's size */
    int child_rc = write_with_size_limit(x->export_file, big, path, big_len / 2);
    if (child_rc != SNPLP_EIO)
        print_error("the child's export: %s\n", snplp_status_name(child_rc));
    assert_int_equal(child_rc, SNPLP_EIO);
    assert_file(path, old, old_len);
    assert_listing(dir, x->file_name);

    /* into a directory that does not exist */
    char missing[4096];
    snprintf(missing, sizeof missing, "%s/no-such-dir/%s", dir, x->file_name);
    assert_fails(x->export_file(small, missing), SNPLP_EIO);
    /* over a directory */
    char sub[4096], listing[4096];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    snprintf(listing, sizeof listing, "%s/sub", x->file_name);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_fails(x->export_file(small, sub), SNPLP_EIO);
    struct stat st;
    assert_int_equal(stat(sub, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_listing(dir, listing);
    assert_listing(sub, "");
    /* the old file is still whole, and a good export replaces it */
    assert_file(path, old, old_len);
    assert_ok(x->export_file(big, path));
    assert_file(path, big_xml, big_len);
    assert_listing(dir, listing);

    assert_int_equal(rmdir(sub), 0);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
    free(old);
    snplp_free(big_xml);
    x->free(big);
    x->free(small);
}

/* ---- round trips ---- */

/* Every example, every fixture that imports and every document of the fuzzing corpus that
 * imports go round. */
void xml_round_trips(void **state)
{
    const xml_suite *s = suite_of(state);
    const xml_doc *x = s->doc;
    int bad = 0;
    paths p = {0};
    if (!paths_add_dir(&p, SNPLP_EXAMPLES_DATA_DIR, NULL, true))
        print_message("no %s: no example checked\n", SNPLP_EXAMPLES_DATA_DIR);
    paths_keep_kind(&p, 0, x->kind);
    size_t examples = p.n;
    assert_true(examples >= s->min_examples);
    assert_true(paths_add_dir(&p, x->fixtures, ".xml", false));
    size_t others = p.n;
    if (paths_add_dir(&p, SNPLP_FUZZ_CORPUS_DIR, NULL, true))
        paths_keep_kind(&p, others, x->kind);
    size_t checked = 0;
    for (size_t i = 0; i < p.n; i++) {
        xml_result r = xml_import_path(x, p.at[i], false);
        if (r.rc != SNPLP_OK && i < examples) {
            print_error("example %s does not import: %s\n", p.at[i], snplp_status_name(r.rc));
            print_diags(p.at[i], r.d);
            bad++;
        }
        if (r.rc == SNPLP_OK) {
            bad += xml_round_trip_breaches(x, p.at[i], r.doc);
            checked++;
        }
        xml_result_free(x, &r);
    }
    print_message("%zu examples, %zu documents went round\n", examples, checked);
    assert_true(checked >= s->min_round_trips);
    paths_free(&p);
    assert_int_equal(bad, 0);
}

/* ---- keep_invalid ---- */

static bool is_rule_code(int code)
{
    return (code >= 100 && code < 200) || (code >= 300 && code < 320);
}

/* The errors of d: how many are findings of the model's rules, how many are not. */
static void count_errors(const snplp_diagnostics *d, size_t *rules, size_t *others)
{
    *rules = *others = 0;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_severity(g) == SNPLP_SEVERITY_ERROR)
            ++*(is_rule_code((int)snplp_diagnostic_code(g)) ? rules : others);
    }
}

/* The codes, severities and items of a and b are the same, in order (their positions may
 * differ: an export is laid out anew). */
static bool same_codes(const snplp_diagnostics *a, const snplp_diagnostics *b)
{
    if (snplp_diagnostics_count(a) != snplp_diagnostics_count(b))
        return false;
    for (size_t j = 0; j < snplp_diagnostics_count(a); j++) {
        const snplp_diagnostic *x = snplp_diagnostics_at(a, j);
        const snplp_diagnostic *y = snplp_diagnostics_at(b, j);
        const char *ix = snplp_diagnostic_item_id(x), *iy = snplp_diagnostic_item_id(y);
        if (snplp_diagnostic_code(x) != snplp_diagnostic_code(y) ||
            snplp_diagnostic_severity(x) != snplp_diagnostic_severity(y) || !ix != !iy ||
            (ix && strcmp(ix, iy) != 0) ||
            strcmp(snplp_diagnostic_message(x), snplp_diagnostic_message(y)) != 0)
            return false;
    }
    return true;
}

/* An import with keep_invalid: its status, findings and model (NULL on error). */
static xml_result import_keep(const xml_doc *x, const char *path, const char *data, size_t len)
{
    snplp_import_options *o = NULL;
    assert_ok(snplp_import_options_new(&o));
    assert_false(snplp_import_options_keep_invalid(o));
    assert_ok(snplp_import_options_set_keep_invalid(o, true));
    assert_true(snplp_import_options_keep_invalid(o));
    xml_result r = {0};
    r.d = new_diags();
    void *out = XML_SENTINEL;
    r.rc = path ? x->import_file(&out, r.d, path, o)
                : x->import_memory(&out, r.d, data, len, "export", o);
    snplp_import_options_free(o);
    if (r.rc != SNPLP_OK && out != XML_SENTINEL)
        r.breaches++;
    r.doc = r.rc == SNPLP_OK ? out : NULL;
    return r;
}

/* With keep_invalid, every fixture whose only errors are the model's rules imports, with the
 * same findings as without it; its export reads back (with keep_invalid) into an equal model
 * with the same findings, and exports to the same bytes; without keep_invalid that export is
 * still refused. Every other fixture gets the same status and findings as without it. */
void xml_keep_invalid_reads_back(void **state)
{
    const xml_suite *s = suite_of(state);
    const xml_doc *x = s->doc;
    int bad = 0;
    size_t kept = 0;
    paths p = {0};
    assert_true(paths_add_dir(&p, x->fixtures, ".xml", false));
    assert_false(snplp_import_options_keep_invalid(NULL));
    assert_int_equal(snplp_import_options_set_keep_invalid(NULL, true), SNPLP_EINVAL);
    for (size_t i = 0; i < p.n; i++) {
        xml_result plain = xml_import_path(x, p.at[i], false);
        xml_result k = import_keep(x, p.at[i], NULL, 0);
        size_t rules, others;
        count_errors(plain.d, &rules, &others);
        int want = others == 0 ? SNPLP_OK : plain.rc;
        if (k.rc != want || k.breaches || !xml_same_findings(plain.d, k.d)) {
            print_error("%s: keep_invalid gives %s (want %s) or other findings\n", p.at[i],
                        snplp_status_name(k.rc), snplp_status_name(want));
            print_diags(p.at[i], k.d);
            bad++;
        }
        if (k.rc == SNPLP_OK && rules > 0) {
            kept++;
            size_t n1 = 0, n2 = 0;
            char *x1 = xml_export_text(x, k.doc, &n1);
            xml_result again = import_keep(x, NULL, x1, n1);
            xml_result refused = xml_import_text(x, x1, n1, false);
            if (refused.rc != SNPLP_EVALIDATION || refused.breaches) {
                print_error("%s: without keep_invalid its export gives %s\n", p.at[i],
                            snplp_status_name(refused.rc));
                bad++;
            }
            if (again.rc != SNPLP_OK) {
                print_error("%s: its export does not read back with keep_invalid: %s\n", p.at[i],
                            snplp_status_name(again.rc));
                print_diags(p.at[i], again.d);
                bad++;
            } else {
                if (!x->equal(k.doc, again.doc)) {
                    print_error("%s: import(export(x)) is not equal to x\n", p.at[i]);
                    bad++;
                }
                if (!same_codes(k.d, again.d)) {
                    print_error("%s: its export reads back with other findings\n", p.at[i]);
                    print_diags(p.at[i], again.d);
                    bad++;
                }
                char *x2 = xml_export_text(x, again.doc, &n2);
                if (n1 != n2 || memcmp(x1, x2, n1) != 0) {
                    print_error("%s: export(import(export(x))) differs from export(x)\n", p.at[i]);
                    bad++;
                }
                snplp_free(x2);
            }
            xml_result_free(x, &refused);
            xml_result_free(x, &again);
            snplp_free(x1);
        }
        xml_result_free(x, &k);
        xml_result_free(x, &plain);
    }
    print_message("%zu fixtures with findings of the model's rules read back\n", kept);
    paths_free(&p);
    assert_int_equal(bad, 0);
    assert_true(kept >= s->min_kept);
}

/* ---- out of memory ---- */

typedef struct import_ctx {
    const xml_doc *x;
    const char *xml;
    size_t len;
    bool strict, with_diags;
    void *out;
} import_ctx;

static int import_step(void *ctx)
{
    import_ctx *c = ctx;
    c->out = XML_SENTINEL;
    snplp_import_options *o = NULL;
    int rc = SNPLP_OK;
    if (c->strict) {
        rc = snplp_import_options_new(&o);
        if (rc != SNPLP_OK)
            return rc;
        snplp_import_options_set_strict(o, true);
    }
    snplp_diagnostics *d = NULL;
    if (c->with_diags && (rc = snplp_diagnostics_new(&d)) != SNPLP_OK) {
        snplp_import_options_free(o);
        return rc;
    }
    rc = c->x->import_memory(&c->out, d, c->xml, c->len, "oom", o);
    snplp_diagnostics_free(d);
    snplp_import_options_free(o);
    return rc;
}

static void import_check(void *ctx)
{
    import_ctx *c = ctx;
    assert_ptr_equal(c->out, XML_SENTINEL);
}

void xml_import_out_of_memory(void **state)
{
    const xml_suite *s = suite_of(state);
    snplp__alloc_fail_after(-1); /* whatever a failed test before left */
    for (size_t i = 0; i < s->noom; i++) {
        size_t len = 0;
        char *xml = must_slurp(s->oom[i], &len);
        for (int strict = 0; strict < 2; strict++) {
            for (int with_diags = 0; with_diags < 2; with_diags++) {
                import_ctx c = {.x = s->doc,
                                .xml = xml,
                                .len = len,
                                .strict = strict,
                                .with_diags = with_diags};
                /* a first run, so that what the library sets up once is there */
                assert_ok(import_step(&c));
                void *want = c.out;
                int runs = test_oom_sweep(import_step, import_check, &c);
                assert_true(runs > 10);
                assert_true(s->doc->equal(c.out, want));
                s->doc->free(c.out);
                s->doc->free(want);
            }
        }
        free(xml);
    }
}

typedef struct export_ctx {
    const xml_doc *x;
    const void *doc;
    bool callback;
    char *out;
} export_ctx;

static int export_step(void *ctx)
{
    export_ctx *c = ctx;
    if (c->callback) {
        sink s = {.fail_after = SIZE_MAX};
        int rc = c->x->export_callback(c->doc, sink_write, &s);
        free(s.t.s);
        return rc;
    }
    c->out = XML_SENTINEL;
    return c->x->export_memory(&c->out, NULL, c->doc);
}

static void export_check(void *ctx)
{
    export_ctx *c = ctx;
    if (!c->callback)
        assert_ptr_equal(c->out, XML_SENTINEL); /* *out untouched */
}

void xml_export_out_of_memory(void **state)
{
    const xml_suite *s = suite_of(state);
    snplp__alloc_fail_after(-1); /* whatever a failed test before left */
    for (size_t i = 0; i < s->noom_export; i++) {
        void *doc = xml_import_fixture_ok(s->doc, s->oom_export[i]);
        for (int callback = 0; callback < 2; callback++) {
            export_ctx c = {.x = s->doc, .doc = doc, .callback = callback};
            int runs = test_oom_sweep(export_step, export_check, &c);
            assert_true(runs > 0);
            if (!callback) {
                char *want = xml_export_text(s->doc, doc, NULL);
                assert_string_equal(c.out, want);
                snplp_free(want);
                snplp_free(c.out);
            }
        }
        s->doc->free(doc);
    }
}
