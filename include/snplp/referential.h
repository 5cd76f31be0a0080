/**
 * @file referential.h
 * @brief The referential: the root object holding a model of the strategy.
 *
 * A referential holds, in insertion order: the strategy and the training plan (one each,
 * always present), the commitments, levers, themes, modules, professions, diploma-level rules,
 * funding lines and other plans. Every item has an id unique across the referential.
 *
 * Ownership: a referential is reference counted (snplp_referential_ref(),
 * snplp_referential_unref(); the count is atomic). It owns every item in it; a pointer to an
 * item stays valid as long as the referential lives, and every item can return its
 * referential. Items are never removed, so pointers never dangle while the root lives.
 *
 * Lookups (`_find`) take an id and return NULL when no item of that kind has it. Getters that
 * take a `const` referential return non-const items (like strchr()): the caller decides
 * whether it mutates them.
 *
 * Document order, used by search results and validation findings: the strategy, the
 * commitments, the levers, the training plan, the themes, the modules, the professions, the
 * diploma-level rules, the funding lines, the other plans; each item followed by its children
 * depth-first, in insertion order.
 */
#ifndef SNPLP_REFERENTIAL_H
#define SNPLP_REFERENTIAL_H

#include <snplp/common.h>
#include <snplp/module.h>
#include <snplp/profession.h>

SNPLP_BEGIN_DECLS

/**
 * @brief Creates an empty referential: a strategy with id "strategy" and a training plan with
 *        id "training-plan", both without title, and no other item.
 * @param[out] out receives the referential with a reference count of 1 (snplp_referential_unref()).
 * @return #SNPLP_OK, #SNPLP_EINVAL if @p out is NULL, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_referential_new(snplp_referential **out);

/**
 * @brief Takes one more reference on @p ref (atomic: safe from several threads).
 * @return @p ref (NULL for NULL).
 */
SNPLP_API snplp_referential *snplp_referential_ref(snplp_referential *ref);

/**
 * @brief Drops one reference; the last one frees the referential and all its items.
 *        NULL is a no-op.
 */
SNPLP_API void snplp_referential_unref(snplp_referential *ref);

/**
 * @brief Freezes the referential for good: from then on every function that would change it or
 *        an item in it (every `_add_`, `_set_`, `_clear_`, `_remove_`, the extensions and
 *        foreign attributes) fails with #SNPLP_EFROZEN ("the referential is frozen") and
 *        changes nothing. Reading is unchanged and takes no lock, so a frozen referential can be
 *        shared between threads without any risk that one of them changes it (a server's
 *        catalogue). Freezing is irreversible; freezing again does nothing. The thread that
 *        freezes must do so before it hands the referential to the others.
 * @return #SNPLP_OK; #SNPLP_EINVAL for NULL or an object of another type.
 * @since 1.3
 */
SNPLP_API int snplp_referential_freeze(snplp_referential *ref);

/** @brief Whether the referential is frozen (false for NULL). @since 1.3 */
SNPLP_API bool snplp_referential_is_frozen(const snplp_referential *ref);

/** @brief The number of items in the referential, all kinds together (0 for NULL). */
SNPLP_API size_t snplp_referential_item_count(const snplp_referential *ref);

/**
 * @brief The kind of the item that has @p id.
 * @return the kind, #SNPLP_KIND_NONE if no item has this id or an argument is NULL.
 */
SNPLP_API snplp_kind snplp_referential_kind_of(const snplp_referential *ref, const char *id);

/**
 * @brief Deep equality: same items with the same ids, texts, values and references, in the
 *        same order.
 * @return true if equal; two NULLs are equal, NULL and a referential are not.
 */
SNPLP_API bool snplp_referential_equal(const snplp_referential *a, const snplp_referential *b);

/** @brief The strategy of the referential (never NULL for a non-NULL referential). */
SNPLP_API snplp_strategy *snplp_referential_strategy(const snplp_referential *ref);

/** @brief The training plan of the referential (never NULL for a non-NULL referential). */
SNPLP_API snplp_training_plan *snplp_referential_training_plan(const snplp_referential *ref);

/**
 * @name Commitments
 * @{
 */
