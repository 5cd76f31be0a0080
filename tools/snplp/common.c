/* What the commands of the snplp program share (common.h). */
#define _POSIX_C_SOURCE 200809L /* fileno(), fstat(), isatty() */
#include "common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "help.h"

/* Prints the lines of @p synopsis, the first after *lead ("usage: "), the others aligned under
 * it; *lead becomes the indentation. */
static void print_synopsis(FILE *out, const char *synopsis, const char **lead)
{
    for (const char *line = synopsis; *line;) {
        const char *nl = strchr(line, '\n');
        fprintf(out, "%s%.*s\n", *lead, (int)(nl - line), line);
        *lead = "       ";
        line = nl + 1;
    }
}

void cli_print_usage(FILE *out)
{
    const char *lead = "usage: ";
    for (size_t i = 0; i < cli_help_count; i++)
        print_synopsis(out, cli_helps[i].synopsis, &lead);
    fprintf(out, "%ssnplp --help | --version\n", lead);
}

void cli_print_help(FILE *out)
{
    cli_print_usage(out);
    fprintf(out, "\n%s\n%s", cli_help_summary, cli_help_common);
    for (size_t i = 0; i < cli_help_count; i++)
        fprintf(out, "\n%s\n%s", cli_helps[i].synopsis, cli_helps[i].text);
}

int cli_print_command_help(const char *command)
{
    const cli_help *h = cli_help_find(command);
    const char *lead = "usage: ";
    if (h) {
        print_synopsis(stdout, h->synopsis, &lead);
        printf("\n%s\nSee snplp --help or man snplp for what every command shares.\n", h->text);
    }
    return fflush(stdout) == 0 ? 0 : 1;
}

int cli_usage_error(const char *cmd, const char *format, ...)
{
    va_list ap;
    fprintf(stderr, "snplp%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'snplp%s%s --help'.\n", cmd ? " " : "", cmd ? cmd : "");
    return 2;
}

bool cli_quiet;

