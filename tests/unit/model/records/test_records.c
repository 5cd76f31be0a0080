/* Tests of records.h, the root: creation, reference counting, freezing, the one id space of
 * every kind (snplp_records_kind_of(), SNPLP_EEXISTS across kinds, SNPLP_EBADID), the names of
 * the enumerations, deep equality (every field, extensions included), pointers of another type,
 * out of memory; and the internal reading interface the other layers use (records_model.h). */
#include "records_test.h"

#include "model/records/records_model.h"
#include "util/alloc.h"

static void new_and_unref(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_non_null(r);
    assert_int_equal(snplp_records_profession_count(r), 0);
    assert_int_equal(snplp_records_employer_count(r), 0);
    assert_int_equal(snplp_records_worker_count(r), 0);
    assert_int_equal(snplp_records_training_body_count(r), 0);
    assert_int_equal(snplp_records_session_count(r), 0);
    assert_int_equal(snplp_records_attendance_count(r), 0);
    assert_false(snplp_records_is_frozen(r));
    assert_ptr_equal(snplp_records_ref(r), r);
    snplp_records_unref(r);
    assert_int_equal(snplp_records_worker_count(r), 0); /* still alive: one reference left */
    snplp_records_unref(r);
    assert_int_equal(snplp_memory_used(), before);
    assert_fails_in(snplp_records_new(NULL), SNPLP_EINVAL, "snplp_records_new");
    assert_null(snplp_records_ref(NULL));
    snplp_records_unref(NULL);
}

static void one_id_space(void **state)
{
    (void)state;
    snplp_records *r = rec_build();
    assert_int_equal(snplp_records_kind_of(r, "p-ap"), SNPLP_RECORD_PROFESSION);
    assert_int_equal(snplp_records_kind_of(r, "e-80"), SNPLP_RECORD_EMPLOYER);
    assert_int_equal(snplp_records_kind_of(r, "w1"), SNPLP_RECORD_WORKER);
    assert_int_equal(snplp_records_kind_of(r, "tb1"), SNPLP_RECORD_TRAINING_BODY);
    assert_int_equal(snplp_records_kind_of(r, "s1"), SNPLP_RECORD_SESSION);
    snplp_error_clear();
    assert_int_equal(snplp_records_kind_of(r, "nobody"), SNPLP_RECORD_NONE);
    assert_int_equal(snplp_error_last_code(), SNPLP_ENOTFOUND);
    assert_message_has("nobody");
    /* an id of any kind is taken for every kind */
    snplp_records *copy = rec_build();
    assert_fails_in(snplp_records_add_worker(NULL, r, "s1", "p-ap", "e-80", "80", date(2020, 1, 1)),
                    SNPLP_EEXISTS, "snplp_records_add_worker");
    assert_message_has("session");
    assert_fails(snplp_records_add_session(NULL, r, "w1", "m", "tb1", date(2021, 1, 1),
                                           date(2021, 1, 1), dec(1, 0), SNPLP_MODE_DISTANCE),
                 SNPLP_EEXISTS);
    assert_fails(snplp_records_add_profession(NULL, r, "tb1", SNPLP_CATEGORY_CADRE, "x"),
                 SNPLP_EEXISTS);
    assert_fails(snplp_records_add_employer(NULL, r, "p-ap", SNPLP_EMPLOYER_OTHER, "x", "80"),
                 SNPLP_EEXISTS);
    assert_fails(snplp_records_add_training_body(NULL, r, "e-80", "x"), SNPLP_EEXISTS);
    assert_fails(snplp_records_add_training_body(NULL, r, "9bad", "x"), SNPLP_EBADID);
    assert_fails(snplp_records_add_training_body(NULL, r, NULL, "x"), SNPLP_EINVAL);
    assert_true(snplp_records_equal(r, copy));
    snplp_records_unref(r);
    snplp_records_unref(copy);
}

