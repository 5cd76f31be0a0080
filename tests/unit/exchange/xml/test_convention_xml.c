/* Tests of xml.h for files of conventions: snplp_conventions_import_*() and
 * snplp_conventions_export_*(), and the extensions of conventions (extension.h).
 *
 * The fixtures (tests/fixtures/xml-conventions, listed in its README.md) are small files of
 * conventions, one per case; the table below gives each one's expected status and findings.
 * Inputs too big to commit (deep nesting, huge texts and attributes) are generated here. Every
 * import is checked against the contract of xml.h (contract_breaches): the status matches the
 * findings, *out is untouched on error, every finding from the document has a line and a
 * column. Every fixture is read three ways (file, memory, a read callback giving one byte at a
 * time) with the same findings. The verdict test runs the default and the strict import over
 * every file of conventions we have and requires them to agree. Modelled on test_xml.c. */
#include "xml_docs.h"
#include "test_values.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define DOC        (&xml_conventions)
#define EXAMPLE_49 SNPLP_EXAMPLES_DATA_DIR "/convention-49.xml"
#define EXAMPLE_52 SNPLP_EXAMPLES_DATA_DIR "/conventions-52.xml"

/* A file of one convention, for documents made here. */
#define DOC_START                                                                                  \
    "<conventions xmlns=\"urn:snplp:1.0\"><convention id=\"c\" territory-kind=\"departement\" "    \
    "territory-code=\"49\"><territory-name>T</territory-name>"
#define DOC_END "</convention></conventions>"

/* ---- helpers ---- */

/* The text of a decimal, digit for digit. */
static void assert_decimal(snplp_decimal d, const char *want)
{
    char buf[SNPLP_DECIMAL_MAX_TEXT];
    assert_ok(snplp_decimal_format(buf, sizeof buf, d));
    if (strcmp(buf, want) != 0)
        print_error("decimal %s, expected %s\n", buf, want);
    assert_string_equal(buf, want);
}

static void assert_target(const snplp_indicator *ind, int32_t year, const char *want)
{
    snplp_decimal d = {0, 0};
    if (!want) {
        assert_status(snplp_indicator_target(&d, ind, year), SNPLP_ENOTFOUND);
        return;
    }
    assert_ok(snplp_indicator_target(&d, ind, year));
    assert_decimal(d, want);
}

static void assert_actual(const snplp_indicator *ind, int32_t year, const char *want)
{
    snplp_decimal d = {0, 0};
    if (!want) {
        assert_status(snplp_indicator_actual(&d, ind, year), SNPLP_ENOTFOUND);
        return;
    }
    assert_ok(snplp_indicator_actual(&d, ind, year));
    assert_decimal(d, want);
}

static void assert_baseline(const snplp_indicator *ind, int32_t year, const char *want)
{
    int32_t y = 0;
    snplp_decimal d = {0, 0};
    if (!want) {
        assert_status(snplp_indicator_baseline(&y, &d, ind), SNPLP_ENOTFOUND);
        return;
    }
    assert_ok(snplp_indicator_baseline(&y, &d, ind));
    assert_int_equal(y, year);
    assert_decimal(d, want);
}

static void assert_funding(const snplp_convention *c, int32_t year, int64_t state, int64_t own)
{
    int64_t s = -1, o = -1;
    assert_ok(snplp_convention_funding(c, year, &s, &o));
    assert_true(s == state);
    assert_true(o == own);
}

static snplp_convention_list *new_list(void);

/* ---- the fixtures, each with its expected status and findings ---- */

/* Keep in step with the fixtures and their README.md (every_fixture_is_in_the_table). */
static const fixture_case fixtures[] = {
    /* Good documents */
    {"valid-minimal.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-complete.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-extensions.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-decimals.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-territories.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-whitespace.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-years-edge.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-shared-ids.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-references-unchecked.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-values-partial.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-explicit-defaults.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-prefixed.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-markup.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-utf8-bom.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-xsi-hints.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"valid-from-records.xml", SNPLP_OK, {{0, 0, NULL}}},
    {"not-nfc.xml", SNPLP_OK, {{240, 7, "indicator-a"}}},
    {"not-nfc-every-text.xml", SNPLP_OK, {{240, 5, NULL}}},
    /* Not well-formed (200, fatal) */
    {"empty.xml", SNPLP_EPARSE, {{200, 0, NULL}}},
    {"mismatched-tags.xml", SNPLP_EPARSE, {{200, 5, NULL}}},
    {"truncated.xml", SNPLP_EPARSE, {{200, 0, NULL}}},
    {"invalid-utf8.xml", SNPLP_EPARSE, {{200, 5, NULL}}},
    {"encoding-latin1.xml", SNPLP_EPARSE, {{200, 1, NULL}}},
    {"problems-then-fatal.xml", SNPLP_EPARSE, {{213, 4, NULL}, {200, 5, NULL}}},
    /* Document type declarations (202, fatal): never loaded, never expanded */
    {"doctype-plain.xml", SNPLP_EPARSE, {{202, 3, NULL}}},
    {"hostile-external-entity-file.xml", SNPLP_EPARSE, {{202, 0, NULL}}},
    {"hostile-billion-laughs.xml", SNPLP_EPARSE, {{202, 0, NULL}}},
    {"hostile-internal-entity.xml", SNPLP_EPARSE, {{202, 3, NULL}}},
    /* Wrong root (210) */
    {"wrong-root-referential.xml", SNPLP_EPARSE, {{210, 3, NULL}}},
    {"wrong-root-convention.xml", SNPLP_EPARSE, {{210, 3, NULL}}},
    {"wrong-root-namespace.xml", SNPLP_EPARSE, {{210, 3, NULL}}},
    {"wrong-root-no-namespace.xml", SNPLP_EPARSE, {{210, 3, NULL}}},
    /* Unknown element (211) */
    {"unknown-element-order.xml", SNPLP_EPARSE, {{211, 7, NULL}}},
    {"unknown-element-second-territory-name.xml", SNPLP_EPARSE, {{211, 6, NULL}}},
    {"unknown-element-second-baseline.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    {"unknown-element-in-status.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    {"unknown-element-in-values.xml", SNPLP_EPARSE, {{211, 10, NULL}}},
    {"unknown-element-in-signatory.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    {"unknown-element-foreign-in-root.xml", SNPLP_EPARSE, {{211, 7, NULL}}},
    {"unknown-element-foreign-not-last.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    {"unknown-element-foreign-before-action.xml", SNPLP_EPARSE, {{211, 7, NULL}}},
    {"unknown-element-foreign-before-status.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    {"unknown-element-foreign-before-values.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    {"unknown-element-foreign-before-indicator.xml", SNPLP_EPARSE, {{211, 7, NULL}}},
    {"unknown-element-referential.xml", SNPLP_EPARSE, {{211, 6, NULL}}},
    {"unknown-element-snplp.xml", SNPLP_EPARSE, {{211, 6, NULL}}},
    {"unknown-element-no-namespace.xml", SNPLP_EPARSE, {{211, 8, NULL}}},
    {"unknown-element-in-text.xml", SNPLP_EPARSE, {{211, 7, NULL}}},
    {"unknown-element-in-funding.xml", SNPLP_EPARSE, {{211, 7, NULL}}},
    {"unknown-element-foreign-after-from-records.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    {"unknown-element-second-from-records.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    {"unknown-element-values-after-from-records.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    {"unknown-element-from-records-order.xml", SNPLP_EPARSE, {{211, 10, NULL}}},
    {"unknown-element-in-from-records.xml", SNPLP_EPARSE, {{211, 9, NULL}}},
    /* Missing element (212) */
    {"missing-element-convention.xml", SNPLP_EPARSE, {{212, 4, NULL}}},
    {"missing-element-territory-name.xml", SNPLP_EPARSE, {{212, 4, NULL}}},
    {"missing-element-title.xml", SNPLP_EPARSE, {{212, 6, NULL}}},
    {"missing-element-label.xml", SNPLP_EPARSE, {{212, 7, NULL}}},
    {"missing-element-name.xml", SNPLP_EPARSE, {{212, 8, NULL}}},
    {"missing-element-role.xml", SNPLP_EPARSE, {{211, 7, NULL}, {212, 8, NULL}}},
    /* Unknown attribute (213) */
    {"unknown-attribute.xml", SNPLP_EPARSE, {{213, 4, NULL}}},
    {"unknown-attribute-referential.xml", SNPLP_EPARSE, {{213, 6, NULL}}},
    {"unknown-attribute-on-root.xml", SNPLP_EPARSE, {{213, 3, NULL}}},
    {"unknown-attribute-foreign-on-root.xml", SNPLP_EPARSE, {{213, 3, NULL}}},
    {"unknown-attribute-foreign-on-status.xml", SNPLP_EPARSE, {{213, 8, NULL}}},
    {"unknown-attribute-foreign-on-values.xml", SNPLP_EPARSE, {{213, 8, NULL}}},
    {"unknown-attribute-foreign-on-funding.xml", SNPLP_EPARSE, {{213, 6, NULL}}},
    {"unknown-attribute-foreign-on-signatory.xml", SNPLP_EPARSE, {{213, 6, NULL}}},
    {"unknown-attribute-foreign-on-text.xml", SNPLP_EPARSE, {{213, 7, NULL}}},
    {"unknown-attribute-snplp-qualified.xml", SNPLP_EPARSE, {{213, 6, NULL}}},
    {"unknown-attribute-xsi-type.xml", SNPLP_EPARSE, {{213, 6, NULL}}},
    /* Missing attribute (214) */
    {"missing-attribute-convention-id.xml", SNPLP_EPARSE, {{214, 4, NULL}}},
    {"missing-attribute-territory-kind.xml", SNPLP_EPARSE, {{214, 4, NULL}}},
    {"missing-attribute-territory-code.xml", SNPLP_EPARSE, {{214, 4, NULL}}},
    {"missing-attribute-funding-own-cents.xml", SNPLP_EPARSE, {{214, 6, NULL}}},
    {"missing-attribute-report-sent.xml", SNPLP_EPARSE, {{214, 6, NULL}}},
    {"missing-attribute-action-id.xml", SNPLP_EPARSE, {{214, 6, NULL}}},
    {"missing-attribute-objective.xml", SNPLP_EPARSE, {{214, 6, NULL}}},
    {"missing-attribute-status-value.xml", SNPLP_EPARSE, {{214, 8, NULL}}},
    {"missing-attribute-status-year.xml", SNPLP_EPARSE, {{214, 8, NULL}}},
    {"missing-attribute-indicator-unit.xml", SNPLP_EPARSE, {{214, 6, NULL}}},
    {"missing-attribute-baseline-value.xml", SNPLP_EPARSE, {{214, 8, NULL}}},
    {"missing-attribute-values-year.xml", SNPLP_EPARSE, {{214, 8, NULL}}},
    {"missing-attribute-measure.xml", SNPLP_EPARSE, {{214, 8, NULL}}},
    {"missing-attribute-ref.xml", SNPLP_EPARSE, {{214, 9, NULL}}},
    /* Bad value (215) */
    {"bad-value-year-two-digits.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-year-0999.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-year-9999.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-year-signed.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-first-year.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-last-year-9999.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-signature-date.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-signature-date-month.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-report-time-zone.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-territory-kind.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-territory-kind-case.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-territory-code-letter.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-territory-code-long.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-territory-code-short.xml", SNPLP_EPARSE, {{215, 4, NULL}}},
    {"bad-value-objective.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-status.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-unit.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-polarity.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-aggregation.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-decimal-comma.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-decimal-exponent.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-decimal-plus.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-decimal-trailing-point.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-decimal-leading-point.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-decimal-thousands.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-decimal-empty.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    {"bad-value-cents-negative.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-cents-overflow.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-cents-decimal.xml", SNPLP_EPARSE, {{215, 6, NULL}}},
    {"bad-value-measure.xml", SNPLP_EPARSE, {{215, 8, NULL}}},
    /* Unexpected text (216) */
    {"unexpected-text-convention.xml", SNPLP_EPARSE, {{216, 0, NULL}}},
    {"unexpected-text-root.xml", SNPLP_EPARSE, {{216, 0, NULL}}},
    {"unexpected-text-status.xml", SNPLP_EPARSE, {{216, 0, NULL}}},
    {"unexpected-text-funding.xml", SNPLP_EPARSE, {{216, 0, NULL}}},
    /* Bad id (217) */
    {"bad-id-convention.xml", SNPLP_EPARSE, {{217, 4, NULL}}},
    {"bad-id-action-space.xml", SNPLP_EPARSE, {{217, 6, NULL}}},
    {"bad-id-surrounding-space.xml", SNPLP_EPARSE, {{217, 6, NULL}}},
    {"bad-id-empty.xml", SNPLP_EPARSE, {{217, 6, NULL}}},
    {"bad-id-too-long.xml", SNPLP_EPARSE, {{217, 6, NULL}}},
    {"bad-id-weight.xml", SNPLP_EPARSE, {{217, 6, NULL}}},
    {"bad-id-numerator.xml", SNPLP_EPARSE, {{217, 6, NULL}}},
    {"bad-id-ref.xml", SNPLP_EPARSE, {{217, 9, NULL}}},
    /* Duplicate id (230) */
    {"duplicate-id-convention.xml", SNPLP_EVALIDATION, {{230, 7, "calpae-49-2019"}}},
    {"duplicate-id-action.xml", SNPLP_EVALIDATION, {{230, 7, "action-a"}}},
    {"duplicate-id-indicator.xml", SNPLP_EVALIDATION, {{230, 7, "indicator-a"}}},
    {"duplicate-id-action-and-indicator.xml", SNPLP_EVALIDATION, {{230, 7, "shared"}}},
    /* Rules of the model met while reading (231) */
    {"model-value-departement-20.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-20-2019"}}},
    {"model-value-departement-975.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-975-2019"}}},
    {"model-value-region-49.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-49-2019"}}},
    {"model-value-region-2A.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-2a-2020"}}},
    {"model-value-metropole-checksum.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-mel-2020"}}},
    {"model-value-decimal-19-decimals.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-decimal-overflow.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-decimal-int64-min.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-decimal-overflow-with-point.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-baseline-overflow.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-first-year-alone.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-49-2019"}}},
    {"model-value-last-year-alone.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-49-2019"}}},
    {"model-value-years-reversed.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-49-2019"}}},
    {"model-value-dropped-without-reason.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-reason-on-done.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-blank-reason.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-second-status.xml", SNPLP_EVALIDATION, {{231, 9, NULL}}},
    {"model-value-second-funding.xml", SNPLP_EVALIDATION, {{231, 7, NULL}}},
    {"model-value-second-report.xml", SNPLP_EVALIDATION, {{231, 7, NULL}}},
    {"model-value-second-values.xml", SNPLP_EVALIDATION, {{231, 9, NULL}}},
    {"model-value-report-sent-early.xml", SNPLP_EVALIDATION, {{231, 6, NULL}}},
    {"model-value-weight-with-sum.xml", SNPLP_EVALIDATION, {{231, 6, "indicator-a"}}},
    {"model-value-weight-without-aggregation.xml", SNPLP_EVALIDATION, {{231, 6, "indicator-a"}}},
    {"model-value-weighted-mean-without-weight.xml", SNPLP_EVALIDATION, {{231, 6, "indicator-a"}}},
    {"model-value-numerator-alone.xml", SNPLP_EVALIDATION, {{231, 6, "indicator-a"}}},
    {"model-value-denominator-alone.xml", SNPLP_EVALIDATION, {{231, 6, "indicator-a"}}},
    {"model-value-blank-territory-name.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-49-2019"}}},
    {"model-value-empty-territory-name.xml", SNPLP_EVALIDATION, {{231, 4, "calpae-49-2019"}}},
    {"model-value-blank-title.xml", SNPLP_EVALIDATION, {{231, 6, "action-a"}}},
    {"model-value-blank-label.xml", SNPLP_EVALIDATION, {{231, 6, "indicator-a"}}},
    {"model-value-blank-role.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-blank-name.xml", SNPLP_EVALIDATION, {{231, 8, NULL}}},
    {"model-value-filter-twice.xml", SNPLP_EVALIDATION, {{231, 10, NULL}}},
    /* Several problems in one pass */
    {"several-problems.xml",
     SNPLP_EPARSE,
     {{213, 4, NULL}, {215, 6, NULL}, {217, 7, NULL}, {212, 8, NULL}}},
    {"schema-and-model-problems.xml",
     SNPLP_EPARSE,
     {{213, 6, NULL}, {230, 7, "action-a"}, {231, 9, "calpae-20-2019"}}},
    {"model-problems-together.xml",
     SNPLP_EVALIDATION,
     {{230, 7, "calpae-49-2019"}, {231, 11, "calpae-975-2019"}, {231, 17, NULL}, {231, 20, NULL}}},
};

