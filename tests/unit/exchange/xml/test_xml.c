/* Tests of xml.h: importing and exporting a referential as XML.
 *
 * The fixtures (tests/fixtures/xml, listed in its README.md) are small documents, one per case;
 * the table below gives each one's expected status and findings. Inputs too big to commit (deep
 * nesting, huge texts and attributes) are generated here. Every import is checked against the
 * contract of xml.h (check_contract): the status matches the findings, *out is untouched on
 * error, every finding from the document has a line and a column. The verdict test runs the
 * default and the strict import over every document we have and requires them to agree. */
#include "test_files.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unistd.h>

#ifndef SNPLP_FIXTURES_DIR
#define SNPLP_FIXTURES_DIR "tests/fixtures/xml"
#endif
#ifndef SNPLP_EXAMPLES_DATA_DIR
#define SNPLP_EXAMPLES_DATA_DIR "examples/data"
#endif
/* Paths derived from the fixtures' directory (tests/fixtures/xml). */
#define SNPLP_FUZZ_CORPUS_DIR SNPLP_FIXTURES_DIR "/../../fuzz/corpus"
#define SNPLP_BUILTIN_DATA    SNPLP_FIXTURES_DIR "/../../../libsnplp/data/referential.xml"

/* What *out holds before an import: an import that fails must leave it so. */
#define SENTINEL ((snplp_referential *)(uintptr_t)1)

static const char xml_decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

/* ---- helpers ---- */

static char *fixture_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", SNPLP_FIXTURES_DIR, name);
    return buf;
}

static char *fixture(const char *name, size_t *len)
{
    char path[4096];
    return must_slurp(fixture_path(path, sizeof path, name), len);
}

/* The contract of every import (xml.h), whatever the input; returns the number of breaches,
 * each printed. */
static int contract_breaches(const char *what, int rc, const snplp_diagnostics *d,
                             const snplp_referential *out, size_t first)
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
        parse_errors += error && code >= 200 && code <= 229;
        model_errors += error && (code == 230 || code == 231 || (code >= 101 && code <= 107));
        if (snplp_diagnostic_line(g) < 1 || snplp_diagnostic_column(g) < 1)
            BREACH("finding %d at %zu:%zu (line and column must be >= 1)", code,
                   snplp_diagnostic_line(g), snplp_diagnostic_column(g));
        if (code >= 101 && code <= 107 && !snplp_diagnostic_item_id(g))
            BREACH("finding %d without an item id", code);
        if (code == SNPLP_DIAG_TEXT_NORMALIZED && error)
            BREACH("240 text-normalized is an error, not a warning");
        if (!snplp_diagnostic_message(g) || !snplp_diagnostic_message(g)[0])
            BREACH("finding %d without a message", code);
    }
    if (rc != SNPLP_OK && out != SENTINEL)
        BREACH("%s but *out was changed", snplp_status_name(rc));
    switch (rc) {
    case SNPLP_OK:
        if (out == SENTINEL || !out)
            BREACH("SNPLP_OK but no referential");
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

/* One import's outcome. */
typedef struct result {
    int rc;
    snplp_referential *ref; /* NULL unless SNPLP_OK */
    snplp_diagnostics *d;
    int breaches; /* of the contract */
} result;

typedef enum how { FROM_FILE, FROM_MEMORY, FROM_CALLBACK } how;

static result import_any(how h, const char *path_or_name, const char *data, size_t len, bool strict)
{
    snplp_import_options *o = strict ? strict_options() : NULL;
    result r = {0};
    r.d = new_diags();
    snplp_referential *out = SENTINEL;
    snplp_error_clear();
    if (h == FROM_FILE) {
        r.rc = snplp_referential_import_file(&out, r.d, path_or_name, o);
    } else if (h == FROM_MEMORY) {
        r.rc = snplp_referential_import_memory(&out, r.d, data, len, path_or_name, o);
    } else {
        reader rd = {.data = data, .len = len, .chunk = 1, .fail_at = -1};
        r.rc = snplp_referential_import_callback(&out, r.d, read_chunk, &rd, path_or_name, o);
    }
    snplp_import_options_free(o);
    r.breaches = contract_breaches(path_or_name, r.rc, r.d, out, 0);
    r.ref = r.rc == SNPLP_OK ? out : NULL;
    return r;
}

static result import_path(const char *path, bool strict)
{
    return import_any(FROM_FILE, path, NULL, 0, strict);
}

static result import_text(const char *data, size_t len, bool strict)
{
    return import_any(FROM_MEMORY, "test input", data, len, strict);
}

static void result_free(result *r)
{
    snplp_referential_unref(r->ref);
    snplp_diagnostics_free(r->d);
    r->ref = NULL;
    r->d = NULL;
}

/* Imports what must be a good document: fails the test otherwise. */
static snplp_referential *import_ok(const char *data, size_t len)
{
    result r = import_text(data, len, false);
    if (r.rc != SNPLP_OK)
        print_diags("import", r.d);
    assert_int_equal(r.rc, SNPLP_OK);
    assert_int_equal(r.breaches, 0);
    snplp_referential *ref = r.ref;
    r.ref = NULL;
    result_free(&r);
    return ref;
}

static snplp_referential *import_fixture_ok(const char *name)
{
    size_t len = 0;
    char *data = fixture(name, &len);
    snplp_referential *ref = import_ok(data, len);
    free(data);
    return ref;
}

static char *export_text(const snplp_referential *ref, size_t *len)
{
    char *out = NULL;
    size_t n = 0;
    assert_ok(snplp_referential_export_memory(&out, &n, ref));
    assert_non_null(out);
    assert_int_equal(strlen(out), n);
    if (len)
        *len = n;
    return out;
}

static snplp_referential *builtin(void)
{
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_builtin(&ref));
    return ref;
}

/* ---- the fixtures, each with its expected status and findings ---- */

/* A finding expected: its code, its line (0: any line), its item id (NULL: not checked). */
typedef struct expect {
    int code;
    size_t line;
    const char *item;
} expect;

typedef struct fixture_case {
    const char *file;
    int status;
    expect e[4]; /* the distinct codes found must be exactly these */
} fixture_case;

#define OK_(f)                                                                                     \
    {                                                                                              \
        f, SNPLP_OK,                                                                               \
        {                                                                                          \
            {                                                                                      \
                0, 0, NULL                                                                         \
            }                                                                                      \
        }                                                                                          \
    }
#define PARSE1(f, c, l)                                                                            \
    {                                                                                              \
        f, SNPLP_EPARSE,                                                                           \
        {                                                                                          \
            {                                                                                      \
                c, l, NULL                                                                         \
            }                                                                                      \
        }                                                                                          \
    }
#define MODEL1(f, c, l, i)                                                                         \
    {                                                                                              \
        f, SNPLP_EVALIDATION,                                                                      \
        {                                                                                          \
            {                                                                                      \
                c, l, i                                                                            \
            }                                                                                      \
        }                                                                                          \
    }

