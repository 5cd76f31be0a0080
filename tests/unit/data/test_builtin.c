/* Tests of builtin.h: the built-in referential holds what the seed documents state, verbatim
 * (every text is checked against the seeds, in SNPLP_SEEDS_DIR), with the counts the seeds
 * give; each call returns an independent referential; it validates, is searchable, and every
 * out-of-memory run fails cleanly. */
#include "test_util.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- every text, through the public API ---- */

/* A growing list of borrowed strings. */
typedef struct strings {
    const char **at;
    size_t count, cap;
} strings;

static void push(strings *l, const char *s)
{
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        l->at = realloc(l->at, l->cap * sizeof *l->at);
        assert_non_null(l->at);
    }
    l->at[l->count++] = s;
}

/* What a walk of the whole referential collects: every text, and every item's id. */
typedef struct texts {
    strings text, ids;
} texts;

static void add(texts *t, const char *s)
{
    if (s)
        push(&t->text, s);
}

/* Records an item by its id. */
static void item(texts *t, const char *id)
{
    assert_non_null(id);
    push(&t->ids, id);
}

static void release(texts *t)
{
    free(t->text.at);
    free(t->ids.at);
}

static void add_content(texts *t, const snplp_content *c)
{
    item(t, snplp_content_id(c));
    add(t, snplp_content_text(c));
    for (size_t i = 0; i < snplp_content_child_count(c); i++)
        add_content(t, snplp_content_child_at(c, i));
}

static void add_outcomes_objectives(texts *t, size_t no,
                                    snplp_objective *(*obj)(const void *, size_t),
                                    const void *owner)
{
    for (size_t i = 0; i < no; i++) {
        item(t, snplp_objective_id(obj(owner, i)));
        add(t, snplp_objective_text(obj(owner, i)));
    }
}

static snplp_objective *plan_objective(const void *p, size_t i)
{
    return snplp_training_plan_objective_at(p, i);
}

static snplp_objective *theme_objective(const void *p, size_t i)
{
    return snplp_theme_objective_at(p, i);
}