/* ---- the verdict test (xml_default_and_strict_imports_agree) ---- */

/* Whether the import refused the document as a referential (root <referential> of the snplp
 * namespace): the schema declares both roots, so libxml2's XSD validation finds nothing
 * wrong with it, while the import of conventions refuses it (210). */
static bool refused_as_referential(const snplp_diagnostics *d)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_code(g) == SNPLP_DIAG_WRONG_ROOT &&
            strstr(snplp_diagnostic_message(g), "a referential, not a file of conventions"))
            return true;
    }
    return false;
}

/* Documents that libxml2's XSD validator (2.9) wrongly accepts: in a sequence ending with a
 * repeated element and the wildcard of extensions (`status*` then `xs:any ##other*` in
 * <action>, `values*` in <indicator>, `indicator*` in <convention>), it lets the repeated
 * element come again after elements matched by the wildcard, which the schema forbids (a
 * sequence). The schema states the rule and the library applies it (211): for these, a 220
 * finding is not required (but still allowed, for a libxml2 that gets it right). Reproduced
 * with a four-line schema: <a/>, <b/>*, xs:any##other* accepts <a/><x:n/><b/> with
 * maxOccurs="unbounded" and refuses it with maxOccurs="3". */
static const char *const libxml2_misses[] = {
    "unknown-element-foreign-before-status.xml",
    "unknown-element-foreign-before-values.xml",
    "unknown-element-foreign-before-indicator.xml",
};

/* ---- the values read ---- */

/* examples/data/convention-49.xml: every element and attribute, read into the model. */
static void example_49_is_read_whole(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_path_ok(DOC, EXAMPLE_49);
    assert_int_equal(snplp_convention_list_count(list), 1);
    snplp_convention *c = snplp_convention_list_at(list, 0);
    assert_ptr_equal(snplp_convention_list_find(list, "calpae-49-2019"), c);
    assert_null(snplp_convention_list_at(list, 1));
    assert_text(snplp_convention_id(c), "calpae-49-2019");
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_DEPARTEMENT);
    assert_text(snplp_convention_territory_code(c), "49");
    assert_text(snplp_convention_territory_name(c), "Maine-et-Loire");
    assert_int_equal(snplp_convention_first_year(c), 2019);
    assert_int_equal(snplp_convention_last_year(c), 2021);
    snplp_date d = {0, 0, 0};
    assert_ok(snplp_convention_signature_date(&d, c));
    assert_date(d, 2019, 6, 28);

    assert_int_equal(snplp_convention_signatory_count(c), 2);
    assert_text(snplp_convention_signatory_role(c, 0), "Préfet de Maine-et-Loire");
    assert_text(snplp_convention_signatory_name(c, 0), "Claude Exemple (nom fictif)");
    assert_text(snplp_convention_signatory_role(c, 1),
                "Président du conseil départemental de Maine-et-Loire");
    assert_text(snplp_convention_signatory_name(c, 1), "Dominique Modèle (nom fictif)");
    assert_null(snplp_convention_signatory_role(c, 2));

    assert_int_equal(snplp_convention_funding_year_count(c), 3);
    assert_int_equal(snplp_convention_funding_year_at(c, 0), 2019);
    assert_int_equal(snplp_convention_funding_year_at(c, 2), 2021);
    assert_funding(c, 2019, 150000000, 150000000);
    assert_funding(c, 2020, 175000000, 150000000);
    assert_funding(c, 2021, 200000000, 150000000);
    assert_status(snplp_convention_funding(c, 2022, NULL, NULL), SNPLP_ENOTFOUND);

    assert_int_equal(snplp_convention_report_year_count(c), 2);
    assert_ok(snplp_convention_report_sent(&d, c, 2019));
    assert_date(d, 2020, 3, 27);
    assert_ok(snplp_convention_report_sent(&d, c, 2020));
    assert_date(d, 2021, 4, 12);
    assert_status(snplp_convention_report_sent(&d, c, 2021), SNPLP_ENOTFOUND);
    snplp_date at = {2022, 6, 1};
    assert_int_equal(snplp_convention_report_state(c, 2019, at), SNPLP_REPORT_ON_TIME);
    assert_int_equal(snplp_convention_report_state(c, 2020, at), SNPLP_REPORT_LATE);
    assert_int_equal(snplp_convention_report_state(c, 2021, at), SNPLP_REPORT_MISSING);

    /* actions, statuses and the drop reason */
    assert_int_equal(snplp_convention_action_count(c), 4);
    const snplp_action *a = snplp_convention_action_at(c, 0);
    assert_text(snplp_action_id(a), "action-ase");
    assert_ptr_equal(snplp_action_convention(a), c);
    assert_int_equal(snplp_action_objective_of(a), SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS);
    assert_text(snplp_action_title(a),
                "Contrat jeune majeur et logement pour les sortants de l’ASE (action fictive)");
    assert_text(snplp_action_description(a),
                "Aucun jeune ne quitte l’aide sociale à l’enfance à sa majorité sans solution de "
                "logement ni référent (action fictive).");
    assert_int_equal(snplp_action_status_year_count(a), 3);
    assert_int_equal(snplp_action_status_in(a, 2019), SNPLP_ACTION_STATUS_DONE);
    assert_int_equal(snplp_action_status_in(a, 2020), SNPLP_ACTION_STATUS_DONE);
    assert_int_equal(snplp_action_status_in(a, 2021), SNPLP_ACTION_STATUS_IN_PROGRESS);
    a = snplp_convention_action_at(c, 1);
    assert_text(snplp_action_id(a), "action-rsa");
    assert_int_equal(snplp_action_objective_of(a), SNPLP_ACTION_OBJECTIVE_RSA_INSERTION);
    assert_null(snplp_action_description(a));
    assert_int_equal(snplp_action_status_in(a, 2019), SNPLP_ACTION_STATUS_DONE);
    assert_int_equal(snplp_action_status_in(a, 2020), SNPLP_ACTION_STATUS_IN_PROGRESS);
    assert_int_equal(snplp_action_status_in(a, 2021), SNPLP_ACTION_STATUS_PLANNED);
    a = snplp_convention_action_at(c, 2);
    assert_text(snplp_action_id(a), "action-accueil");
    assert_int_equal(snplp_action_objective_of(a), SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK);
    assert_int_equal(snplp_action_status_in(a, 2021), SNPLP_ACTION_STATUS_PLANNED);
    a = snplp_convention_action_find(c, "action-mobilite");
    assert_ptr_equal(a, snplp_convention_action_at(c, 3));
    assert_int_equal(snplp_action_objective_of(a), SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE);
    assert_text(snplp_action_title(a), "Plateforme de mobilité solidaire (initiative fictive)");
    assert_int_equal(snplp_action_status_year_count(a), 2);
    assert_int_equal(snplp_action_status_year_at(a, 0), 2019);
    assert_int_equal(snplp_action_status_year_at(a, 1), 2020);
    assert_int_equal(snplp_action_status_in(a, 2019), SNPLP_ACTION_STATUS_IN_PROGRESS);
    assert_null(snplp_action_drop_reason(a, 2019));
    assert_int_equal(snplp_action_status_in(a, 2020), SNPLP_ACTION_STATUS_DROPPED);
    assert_text(snplp_action_drop_reason(a, 2020),
                "Reprise par la région dans son offre de transport (motif fictif)");
    assert_int_equal(snplp_action_status_in(a, 2021), SNPLP_ACTION_STATUS_NONE);

    /* indicators: unit, polarity, aggregation, weight, numerator, denominator, baseline,
     * targets and actuals digit for digit, sources and comments */
    /* (the seventh, computed from training records, is read in tests/unit/compute/test_fill.c) */
    assert_int_equal(snplp_convention_indicator_count(c), 7);
    assert_int_equal(snplp_indicator_records_measure(snplp_convention_indicator_at(c, 6)),
                     SNPLP_MEASURE_WORKERS_TRAINED);
    const snplp_indicator *ind = snplp_convention_indicator_at(c, 0);
    assert_text(snplp_indicator_id(ind), "jeunes-ase-accompagnes");
    assert_ptr_equal(snplp_indicator_convention(ind), c);
    assert_text(snplp_indicator_label(ind),
                "Jeunes sortant de l’aide sociale à l’enfance accompagnés vers l’autonomie");
    assert_int_equal(snplp_indicator_unit(ind), SNPLP_UNIT_COUNT);
    assert_int_equal(snplp_indicator_polarity(ind), SNPLP_POLARITY_HIGHER);
    assert_int_equal(snplp_indicator_aggregation(ind), SNPLP_AGGREGATION_SUM);
    assert_null(snplp_indicator_weight_id(ind));
    assert_null(snplp_indicator_numerator_id(ind));
    assert_null(snplp_indicator_denominator_id(ind));
    assert_baseline(ind, 2018, "95");
    assert_int_equal(snplp_indicator_year_count(ind), 3);
    assert_int_equal(snplp_indicator_year_at(ind, 0), 2019);
    assert_int_equal(snplp_indicator_year_at(ind, 2), 2021);
    assert_target(ind, 2019, "120");
    assert_actual(ind, 2019, "131");
    assert_target(ind, 2020, "150");
    assert_actual(ind, 2020, "128");
    assert_target(ind, 2021, "180");
    assert_actual(ind, 2021, NULL);
    assert_text(snplp_indicator_source(ind, 2019),
                "Rapport d’exécution sur 2019 et cible de la convention (valeurs fictives)");
    assert_null(snplp_indicator_comment(ind, 2019));
    assert_text(snplp_indicator_comment(ind, 2020),
                "Sorties de l’ASE reportées par la prolongation des prises en charge pendant "
                "l’état d’urgence sanitaire (commentaire fictif)");
    assert_text(snplp_indicator_source(ind, 2021), "Cible de la convention (valeurs fictives)");

    ind = snplp_convention_indicator_find(c, "nouveaux-rsa");
    assert_ptr_equal(ind, snplp_convention_indicator_at(c, 1));
    assert_int_equal(snplp_indicator_polarity(ind), SNPLP_POLARITY_EXACT);
    assert_int_equal(snplp_indicator_aggregation(ind), SNPLP_AGGREGATION_SUM);
    assert_baseline(ind, 0, NULL);
    assert_target(ind, 2019, "2300");
    assert_actual(ind, 2019, "2400");
    assert_actual(ind, 2020, "2650");
    assert_target(ind, 2021, "2600");

    ind = snplp_convention_indicator_find(c, "orientation-rsa-1-mois");
    assert_int_equal(snplp_indicator_unit(ind), SNPLP_UNIT_PERCENT);
    assert_int_equal(snplp_indicator_polarity(ind), SNPLP_POLARITY_HIGHER);
    assert_int_equal(snplp_indicator_aggregation(ind), SNPLP_AGGREGATION_WEIGHTED_MEAN);
    assert_text(snplp_indicator_weight_id(ind), "nouveaux-rsa");
    assert_text(snplp_indicator_numerator_id(ind), "nouveaux-rsa-orientes-1-mois");
    assert_text(snplp_indicator_denominator_id(ind), "nouveaux-rsa");
    assert_text(snplp_indicator_label(ind),
                "Part des nouveaux bénéficiaires du RSA orientés en moins d’un mois");
    assert_baseline(ind, 2018, "41.7");
    assert_target(ind, 2019, "60");
    assert_actual(ind, 2019, "48.5");
    snplp_decimal v = {0, 0};
    assert_ok(snplp_indicator_actual(&v, ind, 2019));
    assert_true(v.units == 485 && v.scale == 1);
    assert_target(ind, 2020, "75");
    assert_actual(ind, 2020, "72");
    assert_target(ind, 2021, "90");
    assert_actual(ind, 2021, NULL);

    ind = snplp_convention_indicator_find(c, "delai-premier-accueil");
    assert_int_equal(snplp_indicator_unit(ind), SNPLP_UNIT_DAYS);
    assert_int_equal(snplp_indicator_polarity(ind), SNPLP_POLARITY_LOWER);
    assert_int_equal(snplp_indicator_aggregation(ind), SNPLP_AGGREGATION_NONE);
    assert_baseline(ind, 2018, "14");
    assert_actual(ind, 2019, "9");
    assert_target(ind, 2020, "8");
    assert_actual(ind, 2020, NULL); /* missing is not zero */
    assert_text(snplp_indicator_comment(ind, 2020),
                "Délai non mesuré en 2020 : accueil sur rendez-vous seulement pendant la crise "
                "sanitaire (commentaire fictif)");
    ind = snplp_convention_indicator_at(c, 5);
    assert_text(snplp_indicator_id(ind), "referents-parcours");
    assert_target(ind, 2020, "600");
    assert_actual(ind, 2020, "420");
    ind = snplp_convention_indicator_at(c, 6);
    assert_text(snplp_indicator_id(ind), "agents-formes-themes-plan");
    assert_target(ind, 2021, "30");
    assert_actual(ind, 2019, "18"); /* computed from records by an earlier fill */
    assert_actual(ind, 2021, NULL);
    assert_text(snplp_indicator_source(ind, 2019), SNPLP_RECORDS_SOURCE);
    assert_null(snplp_convention_indicator_at(c, 7));

    /* no extensions in it */
    assert_int_equal(snplp_convention_extension_count(c, NULL), 0);
    assert_int_equal(snplp_convention_foreign_attribute_count(c, NULL), 0);
    assert_int_equal(snplp_convention_extension_count(c, "nouveaux-rsa"), 0);
    snplp_convention_list_free(list);
}