static const fixture_case fixtures[] = {
    /* good documents */
    OK_("valid-minimal.xml"),
    OK_("valid-empty-referential.xml"),
    OK_("valid-complete.xml"),
    OK_("valid-whitespace.xml"),
    OK_("valid-limits.xml"),
    OK_("valid-date-year.xml"),
    OK_("valid-date-year-max.xml"),
    OK_("valid-id-256.xml"),
    OK_("valid-utf8-bom.xml"),
    OK_("valid-prefixed.xml"),
    OK_("valid-markup.xml"),
    OK_("valid-extensions.xml"),
    OK_("valid-xsi-hints.xml"),
    OK_("valid-xsi-other-attribute.xml"),
    {"not-nfc.xml", SNPLP_OK, {{SNPLP_DIAG_TEXT_NORMALIZED, 4, NULL}}},
    /* regressions found by fuzzing (tests/fuzz) */
    OK_("fuzz-crash-1.xml"),
    PARSE1("fuzz-crash-2.xml", 200, 0),
    PARSE1("fuzz-crash-3.xml", 200, 0),
    PARSE1("fuzz-crash-4.xml", 200, 0),
    PARSE1("fuzz-crash-5.xml", 200, 0),
    PARSE1("fuzz-crash-6.xml", 200, 0),
    /* 200 not-well-formed (fatal) */
    PARSE1("empty.xml", 200, 0),
    PARSE1("truncated.xml", 200, 0),
    PARSE1("invalid-utf8.xml", 200, 4),
    PARSE1("invalid-utf8-overlong.xml", 200, 4),
    PARSE1("mismatched-tags.xml", 200, 4),
    PARSE1("undefined-entity.xml", 200, 4),
    PARSE1("invalid-character-reference.xml", 200, 4),
    PARSE1("two-roots.xml", 200, 0),
    PARSE1("duplicate-attribute.xml", 200, 4),
    PARSE1("undeclared-prefix.xml", 200, 4),
    {"problems-then-fatal.xml", SNPLP_EPARSE, {{213, 4, NULL}, {200, 5, NULL}}},
    /* 202 doctype (fatal) */
    PARSE1("hostile-external-entity-file.xml", 202, 0),
    PARSE1("hostile-external-entity-url.xml", 202, 0),
    PARSE1("hostile-external-dtd.xml", 202, 3),
    PARSE1("hostile-parameter-entity.xml", 202, 0),
    PARSE1("hostile-billion-laughs.xml", 202, 0),
    PARSE1("hostile-internal-entity.xml", 202, 3),
    PARSE1("hostile-entity-in-attribute.xml", 202, 0),
    PARSE1("doctype-plain.xml", 202, 3),
    /* 210 wrong-root */
    PARSE1("wrong-root.xml", 210, 3),
    PARSE1("wrong-namespace.xml", 210, 3),
    PARSE1("no-namespace.xml", 210, 3),
    PARSE1("wrong-root-child.xml", 210, 3),
    /* 211 unknown-element */
    PARSE1("unknown-element-order.xml", 211, 4),
    PARSE1("unknown-element-second-title.xml", 211, 4),
    PARSE1("unknown-element-no-namespace.xml", 211, 5),
    PARSE1("unknown-element-snplp.xml", 211, 4),
    PARSE1("unknown-element-top-level-order.xml", 211, 5),
    PARSE1("unknown-element-in-text.xml", 211, 4),
    PARSE1("unknown-element-foreign-in-text.xml", 211, 4),
    PARSE1("unknown-element-foreign-not-last.xml", 211, 4),
    PARSE1("unknown-element-foreign-in-reference.xml", 211, 6),
    PARSE1("unknown-element-foreign-in-referential.xml", 211, 5),
    /* 212 missing-element */
    PARSE1("missing-element-title.xml", 212, 4),
    PARSE1("missing-element-text.xml", 212, 7),
    PARSE1("missing-element-figure-text.xml", 212, 5),
    /* 213 unknown-attribute */
    PARSE1("unknown-attribute.xml", 213, 4),
    PARSE1("unknown-attribute-on-referential.xml", 213, 3),
    PARSE1("unknown-attribute-foreign-on-text.xml", 213, 4),
    PARSE1("unknown-attribute-snplp-qualified.xml", 213, 4),
    PARSE1("unknown-attribute-foreign-on-referential.xml", 213, 3),
    PARSE1("unknown-attribute-foreign-on-reference.xml", 213, 6),
    PARSE1("unknown-attribute-xsi-type.xml", 213, 4),
    PARSE1("unknown-attribute-xsi-nil.xml", 213, 4),
    PARSE1("unknown-attribute-xsi-on-referential.xml", 213, 3),
    /* 214 missing-attribute */
    PARSE1("missing-attribute-id.xml", 214, 4),
    PARSE1("missing-attribute-theme.xml", 214, 5),
    PARSE1("missing-attribute-level.xml", 214, 5),
    PARSE1("missing-attribute-ref.xml", 214, 6),
    PARSE1("missing-attribute-style.xml", 214, 7),
    PARSE1("missing-attribute-category.xml", 214, 4),
    PARSE1("missing-attribute-value.xml", 214, 5),
    /* 215 bad-value */
    PARSE1("bad-value-level.xml", 215, 5),
    PARSE1("bad-value-level-case.xml", 215, 5),
    PARSE1("bad-value-duration-zero.xml", 215, 5),
    PARSE1("bad-value-duration-seven-decimals.xml", 215, 5),
    PARSE1("bad-value-duration-five-digits.xml", 215, 5),
    PARSE1("bad-value-duration-negative.xml", 215, 5),
    PARSE1("bad-value-duration-exponent.xml", 215, 5),
    PARSE1("bad-value-budget-negative.xml", 215, 4),
    PARSE1("bad-value-budget-letters.xml", 215, 4),
    PARSE1("bad-value-budget-19-digits.xml", 215, 4),
    PARSE1("bad-value-budget-overflow.xml", 215, 4),
    PARSE1("bad-value-budget-empty.xml", 215, 4),
    PARSE1("bad-value-date-february-30.xml", 215, 4),
    PARSE1("bad-value-date-february-29.xml", 215, 4),
    PARSE1("bad-value-date-month-13.xml", 215, 4),
    PARSE1("bad-value-date-text.xml", 215, 4),
    PARSE1("bad-value-date-year-0999.xml", 215, 4),
    PARSE1("bad-value-date-time-zone.xml", 215, 4),
    PARSE1("bad-value-levers-open.xml", 215, 4),
    PARSE1("bad-value-min-level.xml", 215, 4),
    PARSE1("bad-value-min-level-zero.xml", 215, 4),
    PARSE1("bad-value-for-involved.xml", 215, 5),
    PARSE1("bad-value-style.xml", 215, 7),
    PARSE1("bad-value-category.xml", 215, 4),
    PARSE1("bad-value-funding-cents.xml", 215, 4),
    PARSE1("bad-value-figure-value.xml", 215, 5),
    PARSE1("bad-value-max-module-days.xml", 215, 4),
    /* 216 unexpected-text */
    PARSE1("unexpected-text-commitment.xml", 216, 4),
    PARSE1("unexpected-text-referential.xml", 216, 0),
    PARSE1("unexpected-text-reference.xml", 216, 5),
    /* 217 bad-id */
    PARSE1("bad-id-digit.xml", 217, 4),
    PARSE1("bad-id-space.xml", 217, 4),
    PARSE1("bad-id-surrounding-space.xml", 217, 4),
    PARSE1("bad-id-empty.xml", 217, 4),
    PARSE1("bad-id-non-ascii.xml", 217, 4),
    PARSE1("bad-id-too-long.xml", 217, 4),
    PARSE1("bad-id-ref.xml", 217, 5),
    PARSE1("bad-id-profession-ref.xml", 217, 5),
    PARSE1("bad-id-theme-attribute.xml", 217, 4),
    /* several non-fatal problems in one pass */
    {"several-problems.xml",
     SNPLP_EPARSE,
     {{213, 4, NULL}, {215, 6, NULL}, {217, 7, NULL}, {212, 8, NULL}}},
    {"several-problems-one-element.xml", SNPLP_EPARSE, {{213, 5, NULL}, {215, 5, NULL}}},
    {"duplicate-id-and-schema-error.xml", SNPLP_EPARSE, {{213, 4, NULL}, {230, 5, NULL}}},
    /* 230 duplicate-id */
    MODEL1("duplicate-id.xml", 230, 5, NULL),
    MODEL1("duplicate-id-across-kinds.xml", 230, 5, NULL),
    MODEL1("duplicate-id-nested.xml", 230, 7, NULL),
    MODEL1("duplicate-id-reserved.xml", 230, 4, NULL),
    /* 101-107: rules of the model, on what was read */
    MODEL1("empty-title.xml", 101, 4, "commitment-a"),
    MODEL1("empty-title-empty-element.xml", 101, 4, "theme-a"),
    MODEL1("empty-text.xml", 102, 5, "objective-a"),
    MODEL1("missing-parent.xml", 103, 4, "module-a"),
    MODEL1("dangling-reference.xml", 104, 5, "module-a"),
    MODEL1("dangling-reference-profession.xml", 104, 5, "module-a"),
    MODEL1("reference-kind.xml", 105, 5, "module-a"),
    MODEL1("reference-kind-theme.xml", 105, 5, "module-a"),
    MODEL1("prerequisite-cycle.xml", 106, 5, "module-a"),
    MODEL1("duration-over-max.xml", 107, 6, "module-a"),
    {"model-problems-together.xml",
     SNPLP_EVALIDATION,
     {{101, 4, "commitment-a"}, {103, 6, "module-a"}, {104, 7, "module-b"}}},
};

static const fixture_case *find_case(const char *file)
{
    for (size_t i = 0; i < COUNT_OF(fixtures); i++)
        if (strcmp(fixtures[i].file, file) == 0)
            return &fixtures[i];
    return NULL;
}

/* The mismatches between a fixture's expectations and what an import found (printed). */
static int expectation_mismatches(const fixture_case *fx, const result *r, const char *how_name)
{
    int bad = 0;
    if (r->rc != fx->status) {
        print_error("%s (%s): status %s, expected %s\n", fx->file, how_name,
                    snplp_status_name(r->rc), snplp_status_name(fx->status));
        bad++;
    }
    /* every code found is expected... */
    for (size_t i = 0; i < snplp_diagnostics_count(r->d); i++) {
        int code = (int)snplp_diagnostic_code(snplp_diagnostics_at(r->d, i));
        bool expected = false;
        for (size_t k = 0; k < COUNT_OF(fx->e) && fx->e[k].code; k++)
            expected |= fx->e[k].code == code;
        if (!expected) {
            print_error("%s (%s): unexpected finding %d %s\n", fx->file, how_name, code,
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
            print_error("%s (%s): no finding %d %s at line %zu about %s\n", fx->file, how_name,
                        e->code, snplp_diag_code_name((snplp_diag_code)e->code), e->line,
                        e->item ? e->item : "-");
            bad++;
        }
    }
    if (bad)
        print_diags(fx->file, r->d);
    return bad;
}

/* Every fixture gives its expected status and findings, read from a file, from memory and
 * through a read callback one byte at a time (the same findings at the same lines). */
static void fixtures_give_their_expected_findings(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < COUNT_OF(fixtures); i++) {
        const fixture_case *fx = &fixtures[i];
        char path[4096];
        fixture_path(path, sizeof path, fx->file);
        size_t len = 0;
        char *data = slurp(path, &len);
        if (!data) {
            print_error("%s: missing\n", path);
            bad++;
            continue;
        }
        result f = import_path(path, false);
        bad += f.breaches + expectation_mismatches(fx, &f, "file");
        result m = import_any(FROM_MEMORY, fx->file, data, len, false);
        bad += m.breaches + expectation_mismatches(fx, &m, "memory");
        result c = import_any(FROM_CALLBACK, fx->file, data, len, false);
        bad += c.breaches + expectation_mismatches(fx, &c, "callback, 1 byte at a time");
        /* the same findings, in the same order, at the same lines, whatever the source */
        const result *other[] = {&m, &c};
        for (size_t k = 0; k < 2; k++) {
            bool same = snplp_diagnostics_count(f.d) == snplp_diagnostics_count(other[k]->d);
            for (size_t j = 0; same && j < snplp_diagnostics_count(f.d); j++) {
                const snplp_diagnostic *a = snplp_diagnostics_at(f.d, j);
                const snplp_diagnostic *b = snplp_diagnostics_at(other[k]->d, j);
                same = snplp_diagnostic_code(a) == snplp_diagnostic_code(b) &&
                       snplp_diagnostic_line(a) == snplp_diagnostic_line(b);
            }
            if (!same) {
                print_error("%s: the %s import found other findings than the file import\n",
                            fx->file, k ? "callback" : "memory");
                print_diags("file", f.d);
                print_diags(k ? "callback" : "memory", other[k]->d);
                bad++;
            }
        }
        if (f.ref && m.ref && !snplp_referential_equal(f.ref, m.ref)) {
            print_error("%s: file and memory imports differ\n", fx->file);
            bad++;
        }
        if (f.ref && c.ref && !snplp_referential_equal(f.ref, c.ref)) {
            print_error("%s: file and callback imports differ\n", fx->file);
            bad++;
        }
        result_free(&f);
        result_free(&m);
        result_free(&c);
        free(data);
    }
    assert_int_equal(bad, 0);
}

/* The table and the directory agree: every fixture is in the table and vice versa, and each
 * starts (after the declaration) with a comment naming it. */