void cli_say(const char *format, ...)
{
    if (cli_quiet || !isatty(STDERR_FILENO))
        return;
    va_list ap;
    fputs("snplp: ", stderr);
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ---- inputs ---- */

/* How much is read ahead to find the root element, at most. */
#define HEAD_MAX 65536
/* Inputs from this size on show their progress (on a terminal). */
#define PROGRESS_FROM (1024 * 1024)

static bool stdin_taken;

int cli_input_open(cli_input *in, const char *path, FILE *messages)
{
    memset(in, 0, sizeof *in);
    in->path = path;
    in->last_percent = -1;
    int err = 0;
    struct stat st;
    if (strcmp(path, "-") == 0) {
        if (stdin_taken) {
            fprintf(messages, "%s: error: [io] cannot open standard input twice\n", path);
            return -1;
        }
        stdin_taken = true;
        in->file = stdin;
    } else if (!(in->file = fopen(path, "rb"))) {
        err = errno;
    } else if (fstat(fileno(in->file), &st) == 0 && S_ISDIR(st.st_mode)) {
        err = EISDIR;
        fclose(in->file);
        in->file = NULL;
    }
    if (!in->file) {
        fprintf(messages, "%s: error: [io] cannot open %s: %s\n", path, path, strerror(err));
        return -1;
    }
    if (fstat(fileno(in->file), &st) == 0 && S_ISREG(st.st_mode))
        in->size = (unsigned long long)st.st_size;
    return 0;
}

/* Whether the start tag @p tag (@p len bytes, from its '<' to its '>') declares @p prefix
 * (@p plen bytes; none: the default namespace) as the LHEO 2.3 namespace. */
static bool declares_lheo(const char *tag, size_t len, const char *prefix, size_t plen)
{
    static const char ns[] = SNPLP_LHEO_NAMESPACE;
    size_t i = 1;
    while (i < len && !strchr(" \t\r\n", tag[i])) /* the element's name */
        i++;
    for (;;) {
        while (i < len && strchr(" \t\r\n", tag[i]))
            i++;
        size_t name = i;
        while (i < len && !strchr(" \t\r\n=/>", tag[i]))
            i++;
        size_t name_len = i - name;
        while (i < len && strchr(" \t\r\n", tag[i]))
            i++;
        if (name_len == 0 || i >= len || tag[i] != '=')
            return false; /* the end of the tag, or not an attribute */
        i++;
        while (i < len && strchr(" \t\r\n", tag[i]))
            i++;
        if (i >= len || (tag[i] != '"' && tag[i] != '\''))
            return false;
        const char *value = tag + i + 1, *end = memchr(value, tag[i], len - i - 1);
        if (!end)
            return false;
        i = (size_t)(end - tag) + 1;
        bool named = plen ? name_len == 6 + plen && memcmp(tag + name, "xmlns:", 6) == 0 &&
                                memcmp(tag + name + 6, prefix, plen) == 0
                          : name_len == 5 && memcmp(tag + name, "xmlns", 5) == 0;
        if (named)
            return (size_t)(end - value) == sizeof ns - 1 && memcmp(value, ns, sizeof ns - 1) == 0;
    }
}

/* The kind of document whose first bytes are @p p (@p n of them; @p complete: that is all of
 * it), or -1 when more bytes are needed. */
static int sniff(const char *p, size_t n, bool complete)
{
    size_t i = 0;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (;;) {
        while (i < n && p[i] != '<')
            if (strchr(" \t\r\n", p[i++]) == NULL)
                return CLI_DOC_UNKNOWN; /* text before the root: not the format */
        if (i + 4 > n)
            return complete ? CLI_DOC_UNKNOWN : -1;
        const char *rest = p + i, *end = NULL;
        size_t left = n - i;
        if (rest[1] == '?' || rest[1] == '!') { /* a declaration, comment or DOCTYPE */
            const char *close = rest[1] == '?' ? "?>" : memcmp(rest, "<!--", 4) == 0 ? "-->" : ">";
            for (size_t k = 2; k + strlen(close) <= left && !end; k++)
                if (memcmp(rest + k, close, strlen(close)) == 0)
                    end = rest + k + strlen(close);
            if (!end)
                return complete ? CLI_DOC_UNKNOWN : -1;
            i = (size_t)(end - p);
            continue;
        }
        /* the root element: its name, without a prefix */
        size_t k = 1;
        while (k < left && !strchr(" \t\r\n/>", rest[k]))
            k++;
        if (k == left)
            return complete ? CLI_DOC_UNKNOWN : -1;
        const char *name = rest + 1;
        size_t len = k - 1;
        const char *colon = memchr(name, ':', len);
        if (colon) {
            len -= (size_t)(colon + 1 - name);
            name = colon + 1;
        }
        if (len == 11 && memcmp(name, "referential", 11) == 0)
            return CLI_DOC_REFERENTIAL;
        if (len == 11 && memcmp(name, "conventions", 11) == 0)
            return CLI_DOC_CONVENTIONS;
        if (len == 7 && memcmp(name, "records", 7) == 0)
            return CLI_DOC_RECORDS;
        if (len == 4 && memcmp(name, "lheo", 4) == 0) { /* and in the LHEO namespace */
            const char *close = NULL;
            char quote = 0;
            for (size_t t = k; t < left && !close; t++) {
                if (quote)
                    quote = rest[t] == quote ? 0 : quote;
                else if (rest[t] == '"' || rest[t] == '\'')
                    quote = rest[t];
                else if (rest[t] == '>')
                    close = rest + t;
            }
            if (!close)
                return complete ? CLI_DOC_UNKNOWN : -1;
            return declares_lheo(rest, (size_t)(close - rest), rest + 1,
                                 colon ? (size_t)(colon - (rest + 1)) : 0)
                       ? CLI_DOC_LHEO
                       : CLI_DOC_UNKNOWN;
        }
        return CLI_DOC_UNKNOWN;
    }
}

cli_doc_kind cli_input_kind(cli_input *in)
{
    if (!in->head && !(in->head = malloc(HEAD_MAX)))
        return CLI_DOC_UNKNOWN;
    for (;;) {
        int kind = sniff(in->head, in->head_len, in->head_len == HEAD_MAX);
        if (kind >= 0)
            return (cli_doc_kind)kind;
        size_t got = fread(in->head + in->head_len, 1, HEAD_MAX - in->head_len, in->file);
        in->head_len += got;
        if (got == 0)
            return (cli_doc_kind)sniff(in->head, in->head_len, true);
    }
}

long cli_input_read(void *user, char *buf, size_t size)
{
    cli_input *in = user;
    size_t n;
    if (in->head_off < in->head_len) {
        n = in->head_len - in->head_off < size ? in->head_len - in->head_off : size;
        memcpy(buf, in->head + in->head_off, n);
        in->head_off += n;
    } else {
        n = fread(buf, 1, size, in->file);
        if (n == 0 && ferror(in->file))
            return -1;
    }
    in->done += n;
    return (long)n;
}

int cli_input_progress(void *user, uint64_t done, uint64_t total)
{
    cli_input *in = user;
    (void)done;
    (void)total; /* a read callback: the library does not know the size, the input does */
    if (in->size < PROGRESS_FROM || !isatty(STDERR_FILENO))
        return 0;
    int percent = (int)(in->done * 100 / in->size);
    if (percent > 100)
        percent = 100;
    if (percent != in->last_percent) {
        fprintf(stderr, "\rreading %s: %d%%", in->path, percent);
        fflush(stderr);
        in->last_percent = percent;
        in->progress_shown = true;
    }
    return 0;
}

void cli_input_close(cli_input *in)
{
    if (in->progress_shown) {
        fputs("\r\033[K", stderr); /* the progress line, erased */
        fflush(stderr);
    }
    if (in->file && in->file != stdin)
        fclose(in->file);
    free(in->head);
    memset(in, 0, sizeof *in);
}

/* ---- outputs ---- */

const char *cli_output_path(const char *out)
{
    return out && strcmp(out, "-") != 0 ? out : NULL;
}

int cli_check_output(const char *cmd, const char *out, const char *const *inputs, int count,
                     int allowed)
{
    return cli_check_output_option(cmd, "-o", out, inputs, count, allowed);
}

int cli_check_output_option(const char *cmd, const char *option, const char *out,
                            const char *const *inputs, int count, int allowed)
{
    struct stat o, st;
    if (!cli_output_path(out) || stat(out, &o) != 0)
        return 0; /* standard output, or a file not there yet (nor a link to one) */
    for (int i = 0; i < count; i++) {
        if (i == allowed)
            continue;
        int got = strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &st) : stat(inputs[i], &st);
        if (got == 0 && st.st_dev == o.st_dev && st.st_ino == o.st_ino)
            return cli_usage_error(cmd, "%s %s: that is the input %s%s; write to another file",
                                   option, out,
                                   strcmp(inputs[i], "-") == 0 ? "standard input" : inputs[i],
                                   strcmp(out, inputs[i]) == 0 ? "" : " (the same file)");
    }
    return 0;
}

