/* Tests of the LHEO import (lheo.h): the example feed (examples/data/lheo/offres.xml) and its
 * matches to the national themes, what is kept, the round trip LHEO -> snplp -> LHEO (valid
 * against the official XSD, the same text the second time), the schema validation, the
 * fixtures of tests/fixtures/lheo (hostile and edge cases, from a file, memory and a read
 * callback one byte at a time), documents past the limits, bad arguments and out of memory. */
#include "test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

#ifndef SNPLP_EXAMPLES_DATA_DIR
#define SNPLP_EXAMPLES_DATA_DIR "examples/data"
#endif
#define FEED          SNPLP_EXAMPLES_DATA_DIR "/lheo/offres.xml"
#define LHEO_FIXTURES SNPLP_EXAMPLES_DATA_DIR "/../../tests/fixtures/lheo"
#define LHEO_XSD      SNPLP_EXAMPLES_DATA_DIR "/../../tests/lheo/lheo-2.3.xsd"

static size_t count_code(const snplp_diagnostics *d, snplp_diag_code code, const char *needle)
{
    size_t n = 0;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_code(g) == code &&
            (!needle || strstr(snplp_diagnostic_message(g), needle)))
            n++;
    }
    return n;
}

/* Imports path with the options; the status. */
static int import(snplp_referential **cat, snplp_records **rec, snplp_diagnostics *d,
                  const char *path, const snplp_lheo_options *o)
{
    *cat = NULL;
    *rec = NULL;
    snplp_diagnostics_clear(d);
    return snplp_lheo_import_file(cat, rec, d, path, NULL, o);
}

static bool has_extension(const snplp_referential *ref, const snplp_records *rec, const char *id,
                          const char *needle)
{
    size_t n =
        ref ? snplp_referential_extension_count(ref, id) : snplp_records_extension_count(rec, id);
    for (size_t i = 0; i < n; i++) {
        const char *x = ref ? snplp_referential_extension_at(ref, id, i)
                            : snplp_records_extension_at(rec, id, i);
        if (strstr(x, needle))
            return true;
    }
    return false;
}

