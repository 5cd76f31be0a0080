/* Tests of xml.h for training records (format 1.1, root <records>): snplp_records_import_*()
 * and snplp_records_export_*(), and the extensions of records (records.h).
 *
 * The fixtures (tests/fixtures/xml-records, listed in its README.md) are small documents of
 * records, one per case; the table below gives each one's expected status and findings. The
 * shared tests (support/xml_docs.h) read every fixture three ways, run the verdict test (the
 * default and the strict import agree, and libxml2's XSD validation finds a breach exactly when
 * the library's own checks do), round trips, determinism, atomicity, failing readers and
 * writers, and out-of-memory sweeps of import and export. Inputs too big to commit (deep
 * nesting, huge texts and attributes) are generated here. Modelled on test_convention_xml.c. */
#include "test_values.h"
#include "xml_docs.h"

#include "model/records/records_model.h"

#include <snplp/records.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOC       (&xml_records)
#define EXAMPLE   SNPLP_EXAMPLES_DATA_DIR "/records.xml"
#define DOC_START "<records xmlns=\"urn:snplp:1.0\">"
#define DOC_END   "</records>"

/* ---- the fixtures, each with its expected status and findings ---- */

/* Keep in step with the fixtures and their README.md (xml_every_fixture_is_in_the_table). */
static const fixture_case fixtures[] = {
    /* Good documents */
    {"valid-complete.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-extensions.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-minimal.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-references-unchecked.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-many-attendance.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-whitespace.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-prefixed.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-decimals.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-xsi-hints.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-markup.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-utf8-bom.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"not-nfc.xml", SNPLP_OK, {{240, 5, "dep-80"}}},
    {"not-nfc-every-text.xml", SNPLP_OK, {{240, 5, "p"}}},
    /* Not well-formed (200, fatal) */
    {"empty.xml", SNPLP_EPARSE, {{200, 0, NULL}}},
    {"truncated.xml", SNPLP_EPARSE, {{200, 0, NULL}}},
    {"mismatched-tags.xml", SNPLP_EPARSE, {{200, 5, NULL}}},
    {"invalid-utf8.xml", SNPLP_EPARSE, {{200, 5, NULL}}},
    {"encoding-latin1.xml", SNPLP_EPARSE, {{200, 1, NULL}}},
    /* Document type declarations (202, fatal) */
    {"doctype-plain.xml", SNPLP_EPARSE, {{202, 3, NULL}}},
    {"hostile-external-entity-file.xml", SNPLP_EPARSE, {{202, 0, NULL}}},
    {"hostile-billion-laughs.xml", SNPLP_EPARSE, {{202, 0, NULL}}},
    /* Wrong root (210) */
    {"wrong-root-referential.xml", SNPLP_EPARSE, {{210, 3, NULL}}},
    {"wrong-root-conventions.xml", SNPLP_EPARSE, {{210, 3, NULL}}},
    {"wrong-root-record.xml", SNPLP_EPARSE, {{210, 3, NULL}}},
    {"wrong-root-no-namespace.xml", SNPLP_EPARSE, {{210, 3, NULL}}},
    {"wrong-root-namespace.xml", SNPLP_EPARSE, {{210, 3, NULL}}},
    /* Unknown element (211) */
    {"unknown-element-order.xml", SNPLP_EPARSE, {{211, 5, NULL}}},
    {"unknown-element-in-worker.xml", SNPLP_EPARSE, {{211, 5, NULL}}},
    {"unknown-element-second-name.xml", SNPLP_EPARSE, {{211, 6, NULL}}},
    {"unknown-element-no-namespace.xml", SNPLP_EPARSE, {{211, 4, NULL}}},
    {"unknown-element-record-after-extension.xml", SNPLP_EPARSE, {{211, 5, NULL}}},
    {"unknown-element-foreign-in-text.xml", SNPLP_EPARSE, {{211, 5, NULL}}},
    /* Missing element (212) */
    {"missing-element-title.xml", SNPLP_EPARSE, {{212, 4, NULL}}},
    {"missing-element-name.xml", SNPLP_EPARSE, {{212, 4, NULL}, {212, 5, NULL}}},
    /* Unknown attribute (213) */
    {"unknown-attribute-worker-name.xml", SNPLP_EPARSE, {{213, 4, NULL}}},
    {"unknown-attribute-snplp-namespace.xml", SNPLP_EPARSE, {{213, 4, NULL}}},
    {"unknown-attribute-on-text.xml", SNPLP_EPARSE, {{213, 6, NULL}}},
    {"unknown-attribute-xsi-type.xml", SNPLP_EPARSE, {{213, 4, NULL}}},
    /* Missing attribute (214) */
    {"missing-attribute-worker-from.xml", SNPLP_EPARSE, {{214, 4, NULL}}},
    {"missing-attribute-session-mode.xml", SNPLP_EPARSE, {{214, 4, NULL}}},
    {"missing-attribute-attendance-status.xml", SNPLP_EPARSE, {{214, 4, NULL}}},
    {"missing-attribute-employer-territory.xml", SNPLP_EPARSE, {{214, 4, NULL}}},
    {"missing-attribute-profession-category.xml", SNPLP_EPARSE, {{214, 4, NULL}}},
    /* Bad value (215) */
    {"bad-value-employer-kind.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-category.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-territory.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-diploma-level.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-from-date.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-until-month.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-unit-blank.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-siret.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-declaration-number.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-postal-code.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-days-comma.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-days-negative.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-mode.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-place.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-capacity-zero.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-capacity-overflow.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-status.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    /* Unexpected text (216) and bad ids (217) */
    {"unexpected-text.xml", SNPLP_EPARSE, {{216, 0, NULL}}},
    {"bad-id-worker.xml", SNPLP_EPARSE, {{217, 4, NULL}}},
    {"bad-id-reference.xml", SNPLP_EPARSE, {{217, 4, NULL}}},
    /* Values the model refuses while reading (230, 231) */
    {"duplicate-id-worker-and-session.xml", SNPLP_EVALIDATION, {{230, 5, "x1"}}},
    {"duplicate-id-profession.xml", SNPLP_EVALIDATION, {{230, 7, "profession-eje"}}},
    {"model-value-siret-key.xml", SNPLP_EVALIDATION, {{231, 4, "b"}}},
    {"model-value-email.xml", SNPLP_EVALIDATION, {{231, 4, "b"}}},
    {"model-value-phone.xml", SNPLP_EVALIDATION, {{231, 4, "b"}}},
    {"model-value-blank-name.xml", SNPLP_EVALIDATION, {{231, 4, "e"}}},
    {"model-value-territory-shape.xml", SNPLP_EVALIDATION, {{231, 4, "w1"}}},
    {"model-value-session-zero-days.xml", SNPLP_EVALIDATION, {{231, 4, "s1"}}},
    {"model-value-days-overflow.xml", SNPLP_EVALIDATION, {{231, 4, NULL}}},
    {"model-value-blank-address-line.xml", SNPLP_EVALIDATION, {{231, 6, "b"}}},
    /* Several problems in one pass */
    {"several-problems.xml",
     SNPLP_EPARSE,
     {{215, 7, NULL}, {214, 8, NULL}, {217, 9, NULL}, {230, 11, "w4"}}},
};

/* ---- the verdict test (xml_default_and_strict_imports_agree) ---- */

/* Whether the import refused the document as another kind's (a <referential> or a
 * <conventions> root of the snplp namespace): the schema declares the three roots, so libxml2's
 * XSD validation finds nothing wrong with it, while the import of records refuses it (210). */
static bool refused_as_other_kind(const snplp_diagnostics *d)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_code(g) == SNPLP_DIAG_WRONG_ROOT &&
            strstr(snplp_diagnostic_message(g), ", not training records"))
            return true;
    }
    return false;
}

