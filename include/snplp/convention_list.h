/**
 * @file convention_list.h
 * @brief A list of conventions: what a file of conventions holds (one convention, or a
 *        région's set), what a synthesis aggregates.
 *
 * The list holds one reference to each convention (convention.h): a convention stays alive
 * while the list holds it, and may be held by several lists. Convention ids are unique in a
 * list. Lists keep insertion order.
 */
#ifndef SNPLP_CONVENTION_LIST_H
#define SNPLP_CONVENTION_LIST_H

#include <snplp/common.h>
#include <snplp/decimal.h>

SNPLP_BEGIN_DECLS

/**
 * @brief Creates an empty list.
 * @param[out] out receives the list (free with snplp_convention_list_free()).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL @p out); #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_list_new(snplp_convention_list **out);

/** @brief Frees a list, releasing its reference to each convention. NULL is a no-op. */
SNPLP_API void snplp_convention_list_free(snplp_convention_list *list);

/**
 * @brief Freezes the list and every convention it holds (snplp_convention_freeze()), for good:
 *        from then on snplp_convention_list_add(), snplp_convention_list_remove(),
 *        snplp_csv_import_*() into it and every change
 *        of its conventions fail with #SNPLP_EFROZEN ("the list of conventions is frozen", "the
 *        convention 'x' is frozen") and change nothing. Reading is unchanged and takes no lock,
 *        so a frozen list can be shared between threads (a server's synthesis). Irreversible;
 *        freezing again does nothing. Freeing the list stays allowed (its conventions stay
 *        frozen).
 * @return #SNPLP_OK; #SNPLP_EINVAL for NULL or an object of another type.
 * @since 1.3
 */
SNPLP_API int snplp_convention_list_freeze(snplp_convention_list *list);

/** @brief Whether the list is frozen (false for NULL). @since 1.3 */
SNPLP_API bool snplp_convention_list_is_frozen(const snplp_convention_list *list);

/**
 * @brief Appends a convention, taking a new reference to it (the caller keeps its own).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL); #SNPLP_EEXISTS (a convention with that id is already
 *         in the list); #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_list_add(snplp_convention_list *list, snplp_convention *conv);

/**
 * @brief Removes the convention whose id is @p id from the list, releasing the list's reference
 *        to it; the conventions after it move up one place.
 *
 * The convention itself lives on while another reference holds it (the caller's own, another
 * list's): a pointer to it taken with snplp_convention_ref() stays valid, a pointer borrowed from
 * this list (snplp_convention_list_at(), snplp_convention_list_find()) must not be used after
 * the call unless such a reference is held.
 *
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL @p list or @p id); #SNPLP_ENOTFOUND (no convention of
 *         that id in the list; nothing changed); #SNPLP_ENOMEM (nothing changed).
 * @since 1.3
 */
SNPLP_API int snplp_convention_list_remove(snplp_convention_list *list, const char *id);

/** @brief The number of conventions (0 for NULL). */
SNPLP_API size_t snplp_convention_list_count(const snplp_convention_list *list);

/** @brief The convention at @p index, NULL if out of range. Borrowed from the list. */
SNPLP_API snplp_convention *snplp_convention_list_at(const snplp_convention_list *list,
                                                     size_t index);

/** @brief The convention whose id is @p id, NULL if none. Borrowed from the list. */
SNPLP_API snplp_convention *snplp_convention_list_find(const snplp_convention_list *list,
                                                       const char *id);

/**
 * @brief Deep equality: the same number of conventions, equal one by one in order
 *        (snplp_convention_equal()). Two NULLs are equal.
 */
SNPLP_API bool snplp_convention_list_equal(const snplp_convention_list *a,
                                           const snplp_convention_list *b);

/**
 * @brief The synthesis of the list's conventions: snplp_synthesis() (synthesis.h) on them, in
 *        order.
 */
SNPLP_API int snplp_convention_list_synthesis(snplp_matrix **out, const snplp_convention_list *list,
                                              const snplp_decimal *threshold_percent,
                                              snplp_diagnostics *diags);

SNPLP_END_DECLS

#endif
