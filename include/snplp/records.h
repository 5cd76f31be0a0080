/**
 * @file records.h
 * @brief Training records: the workforce, training bodies, sessions and attendance that the HR
 *        and training software of a département, a métropole, a région or a training body
 *        keeps (since 1.4).
 *
 * A #snplp_records is a root of its own, reference counted like a referential or a convention
 * (snplp_records_ref(), snplp_records_unref()). It holds, each list in insertion order:
 *
 * - **professions** the records declare for people whose profession the referential does not
 *   list (the early-childhood professions of the «Ambition Enfance Egalité» plan, for
 *   instance): they live in the records and are never added to the built-in data;
 * - **employers**: who employs the workers (a département, a commune, a crèche, an
 *   association...), with a territory code;
 * - **workers**: a pseudonymous id chosen by the host, a profession, an optional diploma level,
 *   an employer, a territory, an optional unit and the dates of their presence in the
 *   workforce. The library holds no name, birth date or contact of a person: none of its
 *   computations needs one (data minimisation, docs/records.md);
 * - **training bodies**: id, name, legal name, SIRET, declaration number, address, contact;
 * - **sessions**: what is taught (a module of the referential, or a plan theme of another plan
 *   such as an "Enfance = égalité" day), by which training body, when, how many days, where,
 *   in which mode, for how many people;
 * - **attendance**: a worker at a session, with a status and the days attended.
 *
 * Records are linked to a referential by their references (a worker's profession, a session's
 * module or plan theme), which are ids of that referential's items; the functions that need
 * the referential (validation, eligibility, coverage) take it as an argument, so the same
 * records can be read against the built-in referential or a training body's catalogue.
 *
 * Ids (employers, professions declared here, workers, training bodies, sessions) follow the
 * rules of every id (id.h) and are unique across one #snplp_records whatever their kind;
 * attendance records have no id. As in a referential, references are ids that may be set
 * before their target exists: a dangling reference or one of the wrong kind is a finding of
 * snplp_records_validate(), not an error of the setter.
 *
 * Errors follow the library's rules (docs/architecture.md): a function that fails returns a
 * negative #snplp_status, records a message for the thread and changes nothing. Children are
 * owned by their records and valid as long as they live; records are never removed.
 */
#ifndef SNPLP_RECORDS_H
#define SNPLP_RECORDS_H

#include <snplp/common.h>
#include <snplp/date.h>
#include <snplp/decimal.h>
#include <snplp/profession.h>

SNPLP_BEGIN_DECLS

/* snplp_records, the root, is declared in common.h (xml.h names it too). */
/** @brief A profession declared by the records (not in the referential). @since 1.4 */
typedef struct snplp_record_profession snplp_record_profession;
/** @brief An employer of workers. @since 1.4 */
typedef struct snplp_employer snplp_employer;
/** @brief A worker of the workforce (pseudonymous). @since 1.4 */
typedef struct snplp_worker snplp_worker;
/** @brief A training body (organisme de formation). @since 1.4 */
typedef struct snplp_training_body snplp_training_body;
/** @brief A training session. @since 1.4 */
typedef struct snplp_session snplp_session;
/** @brief A worker's attendance at a session. @since 1.4 */
typedef struct snplp_attendance snplp_attendance;

/** @brief The kind of a record that has an id. ABI values. @since 1.4 */
typedef enum snplp_record_kind {
    SNPLP_RECORD_NONE = 0,          /**< no record (an unknown id) */
    SNPLP_RECORD_PROFESSION = 1,    /**< #snplp_record_profession */
    SNPLP_RECORD_EMPLOYER = 2,      /**< #snplp_employer */
    SNPLP_RECORD_WORKER = 3,        /**< #snplp_worker */
    SNPLP_RECORD_TRAINING_BODY = 4, /**< #snplp_training_body */
    SNPLP_RECORD_SESSION = 5        /**< #snplp_session */
} snplp_record_kind;

/** @brief The name of a record kind: "profession", "employer", "worker", "training-body",
 *         "session"; "none" otherwise. @since 1.4 */
