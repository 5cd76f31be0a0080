/* Tests of lheo.h, the LHEO 2.3 export: the built-in referential with the example training
 * records (examples/data/records.xml) and offers set through offer.h. What the model lacks is
 * a finding and the offer is left out; nothing is written when no offer is complete; texts are
 * cut on a word boundary; the three destinations write the same bytes; out of memory loses
 * nothing. The complete document is written to lheo-builtin-example.xml (in the test's working
 * directory) for the test lheo-xsd, which validates it with xmllint against the official XSD. */
#include "test_util.h"

#include <stdio.h>
#include <unistd.h>

#ifndef SNPLP_EXAMPLES_DATA_DIR
#define SNPLP_EXAMPLES_DATA_DIR "examples/data"
#endif

typedef struct fixture {
    snplp_referential *ref;
    snplp_records *rec;
    snplp_diagnostics *diags;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_ok(snplp_referential_builtin(&f->ref));
    assert_ok(snplp_diagnostics_new(&f->diags));
    assert_ok(
        snplp_records_import_file(&f->rec, f->diags, SNPLP_EXAMPLES_DATA_DIR "/records.xml", NULL));
    snplp_diagnostics_clear(f->diags);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    snplp_referential_unref(f->ref);
    snplp_records_unref(f->rec);
    snplp_diagnostics_free(f->diags);
    free(f);
    return 0;
}

/* Gives module m a complete offer. */
static void complete_offer(snplp_module *m)
{
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_CERTIFYING, 0));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_PATH, 1));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL, 0));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL_REQUIRED, 0));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_FEES_COVERED, 1));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_RHYTHM, "3 jours consécutifs"));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_WORK_STUDY, "Sans alternance"));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_CONDITIONS, "aucune"));
    assert_ok(snplp_module_set_formacode_version(m, "V14"));
    assert_ok(snplp_module_add_audience_code(m, "15041"));
}

static size_t count_code(const snplp_diagnostics *d, snplp_diag_code code, const char *item,
                         const char *needle)
{
    size_t n = 0;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        const char *id = snplp_diagnostic_item_id(g);
        if (snplp_diagnostic_code(g) == code && (!item || (id && strcmp(id, item) == 0)) &&
            (!needle || strstr(snplp_diagnostic_message(g), needle)))
            n++;
    }
    return n;
}

static size_t count_text(const char *doc, const char *needle)
{
    size_t n = 0;
    for (const char *p = doc; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* The number of the records' sessions of module m. */
static size_t sessions_of(const snplp_records *rec, const char *m)
{
    size_t n = 0;
    for (size_t i = 0; i < snplp_records_session_count(rec); i++)
        n += strcmp(snplp_session_subject_id(snplp_records_session_at(rec, i)), m) == 0;
    return n;
}

static void no_records_no_document(void **state)
{
    fixture *f = *state;
    char *out = (char *)f; /* left untouched */
    size_t size = 7;
    assert_fails(snplp_lheo_export_memory(&out, &size, f->ref, NULL, f->diags, NULL),
                 SNPLP_EVALIDATION);
    assert_ptr_equal(out, f);
    assert_int_equal(size, 7);
    assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_NO_SESSION, NULL, NULL),
                     snplp_referential_module_count(f->ref));
    assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_NOTHING_WRITTEN, NULL, NULL), 1);
    /* no diagnostics list: the same verdict */
    assert_fails(snplp_lheo_export_memory(&out, &size, f->ref, NULL, NULL, NULL),
                 SNPLP_EVALIDATION);
    assert_fails(snplp_lheo_export_memory(NULL, &size, f->ref, NULL, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lheo_export_memory(&out, NULL, f->ref, NULL, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lheo_export_memory(&out, &size, NULL, f->rec, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lheo_export_file(f->ref, f->rec, NULL, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lheo_export_callback(f->ref, f->rec, NULL, NULL, NULL, NULL), SNPLP_EINVAL);
}

/* Without offers, each module × body with sessions is reported for every value it lacks, and
 * a good file in the way is left as it was. */
static void missing_data_named(void **state)
{
    fixture *f = *state;
    const char *path = "lheo-test-untouched.xml";
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("good", fp);
    fclose(fp);
    assert_fails(snplp_lheo_export_file(f->ref, f->rec, path, f->diags, NULL), SNPLP_EVALIDATION);
    fp = fopen(path, "r");
    char buf[16] = {0};
    assert_non_null(fgets(buf, sizeof buf, fp));
    fclose(fp);
    assert_string_equal(buf, "good");
    unlink(path);
    const char *m = "module-insertion-fundamentals";
    static const char *const elements[] = {"certifiante",
                                           "parcours-de-formation",
                                           "code-niveau-entree",
                                           "niveau-entree-obligatoire",
                                           "prise-en-charge-frais-possible",
                                           "rythme-formation",
                                           "modalites-alternance",
                                           "conditions-specifiques",
                                           "code-public-vise"};
    for (size_t i = 0; i < COUNT_OF(elements); i++)
        assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_MISSING_DATA, m, elements[i]), 1);
    /* the message names the training body too */
    assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_MISSING_DATA, m, "of-49-1"), 9);
    assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_NOTHING_WRITTEN, NULL, "2 left out"), 1);
}