/* The example feed with the defaults: everything made, the matches found but not applied. */
static void example_feed(void **state)
{
    (void)state;
    snplp_referential *cat;
    snplp_records *rec;
    snplp_diagnostics *d = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    assert_ok(import(&cat, &rec, d, FEED, NULL));
    assert_int_equal(snplp_referential_module_count(cat), 3);
    assert_int_equal(snplp_referential_theme_count(cat), 0);
    assert_int_equal(snplp_records_training_body_count(rec), 2);
    assert_int_equal(snplp_records_session_count(rec), 4);
    const snplp_module *m = snplp_referential_module_find(cat, "of-fictif-insertion-1");
    assert_non_null(m);
    assert_string_equal(snplp_module_theme_id(m), SNPLP_LHEO_NO_THEME);
    assert_int_equal(snplp_module_level(m), SNPLP_LEVEL_FUNDAMENTALS);
    /* the offer */
    assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_PATH), 1);
    assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL), 1);
    assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_FEES_COVERED), 1);
    assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_RHYTHM), "3 jours consécutifs");
    assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_RESULTS),
                        "Attestation de fin de formation.");
    assert_string_equal(snplp_module_formacode_version(m), "V14");
    assert_int_equal(snplp_module_audience_code_count(m), 1);
    assert_string_equal(snplp_module_audience_code_at(m, 0), "15041");
    /* what the model does not hold, kept with its object */
    assert_true(has_extension(cat, NULL, "of-fictif-insertion-1", "<code-FORMACODE"));
    assert_true(has_extension(cat, NULL, "of-fictif-insertion-1", "<lieu-de-formation"));
    assert_true(has_extension(cat, NULL, "of-fictif-insertion-1", "<url-formation"));
    assert_true(has_extension(cat, NULL, "of-fictif-insertion-1", "INS-01"));
    assert_true(has_extension(cat, NULL, "of-fictif-insertion-1", "<prenom>Camille</prenom>"));
    assert_true(has_extension(NULL, rec, "of-fictif-insertion-1-2022-04", "<etat-recrutement"));
    /* the sessions, their days the period's */
    const snplp_session *s = snplp_records_session_find(rec, "of-fictif-insertion-1-2022-04");
    assert_non_null(s);
    assert_string_equal(snplp_session_subject_id(s), "of-fictif-insertion-1");
    assert_string_equal(snplp_session_body_id(s), "centre-fictif-44");
    assert_int_equal(snplp_session_start(s).day, 4);
    assert_int_equal(snplp_session_end(s).day, 6);
    assert_int_equal(snplp_session_mode_of(s), SNPLP_MODE_ON_SITE);
    char days[32];
    assert_ok(snplp_decimal_format(days, sizeof days, snplp_session_days(s)));
    assert_string_equal(days, "3");
    const snplp_session *mixed = snplp_records_session_find(rec, "of-fictif-numerique-1-2022-05");
    assert_int_equal(snplp_session_mode_of(mixed), SNPLP_MODE_MIXED);
    /* the bodies: the second's SIRET refused by the model, kept */
    const snplp_training_body *b = snplp_records_training_body_find(rec, "centre-fictif-44");
    assert_string_equal(snplp_training_body_siret(b), "44123456700010");
    assert_string_equal(snplp_training_body_commune(b), "Nantes");
    assert_string_equal(snplp_training_body_phone(b), "02 40 00 00 00");
    const snplp_training_body *b2 = snplp_records_training_body_find(rec, "institut-fictif-85");
    assert_null(snplp_training_body_siret(b2));
    assert_true(has_extension(NULL, rec, "institut-fictif-85", "85345678900011"));
    assert_int_equal(count_code(d, SNPLP_DIAG_LHEO_VALUE_KEPT, "SIRET"), 1);
    /* the matches: found, not applied */
    assert_int_equal(count_code(d, SNPLP_DIAG_LHEO_THEME_MATCH, "theme-insertion"), 1);
    assert_int_equal(count_code(d, SNPLP_DIAG_LHEO_THEME_MATCH, "theme-digital"), 1);
    assert_int_equal(count_code(d, SNPLP_DIAG_LHEO_THEME_MATCH, "not applied"), 2);
    assert_int_equal(count_code(d, SNPLP_DIAG_LHEO_NO_THEME, NULL), 3);
    assert_int_equal(count_code(d, SNPLP_DIAG_LHEO_ASSUMED, NULL), 1);
    /* the catalogue does not validate (no theme), and reopens with keep_invalid */
    snplp_diagnostics *v = NULL;
    assert_ok(snplp_diagnostics_new(&v));
    assert_int_equal(snplp_referential_validate(cat, v), SNPLP_EVALIDATION);
    char *xml = NULL;
    size_t size = 0;
    assert_ok(snplp_referential_export_memory(&xml, &size, cat));
    snplp_referential *back = NULL;
    snplp_import_options *io = NULL;
    assert_ok(snplp_import_options_new(&io));
    assert_ok(snplp_import_options_set_keep_invalid(io, true));
    snplp_diagnostics_clear(v);
    assert_ok(snplp_referential_import_memory(&back, v, xml, size, "catalogue", io));
    assert_true(snplp_referential_equal(back, cat));
    snplp_referential_unref(back);
    snplp_import_options_free(io);
    snplp_free(xml);
    snplp_diagnostics_free(v);
    snplp_referential_unref(cat);
    snplp_records_unref(rec);
    snplp_diagnostics_free(d);
}

