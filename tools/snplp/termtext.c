/* Text for a terminal: display widths, cleaning, wrapping and aligned tables (termtext.h). */
#include "termtext.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

/* ---- widths ---- */

static size_t cp_width(UChar32 c)
{
    if (c < 0)
        return 1; /* invalid UTF-8: shown as U+FFFD */
    int8_t cat = u_charType(c);
    if (cat == U_CONTROL_CHAR || cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK ||
        cat == U_FORMAT_CHAR)
        return 0;
    int hst = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
    if (hst == U_HST_VOWEL_JAMO || hst == U_HST_TRAILING_JAMO)
        return 0;
    int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

/* The width of @p len bytes at @p s. */
static size_t width_n(const char *s, size_t len)
{
    size_t w = 0;
    int32_t i = 0, n = (int32_t)len;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        w += cp_width(c);
    }
    return w;
}

size_t tt_width(const char *text)
{
    return text ? width_n(text, strlen(text)) : 0;
}

/* ---- cleaning ---- */

char *tt_clean(const char *text)
{
    if (!text)
        text = "";
    size_t len = strlen(text);
    /* each invalid byte may become 3 bytes (U+FFFD) */
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    int32_t i = 0, n = (int32_t)len;
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(text, i, n, c);
        if (c < 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else if (u_charType(c) == U_CONTROL_CHAR) {
            out[o++] = ' ';
        } else if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)) {
            /* dropped */
        } else {
            memcpy(out + o, text + start, (size_t)(i - start));
            o += (size_t)(i - start);
        }
    }
    out[o] = '\0';
    return out;
}

int tt_put(FILE *out, const char *text)
{
    char *clean = tt_clean(text);
    if (!clean)
        return -1;
    fputs(clean, out);
    free(clean);
    return 0;
}

/* ---- wrapping ---- */

/* The end of @p s[0..end) without trailing spaces. */
static size_t trim_end(const char *s, size_t start, size_t end)
{
    while (end > start && s[end - 1] == ' ')
        end--;
    return end;
}

/* A line [start, end) of @p s, without trailing spaces, with @p suffix appended. */
static char *line_copy(const char *s, size_t start, size_t end, const char *suffix)
{
    end = trim_end(s, start, end);
    size_t slen = strlen(suffix);
    char *line = malloc(end - start + slen + 1);
    if (line) {
        memcpy(line, s + start, end - start);
        memcpy(line + (end - start), suffix, slen + 1);
    }
    return line;
}

/* The largest line break opportunity after @p start whose line (trailing spaces excluded) is at
 * most @p width columns; failing one, the largest grapheme boundary that is, and at least one
 * grapheme. */
static size_t fit(const char *s, size_t len, size_t start, size_t width, UBreakIterator *lines,
                  UBreakIterator *chars)
{
    size_t best = start;
    for (int32_t b = ubrk_following(lines, (int32_t)start); b != UBRK_DONE; b = ubrk_next(lines)) {
        if (width_n(s + start, trim_end(s, start, (size_t)b) - start) > width)
            break;
        best = (size_t)b;
    }
    if (best > start)
        return best;
    for (int32_t b = ubrk_following(chars, (int32_t)start); b != UBRK_DONE; b = ubrk_next(chars)) {
        if (best > start && width_n(s + start, (size_t)b - start) > width)
            break;
        best = (size_t)b;
    }
    return best > start ? best : len;
}

void tt_free_lines(char **lines, size_t count)
{
    if (!lines)
        return;
    for (size_t i = 0; i < count; i++)
        free(lines[i]);
    free(lines);
}

int tt_wrap(const char *text, size_t width, size_t max_lines, char ***out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (width < 2)
        width = 2;
    char *s = tt_clean(text);
    if (!s)
        return -1;
    size_t len = strlen(s);
    UErrorCode status = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, s, (int64_t)len, &status);
    UBreakIterator *lines = ubrk_open(UBRK_LINE, "fr", NULL, 0, &status);
    UBreakIterator *chars = ubrk_open(UBRK_CHARACTER, "fr", NULL, 0, &status);
    ubrk_setUText(lines, ut, &status);
    ubrk_setUText(chars, ut, &status);
    char **result = NULL;
    size_t n = 0;
    int rc = U_FAILURE(status) ? -1 : 0;
    size_t start = 0;
    while (rc == 0) {
        while (start < len && s[start] == ' ')
            start++;
        if (start == len)
            break;
        char **grown = realloc(result, (n + 1) * sizeof *grown);
        if (!grown) {
            rc = -1;
            break;
        }
        result = grown;
        size_t end, rest = width_n(s + start, trim_end(s, start, len) - start);
        bool last = max_lines && n + 1 == max_lines && rest > width;
        end = rest <= width ? len : fit(s, len, start, last ? width - 1 : width, lines, chars);
        if (!(result[n] = line_copy(s, start, end, last ? "\xE2\x80\xA6" : ""))) {
            rc = -1;
            break;
        }
        n++;
        start = last ? len : end;
    }
    ubrk_close(chars);
    ubrk_close(lines);
    utext_close(ut);
    free(s);
    if (rc != 0) {
        tt_free_lines(result, n);
        return -1;
    }
    *out = result;
    *count = n;
    return 0;
}