/* A complete offer is written, its sessions grouped in one action per mode; the document is
 * kept for the test lheo-xsd. */
static void complete_offers_written(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < snplp_referential_module_count(f->ref); i++)
        complete_offer(snplp_referential_module_at(f->ref, i));
    assert_ok(snplp_module_set_duration_days(
        snplp_referential_module_find(f->ref, "module-insertion-expert"), 2.5));
    char *doc = NULL;
    size_t size = 0;
    assert_ok(snplp_lheo_export_memory(&doc, &size, f->ref, f->rec, f->diags, NULL));
    assert_int_equal(strlen(doc), size);
    assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_MISSING_DATA, NULL, NULL), 0);
    assert_non_null(strstr(doc, "<lheo xmlns=\"http://lheo.gouv.fr/2.3\">"));
    assert_int_equal(count_text(doc, "<formation "), 2);
    assert_int_equal(count_text(doc, "<session "),
                     sessions_of(f->rec, "module-insertion-fundamentals") +
                         sessions_of(f->rec, "module-insertion-expert"));
    assert_non_null(strstr(doc, "<formation numero=\"module-insertion-fundamentals\">"));
    assert_non_null(strstr(doc, "<organisme-formation-responsable numero=\"of-49-1\">"));
    assert_non_null(strstr(doc, "<code-public-vise ref=\"V14\">15041</code-public-vise>"));
    assert_non_null(strstr(doc, "<numero-activite>52864909735</numero-activite>"));
    assert_int_equal(count_text(doc, "<duree-indicative>2,5 jours</duree-indicative>"), 2);
    assert_int_equal(count_text(doc, "<duree-indicative>"), 2); /* the expert's two actions */
    /* the records hold sessions on site and mixed: one action each */
    assert_non_null(strstr(doc, "numero=\"module-insertion-fundamentals/of-49-1/on-site\""));
    assert_non_null(strstr(doc, "<modalites-enseignement>0</modalites-enseignement>"));
    /* the built-in modules' contents are longer than 3 000 characters: cut, with a finding */
    assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_TEXT_CUT, NULL, "contenu-formation"), 2);
    const char *c = strstr(doc, "<contenu-formation>") + strlen("<contenu-formation>");
    const char *end = strstr(c, "</contenu-formation>");
    size_t chars = 0;
    for (const char *p = c; p < end; p++)
        chars += ((unsigned char)*p & 0xc0) != 0x80;
    assert_true(chars <= 3000 && chars > 2500);
    assert_true(end[-1] != ' ' && end[-1] != '\n'); /* no space left before the cut */
    /* the same bytes through a file and a callback */
    assert_ok(snplp_lheo_export_file(f->ref, f->rec, "lheo-builtin-example.xml", NULL, NULL));
    FILE *fp = fopen("lheo-builtin-example.xml", "rb");
    assert_non_null(fp);
    char *back = malloc(size + 2);
    assert_int_equal(fread(back, 1, size + 1, fp), size);
    fclose(fp);
    assert_memory_equal(back, doc, size);
    free(back);
    snplp_free(doc);
}

/* One offer complete, the other not: by default the complete one is written; all or nothing
 * writes none. */
