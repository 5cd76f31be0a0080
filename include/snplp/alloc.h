/**
 * @file alloc.h
 * @brief The library's memory: counters of what libsnplp holds, and the one function that
 *        frees what it hands over to the caller.
 *
 * Every allocation libsnplp makes goes through one internal allocator that counts the bytes
 * currently held and their peak. libxml2 and ICU manage their own memory and are not counted.
 * The counters are process-wide and updated atomically.
 */
#ifndef SNPLP_ALLOC_H
#define SNPLP_ALLOC_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief Bytes currently allocated by libsnplp in this process (payloads, not headers). */
SNPLP_API size_t snplp_memory_used(void);

/** @brief The highest value snplp_memory_used() has reached since the start or the last
 *         snplp_memory_reset_peak(). */
SNPLP_API size_t snplp_memory_peak(void);

/** @brief Sets the peak to the current use, to measure the peak of one operation. */
SNPLP_API void snplp_memory_reset_peak(void);

/**
 * @brief Frees a buffer that a libsnplp function handed over to the caller (the documentation
 *        of such functions says so, e.g. snplp_text_fold()). NULL is a no-op.
 */
SNPLP_API void snplp_free(void *ptr);

SNPLP_END_DECLS

#endif