static const char *const hostile[] = {"hostile-external-entity-file.xml",
                                      "hostile-billion-laughs.xml", "doctype-plain.xml"};

/* ---- the values read ---- */

static snplp_decimal dec_of(const char *s)
{
    snplp_decimal d = {0, 0};
    assert_ok(snplp_decimal_parse(&d, s, strlen(s)));
    return d;
}

static void assert_decimal(snplp_decimal d, const char *want)
{
    char buf[SNPLP_DECIMAL_MAX_TEXT];
    assert_ok(snplp_decimal_format(buf, sizeof buf, d));
    assert_string_equal(buf, want);
}

/* valid-complete.xml: every element and attribute, read into the model. */
static void complete_fixture_is_read_whole(void **state)
{
    (void)state;
    snplp_records *r = xml_import_fixture_ok(DOC, "valid-complete.xml");
    assert_int_equal(snplp_records_profession_count(r), 2);
    assert_int_equal(snplp_records_employer_count(r), 10);
    assert_int_equal(snplp_records_worker_count(r), 3);
    assert_int_equal(snplp_records_training_body_count(r), 2);
    assert_int_equal(snplp_records_session_count(r), 3);
    assert_int_equal(snplp_records_attendance_count(r), 6);

    snplp_record_profession *p = snplp_records_profession_at(r, 1);
    assert_string_equal(snplp_record_profession_id(p), "profession-eaje-director");
    assert_int_equal(snplp_record_profession_category(p), SNPLP_CATEGORY_CADRE);
    assert_string_equal(snplp_record_profession_title(p),
                        "directeurs d’établissement d’accueil du jeune enfant");

    for (size_t i = 0; i < 10; i++)
        assert_int_equal(snplp_employer_kind_of(snplp_records_employer_at(r, i)), (int)i + 1);
    snplp_employer *e = snplp_records_employer_find(r, "creche-1");
    assert_string_equal(snplp_employer_name(e), "Multi-accueil <Les Petits Pas> (fictif)");
    assert_string_equal(snplp_employer_territory_code(e), "80021");
    assert_string_equal(snplp_employer_territory_code(snplp_records_employer_find(r, "sa-1")),
                        "2A004");

    snplp_worker *w = snplp_records_worker_find(r, "w-0001");
    assert_string_equal(snplp_worker_profession_id(w), "profession-ass");
    assert_string_equal(snplp_worker_employer_id(w), "dep-80");
    assert_string_equal(snplp_worker_territory_code(w), "80");
    assert_string_equal(snplp_worker_unit(w), "Service insertion & RSA \"Nord\"");
    int level = 0;
    assert_ok(snplp_worker_diploma_level(&level, w));
    assert_int_equal(level, 6);
    assert_date(snplp_worker_from(w), 2015, 9, 1);
    snplp_date until = {0, 0, 0};
    assert_status(snplp_worker_until(&until, w), SNPLP_ENOTFOUND);
    w = snplp_records_worker_find(r, "w-0002");
    assert_null(snplp_worker_unit(w));
    assert_status(snplp_worker_diploma_level(&level, w), SNPLP_ENOTFOUND);
    assert_ok(snplp_worker_until(&until, w));
    assert_date(until, 2022, 6, 30);

    snplp_training_body *b = snplp_records_training_body_find(r, "of-irts");
    assert_string_equal(snplp_training_body_name(b), "IRTS (fictif)");
    assert_string_equal(snplp_training_body_legal_name(b),
                        "Association fictive de formation & recherche");
    assert_string_equal(snplp_training_body_siret(b), "42398765000011");
    assert_string_equal(snplp_training_body_declaration_number(b), "32800000080");
    assert_int_equal(snplp_training_body_address_line_count(b), 2);
    assert_string_equal(snplp_training_body_address_line_at(b, 1), "Bâtiment B");
    assert_null(snplp_training_body_address_line_at(b, 2));
    assert_string_equal(snplp_training_body_postal_code(b), "80000");
    assert_string_equal(snplp_training_body_commune(b), "Amiens");
    assert_string_equal(snplp_training_body_phone(b), "+33 (0)3 22.00-00-00");
    assert_string_equal(snplp_training_body_email(b), "contact@irts.example");
    b = snplp_records_training_body_find(r, "of-2");
    assert_null(snplp_training_body_legal_name(b));
    assert_null(snplp_training_body_siret(b));
    assert_null(snplp_training_body_commune(b));
    assert_int_equal(snplp_training_body_address_line_count(b), 0);

    snplp_session *s = snplp_records_session_find(r, "s-2021-01");
    assert_string_equal(snplp_session_subject_id(s), "module-insertion-fundamentals");
    assert_string_equal(snplp_session_body_id(s), "of-irts");
    assert_date(snplp_session_start(s), 2021, 3, 15);
    assert_date(snplp_session_end(s), 2021, 3, 17);
    assert_decimal(snplp_session_days(s), "3");
    assert_int_equal(snplp_session_mode_of(s), SNPLP_MODE_ON_SITE);
    assert_string_equal(snplp_session_place(s), "80021");
    int capacity = 0;
    assert_ok(snplp_session_capacity(&capacity, s));
    assert_int_equal(capacity, 15);
    s = snplp_records_session_find(r, "s-2022-01");
    assert_decimal(snplp_session_days(s), "0.5");
    assert_int_equal(snplp_session_mode_of(s), SNPLP_MODE_DISTANCE);
    assert_null(snplp_session_place(s));
    assert_status(snplp_session_capacity(&capacity, s), SNPLP_ENOTFOUND);
    assert_int_equal(snplp_session_mode_of(snplp_records_session_at(r, 2)), SNPLP_MODE_MIXED);

    static const snplp_attendance_status statuses[] = {
        SNPLP_ATTENDANCE_ATTENDED, SNPLP_ATTENDANCE_PARTIAL,   SNPLP_ATTENDANCE_REGISTERED,
        SNPLP_ATTENDANCE_ABSENT,   SNPLP_ATTENDANCE_CANCELLED, SNPLP_ATTENDANCE_ATTENDED};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(snplp_attendance_status_of(snplp_records_attendance_at(r, i)),
                         statuses[i]);
    snplp_attendance *a = snplp_records_attendance_at(r, 1);
    assert_string_equal(snplp_attendance_worker_id(a), "w-0002");
    assert_string_equal(snplp_attendance_session_id(a), "s-2022-01");
    snplp_decimal days = {0, 0};
    assert_ok(snplp_attendance_days(&days, a));
    assert_decimal(days, "0.25");
    assert_ok(snplp_attendance_days(&days, snplp_records_attendance_at(r, 3)));
    assert_decimal(days, "0");
    assert_status(snplp_attendance_days(&days, snplp_records_attendance_at(r, 2)), SNPLP_ENOTFOUND);
    snplp_records_unref(r);
}

