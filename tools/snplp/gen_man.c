/* Writes the man page snplp(1), in roff, from the help texts of help.c (the same text as
 * `snplp --help` and `snplp COMMAND --help`): run by the build, never installed.
 *
 *   snplp-gen-man VERSION > snplp.1
 *
 * The texts go in no-fill blocks (.nf), line for line: the only changes are roff's escapes
 * ("\" as "\e", "-" as "\-", a "." or "'" starting a line behind "\&"). */
#include <stdio.h>
#include <string.h>

#include "help.h"

/* @p text, its lines escaped for roff. */
static void put_text(const char *text)
{
    int start = 1;
    for (const char *c = text; *c; c++) {
        if (start && (*c == '.' || *c == '\''))
            fputs("\\&", stdout);
        start = *c == '\n';
        if (*c == '\\')
            fputs("\\e", stdout);
        else if (*c == '-')
            fputs("\\-", stdout);
        else
            putchar(*c);
    }
}

int main(int argc, char **argv)
{
    const char *version = argc > 1 ? argv[1] : "";
    const char *summary = strstr(cli_help_summary, " - ");
    printf(".\\\" Generated from tools/snplp/help.c by gen_man.c: edit the help texts there.\n");
    printf(".TH SNPLP 1 \"\" \"snplp %s\" \"User Commands\"\n", version);
    printf(".SH NAME\nsnplp \\- ");
    put_text(summary ? summary + 3 : cli_help_summary);
    printf(".SH SYNOPSIS\n.nf\n");
    for (size_t i = 0; i < cli_help_count; i++)
        put_text(cli_helps[i].synopsis);
    put_text("snplp --help | --version\nsnplp COMMAND --help\n");
    printf(".fi\n.SH DESCRIPTION\n.nf\n");
    put_text(cli_help_common);
    printf(".fi\n.SH COMMANDS\n");
    for (size_t i = 0; i < cli_help_count; i++) {
        printf(".SS %s\n.nf\n", cli_helps[i].name);
        put_text(cli_helps[i].synopsis);
        putchar('\n');
        put_text(cli_helps[i].text);
        printf(".fi\n");
    }
    printf(".SH SEE ALSO\nThe documentation of libsnplp: README.md, docs/xml-format.md, "
           "docs/csv.md, docs/conventions.md, docs/records.md.\n");
    return ferror(stdout) || fflush(stdout) != 0;
}