/* examples/data/conventions-52.xml: three conventions sharing their indicators' ids, with
 * values missing (never zero). */
static void example_52_is_read_whole(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_path_ok(DOC, EXAMPLE_52);
    assert_int_equal(snplp_convention_list_count(list), 3);
    static const char *const ids[] = {"calpae-44-2019", "calpae-53-2019", "calpae-85-2019"};
    static const char *const codes[] = {"44", "53", "85"};
    for (size_t i = 0; i < 3; i++) {
        const snplp_convention *c = snplp_convention_list_at(list, i);
        assert_text(snplp_convention_id(c), ids[i]);
        assert_text(snplp_convention_territory_code(c), codes[i]);
        assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_DEPARTEMENT);
        assert_int_equal(snplp_convention_first_year(c), 2019);
        assert_int_equal(snplp_convention_last_year(c), 2021);
        assert_ptr_equal(snplp_convention_list_find(list, ids[i]), c);
    }
    assert_null(snplp_convention_list_find(list, "calpae-49-2019"));
    const snplp_convention *c44 = snplp_convention_list_at(list, 0);
    assert_text(snplp_convention_territory_name(c44), "Loire-Atlantique");
    snplp_date d = {0, 0, 0};
    assert_ok(snplp_convention_report_sent(&d, c44, 2019));
    assert_date(d, 2020, 3, 31);
    assert_int_equal(snplp_convention_report_state(c44, 2019, (snplp_date){2020, 4, 1}),
                     SNPLP_REPORT_ON_TIME);
    /* Loire-Atlantique: the 2020 actual of the share oriented within a month is missing */
    const snplp_indicator *ind = snplp_convention_indicator_find(c44, "orientation-rsa-1-mois");
    assert_non_null(ind);
    assert_actual(ind, 2020, NULL);
    /* Mayenne: no report on 2020, every 2020 actual missing */
    const snplp_convention *c53 = snplp_convention_list_at(list, 1);
    assert_status(snplp_convention_report_sent(&d, c53, 2020), SNPLP_ENOTFOUND);
    for (size_t i = 0; i < snplp_convention_indicator_count(c53); i++)
        assert_actual(snplp_convention_indicator_at(c53, i), 2020, NULL);
    assert_null(snplp_convention_indicator_find(c53, "delai-premier-accueil"));
    /* Vendée: no 2019 target of young people leaving child welfare */
    const snplp_convention *c85 = snplp_convention_list_at(list, 2);
    assert_target(snplp_convention_indicator_find(c85, "jeunes-ase-accompagnes"), 2019, NULL);
    assert_null(snplp_convention_indicator_find(c85, "referents-parcours"));
    assert_int_equal(snplp_convention_report_state(c85, 2019, (snplp_date){2021, 1, 1}),
                     SNPLP_REPORT_LATE);
    /* the decimals with a point, digit for digit */
    bool found = false;
    for (size_t i = 0; i < 3; i++) {
        const snplp_convention *c = snplp_convention_list_at(list, i);
        for (size_t k = 0; k < snplp_convention_indicator_count(c); k++) {
            const snplp_indicator *x = snplp_convention_indicator_at(c, k);
            snplp_decimal v;
            if (snplp_indicator_actual(&v, x, 2019) == SNPLP_OK && v.units == 115 && v.scale == 1)
                found = true;
        }
    }
    assert_true(found); /* actual="11.5" */
    snplp_convention_list_free(list);
}

/* The two examples share their indicators' ids, units and aggregation rules: read into one
 * list, they make a synthesis of four départements without mismatch. */
static void examples_make_one_synthesis(void **state)
{
    (void)state;
    snplp_convention_list *a = xml_import_path_ok(DOC, EXAMPLE_49);
    snplp_convention_list *b = xml_import_path_ok(DOC, EXAMPLE_52);
    snplp_convention_list *all = new_list();
    assert_ok(snplp_convention_list_add(all, snplp_convention_list_at(a, 0)));
    for (size_t i = 0; i < snplp_convention_list_count(b); i++)
        assert_ok(snplp_convention_list_add(all, snplp_convention_list_at(b, i)));
    snplp_convention_list_free(a); /* the conventions stay: the list holds them */
    snplp_convention_list_free(b);
    assert_int_equal(snplp_convention_list_count(all), 4);
    snplp_diagnostics *d = new_diags();
    snplp_matrix *m = NULL;
    assert_ok(snplp_convention_list_synthesis(&m, all, NULL, d));
    if (has_code(d, SNPLP_DIAG_UNIT_MISMATCH) || has_code(d, SNPLP_DIAG_AGGREGATION_MISMATCH) ||
        has_code(d, SNPLP_DIAG_DUPLICATE_CONVENTION))
        print_diags("synthesis", d);
    assert_false(has_code(d, SNPLP_DIAG_UNIT_MISMATCH));
    assert_false(has_code(d, SNPLP_DIAG_AGGREGATION_MISMATCH));
    assert_false(has_code(d, SNPLP_DIAG_DUPLICATE_CONVENTION));
    assert_int_equal(snplp_matrix_convention_count(m), 4);
    /* the six shared indicators and Maine-et-Loire's training indicator (not aggregated) */
    assert_int_equal(snplp_matrix_row_count(m), 7);
    assert_text(snplp_matrix_indicator_id(m, 0), "jeunes-ase-accompagnes");
    snplp_matrix_free(m);
    snplp_diagnostics_free(d);
    /* exported together, read back equal */
    assert_int_equal(xml_round_trip_breaches(DOC, "the four conventions", all), 0);
    snplp_convention_list_free(all);
}

/* The examples import from memory and through a callback (one byte at a time) as from their
 * file; an export of what they hold gives them back byte for byte, their opening comment
 * included (issue 16: the comments before the root are kept). */
static void examples_are_written_back_byte_for_byte(void **state)
{
    (void)state;
    static const char *const examples[] = {EXAMPLE_49, EXAMPLE_52};
    for (size_t i = 0; i < COUNT_OF(examples); i++) {
        size_t len = 0;
        char *data = must_slurp(examples[i], &len);
        snplp_convention_list *list = xml_import_path_ok(DOC, examples[i]);
        for (xml_how h = FROM_MEMORY; h <= FROM_CALLBACK; h++) {
            xml_result r = xml_import_any(DOC, h, examples[i], data, len, h == FROM_CALLBACK);
            assert_int_equal(r.breaches, 0);
            assert_int_equal(r.rc, SNPLP_OK);
            assert_int_equal(snplp_diagnostics_count(r.d), 0);
            assert_true(snplp_convention_list_equal(r.doc, list));
            xml_result_free(DOC, &r);
        }
        size_t want_len = len, got_len = 0;
        const char *want = data;
        char *got = xml_export_text(DOC, list, &got_len);
        if (got_len != want_len || memcmp(got, want, got_len) != 0)
            print_error("%s: the export differs from the file\n%s\n", examples[i], got);
        assert_int_equal(got_len, want_len);
        assert_memory_equal(got, want, got_len);
        snplp_free(got);
        free(data);
        snplp_convention_list_free(list);
    }
}

/* The fixtures written as an export writes them are written back byte for byte. */
static void canonical_fixtures_are_written_back_byte_for_byte(void **state)
{
    (void)state;
    static const char *const canonical[] = {"valid-complete.xml", "valid-extensions.xml",
                                            "valid-from-records.xml"};
    for (size_t i = 0; i < COUNT_OF(canonical); i++) {
        size_t len = 0;
        char *data = xml_fixture(DOC, canonical[i], &len);
        const char *want = data;
        snplp_convention_list *list = xml_import_fixture_ok(DOC, canonical[i]);
        size_t got_len = 0;
        char *got = xml_export_text(DOC, list, &got_len);
        if (got_len != len || memcmp(got, want, len) != 0)
            print_error("%s: the export differs from the file\n%s\n", canonical[i], got);
        assert_int_equal(got_len, len);
        assert_memory_equal(got, want, len);
        snplp_free(got);
        free(data);
        snplp_convention_list_free(list);
    }
}

/* Indicators computed from training records (format 1.1, <from-records>): read whole, and an
 * indicator made through the API goes round (every measure, every kind of filter, none). */
static void from_records_is_read_and_goes_round(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_fixture_ok(DOC, "valid-from-records.xml");
    snplp_convention *c = snplp_convention_list_at(list, 0);
    const snplp_indicator *a = snplp_convention_indicator_find(c, "indicator-a");
    assert_int_equal(snplp_indicator_records_measure(a), SNPLP_MEASURE_WORKERS_TRAINED);
    assert_int_equal(snplp_indicator_records_filter_count(a, SNPLP_FILTER_THEME), 2);
    assert_string_equal(snplp_indicator_records_filter_at(a, SNPLP_FILTER_THEME, 1),
                        "plan-theme-early-childhood-days-1");
    assert_string_equal(snplp_indicator_records_filter_at(a, SNPLP_FILTER_MODULE, 0),
                        "module-insertion-fundamentals");
    assert_string_equal(snplp_indicator_records_filter_at(a, SNPLP_FILTER_PLAN, 0),
                        "training-plan");
    assert_int_equal(snplp_indicator_records_filter_count(a, SNPLP_FILTER_PROFESSION), 2);
    assert_string_equal(snplp_indicator_records_filter_at(a, SNPLP_FILTER_PROFESSION, 1),
                        "profession-es");
    const snplp_indicator *b = snplp_convention_indicator_find(c, "indicator-b");
    assert_int_equal(snplp_indicator_records_measure(b), SNPLP_MEASURE_TRAINING_DAYS);
    for (int k = 1; k <= 4; k++)
        assert_int_equal(snplp_indicator_records_filter_count(b, (snplp_records_filter)k), 0);
    assert_int_equal(snplp_convention_extension_count(c, "indicator-b"), 1);
    assert_string_equal(snplp_indicator_source(b, 2019), SNPLP_RECORDS_SOURCE);
    const snplp_indicator *ci = snplp_convention_indicator_find(c, "indicator-c");
    assert_int_equal(snplp_indicator_records_measure(ci), SNPLP_MEASURE_SESSIONS);
    assert_string_equal(snplp_indicator_records_filter_at(ci, SNPLP_FILTER_PLAN, 0),
                        "plan-early-childhood-days");
    snplp_convention_list_free(list);

    /* made through the API */
    list = new_list();
    snplp_convention *conv = NULL;
    assert_ok(snplp_convention_new(&conv, "c", SNPLP_TERRITORY_DEPARTEMENT, "49", "T"));
    assert_ok(snplp_convention_set_years(conv, 2019, 2021));
    const snplp_records_measure measures[] = {SNPLP_MEASURE_WORKERS_TRAINED,
                                              SNPLP_MEASURE_TRAINING_DAYS, SNPLP_MEASURE_SESSIONS,
                                              SNPLP_MEASURE_NONE};
    for (size_t i = 0; i < COUNT_OF(measures); i++) {
        char id[16];
        snprintf(id, sizeof id, "i-%zu", i);
        snplp_indicator *ind = NULL;
        assert_ok(snplp_convention_add_indicator(&ind, conv, id, "L", SNPLP_UNIT_COUNT));
        assert_ok(snplp_indicator_set_records_measure(ind, measures[i]));
        for (int k = 4; measures[i] != SNPLP_MEASURE_NONE && k >= (int)i + 1; k--) {
            assert_ok(snplp_indicator_add_records_filter(ind, (snplp_records_filter)k, "b-id"));
            assert_ok(snplp_indicator_add_records_filter(ind, (snplp_records_filter)k, "a-id"));
        }
        if (i == 1)
            assert_ok(snplp_convention_add_extension(conv, id, "<x:e xmlns:x=\"urn:x\"/>"));
    }
    assert_ok(snplp_convention_list_add(list, conv));
    size_t len = 0;
    char *text = xml_export_text(DOC, list, &len);
    assert_non_null(strstr(text, "      <x:e xmlns:x=\"urn:x\"/>\n      <from-records "
                                 "measure=\"training-days\">\n        <module-ref "
                                 "ref=\"b-id\"/>"));
    assert_non_null(strstr(text, "<from-records measure=\"workers-trained\">\n        "
                                 "<theme-ref ref=\"b-id\"/>\n        <theme-ref ref=\"a-id\"/>"));
    assert_null(strstr(text, "measure=\"none\""));
    xml_result r = xml_import_any(DOC, FROM_MEMORY, "round", text, len, false);
    assert_int_equal(r.rc, SNPLP_OK);
    assert_int_equal(snplp_diagnostics_count(r.d), 0);
    assert_true(snplp_convention_list_equal(r.doc, list));
    xml_result_free(DOC, &r);
    snplp_free(text);
    snplp_convention_unref(conv);
    snplp_convention_list_free(list);
}