/* examples/data/records.xml: a département's records over three years, read whole. */
static void example_is_read_whole(void **state)
{
    (void)state;
    snplp_records *r = xml_import_path_ok(DOC, EXAMPLE);
    /* the counts of the generator's example mode (tests/bench/gen_records.py -e) */
    assert_int_equal(snplp_records_profession_count(r), 4);
    assert_int_equal(snplp_records_employer_count(r), 14);
    assert_int_equal(snplp_records_worker_count(r), 300);
    assert_int_equal(snplp_records_training_body_count(r), 3);
    assert_int_equal(snplp_records_session_count(r), 47);
    assert_int_equal(snplp_records_attendance_count(r), 882);
    assert_true(snplp_siret_is_valid(
        snplp_training_body_siret(snplp_records_training_body_find(r, "of-49-1"))));
    assert_int_equal(snplp_records_kind_of(r, "s49-047"), SNPLP_RECORD_SESSION);
    assert_int_equal(snplp_records_kind_of(r, "w49-0300"), SNPLP_RECORD_WORKER);
    snplp_records_unref(r);
}

/* The references of attendance records to workers, as the import makes them: the worker's own
 * id while the records hold few ids, a copy of it beyond (records_model.h); the sessions' ids
 * are shared. Either way every reference names its record, present or absent, whatever its
 * length, and the records equal those built call by call. */
static void check_references(bool copied)
{
    snplp_records *r = xml_import_fixture_ok(DOC, "valid-many-attendance.xml");
    assert_int_equal(snplp_records_attendance_count(r), 40);
    assert_int_equal(snplp_records_worker_count(r), 3);
    const char *absent_session = NULL;
    for (size_t i = 0; i < 40; i++) {
        const snplp_attendance *a = snplp_records_attendance_at(r, i);
        const char *w = snplp_attendance_worker_id(a), *s = snplp_attendance_session_id(a);
        if (i % 4 < 3) {
            const snplp_worker *worker = snplp_records_worker_at(r, i % 4);
            assert_string_equal(w, snplp_worker_id(worker));
            assert_ptr_equal(snplp_records_worker_find(r, w), worker);
            assert_true((w == snplp_worker_id(worker)) != copied);
        } else {
            assert_string_equal(w, "w-absent");
            assert_null(snplp_records_worker_find(r, w));
        }
        if (i % 3) {
            assert_ptr_equal(s, snplp_session_id(snplp_records_session_find(r, "s1")));
        } else {
            assert_string_equal(s, "s-absent");
            if (!absent_session)
                absent_session = s;
            assert_ptr_equal(s, absent_session);
        }
    }
    assert_int_equal(strlen(snplp_attendance_worker_id(snplp_records_attendance_at(r, 2))), 60);
    /* the same records built call by call are equal */
    snplp_records *b = NULL;
    assert_int_equal(snplp_records_new(&b), SNPLP_OK);
    for (size_t k = 0; k < 3; k++) {
        const snplp_worker *w = snplp_records_worker_at(r, k);
        assert_int_equal(snplp_records_add_worker(NULL, b, snplp_worker_id(w), "profession-ass",
                                                  "dep-80", "80", snplp_worker_from(w)),
                         SNPLP_OK);
    }
    const snplp_session *s1 = snplp_records_session_find(r, "s1");
    assert_int_equal(snplp_records_add_session(NULL, b, "s1", "module-insertion-fundamentals",
                                               "of-1", snplp_session_start(s1),
                                               snplp_session_end(s1), snplp_session_days(s1),
                                               SNPLP_MODE_ON_SITE),
                     SNPLP_OK);
    for (size_t i = 0; i < 40; i++) {
        const snplp_attendance *a = snplp_records_attendance_at(r, i);
        assert_int_equal(snplp_records_add_attendance(NULL, b, snplp_attendance_worker_id(a),
                                                      snplp_attendance_session_id(a),
                                                      SNPLP_ATTENDANCE_ATTENDED),
                         SNPLP_OK);
    }
    assert_true(snplp_records_equal(r, b));
    snplp_records_unref(b);
    snplp_records_unref(r);
}

/* One import of the fixture of many attendance records (an out-of-memory sweep's step). */
static int import_many_attendance(void *ctx)
{
    snplp_records **out = ctx;
    snplp_records_unref(*out);
    *out = NULL;
    return snplp_records_import_file(out, NULL,
                                     SNPLP_RECORDS_FIXTURES_DIR "/valid-many-attendance.xml", NULL);
}

static void references_name_their_records(void **state)
{
    (void)state;
    size_t from = snplp__records_copy_refs_from;
    assert_true(from > 100); /* the fixture's few ids: the workers' own */
    check_references(false);
    snplp__records_copy_refs_from = 0; /* as in a large file: copies */
    check_references(true);
    snplp_records *r = NULL; /* and every allocation of the copies failing in turn */
    assert_true(test_oom_sweep(import_many_attendance, NULL, &r) > 10);
    assert_int_equal(snplp_records_attendance_count(r), 40);
    snplp_records_unref(r);
    snplp__records_copy_refs_from = from;
}

/* Days keep the digits they were written with; white space around typed values is dropped. */
static void decimals_and_whitespace(void **state)
{
    (void)state;
    snplp_records *r = xml_import_fixture_ok(DOC, "valid-decimals.xml");
    assert_decimal(snplp_session_days(snplp_records_session_find(r, "s1")), "2.50");
    assert_decimal(snplp_session_days(snplp_records_session_find(r, "s2")), "7");
    assert_decimal(snplp_session_days(snplp_records_session_find(r, "s3")), "0.000000000000000001");
    snplp_decimal d = {0, 0};
    assert_ok(snplp_attendance_days(&d, snplp_records_attendance_at(r, 1)));
    assert_decimal(d, "9223372036854775807");
    snplp_records_unref(r);

    r = xml_import_fixture_ok(DOC, "valid-whitespace.xml");
    snplp_worker *w = snplp_records_worker_find(r, "w1");
    assert_string_equal(snplp_worker_territory_code(w), "80");
    assert_string_equal(snplp_worker_unit(w), " Service RSA "); /* a short text: verbatim */
    assert_string_equal(snplp_employer_name(snplp_records_employer_find(r, "dep-80")),
                        "  Conseil  ");
    snplp_training_body *b = snplp_records_training_body_find(r, "of-1");
    assert_string_equal(snplp_training_body_phone(b), " 03 22 00 00 00 ");
    assert_string_equal(snplp_training_body_email(b), "contact@of.example");
    snplp_session *s = snplp_records_session_find(r, "s1");
    assert_decimal(snplp_session_days(s), "2.5");
    assert_string_equal(snplp_session_place(s), "80021");
    snplp_records_unref(r);
}

