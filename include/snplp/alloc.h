/**
 * @file alloc.h
 * @brief The library's memory: the allocator libsnplp uses, counters of what it holds, and the
 *        one function that frees what it hands over to the caller.
 *
 * Every allocation libsnplp makes goes through one internal allocator that counts the bytes
 * currently held and their peak. By default it takes its memory from the C library's
 * `malloc()`, `realloc()` and `free()`; an embedder may give it other functions with
 * snplp_set_allocator() (a memory pool, a counting or limiting allocator, a debugging one).
 *
 * libxml2 and ICU manage their own memory and are not counted. Their allocators are
 * process-wide settings of those libraries (`xmlMemSetup()`, `u_setMemoryFunctions()`), shared
 * with every other user of them in the process: libsnplp never changes them, they stay the
 * application's choice.
 *
 * The counters are process-wide and updated atomically.
 */
#ifndef SNPLP_ALLOC_H
#define SNPLP_ALLOC_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/**
 * @brief An allocation function of an embedder's allocator, like `malloc()`.
 * @param context the context given to snplp_set_allocator().
 * @param size the number of bytes wanted (never 0: libsnplp asks for at least its block
 *        header).
 * @return a block aligned for any object (`max_align_t`, as `malloc()` does), or NULL when
 *         there is no memory: libsnplp then returns #SNPLP_ENOMEM.
 */
typedef void *(*snplp_malloc_fn)(void *context, size_t size);

/**
 * @brief A reallocation function of an embedder's allocator, like `realloc()`.
 * @param context the context given to snplp_set_allocator().
 * @param ptr a block this allocator returned (never NULL).
 * @param size the new size in bytes (never 0).
 * @return the moved or grown block, aligned as for #snplp_malloc_fn, or NULL when there is no
 *         memory; on NULL, @p ptr must be left allocated and unchanged.
 */
typedef void *(*snplp_realloc_fn)(void *context, void *ptr, size_t size);

/**
 * @brief A release function of an embedder's allocator, like `free()`.
 * @param context the context given to snplp_set_allocator().
 * @param ptr a block this allocator returned (never NULL).
 */
typedef void (*snplp_free_fn)(void *context, void *ptr);

/**
 * @brief Sets the allocator every later allocation of libsnplp uses, or restores the default.
 *
 * Call it before libsnplp allocates anything (typically at the start of the program) or at a
 * moment when libsnplp holds no memory at all: every block must be freed by the allocator that
 * gave it. It is not synchronised with other calls: no other thread may be using libsnplp
 * while it runs. The functions must be thread-safe if libsnplp is used from several threads.
 *
 * The allocator governs libsnplp's own memory only, including the buffers it hands over (freed
 * with snplp_free()); libxml2's and ICU's allocations are not affected (see the file's
 * description). libsnplp adds a small header (16 bytes on x86-64) to each block it asks for,
 * so the sizes the functions see are a little larger than the counters'.
 *
 * @param malloc_fn the allocation function, or NULL with the two others NULL to restore the C
 *        library's `malloc()`, `realloc()` and `free()`.
 * @param realloc_fn the reallocation function.
 * @param free_fn the release function.
 * @param context passed unchanged as the first argument of the three functions (may be NULL).
 * @return #SNPLP_OK; #SNPLP_EINVAL (allocator unchanged) when only some of the functions are
 *         NULL, or when libsnplp still holds memory (snplp_memory_blocks() is not zero): the
 *         thread's last error message says how many blocks.
 */
SNPLP_API int snplp_set_allocator(snplp_malloc_fn malloc_fn, snplp_realloc_fn realloc_fn,
                                  snplp_free_fn free_fn, void *context);

/**
 * @brief Number of blocks libsnplp currently holds in this process, whatever their size (a
 *        block of 0 bytes counts too). Zero when every object and every handed-over buffer has
 *        been freed: then snplp_set_allocator() may change the allocator.
 */
SNPLP_API size_t snplp_memory_blocks(void);

/** @brief Bytes currently allocated by libsnplp in this process (payloads, not headers). */
SNPLP_API size_t snplp_memory_used(void);

/** @brief The highest value snplp_memory_used() has reached since the start or the last
 *         snplp_memory_reset_peak(). */
SNPLP_API size_t snplp_memory_peak(void);

/** @brief Sets the peak to the current use, to measure the peak of one operation. */
SNPLP_API void snplp_memory_reset_peak(void);

/**
 * @brief Frees a buffer that a libsnplp function handed over to the caller (the documentation
 *        of such functions says so, e.g. snplp_text_fold()), with the allocator that gave it.
 *        NULL is a no-op.
 */
SNPLP_API void snplp_free(void *ptr);

SNPLP_END_DECLS

#endif