/* The matches applied: all of them, or from a score; the themes copied into the catalogue. */
static void matches_applied(void **state)
{
    (void)state;
    snplp_referential *cat;
    snplp_records *rec;
    snplp_diagnostics *d = NULL;
    snplp_lheo_options *o = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    assert_ok(snplp_lheo_options_new(&o));
    assert_false(snplp_lheo_options_accept_matches(o));
    assert_ok(snplp_lheo_options_set_accept_matches(o, true));
    assert_true(snplp_lheo_options_accept_matches(o));
    assert_ok(import(&cat, &rec, d, FEED, o));
    assert_string_equal(
        snplp_module_theme_id(snplp_referential_module_find(cat, "of-fictif-insertion-1")),
        "theme-insertion");
    assert_string_equal(
        snplp_module_theme_id(snplp_referential_module_find(cat, "of-fictif-numerique-1")),
        "theme-digital");
    assert_string_equal(
        snplp_module_theme_id(snplp_referential_module_find(cat, "of-fictif-gestes-1")),
        SNPLP_LHEO_NO_THEME);
    assert_int_equal(snplp_referential_theme_count(cat), 2);
    const snplp_theme *t = snplp_referential_theme_find(cat, "theme-insertion");
    assert_string_equal(snplp_theme_title(t), "L’insertion socio-professionnelle");
    assert_int_equal(snplp_theme_label_count(t), 4); /* verbatim from the built-in referential */
    assert_int_equal(count_code(d, SNPLP_DIAG_LHEO_THEME_MATCH, ": applied"), 2);
    assert_int_equal(
        count_code(d, SNPLP_DIAG_LHEO_THEME_MATCH, "“insertion socioprofessionnelle”"), 1);
    snplp_referential_unref(cat);
    snplp_records_unref(rec);

    /* by score: both match with 3 (the title 3, the objectives 2, the content 1) */
    assert_ok(snplp_lheo_options_set_accept_matches(o, false));
    assert_ok(snplp_lheo_options_set_min_score(o, 3));
    assert_int_equal(snplp_lheo_options_min_score(o), 3);
    assert_ok(import(&cat, &rec, d, FEED, o));
    assert_int_equal(snplp_referential_theme_count(cat), 2);
    snplp_referential_unref(cat);
    snplp_records_unref(rec);
    assert_ok(snplp_lheo_options_set_min_score(o, 4));
    assert_ok(import(&cat, &rec, d, FEED, o));
    assert_int_equal(snplp_referential_theme_count(cat), 0);
    snplp_referential_unref(cat);
    snplp_records_unref(rec);
    assert_fails(snplp_lheo_options_set_min_score(o, -1), SNPLP_EINVAL);
    assert_fails(snplp_lheo_options_set_min_score(NULL, 1), SNPLP_EINVAL);
    assert_fails(snplp_lheo_options_set_accept_matches(NULL, true), SNPLP_EINVAL);
    assert_int_equal(snplp_lheo_options_min_score(NULL), 0);

    /* other themes: a referential of one theme whose label is in the third offer's title */
    snplp_referential *themes = NULL;
    snplp_theme *own = NULL;
    assert_ok(snplp_referential_new(&themes));
    assert_ok(snplp_referential_add_theme(&own, themes, "theme-gestes", "Gestes et postures"));
    assert_ok(snplp_lheo_options_set_themes(o, themes));
    assert_ok(snplp_lheo_options_set_min_score(o, 0));
    assert_ok(snplp_lheo_options_set_accept_matches(o, true));
    assert_ok(import(&cat, &rec, d, FEED, o));
    assert_string_equal(
        snplp_module_theme_id(snplp_referential_module_find(cat, "of-fictif-gestes-1")),
        "theme-gestes");
    assert_string_equal(
        snplp_module_theme_id(snplp_referential_module_find(cat, "of-fictif-insertion-1")),
        SNPLP_LHEO_NO_THEME);
    snplp_referential_unref(cat);
    snplp_records_unref(rec);
    snplp_referential_unref(themes);
    snplp_lheo_options_free(o);
    snplp_diagnostics_free(d);
}