/* Every text of records not in NFC is stored normalized, with its own warning at its line,
 * naming its record. */
static void every_text_not_in_nfc_is_reported(void **state)
{
    (void)state;
    xml_result r =
        xml_import_path(DOC, SNPLP_RECORDS_FIXTURES_DIR "/not-nfc-every-text.xml", false);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, SNPLP_OK);
    static const size_t lines[] = {5, 8, 11, 12, 13, 14};
    static const char *const items[] = {"p", "e", "b", "b", "b", "b"};
    assert_int_equal(snplp_diagnostics_count(r.d), COUNT_OF(lines));
    for (size_t i = 0; i < COUNT_OF(lines); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(r.d, i);
        assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_TEXT_NORMALIZED);
        assert_int_equal(snplp_diagnostic_line(g), lines[i]);
        assert_string_equal(snplp_diagnostic_item_id(g), items[i]);
    }
    snplp_training_body *b = snplp_records_training_body_find(r.doc, "b");
    assert_string_equal(snplp_training_body_legal_name(b), "Raison d\xc3\xa9");
    assert_string_equal(snplp_training_body_address_line_at(b, 0), "Rue d\xc3\xa9");
    assert_string_equal(snplp_training_body_commune(b), "Commune d\xc3\xa9");
    assert_string_equal(snplp_record_profession_title(snplp_records_profession_at(r.doc, 0)),
                        "Titre d\xc3\xa9");
    xml_result_free(DOC, &r);
}

/* The canonical fixtures are written back byte for byte (their comment, line 2, left out:
 * records keep no comment). */
static void canonical_fixtures_are_written_back_byte_for_byte(void **state)
{
    (void)state;
    static const char *const canonical[] = {"valid-complete.xml", "valid-extensions.xml"};
    for (size_t i = 0; i < COUNT_OF(canonical); i++) {
        size_t len = 0;
        char *data = xml_fixture(DOC, canonical[i], &len);
        char *comment = strstr(data, "\n<!--");
        assert_non_null(comment);
        char *after = strstr(comment, "-->\n");
        assert_non_null(after);
        memmove(comment + 1, after + 4, strlen(after + 4) + 1);
        len = strlen(data);
        snplp_records *r = xml_import_fixture_ok(DOC, canonical[i]);
        size_t got_len = 0;
        char *got = xml_export_text(DOC, r, &got_len);
        if (got_len != len || memcmp(got, data, len) != 0)
            print_error("%s: the export differs from the file\n%s\n", canonical[i], got);
        assert_int_equal(got_len, len);
        assert_memory_equal(got, data, len);
        snplp_free(got);
        free(data);
        snplp_records_unref(r);
    }
}

/* Extensions are kept on the root and on every kind of record, through the import. */
static void extensions_are_kept(void **state)
{
    (void)state;
    snplp_records *r = xml_import_fixture_ok(DOC, "valid-extensions.xml");
    const char *ns = NULL, *prefix = NULL, *name = NULL, *value = NULL;
    assert_int_equal(snplp_records_foreign_attribute_count(r, NULL), 1);
    assert_ok(snplp_records_foreign_attribute(&ns, &prefix, &name, &value, r, NULL, 0));
    assert_string_equal(ns, "urn:example:rh");
    assert_string_equal(prefix, "rh");
    assert_string_equal(name, "lot");
    assert_string_equal(value, "2024-01");
    assert_int_equal(snplp_records_extension_count(r, NULL), 1);
    assert_string_equal(snplp_records_extension_at(r, NULL, 0),
                        "<rh:controle xmlns:rh=\"urn:example:rh\" total=\"3\"/>");
    static const char *const ids[] = {"profession-eje", "dep-80", "w1", "of-1", "s1"};
    for (size_t i = 0; i < COUNT_OF(ids); i++) {
        assert_int_equal(snplp_records_foreign_attribute_count(r, ids[i]), 1);
        assert_int_equal(snplp_records_extension_count(r, ids[i]), 1);
        assert_non_null(snplp_records_extension_at(r, ids[i], 0));
        assert_null(snplp_records_extension_at(r, ids[i], 1));
    }
    assert_int_equal(snplp_records_foreign_attribute_count(r, "w2"), 1);
    assert_int_equal(snplp_records_extension_count(r, "w2"), 0);
    assert_int_equal(snplp_records_foreign_attribute_count(r, "w3"), 0);
    assert_string_equal(snplp_records_extension_at(r, "w3", 0),
                        "<meta xmlns=\"urn:example:meta\"><key>v</key></meta>");
    snplp_attendance *a = snplp_records_attendance_at(r, 0);
    assert_int_equal(snplp_attendance_foreign_attribute_count(a), 1);
    assert_ok(snplp_attendance_foreign_attribute(&ns, &prefix, &name, &value, a, 0));
    assert_string_equal(name, "source");
    assert_string_equal(value, "SIRH");
    assert_int_equal(snplp_attendance_extension_count(a), 1);
    assert_string_equal(snplp_attendance_extension_at(a, 0),
                        "<rh:emargement xmlns:rh=\"urn:example:rh\" signe=\"true\"/>");
    assert_null(snplp_attendance_extension_at(a, 1));
    a = snplp_records_attendance_at(r, 1);
    assert_int_equal(snplp_attendance_extension_count(a), 0);
    assert_int_equal(snplp_attendance_foreign_attribute_count(a), 1);
    snplp_records_unref(r);
}

