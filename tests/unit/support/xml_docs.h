/* The kinds of XML documents (a referential, a file of conventions, training records), seen through
 * one description, and the tests their imports and exports share (xml_docs.c): test_xml.c and
 * test_convention_xml.c run them over their own document kind and fixtures.
 *
 * Every import is checked against the contract of xml.h (xml_contract_breaches()): the status
 * matches the findings, *out is untouched on error, every finding from the document has a line
 * and a column; what differs between the kinds (which codes, which findings name an item) is
 * in their description. */
#ifndef SNPLP_TEST_XML_DOCS_H
#define SNPLP_TEST_XML_DOCS_H

#include "test_files.h"

#include <snplp/records.h>

#ifndef SNPLP_FIXTURES_DIR
#define SNPLP_FIXTURES_DIR "tests/fixtures/xml"
#endif
#ifndef SNPLP_CONVENTION_FIXTURES_DIR
#define SNPLP_CONVENTION_FIXTURES_DIR SNPLP_FIXTURES_DIR "/../xml-conventions"
#endif
#ifndef SNPLP_RECORDS_FIXTURES_DIR
#define SNPLP_RECORDS_FIXTURES_DIR SNPLP_FIXTURES_DIR "/../xml-records"
#endif
#ifndef SNPLP_EXAMPLES_DATA_DIR
#define SNPLP_EXAMPLES_DATA_DIR "examples/data"
#endif
#define SNPLP_FUZZ_CORPUS_DIR SNPLP_FIXTURES_DIR "/../../fuzz/corpus"
#define SNPLP_BUILTIN_DATA    SNPLP_FIXTURES_DIR "/../../../libsnplp/data/referential.xml"

/* What *out holds before an import: an import that fails must leave it so. */
#define XML_SENTINEL ((void *)(uintptr_t)1)

extern const char xml_decl[];

/* A kind of document: its functions, and what the contract of its import adds. */
typedef struct xml_doc {
    const char *name;      /* "referential", "list" */
    const char *file_name; /* of its exports in a temporary directory */
    const char *fixtures;  /* the directory of its fixtures */
    const char *minimal;   /* the smallest good document */
    int kind;              /* its root: 0 <referential>, 1 <conventions>, 2 <records> */
    int (*import_file)(void **out, snplp_diagnostics *d, const char *path,
                       const snplp_import_options *o);
    int (*import_memory)(void **out, snplp_diagnostics *d, const void *data, size_t size,
                         const char *name, const snplp_import_options *o);
    int (*import_callback)(void **out, snplp_diagnostics *d, snplp_read_fn read, void *user,
                           const char *name, const snplp_import_options *o);
    int (*export_file)(const void *doc, const char *path);
    int (*export_memory)(char **out, size_t *size, const void *doc);
    int (*export_callback)(const void *doc, snplp_write_fn write, void *user);
    bool (*equal)(const void *a, const void *b);
    void (*free)(void *doc);
    void *(*big)(void);   /* a big document (more than 4 times the small one) */
    void *(*small)(void); /* a small one (written first in the atomic export test) */
    /* the contract: codes of model errors beside 230 and 231, codes whose findings name an
     * item, whether only codes 200-299 and errors (but 240) may be found, whether a document
     * read holds something (count() > 0) */
    int model_lo, model_hi, item_lo, item_hi;
    bool codes_200_only;
    size_t (*count)(const void *doc);
} xml_doc;

extern const xml_doc xml_referential;
extern const xml_doc xml_conventions;
extern const xml_doc xml_records;

/* Records of n workers of two employers, n sessions and 3n attendance records, with extensions:
 * made through the API (snplp_records_unref()). */
snplp_records *xml_make_records(size_t n);

/* ---- imports ---- */

char *xml_fixture_path(const xml_doc *x, char *buf, size_t size, const char *name);
/* The fixture named name, to free(). */
char *xml_fixture(const xml_doc *x, const char *name, size_t *len);

/* The breaches of the contract of an import (from finding number first on), each printed. */
int xml_contract_breaches(const xml_doc *x, const char *what, int rc, const snplp_diagnostics *d,
                          const void *out, size_t first);

/* One import's outcome. */
typedef struct xml_result {
    int rc;
    void *doc; /* NULL unless SNPLP_OK */
    snplp_diagnostics *d;
    int breaches; /* of the contract */
} xml_result;

typedef enum xml_how { FROM_FILE, FROM_MEMORY, FROM_CALLBACK } xml_how;

const char *xml_how_name(xml_how h);
xml_result xml_import_any(const xml_doc *x, xml_how h, const char *path_or_name, const char *data,
                          size_t len, bool strict);
xml_result xml_import_path(const xml_doc *x, const char *path, bool strict);
xml_result xml_import_text(const xml_doc *x, const char *data, size_t len, bool strict);
void xml_result_free(const xml_doc *x, xml_result *r);
/* Imports what must be a good document, with no finding at all: fails the test otherwise. */
void *xml_import_ok(const xml_doc *x, const char *data, size_t len);
void *xml_import_path_ok(const xml_doc *x, const char *path);
void *xml_import_fixture_ok(const xml_doc *x, const char *name);
/* The export of doc, to snplp_free(). */
char *xml_export_text(const xml_doc *x, const void *doc, size_t *len);
/* Imports text (strict or not): the status must be status, and with a code, exactly one
 * finding of it (and nothing else but the strict import's 220, after a non-fatal one). */