static void all_or_nothing(void **state)
{
    fixture *f = *state;
    complete_offer(snplp_referential_module_find(f->ref, "module-insertion-expert"));
    char *doc = NULL;
    size_t size = 0;
    assert_ok(snplp_lheo_export_memory(&doc, &size, f->ref, f->rec, f->diags, NULL));
    assert_int_equal(count_text(doc, "<formation "), 1);
    assert_non_null(strstr(doc, "<formation numero=\"module-insertion-expert\">"));
    snplp_free(doc);
    snplp_lheo_options *o = NULL;
    assert_ok(snplp_lheo_options_new(&o));
    assert_false(snplp_lheo_options_all_or_nothing(o));
    assert_ok(snplp_lheo_options_set_all_or_nothing(o, true));
    assert_true(snplp_lheo_options_all_or_nothing(o));
    snplp_diagnostics_clear(f->diags);
    doc = NULL;
    assert_fails(snplp_lheo_export_memory(&doc, &size, f->ref, f->rec, f->diags, o),
                 SNPLP_EVALIDATION);
    assert_null(doc);
    assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_NOTHING_WRITTEN, NULL, "all or nothing"),
                     1);
    assert_fails(snplp_lheo_options_set_all_or_nothing(NULL, true), SNPLP_EINVAL);
    assert_false(snplp_lheo_options_all_or_nothing(NULL));
    snplp_lheo_options_free(o);
    snplp_lheo_options_free(NULL);
}

/* A training body without contact or address: its offers are left out, the data named. */
static void body_data_missing(void **state)
{
    fixture *f = *state;
    complete_offer(snplp_referential_module_find(f->ref, "module-insertion-expert"));
    snplp_training_body *b = snplp_records_training_body_find(f->rec, "of-49-1");
    assert_ok(snplp_training_body_set_phone(b, NULL));
    assert_ok(snplp_training_body_set_email(b, NULL));
    assert_ok(snplp_training_body_set_legal_name(b, NULL));
    char *doc = NULL;
    size_t size = 0;
    assert_fails(snplp_lheo_export_memory(&doc, &size, f->ref, f->rec, f->diags, NULL),
                 SNPLP_EVALIDATION);
    const char *m = "module-insertion-expert";
    assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_MISSING_DATA, m, "raison-sociale"), 1);
    assert_int_equal(count_code(f->diags, SNPLP_DIAG_LHEO_MISSING_DATA, m, "contact-formation"), 1);
}

/* The offer's own objectives, results and content come before what the model composes. */
static void own_texts_first(void **state)
{
    fixture *f = *state;
    snplp_module *m = snplp_referential_module_find(f->ref, "module-insertion-expert");
    complete_offer(m);
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_OBJECTIVES, "Objectifs propres"));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_RESULTS, "Attestation de formation"));
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_CONTENT, "Contenu propre"));
    char *doc = NULL;
    size_t size = 0;
    assert_ok(snplp_lheo_export_memory(&doc, &size, f->ref, f->rec, f->diags, NULL));
    assert_non_null(strstr(doc, "<objectif-formation>Objectifs propres</objectif-formation>"));
    assert_non_null(
        strstr(doc, "<resultats-attendus>Attestation de formation</resultats-attendus>"));
    assert_non_null(strstr(doc, "<contenu-formation>Contenu propre</contenu-formation>"));
    assert_int_equal(
        count_code(f->diags, SNPLP_DIAG_LHEO_TEXT_CUT, "module-insertion-expert", NULL), 0);
    snplp_free(doc);
}

/* LHEO elements kept with the model (as an import keeps what it does not map) are written
 * back at their place in the schema's order, and replace what the export would write there. */
