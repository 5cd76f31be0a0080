/**
 * @file builtin.h
 * @brief The built-in referential: the strategy as the source documents state it.
 *
 * The data is compiled into the library (no file is read at run time). It is transcribed
 * verbatim from the seed documents: the five commitments, the levers, the training plan with
 * its objectives and priority audience, the six themes, the two modules of the insertion theme
 * with their competences and content, the targeted professions, the diploma-level rule, the
 * funding, and the early-childhood plans. docs/referential.md lists its sources, its counts, the
 * id scheme (a stable contract: ids are never renamed) and every transcription choice.
 */
#ifndef SNPLP_BUILTIN_H
#define SNPLP_BUILTIN_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/**
 * @brief Creates a new referential holding the built-in SNPLP referential.
 *
 * Each call returns a new, independent referential owned by the caller (release it with
 * snplp_referential_unref()); it is mutable, so a program may extend or amend it without
 * affecting other copies. Thread-safe: several threads may call it at once.
 *
 * @param[out] out The new referential; left unchanged on failure.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL @p out), #SNPLP_ENOMEM, or #SNPLP_EINTERNAL if the
 *         compiled-in data could not be read (a build defect; the message says where).
 */
SNPLP_API int snplp_referential_builtin(snplp_referential **out);

SNPLP_END_DECLS

#endif