void xml_expect_status(const xml_doc *x, const char *text, size_t len, bool strict, int status,
                       int code);

/* The document text imports with no finding, its export imports back equal. */
void xml_text_goes_round(const xml_doc *x, const char *text, size_t len);

/* Imports the fixture from its file: it succeeds with exactly one finding, the warning code at
 * line. The result is the caller's to free. */
xml_result xml_import_one_warning(const xml_doc *x, const char *fixture, int code, size_t line);

/* Imports text from memory with NULL diagnostics and no name: it must succeed. */
void *xml_import_quietly(const xml_doc *x, const char *text);

/* Texts of every kind XML writes with care: markup characters, line ends, spaces, characters
 * beyond the BMP, look-alikes of comments, PIs, CDATA and references. */
extern const char *const xml_tricky_texts[];
extern const size_t xml_ntricky_texts;

/* import -> export -> import gives an equal document; export -> import -> export the same bytes;
 * the export passes the strict import with no finding at all. Returns the breaches, printed. */
int xml_round_trip_breaches(const xml_doc *x, const char *what, const void *doc);

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

/* What a test program gives the shared tests (as their state): its kind of document, its
 * fixtures and their expectations, and the fixtures some tests use. */
typedef struct xml_suite {
    const xml_doc *doc;
    const char *test_file; /* named in the messages */
    const fixture_case *cases;
    size_t ncases;
    const char *const *hostile; /* fixtures with a doctype */
    size_t nhostile;
    const char *const *failing; /* fixtures whose import fails */
    size_t nfailing;
    const char *read_sample; /* a path, read by failing readers */
    const char *const *oom;  /* paths imported out of memory */
    size_t noom;
    const char *const *oom_export; /* fixtures exported out of memory */
    size_t noom_export;
    /* the verdict test: a document whose own breach libxml2 cannot see (NULL: none), and the
     * fixtures libxml2 is known to accept wrongly */
    bool (*own_breach_unseen)(const snplp_diagnostics *d);
    const char *const *libxml2_misses;
    size_t nlibxml2_misses;
    size_t min_examples, min_round_trips, min_unseen;
    size_t min_kept; /* fixtures whose only errors are the model's rules (keep_invalid) */
} xml_suite;

/* In a suite's initializer: a list and its length, as .name = array, .nname = its count. */
#define XML_LIST(name, array) .name = (array), .n##name = COUNT_OF(array)

/* A cmocka test of a shared body over the suite s. */
#define XML_TEST(f, s) cmocka_unit_test_prestate(f, (void *)(s))

const fixture_case *xml_find_case(const xml_suite *s, const char *file);
int xml_expectation_mismatches(const fixture_case *fx, const xml_result *r, const char *way);
/* Whether two imports found the same findings: codes, severities, lines, columns, items. */
bool xml_same_findings(const snplp_diagnostics *a, const snplp_diagnostics *b);

/* ---- the shared tests (state: an xml_suite) ---- */

void xml_every_fixture_is_in_the_table(void **state);
void xml_fixtures_give_their_expected_findings(void **state);
void xml_default_and_strict_imports_agree(void **state);
void xml_hostile_documents_are_refused_unexpanded(void **state);
void xml_import_refuses_bad_arguments(void **state);
void xml_import_io_failures(void **state);
void xml_progress_is_reported_and_can_cancel(void **state);
void xml_failed_import_changes_nothing(void **state);
void xml_export_refuses_bad_arguments(void **state);
void xml_export_is_deterministic(void **state);
void xml_export_stops_at_the_first_write_error(void **state);
void xml_export_file_is_atomic(void **state);
void xml_round_trips(void **state);
void xml_keep_invalid_reads_back(void **state);
void xml_import_out_of_memory(void **state);
void xml_export_out_of_memory(void **state);

/* Every shared test over the suite s, for the start of a program's list of tests. */
#define XML_SHARED_TESTS(s)                                                                        \
    XML_TEST(xml_every_fixture_is_in_the_table, s),                                                \
        XML_TEST(xml_fixtures_give_their_expected_findings, s),                                    \
        XML_TEST(xml_default_and_strict_imports_agree, s),                                         \
        XML_TEST(xml_hostile_documents_are_refused_unexpanded, s),                                 \
        XML_TEST(xml_import_refuses_bad_arguments, s), XML_TEST(xml_import_io_failures, s),        \
        XML_TEST(xml_progress_is_reported_and_can_cancel, s),                                      \
        XML_TEST(xml_failed_import_changes_nothing, s),                                            \
        XML_TEST(xml_export_refuses_bad_arguments, s), XML_TEST(xml_export_is_deterministic, s),   \
        XML_TEST(xml_export_stops_at_the_first_write_error, s),                                    \
        XML_TEST(xml_export_file_is_atomic, s), XML_TEST(xml_round_trips, s),                      \
        XML_TEST(xml_keep_invalid_reads_back, s), XML_TEST(xml_import_out_of_memory, s),           \
        XML_TEST(xml_export_out_of_memory, s)

#endif
