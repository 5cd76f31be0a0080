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
#include "util/text.h"

#define SNPLP_RECORDS_MAGIC        0x5EC0D500u
#define SNPLP_REC_PROFESSION_MAGIC 0x5EC0D501u
#define SNPLP_EMPLOYER_MAGIC       0x5EC0D502u
#define SNPLP_WORKER_MAGIC         0x5EC0D503u
#define SNPLP_TRAINING_BODY_MAGIC  0x5EC0D504u
#define SNPLP_SESSION_MAGIC        0x5EC0D505u
#define SNPLP_ATTENDANCE_MAGIC     0x5EC0D506u

/* What every record with an id starts with. The id lives in the record's own allocation and
 * never changes. */
typedef struct snplp_record_head {
    uint32_t magic;
    snplp_records *records; /* its owner */
    char *id;
    snplp_ext ext; /* kept from XML: foreign attributes and elements (owner NULL) */
} snplp_record_head;

/* The key of the records' id map. */
#define SNPLP_RECORD_KEY offsetof(snplp_record_head, id)

struct snplp_records {
    uint32_t magic;
    atomic_size_t refs;
    snplp_list professions; /* snplp_record_profession * */
    snplp_list employers;   /* snplp_employer * */
    snplp_list workers;     /* snplp_worker * */
    snplp_list bodies;      /* snplp_training_body * */
    snplp_list sessions;    /* snplp_session * */
    snplp_list attendance;  /* snplp_attendance * */
    snplp_idmap ids;        /* every record with an id (snplp_record_head *, SNPLP_RECORD_KEY) */
    snplp_ext ext;          /* the extensions of the records themselves */
    atomic_bool frozen;     /* snplp_records_freeze(): every change fails from then on */
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
    char *title;
};

struct snplp_employer {
    snplp_record_head head;
    snplp_employer_kind kind;
    char *name;
    char *territory_code;
};

struct snplp_worker {
    snplp_record_head head;
    char *profession_id, *employer_id, *territory_code;
    char *unit; /* NULL: not set */
    bool has_level;
    int level; /* 1..8 when has_level */
    snplp_date from;
    bool has_until;
    snplp_date until; /* when has_until */
};

struct snplp_training_body {
    snplp_record_head head;
    char *name;
    char *legal_name, *siret, *declaration_number; /* NULL: not set */
    snplp_list address;                            /* char *, not blank */
    char *postal_code, *commune, *phone, *email;   /* NULL: not set */
};

struct snplp_session {
    snplp_record_head head;
    char *subject_id, *body_id;
    snplp_date start, end;
    snplp_decimal days; /* above 0 */
    snplp_session_mode mode;
    char *place; /* NULL: not set */
    bool has_capacity;
    int capacity; /* 1 or more when has_capacity */
};

struct snplp_attendance {
    uint32_t magic;
    snplp_records *records; /* its owner */
    char *worker_id, *session_id;
    snplp_attendance_status status;
    bool has_days;
    snplp_decimal days; /* 0 or more when has_days */
    snplp_ext ext;
};

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

/* Extensions (exchange/xml/extension.c): the storage of the records (id NULL) or of the record
 * of that id, NULL if records is not live or no record has that id; of an attendance record
 * (NULL if not live). */
snplp_ext *snplp__records_ext_of(const snplp_records *records, const char *id);
snplp_ext *snplp__attendance_ext(const snplp_attendance *attendance);

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

/* Copies text (UTF-8, NFC) into *slot, replacing what was there; blank text is refused; NULL
 * is refused when required and unsets when not. Changes nothing on failure. */
int snplp__rec_set_text(char **slot, const char *text, bool required, const char *what,
                        snplp_text_origin origin, const char *fn);
/* Copies an ASCII value that check() accepted into *slot (NULL unsets when not required):
 * SNPLP_EINVAL naming `what` and `shape` when refused. Changes nothing on failure. */
int snplp__rec_set_code(char **slot, const char *value, bool required, bool (*check)(const char *),
                        const char *what, const char *shape, const char *fn);
/* 0 if ref is a well-formed id, else SNPLP_EINVAL recorded for fn naming `what`. */
int snplp__rec_check_ref(const char *ref, const char *what, const char *fn);
/* Sets a reference (a well-formed id) into *slot. */
int snplp__rec_set_ref(char **slot, const char *ref, const char *what, const char *fn);
/* 0 if d is a valid date, else SNPLP_EINVAL recorded for fn naming `what`. */
int snplp__rec_check_date(snplp_date d, const char *what, const char *fn);
/* Whether dates are the same day. */
bool snplp__rec_date_equal(snplp_date a, snplp_date b);
/* Whether two optional strings are equal. */
bool snplp__rec_str_equal(const char *a, const char *b);
/* A new record of size bytes (the id copied after it) with its head filled: the checks of the
 * id (well-formed, unused) first; NULL with the error recorded for fn. */
void *snplp__rec_new(snplp_records *r, size_t size, uint32_t magic, const char *id, int *rc,
                     const char *fn);
/* Frees a record's head (its extensions) and the record. */
void snplp__rec_free_head(snplp_record_head *h);
/* Adds a new record to list and to the id map (all or nothing: on failure the record is freed
 * by free_fn and SNPLP_ENOMEM recorded). */
int snplp__rec_commit(snplp_records *r, snplp_list *list, snplp_record_head *h,
                      void (*free_fn)(void *));
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
void snplp__attendance_free(void *p);
bool snplp__attendance_equal(const snplp_attendance *a, const snplp_attendance *b);

/* The public functions that take texts, for a caller that says where the texts come from (the
 * XML reader: SNPLP_TEXT_CHECKED) and which public function its messages name. */
int snplp__records_add_profession(snplp_record_profession **out, snplp_records *records,
                                  const char *id, snplp_category category, const char *title,
                                  snplp_text_origin origin, const char *fn);
int snplp__records_add_employer(snplp_employer **out, snplp_records *records, const char *id,
                                snplp_employer_kind kind, const char *name,
                                const char *territory_code, snplp_text_origin origin,
                                const char *fn);
int snplp__records_add_worker(snplp_worker **out, snplp_records *records, const char *id,
                              const char *profession_id, const char *employer_id,
                              const char *territory_code, snplp_date from, const char *fn);
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
                               const char *fn);
int snplp__records_add_attendance(snplp_attendance **out, snplp_records *records,
                                  const char *worker_id, const char *session_id,
                                  snplp_attendance_status status, const char *fn);

#endif
