/* What the files of model/records share: telling objects apart by their magic number, the id
 * index (one id space for every kind), the storage of extensions, copying and checking values,
 * and making and adding a record all or nothing. (records.c, the root, calls the files of each
 * kind, which call this one: the sources of a layer call each other without a circle.) */
#include <string.h>

#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/names.h"

static const char *const kind_names[] = {"none",   "profession",    "employer",
                                         "worker", "training-body", "session"};

const char *snplp_record_kind_name(snplp_record_kind kind)
{
    return snplp__name_of(kind_names, SNPLP__COUNT(kind_names), kind, "none");
}

/* ---- telling objects apart ---- */

snplp_records *snplp__records_of(const snplp_records *r)
{
    return r && r->magic == SNPLP_RECORDS_MAGIC ? (snplp_records *)r : NULL;
}

#define SNPLP__RECORD_OF(fn, T, MAGIC)                                                             \
    T *fn(const T *x)                                                                              \
    {                                                                                              \
        return x && x->head.magic == (MAGIC) ? (T *)x : NULL;                                      \
    }
SNPLP__RECORD_OF(snplp__record_profession_of, snplp_record_profession, SNPLP_REC_PROFESSION_MAGIC)
SNPLP__RECORD_OF(snplp__employer_of, snplp_employer, SNPLP_EMPLOYER_MAGIC)
SNPLP__RECORD_OF(snplp__worker_of, snplp_worker, SNPLP_WORKER_MAGIC)
SNPLP__RECORD_OF(snplp__training_body_of, snplp_training_body, SNPLP_TRAINING_BODY_MAGIC)
SNPLP__RECORD_OF(snplp__session_of, snplp_session, SNPLP_SESSION_MAGIC)
#undef SNPLP__RECORD_OF

snplp_attendance *snplp__attendance_of(const snplp_attendance *a)
{
    return a && a->magic == SNPLP_ATTENDANCE_MAGIC ? (snplp_attendance *)a : NULL;
}

/* ---- the id index ---- */

snplp_record_head *snplp__records_get(const snplp_records *r, const char *id)
{
    return r && id ? snplp__idmap_get_keyed(&r->ids, id, SNPLP_RECORD_KEY) : NULL;
}

snplp_record_kind snplp__record_head_kind(const snplp_record_head *h)
{
    switch (h ? h->magic : 0) {
    case SNPLP_REC_PROFESSION_MAGIC:
        return SNPLP_RECORD_PROFESSION;
    case SNPLP_EMPLOYER_MAGIC:
        return SNPLP_RECORD_EMPLOYER;
    case SNPLP_WORKER_MAGIC:
        return SNPLP_RECORD_WORKER;
    case SNPLP_TRAINING_BODY_MAGIC:
        return SNPLP_RECORD_TRAINING_BODY;
    case SNPLP_SESSION_MAGIC:
        return SNPLP_RECORD_SESSION;
    default:
        return SNPLP_RECORD_NONE;
    }
}

static void *get_of(const snplp_records *r, const char *id, uint32_t magic)
{
    snplp_record_head *h = snplp__records_get(r, id);
    return h && h->magic == magic ? h : NULL;
}

snplp_record_profession *snplp__records_profession(const snplp_records *r, const char *id)
{
    return get_of(r, id, SNPLP_REC_PROFESSION_MAGIC);
}

snplp_employer *snplp__records_employer(const snplp_records *r, const char *id)
{
    return get_of(r, id, SNPLP_EMPLOYER_MAGIC);
}

snplp_worker *snplp__records_worker(const snplp_records *r, const char *id)
{
    return get_of(r, id, SNPLP_WORKER_MAGIC);
}

snplp_training_body *snplp__records_body(const snplp_records *r, const char *id)
{
    return get_of(r, id, SNPLP_TRAINING_BODY_MAGIC);
}

snplp_session *snplp__records_session(const snplp_records *r, const char *id)
{
    return get_of(r, id, SNPLP_SESSION_MAGIC);
}