/* The comments before the root element are written back, each on its line, in order (issue 16:
 * import-csv -o CONV.xml lost them); those inside the root or after it are not; a list made in
 * memory, or read from a document without comments, writes none. */
static void leading_comments_are_kept(void **state)
{
    (void)state;
    static const char body[] = "<conventions xmlns=\"urn:snplp:1.0\">\n"
                               "  <!-- inside: not kept -->\n"
                               "  <convention id=\"calpae-01-2020\" territory-kind=\"departement\" "
                               "territory-code=\"01\">\n"
                               "    <territory-name>Ain</territory-name>\n"
                               "  </convention>\n"
                               "</conventions>\n";
    text_buf doc = {0};
    puts_(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- first -->\n\n"
                "<!--\n  second, é, <b> & \"x\"\n-->");
    puts_(&doc, body);
    puts_(&doc, "<!-- after: not kept -->\n");
    snplp_convention_list *list = NULL;
    snplp_diagnostics *d = new_diags();
    assert_int_equal(snplp_conventions_import_memory(&list, d, doc.s, doc.n, "doc", NULL),
                     SNPLP_OK);
    char *got = NULL;
    assert_int_equal(snplp_conventions_export_memory(&got, NULL, list), SNPLP_OK);
    assert_non_null(strstr(got, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- first -->\n"
                                "<!--\n  second, é, <b> & \"x\"\n-->\n<conventions xmlns="));
    assert_null(strstr(got, "inside"));
    assert_null(strstr(got, "after"));
    /* read back: the same comments, once */
    snplp_convention_list *again = NULL;
    snplp_diagnostics_clear(d);
    assert_int_equal(snplp_conventions_import_memory(&again, d, got, strlen(got), "again", NULL),
                     SNPLP_OK);
    char *twice = NULL;
    assert_int_equal(snplp_conventions_export_memory(&twice, NULL, again), SNPLP_OK);
    assert_string_equal(twice, got);
    snplp_free(twice);
    snplp_convention_list_free(again);
    snplp_free(got);
    /* a list made in memory (of the same convention): no comment */
    snplp_convention_list *made = new_list();
    assert_ok(snplp_convention_list_add(made, snplp_convention_list_at(list, 0)));
    assert_int_equal(snplp_conventions_export_memory(&got, NULL, made), SNPLP_OK);
    assert_null(strstr(got, "<!--"));
    snplp_free(got);
    snplp_convention_list_free(made);
    snplp_convention_list_free(list);
    snplp_diagnostics_free(d);
    free(doc.s);
}

static void complete_fixture_is_read_whole(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_fixture_ok(DOC, "valid-complete.xml");
    assert_int_equal(snplp_convention_list_count(list), 3);
    const snplp_convention *c = snplp_convention_list_at(list, 0);
    assert_funding(c, 2020, 175000050, 0);
    const snplp_action *a = snplp_convention_action_find(c, "action-ase");
    assert_text(snplp_action_title(a), "Sorties de l’ASE & logement");
    assert_text(snplp_action_description(a),
                "Aucun jeune ne quitte l’ASE sans solution <logement> « ni référent ».\n"
                "Deuxième paragraphe.");
    assert_null(snplp_convention_action_find(c, "nouveaux-rsa")); /* an indicator's id */
    assert_int_equal(snplp_action_status_year_count(snplp_convention_action_find(c, "action-rsa")),
                     0);
    const snplp_indicator *ind = snplp_convention_indicator_find(c, "nouveaux-rsa");
    assert_int_equal(snplp_indicator_polarity(ind), SNPLP_POLARITY_EXACT);
    assert_text(snplp_indicator_comment(ind, 2020), "Réalisé non transmis");
    assert_null(snplp_indicator_source(ind, 2020));
    assert_text(snplp_indicator_source(ind, 2021), "Prévision");
    assert_text(snplp_indicator_comment(ind, 2021), "Estimation");
    ind = snplp_convention_indicator_find(c, "orientation-rsa");
    assert_baseline(ind, 2018, "41.70");
    assert_target(ind, 2019, "71.25");
    snplp_decimal v = {0, 0};
    assert_ok(snplp_indicator_target(&v, ind, 2019));
    assert_true(v.units == 7125 && v.scale == 2);
    assert_actual(ind, 2019, "48.5");
    assert_target(ind, 2020, "12.50");
    assert_ok(snplp_indicator_target(&v, ind, 2020));
    assert_true(v.units == 1250 && v.scale == 2);
    assert_actual(ind, 2020, "-1.25");
    assert_int_equal(snplp_indicator_unit(snplp_convention_indicator_find(c, "delai-accueil")),
                     SNPLP_UNIT_DAYS);
    ind = snplp_convention_indicator_find(c, "cout-parcours");
    assert_int_equal(snplp_indicator_unit(ind), SNPLP_UNIT_EUROS);
    assert_target(ind, 2019, "1250.00");
    assert_actual(ind, 2019, "1312.75");
    ind = snplp_convention_indicator_find(c, "taux-couverture");
    assert_int_equal(snplp_indicator_unit(ind), SNPLP_UNIT_RATIO);
    assert_target(ind, 2021, NULL);
    assert_actual(ind, 2021, "0.875");

    c = snplp_convention_list_at(list, 1);
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_METROPOLE);
    assert_text(snplp_convention_territory_code(c), "200093201");
    assert_int_equal(snplp_convention_first_year(c), 0);
    assert_int_equal(snplp_convention_last_year(c), 0);
    snplp_date d;
    assert_status(snplp_convention_signature_date(&d, c), SNPLP_ENOTFOUND);
    assert_int_equal(snplp_convention_signatory_count(c), 0);
    assert_int_equal(snplp_convention_action_count(c), 0);
    assert_int_equal(snplp_convention_indicator_count(c), 0);
    c = snplp_convention_list_at(list, 2);
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_REGION);
    assert_text(snplp_convention_territory_code(c), "52");
    assert_ok(snplp_convention_report_sent(&d, c, 2020));
    assert_date(d, 2021, 1, 1);
    snplp_convention_list_free(list);
}

/* Decimals are kept digit for digit; leading zeros are not, and zero has no sign. */
static void decimals_are_read_digit_for_digit(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_fixture_ok(DOC, "valid-decimals.xml");
    const snplp_indicator *ind =
        snplp_convention_indicator_find(snplp_convention_list_at(list, 0), "indicator-a");
    assert_baseline(ind, 2018, "7");
    assert_target(ind, 2019, "0");
    assert_actual(ind, 2019, "0.00");
    assert_target(ind, 2020, "0.000000000000000001");
    assert_actual(ind, 2020, "-0.000000000000000001");
    snplp_decimal v = {0, 0};
    assert_ok(snplp_indicator_target(&v, ind, 2020));
    assert_true(v.units == 1 && v.scale == 18);
    assert_target(ind, 2021, "9223372036854775807");
    assert_actual(ind, 2021, "-9223372036854775807");
    assert_ok(snplp_indicator_target(&v, ind, 2021));
    assert_true(v.units == INT64_MAX && v.scale == 0);
    assert_target(ind, 2022, "12.50");
    assert_actual(ind, 2022, "12.5");
    assert_target(ind, 2023, "922337203.6854775807");
    assert_actual(ind, 2023, "-9.223372036854775807");
    snplp_convention_list_free(list);
}

/* Typed attribute values may have white space around them; texts are kept verbatim. */
static void whitespace_around_values_and_verbatim_texts(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_fixture_ok(DOC, "valid-whitespace.xml");
    const snplp_convention *c = snplp_convention_list_at(list, 0);
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_DEPARTEMENT);
    assert_text(snplp_convention_territory_code(c), "49");
    assert_text(snplp_convention_territory_name(c), "  Maine-et-Loire  ");
    assert_int_equal(snplp_convention_first_year(c), 2019);
    assert_int_equal(snplp_convention_last_year(c), 2021);
    snplp_date d;
    assert_ok(snplp_convention_signature_date(&d, c));
    assert_date(d, 2019, 6, 28);
    assert_text(snplp_convention_signatory_role(c, 0), "\tPréfet");
    assert_text(snplp_convention_signatory_name(c, 0), "Nom\n  sur deux lignes");
    assert_funding(c, 2019, 150000000, 0);
    assert_ok(snplp_convention_report_sent(&d, c, 2019));
    assert_date(d, 2020, 3, 27);
    const snplp_action *a = snplp_convention_action_find(c, "action-a");
    assert_int_equal(snplp_action_objective_of(a), SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK);
    assert_text(snplp_action_title(a), " T ");
    assert_int_equal(snplp_action_status_in(a, 2019), SNPLP_ACTION_STATUS_DROPPED);
    assert_text(snplp_action_drop_reason(a, 2019), "\n  motif\n");
    const snplp_indicator *ind = snplp_convention_indicator_find(c, "indicator-a");
    assert_int_equal(snplp_indicator_unit(ind), SNPLP_UNIT_PERCENT);
    assert_int_equal(snplp_indicator_polarity(ind), SNPLP_POLARITY_LOWER);
    assert_int_equal(snplp_indicator_aggregation(ind), SNPLP_AGGREGATION_WEIGHTED_MEAN);
    assert_text(snplp_indicator_weight_id(ind), "indicator-b");
    assert_baseline(ind, 2018, "41.7");
    assert_target(ind, 2019, "12.50");
    assert_actual(ind, 2019, "48.5");
    snplp_convention_list_free(list);

    list = xml_import_fixture_ok(DOC, "valid-explicit-defaults.xml");
    ind = snplp_convention_indicator_find(snplp_convention_list_at(list, 0), "indicator-a");
    assert_int_equal(snplp_indicator_polarity(ind), SNPLP_POLARITY_HIGHER);
    assert_int_equal(snplp_indicator_aggregation(ind), SNPLP_AGGREGATION_NONE);
    assert_null(snplp_indicator_weight_id(ind));
    char *xml = xml_export_text(DOC, list, NULL);
    /* (after the fixture's opening comment, written back) */
    assert_null(strstr(strstr(xml, "<conventions "), "polarity="));
    assert_null(strstr(strstr(xml, "<conventions "), "aggregation="));
    snplp_free(xml);
    snplp_convention_list_free(list);
}

/* Official codes of every kind; the département 52 and the région 52 are two territories. */
static void territories_of_every_kind(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_fixture_ok(DOC, "valid-territories.xml");
    static const struct {
        const char *id, *code;
        snplp_territory_kind kind;
    } want[] = {
        {"c-dep-01", "01", SNPLP_TERRITORY_DEPARTEMENT},
        {"c-dep-2A", "2A", SNPLP_TERRITORY_DEPARTEMENT},
        {"c-dep-2B", "2B", SNPLP_TERRITORY_DEPARTEMENT},
        {"c-dep-95", "95", SNPLP_TERRITORY_DEPARTEMENT},
        {"c-dep-971", "971", SNPLP_TERRITORY_DEPARTEMENT},
        {"c-dep-976", "976", SNPLP_TERRITORY_DEPARTEMENT},
        {"c-dep-52", "52", SNPLP_TERRITORY_DEPARTEMENT},
        {"c-reg-01", "01", SNPLP_TERRITORY_REGION},
        {"c-reg-06", "06", SNPLP_TERRITORY_REGION},
        {"c-reg-11", "11", SNPLP_TERRITORY_REGION},
        {"c-reg-52", "52", SNPLP_TERRITORY_REGION},
        {"c-reg-94", "94", SNPLP_TERRITORY_REGION},
        {"c-met-200093201", "200093201", SNPLP_TERRITORY_METROPOLE},
    };
    assert_int_equal(snplp_convention_list_count(list), COUNT_OF(want));
    for (size_t i = 0; i < COUNT_OF(want); i++) {
        const snplp_convention *c = snplp_convention_list_at(list, i);
        assert_text(snplp_convention_id(c), want[i].id);
        assert_text(snplp_convention_territory_code(c), want[i].code);
        assert_int_equal(snplp_convention_territory_kind(c), want[i].kind);
    }
    assert_text(snplp_convention_territory_name(snplp_convention_list_find(list, "c-reg-11")),
                "Île-de-France");
    snplp_convention_list_free(list);
}

/* Years 1000 to 9998, reports up to 9999-12-31; values outside the years are read (the check
 * reports them, not the import). */