/* Every text of every item (titles, descriptions, labels, wordings), and every item's id. */
static texts all_texts(const snplp_referential *ref)
{
    texts t = {0};
    const snplp_strategy *s = snplp_referential_strategy(ref);
    item(&t, snplp_strategy_id(s));
    add(&t, snplp_strategy_title(s));
    add(&t, snplp_strategy_description(s));
    add(&t, snplp_strategy_budget_text(s));
    for (size_t i = 0; i < snplp_strategy_label_count(s); i++)
        add(&t, snplp_strategy_label_at(s, i));
    for (size_t i = 0; i < snplp_referential_commitment_count(ref); i++) {
        const snplp_commitment *c = snplp_referential_commitment_at(ref, i);
        item(&t, snplp_commitment_id(c));
        add(&t, snplp_commitment_title(c));
        add(&t, snplp_commitment_description(c));
    }
    for (size_t i = 0; i < snplp_referential_lever_count(ref); i++) {
        const snplp_lever *l = snplp_referential_lever_at(ref, i);
        item(&t, snplp_lever_id(l));
        add(&t, snplp_lever_title(l));
        add(&t, snplp_lever_description(l));
    }
    const snplp_training_plan *tp = snplp_referential_training_plan(ref);
    item(&t, snplp_training_plan_id(tp));
    add(&t, snplp_training_plan_title(tp));
    add(&t, snplp_training_plan_description(tp));
    add(&t, snplp_training_plan_audience(tp));
    add(&t, snplp_training_plan_rule(tp));
    add_outcomes_objectives(&t, snplp_training_plan_objective_count(tp), plan_objective, tp);
    for (size_t i = 0; i < snplp_training_plan_outcome_count(tp); i++) {
        item(&t, snplp_outcome_id(snplp_training_plan_outcome_at(tp, i)));
        add(&t, snplp_outcome_text(snplp_training_plan_outcome_at(tp, i)));
    }
    for (size_t i = 0; i < snplp_referential_theme_count(ref); i++) {
        const snplp_theme *th = snplp_referential_theme_at(ref, i);
        item(&t, snplp_theme_id(th));
        add(&t, snplp_theme_title(th));
        add(&t, snplp_theme_description(th));
        for (size_t j = 0; j < snplp_theme_label_count(th); j++)
            add(&t, snplp_theme_label_at(th, j));
        add_outcomes_objectives(&t, snplp_theme_objective_count(th), theme_objective, th);
        for (size_t j = 0; j < snplp_theme_outcome_count(th); j++) {
            item(&t, snplp_outcome_id(snplp_theme_outcome_at(th, j)));
            add(&t, snplp_outcome_text(snplp_theme_outcome_at(th, j)));
        }
        for (size_t j = 0; j < snplp_theme_recommendation_count(th); j++) {
            item(&t, snplp_recommendation_id(snplp_theme_recommendation_at(th, j)));
            add(&t, snplp_recommendation_text(snplp_theme_recommendation_at(th, j)));
        }
    }
    for (size_t i = 0; i < snplp_referential_module_count(ref); i++) {
        const snplp_module *m = snplp_referential_module_at(ref, i);
        item(&t, snplp_module_id(m));
        add(&t, snplp_module_title(m));
        add(&t, snplp_module_subtitle(m));
        add(&t, snplp_module_audience(m));
        add(&t, snplp_module_role(m));
        for (size_t j = 0; j < snplp_module_competence_count(m); j++) {
            const snplp_competence *c = snplp_module_competence_at(m, j);
            item(&t, snplp_competence_id(c));
            add(&t, snplp_competence_title(c));
            for (size_t k = 0; k < snplp_competence_content_count(c); k++)
                add_content(&t, snplp_competence_content_at(c, k));
        }
        for (size_t j = 0; j < snplp_module_recommendation_count(m); j++) {
            item(&t, snplp_recommendation_id(snplp_module_recommendation_at(m, j)));
            add(&t, snplp_recommendation_text(snplp_module_recommendation_at(m, j)));
        }
    }
    for (size_t i = 0; i < snplp_referential_profession_count(ref); i++) {
        const snplp_profession *p = snplp_referential_profession_at(ref, i);
        item(&t, snplp_profession_id(p));
        add(&t, snplp_profession_title(p));
        add(&t, snplp_profession_abbreviation(p));
    }
    for (size_t i = 0; i < snplp_referential_diploma_rule_count(ref); i++) {
        item(&t, snplp_diploma_rule_id(snplp_referential_diploma_rule_at(ref, i)));
        add(&t, snplp_diploma_rule_text(snplp_referential_diploma_rule_at(ref, i)));
    }
    for (size_t i = 0; i < snplp_referential_funding_count(ref); i++) {
        const snplp_funding *f = snplp_referential_funding_at(ref, i);
        item(&t, snplp_funding_id(f));
        add(&t, snplp_funding_title(f));
        add(&t, snplp_funding_period(f));
        add(&t, snplp_funding_source_text(f));
    }
    for (size_t i = 0; i < snplp_referential_plan_count(ref); i++) {
        const snplp_plan *p = snplp_referential_plan_at(ref, i);
        item(&t, snplp_plan_id(p));
        add(&t, snplp_plan_title(p));
        add(&t, snplp_plan_description(p));
        for (size_t j = 0; j < snplp_plan_label_count(p); j++)
            add(&t, snplp_plan_label_at(p, j));
        for (size_t j = 0; j < snplp_plan_plan_theme_count(p); j++) {
            item(&t, snplp_plan_theme_id(snplp_plan_plan_theme_at(p, j)));
            add(&t, snplp_plan_theme_title(snplp_plan_plan_theme_at(p, j)));
        }
        for (size_t j = 0; j < snplp_plan_figure_count(p); j++) {
            item(&t, snplp_figure_id(snplp_plan_figure_at(p, j)));
            add(&t, snplp_figure_text(snplp_plan_figure_at(p, j)));
        }
    }
    return t;
}

/* ---- the seeds ---- */

#ifndef SNPLP_SEEDS_DIR
#define SNPLP_SEEDS_DIR "../shared/seeds"
#endif

static const char page_header[] = "## Stratégie nationale de prévention et de lutte contre la "
                                  "pauvreté";

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The seed as text: HTML tags removed, and each page header of the PDF extraction (with the
 * white space around it) replaced by one space, which rejoins what a page break cut. */
static char *normalize(const char *in, size_t len)
{
    char *out = malloc(len + 1);
    assert_non_null(out);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (in[i] == '<' && i + 1 < len &&
            (in[i + 1] == '/' || (in[i + 1] >= 'a' && in[i + 1] <= 'z'))) {
            const char *end = memchr(in + i, '>', len - i);
            if (end) {
                i = (size_t)(end - in) + 1;
                continue;
            }
        }
        if (len - i >= sizeof page_header - 1 &&
            memcmp(in + i, page_header, sizeof page_header - 1) == 0) {
            while (n > 0 && is_space(out[n - 1]))
                n--;
            i += sizeof page_header - 1;
            while (i < len && is_space(in[i]))
                i++;
            out[n++] = ' ';
            continue;
        }
        out[n++] = in[i++];
    }
    out[n] = '\0';
    return out;
}

