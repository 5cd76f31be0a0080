/* Validation of a referential: every rule of the model, every finding, one pass. */
#include "model/referential/item.h"

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/days.h"
#include "util/diag.h"
#include "util/errors.h"
#include "util/text.h"

typedef struct checker {
    const snplp_referential *ref;
    snplp_diagnostics *diags;
    size_t errors;
    int rc; /* the first failure to add a finding (out of memory) */
} checker;

/* Adds the error code/variant of the catalogue about item id, with its arguments. */
static void error(checker *c, snplp_diag_code code, const char *id, const char *variant,
                  const snplp_msg_arg *args, size_t nargs)
{
    if (!c->rc)
        c->rc = snplp__finding(c->diags, &(snplp_finding){.severity = SNPLP_SEVERITY_ERROR,
                                                          .code = code,
                                                          .variant = variant,
                                                          .item_id = id,
                                                          .args = args,
                                                          .nargs = nargs});
    c->errors++;
}

/* ERROR(c, code, id, variant, SNPLP_ARGS(...)) */
#define ERROR(c, code, id, ...) error((c), (code), (id), __VA_ARGS__)

/* The kind of an item as the messages select on it: its name with "_" for "-"
 * ("plan_theme"). */
typedef struct kind_text {
    char s[32];
} kind_text;
static kind_text kind_choice(snplp_kind kind)
{
    kind_text t;
    snprintf(t.s, sizeof t.s, "%s", snplp_kind_name(kind));
    for (char *p = t.s; *p; p++)
        if (*p == '-')
            *p = '_';
    return t;
}

static void check_blank(checker *c, const snplp_item *it)
{
    const snplp_kind_info *k = snplp__kind_info((snplp_kind)it->kind);
    if (!k->required || !snplp__text_is_blank(snplp__item_texts(it)[0]))
        return;
    kind_text kind = kind_choice((snplp_kind)it->kind);
    if (k->texts[0] == SNPLP_FIELD_TITLE)
        ERROR(c, SNPLP_DIAG_EMPTY_TITLE, it->id, "title",
              SNPLP_ARGS(SNPLP_ARG(CHOICE, "kind", kind.s), SNPLP_ARG(ID, "item", it->id)));
    else
        ERROR(c, SNPLP_DIAG_EMPTY_TEXT, it->id, "text",
              SNPLP_ARGS(SNPLP_ARG(CHOICE, "kind", kind.s), SNPLP_ARG(ID, "item", it->id)));
}

/* Checks that each id of list l of module m names an item of kind want; link: the variant of
 * the messages and the name of the id's argument ("prerequisite", "profession"). */
static void check_refs(checker *c, const snplp_item *m, snplp_list_id l, snplp_kind want,
                       const char *link)
{
    const snplp_list *refs = snplp__item_list(m, l);
    for (uint32_t i = 0; i < refs->n; i++) {
        const char *id = refs->v[i];
        const snplp_item *target = snplp__idmap_get(&c->ref->ids, id);
        if (!target)
            ERROR(c, SNPLP_DIAG_DANGLING_REFERENCE, m->id, link,
                  SNPLP_ARGS(SNPLP_ARG(ID, "module", m->id), SNPLP_ARG(ID, link, id)));
        else if (target->kind != want)
            ERROR(c, SNPLP_DIAG_REFERENCE_KIND, m->id, link,
                  SNPLP_ARGS(SNPLP_ARG(ID, "module", m->id), SNPLP_ARG(ID, link, id),
                             SNPLP_ARG(CHOICE, "kind", kind_choice((snplp_kind)target->kind).s)));
    }
}

static void check_module(checker *c, const snplp_item *m, const snplp_item *plan)
{
    const char *theme_id = snplp__item_text(m, SNPLP_FIELD_THEME_ID);
    const snplp_item *theme = snplp__idmap_get(&c->ref->ids, theme_id);
    if (!theme)
        ERROR(c, SNPLP_DIAG_MISSING_PARENT, m->id, "theme",
              SNPLP_ARGS(SNPLP_ARG(ID, "module", m->id), SNPLP_ARG(ID, "theme", theme_id)));
    else if (theme->kind != SNPLP_KIND_THEME)
        ERROR(c, SNPLP_DIAG_REFERENCE_KIND, m->id, "theme",
              SNPLP_ARGS(SNPLP_ARG(ID, "module", m->id), SNPLP_ARG(ID, "theme", theme_id),
                         SNPLP_ARG(CHOICE, "kind", kind_choice((snplp_kind)theme->kind).s)));
    check_refs(c, m, LIST_PREREQUISITES, SNPLP_KIND_MODULE, "prerequisite");
    check_refs(c, m, LIST_PROFESSION_LINKS, SNPLP_KIND_PROFESSION, "profession");
    if (m->has_number && plan->has_number && m->number.real > plan->number.real) {
        char days[32], max[32];
        snplp__days_format(days, sizeof days, m->number.real);
        snplp__days_format(max, sizeof max, plan->number.real);
        ERROR(c, SNPLP_DIAG_DURATION_OVER_MAX, m->id, "module",
              SNPLP_ARGS(SNPLP_ARG(ID, "module", m->id), SNPLP_ARG(DECIMAL, "days", days),
                         SNPLP_ARG(DECIMAL, "max", max)));
    }
}