static void every_fixture_is_in_the_table(void **state)
{
    (void)state;
    paths p = {0};
    assert_true(paths_add_dir(&p, SNPLP_FIXTURES_DIR, ".xml", false));
    int bad = 0;
    for (size_t i = 0; i < p.n; i++) {
        const char *name = base_name(p.at[i]);
        if (!find_case(name)) {
            print_error("%s is not in the table of test_xml.c\n", name);
            bad++;
        }
        size_t len = 0;
        char *data = slurp(p.at[i], &len);
        assert_non_null(data);
        char want[512];
        snprintf(want, sizeof want, "<!-- %.*s:", (int)(strlen(name) - 4), name);
        if (len > 0 && !strstr(data, want)) {
            print_error("%s does not start with the comment '%s ...'\n", name, want);
            bad++;
        }
        free(data);
    }
    assert_int_equal(p.n, COUNT_OF(fixtures));
    paths_free(&p);
    char readme[4096];
    size_t len = 0;
    char *text = slurp(fixture_path(readme, sizeof readme, "README.md"), &len);
    assert_non_null(text);
    for (size_t i = 0; i < COUNT_OF(fixtures); i++) {
        if (!strstr(text, fixtures[i].file)) {
            print_error("%s is not listed in README.md\n", fixtures[i].file);
            bad++;
        }
    }
    free(text);
    assert_int_equal(bad, 0);
}

/* ---- the default and the strict import agree ---- */

/* Every document we have: the fixtures, the examples, the fuzzing corpus (if any) and the
 * built-in data. */
static paths all_documents(void)
{
    paths p = {0};
    assert_true(paths_add_dir(&p, SNPLP_FIXTURES_DIR, ".xml", false));
    size_t others = p.n;
    if (!paths_add_dir(&p, SNPLP_EXAMPLES_DATA_DIR, NULL, true))
        print_message("no %s: its documents are not checked\n", SNPLP_EXAMPLES_DATA_DIR);
    if (!paths_add_dir(&p, SNPLP_FUZZ_CORPUS_DIR, NULL, true))
        print_message("no %s: its documents are not checked\n", SNPLP_FUZZ_CORPUS_DIR);
    paths_keep_if_conventions(&p, others, false);
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

/* THE VERDICT TEST: for every document, the default and the strict import both succeed or
 * both fail; the strict import finds what the default one finds (plus its 220 findings); and
 * for a document that is well-formed and not refused (no finding 200-205), libxml2's XSD
 * validation finds something (220) exactly when the library's own checks find a breach of the
 * schema (210-217). */
static void default_and_strict_imports_agree(void **state)
{
    (void)state;
    paths p = all_documents();
    int bad = 0;
    size_t checked = 0, parity = 0;
    for (size_t i = 0; i < p.n; i++) {
        const char *path = p.at[i];
        result def = import_path(path, false);
        result str = import_path(path, true);
        bad += def.breaches + str.breaches;
        checked++;
        bool def_ok = def.rc == SNPLP_OK, str_ok = str.rc == SNPLP_OK;
        if (def_ok != str_ok) {
            print_error("VERDICT %s: default import %s, strict import %s\n", path,
                        snplp_status_name(def.rc), snplp_status_name(str.rc));
            print_diags("default", def.d);
            print_diags("strict", str.d);
            bad++;
        }
        unsigned char a[200], b[200];
        code_set(def.d, a);
        code_set(str.d, b);
        if (memcmp(a, b, sizeof a) != 0) {
            print_error("VERDICT %s: the strict import's own findings differ from the default "
                        "import's\n",
                        path);
            print_diags("default", def.d);
            print_diags("strict", str.d);
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
            if (xsd != own) {
                print_error("PARITY %s: libxml2's XSD validation %s (220), the default import "
                            "%s (210-217)\n",
                            base_name(path), xsd ? "finds a breach" : "finds none",
                            own ? "finds one" : "finds none");
                print_diags("default", def.d);
                print_diags("strict", str.d);
                bad++;
            }
        }
        if (def.ref && str.ref && !snplp_referential_equal(def.ref, str.ref)) {
            print_error("VERDICT %s: strict and default imports read different models\n", path);
            bad++;
        }
        result_free(&def);
        result_free(&str);
    }
    print_message("%zu documents, %zu checked for parity\n", checked, parity);
    paths_free(&p);
    assert_int_equal(bad, 0);
}

/* ---- the values read ---- */

static void complete_document_is_read_whole(void **state)
{
    (void)state;
    snplp_referential *ref = import_fixture_ok("valid-complete.xml");
    const snplp_strategy *s = snplp_referential_strategy(ref);
    assert_text(snplp_strategy_title(s),
                "Stratégie nationale de prévention et de lutte contre la pauvreté");
    assert_text(snplp_strategy_launch_date(s), "2018-09");
    int64_t cents = 0;
    assert_ok(snplp_strategy_budget_cents(&cents, s));
    assert_true(cents == 850000000000LL);
    assert_true(snplp_strategy_levers_open(s));
    assert_int_equal(snplp_strategy_label_count(s), 2);
    assert_text(snplp_strategy_label_at(s, 1), "stratégie pauvreté");
    assert_text(snplp_strategy_description(s),
                "En 2018, le Président de la République lançait la stratégie.\n"
                "Son ambition : lutter contre les inégalités de destin.");
    assert_text(snplp_strategy_budget_text(s), "8,5 milliards d’euros");

    assert_int_equal(snplp_referential_commitment_count(ref), 2);
    const snplp_commitment *c = snplp_referential_commitment_at(ref, 0);
    assert_text(snplp_commitment_id(c), "commitment-equal-start");
    assert_text(snplp_commitment_description(c), "Un engagement « phare » & décisif <2018>");
    assert_null(snplp_commitment_description(snplp_referential_commitment_at(ref, 1)));
    assert_int_equal(snplp_referential_lever_count(ref), 2);

    const snplp_training_plan *tp = snplp_referential_training_plan(ref);
    double days = 0;
    assert_ok(snplp_training_plan_max_module_days(&days, tp));
    assert_true(days == 5.0);
    assert_text(snplp_training_plan_audience(tp),
                "Les travailleurs sociaux titulaires d'un diplôme d'Etat.");
    assert_int_equal(snplp_training_plan_objective_count(tp), 1);
    assert_int_equal(snplp_training_plan_outcome_count(tp), 2);
    assert_true(snplp_outcome_for_involved(snplp_training_plan_outcome_at(tp, 0)));
    assert_false(snplp_outcome_for_involved(snplp_training_plan_outcome_at(tp, 1)));

    assert_int_equal(snplp_referential_theme_count(ref), 2);
    const snplp_theme *th = snplp_referential_theme_find(ref, "theme-insertion");
    assert_int_equal(snplp_theme_label_count(th), 2);
    assert_int_equal(snplp_theme_objective_count(th), 1);
    assert_int_equal(snplp_theme_outcome_count(th), 1);
    assert_false(snplp_outcome_for_involved(snplp_theme_outcome_at(th, 0)));
    assert_int_equal(snplp_theme_recommendation_count(th), 1);
    assert_int_equal(snplp_theme_module_count(th), 2);

    assert_int_equal(snplp_referential_module_count(ref), 3);
    const snplp_module *m = snplp_referential_module_find(ref, "module-insertion-fundamentals");
    assert_int_equal(snplp_module_level(m), SNPLP_LEVEL_FUNDAMENTALS);
    assert_ok(snplp_module_duration_days(&days, m));
    assert_true(days == 2.5);
    assert_text(snplp_module_subtitle(m), "module socle");
    assert_text(snplp_module_role(m), "orienter et coordonner");
    assert_int_equal(snplp_module_profession_count(m), 1);
    assert_int_equal(snplp_module_competence_count(m), 2);
    assert_int_equal(snplp_module_recommendation_count(m), 1);
    const snplp_competence *comp = snplp_module_competence_at(m, 0);
    assert_int_equal(snplp_competence_content_count(comp), 2);
    const snplp_content *head = snplp_competence_content_at(comp, 0);
    assert_int_equal(snplp_content_style(head), SNPLP_STYLE_HEADING);
    assert_int_equal(snplp_content_child_count(head), 2);
    const snplp_content *num = snplp_content_child_at(head, 0);
    assert_int_equal(snplp_content_style(num), SNPLP_STYLE_NUMBERED);
    assert_text(snplp_content_text(snplp_content_child_at(num, 0)), "la création d'entreprise");
    assert_int_equal(snplp_content_style(snplp_content_child_at(num, 0)), SNPLP_STYLE_BULLET);
    const snplp_module *ex = snplp_referential_module_find(ref, "module-insertion-expert");
    assert_int_equal(snplp_module_level(ex), SNPLP_LEVEL_EXPERT);
    assert_int_equal(snplp_module_prerequisite_count(ex), 1);
    assert_text(snplp_module_prerequisite_at(ex, 0), "module-insertion-fundamentals");
    assert_int_equal(snplp_module_profession_count(ex), 2);
    assert_text(snplp_module_profession_at(ex, 1), "profession-director");
    assert_status(
        snplp_module_duration_days(&days, snplp_referential_module_find(ref, "module-outreach")),
        SNPLP_ENOTFOUND);

    const snplp_profession *p = snplp_referential_profession_find(ref, "profession-ass");
    assert_int_equal(snplp_profession_category(p), SNPLP_CATEGORY_WORKER);
    assert_text(snplp_profession_abbreviation(p), "ASS");
    assert_int_equal(
        snplp_profession_category(snplp_referential_profession_find(ref, "profession-director")),
        SNPLP_CATEGORY_CADRE);
    int level = 0;
    assert_ok(snplp_diploma_rule_min_level(
        &level, snplp_referential_diploma_rule_find(ref, "diploma-rule-priority")));
    assert_int_equal(level, 6);
    assert_status(snplp_diploma_rule_min_level(
                      &level, snplp_referential_diploma_rule_find(ref, "diploma-rule-open")),
                  SNPLP_ENOTFOUND);
    const snplp_funding *f = snplp_referential_funding_find(ref, "funding-state");
    assert_ok(snplp_funding_amount_cents(&cents, f));
    assert_true(cents == 12345);
    assert_text(snplp_funding_period(f), "2019-2022");
    assert_text(snplp_funding_source_text(f), "123,45 euros");
    const snplp_plan *plan = snplp_referential_plan_find(ref, "plan-early-childhood");
    assert_int_equal(snplp_plan_plan_theme_count(plan), 2);
    assert_int_equal(snplp_plan_figure_count(plan), 2);
    assert_true(snplp_figure_value(snplp_plan_figure_at(plan, 0)) == 600000);
    assert_true(snplp_figure_value(snplp_plan_figure_at(plan, 1)) == -12);
    assert_int_equal(snplp_referential_item_count(ref), 36);
    snplp_referential_unref(ref);
}

/* Typed attribute values may have white space around them; texts are kept verbatim. */
static void whitespace_around_values_and_verbatim_texts(void **state)
{
    (void)state;
    snplp_referential *ref = import_fixture_ok("valid-whitespace.xml");
    const snplp_strategy *s = snplp_referential_strategy(ref);
    assert_text(snplp_strategy_launch_date(s), "2018-09-13");
    int64_t cents = 0;
    assert_ok(snplp_strategy_budget_cents(&cents, s));
    assert_true(cents == 850000000000LL);
    assert_false(snplp_strategy_levers_open(s));
    assert_text(snplp_strategy_title(s), "  Titre avec espaces  ");
    assert_text(snplp_strategy_description(s), "\n  première ligne\n  deuxième ligne\n");
    double days = 0;
    assert_ok(snplp_training_plan_max_module_days(&days, snplp_referential_training_plan(ref)));
    assert_true(days == 5.0);
    const snplp_outcome *o = snplp_referential_outcome_find(ref, "outcome-a");
    assert_true(snplp_outcome_for_involved(o));
    assert_text(snplp_outcome_text(o), "\ttabulation");
    const snplp_module *m = snplp_referential_module_find(ref, "module-a");
    assert_int_equal(snplp_module_level(m), SNPLP_LEVEL_EXPERT);
    assert_ok(snplp_module_duration_days(&days, m));
    assert_true(days == 2.5);
    const snplp_content *c = snplp_referential_content_find(ref, "content-a");
    assert_int_equal(snplp_content_style(c), SNPLP_STYLE_NUMBERED);
    assert_text(snplp_content_text(c), " X ");
    assert_int_equal(
        snplp_profession_category(snplp_referential_profession_find(ref, "profession-a")),
        SNPLP_CATEGORY_CADRE);
    int level = 0;
    assert_ok(snplp_diploma_rule_min_level(
        &level, snplp_referential_diploma_rule_find(ref, "diploma-rule-a")));
    assert_int_equal(level, 6);
    assert_ok(snplp_funding_amount_cents(&cents, snplp_referential_funding_find(ref, "funding-a")));
    assert_true(cents == 42);
    assert_true(snplp_figure_value(snplp_referential_figure_find(ref, "figure-a")) == -3);
    snplp_referential_unref(ref);
}

static void limits_markup_and_prefixes(void **state)
{
    (void)state;
    snplp_referential *ref = import_fixture_ok("valid-limits.xml");
    const snplp_strategy *s = snplp_referential_strategy(ref);
    assert_text(snplp_strategy_launch_date(s), "2020-02-29");
    int64_t cents = 0;
    assert_ok(snplp_strategy_budget_cents(&cents, s));
    assert_true(cents == INT64_MAX);
    double days = 0;
    assert_ok(snplp_module_duration_days(&days, snplp_referential_module_find(ref, "module-long")));
    assert_true(days == 9999.999999);
    assert_ok(
        snplp_module_duration_days(&days, snplp_referential_module_find(ref, "module-short")));
    assert_true(days == 0.000001);
    assert_ok(
        snplp_module_duration_days(&days, snplp_referential_module_find(ref, "module-whole")));
    assert_true(days == 10.0);
    assert_true(snplp_figure_value(snplp_referential_figure_find(ref, "figure-min")) == INT64_MIN);
    assert_true(snplp_figure_value(snplp_referential_figure_find(ref, "figure-max")) == INT64_MAX);
    assert_ok(
        snplp_funding_amount_cents(&cents, snplp_referential_funding_find(ref, "funding-max")));
    assert_true(cents == INT64_MAX);
    assert_ok(
        snplp_funding_amount_cents(&cents, snplp_referential_funding_find(ref, "funding-zero")));
    assert_true(cents == 0);
    snplp_referential_unref(ref);

    ref = import_fixture_ok("valid-markup.xml");
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "commitment-a")),
                "avantaprès");
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "commitment-b")),
                "a < b & c > d");
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "commitment-c")),
                "<>&'\" éé \U0001F600");
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "commitment-d")),
                "un mélange de & parties");
    snplp_referential_unref(ref);

    ref = import_fixture_ok("valid-prefixed.xml");
    assert_int_equal(snplp_referential_item_count(ref), 5);
    assert_text(snplp_module_title(snplp_referential_module_find(ref, "module-a")), "M");
    snplp_referential_unref(ref);

    char id[SNPLP_ID_MAX + 1];
    test_long_id(id, SNPLP_ID_MAX);
    ref = import_fixture_ok("valid-id-256.xml");
    assert_non_null(snplp_referential_commitment_find(ref, id));
    snplp_referential_unref(ref);

    ref = import_fixture_ok("valid-date-year.xml");
    assert_text(snplp_strategy_launch_date(snplp_referential_strategy(ref)), "1000");
    snplp_referential_unref(ref);
}