bool cli_parse_fail_on(snplp_severity *out, const char *cmd, const char *text)
{
    if (strcmp(text, "error") == 0)
        *out = SNPLP_SEVERITY_ERROR;
    else if (strcmp(text, "warning") == 0)
        *out = SNPLP_SEVERITY_WARNING;
    else {
        cli_usage_error(cmd, "--fail-on %s: give error or warning", text);
        return false;
    }
    return true;
}

const char *cli_severity_word(snplp_severity severity)
{
    /* rendered once per severity and language (the program's language does not change while
     * it prints: main() sets it first) */
    static char words[2][3][40];
    snplp_language lang = snplp_language_default();
    int s = severity == SNPLP_SEVERITY_ERROR ? 0 : severity == SNPLP_SEVERITY_WARNING ? 1 : 2;
    int l = lang == SNPLP_LANGUAGE_FR ? 1 : 0;
    if (!words[l][s][0]) {
        static const char *const ids[] = {"cli/severity/error", "cli/severity/warning",
                                          "cli/severity/info"};
        char *text = NULL;
        if (snplp_message_render(lang, ids[s], NULL, 0, &text) == SNPLP_OK)
            snprintf(words[l][s], sizeof words[l][s], "%s", text);
        else /* (out of memory) */
            snprintf(words[l][s], sizeof words[l][s], "%s", snplp_severity_name(severity));
        snplp_free(text);
    }
    return words[l][s];
}

