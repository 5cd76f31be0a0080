/* Tests of the training bodies of records (records.h): adding, reading, finding, the names,
 * the SIRET and its key (Luhn; La Poste's own rule), the declaration number, the address, the
 * postal code, the commune, the phone and the e-mail, every refusal changing nothing, and out of
 * memory. */
#include "records_test.h"

/* An optional text field: its getter and setter. */
typedef struct opt_field {
    const char *name;
    const char *(*get)(const snplp_training_body *);
    int (*set)(snplp_training_body *, const char *);
    const char *fn;
    const char *good[6]; /* accepted values, NULL-terminated */
    const char *bad[12]; /* refused values (SNPLP_EINVAL), NULL-terminated */
} opt_field;

#define FIELD(name, get, set, ...)                                                                 \
    {                                                                                              \
        name, get, set, #set, __VA_ARGS__                                                          \
    }

static const opt_field fields[] = {
    FIELD("siret", snplp_training_body_siret, snplp_training_body_set_siret,
          {"73282932000074", "35600000000048", "35600000049837", "44306184100047", NULL},
          {"73282932000075", "7328293200007", "732829320000741", "7328293200007A", "",
           "73282932 00074", "35600000049838", "35600000000049", " 73282932000074", NULL}),
    FIELD("declaration number", snplp_training_body_declaration_number,
          snplp_training_body_set_declaration_number, {"32800123480", "11755555575", NULL},
          {"3280012348", "328001234800", "32 80012348", "3280012348a", "", NULL}),
    FIELD("postal code", snplp_training_body_postal_code, snplp_training_body_set_postal_code,
          {"80000", "20000", "97400", NULL}, {"8000", "800000", "2A000", "80 00", "", NULL}),
    FIELD("phone", snplp_training_body_phone, snplp_training_body_set_phone,
          {"03 22 97 37 00", "+33 (0)3.22.97.37.00", "3975", "03-22-97-37-00", NULL},
          {"123", "03 22 97 37 0x", "", "+33/322973700", "03\t22", "t\xc3\xa9l 0322973700", NULL}),
    FIELD("e-mail", snplp_training_body_email, snplp_training_body_set_email,
          {"contact@irts-hdf.fr", "a.b+c@sub.example.org", NULL},
          {"contact", "@irts.fr", "contact@irts", "a@b@c.fr", "con tact@irts.fr", "contact@.fr",
           "contact@irts.", "", "contact@irts.fr\n", "cont\xc3\xa9@irts.fr", NULL}),
};

/* The texts: usual name (required), legal name and commune (optional). */
static void add_and_read(void **state)
{
    rec_fixture *f = *state;
    snplp_training_body *b = NULL;
    assert_ok(snplp_records_add_training_body(&b, f->r, "tb-irts", "IRTS Hauts-de-France"));
    assert_non_null(b);
    assert_int_equal(snplp_records_training_body_count(f->r), 2);
    assert_ptr_equal(snplp_records_training_body_at(f->r, 0), f->b);
    assert_ptr_equal(snplp_records_training_body_at(f->r, 1), b);
    assert_null(snplp_records_training_body_at(f->r, 2));
    assert_ptr_equal(snplp_records_training_body_find(f->r, "tb-irts"), b);
    assert_string_equal(snplp_training_body_id(b), "tb-irts");
    assert_string_equal(snplp_training_body_name(b), "IRTS Hauts-de-France");
    assert_null(snplp_training_body_legal_name(b));
    assert_null(snplp_training_body_siret(b));
    assert_null(snplp_training_body_declaration_number(b));
    assert_int_equal(snplp_training_body_address_line_count(b), 0);
    assert_null(snplp_training_body_address_line_at(b, 0));
    assert_null(snplp_training_body_postal_code(b));
    assert_null(snplp_training_body_commune(b));
    assert_null(snplp_training_body_phone(b));
    assert_null(snplp_training_body_email(b));
    assert_int_equal(snplp_records_kind_of(f->r, "tb-irts"), SNPLP_RECORD_TRAINING_BODY);
    assert_ok(snplp_records_add_training_body(NULL, f->r, "tb-2", AP_NFD));
    assert_string_equal(snplp_training_body_name(snplp_records_training_body_at(f->r, 2)), AP_NFC);
}