/* The extension functions: their checks, freezing, and what they accept goes round. */
static void extension_api(void **state)
{
    (void)state;
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    snplp_attendance *a = NULL;
    assert_ok(snplp_records_add_worker(NULL, r, "w1", "p", "e", "80", (snplp_date){2020, 1, 1}));
    assert_ok(snplp_records_add_attendance(&a, r, "w1", "s1", SNPLP_ATTENDANCE_REGISTERED));

    /* bad arguments, unknown ids, bad fragments */
    assert_fails(snplp_records_add_extension(NULL, NULL, "<x:a xmlns:x=\"urn:x\"/>"), SNPLP_EINVAL);
    assert_fails(snplp_records_add_extension(r, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_records_add_extension(r, "nobody", "<x:a xmlns:x=\"urn:x\"/>"),
                 SNPLP_ENOTFOUND);
    assert_fails(snplp_records_add_extension(r, "w1", "<a/>"), SNPLP_EINVAL);
    assert_fails(snplp_records_add_extension(r, "w1", "<s:a xmlns:s=\"urn:snplp:1.0\"/>"),
                 SNPLP_EINVAL);
    assert_fails(snplp_records_add_extension(r, "w1",
                                             "<x:a xmlns:x=\"urn:x\"/><x:b "
                                             "xmlns:x=\"urn:x\"/>"),
                 SNPLP_EINVAL);
    assert_fails(snplp_records_add_extension(r, "w1", "<x:a xmlns:x=\"urn:x\">"), SNPLP_EINVAL);
    assert_int_equal(snplp_records_extension_count(r, "w1"), 0);
    assert_int_equal(snplp_records_extension_count(NULL, NULL), 0);
    assert_int_equal(snplp_records_extension_count(r, "nobody"), 0);
    assert_null(snplp_records_extension_at(r, "nobody", 0));
    assert_fails(snplp_records_set_foreign_attribute(r, "nobody", "urn:x", "x", "n", "v"),
                 SNPLP_ENOTFOUND);
    assert_fails(snplp_records_set_foreign_attribute(NULL, NULL, "urn:x", "x", "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_records_set_foreign_attribute(r, NULL, "urn:snplp:1.0", "x", "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_records_set_foreign_attribute(r, NULL, "urn:x", "x y", "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_records_foreign_attribute(NULL, NULL, NULL, NULL, r, NULL, 0),
                 SNPLP_ENOTFOUND);
    assert_fails(snplp_records_foreign_attribute(NULL, NULL, NULL, NULL, r, "nobody", 0),
                 SNPLP_ENOTFOUND);
    assert_fails(snplp_records_foreign_attribute(NULL, NULL, NULL, NULL, NULL, NULL, 0),
                 SNPLP_EINVAL);
    assert_int_equal(snplp_records_foreign_attribute_count(NULL, NULL), 0);
    assert_fails(snplp_attendance_add_extension(NULL, "<x:a xmlns:x=\"urn:x\"/>"), SNPLP_EINVAL);
    assert_fails(snplp_attendance_add_extension(a, "not xml"), SNPLP_EINVAL);
    assert_fails(snplp_attendance_add_extension(a, NULL), SNPLP_EINVAL);
    assert_fails(snplp_attendance_set_foreign_attribute(NULL, "urn:x", "x", "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_attendance_set_foreign_attribute(a, "urn:x", "xmlns", "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_attendance_foreign_attribute(NULL, NULL, NULL, NULL, a, 0), SNPLP_ENOTFOUND);
    assert_fails(snplp_attendance_foreign_attribute(NULL, NULL, NULL, NULL, NULL, 0), SNPLP_EINVAL);
    assert_int_equal(snplp_attendance_extension_count(NULL), 0);
    assert_null(snplp_attendance_extension_at(NULL, 0));
    assert_int_equal(snplp_attendance_foreign_attribute_count(NULL), 0);

    /* what is accepted, in canonical form; a foreign attribute of the same name is replaced */
    assert_ok(snplp_records_add_extension(r, NULL, "<x:a   xmlns:x='urn:x' k='v'></x:a>"));
    assert_string_equal(snplp_records_extension_at(r, NULL, 0), "<x:a xmlns:x=\"urn:x\" k=\"v\"/>");
    assert_ok(snplp_records_add_extension(r, "w1", "<x:b xmlns:x=\"urn:x\">t</x:b>"));
    assert_ok(snplp_records_set_foreign_attribute(r, "w1", "urn:x", "x", "n", "1"));
    assert_ok(snplp_records_set_foreign_attribute(r, "w1", "urn:x", "x", "n", "2"));
    assert_int_equal(snplp_records_foreign_attribute_count(r, "w1"), 1);
    const char *value = NULL;
    assert_ok(snplp_records_foreign_attribute(NULL, NULL, NULL, &value, r, "w1", 0));
    assert_string_equal(value, "2");
    assert_ok(snplp_attendance_add_extension(a, "<y:c xmlns:y=\"urn:y\"/>"));
    assert_ok(snplp_attendance_set_foreign_attribute(a, "urn:y", "y", "m", "v & <w>"));
    assert_int_equal(snplp_attendance_extension_count(a), 1);
    assert_int_equal(snplp_attendance_foreign_attribute_count(a), 1);

    /* depth: an extension nesting to depth 100 under a record (depth 2) or the root (1) */
    text_buf t = {0};
    put_repeat(&t, "<x:d xmlns:x=\"urn:x\">", 98);
    put_repeat(&t, "</x:d>", 98);
    assert_ok(snplp_records_add_extension(r, "w1", t.s));
    assert_ok(snplp_attendance_add_extension(a, t.s));
    free(t.s);
    t = (text_buf){0};
    put_repeat(&t, "<x:d xmlns:x=\"urn:x\">", 99);
    put_repeat(&t, "</x:d>", 99);
    assert_fails(snplp_records_add_extension(r, "w1", t.s), SNPLP_EINVAL);
    assert_fails(snplp_attendance_add_extension(a, t.s), SNPLP_EINVAL);
    assert_ok(snplp_records_add_extension(r, NULL, t.s));
    free(t.s);
    assert_int_equal(xml_round_trip_breaches(DOC, "extensions at the depth limit", r), 0);

    /* frozen: nothing changes */
    assert_ok(snplp_records_freeze(r));
    assert_fails(snplp_records_add_extension(r, NULL, "<x:a xmlns:x=\"urn:x\"/>"), SNPLP_EFROZEN);
    assert_fails(snplp_records_set_foreign_attribute(r, "w1", "urn:x", "x", "n", "3"),
                 SNPLP_EFROZEN);
    assert_fails(snplp_attendance_add_extension(a, "<x:a xmlns:x=\"urn:x\"/>"), SNPLP_EFROZEN);
    assert_fails(snplp_attendance_set_foreign_attribute(a, "urn:x", "x", "n", "3"), SNPLP_EFROZEN);
    assert_int_equal(snplp_records_extension_count(r, NULL), 2);
    assert_int_equal(snplp_attendance_extension_count(a), 2);
    snplp_records_unref(r);
}

/* Records made through the API, every optional value set or not, go round; an equal copy
 * with one more extension is not equal. */
static void api_built_records_go_round(void **state)
{
    (void)state;
    snplp_records *r = xml_make_records(25);
    assert_int_equal(xml_round_trip_breaches(DOC, "records made through the API", r), 0);
    size_t len = 0;
    char *xml = xml_export_text(DOC, r, &len);
    snplp_records *again = xml_import_ok(DOC, xml, len);
    assert_true(snplp_records_equal(r, again));
    assert_ok(snplp_attendance_add_extension(snplp_records_attendance_at(again, 1),
                                             "<x:z xmlns:x=\"urn:x\"/>"));
    assert_false(snplp_records_equal(r, again));
    snplp_free(xml);
    snplp_records_unref(again);
    snplp_records_unref(r);

    /* short texts of attributes keep their white space, tabs and line feeds included */
    assert_ok(snplp_records_new(&r));
    snplp_worker *w = NULL;
    assert_ok(snplp_records_add_worker(&w, r, "w", "p", "e", "80", (snplp_date){2020, 1, 1}));
    assert_ok(snplp_worker_set_unit(w, "\tService\n RSA "));
    snplp_training_body *b = NULL;
    assert_ok(snplp_records_add_training_body(&b, r, "b", "B"));
    assert_ok(snplp_training_body_set_phone(b, " 03 22 00 00 00"));
    assert_int_equal(xml_round_trip_breaches(DOC, "short texts with white space", r), 0);
    xml = xml_export_text(DOC, r, &len);
    assert_non_null(strstr(xml, "unit=\"&#9;Service&#10; RSA \""));
    again = xml_import_ok(DOC, xml, len);
    assert_string_equal(snplp_worker_unit(snplp_records_worker_at(again, 0)), "\tService\n RSA ");
    snplp_free(xml);
    snplp_records_unref(again);
    snplp_records_unref(r);

    /* empty records: the root alone */
    assert_ok(snplp_records_new(&r));
    xml = xml_export_text(DOC, r, &len);
    assert_string_equal(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<records xmlns=\"urn:snplp:1.0\">\n</records>\n");
    snplp_free(xml);
    snplp_records_unref(r);
}

/* A document of another kind is refused with a hint saying what it is, by each import. */
static void other_kinds_are_not_records(void **state)
{
    (void)state;
    snplp_records *r = xml_make_records(2);
    size_t len = 0;
    char *xml = xml_export_text(DOC, r, &len);
    for (int strict = 0; strict < 2; strict++) {
        snplp_import_options *o = strict ? strict_options() : NULL;
        snplp_diagnostics *d = new_diags();
        snplp_referential *ref = NULL;
        assert_status(snplp_referential_import_memory(&ref, d, xml, len, "records.xml", o),
                      SNPLP_EPARSE);
        assert_null(ref);
        assert_true(has_code(d, SNPLP_DIAG_WRONG_ROOT));
        assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)),
                               "training records, not a referential"));
        snplp_diagnostics_clear(d);
        snplp_convention_list *list = NULL;
        assert_status(snplp_conventions_import_memory(&list, d, xml, len, "records.xml", o),
                      SNPLP_EPARSE);
        assert_null(list);
        assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)),
                               "training records, not a file of conventions"));
        snplp_diagnostics_clear(d);
        snplp_records *other = NULL;
        assert_status(snplp_records_import_file(&other, d, SNPLP_REFERENTIAL_DATA, o),
                      SNPLP_EPARSE);
        assert_null(other);
        assert_true(refused_as_other_kind(d));
        assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)),
                               "a referential, not training records"));
        snplp_diagnostics_free(d);
        snplp_import_options_free(o);
    }
    snplp_free(xml);
    snplp_records_unref(r);
}