static void years_at_the_edges(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_fixture_ok(DOC, "valid-years-edge.xml");
    const snplp_convention *c = snplp_convention_list_at(list, 0);
    assert_int_equal(snplp_convention_first_year(c), SNPLP_YEAR_MIN);
    assert_int_equal(snplp_convention_last_year(c), SNPLP_YEAR_MAX);
    snplp_date d;
    assert_ok(snplp_convention_signature_date(&d, c));
    assert_date(d, 9999, 12, 31);
    assert_funding(c, 1000, 0, INT64_MAX);
    assert_funding(c, 9998, INT64_MAX, 0);
    assert_ok(snplp_convention_report_sent(&d, c, 1000));
    assert_date(d, 1001, 1, 1);
    assert_ok(snplp_convention_report_sent(&d, c, 9998));
    assert_date(d, 9999, 12, 31);
    const snplp_action *a = snplp_convention_action_find(c, "action-a");
    assert_int_equal(snplp_action_status_in(a, 1000), SNPLP_ACTION_STATUS_PLANNED);
    assert_int_equal(snplp_action_status_in(a, 9998), SNPLP_ACTION_STATUS_DONE);
    const snplp_indicator *ind = snplp_convention_indicator_find(c, "indicator-a");
    assert_baseline(ind, 1000, "1");
    assert_target(ind, 1000, "1");
    assert_actual(ind, 9998, "2");
    snplp_convention_list_free(list);

    /* values outside the convention's years: read, and reported by the check */
    list =
        xml_import_fixture_ok(DOC, "valid-decimals.xml"); /* years 2019-2021, values up to 2023 */
    snplp_diagnostics *diags = new_diags();
    assert_status(snplp_convention_validate(snplp_convention_list_at(list, 0), NULL, diags),
                  SNPLP_EVALIDATION);
    assert_true(has_code(diags, SNPLP_DIAG_YEAR_OUTSIDE));
    snplp_diagnostics_free(diags);
    snplp_convention_list_free(list);
}

/* Ids are unique within a convention, not across the file; references are not checked on
 * import, but by snplp_convention_validate(). */
static void ids_and_references(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_fixture_ok(DOC, "valid-shared-ids.xml");
    assert_int_equal(snplp_convention_list_count(list), 2);
    const snplp_convention *a = snplp_convention_list_at(list, 0);
    const snplp_convention *b = snplp_convention_list_at(list, 1);
    assert_non_null(snplp_convention_action_find(a, "shared"));
    assert_non_null(snplp_convention_indicator_find(b, "shared"));
    assert_non_null(snplp_convention_indicator_find(a, "nouveaux-rsa"));
    assert_non_null(snplp_convention_action_find(b, "nouveaux-rsa"));
    snplp_convention_list_free(list);

    list = xml_import_fixture_ok(DOC, "valid-references-unchecked.xml");
    const snplp_indicator *ind =
        snplp_convention_indicator_find(snplp_convention_list_at(list, 0), "indicator-a");
    assert_text(snplp_indicator_weight_id(ind), "no-such-indicator");
    assert_text(snplp_indicator_numerator_id(ind), "indicator-a");
    assert_text(snplp_indicator_denominator_id(ind), "action-a");
    snplp_diagnostics *diags = new_diags();
    assert_status(snplp_convention_validate(snplp_convention_list_at(list, 0), NULL, diags),
                  SNPLP_EVALIDATION);
    assert_true(has_code(diags, SNPLP_DIAG_DANGLING_REFERENCE));
    assert_true(has_code(diags, SNPLP_DIAG_REFERENCE_KIND));
    snplp_diagnostics_free(diags);
    snplp_convention_list_free(list);

    /* values given in part: absent is not zero */
    list = xml_import_fixture_ok(DOC, "valid-values-partial.xml");
    ind = snplp_convention_indicator_find(snplp_convention_list_at(list, 0), "indicator-a");
    assert_int_equal(snplp_indicator_year_count(ind), 4);
    assert_target(ind, 2019, "10");
    assert_actual(ind, 2019, NULL);
    assert_target(ind, 2020, NULL);
    assert_actual(ind, 2020, "12");
    assert_target(ind, 2021, NULL);
    assert_actual(ind, 2021, NULL);
    assert_text(snplp_indicator_source(ind, 2021), "S");
    assert_null(snplp_indicator_comment(ind, 2021));
    assert_text(snplp_indicator_comment(ind, 2022), "Valeur non transmise");
    assert_null(snplp_indicator_source(ind, 2022));
    snplp_convention_list_free(list);
}

static void markup_prefixes_bom_and_hints(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_fixture_ok(DOC, "valid-markup.xml");
    const snplp_convention *c = snplp_convention_list_at(list, 0);
    const snplp_action *a = snplp_convention_action_find(c, "action-a");
    assert_text(snplp_action_title(a), "avantaprès");
    assert_text(snplp_action_description(a), "a < b & c > d <&> éé");
    assert_text(snplp_indicator_label(snplp_convention_indicator_find(c, "indicator-a")),
                "L'indicateur \"phare\"");
    snplp_convention_list_free(list);

    list = xml_import_fixture_ok(DOC, "valid-prefixed.xml");
    const snplp_indicator *ind =
        snplp_convention_indicator_find(snplp_convention_list_at(list, 0), "indicator-a");
    assert_text(snplp_indicator_label(ind), "L");
    assert_target(ind, 2019, "1");
    snplp_convention_list *same = xml_import_fixture_ok(DOC, "valid-minimal.xml");
    assert_text(snplp_convention_territory_name(snplp_convention_list_at(same, 0)),
                "Maine-et-Loire");
    snplp_convention_list_free(same);
    snplp_convention_list_free(list);

    list = xml_import_fixture_ok(DOC, "valid-utf8-bom.xml");
    assert_int_equal(snplp_convention_list_count(list), 1);
    snplp_convention_list_free(list);

    /* schema location hints are not kept as foreign attributes */
    list = xml_import_fixture_ok(DOC, "valid-xsi-hints.xml");
    c = snplp_convention_list_at(list, 0);
    assert_int_equal(snplp_convention_foreign_attribute_count(c, NULL), 0);
    assert_int_equal(snplp_convention_foreign_attribute_count(c, "action-a"), 0);
    char *xml = xml_export_text(DOC, list, NULL);
    /* (after the fixture's opening comment, written back) */
    assert_null(strstr(strstr(xml, "<conventions "), "schemaLocation"));
    snplp_free(xml);
    snplp_convention_list_free(list);
}

/* Extensions on conventions, actions and indicators: read through the API. */
static void extensions_are_kept(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_fixture_ok(DOC, "valid-extensions.xml");
    snplp_convention *c = snplp_convention_list_at(list, 0);
    /* the convention */
    assert_int_equal(snplp_convention_foreign_attribute_count(c, NULL), 2);
    const char *ns = NULL, *prefix = NULL, *name = NULL, *value = NULL;
    assert_ok(snplp_convention_foreign_attribute_at(c, NULL, 0, &ns, &prefix, &name, &value));
    assert_text(ns, "urn:example:dep");
    assert_text(prefix, "dep");
    assert_text(name, "dossier");
    assert_text(value, "2019-0042");
    assert_ok(snplp_convention_foreign_attribute_at(c, NULL, 1, &ns, &prefix, &name, &value));
    assert_text(ns, "urn:example:geo");
    assert_text(name, "insee");
    assert_text(value, "49007");
    assert_ok(snplp_convention_foreign_attribute_at(c, NULL, 1, NULL, NULL, NULL, NULL));
    assert_fails(snplp_convention_foreign_attribute_at(c, NULL, 2, &ns, NULL, NULL, NULL),
                 SNPLP_ENOTFOUND);
    assert_int_equal(snplp_convention_extension_count(c, NULL), 1);
    assert_text(snplp_convention_extension_at(c, NULL, 0),
                "<dep:note xmlns:dep=\"urn:example:dep\">deep <dep:e>mixed</dep:e> "
                "content</dep:note>");
    assert_null(snplp_convention_extension_at(c, NULL, 1));
    /* the action */
    assert_int_equal(snplp_convention_foreign_attribute_count(c, "action-a"), 1);
    assert_ok(snplp_convention_foreign_attribute_at(c, "action-a", 0, &ns, &prefix, &name, &value));
    assert_text(name, "pilote");
    assert_text(value, "DGCS & CD49");
    assert_int_equal(snplp_convention_extension_count(c, "action-a"), 1);
    assert_text(snplp_convention_extension_at(c, "action-a", 0),
                "<dep:suivi xmlns:dep=\"urn:example:dep\" dep:etat=\"ouvert\" code=\"say "
                "&quot;hi&quot; &amp; &lt;bye&gt;\"><dep:owner>DGCS &amp; CNFPT "
                "&lt;direction&gt; « ok »</dep:owner><dep:empty/><meta "
                "xmlns=\"urn:example:meta\"><key>v</key></meta></dep:suivi>");
    /* the indicator */
    assert_int_equal(snplp_convention_foreign_attribute_count(c, "indicator-a"), 1);
    assert_int_equal(snplp_convention_extension_count(c, "indicator-a"), 2);
    assert_text(snplp_convention_extension_at(c, "indicator-a", 0),
                "<dep:origine xmlns:dep=\"urn:example:dep\">SI insertion</dep:origine>");
    assert_text(snplp_convention_extension_at(c, "indicator-a", 1),
                "<geo:point xmlns:geo=\"urn:example:geo\" lat=\"47.47\" lon=\"-0.55\"/>");
    /* no such item */
    assert_int_equal(snplp_convention_extension_count(c, "no-such-item"), 0);
    assert_null(snplp_convention_extension_at(c, "no-such-item", 0));
    assert_int_equal(snplp_convention_foreign_attribute_count(c, "no-such-item"), 0);
    assert_fails(
        snplp_convention_foreign_attribute_at(c, "no-such-item", 0, NULL, NULL, NULL, NULL),
        SNPLP_ENOTFOUND);
    assert_int_equal(snplp_convention_extension_count(NULL, NULL), 0);
    assert_int_equal(snplp_convention_foreign_attribute_count(NULL, NULL), 0);
    assert_null(snplp_convention_extension_at(NULL, NULL, 0));

    /* equality sees extensions: a list without one is not equal */
    snplp_convention_list *other = xml_import_fixture_ok(DOC, "valid-extensions.xml");
    assert_true(snplp_convention_list_equal(list, other));
    assert_ok(snplp_convention_add_extension(snplp_convention_list_at(other, 0), "indicator-a",
                                             "<x:more xmlns:x=\"urn:x\"/>"));
    assert_false(snplp_convention_list_equal(list, other));
    snplp_convention_list_free(other);
    other = xml_import_fixture_ok(DOC, "valid-extensions.xml");
    assert_ok(snplp_convention_set_foreign_attribute(snplp_convention_list_at(other, 0), NULL,
                                                     "urn:example:dep", "dep", "dossier", "x"));
    assert_false(snplp_convention_list_equal(list, other));
    snplp_convention_list_free(other);
    snplp_convention_list_free(list);
}

/* A text not in NFC is stored in NFC, with a warning: the import succeeds. */
static void text_not_in_nfc_is_normalized_with_a_warning(void **state)
{
    (void)state;
    xml_result r = xml_import_one_warning(DOC, "not-nfc.xml", SNPLP_DIAG_TEXT_NORMALIZED, 7);
    const snplp_diagnostic *g = snplp_diagnostics_at(r.d, 0);
    assert_text(snplp_diagnostic_item_id(g), "indicator-a");
    assert_text(snplp_indicator_label(snplp_convention_indicator_find(
                    snplp_convention_list_at(r.doc, 0), "indicator-a")),
                "B\u00e9n\u00e9ficiaires orient\u00e9s");
    xml_result_free(DOC, &r);

    /* in memory too, and with NULL diagnostics */
    static const char doc[] = "<conventions xmlns=\"urn:snplp:1.0\"><convention id=\"c\" "
                              "territory-kind=\"region\" territory-code=\"52\"><territory-name>"
                              "Vend\x65\xcc\x81\x65</territory-name></convention></conventions>";
    snplp_convention_list *list = xml_import_quietly(DOC, doc);
    assert_text(snplp_convention_territory_name(snplp_convention_list_at(list, 0)), "Vend\u00e9e");
    snplp_convention_list_free(list);
}

/* Each of the nine texts of conventions, not in NFC, is stored in NFC with its own warning at
 * its line. */
static void every_text_not_in_nfc_is_reported(void **state)
{
    (void)state;
    char path[4096];
    xml_result r = xml_import_path(
        DOC, xml_fixture_path(DOC, path, sizeof path, "not-nfc-every-text.xml"), false);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, SNPLP_OK);
    const snplp_convention *c = snplp_convention_list_at(r.doc, 0);
    /* every text is stored in NFC */
    assert_text(snplp_convention_territory_name(c), "Maine-et-Loir\u00e9");
    assert_text(snplp_convention_signatory_role(c, 0), "Pr\u00e9fet");
    assert_text(snplp_convention_signatory_name(c, 0), "Dominique Mod\u00e9le");
    const snplp_action *a = snplp_convention_action_find(c, "action-a");
    assert_text(snplp_action_title(a), "Mobilit\u00e9");
    assert_text(snplp_action_description(a), "Plateforme de mobilit\u00e9");
    assert_text(snplp_action_drop_reason(a, 2020), "Reprise par la r\u00e9gion");
    const snplp_indicator *ind = snplp_convention_indicator_find(c, "indicator-a");
    assert_text(snplp_indicator_label(ind), "B\u00e9n\u00e9ficiaires");
    assert_text(snplp_indicator_source(ind, 2019), "Rapport d\u2019ex\u00e9cution");
    assert_text(snplp_indicator_comment(ind, 2019), "Valeur estim\u00e9e");
    /* the texts of the territory name, name, title, description, label, source, comment */
    static const size_t lines[] = {5, 7, 8, 11, 12, 14, 18, 20, 21};
    static const char *const texts[] = {"territory-name", "role",        "name",
                                        "title",          "description", "reason",
                                        "label",          "source",      "comment"};
    int missing = 0;
    for (size_t k = 0; k < COUNT_OF(lines); k++) {
        bool found = false;
        for (size_t i = 0; i < snplp_diagnostics_count(r.d); i++) {
            const snplp_diagnostic *g = snplp_diagnostics_at(r.d, i);
            found |= snplp_diagnostic_code(g) == SNPLP_DIAG_TEXT_NORMALIZED &&
                     snplp_diagnostic_severity(g) == SNPLP_SEVERITY_WARNING &&
                     snplp_diagnostic_line(g) == lines[k];
        }
        if (!found) {
            print_error("no warning 240 for the <%s> at line %zu\n", texts[k], lines[k]);
            missing++;
        }
    }
    if (missing)
        print_diags("not-nfc-every-text.xml", r.d);
    /* Every text, <role> and <reason> included (they wait in their frame until the element
     * ends), gives its warning at its own line. */
    size_t warnings = count_code(r.d, SNPLP_DIAG_TEXT_NORMALIZED);
    xml_result_free(DOC, &r);
    assert_int_equal(missing, 0);
    assert_int_equal(warnings, COUNT_OF(lines));
}