/* A text not in NFC is stored in NFC, with a warning: the import succeeds. */
static void text_not_in_nfc_is_normalized_with_a_warning(void **state)
{
    (void)state;
    result r = import_path(SNPLP_FIXTURES_DIR "/not-nfc.xml", false);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, SNPLP_OK);
    assert_int_equal(snplp_diagnostics_count(r.d), 1);
    const snplp_diagnostic *g = snplp_diagnostics_at(r.d, 0);
    assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_TEXT_NORMALIZED);
    assert_int_equal(snplp_diagnostic_severity(g), SNPLP_SEVERITY_WARNING);
    assert_int_equal(snplp_diagnostic_line(g), 4);
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(r.ref, "commitment-a")),
                "l'\u00e9galit\u00e9 des chances");
    result_free(&r);

    /* in memory too, and with NULL diagnostics */
    static const char doc[] = "<referential xmlns=\"urn:snplp:1.0\"><commitment id=\"c\"><title>"
                              "caf\x65\xcc\x81</title></commitment></referential>";
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_import_memory(&ref, NULL, doc, sizeof doc - 1, NULL, NULL));
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "c")), "caf\u00e9");
    snplp_referential_unref(ref);
}

/* ---- hostile documents ---- */

/* No text of /etc/passwd reaches a finding, the error message or a model; nothing is loaded. */
static void hostile_documents_are_refused_unexpanded(void **state)
{
    (void)state;
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
    static const char *const hostile[] = {
        "hostile-external-entity-file.xml", "hostile-external-entity-url.xml",
        "hostile-external-dtd.xml",         "hostile-parameter-entity.xml",
        "hostile-billion-laughs.xml",       "hostile-internal-entity.xml",
        "hostile-entity-in-attribute.xml",  "doctype-plain.xml",
    };
    for (size_t i = 0; i < COUNT_OF(hostile); i++) {
        size_t len = 0;
        char *data = fixture(hostile[i], &len);
        for (int strict = 0; strict < 2; strict++) {
            for (how h = FROM_FILE; h <= FROM_CALLBACK; h++) {
                char path[4096];
                result r = h == FROM_FILE
                               ? import_path(fixture_path(path, sizeof path, hostile[i]), strict)
                               : import_any(h, hostile[i], data, len, strict);
                if (r.rc != SNPLP_EPARSE || !has_code(r.d, SNPLP_DIAG_DOCTYPE))
                    print_diags(hostile[i], r.d);
                assert_int_equal(r.breaches, 0);
                assert_int_equal(r.rc, SNPLP_EPARSE);
                assert_true(has_code(r.d, SNPLP_DIAG_DOCTYPE));
                /* the doctype is fatal: nothing after it is reported */
                assert_int_equal(snplp_diagnostics_count(r.d), 1);
                for (size_t k = 0; k < snplp_diagnostics_count(r.d); k++) {
                    const char *msg = snplp_diagnostic_message(snplp_diagnostics_at(r.d, k));
                    assert_null(strstr(msg, secret));
                    assert_null(strstr(msg, "/bin/"));
                    assert_null(strstr(msg, "lollollol"));
                }
                assert_null(strstr(snplp_error_last_message(), secret));
                assert_null(strstr(snplp_error_last_message(), "/bin/"));
                result_free(&r);
            }
        }
        free(data);
    }
}

/* ---- generated inputs: nesting, text and attribute sizes ---- */

#define DOC_START "<referential xmlns=\"urn:snplp:1.0\">"
#define DOC_END   "</referential>"

/* A module whose one competence holds contents nested `contents` deep, each with its <text>
 * first: the deepest element is at depth 4 + contents (referential 1, module 2, competence 3,
 * the first content 4, its text 5). */
static text_buf nested_contents(size_t contents)
{
    text_buf t = {0};
    puts_(&t,
          DOC_START "<theme id=\"theme-t\"><title>T</title></theme>"
                    "<module id=\"module-m\" theme=\"theme-t\" level=\"expert\"><title>M</title>"
                    "<competence id=\"competence-c\"><title>C</title>");
    for (size_t i = 0; i < contents; i++) {
        char open[96];
        snprintf(open, sizeof open, "<content id=\"content-%zu\" style=\"bullet\"><text>x</text>",
                 i);
        puts_(&t, open);
    }
    put_repeat(&t, "</content>", contents);
    puts_(&t, "</competence></module>" DOC_END);
    return t;
}

/* A commitment ending with a foreign element nested `foreign` deep: the deepest element is at
 * depth 2 + foreign. */
static text_buf nested_foreign(size_t foreign)
{
    text_buf t = {0};
    puts_(&t, DOC_START "<commitment id=\"commitment-a\"><title>T</title>");
    put_repeat(&t, "<x:a xmlns:x=\"urn:example:x\">", foreign);
    put_repeat(&t, "</x:a>", foreign);
    puts_(&t, "</commitment>" DOC_END);
    return t;
}

static void expect_status(const text_buf *t, bool strict, int status, int code)
{
    result r = import_text(t->s, t->n, strict);
    if (r.rc != status || (code && !has_code(r.d, code)))
        print_diags("generated", r.d);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, status);
    if (code)
        assert_true(has_code(r.d, code));
    result_free(&r);
}

