/* Helpers shared by the cmocka tests that read files, list directories, build texts and look at
 * findings (test_xml.c, test_convention_xml.c, test_csv.c, test_extension.c).
 *
 * Every function is static inline: a test program that does not use one still compiles with
 * -Wall -Wextra -Werror. */
#ifndef SNPLP_TEST_FILES_H
#define SNPLP_TEST_FILES_H

#include "test_util.h"

#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- files ---- */

/* The whole file at path, NUL-terminated, in a buffer to free(); NULL if it cannot be read. */
static inline char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t n = 0, cap = 4096;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (size_t got; (got = fread(buf + n, 1, cap - n - 1, fp)) > 0;) {
        n += got;
        if (cap - n < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    fclose(fp);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* As slurp(), but the file must be readable: fails the test otherwise, saying which. */
static inline char *must_slurp(const char *path, size_t *len)
{
    char *data = slurp(path, len);
    if (!data)
        print_error("cannot read %s\n", path);
    assert_non_null(data);
    return data;
}

/* ---- findings and import options ---- */

static inline snplp_import_options *strict_options(void)
{
    snplp_import_options *o = NULL;
    assert_ok(snplp_import_options_new(&o));
    assert_ok(snplp_import_options_set_strict(o, true));
    return o;
}

static inline size_t count_code(const snplp_diagnostics *d, int code)
{
    size_t n = 0;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++)
        n += (int)snplp_diagnostic_code(snplp_diagnostics_at(d, i)) == code;
    return n;
}

static inline bool has_code(const snplp_diagnostics *d, int code)
{
    return count_code(d, code) > 0;
}

static inline bool has_code_in(const snplp_diagnostics *d, int lo, int hi)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        int c = (int)snplp_diagnostic_code(snplp_diagnostics_at(d, i));
        if (c >= lo && c <= hi)
            return true;
    }
    return false;
}

static inline void print_diags(const char *what, const snplp_diagnostics *d)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        print_message("  %s: %s %d %s %zu:%zu [%s] %s\n", what,
                      snplp_severity_name(snplp_diagnostic_severity(g)),
                      (int)snplp_diagnostic_code(g), snplp_diag_code_name(snplp_diagnostic_code(g)),
                      snplp_diagnostic_line(g), snplp_diagnostic_column(g),
                      snplp_diagnostic_item_id(g) ? snplp_diagnostic_item_id(g) : "-",
                      snplp_diagnostic_message(g));
    }
}

/* ---- a read callback ---- */

/* A read callback over a buffer, chunk bytes at a time, failing at fail_at if >= 0. */
typedef struct reader {
    const char *data;
    size_t len, pos, chunk;
    long fail_at;
    size_t calls_after_end;
    bool ended;
} reader;

static inline long read_chunk(void *user, char *buf, size_t size)
{
    reader *r = user;
    if (r->fail_at >= 0 && r->pos >= (size_t)r->fail_at)
        return -1;
    if (r->ended)
        r->calls_after_end++;
    size_t n = r->len - r->pos;
    if (n > r->chunk)
        n = r->chunk;
    if (n > size)
        n = size;
    if (r->fail_at >= 0 && r->pos + n > (size_t)r->fail_at)
        n = (size_t)r->fail_at - r->pos;
    memcpy(buf, r->data + r->pos, n);
    r->pos += n;
    if (n == 0)
        r->ended = true;
    return (long)n;
}

/* ---- lists of paths ---- */

/* A growing list of paths, to free with paths_free(). */
typedef struct paths {
    char **at;
    size_t n, cap;
} paths;

static inline void paths_add(paths *p, const char *path)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->at = realloc(p->at, p->cap * sizeof *p->at);
        assert_non_null(p->at);
    }
    p->at[p->n] = strdup(path);
    assert_non_null(p->at[p->n]);
    p->n++;
}

static inline int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the regular files of dir (and of its subdirectories if recursive) whose name ends with
 * suffix (NULL: every file), sorted; returns false if dir cannot be opened. */
static inline bool paths_add_dir(paths *p, const char *dir, const char *suffix, bool recursive)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return false;
    size_t start = p->n;
    for (struct dirent *e; (e = readdir(dp));) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        int len = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (len < 0 || (size_t)len >= sizeof path)
            continue; /* (no test path is that long) */
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            if (recursive)
                paths_add_dir(p, path, suffix, true);
            continue;
        }
        size_t nl = strlen(e->d_name), sl = suffix ? strlen(suffix) : 0;
        if (S_ISREG(st.st_mode) && nl >= sl &&
            strcmp(e->d_name + nl - sl, suffix ? suffix : "") == 0)
            paths_add(p, path);
    }
    closedir(dp);
    if (p->n > start)
        qsort(p->at + start, p->n - start, sizeof *p->at, compare_strings);
    return true;
}

