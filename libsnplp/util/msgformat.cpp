// ICU's MessageFormat for the library's messages (util/messages.h). ICU's formatting with named
// arguments exists only in its C++ API: this file is the library's only C++, and uses nothing
// of the C++ standard library (no exceptions, no RTTI, no static objects); ICU's objects
// allocate with ICU's allocator, the result with the library's.
#include <stdlib.h>
#include <string.h>

#include <unicode/fmtable.h>
#include <unicode/ucal.h>
#include <unicode/listformatter.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

extern "C" {
#include "util/alloc.h"
#include "util/errors.h"
#include "util/messages.h"
}

using icu::Formattable;
using icu::ListFormatter;
using icu::Locale;
using icu::MessageFormat;
using icu::MessagePattern;
using icu::StringPiece;
using icu::UnicodeString;

namespace
{

// "YYYY-MM-DD" as ICU's date: noon UTC of that day, so that it is the same day in every time
// zone from UTC-11 to UTC+11 (ICU formats dates in the default time zone), computed by ICU's
// own Gregorian calendar, which is Julian before 15 October 1582 as its formats are: the day
// written is the day given, whatever the year.
bool parse_date(const char *s, double *udate)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    long v[3] = {0, 0, 0};
    const int at[3] = {0, 5, 8}, len[3] = {4, 2, 2};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < len[k]; i++) {
            char c = s[at[k] + i];
            if (c < '0' || c > '9')
                return false;
            v[k] = v[k] * 10 + (c - '0');
        }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
        return false;
    UErrorCode st = U_ZERO_ERROR;
    static const UChar utc[] = {'U', 'T', 'C', 0};
    UCalendar *cal = ucal_open(utc, -1, "en_US", UCAL_GREGORIAN, &st);
    if (U_FAILURE(st)) {
        ucal_close(cal);
        return false;
    }
    ucal_clear(cal);
    ucal_setDateTime(cal, static_cast<int32_t>(v[0]), static_cast<int32_t>(v[1] - 1),
                     static_cast<int32_t>(v[2]), 12, 0, 0, &st);
    *udate = ucal_getMillis(cal, &st);
    ucal_close(cal);
    return U_SUCCESS(st);
}

// The texts of a list value (separated by U+001F, as many as there are), each quoted as the
// language quotes ("“a”", "« a »" with no-break spaces), joined as it joins a list ("“a”, “b”,
// and “c”").
bool format_list(const char *value, const Locale &locale, bool french, UnicodeString &out)
{
    int32_t n = 1;
    for (const char *c = value; *c; c++)
        n += *c == '\x1f';
    UnicodeString *items = new UnicodeString[n]; // (ICU's allocator: UMemory)
    if (!items)
        return false;
    const char *at = value;
    for (int32_t k = 0; k < n; k++) {
        const char *end = strchr(at, '\x1f');
        size_t len = end ? static_cast<size_t>(end - at) : strlen(at);
        UnicodeString text = UnicodeString::fromUTF8(StringPiece(at, static_cast<int32_t>(len)));
        items[k] = french ? UnicodeString(static_cast<UChar>(0xAB)) + UChar(0xA0) + text +
                                UChar(0xA0) + UChar(0xBB)
                          : UnicodeString(static_cast<UChar>(0x201C)) + text + UChar(0x201D);
        at = end ? end + 1 : at + len;
    }
    UErrorCode st = U_ZERO_ERROR;
    ListFormatter *lf = ListFormatter::createInstance(locale, st);
    if (U_SUCCESS(st))
        lf->format(items, n, out, st);
    delete lf;
    delete[] items;
    return U_SUCCESS(st);
}

int to_utf8(const UnicodeString &u, char **out)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(nullptr, 0, &n, u.getBuffer(), u.length(), &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return SNPLP_EINTERNAL;
    char *s = static_cast<char *>(snplp__malloc(static_cast<size_t>(n) + 1));
    if (!s)
        return snplp__oom();
    st = U_ZERO_ERROR;
    u_strToUTF8(s, n + 1, nullptr, u.getBuffer(), u.length(), &st);
    if (U_FAILURE(st)) {
        snplp__free(s);
        return SNPLP_EINTERNAL;
    }
    *out = s;
    return 0;
}

} // namespace

// A thread's formats of the catalogue's patterns, made once (a MessageFormat and the number
// formats it makes cost far more than formatting): the patterns are the catalogue's own, in
// ICU's data for the whole process, known by their address. Not the library's allocator: the
// cache outlives every object of the library, it is not the caller's memory.
struct snplp_msgformat_cache {
    enum { SIZE = 64, NAMES = 512 };
    struct {
        const void *pattern;
        bool french;
        MessageFormat *format;
        int nnames;            /* the arguments the pattern uses, -1: it does not parse */
        const char *names[16]; /* (in text) */
        char text[NAMES];
    } entries[SIZE];
    int count;
};

extern "C" void snplp__msgformat_cache_free(void *p)
{
    snplp_msgformat_cache *c = static_cast<snplp_msgformat_cache *>(p);
    if (!c)
        return;
    for (int i = 0; i < c->count; i++)
        delete c->entries[i].format;
    free(c);
}

extern "C" void *snplp__msgformat_cache_new(void)
{
    return calloc(1, sizeof(snplp_msgformat_cache));
}

namespace
{

// Whether the n arguments are those names[0..nnames) name, each once.
bool same_names(const snplp_msg_arg *args, size_t n, const char *const *names, int nnames)
{
    if (nnames < 0 || static_cast<size_t>(nnames) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool found = false;
        for (int k = 0; k < nnames && !found; k++)
            found = strcmp(args[i].name, names[k]) == 0;
        if (!found)
            return false;
    }
    return true;
}

} // namespace

