/* Internal: the representation of training records (records.h) and what the other layers read
 * of it.
 *
 * A #snplp_records owns, in insertion order, arrays (pointers) of professions, employers,
 * workers, training bodies, sessions and attendance records. Every record that has an id
 * starts with a snplp_record_head (its magic number, its records, its id, its extensions), so
 * that one id map indexes them all whatever their kind (one id space: SNPLP_RECORD_KEY) and the
 * magic number tells the kind. Objects carry a magic number so that a pointer of another type
 * is refused instead of being used.
 *
 * Strings: the records own a pool of interned strings (util/strpool.h: each distinct string
 * once, in large chunks, freed with the records). A record's id lives in the record's own
 * allocation; every other string of a record (its references, codes and texts; a training body's
 * address lines excepted, which it owns) points either to the id of the record it names (a
 * reference to a record present) or into the pool, so that the 3 million attendance records of a
 * national file share their workers' and sessions' ids instead of copying them. A setter repoints
 * the field and frees nothing: a string once read stays valid as long as the records. Extensions
 * (snplp_ext) are allocated on first use (NULL: none); an attendance record keeps its small
 * values in bytes, its days as units and scale, and its extensions, when it has some, in a block
 * with its owner (snplp_attendance_more), so that it takes 40 bytes.
 *
 * Reading (rules/records, exchange/xml, exchange/csv): the structures below are the interface. The
 * arrays of a live records (snplp__records_of()) hold live objects; their required fields are never
 * NULL (ids, references, names, titles, territory codes), the optional ones are NULL or a has_ flag
 * is false when unset. The snplp__records_* functions below record no error. */
#ifndef SNPLP_MODEL_RECORDS_RECORDS_MODEL_H
#define SNPLP_MODEL_RECORDS_RECORDS_MODEL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <snplp/snplp.h>

#include "util/errors.h"
#include "util/ext.h"
#include "util/id.h"
#include "util/idmap.h"
#include "util/list.h"
#include "util/strpool.h"
#include "util/text.h"

#define SNPLP_RECORDS_MAGIC         0x5EC0D500u
#define SNPLP_REC_PROFESSION_MAGIC  0x5EC0D501u
#define SNPLP_EMPLOYER_MAGIC        0x5EC0D502u
#define SNPLP_WORKER_MAGIC          0x5EC0D503u
#define SNPLP_TRAINING_BODY_MAGIC   0x5EC0D504u
#define SNPLP_SESSION_MAGIC         0x5EC0D505u
#define SNPLP_ATTENDANCE_MAGIC      0x5EC0D506u
#define SNPLP_ATTENDANCE_MORE_MAGIC 0x5EC0D507u

/* A block of records of one size: attendance records, a reader's workers (helpers.c). */
typedef struct snplp_record_block snplp_record_block;

/* What every record with an id starts with. The id never changes: it lives in the record's own
 * allocation, or for a record a reader made (pooled) in the records' string pool, the record in
 * one of their blocks (snplp__rec_new_pooled()). */
typedef struct snplp_record_head {
    uint32_t magic;
    bool pooled;            /* in a block of records, freed with its records (not one by one) */
    snplp_records *records; /* its owner */
    char *id;
    snplp_ext *ext; /* kept from XML: foreign attributes and elements (owner NULL); NULL: none */
} snplp_record_head;

/* The key of the records' id map. */
#define SNPLP_RECORD_KEY offsetof(snplp_record_head, id)

struct snplp_records {
    uint32_t magic;
    atomic_size_t refs;
    snplp_list professions;            /* snplp_record_profession * */
    snplp_list employers;              /* snplp_employer * */
    snplp_list workers;                /* snplp_worker * */
    snplp_list bodies;                 /* snplp_training_body * */
    snplp_list sessions;               /* snplp_session * */
    snplp_list attendance;             /* snplp_attendance *, in att_blocks */
    snplp_record_block *att_blocks;    /* where the attendance records are */
    snplp_record_block *worker_blocks; /* where the workers a reader made are */
    snplp_idmap ids;         /* every record with an id (snplp_record_head *, SNPLP_RECORD_KEY) */
    snplp_ext *ext;          /* the extensions of the records themselves (NULL: none) */
    snplp_strpool strings;   /* the interned strings of every record (see above) */
    snplp_strpool_mark mark; /* of strings, while an add is not yet committed */
    /* The two records a reference named last (write paths only, like the pool): references
     * come in runs (the attendance of one session, the workers of one employer), and a record,
     * never removed nor renamed, stays the right answer (snplp__rec_intern_ref()). */
    snplp_record_head *recent[2];
    atomic_bool frozen; /* snplp_records_freeze(): every change fails from then on */
    /* A cache the rules layer builds (rules/records: an index of who attended what) and keeps
     * here, under cache_lock, with the function that frees it: the model frees it without
     * knowing the rules (no call up a layer, as the referential's search index). */
    pthread_mutex_t cache_lock;
    void *cache;
    void (*cache_free)(void *cache);
};

