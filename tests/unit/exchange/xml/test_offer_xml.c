/* Tests of the offers of modules in the snplp XML format (format 1.2, docs/xml-format.md,
 * "<offer>"): a module with every value of offer.h set through the public API is exported,
 * imported again (with and without the schema) and equal; the offer is written after the
 * module's extension elements, its booleans as true or false; a referential with no offer is
 * written exactly as before (a 1.0 document), and so is one whose offers were all unset. The
 * fixtures with offers (tests/fixtures/xml, the files named for the offer) are in the table of
 * test_xml.c. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A referential of one theme and one module (with an extension element), no offer. */
static snplp_referential *new_ref(snplp_module **m)
{
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_new(&ref));
    assert_ok(snplp_referential_add_theme(NULL, ref, "theme-t", "Thème"));
    assert_ok(snplp_referential_add_module(m, ref, "theme-t", "module-a", SNPLP_LEVEL_EXPERT,
                                           "Accueillir"));
    assert_ok(snplp_module_set_duration_days(*m, 2));
    assert_ok(snplp_referential_add_extension(ref, "module-a",
                                              "<x:note xmlns:x=\"urn:example:x\">kept</x:note>"));
    return ref;
}

/* Every value of an offer, through the public functions. */
static void set_every_value(snplp_module *m)
{
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_PATH, 4));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL, 0));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_EXIT_LEVEL, 18));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_CERTIFYING, 1));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL_REQUIRED, 0));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_FEES_COVERED, 1));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_RHYTHM, "2 jours puis 1 jour"));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_WORK_STUDY, "Sans alternance"));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_CONDITIONS, "Être en poste <& « »"));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_AUDIENCE_INFO, "  Travailleurs\n  "));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_OBJECTIVES, "Objectifs\nsur deux lignes"));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_RESULTS, "Attestation"));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_CONTENT, "- un\n- deux"));
    assert_ok(snplp_module_set_formacode_version(m, "V14"));
    for (int i = 0; i < SNPLP_OFFER_MAX_AUDIENCE_CODES; i++) {
        char code[8];
        snprintf(code, sizeof code, "%05d", 15040 + i);
        assert_ok(snplp_module_add_audience_code(m, code));
    }
}

static char *export(const snplp_referential *ref)
{
    char *xml = NULL;
    size_t len = 0;
    assert_ok(snplp_referential_export_memory(&xml, &len, ref));
    assert_int_equal(strlen(xml), len);
    return xml;
}

static snplp_referential *import(const char *xml, bool strict)
{
    snplp_import_options *o = NULL;
    assert_ok(snplp_import_options_new(&o));
    assert_ok(snplp_import_options_set_strict(o, strict));
    snplp_diagnostics *d = new_diags();
    snplp_referential *ref = NULL;
    int rc = snplp_referential_import_memory(&ref, d, xml, strlen(xml), "offer", o);
    if (rc != SNPLP_OK || snplp_diagnostics_count(d) != 0) {
        for (size_t i = 0; i < snplp_diagnostics_count(d); i++)
            print_error("%s\n", snplp_diagnostic_message(snplp_diagnostics_at(d, i)));
        print_error("%s\n", xml);
    }
    assert_ok(rc);
    assert_int_equal(snplp_diagnostics_count(d), 0);
    snplp_diagnostics_free(d);
    snplp_import_options_free(o);
    return ref;
}