/* Nesting up to SNPLP_XML_MAX_DEPTH is read; one element deeper is refused (203, fatal). */
static void nesting_deeper_than_the_limit_is_refused(void **state)
{
    (void)state;
    assert_int_equal(SNPLP_XML_MAX_DEPTH, 100);
    for (int strict = 0; strict < 2; strict++) {
        text_buf t = nested_contents(96); /* depth 100 */
        expect_status(&t, strict, SNPLP_OK, 0);
        free(t.s);
        t = nested_contents(97); /* depth 101 */
        expect_status(&t, strict, SNPLP_EPARSE, SNPLP_DIAG_TOO_DEEP);
        free(t.s);
        t = nested_foreign(98); /* depth 100: kept as an extension */
        expect_status(&t, strict, SNPLP_OK, 0);
        free(t.s);
        t = nested_foreign(99); /* depth 101 */
        expect_status(&t, strict, SNPLP_EPARSE, SNPLP_DIAG_TOO_DEEP);
        free(t.s);
    }
    /* 101 nested contents; and very deep nesting: one fatal finding, quickly, no overflow */
    static const size_t deep[] = {101, 100000};
    for (size_t i = 0; i < COUNT_OF(deep); i++) {
        text_buf t = i == 0 ? nested_contents(deep[i]) : nested_foreign(deep[i]);
        result r = import_text(t.s, t.n, false);
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_EPARSE);
        assert_int_equal(count_code(r.d, SNPLP_DIAG_TOO_DEEP), 1);
        assert_int_equal(snplp_diagnostics_count(r.d), 1);
        result_free(&r);
        free(t.s);
    }

    /* the deepest document allowed goes round: export, import, equal */
    text_buf t = nested_foreign(98);
    snplp_referential *ref = import_ok(t.s, t.n);
    free(t.s);
    size_t len = 0;
    char *xml = export_text(ref, &len);
    snplp_referential *again = import_ok(xml, len);
    assert_true(snplp_referential_equal(ref, again));
    snplp_free(xml);
    snplp_referential_unref(again);
    snplp_referential_unref(ref);
}

/* A commitment whose title is `count` times unit (with `tail` after), then a second commitment
 * with an unknown attribute (a later, non-fatal problem) if `later`. */
static text_buf long_title(const char *unit, size_t count, const char *tail, bool later)
{
    text_buf t = {0};
    puts_(&t, DOC_START "<commitment id=\"commitment-a\"><title>");
    put_repeat(&t, unit, count);
    puts_(&t, tail);
    puts_(&t, "</title></commitment>");
    if (later)
        puts_(&t, "<commitment id=\"commitment-b\" color=\"red\"><title>B</title></commitment>");
    puts_(&t, DOC_END);
    return t;
}

/* Texts of up to SNPLP_XML_MAX_TEXT characters (not bytes) are read; longer ones are refused
 * (204, not fatal: the later problems are reported too). */
static void text_longer_than_the_limit_is_refused(void **state)
{
    (void)state;
    const size_t max = SNPLP_XML_MAX_TEXT;
    assert_int_equal(max, 1000000);

    /* 1 000 000 'é' (2 000 000 bytes) is fine, strict or not */
    text_buf t = long_title("é", max, "", false);
    for (int strict = 0; strict < 2; strict++) {
        result r = import_text(t.s, t.n, strict);
        if (r.rc != SNPLP_OK)
            print_diags("1000000 é", r.d);
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_OK);
        const char *title =
            snplp_commitment_title(snplp_referential_commitment_find(r.ref, "commitment-a"));
        assert_int_equal(strlen(title), 2 * max);
        assert_true(memcmp(title, "éé", 4) == 0);
        result_free(&r);
    }
    free(t.s);

    static const struct {
        const char *unit;
        size_t count;
        const char *tail;
        bool ok;
    } cases[] = {
        {"é", 1000001, "", false},
        {"a", 1000000, "", true},
        {"a", 1000001, "", false},
        {"a", 999999, "&amp;", true}, /* a reference is one character */
        {"a", 1000000, "&lt;", false},
        {"a", 999999, "<![CDATA[b]]>", true},
        {"a", 999999, "<![CDATA[bc]]>", false},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        t = long_title(cases[i].unit, cases[i].count, cases[i].tail, !cases[i].ok);
        result r = import_text(t.s, t.n, false);
        if ((r.rc == SNPLP_OK) != cases[i].ok)
            print_error("case %zu: %zu x '%s' + '%s': %s\n", i, cases[i].count, cases[i].unit,
                        cases[i].tail, snplp_status_name(r.rc));
        assert_int_equal(r.breaches, 0);
        if (cases[i].ok) {
            assert_int_equal(r.rc, SNPLP_OK);
        } else {
            if (count_code(r.d, SNPLP_DIAG_TEXT_TOO_LONG) != 1 ||
                !has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE))
                print_diags("long text", r.d);
            assert_int_equal(r.rc, SNPLP_EPARSE);
            assert_int_equal(count_code(r.d, SNPLP_DIAG_TEXT_TOO_LONG), 1);
            /* not fatal: the unknown attribute after it is reported too */
            assert_true(has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE));
        }
        result_free(&r);
        free(t.s);
    }

    /* the limit holds for the text of an extension element too */
    t = (text_buf){0};
    puts_(&t, DOC_START "<commitment id=\"commitment-a\"><title>T</title><x:n xmlns:x=\"urn:x\">");
    put_repeat(&t, "a", max + 1);
    puts_(&t, "</x:n></commitment>" DOC_END);
    expect_status(&t, false, SNPLP_EPARSE, SNPLP_DIAG_TEXT_TOO_LONG);
    free(t.s);
}

/* An attribute value of SNPLP_XML_MAX_ATTRIBUTE bytes is read; longer ones are refused (205,
 * not fatal). */
static void attribute_longer_than_the_limit_is_refused(void **state)
{
    (void)state;
    assert_int_equal(SNPLP_XML_MAX_ATTRIBUTE, 65536);
    static const struct {
        const char *unit;
        size_t count;
        const char *tail;
        bool ok;
    } cases[] = {
        {"a", 65536, "", true},   {"é", 32768, "", true},      {"a", 65537, "", false},
        {"é", 32768, "a", false}, {"a", 65535, "&amp;", true}, {"a", 65536, "&amp;", false},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        text_buf t = {0};
        puts_(&t, DOC_START "<commitment id=\"commitment-a\" xmlns:x=\"urn:example:x\" x:big=\"");
        put_repeat(&t, cases[i].unit, cases[i].count);
        puts_(&t, cases[i].tail);
        puts_(&t, "\"><title>T</title></commitment>");
        if (!cases[i].ok)
            puts_(&t,
                  "<commitment id=\"commitment-b\" color=\"red\"><title>B</title></commitment>");
        puts_(&t, DOC_END);
        result r = import_text(t.s, t.n, false);
        if ((r.rc == SNPLP_OK) != cases[i].ok) {
            print_error("case %zu: %s\n", i, snplp_status_name(r.rc));
            print_diags("long attribute", r.d);
        }
        assert_int_equal(r.breaches, 0);
        if (cases[i].ok) {
            assert_int_equal(r.rc, SNPLP_OK);
            assert_int_equal(snplp_referential_foreign_attribute_count(r.ref, "commitment-a"), 1);
            const char *value = NULL;
            assert_ok(snplp_referential_foreign_attribute_at(r.ref, "commitment-a", 0, NULL, NULL,
                                                             NULL, &value));
            assert_int_equal(strlen(value), SNPLP_XML_MAX_ATTRIBUTE);
        } else {
            assert_int_equal(r.rc, SNPLP_EPARSE);
            assert_int_equal(count_code(r.d, SNPLP_DIAG_ATTRIBUTE_TOO_LONG), 1);
            assert_true(has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE));
        }
        result_free(&r);
        free(t.s);
    }
}

/* ---- the contract of an import ---- */

static void import_refuses_bad_arguments(void **state)
{
    (void)state;
    static const char doc[] = DOC_START DOC_END;
    snplp_referential *out = SENTINEL;
    assert_fails(snplp_referential_import_memory(NULL, NULL, doc, sizeof doc - 1, NULL, NULL),
                 SNPLP_EINVAL);
    assert_fails(snplp_referential_import_memory(&out, NULL, NULL, 5, NULL, NULL), SNPLP_EINVAL);
    assert_fails(
        snplp_referential_import_file(NULL, NULL, SNPLP_FIXTURES_DIR "/valid-minimal.xml", NULL),
        SNPLP_EINVAL);
    assert_fails(snplp_referential_import_file(&out, NULL, NULL, NULL), SNPLP_EINVAL);
    reader rd = {.data = doc, .len = sizeof doc - 1, .chunk = 64, .fail_at = -1};
    assert_fails(snplp_referential_import_callback(NULL, NULL, read_chunk, &rd, NULL, NULL),
                 SNPLP_EINVAL);
    assert_fails(snplp_referential_import_callback(&out, NULL, NULL, &rd, NULL, NULL),
                 SNPLP_EINVAL);
    assert_ptr_equal(out, SENTINEL);

    /* options */
    assert_fails(snplp_import_options_new(NULL), SNPLP_EINVAL);
    assert_fails(snplp_import_options_set_strict(NULL, true), SNPLP_EINVAL);
    assert_fails(snplp_import_options_set_progress(NULL, NULL, NULL), SNPLP_EINVAL);
    assert_false(snplp_import_options_strict(NULL));
    snplp_import_options_free(NULL);
    snplp_import_options *o = NULL;
    assert_ok(snplp_import_options_new(&o));
    assert_false(snplp_import_options_strict(o));
    assert_ok(snplp_import_options_set_strict(o, true));
    assert_true(snplp_import_options_strict(o));
    assert_ok(snplp_import_options_set_strict(o, false));
    assert_false(snplp_import_options_strict(o));
    assert_ok(snplp_import_options_set_progress(o, NULL, NULL));
    snplp_import_options_free(o);
}