void cli_print_findings(FILE *out, const char *file, const snplp_diagnostics *diags, int rc)
{
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(diags, i);
        if (snplp_diagnostic_line(g) > 0)
            fprintf(out, "%s:%zu:%zu: ", file, snplp_diagnostic_line(g),
                    snplp_diagnostic_column(g));
        else
            fprintf(out, "%s: ", file);
        fprintf(out, "%s: [%s] %s\n", cli_severity_word(snplp_diagnostic_severity(g)),
                snplp_diag_code_name(snplp_diagnostic_code(g)), snplp_diagnostic_message(g));
    }
    if (rc != SNPLP_OK && snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR) == 0)
        fprintf(out, "%s: %s: %s\n", file, cli_severity_word(SNPLP_SEVERITY_ERROR),
                snplp_error_last_reason());
}

int cli_write_stdout(void *user, const char *buf, size_t size)
{
    (void)user;
    return fwrite(buf, 1, size, stdout) == size ? 0 : -1;
}

int cli_output_done(const char *cmd, int rc, const char *out)
{
    if (rc == SNPLP_OK && !out && fflush(stdout) != 0)
        rc = SNPLP_EIO;
    if (rc == SNPLP_OK)
        return 0;
    fprintf(stderr, "snplp %s: %s\n", cmd,
            rc == SNPLP_EIO && !out ? "writing to standard output failed"
                                    : snplp_error_last_reason());
    return 1;
}

void cli_conventions_free(cli_conventions *l)
{
    for (size_t i = 0; i < l->list_count; i++)
        snplp_convention_list_free(l->lists[i]);
    free(l->lists);
    free(l->conventions);
    free(l->files);
    memset(l, 0, sizeof *l);
}

/* Appends the conventions of @p list, read from @p path, to those of @p l. Returns 0 or -1
 * (out of memory). */
static int add_conventions(cli_conventions *l, snplp_convention_list *list, const char *path)
{
    size_t n = snplp_convention_list_count(list);
    snplp_convention **convs = realloc(l->conventions, (l->count + n) * sizeof *convs);
    if (!convs)
        return -1;
    l->conventions = convs;
    const char **files = realloc(l->files, (l->count + n) * sizeof *files);
    if (!files)
        return -1;
    l->files = files;
    for (size_t k = 0; k < n; k++) {
        l->conventions[l->count] = snplp_convention_list_at(list, k);
        l->files[l->count++] = path;
    }
    return 0;
}

int cli_conventions_load(cli_conventions *l, const char *cmd, const char *const *paths, int count)
{
    snplp_diagnostics *diags = NULL;
    snplp_import_options *options = NULL;
    int status = 0;
    memset(l, 0, sizeof *l);
    if (snplp_diagnostics_new(&diags) != SNPLP_OK ||
        snplp_import_options_new(&options) != SNPLP_OK ||
        !(l->lists = calloc((size_t)count, sizeof *l->lists))) {
        fprintf(stderr, "snplp %s: out of memory\n", cmd);
        snplp_diagnostics_free(diags);
        snplp_import_options_free(options);
        return 1;
    }
    for (int i = 0; i < count; i++) {
        snplp_convention_list *list = NULL;
        snplp_diagnostics_clear(diags);
        cli_input in;
        if (cli_input_open(&in, paths[i], stderr) != 0) {
            status = 1;
            continue;
        }
        int rc = snplp_import_options_set_progress(options, cli_input_progress, &in);
        if (rc == SNPLP_OK)
            rc = snplp_conventions_import_callback(&list, diags, cli_input_read, &in, paths[i],
                                                   options);
        cli_input_close(&in);
        cli_print_findings(stderr, paths[i], diags, rc);
        if (rc != SNPLP_OK) {
            status = 1;
            continue;
        }
        l->lists[l->list_count++] = list;
        if (add_conventions(l, list, paths[i]) != 0) {
            fprintf(stderr, "snplp %s: out of memory\n", cmd);
            status = 1;
            break;
        }
    }
    snplp_diagnostics_free(diags);
    snplp_import_options_free(options);
    if (status == 0 && l->count == 0) { /* cannot happen: a file holds at least one */
        fprintf(stderr, "snplp %s: no convention in the files given\n", cmd);
        status = 1;
    }
    if (status != 0)
        cli_conventions_free(l);
    return status;
}

bool cli_parse_dialect(snplp_csv_dialect *out, const char *cmd, const char *text)
{
    *out = text ? snplp_csv_dialect_from_name(text) : SNPLP_CSV_INTL;
    if (*out != SNPLP_CSV_NONE)
        return true;
    cli_usage_error(cmd, "--dialect %s: not a dialect of CSV (fr or intl)", text);
    return false;
}