/* The findings of the reader of records and of the input source in French
 * (util/messages/diag/xml.fr.txt), with their message ids and typed parameters. */
static void findings_are_in_french(void **state)
{
    (void)state;
    static const struct {
        const char *fixture, *id, *param, *value, *says;
    } cases[] = {
        {"model-value-days-overflow.xml", "model-value/decimal", "attribute", "days",
         "la valeur «\xC2\xA0"
         "0.0000000000000000001\xC2\xA0» de l’attribut days de <attendance>"
         " dépasse ce que tient un nombre décimal"},
        {"missing-attribute-worker-from.xml", "missing-attribute/attribute", "attribute", "from",
         "il manque à <worker> l’attribut «\xC2\xA0"
         "from\xC2\xA0»"},
        {"bad-id-worker.xml", "bad-id/attribute", "value", "80-0042",
         "«\xC2\xA0"
         "80-0042\xC2\xA0» n’est pas un identifiant"},
        {"model-value-phone.xml", "model-value/model", "element", "training-body",
         "valeur refusée pour training-body\xC2\xA0: "},
        {"not-nfc.xml", "text-normalized/text", "element", "name",
         "le texte de <name> n’était pas en Unicode NFC\xC2\xA0: il a été normalisé"},
        {"mismatched-tags.xml", "not-well-formed/tag-mismatch", "element", "name",
         "document mal formé\xC2\xA0: <name>, ouvert à la ligne 5, est fermé par </title>"},
        {"wrong-root-no-namespace.xml", "wrong-root/no-namespace", "expected_namespace",
         "urn:snplp:1.0",
         "l’élément racine est <records> sans espace de noms, et non <records> de l’espace de "
         "noms urn:snplp:1.0"},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        size_t len = 0;
        char *data = xml_fixture(DOC, cases[i].fixture, &len);
        snplp_diagnostics *d = new_diags();
        assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_FR));
        snplp_records *out = NULL;
        int rc = snplp_records_import_memory(&out, d, data, len, "r.xml", NULL);
        snplp_records_unref(out);
        assert_true(rc == SNPLP_OK || rc == SNPLP_EPARSE || rc == SNPLP_EVALIDATION);
        assert_true(snplp_diagnostics_count(d) >= 1);
        const snplp_diagnostic *g = snplp_diagnostics_at(d, 0);
        const char *id = snplp_diagnostic_message_id(g), *m = snplp_diagnostic_message(g);
        if (!id || strcmp(id, cases[i].id) != 0 || !strstr(m, cases[i].says))
            print_error("%s: %s: %s\n", cases[i].fixture, id ? id : "(no id)", m);
        assert_string_equal(id, cases[i].id);
        assert_non_null(strstr(m, cases[i].says));
        assert_string_equal(snplp_diagnostic_param(g, cases[i].param), cases[i].value);
        snplp_diagnostics_free(d);
        free(data);
    }
    /* a file that cannot be opened: the reason in French too, the path a parameter */
    snplp_diagnostics *d = new_diags();
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_FR));
    snplp_records *out = NULL;
    assert_status(snplp_records_import_file(&out, d, "/nonexistent/dir/r.xml", NULL), SNPLP_EIO);
    assert_int_equal(snplp_diagnostics_count(d), 1);
    const snplp_diagnostic *g = snplp_diagnostics_at(d, 0);
    assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_IO);
    assert_string_equal(snplp_diagnostic_message_id(g), "io/not-found");
    assert_string_equal(snplp_diagnostic_param(g, "path"), "/nonexistent/dir/r.xml");
    assert_string_equal(snplp_diagnostic_message(g), "impossible d’ouvrir /nonexistent/dir/r.xml"
                                                     "\xC2\xA0: ce fichier ou ce dossier n’existe "
                                                     "pas");
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_EN));
    assert_string_equal(snplp_diagnostic_message(g),
                        "cannot open /nonexistent/dir/r.xml: No such file or directory");
    snplp_diagnostics_free(d);
}

