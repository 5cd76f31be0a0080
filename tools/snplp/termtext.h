/* Text for a terminal: display widths of UTF-8 text, wrapping, and aligned tables.
 *
 * Widths are counted in terminal columns, not bytes: one column per code point, none for
 * combining marks (general categories Mn, Me), format characters (Cf) and Hangul medial and
 * final jamo, two for East Asian wide and fullwidth characters. A text and its NFD form have
 * the same width ("é" as U+00E9 or as e + U+0301: one column). Untrusted text (labels, titles,
 * reasons) is cleaned before it is shown: controls become spaces and bidirectional controls are
 * dropped, so a label cannot move the cursor nor reorder what follows it. Invalid UTF-8 is shown
 * as U+FFFD. Wrapping breaks at ICU's line break opportunities (French rules: no break before
 * the non-breaking space of « : »), and inside a word only at grapheme cluster boundaries. */
#ifndef SNPLP_TOOLS_TERMTEXT_H
#define SNPLP_TOOLS_TERMTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The number of terminal columns @p text (UTF-8, NUL-terminated) takes. */
size_t tt_width(const char *text);

/* A copy of @p text (malloc) with every control character (C0, C1, DEL) replaced by a space,
 * bidirectional controls removed and invalid UTF-8 replaced by U+FFFD; NULL if out of memory. */
char *tt_clean(const char *text);

/* Writes @p text cleaned (tt_clean()) to @p out. Returns 0, or -1 if out of memory. */
int tt_put(FILE *out, const char *text);

/* Wraps @p text (cleaned first) into lines of at most @p width columns (at least 2), at most
 * @p max_lines of them (0: no limit); when the text needs more, the last line ends with "…".
 * @p lines receives an array (malloc) of strings (malloc), @p count their number (0 for a blank
 * text). Returns 0, or -1 if out of memory or if ICU fails (nothing to free then). */
int tt_wrap(const char *text, size_t width, size_t max_lines, char ***lines, size_t *count);

/* Frees what tt_wrap() returned. */
void tt_free_lines(char **lines, size_t count);

/* A table of text cells, printed with its columns aligned by display width. */
typedef struct tt_table tt_table;

#define TT_TABLE_MAX_COLUMNS 16

/* A table with 1 to #TT_TABLE_MAX_COLUMNS columns; @p headers their headings (may be NULL: no
 * heading line),
 * @p right_aligned which ones are aligned to the right (may be NULL). NULL if out of memory. */
tt_table *tt_table_new(size_t ncols, const char *const *headers, const bool *right_aligned);
void tt_table_free(tt_table *table);
/* Appends an empty row (a blank line if nothing is set in it). Returns 0 or -1. */
int tt_table_add_row(tt_table *table);
/* Sets the cell at @p col of the last row to a cleaned copy of @p text. Returns 0 or -1. */
int tt_table_set(tt_table *table, size_t col, const char *text);
/* Appends a row that holds one text, printed as it is: it takes no part in the widths of the
 * columns (an id too long for its column, on a line of its own). Returns 0 or -1. */
int tt_table_add_note(tt_table *table, const char *text);
/* Like tt_table_set(), with printf formatting. */
int tt_table_setf(tt_table *table, size_t col, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
/* Prints the table, each line preceded by @p indent spaces: the headings, a rule of dashes
 * under them, then the rows. Columns are separated by two spaces; the last column is not
 * padded and no line ends with a space. */
void tt_table_print(const tt_table *table, FILE *out, size_t indent);

#endif