/* A finding about a text element names that element (<label>, <title>...), not "<text>". */
static void findings_name_the_text_element_they_are_about(void **state)
{
    (void)state;
    static const char *const files[] = {"unknown-attribute-foreign-on-text.xml",
                                        "unknown-element-in-text.xml"};
    int bad = 0;
    for (size_t i = 0; i < COUNT_OF(files); i++) {
        char path[4096];
        xml_result r =
            xml_import_path(DOC, xml_fixture_path(DOC, path, sizeof path, files[i]), false);
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_EPARSE);
        assert_int_equal(snplp_diagnostics_count(r.d), 1);
        const char *msg = snplp_diagnostic_message(snplp_diagnostics_at(r.d, 0));
        if (strstr(msg, "<text>") || !strstr(msg, "<label>")) {
            print_error("%s: the message names <text>, not <label>: %s\n", files[i], msg);
            bad++;
        }
        xml_result_free(DOC, &r);
    }
    /* The messages name the text element itself (<label>, <title>), not "text". */
    assert_int_equal(bad, 0);
}

/* A year appears at most once in the <values> of an indicator (docs/xml-format.md, "Yearly
 * records": a second one is model-value), even when the first gives nothing. */
static void a_year_of_values_appears_once(void **state)
{
    (void)state;
    static const char doc[] =
        DOC_START "<indicator id=\"i\" unit=\"count\"><label>L</label>"
                  "<values year=\"2019\"/><values year=\"2019\" target=\"1\"/></indicator>" DOC_END;
    xml_result r = xml_import_text(DOC, doc, sizeof doc - 1, false);
    assert_int_equal(r.breaches, 0);
    if (r.rc != SNPLP_EVALIDATION)
        print_error("two <values> for 2019: %s, %zu findings\n", snplp_status_name(r.rc),
                    snplp_diagnostics_count(r.d));
    /* The import remembers the years of the <values> it read: an empty one counts too. */
    int rc = r.rc;
    bool reported = has_code(r.d, SNPLP_DIAG_MODEL_VALUE);
    xml_result_free(DOC, &r);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_true(reported);
}

/* Values in any order, more years than the convention's, decimals of every length: each kept
 * as the setters keep them, and a year seen again after many others is still a second one. */
static void values_in_any_order_are_kept(void **state)
{
    (void)state;
/* an indicator's values in no order, with edge decimals; the documents go on from there */
#define VALUES_ANY_ORDER                                                                           \
    "<conventions xmlns=\"urn:snplp:1.0\"><convention id=\"c\" territory-kind=\"departement\" "    \
    "territory-code=\"49\" first-year=\"2019\" last-year=\"2021\"><territory-name>T"               \
    "</territory-name><indicator id=\"i\" unit=\"count\"><label>L</label>"                         \
    "<values year=\"2021\" target=\" -12.50 \" actual=\"999999999999999999\"/>"                    \
    "<values year=\"2019\" actual=\"-0.000000000000000010\"/>"                                     \
    "<values year=\"2025\" target=\"9223372036854775807\"/>"                                       \
    "<values year=\"2020\"/>"                                                                      \
    "<values year=\"2018\" target=\"-99999999999999999.9\" actual=\"0\"/>"                         \
    "<values year=\"2022\" target=\"1\"/>"
    static const char doc[] = VALUES_ANY_ORDER "<values year=\"2022\" target=\"2\"/>"
                                               "<values year=\"2020\" target=\"3\"/>"
                                               "</indicator>" DOC_END;
    xml_result r = xml_import_text(DOC, doc, sizeof doc - 1, false);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(r.d), 2);
    assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(r.d, 0)),
                        "a second <values> for 2022 in indicator 'i'");
    assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(r.d, 1)),
                        "a second <values> for 2020 in indicator 'i'");
    xml_result_free(DOC, &r);

    static const char doc2[] = VALUES_ANY_ORDER "</indicator>" DOC_END;
    snplp_convention_list *list = xml_import_ok(DOC, doc2, sizeof doc2 - 1);
    const snplp_indicator *ind =
        snplp_convention_indicator_at(snplp_convention_list_at(list, 0), 0);
    static const int32_t years[] = {2018, 2019, 2021, 2022, 2025};
    assert_int_equal(snplp_indicator_year_count(ind), 5);
    for (size_t k = 0; k < 5; k++)
        assert_int_equal(snplp_indicator_year_at(ind, k), years[k]);
    assert_target(ind, 2018, "-99999999999999999.9");
    assert_actual(ind, 2018, "0");
    assert_target(ind, 2019, NULL);
    assert_actual(ind, 2019, "-0.000000000000000010");
    assert_target(ind, 2020, NULL);
    assert_actual(ind, 2020, NULL);
    assert_target(ind, 2021, "-12.50");
    assert_actual(ind, 2021, "999999999999999999");
    assert_target(ind, 2022, "1");
    assert_target(ind, 2025, "9223372036854775807");
    snplp_convention_list_free(list);
#undef VALUES_ANY_ORDER
}

/* ---- the two kinds of documents ---- */

/* A file of conventions is not a referential, and a referential is not a file of conventions:
 * each import refuses the other's document (210), whatever the way in. */
/* A file that cannot be opened or written: the OS reason in the message, its errno kept for
 * the caller (snplp_error_last_errno(), 1.3); a later failure of another kind forgets it. */
static void files_that_cannot_be_opened_say_why(void **state)
{
    (void)state;
    char dir[] = "/tmp/snplp-errno-XXXXXX";
    assert_non_null(mkdtemp(dir));
    snplp_convention_list *list = NULL;
    snplp_diagnostics *d = new_diags();
    assert_status(snplp_conventions_import_file(&list, d, "/nonexistent/dir/c.xml", NULL),
                  SNPLP_EIO);
    assert_null(list);
    assert_int_equal(snplp_error_last_errno(), ENOENT);
    assert_non_null(strstr(snplp_error_last_reason(), strerror(ENOENT)));
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), strerror(ENOENT)));
    snplp_diagnostics_clear(d);
    assert_status(snplp_conventions_import_file(&list, d, dir, NULL), SNPLP_EIO);
    assert_int_equal(snplp_error_last_errno(), EISDIR);
    assert_status(snplp_csv_import_file(NULL, d, dir, SNPLP_CSV_INTL), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_errno(), 0); /* another failure forgets it */
    assert_ok(snplp_conventions_import_file(&list, NULL, EXAMPLE_49, NULL));
    assert_status(snplp_conventions_export_file(list, "/nonexistent/dir/c.xml"), SNPLP_EIO);
    assert_int_equal(snplp_error_last_errno(), ENOENT);
    assert_status(snplp_conventions_export_file(list, dir), SNPLP_EIO);
    assert_int_equal(snplp_error_last_errno(), EISDIR);
    assert_int_equal(rmdir(dir), 0);
    snplp_error_clear();
    assert_int_equal(snplp_error_last_errno(), 0);
    snplp_convention_list_free(list);
    snplp_diagnostics_free(d);
}

/* A finding met inside a <convention> names that convention (1.3) and quotes no C function. */
static void findings_inside_a_convention_name_it(void **state)
{
    (void)state;
    static const char doc[] =
        "<conventions xmlns=\"urn:snplp:1.0\"><convention id=\"c-1\" "
        "territory-kind=\"departement\" territory-code=\"999\"><territory-name>T"
        "</territory-name></convention></conventions>";
    snplp_convention_list *list = NULL;
    snplp_diagnostics *d = new_diags();
    assert_int_not_equal(
        snplp_conventions_import_memory(&list, d, doc, sizeof doc - 1, "c.xml", NULL), SNPLP_OK);
    assert_null(list);
    assert_true(snplp_diagnostics_count(d) > 0);
    const snplp_diagnostic *f = snplp_diagnostics_at(d, 0);
    assert_int_equal(snplp_diagnostic_code(f), SNPLP_DIAG_MODEL_VALUE);
    assert_non_null(snplp_diagnostic_convention_id(f));
    assert_string_equal(snplp_diagnostic_convention_id(f), "c-1");
    assert_string_equal(snplp_diagnostic_item_id(f), "c-1");
    assert_null(strstr(snplp_diagnostic_message(f), "snplp_"));
    snplp_diagnostics_free(d);
}

/* The findings of the reader of conventions in French (util/messages/diag/xml.fr.txt), with
 * their message ids and typed parameters; in English again once the list's language changes. */
static void findings_are_in_french(void **state)
{
    (void)state;
    static const struct {
        const char *fixture, *id, *param, *value, *says, *english;
    } cases[] = {
        {"model-value-second-values.xml", "model-value/second-values", "indicator", "indicator-a",
         "un second <values> pour 2019 dans l’indicateur «\xC2\xA0indicator-a\xC2\xA0»",
         "a second <values> for 2019 in indicator 'indicator-a'"},
        {"model-value-second-funding.xml", "model-value/second-funding", "year", "2019",
         "un second <funding> pour 2019 dans la convention «\xC2\xA0"
         "calpae-49-2019\xC2\xA0»",
         "a second <funding> for 2019 in convention 'calpae-49-2019'"},
        {"model-value-second-report.xml", "model-value/second-report", "convention",
         "calpae-49-2019", "un second <report> pour 2019",
         "a second <report> on 2019 in convention 'calpae-49-2019'"},
        {"model-value-second-status.xml", "model-value/second-status", "action", "action-a",
         "un second <status> pour 2020 dans l’action «\xC2\xA0"
         "action-a\xC2\xA0»",
         "a second <status> for 2020 in action 'action-a'"},
        {"model-value-first-year-alone.xml", "model-value/first-year-alone", NULL, NULL,
         "<convention> donne first-year sans last-year\xC2\xA0: donnez les deux années, ou aucune",
         "<convention> gives first-year without last-year: give both years, or neither"},
        {"model-value-decimal-overflow.xml", "model-value/decimal", "value", "9223372036854775808",
         "dépasse ce que tient un nombre décimal",
         "<values> actual '9223372036854775808' is beyond what a decimal holds"},
        {"model-value-blank-title.xml", "model-value/model", "element", "action",
         "valeur refusée pour action\xC2\xA0: ", "action: "},
        {"duplicate-id-action.xml", "duplicate-id/element", "element", "action",
         "identifiant déjà employé dans action\xC2\xA0: ", "action: "},
        {"mismatched-tags.xml", "not-well-formed/tag-mismatch", "end", "territory",
         "document mal formé\xC2\xA0: <territory-name>, ouvert à la ligne 5, est fermé par "
         "</territory>",
         "not well-formed: <territory-name>, opened on line 5, is closed by </territory>"},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        size_t len = 0;
        char *data = xml_fixture(DOC, cases[i].fixture, &len);
        snplp_diagnostics *d = new_diags();
        assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_FR));
        snplp_convention_list *list = NULL;
        assert_int_not_equal(snplp_conventions_import_memory(&list, d, data, len, "c.xml", NULL),
                             SNPLP_OK);
        assert_int_equal(snplp_diagnostics_count(d), 1);
        const snplp_diagnostic *g = snplp_diagnostics_at(d, 0);
        const char *id = snplp_diagnostic_message_id(g), *m = snplp_diagnostic_message(g);
        if (!id || strcmp(id, cases[i].id) != 0 || !strstr(m, cases[i].says))
            print_error("%s: %s: %s\n", cases[i].fixture, id ? id : "(no id)", m);
        assert_string_equal(id, cases[i].id);
        assert_non_null(strstr(m, cases[i].says));
        if (cases[i].param)
            assert_string_equal(snplp_diagnostic_param(g, cases[i].param), cases[i].value);
        else
            assert_int_equal(snplp_diagnostic_param_count(g), 0);
        /* a finding inside a convention still names it */
        if (strncmp(id, "not-well-formed", 15) != 0)
            assert_string_equal(snplp_diagnostic_convention_id(g), "calpae-49-2019");
        assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_EN));
        assert_non_null(strstr(snplp_diagnostic_message(g), cases[i].english));
        snplp_diagnostics_free(d);
        free(data);
    }
    /* a year is an INTEGER, written without grouping in both languages */
    size_t len = 0;
    char *data = xml_fixture(DOC, "model-value-second-funding.xml", &len);
    snplp_diagnostics *d = new_diags();
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_FR));
    snplp_convention_list *list = NULL;
    assert_int_not_equal(snplp_conventions_import_memory(&list, d, data, len, "c.xml", NULL),
                         SNPLP_OK);
    const snplp_diagnostic *g = snplp_diagnostics_at(d, 0);
    assert_string_equal(snplp_diagnostic_param_name(g, 0), "year");
    assert_int_equal(snplp_diagnostic_param_type(g, 0), SNPLP_PARAM_INTEGER);
    assert_int_equal(snplp_diagnostic_param_type(g, 1), SNPLP_PARAM_ID);
    assert_null(strstr(snplp_diagnostic_message(g), "2\xE2\x80\xAF"
                                                    "019"));
    snplp_diagnostics_free(d);
    free(data);
}