static void freeze(void **state)
{
    (void)state;
    snplp_records *r = rec_build(), *copy = rec_build();
    assert_ok(snplp_records_freeze(r));
    assert_true(snplp_records_is_frozen(r));
    assert_ok(snplp_records_freeze(r));
    assert_fails_in(snplp_records_add_training_body(NULL, r, "tb2", "x"), SNPLP_EFROZEN,
                    "snplp_records_add_training_body");
    assert_fails(snplp_worker_set_unit(snplp_records_worker_at(r, 0), "PMI"), SNPLP_EFROZEN);
    assert_fails(
        snplp_attendance_set_status(snplp_records_attendance_at(r, 0), SNPLP_ATTENDANCE_ABSENT),
        SNPLP_EFROZEN);
    assert_true(snplp_records_equal(r, copy));
    assert_fails(snplp_records_freeze(NULL), SNPLP_EINVAL);
    assert_false(snplp_records_is_frozen(NULL));
    snplp_records_unref(r);
    snplp_records_unref(copy);
}

static void equal(void **state)
{
    (void)state;
    snplp_records *a = rec_build(), *b = rec_build();
    assert_true(snplp_records_equal(a, b));
    assert_true(snplp_records_equal(a, a));
    assert_true(snplp_records_equal(NULL, NULL));
    assert_false(snplp_records_equal(a, NULL));
    assert_ok(snplp_session_set_capacity(snplp_records_session_at(a, 0), 12));
    assert_false(snplp_records_equal(a, b));
    assert_ok(snplp_session_set_capacity(snplp_records_session_at(b, 0), 12));
    assert_true(snplp_records_equal(a, b));
    snplp_records_unref(a);
    snplp_records_unref(b);
}

static void names(void **state)
{
    (void)state;
    assert_string_equal(snplp_record_kind_name(SNPLP_RECORD_TRAINING_BODY), "training-body");
    assert_string_equal(snplp_record_kind_name((snplp_record_kind)99), "none");
    assert_string_equal(snplp_employer_kind_name(SNPLP_EMPLOYER_CRECHE), "creche");
    assert_string_equal(snplp_employer_kind_name((snplp_employer_kind)0), "unknown");
    assert_string_equal(snplp_session_mode_name(SNPLP_MODE_MIXED), "mixed");
    assert_string_equal(snplp_session_mode_name((snplp_session_mode)4), "unknown");
    assert_string_equal(snplp_attendance_status_name(SNPLP_ATTENDANCE_PARTIAL), "partial");
    assert_string_equal(snplp_attendance_status_name((snplp_attendance_status)-1), "unknown");
}

static void siret(void **state)
{
    (void)state;
    assert_true(snplp_siret_is_valid("73282932000074"));
    assert_true(snplp_siret_is_valid("35600000000048"));
    assert_false(snplp_siret_is_valid("73282932000075"));
    assert_false(snplp_siret_is_valid("7328293200007"));
    assert_false(snplp_siret_is_valid(NULL));
}

static void kind_of_refused(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_records_kind_of";
    snplp_error_clear();
    assert_int_equal(snplp_records_kind_of(f->r, NULL), SNPLP_RECORD_NONE);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_string_equal(snplp_error_last_function(), fn);
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    {
        snplp_error_clear();
        assert_int_equal(snplp_records_kind_of(x, "w1"), SNPLP_RECORD_NONE);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
        assert_string_equal(snplp_error_last_function(), fn);
    }
    /* a malformed id is no record's */
    snplp_error_clear();
    assert_int_equal(snplp_records_kind_of(f->r, "not an id"), SNPLP_RECORD_NONE);
    assert_int_equal(snplp_error_last_code(), SNPLP_ENOTFOUND);
    assert_string_equal(snplp_error_last_function(), fn);
}

/* The fixture's wrong objects (records_test.h): NULL, a convention, and every object of another
 * type, each once. */