extern "C" int snplp__msgformat(void *cache, const void *pattern, int len, const char *locale,
                                const snplp_msg_arg *args, size_t n, char **out)
{
    enum { MAX_ARGS = 16 };
    if (n > MAX_ARGS)
        return SNPLP__MSG_ARGS_MISMATCH;
    snplp_msgformat_cache *c = static_cast<snplp_msgformat_cache *>(cache);
    bool french = strcmp(locale, "fr") == 0;
    MessageFormat *found = nullptr;
    int entry = -1;
    for (int i = 0; c && i < c->count && !found; i++)
        if (c->entries[i].pattern == pattern && c->entries[i].french == french) {
            found = c->entries[i].format;
            entry = i;
        }
    UErrorCode st = U_ZERO_ERROR;
    MessageFormat *made = nullptr;
    const char *local_names[MAX_ARGS];
    char local_text[snplp_msgformat_cache::NAMES];
    int nnames;
    const char *const *names_used = local_names;
    if (found) { /* the check made when it was kept */
        names_used = c->entries[entry].names;
        nnames = c->entries[entry].nnames;
    } else {
        made = new MessageFormat(UnicodeString(static_cast<const UChar *>(pattern), len),
                                 Locale(locale), st);
        if (!made)
            return snplp__oom();
        if (U_FAILURE(st)) {
            delete made;
            return st == U_MEMORY_ALLOCATION_ERROR ? snplp__oom() : SNPLP_EINTERNAL;
        }
        if (c && c->count < snplp_msgformat_cache::SIZE) { /* kept: the thread's from now on */
            auto &e = c->entries[c->count];
            e.nnames =
                snplp__msgformat_names(pattern, len, e.names, MAX_ARGS, e.text, sizeof e.text);
            e.pattern = pattern;
            e.french = french;
            e.format = made;
            c->count++;
            made = nullptr;
            found = e.format;
            names_used = e.names;
            nnames = e.nnames;
        } else {
            found = made;
            nnames = snplp__msgformat_names(pattern, len, local_names, MAX_ARGS, local_text,
                                            sizeof local_text);
        }
    }
    struct owned { // a format not kept is deleted on every way out
        MessageFormat *format;
        ~owned()
        {
            delete format;
        }
    } guard{made};
    /* the arguments given are those the pattern uses, each once */
    if (!same_names(args, n, names_used, nnames))
        return SNPLP__MSG_ARGS_MISMATCH;
    MessageFormat &mf = *found;
    UnicodeString names[MAX_ARGS];
    Formattable values[MAX_ARGS];
    for (size_t i = 0; i < n; i++) {
        names[i] = UnicodeString::fromUTF8(args[i].name);
        const char *v = args[i].value ? args[i].value : "";
        switch (args[i].type) {
        case SNPLP_PARAM_INTEGER:
        case SNPLP_PARAM_DECIMAL:
            values[i] = Formattable(StringPiece(v), st); // exact: the decimal's own digits
            if (U_FAILURE(st))
                return SNPLP_EINVAL;
            break;
        case SNPLP_PARAM_DATE: {
            double d;
            if (!parse_date(v, &d))
                return SNPLP_EINVAL;
            values[i] = Formattable(d, Formattable::kIsDate);
            break;
        }
        case SNPLP_PARAM_LIST: {
            UnicodeString list;
            if (!format_list(v, Locale(locale), strcmp(locale, "fr") == 0, list))
                return SNPLP_EINTERNAL;
            values[i] = Formattable(list);
            break;
        }
        default:
            values[i] = Formattable(UnicodeString::fromUTF8(v));
            break;
        }
    }
    UnicodeString result;
    mf.format(names, values, static_cast<int32_t>(n), result, st);
    if (U_FAILURE(st))
        return st == U_MEMORY_ALLOCATION_ERROR ? snplp__oom() : SNPLP_EINTERNAL;
    return to_utf8(result, out);
}

extern "C" int snplp__msgformat_names(const void *pattern, int len, const char **names, size_t max,
                                      char *buf, size_t buf_size)
{
    UErrorCode st = U_ZERO_ERROR;
    MessagePattern mp(UnicodeString(static_cast<const UChar *>(pattern), len), nullptr, st);
    if (U_FAILURE(st))
        return -1;
    size_t count = 0, used = 0;
    for (int32_t i = 0; i < mp.countParts(); i++) {
        const MessagePattern::Part &part = mp.getPart(i);
        if (part.getType() != UMSGPAT_PART_TYPE_ARG_NAME)
            continue;
        UnicodeString name = mp.getSubstring(part);
        char utf8[64];
        int32_t n = 0;
        UErrorCode cs = U_ZERO_ERROR;
        u_strToUTF8(utf8, sizeof utf8, &n, name.getBuffer(), name.length(), &cs);
        if (U_FAILURE(cs) || n >= static_cast<int32_t>(sizeof utf8))
            return -1;
        bool seen = false;
        for (size_t k = 0; k < count && !seen; k++)
            seen = strcmp(names[k], utf8) == 0;
        if (seen)
            continue;
        if (count == max || used + static_cast<size_t>(n) + 1 > buf_size)
            return -1;
        memcpy(buf + used, utf8, static_cast<size_t>(n) + 1);
        names[count++] = buf + used;
        used += static_cast<size_t>(n) + 1;
    }
    return static_cast<int>(count);
}