static void a_referential_is_not_a_file_of_conventions(void **state)
{
    (void)state;
    size_t len = 0;
    char *conv = must_slurp(EXAMPLE_49, &len);
    for (int strict = 0; strict < 2; strict++) {
        snplp_import_options *o = strict ? strict_options() : NULL;
        snplp_diagnostics *d = new_diags();
        snplp_referential *ref = (snplp_referential *)(uintptr_t)1;
        snplp_error_clear();
        assert_status(snplp_referential_import_memory(&ref, d, conv, len, "conv.xml", o),
                      SNPLP_EPARSE);
        assert_ptr_equal(ref, (snplp_referential *)(uintptr_t)1);
        assert_true(has_code(d, SNPLP_DIAG_WRONG_ROOT));
        assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)),
                               "a file of conventions, not a referential"));
        snplp_diagnostics_clear(d);
        assert_status(snplp_referential_import_file(&ref, d, EXAMPLE_49, o), SNPLP_EPARSE);
        assert_true(has_code(d, SNPLP_DIAG_WRONG_ROOT));
        snplp_diagnostics_free(d);
        snplp_import_options_free(o);
    }
    free(conv);

    /* and the other way: the built-in referential's export */
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_builtin(&ref));
    char *xml = NULL;
    assert_ok(snplp_referential_export_memory(&xml, &len, ref));
    for (int strict = 0; strict < 2; strict++) {
        for (xml_how h = FROM_MEMORY; h <= FROM_CALLBACK; h++) {
            xml_result r = xml_import_any(DOC, h, "referential", xml, len, strict);
            assert_int_equal(r.breaches, 0);
            assert_int_equal(r.rc, SNPLP_EPARSE);
            assert_int_equal(snplp_diagnostics_count(r.d), 1);
            assert_true(refused_as_referential(r.d));
            assert_int_equal(snplp_diagnostic_line(snplp_diagnostics_at(r.d, 0)), 2);
            xml_result_free(DOC, &r);
        }
    }
    snplp_free(xml);
    snplp_referential_unref(ref);
}

/* ---- hostile documents ---- */

static const char *const hostile[] = {"hostile-external-entity-file.xml",
                                      "hostile-billion-laughs.xml", "hostile-internal-entity.xml",
                                      "doctype-plain.xml"};

/* ---- generated inputs: nesting, text and attribute sizes ---- */

/* A foreign element nested `foreign` deep at the end of the convention (where 0), of its action
 * (1) or of its indicator (2): the deepest element is at depth 2 + foreign for the convention,
 * 3 + foreign for the others. */
static text_buf nested_foreign(int where, size_t foreign)
{
    text_buf t = {0};
    puts_(&t, DOC_START);
    if (where == 1)
        puts_(&t, "<action id=\"a\" objective=\"social-work\"><title>A</title>");
    if (where == 2)
        puts_(&t, "<indicator id=\"i\" unit=\"count\"><label>L</label>");
    put_repeat(&t, "<x:a xmlns:x=\"urn:example:x\">", foreign);
    put_repeat(&t, "</x:a>", foreign);
    puts_(&t, where == 1 ? "</action>" : where == 2 ? "</indicator>" : "");
    puts_(&t, DOC_END);
    return t;
}

/* Nesting up to SNPLP_XML_MAX_DEPTH is read (and goes round); one element deeper is refused
 * (203, fatal), on a convention, an action and an indicator. */
static void nesting_deeper_than_the_limit_is_refused(void **state)
{
    (void)state;
    assert_int_equal(SNPLP_XML_MAX_DEPTH, 100);
    for (int where = 0; where < 3; where++) {
        size_t max = where == 0 ? 98 : 97; /* the deepest element at depth 100 */
        for (int strict = 0; strict < 2; strict++) {
            text_buf t = nested_foreign(where, max);
            xml_expect_status(DOC, t.s, t.n, strict, SNPLP_OK, 0);
            free(t.s);
            t = nested_foreign(where, max + 1);
            xml_expect_status(DOC, t.s, t.n, strict, SNPLP_EPARSE, SNPLP_DIAG_TOO_DEEP);
            free(t.s);
        }
        /* the deepest allowed goes round */
        text_buf t = nested_foreign(where, max);
        snplp_convention_list *list = xml_import_ok(DOC, t.s, t.n);
        free(t.s);
        size_t len = 0;
        char *xml = xml_export_text(DOC, list, &len);
        snplp_convention_list *again = xml_import_ok(DOC, xml, len);
        assert_true(snplp_convention_list_equal(list, again));
        snplp_free(xml);
        snplp_convention_list_free(again);
        snplp_convention_list_free(list);
    }
    /* very deep nesting: one fatal finding, no overflow */
    text_buf t = nested_foreign(2, 100000);
    xml_result r = xml_import_text(DOC, t.s, t.n, false);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(r.rc, SNPLP_EPARSE);
    assert_int_equal(count_code(r.d, SNPLP_DIAG_TOO_DEEP), 1);
    assert_int_equal(snplp_diagnostics_count(r.d), 1);
    xml_result_free(DOC, &r);
    free(t.s);
}

/* Texts of up to SNPLP_XML_MAX_TEXT characters are read; longer ones are refused (204, not
 * fatal); attribute values of up to SNPLP_XML_MAX_ATTRIBUTE bytes are read, longer ones are
 * refused (205, not fatal). */
static void texts_and_attributes_longer_than_the_limits_are_refused(void **state)
{
    (void)state;
    for (int over = 0; over < 2; over++) {
        text_buf t = {0};
        puts_(&t, DOC_START "<indicator id=\"i\" unit=\"count\"><label>");
        put_repeat(&t, "é", SNPLP_XML_MAX_TEXT + (size_t)over);
        puts_(&t, "</label></indicator><indicator id=\"j\" unit=\"count\" color=\"red\">"
                  "<label>J</label></indicator>" DOC_END);
        xml_result r = xml_import_text(DOC, t.s, t.n, false);
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_EPARSE);
        assert_int_equal(count_code(r.d, SNPLP_DIAG_TEXT_TOO_LONG), (size_t)over);
        assert_true(has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE)); /* later problems reported */
        xml_result_free(DOC, &r);
        free(t.s);
    }
    text_buf t = {0};
    puts_(&t, DOC_START "<indicator id=\"i\" unit=\"count\"><label>");
    put_repeat(&t, "é", SNPLP_XML_MAX_TEXT);
    puts_(&t, "</label></indicator>" DOC_END);
    snplp_convention_list *list = xml_import_ok(DOC, t.s, t.n);
    assert_int_equal(strlen(snplp_indicator_label(
                         snplp_convention_indicator_find(snplp_convention_list_at(list, 0), "i"))),
                     2 * SNPLP_XML_MAX_TEXT);
    snplp_convention_list_free(list);
    free(t.s);

    for (int over = 0; over < 2; over++) {
        t = (text_buf){0};
        puts_(&t, "<conventions xmlns=\"urn:snplp:1.0\"><convention id=\"c\" "
                  "territory-kind=\"departement\" territory-code=\"49\" "
                  "xmlns:x=\"urn:example:x\" x:big=\"");
        put_repeat(&t, "a", SNPLP_XML_MAX_ATTRIBUTE + (size_t)over);
        puts_(&t, "\"><territory-name>T</territory-name></convention>"
                  "<convention id=\"d\" territory-kind=\"departement\" territory-code=\"49\" "
                  "color=\"red\"><territory-name>T</territory-name></convention></conventions>");
        xml_result r = xml_import_text(DOC, t.s, t.n, false);
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_EPARSE);
        assert_int_equal(count_code(r.d, SNPLP_DIAG_ATTRIBUTE_TOO_LONG), (size_t)over);
        assert_true(has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE));
        xml_result_free(DOC, &r);
        free(t.s);
    }
}

/* ---- export ---- */

static snplp_convention_list *new_list(void)
{
    snplp_convention_list *list = NULL;
    assert_ok(snplp_convention_list_new(&list));
    return list;
}

/* A file holds one convention at least: an empty list is not exported, nor written to an empty
 * path (the other bad arguments: xml_export_refuses_bad_arguments). */
static void export_refuses_an_empty_list(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_path_ok(DOC, EXAMPLE_49);
    snplp_convention_list *empty = new_list();
    char *out = NULL;
    size_t n = 0;
    assert_fails(snplp_conventions_export_file(list, ""), SNPLP_EINVAL);
    assert_fails(snplp_conventions_export_memory(&out, &n, empty), SNPLP_EINVAL);
    assert_null(out);
    char dir[] = "/tmp/snplp-cxml-empty-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/empty.xml", dir);
    assert_fails(snplp_conventions_export_file(empty, path), SNPLP_EINVAL);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(rmdir(dir), 0);
    assert_fails(snplp_conventions_export_callback(empty, NULL, NULL), SNPLP_EINVAL);
    snplp_convention_list_free(empty);
    snplp_convention_list_free(list);
}

/* The same conventions in another order: another document. */
static void export_follows_the_order_of_the_list(void **state)
{
    (void)state;
    snplp_convention_list *list = xml_import_path_ok(DOC, EXAMPLE_52);
    size_t n1 = 0, n2 = 0;
    char *a = xml_export_text(DOC, list, &n1);
    snplp_convention_list *reversed = new_list();
    for (size_t i = snplp_convention_list_count(list); i-- > 0;)
        assert_ok(snplp_convention_list_add(reversed, snplp_convention_list_at(list, i)));
    char *r = xml_export_text(DOC, reversed, &n2);
    /* the example's opening comment is written back for the list read, not for the other */
    const char *root_a = strstr(a, "<conventions "), *root_r = strstr(r, "<conventions ");
    assert_int_equal(n1 - (size_t)(root_a - a), n2 - (size_t)(root_r - r));
    assert_true(memcmp(root_a, root_r, n2 - (size_t)(root_r - r)) != 0);
    assert_true(strstr(r, "calpae-85-2019") < strstr(r, "calpae-44-2019"));
    snplp_free(r);
    snplp_free(a);
    snplp_convention_list_free(reversed);
    snplp_convention_list_free(list);
}

/* ---- round trips ---- */

/* A list built with the API: every kind of value, texts of every kind, extensions added with
 * the API; it exports and imports back equal. */