static void wrong_objects_of_the_fixture(void **state)
{
    rec_fixture *f = *state;
    for (int own = 0; own < REC_TYPES; own++) {
        int seen[REC_TYPES] = {0}, nulls = 0, conventions = 0, total = 0;
        FOR_WRONG(f, own, void, x)
        {
            total++;
            nulls += x == NULL;
            conventions += x == (void *)f->conv;
            for (int k = 0; k < REC_TYPES; k++)
                seen[k] += x == f->objects[k];
        }
        assert_int_equal(total, REC_WRONG_COUNT);
        assert_int_equal(nulls, 1);
        assert_int_equal(conventions, 1);
        for (int k = 0; k < REC_TYPES; k++)
            assert_int_equal(seen[k], k != own);
    }
}

static void wrong_roots(void **state)
{
    rec_fixture *f = *state;
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    {
        if (!x)
            continue;
        assert_null(snplp_records_ref(x));
        snplp_records_unref(x); /* a no-op */
        assert_fails_in(snplp_records_freeze(x), SNPLP_EINVAL, "snplp_records_freeze");
        assert_false(snplp_records_is_frozen(x));
        assert_false(snplp_records_equal(x, f->r));
        assert_false(snplp_records_equal(f->r, x));
        assert_false(snplp_records_equal(x, x));
    }
    assert_false(snplp_records_is_frozen(f->r)); /* no wrong object froze it */
    assert_unchanged(f);
}

static void references(void **state)
{
    rec_fixture *f = *state;
    assert_ptr_equal(snplp_records_ref(f->r), f->r);
    assert_ptr_equal(snplp_records_ref(f->r), f->r);
    snplp_records_unref(f->r);
    snplp_records_unref(f->r);
    assert_int_equal(snplp_records_worker_count(f->r), 1);
    /* the children live as long as the records */
    snplp_records *r = snplp_records_ref(f->r);
    snplp_records_unref(f->r);
    f->r = r;
    assert_string_equal(snplp_worker_id(f->w), "w1");
    assert_ptr_equal(snplp_worker_records(f->w), f->r);
}

/* snplp_records_equal() sees every field of every record. */
static int change(snplp_records *r, int i)
{
    snplp_record_profession *p = snplp_records_profession_at(r, 0);
    snplp_employer *e = snplp_records_employer_at(r, 0);
    snplp_worker *w = snplp_records_worker_at(r, 0);
    snplp_training_body *b = snplp_records_training_body_at(r, 0);
    snplp_session *s = snplp_records_session_at(r, 0);
    snplp_attendance *a = snplp_records_attendance_at(r, 0);
    switch (i) {
    case 0:
        return snplp_record_profession_set_title(p, "T");
    case 1:
        return snplp_record_profession_set_category(p, SNPLP_CATEGORY_CADRE);
    case 2:
        return snplp_employer_set_kind(e, SNPLP_EMPLOYER_STATE);
    case 3:
        return snplp_employer_set_name(e, "N");
    case 4:
        return snplp_employer_set_territory_code(e, "81");
    case 5:
        return snplp_worker_set_profession_id(w, "p2");
    case 6:
        return snplp_worker_set_employer_id(w, "e2");
    case 7:
        return snplp_worker_set_territory_code(w, "81");
    case 8:
        return snplp_worker_set_unit(w, "U");
    case 9:
        return snplp_worker_set_diploma_level(w, 6);
    case 10:
        return snplp_worker_set_from(w, date(2020, 1, 7));
    case 11:
        return snplp_worker_set_until(w, date(2020, 1, 7));
    case 12:
        return snplp_training_body_set_name(b, "N");
    case 13:
        return snplp_training_body_set_legal_name(b, "L");
    case 14:
        return snplp_training_body_set_siret(b, "73282932000074");
    case 15:
        return snplp_training_body_set_declaration_number(b, "32800123480");
    case 16:
        return snplp_training_body_add_address_line(b, "1 rue");
    case 17:
        return snplp_training_body_set_postal_code(b, "80000");
    case 18:
        return snplp_training_body_set_commune(b, "Amiens");
    case 19:
        return snplp_training_body_set_phone(b, "0322973700");
    case 20:
        return snplp_training_body_set_email(b, "a@b.fr");
    case 21:
        return snplp_session_set_subject_id(s, "m2");
    case 22:
        return snplp_session_set_body_id(s, "tb2");
    case 23:
        return snplp_session_set_dates(s, date(2021, 3, 2), date(2021, 3, 5));
    case 24:
        return snplp_session_set_dates(s, date(2021, 3, 1), date(2021, 3, 6));
    case 25:
        return snplp_session_set_days(s, dec(45, 1));
    case 26:
        return snplp_session_set_mode(s, SNPLP_MODE_MIXED);
    case 27:
        return snplp_session_set_place(s, "80021");
    case 28:
        return snplp_session_set_capacity(s, 12);
    case 29:
        return snplp_attendance_set_status(a, SNPLP_ATTENDANCE_PARTIAL);
    case 30:
        return snplp_attendance_set_days(a, dec(5, 0));
    case 31:
        return snplp_records_add_profession(NULL, r, "p2", SNPLP_CATEGORY_WORKER, "T");
    case 32:
        return snplp_records_add_employer(NULL, r, "e2", SNPLP_EMPLOYER_OTHER, "N", "80");
    case 33:
        return snplp_records_add_worker(NULL, r, "w2", "p", "e", "80", date(2020, 1, 1));
    case 34:
        return snplp_records_add_training_body(NULL, r, "tb2", "N");
    case 35:
        return snplp_records_add_session(NULL, r, "s2", "m", "tb1", date(2021, 1, 1),
                                         date(2021, 1, 1), dec(1, 0), SNPLP_MODE_ON_SITE);
    case 36:
        return snplp_records_add_attendance(NULL, r, "w1", "s1", SNPLP_ATTENDANCE_ABSENT);
    default:
        return -100;
    }
}

