/**
 * @file errors.h
 * @brief Status codes and the per-thread last error.
 *
 * Every function that can fail returns an `int`: #SNPLP_OK (0) on success or a negative code
 * of #snplp_status. When a function fails it also records a human-readable message for the
 * calling thread, read with snplp_error_last_message(). A success does not clear the message.
 *
 * **A lookup that finds nothing is reported as a failure**, so that the message read after it
 * is never that of an earlier failure: a `_find` function (snplp_referential_module_find(),
 * snplp_convention_action_find(), snplp_convention_list_find()...) that returns NULL and
 * snplp_referential_kind_of() returning #SNPLP_KIND_NONE record #SNPLP_ENOTFOUND with a
 * message naming the id ("no item has the id 'x'", "id 'x' is a theme, not a module"), or
 * #SNPLP_EINVAL for a NULL argument; a getter of an optional value returning #SNPLP_ENOTFOUND
 * (snplp_module_duration_days(), snplp_convention_funding()...) records it as any status. A
 * lookup that finds its item, like any success, leaves the last error as it was. The other
 * getters (`_count`, `_at`, the fields of an item) never fail and never touch the last error:
 * their NULL or 0 says all.
 */
#ifndef SNPLP_ERRORS_H
#define SNPLP_ERRORS_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/**
 * @brief The status codes returned by libsnplp. Their values are part of the ABI and never
 *        change; new codes are only ever added.
 */
typedef enum snplp_status {
    SNPLP_OK = 0,           /**< success */
    SNPLP_EINVAL = -1,      /**< invalid argument: NULL object, value out of range, wrong kind */
    SNPLP_ENOMEM = -2,      /**< out of memory; nothing was changed */
    SNPLP_ENOTFOUND = -3,   /**< no such item, or an optional value is not set */
    SNPLP_EEXISTS = -4,     /**< the id (or reference) is already used */
    SNPLP_EBADID = -5,      /**< the id is malformed (see id.h) */
    SNPLP_EENCODING = -6,   /**< text is not valid UTF-8 or holds a character XML forbids */
    SNPLP_EIO = -7,         /**< a file or stream could not be read or written */
    SNPLP_EPARSE = -8,      /**< the input is not well-formed */
    SNPLP_EVALIDATION = -9, /**< the data breaks a rule; the diagnostics say which */
    SNPLP_EINTERNAL = -10,  /**< a dependency (ICU, libxml2) failed unexpectedly */
    SNPLP_EFROZEN = -11     /**< the object is frozen: it can no longer change (1.3,
                                 snplp_referential_freeze(), snplp_convention_list_freeze()) */
} snplp_status;

/**
 * @brief The name of a status code, e.g. "SNPLP_EINVAL".
 * @return a static string; "SNPLP_E?" for a value that is not a status code.
 */
SNPLP_API const char *snplp_status_name(int status);

/**
 * @brief A short English description of a status code, e.g. "invalid argument".
 * @return a static string; "unknown status" for a value that is not a status code.
 */
SNPLP_API const char *snplp_status_message(int status);

/**
 * @brief The status of the last failure in the calling thread, #SNPLP_OK if none (or since
 *        snplp_error_clear()).
 */
SNPLP_API int snplp_error_last_code(void);

/**
 * @brief The message of the last failure in the calling thread.
 * @return a string owned by the library, valid until the next libsnplp call in this thread;
 *         never NULL ("" when there was no failure).
 */
SNPLP_API const char *snplp_error_last_message(void);

/**
 * @brief The public function whose failure is the last one of the calling thread, e.g.
 *        "snplp_date_parse": the name snplp_error_last_message() starts with.
 * @return a static string, never NULL; "" when the failure names no function (out of memory,
 *         an import whose message is its first finding) or when there was no failure.
 * @since 1.2
 */
SNPLP_API const char *snplp_error_last_function(void);

/**
 * @brief The message of the last failure in the calling thread without the function's name in
 *        front of it: what was wrong, to show a program's own user ("the day 30 of ..." where
 *        snplp_error_last_message() gives "snplp_date_parse: the day 30 of ...").
 * @return a string owned by the library, valid until the next libsnplp call in this thread;
 *         never NULL; the whole message when snplp_error_last_function() is "".
 * @since 1.2
 */
SNPLP_API const char *snplp_error_last_reason(void);

/**
 * @brief The `errno` of the system call whose failure caused the last failure of the calling
 *        thread: a file that an import could not open (`ENOENT`, `EACCES`, `EISDIR`...) or an
 *        export could not create, write or rename. Lets a program say why in its own words, or
 *        in its language (`strerror()`), and tell a missing file from a forbidden one.
 * @return the `errno` value; 0 when the last failure was not a failed system call (or when
 *         there was none).
 * @since 1.3
 */
SNPLP_API int snplp_error_last_errno(void);

/** @brief Forgets the last failure of the calling thread. */
SNPLP_API void snplp_error_clear(void);

SNPLP_END_DECLS

#endif