/* The in-scope seeds (000 to 003) normalized, separated so that no match spans two files;
 * NULL when the seeds are not there. */
static const char *seeds_dir(void)
{
    const char *dir = getenv("SNPLP_SEEDS_DIR");
    return dir ? dir : SNPLP_SEEDS_DIR;
}

static char *read_seeds(size_t *files)
{
    const char *dir = seeds_dir();
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char *all = calloc(1, 1);
    size_t all_len = 0;
    *files = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (strlen(e->d_name) < 4 || strncmp(e->d_name, "00", 2) != 0 || e->d_name[2] < '0' ||
            e->d_name[2] > '3' || e->d_name[3] != '_')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *fp = fopen(path, "rb");
        assert_non_null(fp);
        char *buf = NULL;
        size_t len = 0, cap = 0;
        for (size_t got;;) {
            if (cap - len < 4096) {
                cap = cap ? cap * 2 : 65536;
                buf = realloc(buf, cap);
                assert_non_null(buf);
            }
            got = fread(buf + len, 1, cap - len, fp);
            len += got;
            if (got == 0)
                break;
        }
        fclose(fp);
        char *norm = normalize(buf, len);
        free(buf);
        size_t nlen = strlen(norm);
        all = realloc(all, all_len + nlen + 4);
        assert_non_null(all);
        memcpy(all + all_len, norm, nlen);
        memcpy(all + all_len + nlen, "\n\x01\n", 4);
        all_len += nlen + 3;
        free(norm);
        (*files)++;
    }
    closedir(d);
    return all;
}

/* The number of paragraphs of ref's texts that do not occur in seeds (each printed if report). */
static size_t count_missing(const snplp_referential *ref, const char *seeds, bool report)
{
    texts t = all_texts(ref);
    assert_true(t.text.count > 150);
    size_t missing = 0, paragraphs = 0;
    for (size_t i = 0; i < t.text.count; i++) {
        const char *p = t.text.at[i];
        assert_true(p[0] != '\0');
        for (;;) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            char *para = strndup(p, len);
            assert_non_null(para);
            assert_true(len > 0);
            paragraphs++;
            if (!strstr(seeds, para)) {
                if (report)
                    print_message("not in the seeds: \"%s\"\n", para);
                missing++;
            }
            free(para);
            if (!nl)
                break;
            p = nl + 1;
        }
    }
    assert_true(paragraphs > t.text.count); /* several texts have several paragraphs */
    release(&t);
    return missing;
}

/* The strings of the built-in referential are the seeds' own: each paragraph of each text
 * occurs verbatim in a seed (000-003) once page breaks are rejoined and HTML tags dropped. */
static void every_text_occurs_in_a_seed(void **state)
{
    (void)state;
    size_t files = 0;
    char *seeds = read_seeds(&files);
    if (!seeds) {
        print_message("seed documents not found in %s (set SNPLP_SEEDS_DIR): skipped\n",
                      seeds_dir());
        skip();
    }
    assert_int_equal(files, 4);
    snplp_referential *ref = test_builtin();
    assert_int_equal(count_missing(ref, seeds, true), 0);

    /* the check sees a change: a paraphrase, an apostrophe of the other kind, a page break
     * left unjoined */
    assert_ok(snplp_commitment_set_title(snplp_referential_commitment_at(ref, 0),
                                         "l\u2019égalité des chances dès les premiers pas"));
    assert_int_equal(count_missing(ref, seeds, false), 1);
    assert_ok(snplp_objective_set_text(
        snplp_referential_objective_find(ref, "objective-plan-4"),
        "les axes du plan de formation et les principales évolutions attendues en matière de "
        "pratiques ## Stratégie nationale de prévention et de lutte contre la pauvreté "
        "professionnelles"));
    assert_int_equal(count_missing(ref, seeds, false), 2);
    free(seeds);
    snplp_referential_unref(ref);
}

/* Text from 004 (out of scope) is not taken for a seed. */
static void out_of_scope_seed_is_not_read(void **state)
{
    (void)state;
    size_t files = 0;
    char *seeds = read_seeds(&files);
    if (!seeds)
        skip();
    /* a phrase of 004 only: the 2012 report */
    snplp_referential *ref = test_builtin();
    assert_ok(snplp_strategy_set_title(snplp_referential_strategy(ref),
                                       "Groupe de travail \"Gouvernance des politiques de "
                                       "solidarité\""));
    assert_int_equal(count_missing(ref, seeds, false), 1);
    free(seeds);
    snplp_referential_unref(ref);
}