/* The list of matches: one entry per module, as data, beyond the limit of the findings too. */
static void matches_as_data(void **state)
{
    (void)state;
    snplp_referential *cat;
    snplp_records *rec;
    snplp_diagnostics *d = NULL;
    snplp_lheo_options *o = NULL;
    snplp_lheo_matches *m = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    assert_ok(snplp_lheo_options_new(&o));
    assert_ok(snplp_lheo_matches_new(&m));
    assert_ok(snplp_lheo_options_set_matches(o, m));
    assert_ok(snplp_lheo_options_set_min_score(o, 3));
    assert_ok(import(&cat, &rec, d, FEED, o));
    assert_int_equal(snplp_lheo_matches_count(m), 3);
    assert_string_equal(snplp_lheo_match_module_id(m, 0), "of-fictif-insertion-1");
    assert_string_equal(snplp_lheo_match_theme_id(m, 0), "theme-insertion");
    assert_int_equal(snplp_lheo_match_score(m, 0), 3);
    assert_true(snplp_lheo_match_applied(m, 0));
    assert_false(snplp_lheo_match_tie(m, 0));
    assert_int_equal(snplp_lheo_match_label_count(m, 0), 2);
    assert_string_equal(snplp_lheo_match_label_at(m, 0, 0), "insertion socioprofessionnelle");
    assert_null(snplp_lheo_match_label_at(m, 0, 2));
    assert_string_equal(snplp_lheo_match_theme_id(m, 1), "theme-digital");
    assert_null(snplp_lheo_match_theme_id(m, 2)); /* « Gestes et postures »: nothing */
    assert_int_equal(snplp_lheo_match_score(m, 2), 0);
    assert_false(snplp_lheo_match_applied(m, 2));
    assert_int_equal(snplp_lheo_match_label_count(m, 2), 0);
    assert_null(snplp_lheo_match_module_id(m, 3));
    assert_int_equal(snplp_lheo_match_score(m, 3), -1);
    assert_int_equal(snplp_lheo_matches_count(NULL), 0);
    snplp_referential_unref(cat);
    snplp_records_unref(rec);

    /* 700 offers: 1 400 findings, more than an import keeps; every match still listed */
    size_t cap = 700 * 400 + 200;
    char *doc = malloc(cap);
    assert_non_null(doc);
    size_t n = (size_t)snprintf(doc, cap, "<lheo xmlns=\"http://lheo.gouv.fr/2.3\"><offres>");
    for (int i = 0; i < 700; i++)
        n += (size_t)snprintf(doc + n, cap - n,
                              "<formation numero=\"f-%d\"><intitule-formation>Aller vers n° %d"
                              "</intitule-formation></formation>",
                              i, i);
    n += (size_t)snprintf(doc + n, cap - n, "</offres></lheo>");
    assert_ok(snplp_lheo_options_set_min_score(o, 0));
    snplp_diagnostics_clear(d);
    assert_ok(snplp_lheo_import_memory(&cat, &rec, d, doc, n, "many", NULL, o));
    assert_int_equal(count_code(d, SNPLP_DIAG_TOO_MANY_FINDINGS, NULL), 1);
    assert_int_equal(snplp_lheo_matches_count(m), 700);
    assert_string_equal(snplp_lheo_match_module_id(m, 699), "f-699");
    assert_string_equal(snplp_lheo_match_theme_id(m, 699), "theme-outreach");
    assert_int_equal(snplp_lheo_match_score(m, 699), 3);
    assert_false(snplp_lheo_match_applied(m, 699));
    snplp_referential_unref(cat);
    snplp_records_unref(rec);
    /* a failed import leaves the list empty */
    assert_int_equal(snplp_lheo_import_memory(&cat, &rec, d, doc, n / 2, "cut", NULL, o),
                     SNPLP_EPARSE);
    assert_int_equal(snplp_lheo_matches_count(m), 0);
    free(doc);
    assert_fails(snplp_lheo_options_set_matches(NULL, m), SNPLP_EINVAL);
    assert_fails(snplp_lheo_matches_new(NULL), SNPLP_EINVAL);
    snplp_lheo_options_free(o);
    snplp_lheo_matches_free(m);
    snplp_lheo_matches_free(NULL);
    snplp_diagnostics_free(d);
}