/* ---- tables ---- */

struct tt_table {
    size_t ncols;
    char **headers;   /* ncols, or NULL */
    bool *right;      /* ncols */
    char **cells;     /* rows × ncols, NULL for an empty cell */
    bool *notes;      /* rows: the row is a note, its text in its first cell */
    size_t rows, cap; /* rows used, rows allocated */
};

tt_table *tt_table_new(size_t ncols, const char *const *headers, const bool *right_aligned)
{
    if (ncols == 0 || ncols > TT_TABLE_MAX_COLUMNS)
        return NULL;
    tt_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncols = ncols;
    t->right = calloc(ncols, sizeof *t->right);
    if (!t->right)
        goto fail;
    if (right_aligned)
        memcpy(t->right, right_aligned, ncols * sizeof *t->right);
    if (headers) {
        t->headers = calloc(ncols, sizeof *t->headers);
        if (!t->headers)
            goto fail;
        for (size_t i = 0; i < ncols; i++)
            if (!(t->headers[i] = tt_clean(headers[i])))
                goto fail;
    }
    return t;
fail:
    tt_table_free(t);
    return NULL;
}

void tt_table_free(tt_table *t)
{
    if (!t)
        return;
    if (t->headers)
        for (size_t i = 0; i < t->ncols; i++)
            free(t->headers[i]);
    free(t->headers);
    for (size_t i = 0; i < t->rows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->notes);
    free(t->right);
    free(t);
}

int tt_table_add_row(tt_table *t)
{
    if (t->rows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **cells = realloc(t->cells, cap * t->ncols * sizeof *cells);
        if (!cells)
            return -1;
        t->cells = cells;
        bool *notes = realloc(t->notes, cap * sizeof *notes);
        if (!notes)
            return -1;
        t->notes = notes;
        t->cap = cap;
    }
    for (size_t i = 0; i < t->ncols; i++)
        t->cells[t->rows * t->ncols + i] = NULL;
    t->notes[t->rows] = false;
    t->rows++;
    return 0;
}

int tt_table_add_note(tt_table *t, const char *text)
{
    if (tt_table_add_row(t) != 0)
        return -1;
    t->notes[t->rows - 1] = true;
    return tt_table_set(t, 0, text);
}

int tt_table_set(tt_table *t, size_t col, const char *text)
{
    if (!t->rows || col >= t->ncols)
        return -1;
    char *copy = tt_clean(text);
    if (!copy)
        return -1;
    char **cell = &t->cells[(t->rows - 1) * t->ncols + col];
    free(*cell);
    *cell = copy;
    return 0;
}

int tt_table_setf(tt_table *t, size_t col, const char *format, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(buf, sizeof buf, format, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf)
        return -1;
    return tt_table_set(t, col, buf);
}

static void put_spaces(FILE *out, size_t n)
{
    for (; n > 0; n--)
        fputc(' ', out);
}

/* Prints one line: @p cells (ncols of them, NULL for empty). */
static void print_line(const tt_table *t, FILE *out, size_t indent, char *const *cells,
                       const size_t *widths)
{
    size_t last = 0; /* one past the last non-empty cell */
    for (size_t i = 0; i < t->ncols; i++)
        if (cells[i] && cells[i][0])
            last = i + 1;
    if (last == 0) {
        fputc('\n', out);
        return;
    }
    put_spaces(out, indent);
    for (size_t i = 0; i < last; i++) {
        const char *text = cells[i] ? cells[i] : "";
        size_t w = tt_width(text), pad = widths[i] > w ? widths[i] - w : 0;
        if (i > 0)
            put_spaces(out, 2);
        if (t->right[i])
            put_spaces(out, pad);
        fputs(text, out);
        if (!t->right[i] && i + 1 < last)
            put_spaces(out, pad);
    }
    fputc('\n', out);
}

void tt_table_print(const tt_table *t, FILE *out, size_t indent)
{
    size_t widths[TT_TABLE_MAX_COLUMNS] = {0};
    size_t ncols = t->ncols;
    for (size_t i = 0; i < ncols; i++) {
        if (t->headers)
            widths[i] = tt_width(t->headers[i]);
        for (size_t r = 0; r < t->rows; r++) {
            if (t->notes[r])
                continue;
            size_t w = tt_width(t->cells[r * t->ncols + i]);
            if (w > widths[i])
                widths[i] = w;
        }
    }
    if (t->headers) {
        print_line(t, out, indent, t->headers, widths);
        put_spaces(out, indent);
        for (size_t i = 0; i < ncols; i++) {
            if (i > 0)
                put_spaces(out, 2);
            for (size_t k = 0; k < widths[i]; k++)
                fputc('-', out);
        }
        fputc('\n', out);
    }
    for (size_t r = 0; r < t->rows; r++) {
        if (t->notes[r]) {
            put_spaces(out, indent);
            fprintf(out, "%s\n", t->cells[r * t->ncols]);
        } else
            print_line(t, out, indent, t->cells + r * t->ncols, widths);
    }
}
