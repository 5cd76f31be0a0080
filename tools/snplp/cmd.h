/* The commands of the snplp program, one file each (cmd_*.c). Each takes the arguments that
 * follow "snplp", @p argv[0] being the command's name, and returns the exit status: 0 success,
 * 1 a file cannot be read or has errors, or an output could not be written, 2 wrong usage. */
#ifndef SNPLP_TOOLS_CMD_H
#define SNPLP_TOOLS_CMD_H

/* snplp validate [--strict] FILE... */
int cmd_validate(int argc, char **argv);
/* snplp export-builtin [-o FILE] */
int cmd_export_builtin(int argc, char **argv);
/* snplp report [--at DATE] [--threshold PERCENT] FILE...,
 * snplp report --csv [--dialect fr|intl] [-o FILE] FILE... */
int cmd_report(int argc, char **argv);
/* snplp import-csv [--dialect fr|intl] CONV.xml VALUES.csv -o OUT.xml */
int cmd_import_csv(int argc, char **argv);

#endif