/* LHEO -> snplp -> LHEO: valid against the official XSD, and the same text the second time;
 * every element of the feed that the model does not map is still there. */
static void round_trip(void **state)
{
    (void)state;
    snplp_referential *cat, *cat2;
    snplp_records *rec, *rec2;
    snplp_diagnostics *d = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    assert_ok(import(&cat, &rec, d, FEED, NULL));
    char *first = NULL, *second = NULL;
    size_t n1 = 0, n2 = 0;
    snplp_diagnostics_clear(d);
    assert_ok(snplp_lheo_export_memory(&first, &n1, cat, rec, d, NULL));
    assert_int_equal(snplp_diagnostics_count(d), 0);
    assert_ok(snplp_lheo_export_file(cat, rec, "lheo-round-trip.xml", NULL, NULL));
    static const char *const kept[] = {"44028</code-FORMACODE>",
                                       "<prenom>Camille</prenom>",
                                       "centre-fictif.example/insertion",
                                       "Salle des conférences",
                                       "<etat-recrutement",
                                       "INS-01",
                                       "<SIRET>85345678900011</SIRET>",
                                       ">1</modalites-entrees-sorties>",
                                       "numero=\"of-fictif-insertion-1-2022-10\""};
    for (size_t i = 0; i < COUNT_OF(kept); i++)
        assert_non_null(strstr(first, kept[i]));
    assert_ok(snplp_lheo_import_memory(&cat2, &rec2, d, first, n1, "first", NULL, NULL));
    assert_ok(snplp_lheo_export_memory(&second, &n2, cat2, rec2, NULL, NULL));
    assert_int_equal(n1, n2);
    assert_memory_equal(first, second, n1);
    assert_true(snplp_referential_equal(cat, cat2));
    assert_true(snplp_records_equal(rec, rec2));
    snplp_free(first);
    snplp_free(second);
    snplp_referential_unref(cat);
    snplp_referential_unref(cat2);
    snplp_records_unref(rec);
    snplp_records_unref(rec2);
    snplp_diagnostics_free(d);
}

/* Validation against the official XSD while the document streams. */
static void schema(void **state)
{
    (void)state;
    snplp_referential *cat;
    snplp_records *rec;
    snplp_diagnostics *d = NULL;
    snplp_lheo_options *o = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    assert_ok(snplp_lheo_options_new(&o));
    assert_null(snplp_lheo_options_schema_file(o));
    assert_ok(snplp_lheo_options_set_schema_file(o, LHEO_XSD));
    assert_string_equal(snplp_lheo_options_schema_file(o), LHEO_XSD);
    assert_ok(import(&cat, &rec, d, FEED, o));
    assert_int_equal(count_code(d, SNPLP_DIAG_SCHEMA, NULL), 0);
    snplp_referential_unref(cat);
    snplp_records_unref(rec);
    /* no-body.xml is not valid LHEO: its formation lacks its responsible body */
    assert_int_equal(import(&cat, &rec, d, LHEO_FIXTURES "/no-body.xml", o), SNPLP_EPARSE);
    assert_null(cat);
    assert_null(rec);
    assert_true(count_code(d, SNPLP_DIAG_SCHEMA, "organisme-formation-responsable") >= 1);
    /* a schema that cannot be read */
    assert_ok(snplp_lheo_options_set_schema_file(o, LHEO_FIXTURES "/README.md"));
    assert_fails(import(&cat, &rec, d, FEED, o), SNPLP_EINVAL);
    assert_non_null(strstr(snplp_error_last_message(), "README.md"));
    assert_ok(snplp_lheo_options_set_schema_file(o, NULL));
    assert_null(snplp_lheo_options_schema_file(o));
    assert_fails(snplp_lheo_options_set_schema_file(NULL, "x"), SNPLP_EINVAL);
    snplp_lheo_options_free(o);
    snplp_diagnostics_free(d);
}

/* ---- the fixtures ---- */