SNPLP_API const char *snplp_record_kind_name(snplp_record_kind kind);

/** @brief What kind of employer. ABI values. @since 1.4 */
typedef enum snplp_employer_kind {
    SNPLP_EMPLOYER_DEPARTEMENT = 1, /**< a département's council */
    SNPLP_EMPLOYER_METROPOLE = 2,   /**< a métropole */
    SNPLP_EMPLOYER_REGION = 3,      /**< a regional council */
    SNPLP_EMPLOYER_COMMUNE = 4,     /**< a commune or its social action centre (CCAS) */
    SNPLP_EMPLOYER_GROUPING = 5,    /**< a grouping of communes (EPCI, CIAS) */
    SNPLP_EMPLOYER_STATE = 6,       /**< a State service */
    SNPLP_EMPLOYER_ASSOCIATION = 7, /**< an association or foundation */
    SNPLP_EMPLOYER_CRECHE = 8,      /**< an early-childhood setting (crèche, multi-accueil...) */
    SNPLP_EMPLOYER_COMPANY = 9,     /**< a company */
    SNPLP_EMPLOYER_OTHER = 10       /**< any other employer */
} snplp_employer_kind;

/** @brief "departement", "metropole", "region", "commune", "grouping", "state", "association",
 *         "creche", "company", "other"; "unknown" otherwise. @since 1.4 */
SNPLP_API const char *snplp_employer_kind_name(snplp_employer_kind kind);

/** @brief How a session is delivered. ABI values. @since 1.4 */
typedef enum snplp_session_mode {
    SNPLP_MODE_ON_SITE = 1,  /**< on site (présentiel) */
    SNPLP_MODE_DISTANCE = 2, /**< at a distance (à distance) */
    SNPLP_MODE_MIXED = 3     /**< both (mixte) */
} snplp_session_mode;

/** @brief "on-site", "distance", "mixed"; "unknown" otherwise. @since 1.4 */
SNPLP_API const char *snplp_session_mode_name(snplp_session_mode mode);

/** @brief The status of an attendance. ABI values. @since 1.4 */
typedef enum snplp_attendance_status {
    SNPLP_ATTENDANCE_REGISTERED = 1, /**< registered, the session not yet attended */
    SNPLP_ATTENDANCE_ATTENDED = 2,   /**< attended the whole session */
    SNPLP_ATTENDANCE_PARTIAL = 3,    /**< attended part of the session */
    SNPLP_ATTENDANCE_ABSENT = 4,     /**< registered and absent */
    SNPLP_ATTENDANCE_CANCELLED = 5   /**< registration cancelled */
} snplp_attendance_status;

/** @brief "registered", "attended", "partial", "absent", "cancelled"; "unknown" otherwise.
 *  @since 1.4 */
SNPLP_API const char *snplp_attendance_status_name(snplp_attendance_status status);

/* ---------------------------------------------------------------------------------------- */
/** @name The root */
/** @{ */

/**
 * @brief Creates empty records (one reference, released with snplp_records_unref()).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL @p out); #SNPLP_ENOMEM.
 * @since 1.4
 */
SNPLP_API int snplp_records_new(snplp_records **out);
/** @brief Takes a reference; returns @p records (NULL for NULL). Atomic. @since 1.4 */
SNPLP_API snplp_records *snplp_records_ref(snplp_records *records);
/** @brief Releases a reference; the last one frees the records and all they hold. NULL is a
 *         no-op. Atomic. @since 1.4 */
SNPLP_API void snplp_records_unref(snplp_records *records);

/**
 * @brief Freezes the records for good: every setter and add on them or their children then
 *        fails with #SNPLP_EFROZEN and changes nothing; reads take no lock (see
 *        snplp_referential_freeze()).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL or another type).
 * @since 1.4
 */
SNPLP_API int snplp_records_freeze(snplp_records *records);
/** @brief Whether the records are frozen (false for NULL). @since 1.4 */
SNPLP_API bool snplp_records_is_frozen(const snplp_records *records);

