/* snplp export-builtin [--quiet] [-o FILE]: the built-in referential as XML, to standard output
 * (also with -o -) or (atomically) to FILE. Nothing else is taken: -o once, no argument, no
 * "--". */
#include <stdio.h>

#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"

enum { OPT_OUT, OPT_QUIET, OPT_HELP };

int cmd_export_builtin(int argc, char **argv)
{
    static const opt_spec specs[] = {
        {OPT_OUT, "-o", OPT_VALUE}, {OPT_QUIET, "--quiet", 0}, {OPT_HELP, "--help", 0}};
    opt_parser p;
    opt_result r;
    const char *out = NULL;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_OPTIONS_FIRST, argc, argv);
    while ((r = opt_next(&p)) == OPT_OPTION) {
        if (p.id == OPT_HELP)
            return cli_print_command_help("export-builtin");
        if (p.id == OPT_QUIET)
            cli_quiet = true;
        else if (out) /* a second -o */
            return cli_usage_error("export-builtin", "unexpected argument %s", p.text);
        else
            out = p.value;
    }
    if (r != OPT_END || p.text) /* an unknown option, an argument, "--" */
        return cli_usage_error("export-builtin", "unexpected argument %s", p.text);
    const char *path = cli_output_path(out);
    snplp_referential *ref = NULL;
    int rc = snplp_referential_builtin(&ref);
    if (rc == SNPLP_OK)
        rc = path ? snplp_referential_export_file(ref, path)
                  : snplp_referential_export_callback(ref, cli_write_stdout, NULL);
    int status = cli_output_done("export-builtin", rc, path);
    if (status == 0 && path)
        cli_say("wrote the built-in referential to %s", path);
    snplp_referential_unref(ref);
    return status;
}