typedef struct expected {
    const char *file;
    int status;
    snplp_diag_code code; /* a finding that must be there (SNPLP_DIAG_NONE: none asked) */
    size_t ncode;         /* how many */
    size_t modules, bodies, sessions;
} expected;

static const expected fixtures[] = {
    {"valid-minimal.xml", SNPLP_OK, SNPLP_DIAG_LHEO_NO_THEME, 1, 1, 1, 1},
    {"not-well-formed.xml", SNPLP_EPARSE, SNPLP_DIAG_NOT_WELL_FORMED, 1, 0, 0, 0},
    {"wrong-root-snplp.xml", SNPLP_EPARSE, SNPLP_DIAG_WRONG_ROOT, 1, 0, 0, 0},
    {"wrong-namespace.xml", SNPLP_EPARSE, SNPLP_DIAG_WRONG_ROOT, 1, 0, 0, 0},
    {"doctype-entities.xml", SNPLP_EPARSE, SNPLP_DIAG_DOCTYPE, 1, 0, 0, 0},
    {"external-entity.xml", SNPLP_EPARSE, SNPLP_DIAG_DOCTYPE, 1, 0, 0, 0},
    {"latin1.xml", SNPLP_EPARSE, SNPLP_DIAG_NOT_WELL_FORMED, 1, 0, 0, 0},
    {"empty.xml", SNPLP_EPARSE, SNPLP_DIAG_NOT_WELL_FORMED, 1, 0, 0, 0},
    {"session-bad-dates.xml", SNPLP_OK, SNPLP_DIAG_LHEO_LEFT_OUT, 2, 1, 1, 0},
    {"no-title.xml", SNPLP_OK, SNPLP_DIAG_LHEO_LEFT_OUT, 1, 1, 1, 1},
    {"body-without-name.xml", SNPLP_OK, SNPLP_DIAG_LHEO_LEFT_OUT, 2, 1, 0, 0},
    {"no-body.xml", SNPLP_OK, SNPLP_DIAG_LHEO_LEFT_OUT, 1, 1, 0, 0},
    {"bad-codes.xml", SNPLP_OK, SNPLP_DIAG_LHEO_VALUE_KEPT, 1, 1, 1, 1},
    {"kept-elements.xml", SNPLP_OK, SNPLP_DIAG_LHEO_LEFT_OUT, 0, 1, 1, 1},
    {"two-actions-differ.xml", SNPLP_OK, SNPLP_DIAG_LHEO_LEFT_OUT, 1, 1, 1, 2},
    {"same-numeros.xml", SNPLP_OK, SNPLP_DIAG_LHEO_LEFT_OUT, 0, 1, 2, 2},
    {"text-between.xml", SNPLP_OK, SNPLP_DIAG_LHEO_NO_THEME, 1, 1, 1, 1},
    {"empty-offres.xml", SNPLP_OK, SNPLP_DIAG_LHEO_LEFT_OUT, 0, 0, 0, 0},
    {"fuzz-crash-1.xml", SNPLP_OK, SNPLP_DIAG_LHEO_NO_THEME, 3, 3, 2, 4},
};

/* A read callback giving one byte at a time. */
typedef struct bytes {
    const char *p;
    size_t n, at;
} bytes;

static long one_byte(void *user, char *buf, size_t size)
{
    bytes *b = user;
    if (b->at >= b->n || size == 0)
        return 0;
    buf[0] = b->p[b->at++];
    return 1;
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *n = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

/* The findings as one text (code, line, column each), to compare the three ways. */
static void findings_text(char *out, size_t size, const snplp_diagnostics *d)
{
    out[0] = '\0';
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%d@%zu:%zu;", (int)snplp_diagnostic_code(g),
                 snplp_diagnostic_line(g), snplp_diagnostic_column(g));
    }
}