/**
 * @brief Deep equality: the same records with the same values in the same order, extensions
 *        included. Two NULLs are equal.
 * @since 1.4
 */
SNPLP_API bool snplp_records_equal(const snplp_records *a, const snplp_records *b);

/**
 * @brief The kind of the record whose id is @p id.
 * @return the kind; #SNPLP_RECORD_NONE (and #SNPLP_ENOTFOUND recorded, naming the id) when no
 *         record has that id or an argument is NULL.
 * @since 1.4
 */
SNPLP_API snplp_record_kind snplp_records_kind_of(const snplp_records *records, const char *id);

/** @} */

/* ---------------------------------------------------------------------------------------- */
/** @name Professions declared by the records */
/** @{ */

/**
 * @brief Declares a profession that the referential does not list.
 * @param[out] out receives the profession (may be NULL); borrowed from the records.
 * @param id the profession's id: it must not also be an id of the referential the records are
 *        read with (a finding of snplp_records_validate()).
 * @param category #SNPLP_CATEGORY_WORKER or #SNPLP_CATEGORY_CADRE (profession.h).
 * @param title its title, e.g. "auxiliaires de puériculture"; not blank.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, blank title, unknown category); #SNPLP_EBADID;
 *         #SNPLP_EEXISTS (id used by a record); #SNPLP_EENCODING; #SNPLP_EFROZEN;
 *         #SNPLP_ENOMEM.
 * @since 1.4
 */
SNPLP_API int snplp_records_add_profession(snplp_record_profession **out, snplp_records *records,
                                           const char *id, snplp_category category,
                                           const char *title);
/** @brief The number of declared professions (0 for NULL). @since 1.4 */
SNPLP_API size_t snplp_records_profession_count(const snplp_records *records);
/** @brief The declared profession at @p index (NULL out of range). @since 1.4 */
SNPLP_API snplp_record_profession *snplp_records_profession_at(const snplp_records *records,
                                                               size_t index);
/** @brief The declared profession of that id (NULL and #SNPLP_ENOTFOUND if none). @since 1.4 */
SNPLP_API snplp_record_profession *snplp_records_profession_find(const snplp_records *records,
                                                                 const char *id);
/** @brief Its id (NULL for NULL). @since 1.4 */
SNPLP_API const char *snplp_record_profession_id(const snplp_record_profession *profession);
/** @brief Its title (NULL for NULL). @since 1.4 */
SNPLP_API const char *snplp_record_profession_title(const snplp_record_profession *profession);
/** @brief Sets its title (not blank). @since 1.4 */
SNPLP_API int snplp_record_profession_set_title(snplp_record_profession *profession,
                                                const char *title);
/** @brief Its category (0 for NULL). @since 1.4 */
SNPLP_API snplp_category
snplp_record_profession_category(const snplp_record_profession *profession);
/** @brief Sets its category. @since 1.4 */
SNPLP_API int snplp_record_profession_set_category(snplp_record_profession *profession,
                                                   snplp_category category);

/** @} */

/* ---------------------------------------------------------------------------------------- */
/** @name Employers */
/** @{ */

/**
 * @brief Adds an employer.
 * @param kind its #snplp_employer_kind.
 * @param name its name, e.g. "Conseil départemental de la Somme"; not blank.
 * @param territory_code the official code of its territory: a département's code ("80",
 *        "2A", "974"), a commune's INSEE code ("80021"), a région's code ("32"), or the SIREN
 *        of a métropole or grouping (9 digits); checked for its shape only.
 * @return as snplp_records_add_profession(); #SNPLP_EINVAL also for a territory code of no
 *         accepted shape.
 * @since 1.4
 */
SNPLP_API int snplp_records_add_employer(snplp_employer **out, snplp_records *records,
                                         const char *id, snplp_employer_kind kind, const char *name,
                                         const char *territory_code);
