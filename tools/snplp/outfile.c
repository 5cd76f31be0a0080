/* An output written by the program itself, atomically for a file (outfile.h). */
#define _XOPEN_SOURCE 700 /* mkstemp(), fsync(), realpath(), fchmod() */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_outfile_open(cli_outfile *o, const char *cmd, const char *path)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->file = stdout;
        return 0;
    }
    struct stat st;
    /* a symbolic link stays one: the file it leads to is replaced */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        o->target = realpath(path, NULL);
    if (!o->target)
        o->target = strdup(path);
    if (!o->target)
        goto nomem;
    const char *slash = strrchr(o->target, '/');
    size_t dir = slash ? (size_t)(slash - o->target) + 1 : 0;
    const char *base = o->target + dir;
    if (!(o->temp = malloc(dir + strlen(base) + 16)))
        goto nomem;
    sprintf(o->temp, "%.*s.%s.XXXXXX", (int)dir, o->target, base);
    int fd = mkstemp(o->temp);
    if (fd < 0) {
        fprintf(stderr, "snplp %s: cannot write %s: %s\n", cmd, path, strerror(errno));
        free(o->temp);
        free(o->target);
        memset(o, 0, sizeof *o);
        return 1;
    }
    /* the mode of the file replaced, else the usual one for a new file */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, stat(o->target, &st) == 0 ? st.st_mode & 07777 : 0666 & ~mask);
    if (!(o->file = fdopen(fd, "wb"))) {
        close(fd);
        unlink(o->temp);
        goto nomem;
    }
    return 0;
nomem:
    fprintf(stderr, "snplp %s: out of memory\n", cmd);
    free(o->temp);
    free(o->target);
    memset(o, 0, sizeof *o);
    return 1;
}

int cli_outfile_close(cli_outfile *o, const char *cmd, bool commit)
{
    int status = 0;
    if (o->file == stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            if (commit)
                fprintf(stderr, "snplp %s: writing to standard output failed\n", cmd);
            status = 1;
        }
        memset(o, 0, sizeof *o);
        return commit ? status : 1;
    }
    if (!o->file)
        return 1;
    int err = 0;
    if (commit && (fflush(o->file) != 0 || ferror(o->file) || fsync(fileno(o->file)) != 0))
        err = errno ? errno : EIO;
    if (fclose(o->file) != 0 && commit && !err)
        err = errno;
    if (commit && !err && rename(o->temp, o->target) != 0)
        err = errno;
    if (!commit || err) {
        unlink(o->temp);
        if (commit)
            fprintf(stderr, "snplp %s: cannot write %s: %s\n", cmd, o->target, strerror(err));
        status = 1;
    }
    free(o->temp);
    free(o->target);
    memset(o, 0, sizeof *o);
    return status;
}