static void add_refused(void **state)
{
    rec_fixture *f = *state;
    snplp_training_body *b = (snplp_training_body *)f->p;
    const char *fn = "snplp_records_add_training_body";
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    assert_refused(f, snplp_records_add_training_body(&b, x, "tb2", "N"), SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_training_body(&b, f->r, NULL, "N"), SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_training_body(&b, f->r, "tb/2", "N"), SNPLP_EBADID, fn);
    static const char *const used[] = {"p-ap", "e-80", "w1", "tb1", "s1"};
    for (size_t i = 0; i < COUNT_OF(used); i++)
        assert_refused(f, snplp_records_add_training_body(&b, f->r, used[i], "N"), SNPLP_EEXISTS,
                       fn);
    assert_refused(f, snplp_records_add_training_body(&b, f->r, "tb2", NULL), SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_training_body(&b, f->r, "tb2", "  "), SNPLP_EINVAL, fn);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_refused(f, snplp_records_add_training_body(&b, f->r, "tb2", test_bad_texts[i]),
                       SNPLP_EENCODING, fn);
    assert_ptr_equal(b, (snplp_training_body *)f->p);
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_records_add_training_body(&b, f->r, "tb2", "N"), SNPLP_EFROZEN, fn);
}

static void find_misses(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_records_training_body_find";
    assert_miss(snplp_records_training_body_find(f->r, "tb2"), SNPLP_ENOTFOUND, fn, "tb2");
    assert_miss(snplp_records_training_body_find(f->r, "s1"), SNPLP_ENOTFOUND, fn, "session");
    assert_miss(snplp_records_training_body_find(f->r, NULL), SNPLP_EINVAL, fn, NULL);
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    {
        assert_miss(snplp_records_training_body_find(x, "tb1"), SNPLP_EINVAL, fn, NULL);
        assert_int_equal(snplp_records_training_body_count(x), 0);
        assert_null(snplp_records_training_body_at(x, 0));
    }
}

static void wrong_objects(void **state)
{
    rec_fixture *f = *state;
    FOR_WRONG(f, REC_BODY, snplp_training_body, x)
    {
        assert_null(snplp_training_body_id(x));
        assert_null(snplp_training_body_name(x));
        assert_null(snplp_training_body_legal_name(x));
        assert_null(snplp_training_body_commune(x));
        assert_int_equal(snplp_training_body_address_line_count(x), 0);
        assert_null(snplp_training_body_address_line_at(x, 0));
        assert_refused(f, snplp_training_body_set_name(x, "N"), SNPLP_EINVAL,
                       "snplp_training_body_set_name");
        assert_refused(f, snplp_training_body_set_legal_name(x, "N"), SNPLP_EINVAL,
                       "snplp_training_body_set_legal_name");
        assert_refused(f, snplp_training_body_set_commune(x, "Amiens"), SNPLP_EINVAL,
                       "snplp_training_body_set_commune");
        assert_refused(f, snplp_training_body_add_address_line(x, "1 rue"), SNPLP_EINVAL,
                       "snplp_training_body_add_address_line");
        for (size_t i = 0; i < COUNT_OF(fields); i++) {
            assert_null(fields[i].get(x));
            assert_refused(f, fields[i].set(x, fields[i].good[0]), SNPLP_EINVAL, fields[i].fn);
            assert_refused(f, fields[i].set(x, NULL), SNPLP_EINVAL, fields[i].fn);
        }
    }
}