struct snplp_record_profession {
    snplp_record_head head;
    snplp_category category;
    const char *title;
};

struct snplp_employer {
    snplp_record_head head;
    snplp_employer_kind kind;
    const char *name;
    const char *territory_code;
};

struct snplp_worker {
    snplp_record_head head;
    const char *profession_id, *employer_id, *territory_code;
    const char *unit; /* NULL: not set */
    snplp_date from;
    snplp_date until; /* when has_until */
    bool has_level, has_until;
    int8_t level; /* 1..8 when has_level */
};

struct snplp_training_body {
    snplp_record_head head;
    const char *name;
    const char *legal_name, *siret, *declaration_number; /* NULL: not set */
    snplp_list address;                                  /* char *, not blank, its own */
    const char *postal_code, *commune, *phone, *email;   /* NULL: not set */
};

struct snplp_session {
    snplp_record_head head;
    const char *subject_id, *body_id;
    snplp_date start, end;
    snplp_decimal days; /* above 0 */
    const char *place;  /* NULL: not set */
    int capacity;       /* 1 or more when has_capacity */
    bool has_capacity;
    uint8_t mode; /* snplp_session_mode */
};

/* The most numerous record (one per worker and session attended), kept small: 40 bytes. */
struct snplp_attendance {
    uint32_t magic;
    uint8_t status; /* snplp_attendance_status */
    bool has_days;
    int8_t days_scale; /* the days are {days_units, days_scale} when has_days: */
    void *owner;       /* its records, or its snplp_attendance_more (by their magic number) */
    const char *worker_id, *session_id;
    int64_t days_units; /* 0 or more (snplp__attendance_days_of()) */
};

/* What an attendance record with extensions keeps out of line: its owner and its extensions. */
typedef struct snplp_attendance_more {
    uint32_t magic; /* SNPLP_ATTENDANCE_MORE_MAGIC */
    snplp_records *records;
    snplp_ext ext;
} snplp_attendance_more;

/* Its records (a live attendance); its extensions (NULL: none). */
static inline snplp_records *snplp__attendance_records(const snplp_attendance *a)
{
    const uint32_t *magic = a->owner;
    return *magic == SNPLP_ATTENDANCE_MORE_MAGIC ? ((snplp_attendance_more *)a->owner)->records
                                                 : (snplp_records *)a->owner;
}
static inline snplp_ext *snplp__attendance_ext(const snplp_attendance *a)
{
    const uint32_t *magic = a->owner;
    return *magic == SNPLP_ATTENDANCE_MORE_MAGIC ? &((snplp_attendance_more *)a->owner)->ext : NULL;
}
/* Its extensions, made empty if it had none (NULL when memory runs out: not recorded); gives
 * back extensions left empty (after a failure). */
snplp_ext *snplp__attendance_ext_make(snplp_attendance *a);
void snplp__attendance_ext_trim(snplp_attendance *a);

/* The days attended ({0, 0} when not has_days); setting them (a valid decimal). */
static inline snplp_decimal snplp__attendance_days_of(const snplp_attendance *a)
{
    return (snplp_decimal){a->days_units, a->days_scale};
}
static inline void snplp__attendance_put_days(snplp_attendance *a, snplp_decimal days)
{
    a->days_units = days.units;
    a->days_scale = (int8_t)days.scale; /* 0 to 18 in a valid decimal */
}

/* The object as its type if it is a live one (not NULL, right magic), else NULL. */
snplp_records *snplp__records_of(const snplp_records *r);
snplp_record_profession *snplp__record_profession_of(const snplp_record_profession *p);
snplp_employer *snplp__employer_of(const snplp_employer *e);
snplp_worker *snplp__worker_of(const snplp_worker *w);
snplp_training_body *snplp__training_body_of(const snplp_training_body *b);
snplp_session *snplp__session_of(const snplp_session *s);
snplp_attendance *snplp__attendance_of(const snplp_attendance *a);

