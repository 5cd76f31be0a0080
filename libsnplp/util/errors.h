/* Internal: recording the per-thread last error. */
#ifndef SNPLP_INTERNAL_ERRORS_H
#define SNPLP_INTERNAL_ERRORS_H

#include <stddef.h>

#include <snplp/errors.h>

/* Records code and a printf-formatted message for the calling thread; returns code. */
int snplp__fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same for an error of the public function fn (a static string, e.g. __func__): the message
 * is "fn: " then the formatted reason, and snplp_error_last_function() / _reason() give the two
 * parts. */
int snplp__fail_in(const char *fn, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records the errno of the failed system call behind the error just recorded (each of the calls
 * above resets it to 0): snplp_error_last_errno(). */
void snplp__error_set_errno(int err);
/* Records SNPLP_ENOMEM without allocating; returns SNPLP_ENOMEM. */
int snplp__oom(void);
/* Records SNPLP_EINVAL for a NULL or wrong-kind argument of function fn. */
int snplp__bad_arg(const char *fn, const char *what);

/* A printable, bounded rendering of untrusted text for error messages: ASCII kept, other bytes
 * as '?', cut with "..." to fit size; "(null)" for NULL. Returns buf (or a static string). */
const char *snplp__quote(char *buf, size_t size, const char *s);

#endif
