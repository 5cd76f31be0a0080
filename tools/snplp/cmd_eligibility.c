/* snplp eligibility [--at DATE] [--module ID] [--fail-on error|warning] [--quiet]
 *                   (REFERENTIAL | --builtin) RECORDS WORKER
 *
 * What a worker of the records may take next and why: the modules of the referential the worker
 * was not trained in by the date, in the plan's order (fundamentals before expert), each with
 * its answer (priority, open, not-yet) and every reason (snplp_records_next_modules()); with
 * --module, the answer for that module only (snplp_records_eligibility()), trained in or not.
 * The records are validated against the referential first, their findings printed on standard
 * error. Options may stand anywhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"
#include "records_input.h"
#include "termtext.h"

enum { OPT_AT, OPT_MODULE, OPT_BUILTIN, OPT_FAIL_ON, OPT_QUIET, OPT_HELP };

#define CMD "eligibility"
/* The width module titles are wrapped to. */
#define TITLE_WIDTH 76

static const char *date_text(char buf[SNPLP_DATE_TEXT_SIZE], snplp_date d)
{
    if (snplp_date_format(buf, SNPLP_DATE_TEXT_SIZE, d) != SNPLP_OK)
        strcpy(buf, "?");
    return buf;
}

/* "assistants de service social" for a profession of the referential or of the records, NULL
 * if it is neither. */
static const char *profession_title(const cli_records_input *in, const char *id)
{
    const snplp_profession *p = snplp_referential_profession_find(in->ref, id);
    if (p)
        return snplp_profession_title(p);
    const snplp_record_profession *rp = snplp_records_profession_find(in->records[0], id);
    return rp ? snplp_record_profession_title(rp) : NULL;
}

/* The line on the worker: profession, diploma level, employer, territory, unit. */
static void print_worker(FILE *out, const cli_records_input *in, const snplp_worker *w)
{
    const char *profession = snplp_worker_profession_id(w);
    const char *title = profession_title(in, profession);
    int level;
    fputs("Profession ", out);
    tt_put(out, profession);
    if (title) {
        fputs(" (", out);
        tt_put(out, title);
        fputc(')', out);
    }
    if (snplp_worker_diploma_level(&level, w) == SNPLP_OK)
        fprintf(out, ", diploma level %d", level);
    else
        fputs(", diploma level unknown", out);
    fputs(", employer ", out);
    tt_put(out, snplp_worker_employer_id(w));
    fputs(", territory ", out);
    tt_put(out, snplp_worker_territory_code(w));
    if (snplp_worker_unit(w)) {
        fputs(", unit ", out);
        tt_put(out, snplp_worker_unit(w));
    }
    fputc('\n', out);
}

/* Writes @p text (cleaned) after a text of @p used columns, breaking lines at spaces only (an
 * id is never cut, nor « guillemets » from their words: a no-break space is no space), at
 * TITLE_WIDTH + 4 columns, each further line indented by @p indent. Ends the line. Returns 0,
 * or -1 if out of memory. */
static int put_words(FILE *out, const char *text, size_t used, size_t indent)
{
    char *clean = tt_clean(text);
    if (!clean)
        return -1;
    for (char *word = strtok(clean, " "); word; word = strtok(NULL, " ")) {
        size_t w = tt_width(word);
        if (used + 1 + w > TITLE_WIDTH + 4 && used > indent) {
            fprintf(out, "\n%*s", (int)indent, "");
            used = indent;
        } else {
            fputc(' ', out);
            used++;
        }
        fputs(word, out);
        used += w;
    }
    fputc('\n', out);
    free(clean);
    return 0;
}

/* One module's answer: "N. MODULE: ANSWER", its title wrapped under it, then every reason.
 * @p number 0: no number. Returns 0, or -1 if out of memory. */
static int print_answer(FILE *out, const cli_records_input *in, const snplp_eligibility *e,
                        size_t number)
{
    const char *module = snplp_eligibility_module_id(e);
    const snplp_module *m = snplp_referential_module_find(in->ref, module);
    char **lines = NULL;
    size_t count = 0;
    if (number)
        fprintf(out, "%zu. ", number);
    tt_put(out, module);
    fprintf(out, ": %s\n", snplp_eligibility_answer_name(snplp_eligibility_answer_of(e)));
    if (m && snplp_module_title(m)) {
        if (tt_wrap(snplp_module_title(m), TITLE_WIDTH, 0, &lines, &count) != 0)
            return -1;
        for (size_t i = 0; i < count; i++)
            fprintf(out, "   %s\n", lines[i]);
        tt_free_lines(lines, count);
    }
    for (size_t i = 0; i < snplp_eligibility_reason_count(e); i++) {
        const char *kind = snplp_eligibility_reason_name(snplp_eligibility_reason_at(e, i));
        fprintf(out, "   - %s:", kind);
        if (put_words(out, snplp_eligibility_reason_message(e, i), 5 + strlen(kind), 5) != 0)
            return -1;
    }
    return 0;
}