/* Fast reading of a live records (r not NULL, checked by snplp__records_of()): the arrays and
 * their lengths. */
#define SNPLP__RECORDS_ARRAY(fn, T, list)                                                          \
    static inline T *const *fn(const snplp_records *r, size_t *n)                                  \
    {                                                                                              \
        *n = r->list.n;                                                                            \
        return (T *const *)r->list.v;                                                              \
    }
SNPLP__RECORDS_ARRAY(snplp__records_professions, snplp_record_profession, professions)
SNPLP__RECORDS_ARRAY(snplp__records_employers, snplp_employer, employers)
SNPLP__RECORDS_ARRAY(snplp__records_workers, snplp_worker, workers)
SNPLP__RECORDS_ARRAY(snplp__records_bodies, snplp_training_body, bodies)
SNPLP__RECORDS_ARRAY(snplp__records_sessions, snplp_session, sessions)
SNPLP__RECORDS_ARRAY(snplp__records_attendances, snplp_attendance, attendance)
#undef SNPLP__RECORDS_ARRAY

/* The record of a live records with that id, as its head (NULL if none or id NULL); its kind
 * (SNPLP_RECORD_NONE for NULL). */
snplp_record_head *snplp__records_get(const snplp_records *r, const char *id);
snplp_record_kind snplp__record_head_kind(const snplp_record_head *h);
/* The record of that id if it is of that kind, else NULL (records nothing). */
snplp_record_profession *snplp__records_profession(const snplp_records *r, const char *id);
snplp_employer *snplp__records_employer(const snplp_records *r, const char *id);
snplp_worker *snplp__records_worker(const snplp_records *r, const char *id);
snplp_training_body *snplp__records_body(const snplp_records *r, const char *id);
snplp_session *snplp__records_session(const snplp_records *r, const char *id);

/* Extensions (exchange/xml/extension.c): where the extensions of the records (id NULL) or of
 * the record of that id are kept, NULL if records is not live or no record has that id. They
 * are allocated on first use: *slot NULL holds none (util/ext.h). (An attendance record's:
 * snplp__attendance_ext() above.) */
snplp_ext **snplp__records_ext_slot(const snplp_records *records, const char *id);

/* 0 if the records may change, else SNPLP_EFROZEN recorded for fn (every change of the records
 * and of their children starts with it; r live). */
int snplp__records_check_unfrozen(const snplp_records *r, const char *fn);
#define SNPLP__RECORDS_UNFROZEN(r, fn)                                                             \
    do {                                                                                           \
        int frozen_rc_ = snplp__records_check_unfrozen((r), (fn));                                 \
        if (frozen_rc_)                                                                            \
            return frozen_rc_;                                                                     \
    } while (0)

/* ---- shared by the files of model/records ---- */

/* The string s of records r, interned (NULL when memory runs out: not recorded); a reference
 * (an id) is the id of the record of r it names when there is one. */
const char *snplp__rec_intern(snplp_records *r, const char *s);
const char *snplp__rec_intern_ref(snplp_records *r, const char *ref);
/* Adds that can fail after interning strings: _begin marks r's strings (at the start of the
 * add), _end keeps them (rc 0) or gives back those interned since (rc not 0); returns rc. */
void snplp__rec_begin(snplp_records *r);
int snplp__rec_end(snplp_records *r, int rc);
/* Sets text (UTF-8, NFC), interned in r, into *slot, replacing what was there (not freed: the
 * pool keeps it); blank text is refused; NULL is refused when required and unsets when not.
 * Changes nothing on failure. */
int snplp__rec_set_text(snplp_records *r, const char **slot, const char *text, bool required,
                        const char *what, snplp_text_origin origin, const char *fn);
/* The same, into a copy of its own (*out, the caller's). */
int snplp__rec_text_copy(char **out, const char *text, bool required, const char *what,
                         snplp_text_origin origin, const char *fn);
/* Sets an ASCII value that check() accepted, interned in r, into *slot (NULL unsets when not
 * required): SNPLP_EINVAL naming `what` and `shape` when refused. Changes nothing on failure. */
int snplp__rec_set_code(snplp_records *r, const char **slot, const char *value, bool required,
                        bool (*check)(const char *), const char *what, const char *shape,
                        const char *fn);