/* The kind of the document at path, by the first root name found in its head: 1 a file of
 * conventions (<conventions), 2 training records (<records), 3 an LHEO document (<lheo: not
 * of the snplp format, test_lheo_import.c's), 0 anything else (a referential): test_xml.c,
 * test_convention_xml.c and test_records_xml.c each check their own kind. */
static inline int document_kind(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char head[8192];
    size_t n = fread(head, 1, sizeof head - 1, f);
    fclose(f);
    head[n] = '\0';
    static const char *const roots[] = {"<referential", "<conventions", "<records", "<lheo"};
    int kind = 0;
    const char *first = NULL;
    for (int k = 0; k < 4; k++) {
        const char *at = strstr(head, roots[k]);
        if (at && (!first || at < first)) {
            first = at;
            kind = k;
        }
    }
    return kind;
}

/* Whether the document at path is a file of conventions. */
static inline bool is_conventions_file(const char *path)
{
    return document_kind(path) == 1;
}

/* Keeps, from index from on, the paths of p that are documents of that kind
 * (document_kind()); frees the others. */
static inline void paths_keep_kind(paths *p, size_t from, int kind)
{
    size_t k = from;
    for (size_t i = from; i < p->n; i++) {
        if (document_kind(p->at[i]) == kind)
            p->at[k++] = p->at[i];
        else
            free(p->at[i]);
    }
    p->n = k;
}

static inline void paths_free(paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->at[i]);
    free(p->at);
    p->at = NULL;
    p->n = p->cap = 0;
}

static inline const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* ---- a growing text ---- */

/* A growing text buffer, NUL-terminated once anything is put in it; to free(t.s). */
typedef struct text_buf {
    char *s;
    size_t n, cap;
} text_buf;

static inline void put(text_buf *t, const char *s, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n] = '\0';
}

static inline void puts_(text_buf *t, const char *s)
{
    put(t, s, strlen(s));
}

static inline void put_repeat(text_buf *t, const char *unit, size_t count)
{
    size_t u = strlen(unit);
    for (size_t i = 0; i < count; i++)
        put(t, unit, u);
}

/* count attributes x:a0 to x:a{count-1} (prefix x to be declared), each of the quoted value
 * given (quotes included: "\"v\"" or "'>'"), each after a space. */
static inline void put_numbered_attrs(text_buf *t, size_t count, const char *quoted)
{
    for (size_t i = 0; i < count; i++) {
        char a[32];
        snprintf(a, sizeof a, " x:a%zu=", i);
        puts_(t, a);
        puts_(t, quoted);
    }
}

/* The names in dir, other than . and .., sorted and joined with '/' (to free()). */
static inline char *dir_listing(const char *dir)
{
    paths p = {0};
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    for (struct dirent *e; (e = readdir(dp));)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            paths_add(&p, e->d_name);
    closedir(dp);
    if (p.n)
        qsort(p.at, p.n, sizeof *p.at, compare_strings);
    text_buf t = {0};
    puts_(&t, "");
    for (size_t i = 0; i < p.n; i++) {
        if (i)
            puts_(&t, "/");
        puts_(&t, p.at[i]);
    }
    paths_free(&p);
    return t.s;
}

/* ---- writers ---- */

/* A writer that keeps what it is given, and fails once more than fail_after bytes would have
 * been written. */
typedef struct sink {
    text_buf t;
    size_t fail_after, calls, calls_after_failing;
    bool failed;
} sink;

static inline int sink_write(void *user, const char *buf, size_t size)
{
    sink *s = user;
    s->calls++;
    if (s->failed) {
        s->calls_after_failing++;
        return -1;
    }
    if (s->t.n + size > s->fail_after) {
        s->failed = true;
        return s->calls % 2 ? -1 : 5; /* any non-zero value is a failure */
    }
    put(&s->t, buf, size);
    return 0;
}

/* ---- a write that the system cuts ---- */

/* Runs write_file(ctx, path) in a child process whose files may not grow beyond limit bytes
 * (RLIMIT_FSIZE, SIGXFSZ ignored) and returns what it returned (1000: setrlimit failed). The
 * status comes back through a pipe: the child's exit status may be a tool's (valgrind's
 * --error-exitcode). */
static inline int write_with_size_limit(int (*write_file)(const void *ctx, const char *path),
                                        const void *ctx, const char *path, size_t limit)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {.rlim_cur = limit, .rlim_max = limit};
        int rc = setrlimit(RLIMIT_FSIZE, &rl) == 0 ? write_file(ctx, path) : 1000;
        ssize_t w = write(fds[1], &rc, sizeof rc);
        close(fds[1]);
        _exit(w == (ssize_t)sizeof rc ? 0 : 1);
    }
    close(fds[1]);
    int child_rc = 1001;
    ssize_t got = read(fds[0], &child_rc, sizeof child_rc);
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_int_equal(got, sizeof child_rc);
    if (child_rc == 1000)
        print_error("setrlimit failed\n");
    return child_rc;
}

#endif
