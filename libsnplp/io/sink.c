/* Writing documents to memory, through a callback, or to a file replaced atomically. */
#include "io/sink.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/errors.h"

#define FLUSH_AT 65536

void snplp__out_flush(snplp_sink *s)
{
    if (s->rc == SNPLP_OK && s->buf.failed)
        s->rc = SNPLP_ENOMEM;
    if (s->rc != SNPLP_OK || !s->write || s->buf.n == 0)
        return;
    if (s->write(s->user, s->buf.p, s->buf.n) != 0)
        s->rc = SNPLP_EIO;
    s->buf.n = 0;
}

void snplp__out_putn(snplp_sink *s, const char *text, size_t n)
{
    if (s->rc != SNPLP_OK)
        return;
    snplp__buf_put(&s->buf, text, n);
    snplp__out_wrote(s);
}

void snplp__out_put(snplp_sink *s, const char *text)
{
    snplp__out_putn(s, text, strlen(text));
}

void snplp__out_wrote(snplp_sink *s)
{
    if (s->buf.n >= FLUSH_AT || s->buf.failed)
        snplp__out_flush(s);
}

static int finish(snplp_sink *s, const char *fn)
{
    int rc = s->rc;
    snplp__buf_free(&s->buf);
    if (rc == SNPLP_ENOMEM)
        return snplp__oom();
    if (rc == SNPLP_EIO)
        return snplp__fail_in(fn, SNPLP_EIO, "writing failed");
    return rc;
}

int snplp__out_callback(snplp_produce_fn produce, const void *doc, snplp_write_fn write, void *user,
                        const char *fn)
{
    snplp_sink s = {.write = write, .user = user};
    produce(doc, &s);
    return finish(&s, fn);
}

int snplp__out_memory(snplp_produce_fn produce, const void *doc, char **out, size_t *size,
                      const char *fn)
{
    snplp_sink s = {0};
    if (produce(doc, &s) != SNPLP_OK)
        return finish(&s, fn);
    size_t n = s.buf.n;
    char *text = snplp__buf_take(&s.buf);
    if (!text)
        return snplp__oom();
    *out = text;
    if (size)
        *size = n;
    return SNPLP_OK;
}

static int write_fd(void *user, const char *buf, size_t size)
{
    int fd = *(int *)user;
    while (size > 0) {
        ssize_t n = write(fd, buf, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        buf += n;
        size -= (size_t)n;
    }
    return 0;
}

/* The path that @p path leads to through its symbolic links (the last component only, hop by
 * hop, as open() would; the file at the end need not exist), into @p real. Returns 0, or -1
 * with errno set (ELOOP, ENAMETOOLONG...). */
static int resolve_links(char real[PATH_MAX], const char *path)
{
    if (strlen(path) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(real, path);
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(real, &st) != 0 || !S_ISLNK(st.st_mode))
            return 0; /* not a link (or nothing there): written as it is */
        if (hops == 40) {
            errno = ELOOP;
            return -1;
        }
        char to[PATH_MAX];
        ssize_t n = readlink(real, to, sizeof to - 1);
        if (n < 0)
            return -1;
        to[n] = '\0';
        if (to[0] == '/') {
            memcpy(real, to, (size_t)n + 1);
            continue;
        }
        /* relative to the link's directory */
        char *slash = strrchr(real, '/');
        size_t keep = slash ? (size_t)(slash - real) + 1 : 0;
        if (keep + (size_t)n >= PATH_MAX) {
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(real + keep, to, (size_t)n + 1);
    }
}

int snplp__out_file(snplp_produce_fn produce, const void *doc, const char *path, const char *fn)
{
    char q[200];
    /* a symbolic link keeps pointing where it did: the file it leads to is written (the new
     * file is made next to that one, so that the rename stays within its file system) */
    char real[PATH_MAX];
    if (resolve_links(real, path) != 0) {
        int err = errno;
        return snplp__fail_in(fn, SNPLP_EIO, "cannot follow the symbolic link %s: %s",
                              snplp__quote(q, sizeof q, path), strerror(err));
    }
    path = real;
    size_t len = strlen(path);
    /* one block for the temporary file's name and the directory's (to make the rename durable):
     * nothing is allocated once the file is replaced, so the export cannot fail after that */
    char *tmp = snplp__malloc(len + 12 + len + 1);
    if (!tmp)
        return snplp__oom();
    char *dir = tmp + len + 12;
    memcpy(dir, path, len + 1);
    memcpy(tmp, path, len);
    memcpy(tmp + len, ".tmp-XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        snplp__free(tmp);
        int rc = snplp__fail_in(fn, SNPLP_EIO, "cannot create a file next to %s: %s",
                                snplp__quote(q, sizeof q, path), strerror(err));
        snplp__error_set_errno(err);
        return rc;
    }
    /* the new file gets the old one's permissions, or rw-r--r-- */
    struct stat st;
    fchmod(fd, stat(path, &st) == 0 ? (st.st_mode & 07777) : 0644);

    snplp_sink s = {.write = write_fd, .user = &fd};
    int rc = produce(doc, &s);
    snplp__buf_free(&s.buf);
    const char *step = "writing";
    if (rc == SNPLP_OK && fsync(fd) != 0) {
        rc = SNPLP_EIO;
        step = "flushing";
    }
    int err = errno;
    if (close(fd) != 0 && rc == SNPLP_OK) {
        rc = SNPLP_EIO;
        step = "closing";
        err = errno;
    }
    if (rc == SNPLP_OK && rename(tmp, path) != 0) {
        rc = SNPLP_EIO;
        step = "renaming";
        err = errno;
    }
    if (rc != SNPLP_OK) {
        unlink(tmp);
        snplp__free(tmp);
        if (rc == SNPLP_ENOMEM)
            return snplp__oom();
        rc = snplp__fail_in(fn, SNPLP_EIO, "%s %s failed (%s); the file is unchanged", step,
                            snplp__quote(q, sizeof q, path), strerror(err));
        snplp__error_set_errno(err);
        return rc;
    }
    /* make the rename itself durable */
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    int dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    snplp__free(tmp);
    return SNPLP_OK;
}