/* 0 if ref is a well-formed id, else SNPLP_EINVAL recorded for fn naming `what`. */
int snplp__rec_check_ref(const char *ref, const char *what, const char *fn);
/* Sets a reference (a well-formed id), interned in r, into *slot. */
int snplp__rec_set_ref(snplp_records *r, const char **slot, const char *ref, const char *what,
                       const char *fn);
/* The same for a reference already checked with snplp__rec_check_ref(): SNPLP_ENOMEM (recorded)
 * or 0. */
int snplp__rec_put_ref(snplp_records *r, const char **slot, const char *ref);
/* The same, the record looked up in the id index at once, without snplp__rec_intern_ref()'s
 * comparisons with the two records named last: for references that come in no runs (the
 * professions and employers of a file's workers, the workers of its attendance records). */
int snplp__rec_put_ref_looked_up(snplp_records *r, const char **slot, const char *ref);
/* Repoints the strings of a worker or an attendance record made in other (scratch) records to
 * copies in r (the CSV reader moves them into r): SNPLP_ENOMEM recorded when memory runs out,
 * within an snplp__rec_begin()/_end() of r. */
int snplp__worker_rehome(snplp_worker *w, snplp_records *r);
int snplp__attendance_rehome(snplp_attendance *a, snplp_records *r);
/* 0 if d is a valid date, else SNPLP_EINVAL recorded for fn naming `what`. */
int snplp__rec_check_date(snplp_date d, const char *what, const char *fn);
/* Whether dates are the same day. */
bool snplp__rec_date_equal(snplp_date a, snplp_date b);
/* Whether two optional strings are equal. */
bool snplp__rec_str_equal(const char *a, const char *b);
/* A new record of size bytes (the id copied after it) with its head filled: the checks of the
 * id (well-formed, unused) first; NULL with the error recorded for fn. On success the add has
 * begun (snplp__rec_begin()): it ends with snplp__rec_commit() or snplp__rec_abandon(). */
void *snplp__rec_new(snplp_records *r, size_t size, uint32_t magic, const char *id, int *rc,
                     const char *fn);
/* SNPLP_OK when no record has the id, else SNPLP_EEXISTS recorded for fn. */
int snplp__rec_check_unused(const snplp_records *r, const char *id, const char *fn);
/* The same for a reader, whose checks of the id were made, but for the one that it is unused:
 * the caller makes it last, just before snplp__rec_commit(), when the slot of the id index that
 * the reader started fetching as it read the id (snplp__records_prefetch_id()) has come. The
 * record in the block list *blocks of r (one allocation for up to 1 024 records of the same
 * size), its id copied into r's string pool (snplp__strpool_copy()). Only records that stay in r
 * (never moved to other records) are made so: r frees its blocks. */
void *snplp__rec_new_pooled(snplp_records *r, snplp_record_block **blocks, size_t size,
                            uint32_t magic, const char *id, int *rc);
/* Frees the blocks of records of *blocks (after snplp__rec_free_head() on each record). */
void snplp__rec_blocks_free(snplp_record_block **blocks);
/* A zeroed record of size bytes (the same size for a whole list) in the newest block of *blocks,
 * a new block when it is full (16 to 1 024 records), or NULL. */
void *snplp__rec_block_take(snplp_record_block **blocks, size_t size);
/* Gives back the record snplp__rec_block_take() gave last, and its block if it was the block's
 * first, so that a failed add leaves the memory as it was. */
void snplp__rec_block_give_back(snplp_record_block **blocks);
/* Moves the blocks of *from behind those of *to (so that *to keeps filling its newest). */
void snplp__rec_blocks_append(snplp_record_block **to, snplp_record_block **from);
/* Frees a record's head (its extensions) and the record (a pooled record stays in its block,
 * cleared). */
void snplp__rec_free_head(snplp_record_head *h);
/* Adds a new record to list and to the id map (all or nothing: on failure the record is freed
 * by free_fn, the strings interned for it given back and SNPLP_ENOMEM recorded). */
int snplp__rec_commit(snplp_records *r, snplp_list *list, snplp_record_head *h,
                      void (*free_fn)(void *));
/* Gives up a record not committed: frees it with free_fn, gives back the strings interned for
 * it; returns rc. */
int snplp__rec_abandon(snplp_records *r, snplp_record_head *h, void (*free_fn)(void *), int rc);
/* What a public _find returns: found, or NULL with the miss recorded for fn. */
void *snplp__rec_miss(const snplp_records *r, void *found, const char *id, const char *what,
                      const char *fn);
