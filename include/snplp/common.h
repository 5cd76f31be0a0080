/**
 * @file common.h
 * @brief Declarations shared by every libsnplp header: the export macro, the opaque types and
 *        the kinds of items a referential holds.
 *
 * Every object type of libsnplp is opaque: a program only ever holds pointers to them and
 * reaches their content through functions. Types never change size in the ABI because their
 * layout is private to the library. The exceptions are two value types passed by value, whose
 * fixed layouts are part of the ABI: #snplp_decimal (decimal.h) and #snplp_date (date.h).
 */
#ifndef SNPLP_COMMON_H
#define SNPLP_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** @brief Marks a function as part of the public ABI of libsnplp. */
#if defined(_WIN32)
#define SNPLP_API
#else
#define SNPLP_API __attribute__((visibility("default")))
#endif

/**
 * @brief Marks a function kept for the 1.x ABI but superseded (its documentation names the
 *        replacement): a compiler that knows the attribute warns at each call. Define
 *        `SNPLP_NO_DEPRECATION_WARNINGS` before including a libsnplp header to silence it.
 */
#if defined(SNPLP_NO_DEPRECATION_WARNINGS) || !(defined(__GNUC__) || defined(__clang__))
#define SNPLP_DEPRECATED(replacement)
#else
#define SNPLP_DEPRECATED(replacement) __attribute__((deprecated("use " replacement)))
#endif

#ifdef __cplusplus
#define SNPLP_BEGIN_DECLS extern "C" {
#define SNPLP_END_DECLS   }
#else
/** @brief Opens a block of C declarations (extern "C" in C++). */
#define SNPLP_BEGIN_DECLS
/** @brief Closes a block opened by #SNPLP_BEGIN_DECLS. */
#define SNPLP_END_DECLS
#endif

SNPLP_BEGIN_DECLS

/** @brief The root of a model of the strategy: see referential.h. Reference counted. */
typedef struct snplp_referential snplp_referential;
/** @brief The strategy itself (one per referential): see strategy.h. */
typedef struct snplp_strategy snplp_strategy;
/** @brief The social-worker training plan (one per referential): see training_plan.h. */
typedef struct snplp_training_plan snplp_training_plan;
/** @brief One of the commitments (engagements) of the strategy: see commitment.h. */
typedef struct snplp_commitment snplp_commitment;
/** @brief A lever (levier) of the strategy's implementation: see lever.h. */
typedef struct snplp_lever snplp_lever;
/** @brief A priority theme (thématique) of the training plan: see theme.h. */
typedef struct snplp_theme snplp_theme;
/** @brief A training module under a theme: see module.h. */
typedef struct snplp_module snplp_module;
/** @brief A competence developed by a module: see competence.h. */
typedef struct snplp_competence snplp_competence;
/** @brief An element of a competence's content, possibly with nested items: see content.h. */
typedef struct snplp_content snplp_content;
/** @brief An objective (objectif / finalité) of the plan or of a theme: see objective.h. */
typedef struct snplp_objective snplp_objective;
/** @brief A learning outcome (connaissance ou compétence à acquérir): see outcome.h. */
typedef struct snplp_outcome snplp_outcome;
/** @brief A pedagogical recommendation (modalité pédagogique): see recommendation.h. */
typedef struct snplp_recommendation snplp_recommendation;
/** @brief A targeted profession or cadre role: see profession.h. */
typedef struct snplp_profession snplp_profession;
/** @brief A diploma-level rule for the priority public: see diploma_rule.h. */
typedef struct snplp_diploma_rule snplp_diploma_rule;
/** @brief A funding line: see funding.h. */
typedef struct snplp_funding snplp_funding;
/** @brief Another plan of the strategy (e.g. early childhood): see plan.h. */
typedef struct snplp_plan snplp_plan;
/** @brief A theme of another plan: see plan_theme.h. */
typedef struct snplp_plan_theme snplp_plan_theme;
/** @brief A key figure of another plan: see figure.h. */
typedef struct snplp_figure snplp_figure;
/** @brief A convention (CALPAE) between the State and a territory: see convention.h.
 *         Reference counted. */