static void every_value_goes_round(void **state)
{
    (void)state;
    snplp_module *m = NULL;
    snplp_referential *ref = new_ref(&m);
    set_every_value(m);
    /* a second module whose offer holds one value only */
    snplp_module *b = NULL;
    assert_ok(snplp_referential_add_module(&b, ref, "theme-t", "module-b", SNPLP_LEVEL_FUNDAMENTALS,
                                           "B"));
    assert_ok(snplp_module_set_offer_code(b, SNPLP_OFFER_CERTIFYING, 0));
    char *xml = export(ref);
    /* the offer comes after the module's extension elements, its booleans true or false, a code
     * 0 written */
    const char *note = strstr(xml, "<x:note");
    const char *offer = strstr(xml, "<offer ");
    assert_non_null(note);
    assert_non_null(offer);
    assert_true(note < offer);
    assert_non_null(strstr(xml, "<offer path=\"4\" entry-level=\"0\" exit-level=\"18\" "
                                "certifying=\"true\" entry-level-required=\"false\" "
                                "fees-covered=\"true\" formacode-version=\"V14\">"));
    assert_non_null(strstr(xml, "<rhythm>2 jours puis 1 jour</rhythm>"));
    assert_non_null(strstr(xml, "<conditions>Être en poste &lt;&amp; « »</conditions>"));
    assert_non_null(strstr(xml, "<audience-code>15049</audience-code>\n    </offer>\n  </module>"));
    assert_non_null(strstr(xml, "<offer certifying=\"false\"/>"));
    for (int strict = 0; strict < 2; strict++) {
        snplp_referential *back = import(xml, strict);
        assert_true(snplp_referential_equal(ref, back));
        const snplp_module *mb = snplp_referential_module_find(back, "module-a");
        assert_true(snplp_module_has_offer(mb));
        assert_int_equal(snplp_module_offer_code(mb, SNPLP_OFFER_PATH), 4);
        assert_int_equal(snplp_module_offer_code(mb, SNPLP_OFFER_ENTRY_LEVEL), 0);
        assert_int_equal(snplp_module_offer_code(mb, SNPLP_OFFER_EXIT_LEVEL), 18);
        assert_int_equal(snplp_module_offer_code(mb, SNPLP_OFFER_CERTIFYING), 1);
        assert_int_equal(snplp_module_offer_code(mb, SNPLP_OFFER_ENTRY_LEVEL_REQUIRED), 0);
        assert_int_equal(snplp_module_offer_code(mb, SNPLP_OFFER_FEES_COVERED), 1);
        assert_string_equal(snplp_module_offer_text(mb, SNPLP_OFFER_AUDIENCE_INFO),
                            "  Travailleurs\n  ");
        assert_string_equal(snplp_module_formacode_version(mb), "V14");
        assert_int_equal(snplp_module_audience_code_count(mb), SNPLP_OFFER_MAX_AUDIENCE_CODES);
        assert_string_equal(snplp_module_audience_code_at(mb, 0), "15040");
        assert_string_equal(snplp_module_audience_code_at(mb, 9), "15049");
        assert_int_equal(snplp_referential_extension_count(back, "module-a"), 1);
        const snplp_module *bb = snplp_referential_module_find(back, "module-b");
        assert_int_equal(snplp_module_offer_code(bb, SNPLP_OFFER_CERTIFYING), 0);
        assert_int_equal(snplp_module_offer_code(bb, SNPLP_OFFER_PATH), -1);
        /* written again: the same bytes */
        char *again = export(back);
        assert_string_equal(again, xml);
        snplp_free(again);
        snplp_referential_unref(back);
    }
    /* an offer that differs in one value is not equal */
    snplp_referential *back = import(xml, false);
    snplp_module *mb = snplp_referential_module_find(back, "module-a");
    assert_ok(snplp_module_set_offer_code(mb, SNPLP_OFFER_PATH, 3));
    assert_false(snplp_referential_equal(ref, back));
    snplp_referential_unref(back);
    snplp_free(xml);
    snplp_referential_unref(ref);
}

/* The export of the referential of new_ref(), with no offer: a 1.0 document, as written before
 * format 1.2. */