/* Whether a territory code (or, for a session's place, a commune code) has an accepted shape. */
bool snplp__territory_code_shape_ok(const char *code);
#define SNPLP__TERRITORY_SHAPE                                                                     \
    "a département's code (\"80\", \"2A\", \"974\"), a région's (\"32\"), a commune's INSEE "    \
    "code (\"80021\") or a SIREN (9 digits)"
bool snplp__commune_code_shape_ok(const char *code);

/* Freeing and comparing each kind (each file). */
void snplp__record_profession_free(void *p);
bool snplp__record_profession_equal(const snplp_record_profession *a,
                                    const snplp_record_profession *b);
void snplp__employer_free(void *p);
bool snplp__employer_equal(const snplp_employer *a, const snplp_employer *b);
void snplp__worker_free(void *p);
bool snplp__worker_equal(const snplp_worker *a, const snplp_worker *b);
void snplp__training_body_free(void *p);
bool snplp__training_body_equal(const snplp_training_body *a, const snplp_training_body *b);
void snplp__session_free(void *p);
bool snplp__session_equal(const snplp_session *a, const snplp_session *b);
/* Frees what an attendance record holds (not the record: its block holds it). */
void snplp__attendance_clear(void *p);
/* Frees the blocks of attendance records of r (after snplp__attendance_clear() on each). */
void snplp__attendance_blocks_free(snplp_records *r);
/* Gives the blocks of from (scratch records whose attendance records have moved to r) to r. */
void snplp__attendance_blocks_move(snplp_records *r, snplp_records *from);

/* The references of the attendance records a reader adds (`checked`) to their workers: while
 * the records hold fewer ids than this, a reference is the worker's own id, found in the id
 * index (cheap while the index stays in the caches) as any model call finds it; from this many
 * on, a copy of the id in the string pool (a lookup per record would miss the caches of a large
 * file, and cost more than the copy's bytes). Fixed; a variable so that the tests can take both
 * ways with small documents. */
extern size_t snplp__records_copy_refs_from;

/* A reader that has read the id of a record to add soon: the id index starts fetching where
 * it goes (the add's check that the id is unused then finds it in the cache). */
static inline void snplp__records_prefetch_id(const snplp_records *r, const char *id, size_t n)
{
    snplp__idmap_prefetch(&r->ids, id, n);
}
bool snplp__attendance_equal(const snplp_attendance *a, const snplp_attendance *b);

/* The public functions that take texts, for a caller that says where the texts come from (the
 * XML reader: SNPLP_TEXT_CHECKED) and which public function its messages name. The add calls of
 * workers, sessions and attendance take `checked` instead: true when the caller (the XML and CSV
 * readers) has checked the references' shapes (well-formed ids), the dates and the enumerated
 * values already, which are then not checked again (the rest is: codes, days, duplicates). */
int snplp__records_add_profession(snplp_record_profession **out, snplp_records *records,
                                  const char *id, snplp_category category, const char *title,
                                  snplp_text_origin origin, const char *fn);
int snplp__records_add_employer(snplp_employer **out, snplp_records *records, const char *id,
                                snplp_employer_kind kind, const char *name,
                                const char *territory_code, snplp_text_origin origin,
                                const char *fn);
int snplp__records_add_worker(snplp_worker **out, snplp_records *records, const char *id,
                              const char *profession_id, const char *employer_id,
                              const char *territory_code, snplp_date from, bool checked,
                              const char *fn);
int snplp__worker_set_unit(snplp_worker *worker, const char *unit, snplp_text_origin origin,
                           const char *fn);
int snplp__records_add_training_body(snplp_training_body **out, snplp_records *records,
                                     const char *id, const char *name, snplp_text_origin origin,
                                     const char *fn);
/* which: 0 legal name, 1 commune, 2 an address line to append. */
int snplp__training_body_set_text(snplp_training_body *body, int which, const char *text,
                                  snplp_text_origin origin, const char *fn);
int snplp__records_add_session(snplp_session **out, snplp_records *records, const char *id,
                               const char *subject_id, const char *body_id, snplp_date start,
                               snplp_date end, snplp_decimal days, snplp_session_mode mode,
                               bool checked, const char *fn);
int snplp__records_add_attendance(snplp_attendance **out, snplp_records *records,
                                  const char *worker_id, const char *session_id,
                                  snplp_attendance_status status, bool checked, const char *fn);

#endif