/* ---- prerequisite cycles: an iterative depth-first walk over the modules ---- */

typedef struct frame {
    uint32_t module; /* index in the referential's modules */
    uint32_t next;   /* next prerequisite to follow */
} frame;

static void report_cycle(checker *c, const snplp_list *modules, const frame *stack, size_t from,
                         size_t top)
{
    size_t len = 0;
    for (size_t i = from; i <= top; i++)
        len += strlen(((const snplp_item *)modules->v[stack[i].module])->id) + 4;
    const snplp_item *first = modules->v[stack[from].module];
    len += strlen(first->id) + 1;
    char *path = snplp__malloc(len);
    if (!path) {
        if (!c->rc)
            c->rc = snplp__oom();
        c->errors++;
        return;
    }
    size_t o = 0;
    for (size_t i = from; i <= top; i++) {
        const char *id = ((const snplp_item *)modules->v[stack[i].module])->id;
        size_t n = strlen(id);
        memcpy(path + o, id, n);
        memcpy(path + o + n, " -> ", 4);
        o += n + 4;
    }
    memcpy(path + o, first->id, strlen(first->id) + 1);
    ERROR(c, SNPLP_DIAG_PREREQUISITE_CYCLE, first->id, "cycle",
          SNPLP_ARGS(SNPLP_ARG(TEXT, "path", path)));
    snplp__free(path);
}

static int check_cycles(checker *c)
{
    const snplp_list *modules = &c->ref->lists[ROOT_MODULES];
    size_t n = modules->n;
    if (n == 0)
        return 0;
    uint8_t *color = snplp__calloc(n, 1); /* 0 unseen, 1 on the stack, 2 done */
    frame *stack = snplp__malloc(n * sizeof *stack);
    if (!color || !stack) {
        snplp__free(color);
        snplp__free(stack);
        return snplp__oom();
    }
    for (size_t s = 0; s < n; s++) {
        if (color[s])
            continue;
        size_t top = 0;
        stack[0] = (frame){(uint32_t)s, 0};
        color[s] = 1;
        for (;;) {
            frame *f = &stack[top];
            const snplp_list *pre = snplp__item_list(modules->v[f->module], LIST_PREREQUISITES);
            if (f->next < pre->n) {
                const snplp_item *t = snplp__idmap_get(&c->ref->ids, pre->v[f->next++]);
                if (!t || t->kind != SNPLP_KIND_MODULE)
                    continue; /* reported by check_refs */
                if (color[t->index] == 1) {
                    size_t from = top;
                    while (stack[from].module != t->index)
                        from--;
                    report_cycle(c, modules, stack, from, top);
                } else if (color[t->index] == 0) {
                    color[t->index] = 1;
                    stack[++top] = (frame){t->index, 0};
                }
                continue;
            }
            color[f->module] = 2;
            if (top == 0)
                break;
            top--;
        }
    }
    snplp__free(color);
    snplp__free(stack);
    return 0;
}

int snplp_referential_validate(const snplp_referential *ref, snplp_diagnostics *diags)
{
    if (!snplp__ref_ok(ref) || !diags)
        return snplp__bad_arg(__func__, "NULL argument");
    checker c = {ref, diags, 0, 0};
    const snplp_item *plan = ref->lists[ROOT_TRAINING_PLAN].v[0];
    for (const snplp_item *it = snplp__next(ref, NULL); it; it = snplp__next(ref, it)) {
        check_blank(&c, it);
        if (it->kind == SNPLP_KIND_MODULE)
            check_module(&c, it, plan);
    }
    int rc = check_cycles(&c);
    if (!rc)
        rc = c.rc;
    if (rc)
        return rc;
    if (c.errors)
        return snplp__fail_in(__func__, SNPLP_EVALIDATION, "%zu error%s found", c.errors,
                              c.errors == 1 ? "" : "s");
    return 0;
}