static void equal_sees_every_field(void **state)
{
    (void)state;
    for (int i = 0; i <= 36; i++) {
        snplp_records *a = rec_build(), *b = rec_build();
        assert_ok(change(a, i));
        if (snplp_records_equal(a, b))
            fail_msg("change %d is not seen", i);
        assert_false(snplp_records_equal(b, a));
        assert_ok(change(b, i));
        assert_true(snplp_records_equal(a, b));
        snplp_records_unref(a);
        snplp_records_unref(b);
    }
    /* the same records in another order are not equal */
    snplp_records *a = NULL, *b = NULL;
    assert_ok(snplp_records_new(&a));
    assert_ok(snplp_records_new(&b));
    assert_ok(snplp_records_add_training_body(NULL, a, "x", "X"));
    assert_ok(snplp_records_add_training_body(NULL, a, "y", "Y"));
    assert_ok(snplp_records_add_training_body(NULL, b, "y", "Y"));
    assert_ok(snplp_records_add_training_body(NULL, b, "x", "X"));
    assert_false(snplp_records_equal(a, b));
    snplp_records_unref(a);
    snplp_records_unref(b);
}

/* Pushes an extension element on e (the storage exchange/xml fills). */
static void push_element(snplp_ext *e, const char *xml)
{
    assert_non_null(e);
    char *copy = snplp__strdup(xml);
    assert_non_null(copy);
    assert_ok(snplp__ext_push_element(e, copy));
}

static void push_attr(snplp_ext *e, const char *value)
{
    snplp_foreign_attr *a = NULL;
    uint32_t replace = 0;
    assert_ok(snplp__ext_attr_prepare(&a, &replace, e, "urn:x", "x", "note", value,
                                      SNPLP_TEXT_UNCHECKED, NULL));
    if (replace == UINT32_MAX)
        assert_ok(snplp__list_reserve(&e->attrs));
    snplp__ext_attr_commit(e, a, replace);
}