snplp_ext **snplp__records_ext_slot(const snplp_records *records, const char *id)
{
    snplp_records *r = snplp__records_of(records);
    if (!r)
        return NULL;
    if (!id)
        return &r->ext;
    snplp_record_head *h = snplp__records_get(r, id);
    return h ? &h->ext : NULL;
}

int snplp__records_check_unfrozen(const snplp_records *r, const char *fn)
{
    if (atomic_load_explicit(&r->frozen, memory_order_relaxed))
        return snplp__fail_in(fn, SNPLP_EFROZEN, "the records are frozen");
    return SNPLP_OK;
}

/* ---- shared helpers ---- */

bool snplp__rec_str_equal(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

bool snplp__rec_date_equal(snplp_date a, snplp_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* ---- strings: interned in the records ---- */

const char *snplp__rec_intern(snplp_records *r, const char *s)
{
    return snplp__strpool_intern(&r->strings, s, strlen(s));
}

const char *snplp__rec_intern_ref(snplp_records *r, const char *ref)
{
    snplp_record_head *h = r->recent[0];
    if (h && strcmp(h->id, ref) == 0)
        return h->id;
    h = r->recent[1];
    if (!h || strcmp(h->id, ref) != 0) {
        h = snplp__records_get(r, ref);
        if (!h)
            return snplp__rec_intern(r, ref); /* not remembered: the record may come later */
    }
    r->recent[1] = r->recent[0];
    r->recent[0] = h;
    return h->id;
}

void snplp__rec_begin(snplp_records *r)
{
    snplp__strpool_mark(&r->strings, &r->mark);
}

int snplp__rec_end(snplp_records *r, int rc)
{
    if (rc)
        snplp__strpool_undo(&r->strings, &r->mark);
    else
        snplp__strpool_keep(&r->strings, &r->mark);
    return rc;
}

/* *slot = s interned, or SNPLP_ENOMEM recorded. */
static int put(snplp_records *r, const char **slot, const char *s)
{
    const char *in = snplp__rec_intern(r, s);
    if (!in)
        return snplp__oom();
    *slot = in;
    return SNPLP_OK;
}

int snplp__rec_text_copy(char **out, const char *text, bool required, const char *what,
                         snplp_text_origin origin, const char *fn)
{
    /* the encoding first: blank is only judged on text known to be valid */
    char *copy = NULL;
    int rc = snplp__text_copy(&copy, text, NULL, origin, fn, what);
    if (rc)
        return rc;
    if (snplp__text_is_blank(copy)) {
        snplp__free(copy);
        return snplp__fail_in(fn, SNPLP_EINVAL, "the %s must not be blank%s", what,
                              required ? "" : " (NULL unsets it)");
    }
    *out = copy;
    return SNPLP_OK;
}

int snplp__rec_set_text(snplp_records *r, const char **slot, const char *text, bool required,
                        const char *what, snplp_text_origin origin, const char *fn)
{
    if (!text) {
        if (required)
            return snplp__fail_in(fn, SNPLP_EINVAL, "the %s is NULL", what);
        *slot = NULL;
        return SNPLP_OK;
    }
    char *copy = NULL;
    int rc = snplp__rec_text_copy(&copy, text, required, what, origin, fn);
    if (rc)
        return rc;
    rc = put(r, slot, copy);
    snplp__free(copy);
    return rc;
}

int snplp__rec_set_code(snplp_records *r, const char **slot, const char *value, bool required,
                        bool (*check)(const char *), const char *what, const char *shape,
                        const char *fn)
{
    if (!value) {
        if (required)
            return snplp__fail_in(fn, SNPLP_EINVAL, "the %s is NULL", what);
        *slot = NULL;
        return SNPLP_OK;
    }
    if (!check(value)) {
        char q[80];
        return snplp__fail_in(fn, SNPLP_EINVAL, "'%s' is not a %s: %s",
                              snplp__quote(q, sizeof q, value), what, shape);
    }
    return put(r, slot, value);
}

int snplp__rec_check_ref(const char *ref, const char *what, const char *fn)
{
    if (!ref)
        return snplp__fail_in(fn, SNPLP_EINVAL, "the %s is NULL", what);
    if (!snplp_id_is_valid(ref)) {
        char q[80];
        return snplp__fail_in(fn, SNPLP_EINVAL, "the %s '%s' is not a well-formed id", what,
                              snplp__quote(q, sizeof q, ref));
    }
    return SNPLP_OK;
}

int snplp__rec_set_ref(snplp_records *r, const char **slot, const char *ref, const char *what,
                       const char *fn)
{
    int rc = snplp__rec_check_ref(ref, what, fn);
    if (rc)
        return rc;
    return snplp__rec_put_ref(r, slot, ref);
}

int snplp__rec_put_ref(snplp_records *r, const char **slot, const char *ref)
{
    const char *in = snplp__rec_intern_ref(r, ref);
    if (!in)
        return snplp__oom();
    *slot = in;
    return SNPLP_OK;
}

int snplp__rec_put_ref_looked_up(snplp_records *r, const char **slot, const char *ref)
{
    const snplp_record_head *h = snplp__records_get(r, ref);
    const char *in = h ? h->id : snplp__rec_intern(r, ref);
    if (!in)
        return snplp__oom();
    *slot = in;
    return SNPLP_OK;
}

int snplp__rec_check_date(snplp_date d, const char *what, const char *fn)
{
    if (!snplp_date_is_valid(d))
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "the %s {%ld, %ld, %ld} names no day of years 1000 to 9999", what,
                              (long)d.year, (long)d.month, (long)d.day);
    return SNPLP_OK;
}

int snplp__rec_check_unused(const snplp_records *r, const char *id, const char *fn)
{
    const snplp_record_head *old = snplp__records_get(r, id);
    if (old)
        return snplp__fail_in(fn, SNPLP_EEXISTS, "the id '%s' is already used by a %s", id,
                              snplp_record_kind_name(snplp__record_head_kind(old)));
    return SNPLP_OK;
}

void *snplp__rec_new(snplp_records *r, size_t size, uint32_t magic, const char *id, int *rc,
                     const char *fn)
{
    if ((*rc = snplp__check_id(id, fn, "id")) || (*rc = snplp__rec_check_unused(r, id, fn)))
        return NULL;
    size_t idn = strlen(id) + 1;
    snplp_record_head *h = snplp__calloc(1, size + idn);
    if (!h) {
        *rc = snplp__oom();
        return NULL;
    }
    h->magic = magic;
    h->records = r;
    h->id = memcpy((char *)h + size, id, idn);
    snplp__rec_begin(r);
    return h;
}

/* ---- records in blocks (attendance records, a reader's workers) ---- */

/* Blocks grow from 16 records to 1 024 (40 KiB of attendance records), the newest first: little
 * room unused at any size. */
#define BLOCK_MIN 16u
#define BLOCK_MAX 1024u

struct snplp_record_block {
    struct snplp_record_block *next; /* the block before this one */
    uint32_t used, cap;
    _Alignas(max_align_t) char items[]; /* cap records of the list's size */
};

void *snplp__rec_block_take(snplp_record_block **blocks, size_t size)
{
    snplp_record_block *b = *blocks;
    if (!b || b->used == b->cap) {
        uint32_t cap = !b ? BLOCK_MIN : b->cap < BLOCK_MAX ? b->cap * 2 : BLOCK_MAX;
        snplp_record_block *nb = snplp__malloc(sizeof *nb + (size_t)cap * size);
        if (!nb)
            return NULL;
        nb->next = b;
        nb->used = 0;
        nb->cap = cap;
        *blocks = b = nb;
    }
    void *x = b->items + (size_t)b->used++ * size;
    memset(x, 0, size);
    return x;
}

void snplp__rec_block_give_back(snplp_record_block **blocks)
{
    snplp_record_block *b = *blocks;
    if (--b->used == 0) {
        *blocks = b->next;
        snplp__free(b);
    }
}

void snplp__rec_blocks_append(snplp_record_block **to, snplp_record_block **from)
{
    while (*to)
        to = &(*to)->next;
    *to = *from;
    *from = NULL;
}

void snplp__rec_blocks_free(snplp_record_block **blocks)
{
    for (snplp_record_block *b = *blocks, *next; b; b = next) {
        next = b->next;
        snplp__free(b);
    }
    *blocks = NULL;
}

void *snplp__rec_new_pooled(snplp_records *r, snplp_record_block **blocks, size_t size,
                            uint32_t magic, const char *id, int *rc)
{
    snplp_record_head *h = snplp__rec_block_take(blocks, size);
    if (!h) {
        *rc = snplp__oom();
        return NULL;
    }
    snplp__rec_begin(r);
    if (!(h->id = (char *)snplp__strpool_copy(&r->strings, id, strlen(id)))) {
        snplp__rec_block_give_back(blocks);
        *rc = snplp__rec_end(r, snplp__oom());
        return NULL;
    }
    h->magic = magic;
    h->pooled = true;
    h->records = r;
    return h;
}

void snplp__rec_free_head(snplp_record_head *h)
{
    snplp__ext_drop(&h->ext);
    h->magic = 0;
    if (!h->pooled)
        snplp__free(h);
}

int snplp__rec_abandon(snplp_records *r, snplp_record_head *h, void (*free_fn)(void *), int rc)
{
    bool pooled = h->pooled;
    free_fn(h);
    if (pooled) /* the last worker taken from its blocks (the only pooled records) */
        snplp__rec_block_give_back(&r->worker_blocks);
    return snplp__rec_end(r, rc);
}

int snplp__rec_commit(snplp_records *r, snplp_list *list, snplp_record_head *h,
                      void (*free_fn)(void *))
{
    snplp_list_growth gl;
    snplp_idmap_growth gi;
    int rc = snplp__list_reserve_undoable(list, &gl);
    if (!rc && (rc = snplp__idmap_reserve_undoable(&r->ids, &gi)))
        snplp__list_growth_rollback(&gl);
    if (rc)
        return snplp__rec_abandon(r, h, free_fn, rc);
    snplp__rec_end(r, SNPLP_OK);
    snplp__list_growth_commit(&gl);
    snplp__idmap_growth_commit(&gi);
    snplp__list_push(list, h);
    snplp__idmap_put_keyed(&r->ids, h, SNPLP_RECORD_KEY);
    return SNPLP_OK;
}

void *snplp__rec_miss(const snplp_records *r, void *found, const char *id, const char *what,
                      const char *fn)
{
    if (found)
        return found;
    if (!r || !id) {
        snplp__bad_arg(fn, "NULL or wrong object, or NULL id");
        return NULL;
    }
    char q[80];
    snplp_record_kind kind = snplp__record_head_kind(snplp__records_get(r, id));
    if (kind != SNPLP_RECORD_NONE)
        snplp__fail_in(fn, SNPLP_ENOTFOUND, "no %s has the id '%s' (it is a %s's)", what,
                       snplp__quote(q, sizeof q, id), snplp_record_kind_name(kind));
    else
        snplp__fail_in(fn, SNPLP_ENOTFOUND, "no %s has the id '%s'", what,
                       snplp__quote(q, sizeof q, id));
    return NULL;
}

/* ---- shapes of codes ---- */

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* "2A"/"2B" or two digits. */
static bool dept2(const char *s)
{
    return digits(s, 2) || (s[0] == '2' && (s[1] == 'A' || s[1] == 'B'));
}

bool snplp__commune_code_shape_ok(const char *code)
{
    /* 5 characters: a département of two ("80021", "2A004") or three ("97411") then digits */
    return code && strlen(code) == 5 && dept2(code) && digits(code + 2, 3);
}

bool snplp__territory_code_shape_ok(const char *code)
{
    if (!code)
        return false;
    switch (strlen(code)) {
    case 2: /* a département ("80", "2A") or a région ("32") */
        return dept2(code);
    case 3: /* an overseas département or collectivity ("974", "988") */
        return code[0] == '9' && (code[1] == '7' || code[1] == '8') && digits(code, 3);
    case 5: /* a commune */
        return snplp__commune_code_shape_ok(code);
    case 9: /* the SIREN of a métropole or a grouping */
        return digits(code, 9);
    default:
        return false;
    }
}