static void names(void **state)
{
    rec_fixture *f = *state;
    snplp_training_body *c = snplp_records_training_body_at(f->copy, 0);
    assert_refused(f, snplp_training_body_set_name(f->b, NULL), SNPLP_EINVAL,
                   "snplp_training_body_set_name");
    assert_refused(f, snplp_training_body_set_name(f->b, ""), SNPLP_EINVAL,
                   "snplp_training_body_set_name");
    assert_refused(f, snplp_training_body_set_legal_name(f->b, " "), SNPLP_EINVAL,
                   "snplp_training_body_set_legal_name");
    assert_refused(f, snplp_training_body_set_commune(f->b, "\t"), SNPLP_EINVAL,
                   "snplp_training_body_set_commune");
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_refused(f, snplp_training_body_set_name(f->b, test_bad_texts[i]), SNPLP_EENCODING,
                       "snplp_training_body_set_name");
        assert_refused(f, snplp_training_body_set_legal_name(f->b, test_bad_texts[i]),
                       SNPLP_EENCODING, "snplp_training_body_set_legal_name");
        assert_refused(f, snplp_training_body_set_commune(f->b, test_bad_texts[i]), SNPLP_EENCODING,
                       "snplp_training_body_set_commune");
    }
    assert_ok(snplp_training_body_set_name(f->b, AP_NFD));
    assert_string_equal(snplp_training_body_name(f->b), AP_NFC);
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_training_body_set_name(c, AP_NFC));
    assert_unchanged(f);
    assert_ok(snplp_training_body_set_legal_name(f->b, "Association r\xc3\xa9gionale"));
    assert_string_equal(snplp_training_body_legal_name(f->b), "Association r\xc3\xa9gionale");
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_training_body_set_legal_name(f->b, NULL));
    assert_null(snplp_training_body_legal_name(f->b));
    assert_unchanged(f);
    assert_ok(snplp_training_body_set_commune(f->b, "Amiens"));
    assert_string_equal(snplp_training_body_commune(f->b), "Amiens");
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_training_body_set_commune(c, "Amiens"));
    assert_unchanged(f);
    assert_ok(snplp_training_body_set_commune(f->b, NULL));
    assert_null(snplp_training_body_commune(f->b));
}

static void address(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_training_body_add_address_line";
    assert_refused(f, snplp_training_body_add_address_line(f->b, NULL), SNPLP_EINVAL, fn);
    assert_refused(f, snplp_training_body_add_address_line(f->b, " "), SNPLP_EINVAL, fn);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_refused(f, snplp_training_body_add_address_line(f->b, test_bad_texts[i]),
                       SNPLP_EENCODING, fn);
    assert_ok(snplp_training_body_add_address_line(f->b, "B\xc3\xa2timent B"));
    assert_ok(snplp_training_body_add_address_line(f->b, "1 rue de l'" AP_NFD));
    assert_int_equal(snplp_training_body_address_line_count(f->b), 2);
    assert_string_equal(snplp_training_body_address_line_at(f->b, 0), "B\xc3\xa2timent B");
    assert_string_equal(snplp_training_body_address_line_at(f->b, 1), "1 rue de l'" AP_NFC);
    assert_null(snplp_training_body_address_line_at(f->b, 2));
    assert_null(snplp_training_body_address_line_at(f->b, SIZE_MAX));
    snplp_training_body *c = snplp_records_training_body_at(f->copy, 0);
    assert_ok(snplp_training_body_add_address_line(c, "B\xc3\xa2timent B"));
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_training_body_add_address_line(c, "1 rue de l'autre"));
    assert_false(snplp_records_equal(f->r, f->copy)); /* the same count, another line */
}

static void codes_and_contact(void **state)
{
    rec_fixture *f = *state;
    snplp_training_body *c = snplp_records_training_body_at(f->copy, 0);
    for (size_t i = 0; i < COUNT_OF(fields); i++) {
        const opt_field *x = &fields[i];
        for (size_t j = 0; x->bad[j]; j++) {
            assert_refused(f, x->set(f->b, x->bad[j]), SNPLP_EINVAL, x->fn);
            assert_null(x->get(f->b));
        }
        for (size_t j = 0; x->good[j]; j++) {
            assert_ok(x->set(f->b, x->good[j]));
            assert_string_equal(x->get(f->b), x->good[j]);
            assert_false(snplp_records_equal(f->r, f->copy));
            assert_ok(x->set(c, x->good[j]));
            assert_unchanged(f);
            /* a bad value while set changes nothing */
            assert_refused(f, x->set(f->b, x->bad[0]), SNPLP_EINVAL, x->fn);
            assert_string_equal(x->get(f->b), x->good[j]);
        }
        assert_ok(x->set(f->b, NULL));
        assert_null(x->get(f->b));
        assert_ok(x->set(c, NULL));
        assert_unchanged(f);
    }
}