/** @brief The number of employers (0 for NULL). @since 1.4 */
SNPLP_API size_t snplp_records_employer_count(const snplp_records *records);
/** @brief The employer at @p index (NULL out of range). @since 1.4 */
SNPLP_API snplp_employer *snplp_records_employer_at(const snplp_records *records, size_t index);
/** @brief The employer of that id (NULL and #SNPLP_ENOTFOUND if none). @since 1.4 */
SNPLP_API snplp_employer *snplp_records_employer_find(const snplp_records *records, const char *id);
/** @brief Its id. @since 1.4 */
SNPLP_API const char *snplp_employer_id(const snplp_employer *employer);
/** @brief Its kind (0 for NULL). @since 1.4 */
SNPLP_API snplp_employer_kind snplp_employer_kind_of(const snplp_employer *employer);
/** @brief Sets its kind. @since 1.4 */
SNPLP_API int snplp_employer_set_kind(snplp_employer *employer, snplp_employer_kind kind);
/** @brief Its name. @since 1.4 */
SNPLP_API const char *snplp_employer_name(const snplp_employer *employer);
/** @brief Sets its name (not blank). @since 1.4 */
SNPLP_API int snplp_employer_set_name(snplp_employer *employer, const char *name);
/** @brief Its territory code. @since 1.4 */
SNPLP_API const char *snplp_employer_territory_code(const snplp_employer *employer);
/** @brief Sets its territory code (shape of snplp_records_add_employer()). @since 1.4 */
SNPLP_API int snplp_employer_set_territory_code(snplp_employer *employer, const char *code);

/** @} */

/* ---------------------------------------------------------------------------------------- */
/** @name Workers */
/** @{ */

/**
 * @brief Adds a worker.
 * @param id a pseudonymous id chosen by the host (an HR matricule hashed, a sequence...): the
 *        library never needs a name.
 * @param profession_id the id of a profession of the referential or of the records.
 * @param employer_id the id of an employer of the records.
 * @param territory_code the official code of the territory the worker works in (shapes of
 *        snplp_records_add_employer()).
 * @param from the first day in the workforce (a valid date).
 * @return as snplp_records_add_profession(); #SNPLP_EINVAL also for an invalid date, a
 *         malformed reference id or territory code.
 * @since 1.4
 */
SNPLP_API int snplp_records_add_worker(snplp_worker **out, snplp_records *records, const char *id,
                                       const char *profession_id, const char *employer_id,
                                       const char *territory_code, snplp_date from);
/** @brief The number of workers (0 for NULL). @since 1.4 */
SNPLP_API size_t snplp_records_worker_count(const snplp_records *records);
/** @brief The worker at @p index (NULL out of range). @since 1.4 */
SNPLP_API snplp_worker *snplp_records_worker_at(const snplp_records *records, size_t index);
/** @brief The worker of that id (NULL and #SNPLP_ENOTFOUND if none). @since 1.4 */
SNPLP_API snplp_worker *snplp_records_worker_find(const snplp_records *records, const char *id);

/** @brief Its id. @since 1.4 */
SNPLP_API const char *snplp_worker_id(const snplp_worker *worker);
/** @brief The records that own it. @since 1.4 */
SNPLP_API snplp_records *snplp_worker_records(const snplp_worker *worker);
/** @brief Its profession's id. @since 1.4 */
SNPLP_API const char *snplp_worker_profession_id(const snplp_worker *worker);
/** @brief Sets its profession's id (a well-formed id; it may name nothing yet). @since 1.4 */
SNPLP_API int snplp_worker_set_profession_id(snplp_worker *worker, const char *profession_id);
/** @brief Its employer's id. @since 1.4 */
SNPLP_API const char *snplp_worker_employer_id(const snplp_worker *worker);
/** @brief Sets its employer's id. @since 1.4 */
SNPLP_API int snplp_worker_set_employer_id(snplp_worker *worker, const char *employer_id);
/** @brief Its territory code. @since 1.4 */
SNPLP_API const char *snplp_worker_territory_code(const snplp_worker *worker);
/** @brief Sets its territory code. @since 1.4 */
SNPLP_API int snplp_worker_set_territory_code(snplp_worker *worker, const char *code);
/** @brief Its unit (service, team), NULL if not set. @since 1.4 */
SNPLP_API const char *snplp_worker_unit(const snplp_worker *worker);
/** @brief Sets its unit; NULL unsets it. @since 1.4 */
SNPLP_API int snplp_worker_set_unit(snplp_worker *worker, const char *unit);
/**
 * @brief Its diploma level in the national framework of certifications (1 to 8; a State
 *        diploma of social work of « niveau II (niveau 6) » is 6).
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND when unknown (never read as 0); #SNPLP_EINVAL (NULL).
 * @since 1.4
 */