static void equal_sees_extensions(void **state)
{
    rec_fixture *f = *state;
    /* where the records, each record by id, an attendance keep their extensions: allocated on
     * first use (NULL holds none) */
    assert_ptr_equal(snplp__records_ext_slot(f->r, NULL), &f->r->ext);
    assert_ptr_equal(snplp__records_ext_slot(f->r, "w1"), &f->w->head.ext);
    assert_ptr_equal(snplp__records_ext_slot(f->r, "s1"), &f->s->head.ext);
    assert_null(snplp__records_ext_slot(f->r, "nobody"));
    assert_null(snplp__records_ext_slot((snplp_records *)f->w, NULL));
    assert_null(snplp__records_ext_slot(NULL, NULL));
    assert_null(snplp__attendance_ext(f->a));
    assert_ptr_equal(snplp__attendance_records(f->a), f->r);
    assert_null(f->w->head.ext);
    static const char *const ids[] = {NULL, "p-ap", "e-80", "w1", "tb1", "s1"};
    for (size_t i = 0; i <= COUNT_OF(ids); i++) {
        snplp_attendance *ca = snplp_records_attendance_at(f->copy, 0);
        snplp_ext *e = i < COUNT_OF(ids) ? snplp__ext_make(snplp__records_ext_slot(f->r, ids[i]))
                                         : snplp__attendance_ext_make(f->a);
        assert_true(snplp_records_equal(f->r, f->copy)); /* empty is none */
        snplp_ext *c = i < COUNT_OF(ids) ? snplp__ext_make(snplp__records_ext_slot(f->copy, ids[i]))
                                         : snplp__attendance_ext_make(ca);
        if (i == COUNT_OF(ids)) {
            assert_ptr_equal(snplp__attendance_ext(f->a), e);
            assert_ptr_equal(snplp__attendance_records(f->a), f->r);
            assert_ptr_equal(snplp__attendance_records(ca), f->copy);
        }
        push_element(e, "<x:a xmlns:x=\"urn:x\"/>");
        assert_false(snplp_records_equal(f->r, f->copy));
        push_element(c, "<x:b xmlns:x=\"urn:x\"/>");
        assert_false(snplp_records_equal(f->r, f->copy));
        snplp__ext_clear(c);
        push_element(c, "<x:a xmlns:x=\"urn:x\"/>");
        assert_unchanged(f);
        push_attr(e, "1");
        assert_false(snplp_records_equal(f->r, f->copy));
        push_attr(c, "2");
        assert_false(snplp_records_equal(f->r, f->copy));
        push_attr(c, "1"); /* replaces */
        assert_unchanged(f);
    }
}

/* The reading interface of rules/records and exchange (records_model.h). */
static void internal_reading(void **state)
{
    rec_fixture *f = *state;
    assert_ok(snplp_records_add_worker(NULL, f->r, "w2", "p-ap", "e-80", "80", date(2021, 1, 1)));
    size_t n = 99;
    snplp_worker *const *workers = snplp__records_workers(f->r, &n);
    assert_int_equal(n, 2);
    assert_ptr_equal(workers[0], f->w);
    assert_string_equal(workers[1]->head.id, "w2");
    assert_ptr_equal(snplp__records_professions(f->r, &n)[0], f->p);
    assert_int_equal(n, 1);
    assert_ptr_equal(snplp__records_employers(f->r, &n)[0], f->e);
    assert_ptr_equal(snplp__records_bodies(f->r, &n)[0], f->b);
    assert_ptr_equal(snplp__records_sessions(f->r, &n)[0], f->s);
    assert_ptr_equal(snplp__records_attendances(f->r, &n)[0], f->a);
    assert_int_equal(n, 1);
    assert_ptr_equal(snplp__records_get(f->r, "tb1"), &f->b->head);
    assert_null(snplp__records_get(f->r, "zz"));
    assert_null(snplp__records_get(f->r, NULL));
    assert_null(snplp__records_get(NULL, "tb1"));
    assert_int_equal(snplp__record_head_kind(snplp__records_get(f->r, "s1")), SNPLP_RECORD_SESSION);
    assert_int_equal(snplp__record_head_kind(NULL), SNPLP_RECORD_NONE);
    assert_ptr_equal(snplp__records_profession(f->r, "p-ap"), f->p);
    assert_ptr_equal(snplp__records_employer(f->r, "e-80"), f->e);
    assert_ptr_equal(snplp__records_worker(f->r, "w1"), f->w);
    assert_ptr_equal(snplp__records_body(f->r, "tb1"), f->b);
    assert_ptr_equal(snplp__records_session(f->r, "s1"), f->s);
    assert_null(snplp__records_worker(f->r, "s1")); /* another kind */
    assert_null(snplp__records_session(f->r, "w1"));
    assert_ptr_equal(snplp__records_of(f->r), f->r);
    assert_null(snplp__records_of((snplp_records *)f->w));
    assert_ptr_equal(snplp__worker_of(f->w), f->w);
    assert_null(snplp__worker_of((snplp_worker *)f->s));
    assert_ptr_equal(snplp__attendance_of(f->a), f->a);
    assert_null(snplp__attendance_of((snplp_attendance *)f->r));
    assert_ptr_equal(snplp__attendance_records(f->a), f->r);
    assert_ptr_equal(f->a->owner, f->r); /* no extensions: no block */
    assert_ptr_equal(f->s->head.records, f->r);
    /* check_unfrozen */
    assert_ok(snplp__records_check_unfrozen(f->r, "fn"));
    assert_ok(snplp_records_freeze(f->r));
    assert_fails_in(snplp__records_check_unfrozen(f->r, "fn"), SNPLP_EFROZEN, "fn");
}