static const char without_offer[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<referential xmlns=\"urn:snplp:1.0\">\n"
    "  <theme id=\"theme-t\">\n"
    "    <title>Thème</title>\n"
    "  </theme>\n"
    "  <module id=\"module-a\" theme=\"theme-t\" level=\"expert\" duration-days=\"2\">\n"
    "    <title>Accueillir</title>\n"
    "    <x:note xmlns:x=\"urn:example:x\">kept</x:note>\n"
    "  </module>\n"
    "</referential>\n";

static void no_offer_is_written_as_before(void **state)
{
    (void)state;
    snplp_module *m = NULL;
    snplp_referential *ref = new_ref(&m);
    char *xml = export(ref);
    assert_string_equal(xml, without_offer);
    snplp_free(xml);
    /* every value set then unset: no offer, the same bytes */
    set_every_value(m);
    for (int w = 1; w <= SNPLP_OFFER_CODE_COUNT; w++)
        assert_ok(snplp_module_set_offer_code(m, (snplp_offer_code)w, -1));
    for (int w = 1; w <= SNPLP_OFFER_TEXT_COUNT; w++)
        assert_ok(snplp_module_set_offer_text(m, (snplp_offer_text)w, NULL));
    assert_ok(snplp_module_set_formacode_version(m, NULL));
    assert_ok(snplp_module_clear_audience_codes(m));
    assert_false(snplp_module_has_offer(m));
    xml = export(ref);
    assert_string_equal(xml, without_offer);
    snplp_free(xml);
    /* the built-in referential has no offer: its export has no <offer> */
    snplp_referential *builtin = test_builtin();
    xml = export(builtin);
    assert_null(strstr(xml, "<offer"));
    snplp_free(xml);
    snplp_referential_unref(builtin);
    snplp_referential_unref(ref);
}

/* The fixture with offers reads to the values it states (white space around typed values
 * collapsed, texts verbatim), and goes round. */
static void the_offer_fixture_is_read_whole(void **state)
{
    (void)state;
    FILE *f = fopen(SNPLP_FIXTURES_DIR "/valid-offer.xml", "rb");
    assert_non_null(f);
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    for (int strict = 0; strict < 2; strict++) {
        snplp_referential *ref = import(buf, strict);
        const snplp_module *m = snplp_referential_module_find(ref, "module-a");
        assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_PATH), 2);
        assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL), 13);
        assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_EXIT_LEVEL), 0);
        assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_CERTIFYING), 0);
        assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL_REQUIRED), 1);
        assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_FEES_COVERED), 1);
        assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_RHYTHM), "3 jours consécutifs");
        assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_WORK_STUDY), "Sans alternance");
        assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_CONDITIONS), "Aucune");
        assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_AUDIENCE_INFO),
                            "Travailleurs sociaux");
        assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_OBJECTIVES),
                            "Objectifs de l’offre");
        assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_RESULTS),
                            "Attestation de formation");
        assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_CONTENT), "Contenu de l’offre");
        assert_string_equal(snplp_module_formacode_version(m), "V14");
        assert_int_equal(snplp_module_audience_code_count(m), 2);
        assert_string_equal(snplp_module_audience_code_at(m, 1), "44028");
        assert_int_equal(snplp_referential_extension_count(ref, "module-a"), 1);
        assert_int_equal(snplp_referential_foreign_attribute_count(ref, "module-a"), 1);
        const snplp_module *b = snplp_referential_module_find(ref, "module-b");
        assert_true(snplp_module_has_offer(b));
        assert_int_equal(snplp_module_offer_code(b, SNPLP_OFFER_EXIT_LEVEL), 18);
        assert_null(snplp_module_offer_text(b, SNPLP_OFFER_RHYTHM));
        char *xml = export(ref);
        snplp_referential *back = import(xml, !strict);
        assert_true(snplp_referential_equal(ref, back));
        snplp_referential_unref(back);
        snplp_free(xml);
        snplp_referential_unref(ref);
    }
}

/* The compiled-in schema is format 1.2: it knows <offer>. */
static void the_schema_knows_the_offer(void **state)
{
    (void)state;
    const char *xsd = snplp_xml_schema();
    assert_non_null(strstr(xsd, "<xs:complexType name=\"offer\">"));
    assert_non_null(strstr(xsd, "<xs:extension base=\"s:module-1.1\">"));
    assert_non_null(strstr(xsd, "<xs:extension base=\"s:indicator-1.0\">"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_value_goes_round),
        cmocka_unit_test(no_offer_is_written_as_before),
        cmocka_unit_test(the_offer_fixture_is_read_whole),
        cmocka_unit_test(the_schema_knows_the_offer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