/* The compiled-in schema is version 1.2 (since 1.5; it holds 1.1, which holds the records), one
 * self-contained text declaring the three roots. */
static void the_schema_is_1_2_and_self_contained(void **state)
{
    (void)state;
    const char *xsd = snplp_xml_schema();
    assert_non_null(strstr(xsd, "version=\"1.2\""));
    assert_null(strstr(xsd, "<xs:include"));
    assert_null(strstr(xsd, "<xs:redefine"));
    assert_non_null(strstr(xsd, "<xs:element name=\"referential\">"));
    assert_non_null(strstr(xsd, "<xs:element name=\"conventions\">"));
    assert_non_null(strstr(xsd, "<xs:element name=\"records\">"));
    assert_non_null(strstr(xsd, "<xs:complexType name=\"attendance\">"));
}

/* ---- generated inputs: nesting, text and attribute sizes ---- */

/* A foreign element nested `foreign` deep at the end of the root (where 0), of a worker (1) or
 * of an attendance (2): the deepest element is at depth 1 + foreign, or 2 + foreign. */
static text_buf nested_foreign(int where, size_t foreign)
{
    text_buf t = {0};
    puts_(&t, DOC_START);
    if (where == 1)
        puts_(&t, "<worker id=\"w\" profession=\"p\" employer=\"e\" territory=\"80\" "
                  "from=\"2020-01-01\">");
    if (where == 2)
        puts_(&t, "<attendance worker=\"w\" session=\"s\" status=\"attended\">");
    put_repeat(&t, "<x:a xmlns:x=\"urn:example:x\">", foreign);
    put_repeat(&t, "</x:a>", foreign);
    puts_(&t, where == 1 ? "</worker>" : where == 2 ? "</attendance>" : "");
    puts_(&t, DOC_END);
    return t;
}

static void nesting_deeper_than_the_limit_is_refused(void **state)
{
    (void)state;
    for (int where = 0; where < 3; where++) {
        size_t max = where == 0 ? 99 : 98; /* the deepest element at depth 100 */
        for (int strict = 0; strict < 2; strict++) {
            text_buf t = nested_foreign(where, max);
            xml_expect_status(DOC, t.s, t.n, strict, SNPLP_OK, 0);
            free(t.s);
            t = nested_foreign(where, max + 1);
            xml_expect_status(DOC, t.s, t.n, strict, SNPLP_EPARSE, SNPLP_DIAG_TOO_DEEP);
            free(t.s);
        }
        text_buf t = nested_foreign(where, max);
        xml_text_goes_round(DOC, t.s, t.n);
        free(t.s);
    }
    text_buf t = nested_foreign(2, 100000);
    xml_result r = xml_import_text(DOC, t.s, t.n, false);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, SNPLP_EPARSE);
    assert_int_equal(count_code(r.d, SNPLP_DIAG_TOO_DEEP), 1);
    assert_int_equal(snplp_diagnostics_count(r.d), 1);
    xml_result_free(DOC, &r);
    free(t.s);
}

static void texts_and_attributes_longer_than_the_limits_are_refused(void **state)
{
    (void)state;
    for (int over = 0; over < 2; over++) {
        text_buf t = {0};
        puts_(&t, DOC_START "<employer id=\"e\" kind=\"other\" territory=\"80\"><name>");
        put_repeat(&t, "é", SNPLP_XML_MAX_TEXT + (size_t)over);
        puts_(&t, "</name></employer><worker id=\"w\" color=\"red\" profession=\"p\" "
                  "employer=\"e\" territory=\"80\" from=\"2020-01-01\"/>" DOC_END);
        xml_result r = xml_import_text(DOC, t.s, t.n, false);
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_EPARSE);
        assert_int_equal(count_code(r.d, SNPLP_DIAG_TEXT_TOO_LONG), (size_t)over);
        assert_true(has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE)); /* later problems reported */
        xml_result_free(DOC, &r);
        free(t.s);
    }
    for (int over = 0; over < 2; over++) {
        text_buf t = {0};
        puts_(&t, DOC_START "<worker id=\"w\" profession=\"p\" employer=\"e\" territory=\"80\" "
                            "from=\"2020-01-01\" unit=\"");
        put_repeat(&t, "a", SNPLP_XML_MAX_ATTRIBUTE + (size_t)over);
        puts_(&t, "\"/><attendance worker=\"w\" session=\"s\" status=\"attended\" color=\"red\"/>"
                  "<x:e xmlns:x=\"urn:x\"/>" DOC_END);
        xml_result r = xml_import_text(DOC, t.s, t.n, false);
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_EPARSE);
        assert_int_equal(count_code(r.d, SNPLP_DIAG_ATTRIBUTE_TOO_LONG), (size_t)over);
        assert_true(has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE));
        xml_result_free(DOC, &r);
        free(t.s);
    }
}

/* The refusals of the reader core hold for records: NUL bytes, UTF-16, a byte order mark in
 * the middle (two files joined), too many attributes, a start tag too long. */
static void hostile_bytes_are_refused(void **state)
{
    (void)state;
#define BOM "\xEF\xBB\xBF"
#define W   "<worker id=\"w\" profession=\"p\" employer=\"e\" territory=\"80\" from=\"2020-01-01\"/>"
    static const struct {
        const char *doc;
        size_t len; /* 0: strlen */
        int code;
        const char *says;
    } cases[] = {
        {"<records xmlns=\"urn:snplp:1.0\"/>\0\0\0\0", 36, 200, "NUL bytes"},
        {"<\0r\0e\0", 6, 200, "the document is in UTF-16"},
        {BOM "<records xmlns=\"urn:snplp:1.0\"/>\n" BOM "<records/>", 0, 200, "byte-order mark"},
        {"<records xmlns=\"urn:snplp:1.0\">" BOM W "</records>", 0, 216, "byte-order mark"},
        {"<records xmlns=\"urn:snplp:1.0\"><" BOM "worker id=\"w\" profession=\"p\" "
         "employer=\"e\" territory=\"80\" from=\"2020-01-01\"/></records>",
         0, 211, "byte-order mark"},
        {"<" BOM "records xmlns=\"urn:snplp:1.0\"/>", 0, 210, "byte-order mark"},
        {"<records xmlns=\"urn:snplp:1.0\"><attendance " BOM
         "worker=\"w\" session=\"s\" status=\"attended\"/></records>",
         0, 213, "byte-order mark"},
        {"<?xml version=\"1.0\" encoding=\"UTF-16\"?><records xmlns=\"urn:snplp:1.0\"/>", 0, 200,
         "UTF-8"},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].doc);
        xml_result r = xml_import_text(DOC, cases[i].doc, len, false);
        const snplp_diagnostic *g = snplp_diagnostics_at(r.d, 0);
        const char *m = snplp_diagnostic_message(g);
        if (!m || !strstr(m, cases[i].says) || (int)snplp_diagnostic_code(g) != cases[i].code)
            print_error("case %zu: %s\n", i, m ? m : "(no finding)");
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_EPARSE);
        assert_int_equal(snplp_diagnostic_code(g), cases[i].code);
        assert_non_null(strstr(m, cases[i].says));
        xml_result_free(DOC, &r);
    }