SNPLP_API int snplp_worker_diploma_level(int *out, const snplp_worker *worker);
/** @brief Sets its diploma level (1 to 8, else #SNPLP_EINVAL). @since 1.4 */
SNPLP_API int snplp_worker_set_diploma_level(snplp_worker *worker, int level);
/** @brief Unsets its diploma level. @since 1.4 */
SNPLP_API int snplp_worker_clear_diploma_level(snplp_worker *worker);
/** @brief Its first day in the workforce ({0,0,0} for NULL). @since 1.4 */
SNPLP_API snplp_date snplp_worker_from(const snplp_worker *worker);
/** @brief Sets its first day in the workforce (a valid date). @since 1.4 */
SNPLP_API int snplp_worker_set_from(snplp_worker *worker, snplp_date from);
/** @brief Its last day in the workforce: #SNPLP_ENOTFOUND while still in it. @since 1.4 */
SNPLP_API int snplp_worker_until(snplp_date *out, const snplp_worker *worker);
/** @brief Sets its last day in the workforce (a valid date; before @c from is a finding of
 *         validation). @since 1.4 */
SNPLP_API int snplp_worker_set_until(snplp_worker *worker, snplp_date until);
/** @brief Unsets its last day (the worker is still in the workforce). @since 1.4 */
SNPLP_API int snplp_worker_clear_until(snplp_worker *worker);

/** @} */

/* ---------------------------------------------------------------------------------------- */
/** @name Training bodies */
/** @{ */

/**
 * @brief Adds a training body.
 * @param name its usual name; not blank.
 * @return as snplp_records_add_profession().
 * @since 1.4
 */
SNPLP_API int snplp_records_add_training_body(snplp_training_body **out, snplp_records *records,
                                              const char *id, const char *name);
/** @brief The number of training bodies (0 for NULL). @since 1.4 */
SNPLP_API size_t snplp_records_training_body_count(const snplp_records *records);
/** @brief The training body at @p index (NULL out of range). @since 1.4 */
SNPLP_API snplp_training_body *snplp_records_training_body_at(const snplp_records *records,
                                                              size_t index);
/** @brief The training body of that id (NULL and #SNPLP_ENOTFOUND if none). @since 1.4 */
SNPLP_API snplp_training_body *snplp_records_training_body_find(const snplp_records *records,
                                                                const char *id);
/** @brief Its id. @since 1.4 */
SNPLP_API const char *snplp_training_body_id(const snplp_training_body *body);
/** @brief Its usual name. @since 1.4 */
SNPLP_API const char *snplp_training_body_name(const snplp_training_body *body);
/** @brief Sets its usual name (not blank). @since 1.4 */
SNPLP_API int snplp_training_body_set_name(snplp_training_body *body, const char *name);
/** @brief Its legal name (raison sociale), NULL if not set. @since 1.4 */
SNPLP_API const char *snplp_training_body_legal_name(const snplp_training_body *body);
/** @brief Sets its legal name; NULL unsets it. @since 1.4 */
SNPLP_API int snplp_training_body_set_legal_name(snplp_training_body *body, const char *name);
/** @brief Its SIRET (14 digits), NULL if not set. @since 1.4 */
SNPLP_API const char *snplp_training_body_siret(const snplp_training_body *body);
/**
 * @brief Sets its SIRET; NULL unsets it.
 * @return #SNPLP_EINVAL for anything but 14 digits whose Luhn key is right (La Poste's
 *         establishments, SIREN 356000000, use their own key: the sum of the digits is a
 *         multiple of 5), with a message saying which.
 * @since 1.4
 */