static void api_built_lists_go_round(void **state)
{
    (void)state;
    const char *const *texts = xml_tricky_texts;
    const size_t ntexts = xml_ntricky_texts;
    snplp_convention_list *list = new_list();
    snplp_convention *c = NULL;
    assert_ok(
        snplp_convention_new(&c, "calpae-2a-2019", SNPLP_TERRITORY_DEPARTEMENT, "2A", texts[0]));
    assert_ok(snplp_convention_list_add(list, c));
    snplp_convention_unref(c); /* the list holds it */
    assert_ok(snplp_convention_set_years(c, 2019, 2021));
    assert_ok(snplp_convention_set_signature_date(c, (snplp_date){2019, 2, 28}));
    for (size_t i = 0; i < ntexts; i++)
        assert_ok(snplp_convention_add_signatory(c, texts[i], texts[(i + 1) % ntexts]));
    assert_ok(snplp_convention_set_funding(c, 2021, INT64_MAX, 0));
    assert_ok(snplp_convention_set_funding(c, 2019, 1, 2)); /* written in year order */
    assert_ok(snplp_convention_set_report_sent(c, 2020, (snplp_date){2021, 1, 1}));
    assert_ok(snplp_convention_set_report_sent(c, 2019, (snplp_date){2020, 12, 31}));
    static const snplp_action_objective objectives[] = {
        SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS, SNPLP_ACTION_OBJECTIVE_RSA_INSERTION,
        SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE};
    for (size_t i = 0; i < ntexts; i++) {
        char id[32];
        snprintf(id, sizeof id, "action-%zu", i);
        snplp_action *a = NULL;
        assert_ok(snplp_convention_add_action(&a, c, id, objectives[i % 4], texts[i]));
        assert_ok(snplp_action_set_description(a, texts[(i + 3) % ntexts]));
        assert_ok(snplp_action_set_status(a, 2021, SNPLP_ACTION_STATUS_PLANNED, NULL));
        assert_ok(snplp_action_set_status(a, 2019, SNPLP_ACTION_STATUS_DONE, NULL));
        assert_ok(snplp_action_set_status(a, 2020, SNPLP_ACTION_STATUS_DROPPED, texts[i]));
        assert_ok(snplp_action_set_status(a, 2022, SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
    }
    static const snplp_unit units[] = {SNPLP_UNIT_COUNT, SNPLP_UNIT_PERCENT, SNPLP_UNIT_DAYS,
                                       SNPLP_UNIT_EUROS, SNPLP_UNIT_RATIO};
    static const snplp_polarity polarities[] = {SNPLP_POLARITY_HIGHER, SNPLP_POLARITY_LOWER,
                                                SNPLP_POLARITY_EXACT};
    static const snplp_decimal values[] = {{-5, 3},         {1250, 2},       {125, 1}, {0, 2},
                                           {INT64_MAX, 18}, {-INT64_MAX, 0}, {1, 18},  {7125, 2}};
    for (size_t i = 0; i < COUNT_OF(units); i++) {
        char id[32];
        snprintf(id, sizeof id, "indicator-%zu", i);
        snplp_indicator *ind = NULL;
        assert_ok(snplp_convention_add_indicator(&ind, c, id, texts[i], units[i]));
        assert_ok(snplp_indicator_set_polarity(ind, polarities[i % 3]));
        if (i == 1) {
            assert_ok(snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_WEIGHTED_MEAN,
                                                      "indicator-0"));
            assert_ok(snplp_indicator_set_ratio_of(ind, "indicator-2", "indicator-0"));
        } else if (i % 2 == 0) {
            assert_ok(snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_SUM, NULL));
        }
        assert_ok(snplp_indicator_set_baseline(ind, 2018, values[i]));
        for (int32_t y = 2019; y <= 2021; y++) {
            size_t k = (i + (size_t)y) % COUNT_OF(values);
            assert_ok(snplp_indicator_set_target(ind, y, values[k]));
            if (y != 2020)
                assert_ok(snplp_indicator_set_actual(ind, y, values[(k + 1) % COUNT_OF(values)]));
        }
        assert_ok(snplp_indicator_set_source(ind, 2019, texts[i]));
        assert_ok(snplp_indicator_set_comment(ind, 2020, texts[i + 1]));
        assert_ok(snplp_indicator_set_comment(ind, 2023, "comment only"));
    }
    /* extensions added with the API, on the convention, an action and an indicator */
    assert_ok(snplp_convention_add_extension(c, NULL, "<x:a xmlns:x=\"urn:example:x\">1</x:a>"));
    assert_ok(snplp_convention_add_extension(
        c, NULL, "<b xmlns=\"urn:example:b\" k='v &amp; w'><c/>t &lt; u</b>"));
    assert_ok(snplp_convention_add_extension(c, "action-1",
                                             "<x:note xmlns:x=\"urn:example:x\">é</x:note>"));
    assert_ok(snplp_convention_add_extension(c, "indicator-3", "<y:z xmlns:y=\"urn:y\"></y:z>"));
    assert_text(snplp_convention_extension_at(c, "indicator-3", 0),
                "<y:z xmlns:y=\"urn:y\"/>"); /* canonical form */
    assert_text(snplp_convention_extension_at(c, NULL, 1),
                "<b xmlns=\"urn:example:b\" k=\"v &amp; w\"><c/>t &lt; u</b>");
    assert_ok(snplp_convention_set_foreign_attribute(c, NULL, "urn:example:dep", "dep", "dossier",
                                                     "2019-0042 & \"x\""));
    assert_ok(snplp_convention_set_foreign_attribute(
        c, NULL, "http://www.w3.org/XML/1998/namespace", "xml", "lang", "fr"));
    assert_ok(snplp_convention_set_foreign_attribute(c, "action-0", "urn:example:dep", "dep",
                                                     "pilote", "CD"));
    assert_ok(snplp_convention_set_foreign_attribute(c, "indicator-4", "urn:example:dep", "d",
                                                     "origine", "SI"));
    /* replacing an attribute keeps one */
    assert_ok(snplp_convention_set_foreign_attribute(c, "indicator-4", "urn:example:dep", "d",
                                                     "origine", "SI 2"));
    assert_int_equal(snplp_convention_foreign_attribute_count(c, "indicator-4"), 1);
    const char *value = NULL;
    assert_ok(snplp_convention_foreign_attribute_at(c, "indicator-4", 0, NULL, NULL, NULL, &value));
    assert_text(value, "SI 2");
    assert_int_equal(snplp_convention_foreign_attribute_count(c, NULL), 2);
    assert_int_equal(snplp_convention_extension_count(c, NULL), 2);

    /* a second convention, of a métropole, with nothing but its name; a third sharing ids */
    snplp_convention *m = NULL;
    assert_ok(snplp_convention_new(&m, "calpae-mel", SNPLP_TERRITORY_METROPOLE, "200093201", "M"));
    assert_ok(snplp_convention_list_add(list, m));
    snplp_convention_unref(m);
    snplp_convention *r = NULL;
    assert_ok(snplp_convention_new(&r, "calpae-52", SNPLP_TERRITORY_REGION, "52", "R"));
    assert_ok(snplp_convention_add_indicator(NULL, r, "action-0", "L", SNPLP_UNIT_COUNT));
    assert_ok(snplp_convention_list_add(list, r));
    snplp_convention_unref(r);

    assert_int_equal(xml_round_trip_breaches(DOC, "a list built with the API", list), 0);
    /* the decimal {-5, 3} is written "-0.005" and read back identical */
    char *xml = xml_export_text(DOC, list, NULL);
    assert_non_null(strstr(xml, "\"-0.005\""));
    assert_non_null(strstr(xml, "\"9.223372036854775807\""));
    assert_non_null(strstr(xml, "xml:lang=\"fr\""));
    snplp_convention_list *back = xml_import_ok(DOC, xml, strlen(xml));
    snplp_decimal v = {0, 0};
    assert_ok(snplp_indicator_baseline(
        NULL, &v,
        snplp_convention_indicator_find(snplp_convention_list_at(back, 0), "indicator-0")));
    assert_true(v.units == -5 && v.scale == 3);
    assert_text(snplp_convention_extension_at(snplp_convention_list_at(back, 0), "action-1", 0),
                "<x:note xmlns:x=\"urn:example:x\">é</x:note>");
    const char *ns = NULL, *prefix = NULL, *name = NULL;
    assert_ok(snplp_convention_foreign_attribute_at(snplp_convention_list_at(back, 0), NULL, 0, &ns,
                                                    &prefix, &name, &value));
    assert_text(value, "2019-0042 & \"x\"");
    /* the years of the model are written in increasing order */
    assert_true(strstr(xml, "<funding year=\"2019\"") < strstr(xml, "<funding year=\"2021\""));
    assert_true(strstr(xml, "<report year=\"2019\"") < strstr(xml, "<report year=\"2020\""));
    snplp_convention_list_free(back);
    snplp_free(xml);

    /* changing a value changes the export, and the equality */
    snplp_convention_list *again = NULL;
    xml = xml_export_text(DOC, list, NULL);
    assert_ok(snplp_conventions_import_memory(&again, NULL, xml, strlen(xml), NULL, NULL));
    assert_true(snplp_convention_list_equal(list, again));
    assert_ok(snplp_indicator_set_target(
        snplp_convention_indicator_find(snplp_convention_list_at(again, 0), "indicator-0"), 2019,
        (snplp_decimal){-50, 4})); /* equal to -0.005, not identical */
    assert_false(snplp_convention_list_equal(list, again));
    snplp_convention_list_free(again);
    snplp_free(xml);
    snplp_convention_list_free(list);
}

/* The extension API of conventions refuses what cannot be written back. */
static void extension_api_refuses_bad_arguments(void **state)
{
    (void)state;
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, "c", SNPLP_TERRITORY_REGION, "52", "Pays de la Loire"));
    assert_ok(snplp_convention_add_action(NULL, c, "a", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "A"));
    assert_ok(snplp_convention_add_indicator(NULL, c, "i", "I", SNPLP_UNIT_COUNT));
    static const char good[] = "<x:a xmlns:x=\"urn:x\"/>";
    assert_fails(snplp_convention_add_extension(NULL, NULL, good), SNPLP_EINVAL);
    assert_fails(snplp_convention_add_extension(c, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_convention_add_extension(c, "no-such-item", good), SNPLP_ENOTFOUND);
    static const char *const bad[] = {
        "",
        "not xml",
        "<a/>",                                             /* no namespace */
        "<s:a xmlns:s=\"urn:snplp:1.0\"/>",                 /* the snplp namespace */
        "<x:a xmlns:x=\"urn:x\"/><x:b xmlns:x=\"urn:x\"/>", /* two elements */
        "<x:a xmlns:x=\"urn:x\">",                          /* not well-formed */
        "<!DOCTYPE a><x:a xmlns:x=\"urn:x\"/>",
    };
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        snplp_error_clear();
        int rc = snplp_convention_add_extension(c, "a", bad[i]);
        if (rc != SNPLP_EINVAL)
            print_error("extension '%s': %s\n", bad[i], snplp_status_name(rc));
        assert_int_equal(rc, SNPLP_EINVAL);
    }
    assert_int_equal(snplp_convention_extension_count(c, "a"), 0);
    /* depth: the convention's element is at depth 2, an action's or indicator's at 3 */
    for (int item = 0; item < 3; item++) {
        const char *id = item == 0 ? NULL : item == 1 ? "a" : "i";
        size_t max = item == 0 ? 98 : 97;
        for (size_t n = max; n <= max + 1; n++) {
            text_buf t = {0};
            put_repeat(&t, "<x:a xmlns:x=\"urn:x\">", n);
            put_repeat(&t, "</x:a>", n);
            snplp_error_clear();
            int rc = snplp_convention_add_extension(c, id, t.s);
            assert_int_equal(rc, n == max ? SNPLP_OK : SNPLP_EINVAL);
            free(t.s);
        }
    }
    /* foreign attributes */
    static const struct {
        const char *ns, *prefix, *name, *value;
    } bad_attrs[] = {
        {NULL, "p", "n", "v"},
        {"", "p", "n", "v"},
        {"urn:snplp:1.0", "p", "n", "v"},
        {"urn:x", NULL, "n", "v"},
        {"urn:x", "", "n", "v"},
        {"urn:x", "1p", "n", "v"},
        {"urn:x", "p", "n n", "v"},
        {"urn:x", "p", "n", NULL},
        {"urn:x", "xmlns", "n", "v"},
        {"urn:x", "xml", "n", "v"},
        {"http://www.w3.org/2001/XMLSchema-instance", "xsi", "type", "v"},
        {"urn:other", "d", "n", "v"}, /* d already stands for urn:x below */
    };
    assert_ok(snplp_convention_set_foreign_attribute(c, "i", "urn:x", "d", "first", "1"));
    for (size_t i = 0; i < COUNT_OF(bad_attrs); i++) {
        snplp_error_clear();
        int rc = snplp_convention_set_foreign_attribute(
            c, "i", bad_attrs[i].ns, bad_attrs[i].prefix, bad_attrs[i].name, bad_attrs[i].value);
        if (rc != SNPLP_EINVAL)
            print_error("foreign attribute %zu: %s\n", i, snplp_status_name(rc));
        assert_int_equal(rc, SNPLP_EINVAL);
    }
    assert_fails(snplp_convention_set_foreign_attribute(c, "i", "urn:x", "d", "n", "\xff"),
                 SNPLP_EENCODING);
    assert_fails(snplp_convention_set_foreign_attribute(NULL, NULL, "urn:x", "d", "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_set_foreign_attribute(c, "nope", "urn:x", "d", "n", "v"),
                 SNPLP_ENOTFOUND);
    char *big = test_long_text("a", SNPLP_XML_MAX_ATTRIBUTE + 1);
    assert_fails(snplp_convention_set_foreign_attribute(c, "i", "urn:x", "d", "n", big),
                 SNPLP_EINVAL);
    big[SNPLP_XML_MAX_ATTRIBUTE] = '\0';
    assert_ok(snplp_convention_set_foreign_attribute(c, "i", "urn:x", "d", "n", big));
    free(big);
    assert_int_equal(snplp_convention_foreign_attribute_count(c, "i"), 2);
    assert_fails(snplp_convention_foreign_attribute_at(NULL, NULL, 0, NULL, NULL, NULL, NULL),
                 SNPLP_EINVAL);

    /* what the API accepted goes round */
    snplp_convention_list *list = new_list();
    assert_ok(snplp_convention_list_add(list, c));
    assert_int_equal(xml_round_trip_breaches(DOC, "extensions at the depth limit", list), 0);
    snplp_convention_list_free(list);
    snplp_convention_unref(c);
}

/* What the shared tests (support/xml_docs.h) need to know of files of conventions. */
static const char *const failing[] = {"several-problems.xml", "model-problems-together.xml",
                                      "duplicate-id-convention.xml", "hostile-billion-laughs.xml",
                                      "truncated.xml"};
static const char *const oom[] = {EXAMPLE_49, SNPLP_CONVENTION_FIXTURES_DIR "/valid-extensions.xml",
                                  SNPLP_CONVENTION_FIXTURES_DIR "/not-nfc.xml"};
static const char *const oom_export[] = {"valid-extensions.xml", "valid-complete.xml"};
static const xml_suite suite = {
    .doc = DOC,
    .test_file = "test_convention_xml.c",
    XML_LIST(cases, fixtures),
    XML_LIST(hostile, hostile),
    XML_LIST(failing, failing),
    .read_sample = EXAMPLE_49,
    XML_LIST(oom, oom),
    XML_LIST(oom_export, oom_export),
    .own_breach_unseen = refused_as_referential,
    XML_LIST(libxml2_misses, libxml2_misses),
    .min_examples = 2,
    .min_round_trips = 20,
    .min_unseen = 1,
};

int main(void)
{
    const struct CMUnitTest tests[] = {
        XML_SHARED_TESTS(&suite),
        cmocka_unit_test(example_49_is_read_whole),
        cmocka_unit_test(example_52_is_read_whole),
        cmocka_unit_test(examples_make_one_synthesis),
        cmocka_unit_test(examples_are_written_back_byte_for_byte),
        cmocka_unit_test(canonical_fixtures_are_written_back_byte_for_byte),
        cmocka_unit_test(leading_comments_are_kept),
        cmocka_unit_test(from_records_is_read_and_goes_round),
        cmocka_unit_test(complete_fixture_is_read_whole),
        cmocka_unit_test(decimals_are_read_digit_for_digit),
        cmocka_unit_test(whitespace_around_values_and_verbatim_texts),
        cmocka_unit_test(territories_of_every_kind),
        cmocka_unit_test(years_at_the_edges),
        cmocka_unit_test(ids_and_references),
        cmocka_unit_test(markup_prefixes_bom_and_hints),
        cmocka_unit_test(extensions_are_kept),
        cmocka_unit_test(text_not_in_nfc_is_normalized_with_a_warning),
        cmocka_unit_test(every_text_not_in_nfc_is_reported),
        cmocka_unit_test(findings_name_the_text_element_they_are_about),
        cmocka_unit_test(a_year_of_values_appears_once),
        cmocka_unit_test(values_in_any_order_are_kept),
        cmocka_unit_test(files_that_cannot_be_opened_say_why),
        cmocka_unit_test(findings_inside_a_convention_name_it),
        cmocka_unit_test(findings_are_in_french),
        cmocka_unit_test(a_referential_is_not_a_file_of_conventions),
        cmocka_unit_test(nesting_deeper_than_the_limit_is_refused),
        cmocka_unit_test(texts_and_attributes_longer_than_the_limits_are_refused),
        cmocka_unit_test(export_refuses_an_empty_list),
        cmocka_unit_test(export_follows_the_order_of_the_list),
        cmocka_unit_test(api_built_lists_go_round),
        cmocka_unit_test(extension_api_refuses_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