#undef W
#undef BOM
    /* an attendance with 257 attributes, a worker's start tag over 1 MiB: fatal, at once */
    for (int k = 0; k < 2; k++) {
        text_buf t = {0};
        puts_(&t, DOC_START "<attendance worker=\"w\" session=\"s\" status=\"attended\" "
                            "xmlns:x=\"urn:x\"");
        if (k == 0) {
            put_numbered_attrs(&t, 253, "\"v\"");
        } else {
            puts_(&t, " x:big=\"");
            put_repeat(&t, "a", SNPLP_XML_MAX_START_TAG);
            puts_(&t, "\"");
        }
        puts_(&t, "/>" DOC_END);
        for (int strict = 0; strict < 2; strict++) {
            /* refused on the bytes, before libxml2 (and its XSD validation) sees the tag */
            xml_result r = xml_import_text(DOC, t.s, t.n, strict);
            assert_int_equal(r.breaches, 0);
            assert_int_equal(r.rc, SNPLP_EPARSE);
            assert_int_equal(snplp_diagnostics_count(r.d), 1);
            assert_true(has_code(r.d, k == 0 ? SNPLP_DIAG_TOO_MANY_ATTRIBUTES
                                             : SNPLP_DIAG_START_TAG_TOO_LONG));
            xml_result_free(DOC, &r);
        }
        free(t.s);
    }
    /* A '<' inside a value, then 300 attributes: not well-formed, refused either way; the scan
     * passes over short tags whole and starts again at each '<' (reader.c, SCAN_NEAR), so that
     * the refusal is placed at the '<' inside the value. Before it, 40 short records go the near
     * way. */
    text_buf t = {0};
    puts_(&t, DOC_START "\n");
    for (int i = 0; i < 40; i++)
        puts_(&t, "<attendance worker=\"w\" session=\"s\" status=\"attended\"/>\n");
    puts_(&t, "<attendance xmlns:x=\"urn:x\" x:v=\"<\"");
    put_numbered_attrs(&t, 300, "\"v\"");
    puts_(&t, "/>" DOC_END);
    xml_result r = xml_import_text(DOC, t.s, t.n, false);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, SNPLP_EPARSE);
    assert_int_equal(snplp_diagnostics_count(r.d), 1);
    const snplp_diagnostic *g = snplp_diagnostics_at(r.d, 0);
    assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_TOO_MANY_ATTRIBUTES);
    assert_int_equal(snplp_diagnostic_line(g), 42);
    assert_int_equal(snplp_diagnostic_column(g), 34); /* the '<' inside x:v="<" */
    xml_result_free(DOC, &r);
    free(t.s);
}

/* The export writes the records in the order of the model, and its days as they were set. */
static void export_follows_the_model(void **state)
{
    (void)state;
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_ok(snplp_records_add_session(NULL, r, "s2", "m", "b", (snplp_date){2021, 1, 1},
                                        (snplp_date){2021, 1, 2}, dec_of("1.50"),
                                        SNPLP_MODE_MIXED));
    assert_ok(snplp_records_add_session(NULL, r, "s1", "m", "b", (snplp_date){2021, 1, 1},
                                        (snplp_date){2021, 1, 2}, dec_of("2"), SNPLP_MODE_ON_SITE));
    assert_ok(snplp_records_add_worker(NULL, r, "w9", "p", "e", "2B", (snplp_date){2020, 2, 29}));
    size_t len = 0;
    char *xml = xml_export_text(DOC, r, &len);
    const char *w = strstr(xml, "<worker id=\"w9\""), *s2 = strstr(xml, "<session id=\"s2\""),
               *s1 = strstr(xml, "<session id=\"s1\"");
    assert_true(w && s2 && s1 && w < s2 && s2 < s1);
    assert_non_null(strstr(xml, "days=\"1.50\" mode=\"mixed\"/>"));
    assert_non_null(strstr(xml, "from=\"2020-02-29\"/>"));
    snplp_free(xml);
    snplp_records_unref(r);
}

/* What the shared tests (support/xml_docs.h) need to know of records. */
static const char *const failing[] = {"several-problems.xml", "duplicate-id-profession.xml",
                                      "model-value-siret-key.xml", "hostile-billion-laughs.xml",
                                      "truncated.xml"};
static const char *const oom[] = {SNPLP_RECORDS_FIXTURES_DIR "/valid-complete.xml",
                                  SNPLP_RECORDS_FIXTURES_DIR "/valid-extensions.xml",
                                  SNPLP_RECORDS_FIXTURES_DIR "/not-nfc.xml",
                                  SNPLP_RECORDS_FIXTURES_DIR "/valid-many-attendance.xml"};
static const char *const oom_export[] = {"valid-extensions.xml", "valid-complete.xml"};
static const xml_suite suite = {
    .doc = DOC,
    .test_file = "test_records_xml.c",
    XML_LIST(cases, fixtures),
    XML_LIST(hostile, hostile),
    XML_LIST(failing, failing),
    .read_sample = EXAMPLE,
    XML_LIST(oom, oom),
    XML_LIST(oom_export, oom_export),
    .own_breach_unseen = refused_as_other_kind,
    .min_examples = 1,
    .min_round_trips = 10,
    .min_unseen = 2,
};

int main(void)
{
    const struct CMUnitTest tests[] = {
        XML_SHARED_TESTS(&suite),
        cmocka_unit_test(complete_fixture_is_read_whole),
        cmocka_unit_test(example_is_read_whole),
        cmocka_unit_test(references_name_their_records),
        cmocka_unit_test(decimals_and_whitespace),
        cmocka_unit_test(every_text_not_in_nfc_is_reported),
        cmocka_unit_test(canonical_fixtures_are_written_back_byte_for_byte),
        cmocka_unit_test(extensions_are_kept),
        cmocka_unit_test(extension_api),
        cmocka_unit_test(api_built_records_go_round),
        cmocka_unit_test(other_kinds_are_not_records),
        cmocka_unit_test(findings_are_in_french),
        cmocka_unit_test(the_schema_is_1_2_and_self_contained),
        cmocka_unit_test(nesting_deeper_than_the_limit_is_refused),
        cmocka_unit_test(texts_and_attributes_longer_than_the_limits_are_refused),
        cmocka_unit_test(hostile_bytes_are_refused),
        cmocka_unit_test(export_follows_the_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