SNPLP_API int snplp_training_body_set_siret(snplp_training_body *body, const char *siret);
/** @brief Whether @p siret is a SIRET with a right key (false for NULL). Records no error.
 *  @since 1.4 */
SNPLP_API bool snplp_siret_is_valid(const char *siret);
/** @brief Its declaration number (numéro de déclaration d'activité), NULL if not set.
 *  @since 1.4 */
SNPLP_API const char *snplp_training_body_declaration_number(const snplp_training_body *body);
/** @brief Sets its declaration number: 11 digits (the first two are the code of the région
 *         that registered it); NULL unsets it. @since 1.4 */
SNPLP_API int snplp_training_body_set_declaration_number(snplp_training_body *body,
                                                         const char *number);
/** @brief Appends a line of its street address (not blank). @since 1.4 */
SNPLP_API int snplp_training_body_add_address_line(snplp_training_body *body, const char *line);
/** @brief The number of address lines. @since 1.4 */
SNPLP_API size_t snplp_training_body_address_line_count(const snplp_training_body *body);
/** @brief The address line at @p index (NULL out of range). @since 1.4 */
SNPLP_API const char *snplp_training_body_address_line_at(const snplp_training_body *body,
                                                          size_t index);
/** @brief Its postal code (5 digits), NULL if not set. @since 1.4 */
SNPLP_API const char *snplp_training_body_postal_code(const snplp_training_body *body);
/** @brief Sets its postal code (5 digits); NULL unsets it. @since 1.4 */
SNPLP_API int snplp_training_body_set_postal_code(snplp_training_body *body, const char *code);
/** @brief Its commune's name, NULL if not set. @since 1.4 */
SNPLP_API const char *snplp_training_body_commune(const snplp_training_body *body);
/** @brief Sets its commune's name; NULL unsets it. @since 1.4 */
SNPLP_API int snplp_training_body_set_commune(snplp_training_body *body, const char *commune);
/** @brief Its phone number, NULL if not set. @since 1.4 */
SNPLP_API const char *snplp_training_body_phone(const snplp_training_body *body);
/** @brief Sets its phone number (digits, spaces, '+', '.', '-', '(' and ')'; at least 4
 *         digits); NULL unsets it. @since 1.4 */
SNPLP_API int snplp_training_body_set_phone(snplp_training_body *body, const char *phone);
/** @brief Its e-mail address, NULL if not set. @since 1.4 */
SNPLP_API const char *snplp_training_body_email(const snplp_training_body *body);
/** @brief Sets its e-mail address (one '@', a non-empty local part, a domain with a dot, no
 *         space); NULL unsets it. @since 1.4 */
SNPLP_API int snplp_training_body_set_email(snplp_training_body *body, const char *email);

/** @} */

/* ---------------------------------------------------------------------------------------- */
/** @name Sessions */
/** @{ */

/**
 * @brief Adds a session.
 * @param subject_id what is taught: the id of a module or of a plan theme of the referential.
 * @param body_id the id of a training body of the records.
 * @param start, end its first and last days (valid dates; end before start is a finding).
 * @param days its length in days (above 0, e.g. 6.5; within the module's duration and the
 *        maximum of the training plan is a finding of validation, not of this call).
 * @param mode its #snplp_session_mode.
 * @return as snplp_records_add_profession(); #SNPLP_EINVAL also for an invalid date, days not
 *         above 0, an unknown mode or a malformed reference id.
 * @since 1.4
 */
SNPLP_API int snplp_records_add_session(snplp_session **out, snplp_records *records, const char *id,
                                        const char *subject_id, const char *body_id,
                                        snplp_date start, snplp_date end, snplp_decimal days,
                                        snplp_session_mode mode);