static void fixtures_as_expected(void **state)
{
    (void)state;
    snplp_diagnostics *d = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    for (size_t i = 0; i < COUNT_OF(fixtures); i++) {
        const expected *e = &fixtures[i];
        char path[512];
        snprintf(path, sizeof path, "%s/%s", LHEO_FIXTURES, e->file);
        snplp_referential *cat;
        snplp_records *rec;
        int rc = import(&cat, &rec, d, path, NULL);
        if (rc != e->status)
            print_error("%s: status %d, expected %d\n", e->file, rc, e->status);
        assert_int_equal(rc, e->status);
        if (e->code != SNPLP_DIAG_NONE && count_code(d, e->code, NULL) != e->ncode)
            print_error("%s: %zu findings %s, expected %zu\n", e->file,
                        count_code(d, e->code, NULL), snplp_diag_code_name(e->code), e->ncode);
        assert_int_equal(count_code(d, e->code, NULL), e->ncode);
        char from_file[4096], from_memory[4096], by_bytes[4096];
        findings_text(from_file, sizeof from_file, d);
        size_t n;
        char *data = read_all(path, &n);
        snplp_referential *c2 = NULL, *c3 = NULL;
        snplp_records *r2 = NULL, *r3 = NULL;
        snplp_diagnostics_clear(d);
        assert_int_equal(snplp_lheo_import_memory(&c2, &r2, d, data, n, path, NULL, NULL),
                         e->status);
        findings_text(from_memory, sizeof from_memory, d);
        bytes b = {data, n, 0};
        snplp_diagnostics_clear(d);
        assert_int_equal(snplp_lheo_import_callback(&c3, &r3, d, one_byte, &b, path, NULL, NULL),
                         e->status);
        findings_text(by_bytes, sizeof by_bytes, d);
        assert_string_equal(from_file, from_memory);
        assert_string_equal(from_file, by_bytes);
        free(data);
        if (rc == SNPLP_OK) {
            assert_int_equal(snplp_referential_module_count(cat), e->modules);
            assert_int_equal(snplp_records_training_body_count(rec), e->bodies);
            assert_int_equal(snplp_records_session_count(rec), e->sessions);
            assert_true(snplp_referential_equal(cat, c2) && snplp_referential_equal(cat, c3));
            assert_true(snplp_records_equal(rec, r2) && snplp_records_equal(rec, r3));
            if (e->sessions) { /* back to LHEO, for the test lheo-xsd-import */
                char out[600];
                snprintf(out, sizeof out, "lheo-import-%s", e->file);
                snplp_diagnostics_clear(d);
                int erc = snplp_lheo_export_file(cat, rec, out, d, NULL);
                if (strcmp(e->file, "bad-codes.xml") == 0) { /* its code was left out */
                    assert_int_equal(erc, SNPLP_EVALIDATION);
                    assert_int_equal(count_code(d, SNPLP_DIAG_LHEO_MISSING_DATA, "certifiante"), 1);
                } else {
                    assert_ok(erc);
                }
            }
        } else {
            assert_null(cat);
            assert_null(rec);
        }
        snplp_referential_unref(cat);
        snplp_referential_unref(c2);
        snplp_referential_unref(c3);
        snplp_records_unref(rec);
        snplp_records_unref(r2);
        snplp_records_unref(r3);
    }
    snplp_diagnostics_free(d);
}

/* The table and the directory list the same files. */
static void fixtures_all_listed(void **state)
{
    (void)state;
    DIR *dir = opendir(LHEO_FIXTURES);
    assert_non_null(dir);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0)
            continue;
        bool found = false;
        for (size_t i = 0; i < COUNT_OF(fixtures) && !found; i++)
            found = strcmp(fixtures[i].file, e->d_name) == 0;
        if (!found)
            print_error("%s is not in the table\n", e->d_name);
        assert_true(found);
        n++;
    }
    closedir(dir);
    assert_int_equal(n, COUNT_OF(fixtures));
}