/* The walk above reaches every item (nothing escapes the seed check), and every id follows
 * the documented scheme: the kind's name, a dash, a readable rest (docs/referential.md). */
static void every_item_is_visited_and_named_by_the_scheme(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    texts t = all_texts(ref);
    assert_int_equal(t.ids.count, snplp_referential_item_count(ref));
    for (size_t i = 0; i < t.ids.count; i++) {
        const char *id = t.ids.at[i];
        const char *kind = snplp_kind_name(snplp_referential_kind_of(ref, id));
        size_t klen = strlen(kind);
        if (strcmp(id, kind) == 0)
            continue; /* the singletons: "strategy", "training-plan" */
        if (strncmp(id, kind, klen) != 0 || id[klen] != '-' || !id[klen + 1])
            print_error("id %s does not start with %s-\n", id, kind);
        assert_true(strncmp(id, kind, klen) == 0 && id[klen] == '-' && id[klen + 1]);
    }
    release(&t);
    snplp_referential_unref(ref);
}

/* The seeds' text of 003 alone, normalized as above; NULL when the seeds are not there. */
static char *read_seed_003(void)
{
    const char *dir = seeds_dir();
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char *norm = NULL;
    for (struct dirent *e; (e = readdir(d)) && !norm;) {
        if (strncmp(e->d_name, "003_", 4) != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *fp = fopen(path, "rb");
        assert_non_null(fp);
        assert_int_equal(fseek(fp, 0, SEEK_END), 0);
        long len = ftell(fp);
        assert_true(len > 0);
        rewind(fp);
        char *buf = malloc((size_t)len);
        assert_non_null(buf);
        assert_int_equal(fread(buf, 1, (size_t)len, fp), (size_t)len);
        fclose(fp);
        norm = normalize(buf, (size_t)len);
        free(buf);
    }
    closedir(d);
    return norm;
}

/* The line of text at index n (0-based) of a text of several lines, as a new string. */
static char *line_at(const char *text, size_t n)
{
    for (; n > 0; n--) {
        text = strchr(text, '\n');
        assert_non_null(text);
        text++;
    }
    const char *nl = strchr(text, '\n');
    char *line = strndup(text, nl ? (size_t)(nl - text) : strlen(text));
    assert_non_null(line);
    return line;
}

/* The sentence of 003 that makes the four points a rule of every module, and the training
 * bodies' pedagogical freedom, are the training plan's rule text, verbatim (with the seed's
 * spelling « débiter »), the four points under the rule as the seed lists them. */
static const char rule_sentence[] = "Pour atteindre cet objectif, tous les modules de formation "
                                    "devront débiter par une présentation des grands axes de la "
                                    "stratégie :";
static const char perspective_sentence[] = "Ainsi qu'une mise en perspective par rapport à la "
                                           "contribution que peut apporter le travail social :";
static const char freedom_sentence[] =
    "Les établissements de formation qui seront finalement retenus pour délivrer ces formations "
    "conserveront évidemment une liberté pédagogique pour définir les modalités leur apparaissant "
    "les plus pertinentes pour atteindre les objectifs fixés à cette formation.";

static void training_plan_rule_text(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    const snplp_training_plan *tp = snplp_referential_training_plan(ref);
    const char *rule = snplp_training_plan_rule(tp);
    assert_non_null(rule);
    size_t lines = 1;
    for (const char *p = rule; (p = strchr(p, '\n')); p++)
        lines++;
    assert_int_equal(lines, 7);
    /* the rule, then objectives 2 and 3, the second sentence, objectives 4 and 5 */
    const char *expect[7] = {rule_sentence,   NULL, NULL, perspective_sentence, NULL, NULL,
                             freedom_sentence};
    static const size_t objective_of_line[7] = {0, 1, 2, 0, 3, 4, 0};
    for (size_t i = 0; i < 7; i++) {
        char *line = line_at(rule, i);
        const char *want =
            expect[i]
                ? expect[i]
                : snplp_objective_text(snplp_training_plan_objective_at(tp, objective_of_line[i]));
        assert_string_equal(line, want);
        free(line);
    }
    /* the sentences are the seed's own, verbatim (when the seeds are there) */
    char *seed = read_seed_003();
    if (seed) {
        assert_non_null(strstr(seed, rule_sentence));
        assert_non_null(strstr(seed, perspective_sentence));
        assert_non_null(strstr(seed, freedom_sentence));
        free(seed);
    } else {
        print_message("seed 003 not found in %s: the rule checked against its copy only\n",
                      seeds_dir());
    }
    snplp_referential_unref(ref);
}

/* A module's title is its heading in the seed, whole: "### <title>" is a line of 003. */
static void module_titles_are_the_seed_headings(void **state)
{
    (void)state;
    char *seed = read_seed_003();
    if (!seed) {
        print_message("seed 003 not found in %s (set SNPLP_SEEDS_DIR): skipped\n", seeds_dir());
        skip();
    }
    snplp_referential *ref = test_builtin();
    for (size_t i = 0; i < snplp_referential_module_count(ref); i++) {
        const char *title = snplp_module_title(snplp_referential_module_at(ref, i));
        size_t len = strlen(title);
        char *heading = malloc(len + 6);
        assert_non_null(heading);
        snprintf(heading, len + 6, "### %s\n", title);
        if (!strstr(seed, heading))
            print_error("module title \"%s\" is not a heading of 003\n", title);
        assert_non_null(strstr(seed, heading));
        free(heading);
    }
    free(seed);
    snplp_referential_unref(ref);
}

/* ---- counts and values, as the seeds give them ---- */

static void strategy_commitments_levers(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    const snplp_strategy *s = snplp_referential_strategy(ref);
    assert_text(snplp_strategy_title(s),
                "Stratégie nationale de prévention et de lutte contre la pauvreté");
    assert_text(snplp_strategy_launch_date(s), "2018-09");
    assert_budget_cents(s, INT64_C(850000000000));
    assert_text(snplp_strategy_budget_text(s), "8,5 milliards d\u2019euros"); /* 001: curly */
    assert_int_equal(snplp_strategy_label_count(s), 4);
    assert_text(snplp_strategy_label_at(s, 0), "SNPLP");
    assert_text(snplp_strategy_label_at(s, 1), "stratégie pauvreté");

    static const char *const commitments[][2] = {
        {"commitment-equal-start", "l'égalité des chances dès les premiers pas"},
        {"commitment-child-rights", "garantir au quotidien les droits fondamentaux de l'enfant"},
        {"commitment-youth-training", "un parcours de formation garanti pour tous les jeunes"},
        {"commitment-social-rights", "des droits sociaux plus accessibles, plus équitables et "
                                     "plus incitatifs à l'activité"},
        {"commitment-employment", "investir pour l'accompagnement de tous vers l'emploi"},
    };
    assert_int_equal(snplp_referential_commitment_count(ref), 5);
    for (size_t i = 0; i < COUNT_OF(commitments); i++) {
        const snplp_commitment *c = snplp_referential_commitment_at(ref, i);
        assert_text(snplp_commitment_id(c), commitments[i][0]);
        assert_text(snplp_commitment_title(c), commitments[i][1]); /* 003: straight ' */
    }

    static const char *const levers[][2] = {
        {"lever-participation", "un choc de participation"},
        {"lever-social-work", "la rénovation du travail social"},
        {"lever-territories", "un pilotage à partir des territoires"},
    };
    assert_int_equal(snplp_referential_lever_count(ref), 3);
    for (size_t i = 0; i < COUNT_OF(levers); i++) {
        const snplp_lever *l = snplp_referential_lever_at(ref, i);
        assert_text(snplp_lever_id(l), levers[i][0]);
        assert_text(snplp_lever_title(l), levers[i][1]);
    }
    /* 003 ends the list with "...": recorded as an open list, and the wording kept */
    assert_true(snplp_strategy_levers_open(s));
    const snplp_objective *o = snplp_referential_objective_find(ref, "objective-plan-3");
    assert_non_null(strstr(snplp_objective_text(o), "un pilotage à partir des territoires...)"));
    snplp_referential_unref(ref);
}

static void training_plan(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    const snplp_training_plan *tp = snplp_referential_training_plan(ref);
    assert_text(snplp_training_plan_title(tp), "plan de formation des travailleurs sociaux");
    assert_max_module_days(tp, 5.0);
    assert_int_equal(snplp_training_plan_objective_count(tp), 5);
    assert_int_equal(snplp_training_plan_outcome_count(tp), 0);
    /* rejoined across the page break: "...en matière de pratiques" + "professionnelles," */
    assert_text(snplp_objective_text(snplp_training_plan_objective_at(tp, 3)),
                "les axes du plan de formation et les principales évolutions attendues en "
                "matière de pratiques professionnelles");
    assert_non_null(strstr(snplp_training_plan_audience(tp), "de niveau II (niveau 6 dans"));

    assert_int_equal(snplp_referential_diploma_rule_count(ref), 1);
    const snplp_diploma_rule *r = snplp_referential_diploma_rule_at(ref, 0);
    assert_min_level(r, 6);

    assert_int_equal(snplp_referential_funding_count(ref), 1);
    const snplp_funding *f = snplp_referential_funding_find(ref, "funding-training");
    assert_amount_cents(f, INT64_C(100000000)); /* 1 million euros */
    assert_text(snplp_funding_period(f), "pendant trois ans");
    snplp_referential_unref(ref);
}

static void six_themes_with_their_other_names(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    static const char *const ids[] = {"theme-social-development", "theme-participation",
                                      "theme-insertion",          "theme-digital",
                                      "theme-territories",        "theme-outreach"};
    assert_int_equal(snplp_referential_theme_count(ref), 6);
    for (size_t i = 0; i < COUNT_OF(ids); i++) {
        const snplp_theme *t = snplp_referential_theme_at(ref, i);
        assert_text(snplp_theme_id(t), ids[i]);
        assert_non_null(snplp_theme_description(t));
        assert_true(snplp_theme_label_count(t) >= 2);
    }
    const snplp_theme *t = snplp_referential_theme_find(ref, "theme-insertion");
    assert_text(snplp_theme_title(t), "L\u2019insertion socio-professionnelle"); /* 001 */
    assert_int_equal(snplp_theme_objective_count(t), 9);
    assert_int_equal(snplp_theme_outcome_count(t), 9);
    size_t involved = 0;
    for (size_t i = 0; i < 9; i++)
        involved += snplp_outcome_for_involved(snplp_theme_outcome_at(t, i));
    assert_int_equal(involved, 2);
    assert_true(snplp_outcome_for_involved(snplp_theme_outcome_at(t, 7)));
    assert_true(snplp_outcome_for_involved(snplp_theme_outcome_at(t, 8)));
    assert_int_equal(snplp_theme_recommendation_count(t), 5);
    assert_non_null(strstr(snplp_recommendation_text(snplp_theme_recommendation_at(t, 2)),
                           "dans la limite de 5 jours maximum."));
    /* the other themes have no objectives of their own in the seeds */
    assert_int_equal(snplp_theme_objective_count(snplp_referential_theme_at(ref, 0)), 0);
    assert_int_equal(snplp_theme_module_count(snplp_referential_theme_at(ref, 0)), 0);
    snplp_referential_unref(ref);
}

static size_t children(const snplp_content *c)
{
    return snplp_content_child_count(c);
}

static void the_two_insertion_modules(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    const snplp_theme *t = snplp_referential_theme_find(ref, "theme-insertion");
    assert_int_equal(snplp_theme_module_count(t), 2);
    assert_int_equal(snplp_referential_module_count(ref), 2);

    const snplp_module *fund = snplp_theme_module_at(t, 0);
    assert_text(snplp_module_id(fund), "module-insertion-fundamentals");
    assert_int_equal(snplp_module_level(fund), SNPLP_LEVEL_FUNDAMENTALS);
    /* a module's title is its heading in the seed, whole (docs/referential.md) */
    assert_text(snplp_module_title(fund),
                "Module : Les fondamentaux de l'insertion socio-professionnelle");
    assert_non_null(snplp_module_subtitle(fund));
    assert_non_null(snplp_module_audience(fund));
    assert_non_null(strchr(snplp_module_role(fund), '\n')); /* two paragraphs */
    assert_int_equal(snplp_module_competence_count(fund), 4);
    assert_int_equal(snplp_module_prerequisite_count(fund), 0);

    const snplp_module *expert = snplp_theme_module_at(t, 1);
    assert_text(snplp_module_id(expert), "module-insertion-expert");
    assert_int_equal(snplp_module_level(expert), SNPLP_LEVEL_EXPERT);
    assert_text(snplp_module_title(expert), "Module « expert »");
    assert_int_equal(snplp_module_competence_count(expert), 7);
    assert_int_equal(snplp_module_prerequisite_count(expert), 1);
    assert_text(snplp_module_prerequisite_at(expert, 0), "module-insertion-fundamentals");
    /* the 7th competence is written in bold in the seed, with a small letter */
    assert_text(snplp_competence_title(snplp_module_competence_at(expert, 6)),
                "contribuer au développement de projets et de partenariats, notamment autour de "
                "pratiques inspirantes et d'expérimentations, dans le domaine de l'insertion "
                "socio-professionnelle");

    /* "Focus sur les dispositifs centraux": 5 numbered groups with their own bullets */
    const snplp_competence *c1 = snplp_module_competence_at(fund, 0);
    assert_int_equal(snplp_competence_content_count(c1), 9);
    const snplp_content *focus = snplp_competence_content_at(c1, 8);
    assert_text(snplp_content_id(focus), "content-insertion-fundamentals-1-9");
    assert_true(strncmp(snplp_content_text(focus), "Focus sur les dispositifs centraux", 34) == 0);
    static const size_t bullets[] = {5, 5, 4, 0, 1};
    assert_int_equal(children(focus), 5);
    for (size_t i = 0; i < 5; i++) {
        const snplp_content *g = snplp_content_child_at(focus, i);
        assert_int_equal(snplp_content_style(g), SNPLP_STYLE_NUMBERED);
        assert_int_equal(children(g), bullets[i]);
        assert_ptr_equal(snplp_content_parent(g), focus);
        assert_ptr_equal(snplp_content_competence(g), c1);
    }
    /* the fifth group nests one level deeper */
    const snplp_content *creation = snplp_content_child_at(snplp_content_child_at(focus, 4), 0);
    assert_text(snplp_content_text(creation), "la création d'entreprise");
    assert_int_equal(children(creation), 1);

    /* the 4th competence's joined heading: "Mobiliser..." titles it, "Orienter vers..." heads
     * its items */
    const snplp_competence *c4 = snplp_module_competence_at(fund, 3);
    assert_text(snplp_competence_title(c4),
                "Mobiliser l'offre de services et les outils /dispositifs à disposition");
    assert_int_equal(snplp_competence_content_count(c4), 1);
    const snplp_content *orient = snplp_competence_content_at(c4, 0);
    assert_int_equal(snplp_content_style(orient), SNPLP_STYLE_HEADING);
    assert_int_equal(children(orient), 5);

    /* "Coordonner son action...": two sub-headings, the first with no items */
    const snplp_competence *e4 = snplp_module_competence_at(expert, 3);
    assert_text(snplp_competence_title(e4), "Coordonner son action avec les autres partenaires");
    assert_int_equal(snplp_competence_content_count(e4), 2);
    assert_int_equal(snplp_content_style(snplp_competence_content_at(e4, 0)), SNPLP_STYLE_HEADING);
    assert_int_equal(children(snplp_competence_content_at(e4, 0)), 0);
    assert_int_equal(children(snplp_competence_content_at(e4, 1)), 4);
    snplp_referential_unref(ref);
}

static void professions_and_other_plans(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    assert_int_equal(snplp_referential_profession_count(ref), 9);
    size_t workers = 0, cadres = 0;
    for (size_t i = 0; i < 9; i++) {
        const snplp_profession *p = snplp_referential_profession_at(ref, i);
        workers += snplp_profession_category(p) == SNPLP_CATEGORY_WORKER;
        cadres += snplp_profession_category(p) == SNPLP_CATEGORY_CADRE;
        assert_null(snplp_profession_abbreviation(p)); /* the seeds give none */
    }
    assert_int_equal(workers, 6);
    assert_int_equal(cadres, 3);
    assert_text(snplp_profession_title(snplp_referential_profession_at(ref, 8)),
                "directeurs d\u2019établissement");

    assert_int_equal(snplp_referential_plan_count(ref), 2);
    const snplp_plan *aee = snplp_referential_plan_find(ref, "plan-early-childhood");
    assert_text(snplp_plan_title(aee), "Ambition Enfance Egalité");
    assert_int_equal(snplp_plan_figure_count(aee), 1);
    assert_int_equal(snplp_figure_value(snplp_plan_figure_at(aee, 0)), 600000);

    const snplp_plan *days = snplp_referential_plan_find(ref, "plan-early-childhood-days");
    /* 002 writes narrow no-break spaces inside « »: kept */
    assert_text(snplp_plan_title(days), "journées «\u202fEnfance =\u202fégalité »");
    static const char *const themes[] = {"langage",
                                         "arts et culture",
                                         "alimentation et nature",
                                         "accueil occasionnel",
                                         "accueil de la diversité",
                                         "accueil des parents"};
    assert_int_equal(snplp_plan_plan_theme_count(days), 6);
    for (size_t i = 0; i < COUNT_OF(themes); i++)
        assert_text(snplp_plan_theme_title(snplp_plan_plan_theme_at(days, i)), themes[i]);
    snplp_referential_unref(ref);
}

/* ---- a referential like any other ---- */

static void validates_without_findings(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    snplp_diagnostics *d = new_diags();
    assert_ok(snplp_referential_validate(ref, d));
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++)
        print_error("%s\n", snplp_diagnostic_message(snplp_diagnostics_at(d, i)));
    assert_int_equal(snplp_diagnostics_count(d), 0);
    snplp_diagnostics_free(d);
    snplp_referential_unref(ref);
}

