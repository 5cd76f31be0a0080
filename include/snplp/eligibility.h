/**
 * @file eligibility.h
 * @brief Whether a worker may or should take a module, with every reason (since 1.4).
 *
 * For a worker of training records, a module of a referential and a date,
 * snplp_records_eligibility() gives one answer (docs/records.md, "Eligibility"):
 * - #SNPLP_ELIGIBILITY_NOT_YET when a prerequisite of the module has not been trained by that
 *   date (the expert module requires the fundamentals, seed 003);
 * - otherwise #SNPLP_ELIGIBILITY_PRIORITY when the worker is in the module's priority public:
 *   their profession is targeted (one of the module's professions, or, for a module that lists
 *   none, a profession of the referential: the social workers and cadre roles seed 001 names
 *   «prioritairement ciblés») and, where the referential has a diploma rule with a minimum
 *   level (seed 003: « niveau II (niveau 6) ou I »), their diploma level is at least that
 *   level;
 * - otherwise #SNPLP_ELIGIBILITY_OPEN: the worker may be admitted, outside the priority
 *   public (seed 003: « il sera possible (et même encouragé) d'élargir aux autres
 *   professionnels »).
 *
 * Every reason is listed, in this order: the profession (targeted or not), each diploma rule
 * (met, below, or the level unknown: never read as 0), each prerequisite (trained, with the
 * session, or missing), each session of the module the worker was already trained in.
 *
 * A worker is *trained* in a session when their attendance is "attended", or "partial" with
 * days attended at least the session's days, and the session ended on or before the date.
 */
#ifndef SNPLP_ELIGIBILITY_H
#define SNPLP_ELIGIBILITY_H

#include <snplp/common.h>
#include <snplp/date.h>
#include <snplp/records.h>

SNPLP_BEGIN_DECLS

/** @brief An answer with its reasons. @since 1.4 */
typedef struct snplp_eligibility snplp_eligibility;
/** @brief The modules a worker should take next, each with its answer. @since 1.4 */
typedef struct snplp_eligibility_list snplp_eligibility_list;

/** @brief The answer. ABI values. @since 1.4 */
typedef enum snplp_eligibility_answer {
    SNPLP_ELIGIBILITY_NONE = 0,     /**< no answer (NULL) */
    SNPLP_ELIGIBILITY_PRIORITY = 1, /**< in the module's priority public */
    SNPLP_ELIGIBILITY_OPEN = 2,     /**< may be admitted, outside the priority public */
    SNPLP_ELIGIBILITY_NOT_YET = 3   /**< a prerequisite is not trained yet */
} snplp_eligibility_answer;

/** @brief "priority", "open", "not-yet"; "none" otherwise. @since 1.4 */
SNPLP_API const char *snplp_eligibility_answer_name(snplp_eligibility_answer answer);

/** @brief The kinds of reasons. ABI values. @since 1.4 */
typedef enum snplp_eligibility_reason {
    SNPLP_REASON_NONE = 0,                    /**< no reason (index out of range) */
    SNPLP_REASON_PROFESSION_TARGETED = 1,     /**< the profession is targeted (item: the
                                                   profession) */
    SNPLP_REASON_PROFESSION_NOT_TARGETED = 2, /**< it is not (item: the profession) */
    SNPLP_REASON_DIPLOMA_MET = 3,             /**< the diploma level meets a diploma rule (item:
                                                   the rule) */
    SNPLP_REASON_DIPLOMA_BELOW = 4,           /**< it is below the rule's level (item: the rule) */
    SNPLP_REASON_DIPLOMA_UNKNOWN = 5,         /**< the worker's level is unknown (item: the
                                                   rule) */
    SNPLP_REASON_PREREQUISITE_TRAINED = 6,    /**< a prerequisite was trained (item: the
                                                   prerequisite module) */
    SNPLP_REASON_PREREQUISITE_MISSING = 7,    /**< a prerequisite was not (item: the module) */
    SNPLP_REASON_ALREADY_TRAINED = 8          /**< the worker was trained in the module (item:
                                                   the session) */
} snplp_eligibility_reason;

/** @brief "profession-targeted", "profession-not-targeted", "diploma-met", "diploma-below",
 *         "diploma-unknown", "prerequisite-trained", "prerequisite-missing",
 *         "already-trained"; "none" otherwise. @since 1.4 */
SNPLP_API const char *snplp_eligibility_reason_name(snplp_eligibility_reason reason);