/* Past the limits: nesting, a text too long. */
static void limits(void **state)
{
    (void)state;
    snplp_diagnostics *d = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    snplp_referential *cat;
    snplp_records *rec;
    /* elements nested deeper than the import allows, inside a formation (kept elements) */
    {
        size_t depth = SNPLP_XML_MAX_DEPTH + 10;
        char *doc = malloc(200 + depth * 20);
        assert_non_null(doc);
        strcpy(doc, "<lheo xmlns=\"http://lheo.gouv.fr/2.3\"><offres><formation>");
        for (size_t i = 0; i < depth; i++)
            strcat(doc, "<extras>");
        for (size_t i = 0; i < depth; i++)
            strcat(doc, "</extras>");
        strcat(doc, "</formation></offres></lheo>");
        assert_int_equal(
            snplp_lheo_import_memory(&cat, &rec, d, doc, strlen(doc), "deep", NULL, NULL),
            SNPLP_EPARSE);
        assert_int_equal(count_code(d, SNPLP_DIAG_TOO_DEEP, NULL), 1);
        free(doc);
    }
    /* a title longer than the import takes */
    snplp_diagnostics_clear(d);
    char *title = test_long_text("a", SNPLP_XML_MAX_TEXT + 1);
    size_t len = strlen(title) + 200;
    char *doc = malloc(len);
    assert_non_null(doc);
    snprintf(doc, len,
             "<lheo xmlns=\"http://lheo.gouv.fr/2.3\"><offres><formation><intitule-formation>%s"
             "</intitule-formation></formation></offres></lheo>",
             title);
    assert_int_equal(snplp_lheo_import_memory(&cat, &rec, d, doc, strlen(doc), "long", NULL, NULL),
                     SNPLP_EPARSE);
    assert_int_equal(count_code(d, SNPLP_DIAG_TEXT_TOO_LONG, NULL), 1);
    free(doc);
    free(title);
    snplp_diagnostics_free(d);
}

static void bad_arguments(void **state)
{
    (void)state;
    snplp_referential *cat = NULL;
    snplp_records *rec = NULL;
    assert_fails(snplp_lheo_import_file(NULL, &rec, NULL, FEED, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lheo_import_file(&cat, NULL, NULL, FEED, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lheo_import_file(&cat, &rec, NULL, NULL, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lheo_import_memory(&cat, &rec, NULL, NULL, 3, NULL, NULL, NULL),
                 SNPLP_EINVAL);
    assert_fails(snplp_lheo_import_callback(&cat, &rec, NULL, NULL, NULL, NULL, NULL, NULL),
                 SNPLP_EINVAL);
    assert_null(cat);
    assert_null(rec);
    /* a file that is not there: a finding, nothing made */
    snplp_diagnostics *d = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    assert_int_equal(snplp_lheo_import_file(&cat, &rec, d, "no-such-file.xml", NULL, NULL),
                     SNPLP_EIO);
    assert_int_equal(count_code(d, SNPLP_DIAG_IO, NULL), 1);
    snplp_diagnostics_free(d);
}

typedef struct oom_ctx {
    char *data;
    size_t n;
    snplp_referential *cat;
    snplp_records *rec;
} oom_ctx;

static int oom_step(void *p)
{
    oom_ctx *c = p;
    return snplp_lheo_import_memory(&c->cat, &c->rec, NULL, c->data, c->n, "feed", NULL, NULL);
}

static void out_of_memory(void **state)
{
    (void)state;
    oom_ctx c = {NULL, 0, NULL, NULL};
    c.data = read_all(FEED, &c.n);
    assert_true(test_oom_sweep(oom_step, NULL, &c) > 0);
    assert_int_equal(snplp_referential_module_count(c.cat), 3);
    snplp_referential_unref(c.cat);
    snplp_records_unref(c.rec);
    free(c.data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(example_feed),
        cmocka_unit_test(matches_applied),
        cmocka_unit_test(matches_as_data),
        cmocka_unit_test(round_trip),
        cmocka_unit_test(schema),
        cmocka_unit_test(fixtures_as_expected),
        cmocka_unit_test(fixtures_all_listed),
        cmocka_unit_test(limits),
        cmocka_unit_test(bad_arguments),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