/* The setters of values that are not texts or codes allocate nothing: they succeed while every
 * allocation fails; the getters and lookups allocate nothing either. */
static void setters_that_do_not_allocate(void **state)
{
    rec_fixture *f = *state;
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    assert_ok(snplp_record_profession_set_category(f->p, SNPLP_CATEGORY_CADRE));
    assert_ok(snplp_employer_set_kind(f->e, SNPLP_EMPLOYER_CRECHE));
    assert_ok(snplp_worker_set_diploma_level(f->w, 3));
    assert_ok(snplp_worker_clear_diploma_level(f->w));
    assert_ok(snplp_worker_set_from(f->w, date(2019, 1, 1)));
    assert_ok(snplp_worker_set_until(f->w, date(2022, 1, 1)));
    assert_ok(snplp_worker_clear_until(f->w));
    assert_ok(snplp_session_set_dates(f->s, date(2021, 3, 1), date(2021, 3, 2)));
    assert_ok(snplp_session_set_days(f->s, dec(15, 1)));
    assert_ok(snplp_session_set_mode(f->s, SNPLP_MODE_MIXED));
    assert_ok(snplp_session_set_capacity(f->s, 20));
    assert_ok(snplp_session_clear_capacity(f->s));
    assert_ok(snplp_session_set_place(f->s, NULL));
    assert_ok(snplp_training_body_set_siret(f->b, NULL));
    assert_ok(snplp_worker_set_unit(f->w, NULL));
    assert_ok(snplp_attendance_set_status(f->a, SNPLP_ATTENDANCE_ABSENT));
    assert_ok(snplp_attendance_set_days(f->a, dec(0, 0)));
    assert_ok(snplp_attendance_clear_days(f->a));
    assert_int_equal(snplp_records_kind_of(f->r, "s1"), SNPLP_RECORD_SESSION);
    assert_ptr_equal(snplp_records_worker_find(f->r, "w1"), f->w);
    assert_null(snplp_records_worker_find(f->r, "nobody"));
    assert_true(snplp_records_equal(f->r, f->r));
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_records_freeze(f->r));
    /* what allocates fails, and changes nothing */
    snplp__alloc_fail_after(-1);
    snplp_records *copy = rec_build();
    assert_ok(snplp_record_profession_set_category(snplp_records_profession_at(copy, 0),
                                                   SNPLP_CATEGORY_CADRE));
    assert_ok(snplp_employer_set_kind(snplp_records_employer_at(copy, 0), SNPLP_EMPLOYER_CRECHE));
    assert_ok(snplp_worker_set_from(snplp_records_worker_at(copy, 0), date(2019, 1, 1)));
    snplp_session *s = snplp_records_session_at(copy, 0);
    assert_ok(snplp_session_set_dates(s, date(2021, 3, 1), date(2021, 3, 2)));
    assert_ok(snplp_session_set_days(s, dec(15, 1)));
    assert_ok(snplp_session_set_mode(s, SNPLP_MODE_MIXED));
    snplp_attendance *a = snplp_records_attendance_at(copy, 0);
    assert_ok(snplp_attendance_set_status(a, SNPLP_ATTENDANCE_ABSENT));
    assert_true(snplp_records_equal(f->r, copy));
    snplp__alloc_fail_after(0);
    assert_fails(snplp_worker_set_unit(snplp_records_worker_at(copy, 0), "PMI"), SNPLP_ENOMEM);
    /* (a code is interned in the records' pool: it allocates only when the pool grows) */
    snplp__alloc_fail_after(-1);
    assert_true(snplp_records_equal(f->r, copy));
    snplp_records_unref(copy);
    assert_int_equal(snplp_memory_used(), before);
}