static void kept_elements_in_place(void **state)
{
    fixture *f = *state;
    const char *id = "module-insertion-expert";
    complete_offer(snplp_referential_module_find(f->ref, id));
#define L " xmlns=\"http://lheo.gouv.fr/2.3\""
    assert_ok(snplp_referential_add_extension(f->ref, id,
                                              "<domaine-formation" L
                                              "><code-FORMACODE ref=\"V14\">44028</code-FORMACODE>"
                                              "</domaine-formation>"));
    assert_ok(snplp_referential_add_extension(f->ref, id,
                                              "<lieu-de-formation" L
                                              "><coordonnees><ligne>Salle 3</ligne></coordonnees>"
                                              "</lieu-de-formation>"));
    assert_ok(snplp_referential_add_extension(f->ref, id,
                                              "<identifiant-module" L ">M-7"
                                              "</identifiant-module>"));
    /* another namespace: not LHEO, not written */
    assert_ok(
        snplp_referential_add_extension(f->ref, id, "<x:note xmlns:x=\"urn:example\">n</x:note>"));
    const char *session = NULL;
    for (size_t i = 0; i < snplp_records_session_count(f->rec) && !session; i++)
        if (strcmp(snplp_session_subject_id(snplp_records_session_at(f->rec, i)), id) == 0)
            session = snplp_session_id(snplp_records_session_at(f->rec, i));
    assert_ok(snplp_records_add_extension(f->rec, session,
                                          "<etat-recrutement" L ">1</etat-recrutement>"));
    assert_ok(snplp_records_add_extension(f->rec, "of-49-1",
                                          "<contact-organisme" L "><coordonnees><nom>Dupont</nom>"
                                          "</coordonnees></contact-organisme>"));
#undef L
    assert_ok(snplp_lheo_export_file(f->ref, f->rec, "lheo-kept-example.xml", f->diags, NULL));
    char *doc = NULL;
    size_t size = 0;
    assert_ok(snplp_lheo_export_memory(&doc, &size, f->ref, f->rec, NULL, NULL));
    assert_null(strstr(doc, "<domaine-formation/>"));
    assert_non_null(strstr(doc, "44028</code-FORMACODE>"));
    /* in each of the module's two actions, after prise-en-charge-frais-possible */
    assert_int_equal(count_text(doc, "<ligne>Salle 3</ligne>"), 2);
    const char *fees = strstr(doc, "<prise-en-charge-frais-possible>");
    assert_true(fees && strstr(fees, "Salle 3") < strstr(fees, "<modalites-entrees-sorties>"));
    assert_int_equal(count_text(doc, "<etat-recrutement"), 1);
    assert_int_equal(count_text(doc, "<nom>Dupont</nom>"), 1);
    assert_int_equal(count_text(doc, "<contact-organisme"), 1); /* replaced, not added */
    assert_non_null(strstr(doc, ">M-7</identifiant-module>"));
    assert_null(strstr(doc, "urn:example"));
    snplp_free(doc);
}

static int counting_write(void *user, const char *buf, size_t size)
{
    (void)buf;
    *(size_t *)user += size;
    return 0;
}

static int failing_write(void *user, const char *buf, size_t size)
{
    (void)user, (void)buf, (void)size;
    return -1;
}

static void callback(void **state)
{
    fixture *f = *state;
    complete_offer(snplp_referential_module_find(f->ref, "module-insertion-expert"));
    char *doc = NULL;
    size_t size = 0, written = 0;
    assert_ok(snplp_lheo_export_memory(&doc, &size, f->ref, f->rec, NULL, NULL));
    assert_ok(snplp_lheo_export_callback(f->ref, f->rec, counting_write, &written, NULL, NULL));
    assert_int_equal(written, size);
    assert_fails(snplp_lheo_export_callback(f->ref, f->rec, failing_write, NULL, NULL, NULL),
                 SNPLP_EIO);
    snplp_free(doc);
}

typedef struct oom_ctx {
    fixture *f;
    char *doc;
    size_t size;
} oom_ctx;

static int oom_step(void *p)
{
    oom_ctx *c = p;
    return snplp_lheo_export_memory(&c->doc, &c->size, c->f->ref, c->f->rec, NULL, NULL);
}

static void out_of_memory(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < snplp_referential_module_count(f->ref); i++)
        complete_offer(snplp_referential_module_at(f->ref, i));
    oom_ctx c = {f, NULL, 0};
    /* without a diagnostics list: a failed run must leave the memory as it was, and a list
     * keeps the findings it was given */
    assert_true(test_oom_sweep(oom_step, NULL, &c) > 0);
    assert_non_null(c.doc);
    snplp_free(c.doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(no_records_no_document),  FIXTURE_TEST(missing_data_named),
        FIXTURE_TEST(complete_offers_written), FIXTURE_TEST(all_or_nothing),
        FIXTURE_TEST(body_data_missing),       FIXTURE_TEST(callback),
        FIXTURE_TEST(own_texts_first),         FIXTURE_TEST(kept_elements_in_place),
        FIXTURE_TEST(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