/**
 * @brief Adds a commitment at the end of the list.
 *
 * The same contract holds for every `_add_` function of libsnplp: the id must be well formed
 * (#SNPLP_EBADID) and unused in the referential (#SNPLP_EEXISTS); strings are copied and
 * NFC-normalized (#SNPLP_EENCODING if not valid UTF-8); on any failure nothing is changed.
 *
 * @param[out] out receives the new item, owned by the referential; may be NULL.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL referential, id or title), #SNPLP_EBADID,
 *         #SNPLP_EEXISTS, #SNPLP_EENCODING, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_referential_add_commitment(snplp_commitment **out, snplp_referential *ref,
                                               const char *id, const char *title);
/** @brief The number of commitments. */
SNPLP_API size_t snplp_referential_commitment_count(const snplp_referential *ref);
/** @brief The commitment at @p index, NULL if out of range. */
SNPLP_API snplp_commitment *snplp_referential_commitment_at(const snplp_referential *ref,
                                                            size_t index);
/** @brief The commitment with @p id, NULL if none. */
SNPLP_API snplp_commitment *snplp_referential_commitment_find(const snplp_referential *ref,
                                                              const char *id);
/** @} */

/**
 * @name Levers
 * @{
 */
/** @brief Adds a lever at the end of the list (contract of snplp_referential_add_commitment()). */
SNPLP_API int snplp_referential_add_lever(snplp_lever **out, snplp_referential *ref, const char *id,
                                          const char *title);
/** @brief The number of levers. */
SNPLP_API size_t snplp_referential_lever_count(const snplp_referential *ref);
/** @brief The lever at @p index, NULL if out of range. */
SNPLP_API snplp_lever *snplp_referential_lever_at(const snplp_referential *ref, size_t index);
/** @brief The lever with @p id, NULL if none. */
SNPLP_API snplp_lever *snplp_referential_lever_find(const snplp_referential *ref, const char *id);
/** @} */

/**
 * @name Themes
 * @{
 */
/** @brief Adds a theme of the training plan (contract of snplp_referential_add_commitment()).
 *         Modules already naming this id as their theme become its modules. */
SNPLP_API int snplp_referential_add_theme(snplp_theme **out, snplp_referential *ref, const char *id,
                                          const char *title);
/** @brief The number of themes. */
SNPLP_API size_t snplp_referential_theme_count(const snplp_referential *ref);
/** @brief The theme at @p index, NULL if out of range. */
SNPLP_API snplp_theme *snplp_referential_theme_at(const snplp_referential *ref, size_t index);
/** @brief The theme with @p id, NULL if none. */
SNPLP_API snplp_theme *snplp_referential_theme_find(const snplp_referential *ref, const char *id);
/** @} */

/**
 * @name Modules
 * @{
 */
/**
 * @brief Adds the module @p id to the theme @p theme_id (contract of
 *        snplp_referential_add_commitment()): the item's id right after the referential, then
 *        what it holds, as every other add.
 *
 * The theme may not exist yet: a module whose theme is still missing when the referential is
 * validated is reported as #SNPLP_DIAG_MISSING_PARENT. A @p theme_id that names an item of
 * another kind is refused: it is the sign of two ids given in the wrong order.
 *
 * @return also #SNPLP_EINVAL for a NULL or out-of-range @p level, or a @p theme_id naming an
 *         item that is not a theme, and #SNPLP_EBADID for a malformed @p theme_id.
 * @since 1.3
 */
SNPLP_API int snplp_referential_add_module_to_theme(snplp_module **out, snplp_referential *ref,
                                                    const char *id, const char *theme_id,
                                                    snplp_level level, const char *title);

/**
 * @brief Adds a module of the theme @p theme_id, the theme's id first.
 * @deprecated Since 1.3: use snplp_referential_add_module_to_theme() (the module's id first,
 *             as every add) or snplp_theme_add_module(); the same otherwise (a @p theme_id
 *             naming an item of another kind is refused too).
 */
SNPLP_API int snplp_referential_add_module(snplp_module **out, snplp_referential *ref,
                                           const char *theme_id, const char *id, snplp_level level,
                                           const char *title)
    SNPLP_DEPRECATED("snplp_referential_add_module_to_theme()");
/** @brief The number of modules, all themes together. */
SNPLP_API size_t snplp_referential_module_count(const snplp_referential *ref);
/** @brief The module at @p index in insertion order, all themes together; NULL if out of range. */
SNPLP_API snplp_module *snplp_referential_module_at(const snplp_referential *ref, size_t index);
/** @brief The module with @p id, NULL if none. */
SNPLP_API snplp_module *snplp_referential_module_find(const snplp_referential *ref, const char *id);
/** @} */

/**
 * @name Professions
 * @{
 */
/** @brief Adds a targeted profession or cadre role (contract of
 *         snplp_referential_add_commitment(); #SNPLP_EINVAL for a bad @p category). */