/** @brief The number of sessions (0 for NULL). @since 1.4 */
SNPLP_API size_t snplp_records_session_count(const snplp_records *records);
/** @brief The session at @p index (NULL out of range). @since 1.4 */
SNPLP_API snplp_session *snplp_records_session_at(const snplp_records *records, size_t index);
/** @brief The session of that id (NULL and #SNPLP_ENOTFOUND if none). @since 1.4 */
SNPLP_API snplp_session *snplp_records_session_find(const snplp_records *records, const char *id);
/** @brief Its id. @since 1.4 */
SNPLP_API const char *snplp_session_id(const snplp_session *session);
/** @brief The id of what it teaches (a module or a plan theme). @since 1.4 */
SNPLP_API const char *snplp_session_subject_id(const snplp_session *session);
/** @brief Sets what it teaches. @since 1.4 */
SNPLP_API int snplp_session_set_subject_id(snplp_session *session, const char *subject_id);
/** @brief Its training body's id. @since 1.4 */
SNPLP_API const char *snplp_session_body_id(const snplp_session *session);
/** @brief Sets its training body's id. @since 1.4 */
SNPLP_API int snplp_session_set_body_id(snplp_session *session, const char *body_id);
/** @brief Its first day. @since 1.4 */
SNPLP_API snplp_date snplp_session_start(const snplp_session *session);
/** @brief Its last day. @since 1.4 */
SNPLP_API snplp_date snplp_session_end(const snplp_session *session);
/** @brief Sets its first and last days (valid dates). @since 1.4 */
SNPLP_API int snplp_session_set_dates(snplp_session *session, snplp_date start, snplp_date end);
/** @brief Its length in days ({0,0} for NULL). @since 1.4 */
SNPLP_API snplp_decimal snplp_session_days(const snplp_session *session);
/** @brief Sets its length in days (above 0). @since 1.4 */
SNPLP_API int snplp_session_set_days(snplp_session *session, snplp_decimal days);
/** @brief Its mode (0 for NULL). @since 1.4 */
SNPLP_API snplp_session_mode snplp_session_mode_of(const snplp_session *session);
/** @brief Sets its mode. @since 1.4 */
SNPLP_API int snplp_session_set_mode(snplp_session *session, snplp_session_mode mode);
/** @brief The INSEE code of the commune where it takes place (5 characters), NULL if not set
 *         (a session at a distance has none). @since 1.4 */
SNPLP_API const char *snplp_session_place(const snplp_session *session);
/** @brief Sets its commune code; NULL unsets it. @since 1.4 */
SNPLP_API int snplp_session_set_place(snplp_session *session, const char *commune_code);
/** @brief Its capacity (places): #SNPLP_ENOTFOUND when not set. @since 1.4 */
SNPLP_API int snplp_session_capacity(int *out, const snplp_session *session);
/** @brief Sets its capacity (1 or more). @since 1.4 */
SNPLP_API int snplp_session_set_capacity(snplp_session *session, int capacity);
/** @brief Unsets its capacity. @since 1.4 */
SNPLP_API int snplp_session_clear_capacity(snplp_session *session);

/** @} */

/* ---------------------------------------------------------------------------------------- */
/** @name Attendance */
/** @{ */

/**
 * @brief Records a worker's attendance at a session.
 *
 * The worker and the session are ids (they may name nothing yet: a finding of validation, as a
 * duplicate attendance is).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, malformed id, unknown status); #SNPLP_EFROZEN;
 *         #SNPLP_ENOMEM.
 * @since 1.4
 */
SNPLP_API int snplp_records_add_attendance(snplp_attendance **out, snplp_records *records,
                                           const char *worker_id, const char *session_id,
                                           snplp_attendance_status status);
/** @brief The number of attendance records (0 for NULL). @since 1.4 */
SNPLP_API size_t snplp_records_attendance_count(const snplp_records *records);
/** @brief The attendance at @p index (NULL out of range). @since 1.4 */
SNPLP_API snplp_attendance *snplp_records_attendance_at(const snplp_records *records, size_t index);
/** @brief The worker's id. @since 1.4 */
SNPLP_API const char *snplp_attendance_worker_id(const snplp_attendance *attendance);
/** @brief The session's id. @since 1.4 */
SNPLP_API const char *snplp_attendance_session_id(const snplp_attendance *attendance);
/** @brief Its status (0 for NULL). @since 1.4 */
SNPLP_API snplp_attendance_status snplp_attendance_status_of(const snplp_attendance *attendance);
/** @brief Sets its status. @since 1.4 */
SNPLP_API int snplp_attendance_set_status(snplp_attendance *attendance,
                                          snplp_attendance_status status);