static void import_io_failures(void **state)
{
    (void)state;
    /* a file that is not there, a directory */
    static const char *const bad_paths[] = {SNPLP_FIXTURES_DIR "/no-such-file.xml",
                                            SNPLP_FIXTURES_DIR};
    for (size_t i = 0; i < COUNT_OF(bad_paths); i++) {
        for (int strict = 0; strict < 2; strict++) {
            result r = import_path(bad_paths[i], strict);
            assert_int_equal(r.breaches, 0);
            assert_int_equal(r.rc, SNPLP_EIO);
            assert_true(has_code(r.d, SNPLP_DIAG_IO));
            result_free(&r);
        }
    }
    /* a read callback that fails, at the start or in the middle */
    size_t len = 0;
    char *data = fixture("valid-complete.xml", &len);
    static const long fail_at[] = {0, 1, 100, 2000};
    for (size_t i = 0; i < COUNT_OF(fail_at); i++) {
        snplp_diagnostics *d = new_diags();
        reader rd = {.data = data, .len = len, .chunk = 7, .fail_at = fail_at[i]};
        snplp_referential *out = SENTINEL;
        snplp_error_clear();
        int rc = snplp_referential_import_callback(&out, d, read_chunk, &rd, "failing", NULL);
        assert_int_equal(contract_breaches("failing reader", rc, d, out, 0), 0);
        assert_int_equal(rc, SNPLP_EIO);
        assert_true(has_code(d, SNPLP_DIAG_IO));
        assert_ptr_equal(out, SENTINEL);
        snplp_diagnostics_free(d);
    }
    /* the reader is not called again once it said the input has ended */
    reader rd = {.data = data, .len = len, .chunk = 4096, .fail_at = -1};
    snplp_referential *out = NULL;
    assert_ok(snplp_referential_import_callback(&out, NULL, read_chunk, &rd, NULL, NULL));
    assert_int_equal(rd.calls_after_end, 0);
    snplp_referential_unref(out);
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

static void progress_is_reported_and_can_cancel(void **state)
{
    (void)state;
    /* a big file: the built-in referential's export */
    char dir[] = "/tmp/snplp-xml-progress-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/builtin.xml", dir);
    snplp_referential *ref = builtin();
    assert_ok(snplp_referential_export_file(ref, path));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);

    snplp_import_options *o = NULL;
    assert_ok(snplp_import_options_new(&o));
    progress p = {0};
    assert_ok(snplp_import_options_set_progress(o, on_progress, &p));
    snplp_referential *out = NULL;
    assert_ok(snplp_referential_import_file(&out, NULL, path, o));
    assert_true(snplp_referential_equal(out, ref));
    snplp_referential_unref(out);
    assert_true(p.calls >= 1);
    assert_true(p.increasing);
    assert_true(p.same_total);
    assert_true(p.total == (uint64_t)st.st_size);
    assert_true(p.last_done == (uint64_t)st.st_size);

    /* from memory: the total is the size (or not known) */
    size_t len = 0;
    char *data = slurp(path, &len);
    p = (progress){0};
    out = NULL;
    assert_ok(snplp_referential_import_memory(&out, NULL, data, len, NULL, o));
    snplp_referential_unref(out);
    assert_true(p.calls >= 1);
    assert_true(p.increasing);
    assert_true(p.total == len || p.total == 0);
    assert_true(p.last_done == len);

    /* through a callback: the total is not known */
    p = (progress){0};
    reader rd = {.data = data, .len = len, .chunk = 1000, .fail_at = -1};
    out = NULL;
    assert_ok(snplp_referential_import_callback(&out, NULL, read_chunk, &rd, NULL, o));
    snplp_referential_unref(out);
    assert_true(p.calls >= 1);
    assert_true(p.increasing);
    assert_true(p.total == 0);
    assert_true(p.last_done == len);

    /* cancelling: at the first call, or later; strict or not */
    for (int strict = 0; strict < 2; strict++) {
        assert_ok(snplp_import_options_set_strict(o, strict));
        for (size_t at = 1; at <= 2; at++) {
            for (how h = FROM_FILE; h <= FROM_CALLBACK; h++) {
                p = (progress){.cancel_at = at};
                snplp_diagnostics *d = new_diags();
                out = SENTINEL;
                snplp_error_clear();
                rd = (reader){.data = data, .len = len, .chunk = 1000, .fail_at = -1};
                int rc = h == FROM_FILE ? snplp_referential_import_file(&out, d, path, o)
                         : h == FROM_MEMORY
                             ? snplp_referential_import_memory(&out, d, data, len, NULL, o)
                             : snplp_referential_import_callback(&out, d, read_chunk, &rd, NULL, o);
                if (p.calls < at) { /* the input was read in fewer pieces */
                    assert_int_equal(rc, SNPLP_OK);
                    snplp_referential_unref(out);
                } else {
                    assert_int_equal(contract_breaches("cancelled", rc, d, out, 0), 0);
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
    out = NULL;
    assert_ok(snplp_referential_import_memory(&out, NULL, data, len, NULL, o));
    assert_int_equal(p.calls, 0);
    snplp_referential_unref(out);

    snplp_import_options_free(o);
    free(data);
    snplp_referential_unref(ref);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

/* A failed import leaves *out and every existing referential as they were; diagnostics are
 * appended to the caller's list; NULL diagnostics are fine. */
static void failed_import_changes_nothing(void **state)
{
    (void)state;
    snplp_referential *mine = builtin();
    snplp_referential *copy = builtin();
    snplp_diagnostics *d = new_diags();
    assert_ok(snplp_diagnostics_add(d, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL, "mine"));
    static const char *const bad[] = {"several-problems.xml", "duplicate-id.xml",
                                      "hostile-billion-laughs.xml", "truncated.xml"};
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        size_t len = 0;
        char *data = fixture(bad[i], &len);
        size_t before = snplp_diagnostics_count(d);
        snplp_referential *out = mine;
        snplp_error_clear();
        int rc = snplp_referential_import_memory(&out, d, data, len, bad[i], NULL);
        assert_true(rc == SNPLP_EPARSE || rc == SNPLP_EVALIDATION);
        assert_ptr_equal(out, mine);
        assert_true(snplp_diagnostics_count(d) > before);
        assert_text(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), "mine");
        /* the thread's last error repeats the first error found */
        const snplp_diagnostic *first = NULL;
        for (size_t k = before; k < snplp_diagnostics_count(d) && !first; k++)
            if (snplp_diagnostic_severity(snplp_diagnostics_at(d, k)) == SNPLP_SEVERITY_ERROR)
                first = snplp_diagnostics_at(d, k);
        assert_non_null(first);
        assert_int_equal(snplp_error_last_code(), rc);
        if (!strstr(snplp_error_last_message(), snplp_diagnostic_message(first)))
            print_error("%s: last error \"%s\" does not repeat the first finding \"%s\"\n", bad[i],
                        snplp_error_last_message(), snplp_diagnostic_message(first));
        assert_non_null(strstr(snplp_error_last_message(), snplp_diagnostic_message(first)));
        /* the same without diagnostics */
        out = mine;
        assert_fails(snplp_referential_import_memory(&out, NULL, data, len, bad[i], NULL), rc);
        assert_ptr_equal(out, mine);
        free(data);
    }
    assert_true(snplp_referential_equal(mine, copy));
    /* a success writes *out, and leaves the referential it held alone */
    snplp_referential *out = mine;
    size_t len = 0;
    char *data = fixture("valid-minimal.xml", &len);
    assert_ok(snplp_referential_import_memory(&out, d, data, len, NULL, NULL));
    assert_ptr_not_equal(out, mine);
    assert_true(snplp_referential_equal(mine, copy));
    snplp_referential_unref(out);
    free(data);
    snplp_diagnostics_free(d);
    snplp_referential_unref(mine);
    snplp_referential_unref(copy);
}

/* The name given to an import appears in what it reports. */
static void the_name_of_the_input_is_in_the_messages(void **state)
{
    (void)state;
    size_t len = 0;
    char *data = fixture("unknown-attribute.xml", &len);
    snplp_diagnostics *d = new_diags();
    snplp_referential *out = SENTINEL;
    assert_fails(snplp_referential_import_memory(&out, d, data, len, "input-name-42.xml", NULL),
                 SNPLP_EPARSE);
    bool named = strstr(snplp_error_last_message(), "input-name-42.xml") != NULL;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++)
        named |= strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, i)),
                        "input-name-42.xml") != NULL;
    if (!named)
        print_error("the name is in no message: %s\n", snplp_error_last_message());
    assert_true(named);
    snplp_diagnostics_free(d);
    free(data);
}

/* ---- export ---- */

