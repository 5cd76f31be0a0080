/* Status codes and the per-thread last error (a fixed buffer: recording an error never
 * allocates, so out-of-memory can always be reported). */
#include "util/errors.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MESSAGE_MAX 1024

static _Thread_local int last_code;
static _Thread_local char last_message[MESSAGE_MAX];
/* The public function that recorded the last error ("" if none named: a static string, such as
 * __func__), and where its reason starts in last_message (after "function: "). */
static _Thread_local const char *last_function = "";
static _Thread_local size_t last_reason;
/* The errno of the system call whose failure is the last error (0: none). */
static _Thread_local int last_errno;

static const struct {
    int code;
    const char *name;
    const char *message;
} statuses[] = {
    {SNPLP_OK, "SNPLP_OK", "success"},
    {SNPLP_EINVAL, "SNPLP_EINVAL", "invalid argument"},
    {SNPLP_ENOMEM, "SNPLP_ENOMEM", "out of memory"},
    {SNPLP_ENOTFOUND, "SNPLP_ENOTFOUND", "not found"},
    {SNPLP_EEXISTS, "SNPLP_EEXISTS", "already exists"},
    {SNPLP_EBADID, "SNPLP_EBADID", "malformed id"},
    {SNPLP_EENCODING, "SNPLP_EENCODING", "invalid text encoding"},
    {SNPLP_EIO, "SNPLP_EIO", "input/output error"},
    {SNPLP_EPARSE, "SNPLP_EPARSE", "malformed input"},
    {SNPLP_EVALIDATION, "SNPLP_EVALIDATION", "the data breaks a rule"},
    {SNPLP_EINTERNAL, "SNPLP_EINTERNAL", "internal error in a dependency"},
    {SNPLP_EFROZEN, "SNPLP_EFROZEN", "the object is frozen"},
};

const char *snplp_status_name(int status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (statuses[i].code == status)
            return statuses[i].name;
    return "SNPLP_E?";
}

const char *snplp_status_message(int status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (statuses[i].code == status)
            return statuses[i].message;
    return "unknown status";
}

/* s holds n bytes (then a NUL) cut from a longer UTF-8 text: drops a last character that was
 * cut in the middle. */
static void cut_utf8(char *s, size_t n)
{
    size_t lead = n;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    unsigned char c = (unsigned char)s[lead - 1];
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (lead - 1 + len > n)
        s[lead - 1] = '\0';
}

/* Formats into last_message from offset at on, cutting on a UTF-8 boundary. */
__attribute__((format(printf, 2, 0))) static void record(size_t at, const char *fmt, va_list ap)
{
    int n = vsnprintf(last_message + at, sizeof last_message - at, fmt, ap);
    if (n < 0)
        last_message[at] = '\0';
    else if ((size_t)n >= sizeof last_message - at)
        cut_utf8(last_message, sizeof last_message - 1);
}

int snplp__fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(0, fmt, ap);
    va_end(ap);
    last_code = code;
    last_function = "";
    last_reason = 0;
    last_errno = 0;
    return code;
}

int snplp__fail_in(const char *fn, int code, const char *fmt, ...)
{
    int n = snprintf(last_message, sizeof last_message, "%s: ", fn);
    size_t at = n < 0 ? 0 : (size_t)n < sizeof last_message / 2 ? (size_t)n : 0;
    va_list ap;
    va_start(ap, fmt);
    record(at, fmt, ap);
    va_end(ap);
    last_code = code;
    last_function = at ? fn : "";
    last_reason = at;
    last_errno = 0;
    return code;
}

void snplp__error_set_errno(int err)
{
    last_errno = err;
}

int snplp__oom(void)
{
    last_code = SNPLP_ENOMEM;
    strcpy(last_message, "out of memory");
    last_function = "";
    last_reason = 0;
    last_errno = 0;
    return SNPLP_ENOMEM;
}

int snplp__bad_arg(const char *fn, const char *what)
{
    return snplp__fail_in(fn, SNPLP_EINVAL, "%s", what);
}

int snplp_error_last_code(void)
{
    return last_code;
}

const char *snplp_error_last_message(void)
{
    return last_message;
}

const char *snplp_error_last_function(void)
{
    return last_function;
}

const char *snplp_error_last_reason(void)
{
    return last_message + last_reason;
}

int snplp_error_last_errno(void)
{
    return last_errno;
}

void snplp_error_clear(void)
{
    last_code = SNPLP_OK;
    last_message[0] = '\0';
    last_function = "";
    last_reason = 0;
    last_errno = 0;
}

const char *snplp__quote(char *buf, size_t size, const char *s)
{
    if (!s)
        return "(null)";
    if (size < 8)
        return "...";
    size_t o = 0, i = 0;
    for (; s[i] && o < size - 4; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[o++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    if (s[i]) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = '\0';
    return buf;
}