SNPLP_API int snplp_referential_add_profession(snplp_profession **out, snplp_referential *ref,
                                               const char *id, snplp_category category,
                                               const char *title);
/** @brief The number of professions. */
SNPLP_API size_t snplp_referential_profession_count(const snplp_referential *ref);
/** @brief The profession at @p index, NULL if out of range. */
SNPLP_API snplp_profession *snplp_referential_profession_at(const snplp_referential *ref,
                                                            size_t index);
/** @brief The profession with @p id, NULL if none. */
SNPLP_API snplp_profession *snplp_referential_profession_find(const snplp_referential *ref,
                                                              const char *id);
/** @} */

/**
 * @name Diploma-level rules
 * @{
 */
/** @brief Adds a diploma-level rule with its wording (contract of
 *         snplp_referential_add_commitment()). */
SNPLP_API int snplp_referential_add_diploma_rule(snplp_diploma_rule **out, snplp_referential *ref,
                                                 const char *id, const char *text);
/** @brief The number of diploma-level rules. */
SNPLP_API size_t snplp_referential_diploma_rule_count(const snplp_referential *ref);
/** @brief The diploma-level rule at @p index, NULL if out of range. */
SNPLP_API snplp_diploma_rule *snplp_referential_diploma_rule_at(const snplp_referential *ref,
                                                                size_t index);
/** @brief The diploma-level rule with @p id, NULL if none. */
SNPLP_API snplp_diploma_rule *snplp_referential_diploma_rule_find(const snplp_referential *ref,
                                                                  const char *id);
/** @} */

/**
 * @name Funding lines
 * @{
 */
/** @brief Adds a funding line (contract of snplp_referential_add_commitment()). */
SNPLP_API int snplp_referential_add_funding(snplp_funding **out, snplp_referential *ref,
                                            const char *id, const char *title);
/** @brief The number of funding lines. */
SNPLP_API size_t snplp_referential_funding_count(const snplp_referential *ref);
/** @brief The funding line at @p index, NULL if out of range. */
SNPLP_API snplp_funding *snplp_referential_funding_at(const snplp_referential *ref, size_t index);
/** @brief The funding line with @p id, NULL if none. */
SNPLP_API snplp_funding *snplp_referential_funding_find(const snplp_referential *ref,
                                                        const char *id);
/** @} */

/**
 * @name Other plans
 * @{
 */
/** @brief Adds another plan of the strategy (contract of snplp_referential_add_commitment()). */
SNPLP_API int snplp_referential_add_plan(snplp_plan **out, snplp_referential *ref, const char *id,
                                         const char *title);
/** @brief The number of other plans. */
SNPLP_API size_t snplp_referential_plan_count(const snplp_referential *ref);
/** @brief The plan at @p index, NULL if out of range. */
SNPLP_API snplp_plan *snplp_referential_plan_at(const snplp_referential *ref, size_t index);
/** @brief The plan with @p id, NULL if none. */
SNPLP_API snplp_plan *snplp_referential_plan_find(const snplp_referential *ref, const char *id);
/** @} */

/**
 * @name Lookup of nested items by id
 * Items that live under another item are also found from the referential.
 * @{
 */
/** @brief The competence with @p id, NULL if none. */
SNPLP_API snplp_competence *snplp_referential_competence_find(const snplp_referential *ref,
                                                              const char *id);
/** @brief The content item with @p id, NULL if none. */
SNPLP_API snplp_content *snplp_referential_content_find(const snplp_referential *ref,
                                                        const char *id);
/** @brief The objective with @p id, NULL if none. */
SNPLP_API snplp_objective *snplp_referential_objective_find(const snplp_referential *ref,
                                                            const char *id);
/** @brief The learning outcome with @p id, NULL if none. */
SNPLP_API snplp_outcome *snplp_referential_outcome_find(const snplp_referential *ref,
                                                        const char *id);
/** @brief The pedagogical recommendation with @p id, NULL if none. */
SNPLP_API snplp_recommendation *snplp_referential_recommendation_find(const snplp_referential *ref,
                                                                      const char *id);
/** @brief The plan theme with @p id, NULL if none. */
SNPLP_API snplp_plan_theme *snplp_referential_plan_theme_find(const snplp_referential *ref,
                                                              const char *id);
/** @brief The figure with @p id, NULL if none. */
SNPLP_API snplp_figure *snplp_referential_figure_find(const snplp_referential *ref, const char *id);
/** @} */

SNPLP_END_DECLS

#endif