static void each_call_is_independent_and_mutable(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    snplp_referential *a = test_builtin();
    snplp_referential *b = test_builtin();
    assert_ptr_not_equal(a, b);
    assert_true(snplp_referential_equal(a, b));
    size_t items = snplp_referential_item_count(a);

    assert_ok(snplp_referential_add_commitment(NULL, a, "commitment-local", "Un engagement local"));
    assert_ok(snplp_theme_set_title(snplp_referential_theme_find(a, "theme-outreach"), "Aller"));
    assert_false(snplp_referential_equal(a, b));
    assert_int_equal(snplp_referential_item_count(b), items);
    assert_text(snplp_theme_title(snplp_referential_theme_find(b, "theme-outreach")), "Aller vers");
    assert_null(snplp_referential_commitment_find(b, "commitment-local"));

    snplp_referential_unref(a); /* b lives on alone */
    assert_text(snplp_theme_title(snplp_referential_theme_find(b, "theme-outreach")), "Aller vers");
    snplp_referential *c = test_builtin();
    assert_true(snplp_referential_equal(b, c)); /* a's changes reached no other copy */
    snplp_referential_unref(b);
    snplp_referential_unref(c);
    assert_int_equal(snplp_memory_used(), before);
    assert_fails(snplp_referential_builtin(NULL), SNPLP_EINVAL);
}