/* The answer(s) for @p worker at @p at. Returns the exit status. */
static int answer(const cli_records_input *in, const char *worker, const char *module,
                  snplp_date at)
{
    char day[SNPLP_DATE_TEXT_SIZE], name[4096];
    const char *file = strcmp(in->files[0], "-") == 0 ? "(standard input)" : in->files[0];
    const snplp_worker *w = snplp_records_worker_find(in->records[0], worker);
    if (!w) {
        fprintf(stderr, "snplp " CMD ": no worker '%s' in %s\n", worker, file);
        return 1;
    }
    if (module && !snplp_referential_module_find(in->ref, module)) {
        fprintf(stderr, "snplp " CMD ": --module %s: no module '%s' in %s\n", module, module,
                cli_records_ref_name(in, name, sizeof name));
        return 1;
    }
    snplp_eligibility *one = NULL;
    snplp_eligibility_list *next = NULL;
    int rc = module ? snplp_records_eligibility(&one, in->records[0], in->ref, worker, module, at)
                    : snplp_records_next_modules(&next, in->records[0], in->ref, worker, at);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "snplp " CMD ": %s\n", snplp_error_last_reason());
        return 1;
    }
    FILE *out = stdout;
    int printed = 0;
    fputs("Worker ", out);
    tt_put(out, worker);
    fprintf(out, " at %s (", date_text(day, at));
    tt_put(out, file);
    fputs(", read with ", out);
    tt_put(out, cli_records_ref_name(in, name, sizeof name));
    fputs(")\n", out);
    print_worker(out, in, w);
    fputc('\n', out);
    if (one) {
        printed = print_answer(out, in, one, 0);
    } else {
        size_t n = snplp_eligibility_list_count(next);
        if (n == 0)
            fputs("No module left to take: trained in every module of the referential.\n", out);
        else
            fprintf(out, "%zu module%s to take next, in the plan's order:\n", n, n == 1 ? "" : "s");
        for (size_t i = 0; i < n && printed == 0; i++) {
            fputc('\n', out);
            printed = print_answer(out, in, snplp_eligibility_list_at(next, i), i + 1);
        }
    }
    snplp_eligibility_free(one);
    snplp_eligibility_list_free(next);
    if (printed != 0) {
        fflush(out);
        fputs("snplp " CMD ": out of memory\n", stderr);
        return 1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        fputs("snplp " CMD ": writing to standard output failed\n", stderr);
        return 1;
    }
    return 0;
}

int cmd_eligibility(int argc, char **argv)
{
    static const opt_spec specs[] = {
        {OPT_AT, "--at", OPT_VALUE},   {OPT_MODULE, "--module", OPT_VALUE},
        {OPT_BUILTIN, "--builtin", 0}, {OPT_FAIL_ON, "--fail-on", OPT_VALUE},
        {OPT_QUIET, "--quiet", 0},     {OPT_HELP, "--help", 0},
    };
    const char *at_text = NULL, *module = NULL, *fail_on_text = NULL, *args[3];
    bool builtin = false;
    int nargs = 0;
    opt_parser p;
    opt_result r;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_ANY_ORDER, argc, argv);
    while ((r = opt_next(&p)) != OPT_END) {
        if (r == OPT_ARG && nargs == 3)
            return cli_usage_error(CMD, "unexpected argument %s", p.value);
        if (r == OPT_ARG)
            args[nargs++] = p.value;
        else if (r == OPT_MISSING)
            return cli_usage_error(CMD, "option %s needs a value", p.text);
        else if (r != OPT_OPTION)
            return cli_usage_error(CMD, "unknown option %s", p.text);
        else if (p.id == OPT_HELP)
            return cli_print_command_help(CMD);
        else if (p.id == OPT_AT)
            at_text = p.value;
        else if (p.id == OPT_MODULE)
            module = p.value;
        else if (p.id == OPT_BUILTIN)
            builtin = true;
        else if (p.id == OPT_FAIL_ON)
            fail_on_text = p.value;
        else
            cli_quiet = true;
    }
    int want = builtin ? 2 : 3;
    if (nargs != want)
        return nargs > want ? cli_usage_error(CMD, "unexpected argument %s", args[want])
                            : cli_usage_error(CMD, builtin ? "give RECORDS and WORKER"
                                                           : "give REFERENTIAL (or --builtin), "
                                                             "RECORDS and WORKER");
    snplp_severity fail_on = SNPLP_SEVERITY_ERROR;
    if (fail_on_text && !cli_parse_fail_on(&fail_on, CMD, fail_on_text))
        return 2;
    snplp_date at;
    if (at_text && !cli_parse_date(&at, CMD, "--at", at_text))
        return 2;
    if (!at_text && snplp_date_today(&at) != SNPLP_OK) {
        fprintf(stderr, "snplp " CMD ": cannot read today's date (%s); give one with --at\n",
                snplp_error_last_reason());
        return 1;
    }
    cli_records_input in;
    int status =
        cli_records_load(&in, CMD, builtin ? NULL : args[0], &args[want - 2], 1, !cli_quiet);
    if (status != 0)
        return status;
    status = answer(&in, args[want - 1], module, at);
    if (status == 0 && fail_on_text && in.worst_finding >= (int)fail_on)
        status = 3;
    cli_records_free(&in);
    return status;
}