static void export_refuses_bad_arguments(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    char *out = NULL;
    size_t n = 0;
    assert_fails(snplp_referential_export_memory(NULL, &n, ref), SNPLP_EINVAL);
    assert_fails(snplp_referential_export_memory(&out, &n, NULL), SNPLP_EINVAL);
    assert_null(out);
    assert_fails(snplp_referential_export_file(NULL, "/tmp/x.xml"), SNPLP_EINVAL);
    assert_fails(snplp_referential_export_file(ref, NULL), SNPLP_EINVAL);
    assert_fails(snplp_referential_export_callback(NULL, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_referential_export_callback(ref, NULL, NULL), SNPLP_EINVAL);
    /* size may be NULL */
    assert_ok(snplp_referential_export_memory(&out, NULL, ref));
    assert_non_null(out);
    snplp_free(out);
    snplp_referential_unref(ref);
}

/* A writer that keeps what it is given, and fails once more than fail_after bytes would have
 * been written. */
typedef struct sink {
    text_buf t;
    size_t fail_after, calls, calls_after_failing;
    bool failed;
} sink;

static int sink_write(void *user, const char *buf, size_t size)
{
    sink *s = user;
    s->calls++;
    if (s->failed) {
        s->calls_after_failing++;
        return -1;
    }
    if (s->t.n + size > s->fail_after) {
        s->failed = true;
        return s->calls % 2 ? -1 : 5; /* any non-zero value is a failure */
    }
    put(&s->t, buf, size);
    return 0;
}

/* Deterministic: the same model gives the same bytes, whatever the way out. */
static void export_is_deterministic(void **state)
{
    (void)state;
    snplp_referential *ref = builtin();
    size_t n1 = 0, n2 = 0;
    char *a = export_text(ref, &n1);
    char *b = export_text(ref, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    assert_int_equal(strncmp(a, xml_decl, strlen(xml_decl)), 0);
    assert_int_equal(a[n1], '\0');
    /* another referential with the same content */
    snplp_referential *other = builtin();
    char *c = export_text(other, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, c, n1);
    /* through a callback, in pieces */
    sink s = {.fail_after = SIZE_MAX};
    assert_ok(snplp_referential_export_callback(ref, sink_write, &s));
    assert_int_equal(s.t.n, n1);
    assert_memory_equal(s.t.s, a, n1);
    /* to a file */
    char dir[] = "/tmp/snplp-xml-export-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/out.xml", dir);
    assert_ok(snplp_referential_export_file(ref, path));
    size_t fl = 0;
    char *f = slurp(path, &fl);
    assert_int_equal(fl, n1);
    assert_memory_equal(f, a, n1);
    /* over an existing file */
    snplp_referential *small = test_new_referential();
    assert_ok(snplp_referential_export_file(small, path));
    free(f);
    f = slurp(path, &fl);
    char *sm = export_text(small, &n2);
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
    snplp_referential_unref(small);
    snplp_referential_unref(other);
    snplp_referential_unref(ref);
}

/* A writer failing after N bytes: SNPLP_EIO, and it is not called again. */
static void export_stops_at_the_first_write_error(void **state)
{
    (void)state;
    snplp_referential *ref = builtin();
    size_t len = 0;
    char *whole = export_text(ref, &len);
    const size_t fail_after[] = {0, 1, 38, 39, 1000, len / 2, len - 1};
    for (size_t i = 0; i < COUNT_OF(fail_after); i++) {
        size_t before = snplp_memory_used();
        sink s = {.fail_after = fail_after[i]};
        assert_fails(snplp_referential_export_callback(ref, sink_write, &s), SNPLP_EIO);
        assert_true(s.failed);
        assert_int_equal(s.calls_after_failing, 0);
        assert_true(s.t.n <= fail_after[i]);
        if (s.t.n)
            assert_memory_equal(s.t.s, whole, s.t.n);
        assert_int_equal(snplp_memory_used(), before);
        free(s.t.s);
    }
    snplp_free(whole);
    snplp_referential_unref(ref);
}

/* Writing to a path is atomic: with the file size limited below the new document's size, the
 * export fails, the old file is whole and no temporary file is left. */
static void export_file_is_atomic(void **state)
{
    (void)state;
    char dir[] = "/tmp/snplp-xml-atomic-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/referential.xml", dir);
    snplp_referential *small = import_fixture_ok("valid-minimal.xml");
    assert_ok(snplp_referential_export_file(small, path));
    size_t old_len = 0;
    char *old = slurp(path, &old_len);
    snplp_referential *big = builtin();
    size_t big_len = 0;
    char *big_xml = export_text(big, &big_len);
    assert_true(big_len > 4 * old_len);
    snplp_free(big_xml);

    /* the child reports its export's status through a pipe: its exit status may be a tool's
     * (valgrind's --error-exitcode) */
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {.rlim_cur = big_len / 2, .rlim_max = big_len / 2};
        int rc =
            setrlimit(RLIMIT_FSIZE, &rl) == 0 ? snplp_referential_export_file(big, path) : 1000;
        snplp_referential_unref(big);
        snplp_referential_unref(small);
        free(old);
        ssize_t w = write(fds[1], &rc, sizeof rc);
        close(fds[1]);
        _exit(w == (ssize_t)sizeof rc ? 0 : 1);
    }
    close(fds[1]);
    int child_rc = 1001;
    ssize_t got = read(fds[0], &child_rc, sizeof child_rc);
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_int_equal(got, sizeof child_rc);
    if (child_rc != SNPLP_EIO)
        print_error("the child's export: %s\n",
                    child_rc == 1000 ? "setrlimit failed" : snplp_status_name(child_rc));
    assert_int_equal(child_rc, SNPLP_EIO);
    size_t now_len = 0;
    char *now = slurp(path, &now_len);
    assert_non_null(now);
    assert_int_equal(now_len, old_len);
    assert_memory_equal(now, old, old_len);
    char *listing = dir_listing(dir);
    assert_string_equal(listing, "referential.xml");
    free(listing);
    free(now);

    /* into a directory that does not exist */
    char missing[4096];
    snprintf(missing, sizeof missing, "%s/no-such-dir/referential.xml", dir);
    assert_fails(snplp_referential_export_file(small, missing), SNPLP_EIO);
    /* over a directory */
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_fails(snplp_referential_export_file(small, sub), SNPLP_EIO);
    struct stat st;
    assert_int_equal(stat(sub, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    listing = dir_listing(dir);
    assert_string_equal(listing, "referential.xml/sub");
    free(listing);
    listing = dir_listing(sub);
    assert_string_equal(listing, "");
    free(listing);
    /* the old file is still whole */
    now = slurp(path, &now_len);
    assert_int_equal(now_len, old_len);
    assert_memory_equal(now, old, old_len);
    free(now);

    assert_int_equal(rmdir(sub), 0);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
    free(old);
    snplp_referential_unref(big);
    snplp_referential_unref(small);
}

/* ---- round trips ---- */

/* import -> export -> import gives an equal model; export -> import -> export the same bytes;
 * the export also passes the strict import. */
static int round_trip_breaches(const char *what, const snplp_referential *ref)
{
    int bad = 0;
    size_t n1 = 0, n2 = 0;
    char *x1 = export_text(ref, &n1);
    result r = import_text(x1, n1, true);
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
        if (!snplp_referential_equal(ref, r.ref)) {
            print_error("%s: import(export(x)) is not equal to x\n", what);
            bad++;
        }
        char *x2 = export_text(r.ref, &n2);
        if (n1 != n2 || memcmp(x1, x2, n1) != 0) {
            print_error("%s: export(import(export(x))) differs from export(x)\n", what);
            bad++;
        }
        snplp_free(x2);
    }
    result_free(&r);
    snplp_free(x1);
    return bad;
}

static void round_trips(void **state)
{
    (void)state;
    int bad = 0;
    snplp_referential *ref = builtin();
    bad += round_trip_breaches("the built-in referential", ref);
    snplp_referential_unref(ref);
    ref = test_new_referential();
    bad += round_trip_breaches("an empty referential", ref);
    snplp_referential_unref(ref);

    /* every example, and every fixture that imports */
    paths p = {0};
    if (!paths_add_dir(&p, SNPLP_EXAMPLES_DATA_DIR, NULL, true))
        print_message("no %s: no example checked\n", SNPLP_EXAMPLES_DATA_DIR);
    paths_keep_if_conventions(&p, 0, false);
    size_t examples = p.n;
    assert_true(paths_add_dir(&p, SNPLP_FIXTURES_DIR, ".xml", false));
    size_t checked = 0;
    for (size_t i = 0; i < p.n; i++) {
        result r = import_path(p.at[i], false);
        if (r.rc != SNPLP_OK && i < examples) {
            print_error("example %s does not import: %s\n", p.at[i], snplp_status_name(r.rc));
            print_diags(p.at[i], r.d);
            bad++;
        }
        if (r.rc == SNPLP_OK) {
            bad += round_trip_breaches(p.at[i], r.ref);
            checked++;
        }
        result_free(&r);
    }
    print_message("%zu examples, %zu documents went round\n", examples, checked);
    paths_free(&p);
    assert_int_equal(bad, 0);
}

/* The export of what the import read is the model, whatever the characters of its texts. */
static void texts_of_every_kind_go_round(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "a & b < c > d \" ' e",
        "]]> and ]]&gt;",
        "line\nline\n",
        "carriage\r\nreturn\r",
        "\ttab and  two spaces ",
        " ",
        "émoji \U0001F600, « guillemets », œ, \u202f",
        "<!-- not a comment --> <?not a pi?> <![CDATA[not cdata]]>",
        "&amp; &#233; &foo;",
    };
    snplp_referential *ref = test_new_referential();
    for (size_t i = 0; i < COUNT_OF(texts); i++) {
        char id[32];
        snprintf(id, sizeof id, "commitment-%zu", i);
        snplp_commitment *c = NULL;
        assert_ok(snplp_referential_add_commitment(&c, ref, id, "T"));
        assert_ok(snplp_commitment_set_description(c, texts[i]));
        snprintf(id, sizeof id, "lever-%zu", i);
        snplp_lever *l = NULL;
        assert_ok(snplp_referential_add_lever(&l, ref, id, "L"));
        assert_ok(snplp_lever_set_description(l, texts[i]));
    }
    assert_ok(snplp_strategy_add_label(snplp_referential_strategy(ref), "a\r\nb"));
    assert_ok(snplp_strategy_set_launch_date(snplp_referential_strategy(ref), "2018-09-13"));
    snplp_theme *th = NULL;
    assert_ok(snplp_referential_add_theme(&th, ref, "theme-t", "T"));
    snplp_module *m = NULL;
    assert_ok(
        snplp_referential_add_module(&m, ref, "theme-t", "module-m", SNPLP_LEVEL_EXPERT, "M"));
    assert_ok(snplp_module_set_duration_days(m, 1.0 / 3.0));
    snplp_module *m2 = NULL;
    assert_ok(snplp_referential_add_module(&m2, ref, "theme-t", "module-n",
                                           SNPLP_LEVEL_FUNDAMENTALS, "N"));
    assert_ok(snplp_module_set_duration_days(m2, 9999.999999));
    assert_ok(snplp_training_plan_set_max_module_days(snplp_referential_training_plan(ref),
                                                      10000 - 0.000001));
    snplp_plan *plan = NULL;
    assert_ok(snplp_referential_add_plan(&plan, ref, "plan-p", "P"));
    assert_ok(snplp_plan_add_figure(NULL, plan, "figure-f", INT64_MIN, "F"));
    assert_ok(snplp_plan_add_figure(NULL, plan, "figure-g", INT64_MAX, "G"));
    assert_ok(snplp_strategy_set_budget_cents(snplp_referential_strategy(ref), INT64_MAX));
    assert_int_equal(round_trip_breaches("texts of every kind", ref), 0);
    snplp_referential_unref(ref);
}

/* A read callback giving one byte at a time reads the built-in referential's export whole. */
static void one_byte_at_a_time(void **state)
{
    (void)state;
    snplp_referential *ref = builtin();
    size_t len = 0;
    char *xml = export_text(ref, &len);
    for (int strict = 0; strict < 2; strict++) {
        snplp_import_options *o = NULL;
        assert_ok(snplp_import_options_new(&o));
        assert_ok(snplp_import_options_set_strict(o, strict));
        reader rd = {.data = xml, .len = len, .chunk = 1, .fail_at = -1};
        snplp_referential *out = NULL;
        snplp_diagnostics *d = new_diags();
        assert_ok(snplp_referential_import_callback(&out, d, read_chunk, &rd, "one byte", o));
        assert_int_equal(snplp_diagnostics_count(d), 0);
        assert_true(snplp_referential_equal(out, ref));
        snplp_diagnostics_free(d);
        snplp_referential_unref(out);
        snplp_import_options_free(o);
    }
    snplp_free(xml);
    snplp_referential_unref(ref);
}