static void searchable(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    static const struct {
        const char *query, *id;
    } expect[] = {
        {"aller vers", "theme-outreach"},
        {"numérique", "theme-digital"},
        {"numerique", "theme-digital"}, /* accents folded */
        {"référent de parcours", "content-insertion-fundamentals-2-2"},
        {"référent de parcours", "content-insertion-expert-4-2-3"},
        {"insertion socioprofessionnelle", "theme-insertion"}, /* a label (002) */
        {"Enfance = égalité", "plan-early-childhood-days"},
        {"SNPLP", "strategy"},
        {"grands axes de la stratégie", "training-plan"}, /* the rule text */
    };
    for (size_t i = 0; i < COUNT_OF(expect); i++) {
        snplp_search_results *res = NULL;
        assert_ok(snplp_referential_search(&res, ref, expect[i].query));
        bool found = false;
        for (size_t j = 0; j < snplp_search_results_count(res); j++)
            found |=
                strcmp(snplp_search_hit_id(snplp_search_results_at(res, j)), expect[i].id) == 0;
        if (!found)
            print_error("'%s' did not find %s\n", expect[i].query, expect[i].id);
        assert_true(found);
        snplp_search_results_free(res);
    }
    snplp_referential_unref(ref);
}

static void *build_in_thread(void *arg)
{
    snplp_referential **out = arg;
    return (void *)(intptr_t)snplp_referential_builtin(out);
}