/**
 * @brief The days attended: #SNPLP_ENOTFOUND when not given. For "attended" without days, the
 *        computations take the session's days; for "partial" without days, the days are
 *        unknown (never read as 0).
 * @since 1.4
 */
SNPLP_API int snplp_attendance_days(snplp_decimal *out, const snplp_attendance *attendance);
/** @brief Sets the days attended (0 or more). @since 1.4 */
SNPLP_API int snplp_attendance_set_days(snplp_attendance *attendance, snplp_decimal days);
/** @brief Unsets the days attended. @since 1.4 */
SNPLP_API int snplp_attendance_clear_days(snplp_attendance *attendance);

/** @} */

/* ---------------------------------------------------------------------------------------- */
/** @name Extensions (as extension.h: elements and attributes of other namespaces) */
/** @{ */

/** @brief Appends an extension element to the records (@p id NULL) or to the record @p id:
 *         contract of snplp_referential_add_extension(). @since 1.4 */
SNPLP_API int snplp_records_add_extension(snplp_records *records, const char *id, const char *xml);
/** @brief The number of extension elements of the records (@p id NULL) or of a record. @since
 *  1.4 */
SNPLP_API size_t snplp_records_extension_count(const snplp_records *records, const char *id);
/** @brief The extension element at @p index, canonical XML (NULL out of range). @since 1.4 */
SNPLP_API const char *snplp_records_extension_at(const snplp_records *records, const char *id,
                                                 size_t index);
/** @brief Adds or replaces a foreign attribute: contract of
 *         snplp_referential_set_foreign_attribute(). @since 1.4 */
SNPLP_API int snplp_records_set_foreign_attribute(snplp_records *records, const char *id,
                                                  const char *ns, const char *prefix,
                                                  const char *name, const char *value);
/** @brief The number of foreign attributes of the records or of a record. @since 1.4 */
SNPLP_API size_t snplp_records_foreign_attribute_count(const snplp_records *records,
                                                       const char *id);
/** @brief The foreign attribute at @p index (out-parameters first). @since 1.4 */
SNPLP_API int snplp_records_foreign_attribute(const char **ns, const char **prefix,
                                              const char **name, const char **value,
                                              const snplp_records *records, const char *id,
                                              size_t index);
/** @brief Appends an extension element to an attendance record. @since 1.4 */
SNPLP_API int snplp_attendance_add_extension(snplp_attendance *attendance, const char *xml);
/** @brief The number of extension elements of an attendance record. @since 1.4 */
SNPLP_API size_t snplp_attendance_extension_count(const snplp_attendance *attendance);
/** @brief The extension element at @p index (NULL out of range). @since 1.4 */
SNPLP_API const char *snplp_attendance_extension_at(const snplp_attendance *attendance,
                                                    size_t index);
/** @brief Adds or replaces a foreign attribute of an attendance record. @since 1.4 */
SNPLP_API int snplp_attendance_set_foreign_attribute(snplp_attendance *attendance, const char *ns,
                                                     const char *prefix, const char *name,
                                                     const char *value);
/** @brief The number of foreign attributes of an attendance record. @since 1.4 */
SNPLP_API size_t snplp_attendance_foreign_attribute_count(const snplp_attendance *attendance);
/** @brief The foreign attribute at @p index of an attendance record. @since 1.4 */
SNPLP_API int snplp_attendance_foreign_attribute(const char **ns, const char **prefix,
                                                 const char **name, const char **value,
                                                 const snplp_attendance *attendance, size_t index);

/** @} */

SNPLP_END_DECLS

#endif