static void siret_keys(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_training_body_set_siret";
    assert_true(snplp_siret_is_valid("73282932000074"));
    assert_true(snplp_siret_is_valid("35600000000048")); /* La Poste's head office: Luhn */
    assert_true(snplp_siret_is_valid("35600000049837")); /* an establishment: digits sum 45 */
    assert_false(snplp_siret_is_valid("35600000049838"));
    assert_false(snplp_siret_is_valid("73282932000075"));
    assert_false(snplp_siret_is_valid("7328293200007"));
    assert_false(snplp_siret_is_valid(""));
    assert_false(snplp_siret_is_valid(NULL));
    snplp_error_clear();
    assert_false(snplp_siret_is_valid("1"));
    assert_int_equal(snplp_error_last_code(), SNPLP_OK); /* records no error */
    /* the messages say which rule */
    assert_refused(f, snplp_training_body_set_siret(f->b, "7328293200007"), SNPLP_EINVAL, fn);
    assert_message_has("14 digits");
    assert_refused(f, snplp_training_body_set_siret(f->b, "73282932000075"), SNPLP_EINVAL, fn);
    assert_message_has("Luhn");
    assert_refused(f, snplp_training_body_set_siret(f->b, "35600000049838"), SNPLP_EINVAL, fn);
    assert_message_has("La Poste");
}

static void frozen(void **state)
{
    rec_fixture *f = *state;
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_training_body_set_name(f->b, "N"), SNPLP_EFROZEN,
                   "snplp_training_body_set_name");
    assert_refused(f, snplp_training_body_set_legal_name(f->b, "N"), SNPLP_EFROZEN,
                   "snplp_training_body_set_legal_name");
    assert_refused(f, snplp_training_body_set_commune(f->b, "Amiens"), SNPLP_EFROZEN,
                   "snplp_training_body_set_commune");
    assert_refused(f, snplp_training_body_add_address_line(f->b, "1 rue"), SNPLP_EFROZEN,
                   "snplp_training_body_add_address_line");
    for (size_t i = 0; i < COUNT_OF(fields); i++) {
        assert_refused(f, fields[i].set(f->b, fields[i].good[0]), SNPLP_EFROZEN, fields[i].fn);
        assert_refused(f, fields[i].set(f->b, NULL), SNPLP_EFROZEN, fields[i].fn);
    }
}

static int op_add(snplp_records *r, int i)
{
    char id[16];
    snprintf(id, sizeof id, "tb-%d", i);
    return snplp_records_add_training_body(NULL, r, id, AP_NFD);
}

static int op_set(snplp_records *r, int i)
{
    snplp_training_body *b = snplp_records_training_body_at(r, 0);
    if (i < 2)
        return snplp_training_body_set_name(b, i ? "IRTS" : AP_NFD);
    if (i < 4)
        return snplp_training_body_set_legal_name(b, i == 2 ? AP_NFD : "ARFT");
    if (i < 6)
        return snplp_training_body_set_commune(b, i == 4 ? AP_NFD : "Amiens");
    if (i < 6 + (int)COUNT_OF(fields))
        return fields[i - 6].set(b, fields[i - 6].good[0]);
    return snplp_training_body_add_address_line(b, i % 2 ? AP_NFD : "2 rue");
}

static void out_of_memory(void **state)
{
    rec_fixture *f = *state;
    assert_int_equal(rec_sweep(f->r, f->copy, op_add, 20), 20);
    assert_int_equal(snplp_records_training_body_count(f->r), 21);
    int n = 6 + (int)COUNT_OF(fields) + 20;
    /* codes and references are interned in the records' pool, which allocates only when it grows
     * (util/strpool.h; test_strpool sweeps its growth): only the texts, copied to be normalized,
     * and the address lines (the body's own) allocate at each step */
    assert_int_equal(rec_sweep(f->r, f->copy, op_set, n), n - 4);
    assert_string_equal(snplp_training_body_commune(f->b), "Amiens");
    assert_string_equal(snplp_training_body_email(f->b), "contact@irts-hdf.fr");
    assert_int_equal(snplp_training_body_address_line_count(f->b), 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        REC_TEST(add_and_read),      REC_TEST(add_refused), REC_TEST(find_misses),
        REC_TEST(wrong_objects),     REC_TEST(names),       REC_TEST(address),
        REC_TEST(codes_and_contact), REC_TEST(siret_keys),  REC_TEST(frozen),
        REC_TEST(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