typedef struct snplp_convention snplp_convention;
/** @brief A list of conventions (a file's, a région's): see convention_list.h. */
typedef struct snplp_convention_list snplp_convention_list;
/** @brief Training records (since 1.4): see records.h. Reference counted. */
typedef struct snplp_records snplp_records;
/** @brief An action of a convention: see action.h. */
typedef struct snplp_action snplp_action;
/** @brief An indicator of a convention's follow-up matrix: see indicator.h. */
typedef struct snplp_indicator snplp_indicator;
/** @brief A computed matrix of indicators × years: see matrix.h and synthesis.h. */
typedef struct snplp_matrix snplp_matrix;
/** @brief A decision on the release of a year's credits: see credits.h. */
typedef struct snplp_credits snplp_credits;
/** @brief A list of findings of validation or parsing: see diagnostics.h. */
typedef struct snplp_diagnostics snplp_diagnostics;
/** @brief One finding in a #snplp_diagnostics list: see diagnostics.h. */
typedef struct snplp_diagnostic snplp_diagnostic;
/** @brief The hits of a search: see search.h. */
typedef struct snplp_search_results snplp_search_results;
/** @brief One hit of a search: see search.h. */
typedef struct snplp_search_hit snplp_search_hit;

/**
 * @brief The kinds of items a referential holds.
 *
 * Every item has an id, unique across its referential whatever its kind. The numeric values
 * are part of the ABI and never change.
 */
typedef enum snplp_kind {
    SNPLP_KIND_NONE = 0,            /**< no item (an unknown id) */
    SNPLP_KIND_STRATEGY = 1,        /**< #snplp_strategy */
    SNPLP_KIND_TRAINING_PLAN = 2,   /**< #snplp_training_plan */
    SNPLP_KIND_COMMITMENT = 3,      /**< #snplp_commitment */
    SNPLP_KIND_LEVER = 4,           /**< #snplp_lever */
    SNPLP_KIND_THEME = 5,           /**< #snplp_theme */
    SNPLP_KIND_MODULE = 6,          /**< #snplp_module */
    SNPLP_KIND_COMPETENCE = 7,      /**< #snplp_competence */
    SNPLP_KIND_CONTENT = 8,         /**< #snplp_content */
    SNPLP_KIND_OBJECTIVE = 9,       /**< #snplp_objective */
    SNPLP_KIND_OUTCOME = 10,        /**< #snplp_outcome */
    SNPLP_KIND_RECOMMENDATION = 11, /**< #snplp_recommendation */
    SNPLP_KIND_PROFESSION = 12,     /**< #snplp_profession */
    SNPLP_KIND_DIPLOMA_RULE = 13,   /**< #snplp_diploma_rule */
    SNPLP_KIND_FUNDING = 14,        /**< #snplp_funding */
    SNPLP_KIND_PLAN = 15,           /**< #snplp_plan */
    SNPLP_KIND_PLAN_THEME = 16,     /**< #snplp_plan_theme */
    SNPLP_KIND_FIGURE = 17          /**< #snplp_figure */
} snplp_kind;

/**
 * @brief The text fields of items, as named in search hits.
 *
 * The numeric values are part of the ABI and never change.
 */
typedef enum snplp_field {
    SNPLP_FIELD_NONE = 0,        /**< no field */
    SNPLP_FIELD_TITLE = 1,       /**< the title of an item */
    SNPLP_FIELD_SUBTITLE = 2,    /**< a module's subtitle */
    SNPLP_FIELD_DESCRIPTION = 3, /**< a description text */
    SNPLP_FIELD_AUDIENCE = 4,    /**< a priority-audience text (public prioritaire) */
    SNPLP_FIELD_ROLE = 5,        /**< a module's expected-role text (rôle du travailleur social) */
    SNPLP_FIELD_TEXT = 6,        /**< the text of an objective, outcome, content item... */
    SNPLP_FIELD_LABEL = 7,       /**< an alternative label */
    SNPLP_FIELD_ABBREVIATION = 8, /**< a profession's abbreviation (ASS, EJE...) */
    SNPLP_FIELD_PERIOD = 9,       /**< a funding line's period */
    SNPLP_FIELD_SOURCE = 10,      /**< the source wording of a funding line */
    SNPLP_FIELD_LAUNCH_DATE = 11, /**< the strategy's launch date (ISO 8601) */
    SNPLP_FIELD_BUDGET_TEXT = 12, /**< the wording of the strategy's budget */
    SNPLP_FIELD_THEME_ID = 13,    /**< the id of a module's theme */
    SNPLP_FIELD_RULE = 14         /**< the training plan's rule text (since 1.3) */
} snplp_field;

/**
 * @brief The English name of a kind, as used in documentation and XML ("module", "theme"...).
 * @return a static string; "none" for #SNPLP_KIND_NONE and for a value outside the enum.
 */
SNPLP_API const char *snplp_kind_name(snplp_kind kind);

/**
 * @brief The English name of a field ("title", "subtitle"...).
 * @return a static string; "none" for #SNPLP_FIELD_NONE and for a value outside the enum.
 */
SNPLP_API const char *snplp_field_name(snplp_field field);

SNPLP_END_DECLS

#endif