/**
 * @brief Whether a worker may take a module at a date, and why.
 * @param[out] out receives the answer (free with snplp_eligibility_free()).
 * @param records the records holding the worker and their attendance.
 * @param ref the referential holding the module, its prerequisites, the professions and the
 *        diploma rules.
 * @param worker_id a worker of @p records; @p module_id a module of @p ref.
 * @param at the date of the question (a valid date).
 *
 * The first question about @p records builds an index of their attendance by worker (one pass
 * over them) and leaves it in the records, as a cache freed with them and rebuilt after the next
 * add; later questions cost the worker's own attendance only. A lock guards it: threads may ask
 * about the same frozen records at once (docs/records.md, "Eligibility").
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, another type, invalid date); #SNPLP_ENOTFOUND (no
 *         such worker or module); #SNPLP_ENOMEM (nothing changed, but an index built before the
 *         failure may stay in the records until they are freed).
 * @since 1.4
 */
SNPLP_API int snplp_records_eligibility(snplp_eligibility **out, const snplp_records *records,
                                        const snplp_referential *ref, const char *worker_id,
                                        const char *module_id, snplp_date at);

/** @brief Frees an answer. NULL is a no-op. @since 1.4 */
SNPLP_API void snplp_eligibility_free(snplp_eligibility *eligibility);
/** @brief The answer (#SNPLP_ELIGIBILITY_NONE for NULL). @since 1.4 */
SNPLP_API snplp_eligibility_answer
snplp_eligibility_answer_of(const snplp_eligibility *eligibility);
/** @brief The worker's id (NULL for NULL). Borrowed. @since 1.4 */
SNPLP_API const char *snplp_eligibility_worker_id(const snplp_eligibility *eligibility);
/** @brief The module's id (NULL for NULL). Borrowed. @since 1.4 */
SNPLP_API const char *snplp_eligibility_module_id(const snplp_eligibility *eligibility);
/** @brief The number of reasons (0 for NULL). @since 1.4 */
SNPLP_API size_t snplp_eligibility_reason_count(const snplp_eligibility *eligibility);
/** @brief The kind of reason @p index (#SNPLP_REASON_NONE out of range). @since 1.4 */
SNPLP_API snplp_eligibility_reason snplp_eligibility_reason_at(const snplp_eligibility *eligibility,
                                                               size_t index);
/** @brief The id reason @p index is about (a profession, a diploma rule, a module or a
 *         session: see #snplp_eligibility_reason); NULL out of range. Borrowed. @since 1.4 */
SNPLP_API const char *snplp_eligibility_reason_item_id(const snplp_eligibility *eligibility,
                                                       size_t index);
/** @brief An English sentence stating reason @p index with its ids, levels and dates, e.g.
 *         "the diploma level of worker w1 is 5, below level 6 of diploma rule
 *         diploma-rule-priority-public"; NULL out of range. Borrowed (until the answer is
 *         freed).
 *
 * An answer keeps its reasons as kinds, ids, levels and dates: the first request of any of
 * its messages writes them all, once, even when threads ask at once; later requests return the
 * same strings. NULL as well when the memory for them runs out then (#SNPLP_ENOMEM recorded as
 * the thread's last error; the answer is unchanged and a later request tries again).
 * @since 1.4 */
SNPLP_API const char *snplp_eligibility_reason_message(const snplp_eligibility *eligibility,
                                                       size_t index);

/**
 * @brief The modules a worker should take next, in the plan's order: fundamentals before
 *        expert, then the modules of the referential in document order; the modules the
 *        worker was already trained in by @p at are left out. Each comes with its answer and
 *        reasons, as snplp_records_eligibility() gives them.
 * @param[out] out receives the list (free with snplp_eligibility_list_free()).
 * @return as snplp_records_eligibility() (no @p module_id).
 * @since 1.4
 */
SNPLP_API int snplp_records_next_modules(snplp_eligibility_list **out, const snplp_records *records,
                                         const snplp_referential *ref, const char *worker_id,
                                         snplp_date at);
/** @brief Frees a list and its answers. NULL is a no-op. @since 1.4 */
SNPLP_API void snplp_eligibility_list_free(snplp_eligibility_list *list);
/** @brief The number of modules (0 for NULL). @since 1.4 */
SNPLP_API size_t snplp_eligibility_list_count(const snplp_eligibility_list *list);
/** @brief The answer for the module at @p index (NULL out of range), owned by the list.
 *  @since 1.4 */
SNPLP_API const snplp_eligibility *snplp_eligibility_list_at(const snplp_eligibility_list *list,
                                                             size_t index);

SNPLP_END_DECLS

#endif