static void threads_build_at_once(void **state)
{
    (void)state;
    enum { N = 4 };
    snplp_referential *refs[N] = {0};
    void *rc[N] = {0};
    run_threads(N, build_in_thread, refs, sizeof refs[0], rc);
    for (int i = 0; i < N; i++)
        assert_int_equal((intptr_t)rc[i], SNPLP_OK);
    for (int i = 1; i < N; i++)
        assert_true(snplp_referential_equal(refs[0], refs[i]));
    for (int i = 0; i < N; i++)
        snplp_referential_unref(refs[i]);
}

static int build_step(void *ctx)
{
    snplp_referential **out = ctx;
    return snplp_referential_builtin(out);
}

static void out_of_memory(void **state)
{
    (void)state;
    snplp_referential *ref = NULL;
    int runs = test_oom_sweep(build_step, NULL, &ref);
    assert_non_null(ref);
    /* every item needs at least its own allocation and its first text's: each was made to
     * fail */
    assert_true((size_t)runs > 2 * snplp_referential_item_count(ref));
    snplp_referential *again = test_builtin();
    assert_true(snplp_referential_equal(ref, again));
    snplp_referential_unref(ref);
    snplp_referential_unref(again);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_text_occurs_in_a_seed),
        cmocka_unit_test(out_of_scope_seed_is_not_read),
        cmocka_unit_test(every_item_is_visited_and_named_by_the_scheme),
        cmocka_unit_test(training_plan_rule_text),
        cmocka_unit_test(module_titles_are_the_seed_headings),
        cmocka_unit_test(strategy_commitments_levers),
        cmocka_unit_test(training_plan),
        cmocka_unit_test(six_themes_with_their_other_names),
        cmocka_unit_test(the_two_insertion_modules),
        cmocka_unit_test(professions_and_other_plans),
        cmocka_unit_test(validates_without_findings),
        cmocka_unit_test(each_call_is_independent_and_mutable),
        cmocka_unit_test(searchable),
        cmocka_unit_test(threads_build_at_once),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