static snplp_records *oom_new;

static int step_new(void *ctx)
{
    (void)ctx;
    return snplp_records_new(&oom_new);
}

static void new_out_of_memory(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    oom_new = NULL;
    assert_true(test_oom_sweep(step_new, NULL, NULL) > 0);
    assert_non_null(oom_new);
    snplp_records_unref(oom_new);
    assert_int_equal(snplp_memory_used(), before);
}

/* Adds of every kind, mixed, so that the id map and the lists grow at different steps. */
static int op_mixed(snplp_records *r, int i)
{
    char id[16];
    snprintf(id, sizeof id, "x%d", i);
    switch (i % 6) {
    case 0:
        return snplp_records_add_profession(NULL, r, id, SNPLP_CATEGORY_WORKER, AP_NFD);
    case 1:
        return snplp_records_add_employer(NULL, r, id, SNPLP_EMPLOYER_COMMUNE, "N", "80021");
    case 2:
        return snplp_records_add_worker(NULL, r, id, "p", "e", "80", date(2020, 1, 1));
    case 3:
        return snplp_records_add_training_body(NULL, r, id, "N");
    case 4:
        return snplp_records_add_session(NULL, r, id, "m", "tb1", date(2021, 1, 1),
                                         date(2021, 1, 1), dec(1, 0), SNPLP_MODE_ON_SITE);
    default:
        return snplp_records_add_attendance(NULL, r, id, "s1", SNPLP_ATTENDANCE_ATTENDED);
    }
}

static void mixed_adds_out_of_memory(void **state)
{
    rec_fixture *f = *state;
    enum { N = 60 };
    /* every add allocates but the attendance records', which allocate only when their block,
     * their array or the string pool is full (test_attendance) */
    assert_int_equal(rec_sweep(f->r, f->copy, op_mixed, N), N - 7);
    for (int i = 0; i < N; i++) {
        char id[16];
        snprintf(id, sizeof id, "x%d", i);
        assert_int_equal(snplp_records_kind_of(f->r, id),
                         i % 6 == 5 ? SNPLP_RECORD_NONE : (snplp_record_kind)(i % 6 + 1));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_and_unref),
        cmocka_unit_test(one_id_space),
        cmocka_unit_test(freeze),
        cmocka_unit_test(equal),
        cmocka_unit_test(names),
        cmocka_unit_test(siret),
        REC_TEST(kind_of_refused),
        REC_TEST(wrong_objects_of_the_fixture),
        REC_TEST(wrong_roots),
        REC_TEST(references),
        cmocka_unit_test(equal_sees_every_field),
        REC_TEST(equal_sees_extensions),
        REC_TEST(internal_reading),
        REC_TEST(setters_that_do_not_allocate),
        cmocka_unit_test(new_out_of_memory),
        REC_TEST(mixed_adds_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