/* Imports and exports run in several threads at once (the strict mode's compiled schema is
 * shared): each thread reads the same models and finds the same problems. */
typedef struct thread_job {
    const char *xml;
    size_t len;
    bool strict;
    int failures;
} thread_job;

static void *import_in_thread(void *arg)
{
    thread_job *job = arg;
    snplp_import_options *o = NULL;
    if (snplp_import_options_new(&o) != SNPLP_OK) {
        job->failures++;
        return NULL;
    }
    snplp_import_options_set_strict(o, job->strict);
    for (int i = 0; i < 20; i++) {
        snplp_referential *ref = NULL;
        if (snplp_referential_import_memory(&ref, NULL, job->xml, job->len, NULL, o) != SNPLP_OK) {
            job->failures++;
            continue;
        }
        char *out = NULL;
        size_t n = 0;
        if (snplp_referential_export_memory(&out, &n, ref) != SNPLP_OK)
            job->failures++;
        snplp_free(out);
        snplp_referential_unref(ref);
        snplp_diagnostics *d = NULL;
        snplp_diagnostics_new(&d);
        static const char bad[] = DOC_START "<commitment id=\"c\" color=\"red\"><title>T</title>"
                                            "</commitment>" DOC_END;
        ref = NULL;
        if (snplp_referential_import_memory(&ref, d, bad, sizeof bad - 1, NULL, o) !=
                SNPLP_EPARSE ||
            !has_code(d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE) ||
            has_code(d, SNPLP_DIAG_SCHEMA) != job->strict)
            job->failures++;
        snplp_diagnostics_free(d);
    }
    snplp_import_options_free(o);
    return NULL;
}

static void imports_in_threads(void **state)
{
    (void)state;
    size_t len = 0;
    char *xml = fixture("valid-extensions.xml", &len);
    enum { N = 6 };
    pthread_t th[N];
    thread_job jobs[N];
    for (int i = 0; i < N; i++) {
        jobs[i] = (thread_job){.xml = xml, .len = len, .strict = i % 2};
        assert_int_equal(pthread_create(&th[i], NULL, import_in_thread, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        assert_int_equal(jobs[i].failures, 0);
    }
    free(xml);
}

/* ---- out of memory ---- */

typedef struct import_ctx {
    const char *xml;
    size_t len;
    bool strict, with_diags;
    snplp_referential *out;
} import_ctx;

static int import_step(void *ctx)
{
    import_ctx *c = ctx;
    c->out = SENTINEL;
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
    rc = snplp_referential_import_memory(&c->out, d, c->xml, c->len, "oom", o);
    snplp_diagnostics_free(d);
    snplp_import_options_free(o);
    return rc;
}

static void import_check(void *ctx)
{
    import_ctx *c = ctx;
    assert_ptr_equal(c->out, SENTINEL);
}

static void import_out_of_memory(void **state)
{
    (void)state;
    snplp__alloc_fail_after(-1); /* whatever a failed test before left */
    static const char *const docs[] = {"valid-minimal.xml", "not-nfc.xml", "valid-complete.xml",
                                       "valid-extensions.xml"};
    for (size_t i = 0; i < COUNT_OF(docs); i++) {
        size_t len = 0;
        char *xml = fixture(docs[i], &len);
        for (int strict = 0; strict < 2; strict++) {
            for (int with_diags = 0; with_diags < 2; with_diags++) {
                import_ctx c = {.xml = xml, .len = len, .strict = strict, .with_diags = with_diags};
                /* a first run, so that what the library sets up once is there */
                assert_ok(import_step(&c));
                snplp_referential *want = c.out;
                int runs = test_oom_sweep(import_step, import_check, &c);
                assert_true(runs > 10);
                assert_true(snplp_referential_equal(c.out, want));
                snplp_referential_unref(c.out);
                snplp_referential_unref(want);
            }
        }
        free(xml);
    }
}

typedef struct export_ctx {
    const snplp_referential *ref;
    bool callback;
    char *out;
} export_ctx;

static int export_step(void *ctx)
{
    export_ctx *c = ctx;
    if (c->callback) {
        sink s = {.fail_after = SIZE_MAX};
        int rc = snplp_referential_export_callback(c->ref, sink_write, &s);
        free(s.t.s);
        return rc;
    }
    c->out = NULL;
    return snplp_referential_export_memory(&c->out, NULL, c->ref);
}

static void export_out_of_memory(void **state)
{
    (void)state;
    snplp__alloc_fail_after(-1); /* whatever a failed test before left */
    snplp_referential *ref = import_fixture_ok("valid-extensions.xml");
    for (int callback = 0; callback < 2; callback++) {
        export_ctx c = {.ref = ref, .callback = callback};
        int runs = test_oom_sweep(export_step, NULL, &c);
        assert_true(runs > 0);
        if (!callback) {
            char *want = export_text(ref, NULL);
            assert_string_equal(c.out, want);
            snplp_free(want);
            snplp_free(c.out);
        }
    }
    snplp_referential_unref(ref);
}

/* ---- the schema ---- */

static void the_schema_is_compiled_in(void **state)
{
    (void)state;
    const char *xsd = snplp_xml_schema();
    assert_non_null(xsd);
    assert_ptr_equal(xsd, snplp_xml_schema());
    assert_non_null(strstr(xsd, "targetNamespace=\"" SNPLP_XML_NAMESPACE "\""));
    assert_non_null(strstr(xsd, "<xs:complexType name=\"module\">"));
    assert_string_equal(SNPLP_XML_NAMESPACE, "urn:snplp:1.0");
}

/* Texts read from XML skip the library's second UTF-8 check and its normalizer when they are
 * made of code points that are always in NFC (text.c): around those ranges, each code point
 * alone and before a combining accent is stored as ICU normalizes it. */
static void imported_texts_are_nfc_like_icu_says(void **state)
{
    (void)state;
    size_t cap = 1 << 20, n = 0;
    char *doc = malloc(cap);
    assert_non_null(doc);
    n += (size_t)snprintf(doc + n, cap - n, "<referential xmlns=\"urn:snplp:1.0\">\n");
    UChar32 cps[1200];
    size_t count = 0;
    for (UChar32 cp = 0x80; cp <= 0x2100; cp++) {
        if (cp == 0x300)
            cp = 0x1FF0;
        cps[count++] = cp;
    }
    for (size_t i = 0; i < count; i++) {
        char one[8] = {0};
        size_t k = 0;
        UBool err = false;
        U8_APPEND((uint8_t *)one, k, 8, cps[i], err);
        assert_false(err);
        n += (size_t)snprintf(doc + n, cap - n,
                              "<commitment id=\"c%zu\"><title>x%s</title><description>x%s\xcc\x81"
                              "</description></commitment>\n",
                              i, one, one);
        assert_true(n < cap);
    }
    n += (size_t)snprintf(doc + n, cap - n, "</referential>\n");
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_import_memory(&ref, NULL, doc, n, "nfc", NULL));
    for (size_t i = 0; i < count; i++) {
        char id[32], in[16], want[32];
        snprintf(id, sizeof id, "c%zu", i);
        const snplp_commitment *c = snplp_referential_commitment_find(ref, id);
        for (int form = 0; form < 2; form++) {
            size_t k = 1; /* after a letter: some of these code points are white space */
            UBool err = false;
            in[0] = 'x';
            U8_APPEND((uint8_t *)in, k, 8, cps[i], err);
            assert_false(err);
            if (form)
                memcpy(in + k, "\xcc\x81", 2), k += 2;
            in[k] = '\0';
            UErrorCode st = U_ZERO_ERROR;
            UChar a[8], b[8];
            int32_t la = 0;
            u_strFromUTF8(a, 8, &la, in, -1, &st);
            int32_t lb = unorm2_normalize(unorm2_getNFCInstance(&st), a, la, b, 8, &st);
            u_strToUTF8(want, sizeof want, NULL, b, lb, &st);
            assert_false(U_FAILURE(st));
            const char *got = form ? snplp_commitment_description(c) : snplp_commitment_title(c);
            if (strcmp(got, want) != 0)
                print_error("U+%04X form %d: stored differs from ICU's NFC\n", (unsigned)cps[i],
                            form);
            assert_string_equal(got, want);
        }
    }
    snplp_referential_unref(ref);
    free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_fixture_is_in_the_table),
        cmocka_unit_test(fixtures_give_their_expected_findings),
        cmocka_unit_test(default_and_strict_imports_agree),
        cmocka_unit_test(complete_document_is_read_whole),
        cmocka_unit_test(whitespace_around_values_and_verbatim_texts),
        cmocka_unit_test(limits_markup_and_prefixes),
        cmocka_unit_test(text_not_in_nfc_is_normalized_with_a_warning),
        cmocka_unit_test(imported_texts_are_nfc_like_icu_says),
        cmocka_unit_test(hostile_documents_are_refused_unexpanded),
        cmocka_unit_test(nesting_deeper_than_the_limit_is_refused),
        cmocka_unit_test(text_longer_than_the_limit_is_refused),
        cmocka_unit_test(attribute_longer_than_the_limit_is_refused),
        cmocka_unit_test(import_refuses_bad_arguments),
        cmocka_unit_test(import_io_failures),
        cmocka_unit_test(progress_is_reported_and_can_cancel),
        cmocka_unit_test(failed_import_changes_nothing),
        cmocka_unit_test(the_name_of_the_input_is_in_the_messages),
        cmocka_unit_test(export_refuses_bad_arguments),
        cmocka_unit_test(export_is_deterministic),
        cmocka_unit_test(export_stops_at_the_first_write_error),
        cmocka_unit_test(export_file_is_atomic),
        cmocka_unit_test(round_trips),
        cmocka_unit_test(texts_of_every_kind_go_round),
        cmocka_unit_test(one_byte_at_a_time),
        cmocka_unit_test(imports_in_threads),
        cmocka_unit_test(import_out_of_memory),
        cmocka_unit_test(export_out_of_memory),
        cmocka_unit_test(the_schema_is_compiled_in),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
