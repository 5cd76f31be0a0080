/* The built-in referential: libsnplp/data/referential.xml, compiled in by the build
 * (data/embed.cmake), read with libxml2 into a new referential through the public API.
 *
 * The data is the library's own, so anything unexpected in it is a build defect
 * (SNPLP_EINTERNAL, with the line of the data file); the tests read it on every run. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <snplp/snplp.h>

#include "errors.h"

/* Generated from data/referential.xml by data/embed.cmake. */
extern const unsigned char snplp__builtin_referential_xml[];
extern const size_t snplp__builtin_referential_xml_size;

#define BUILTIN_NS   "urn:snplp:1.0"
#define BUILTIN_NAME "libsnplp/data/referential.xml"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

/* A defect of the compiled-in data at node n. */
static int defect(const xmlNode *n, const char *what, const char *name)
{
    return snplp__fail(SNPLP_EINTERNAL, "%s:%ld: built-in data: %s '%s'", BUILTIN_NAME,
                       n ? xmlGetLineNo(n) : 0L, what, name ? name : "");
}

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, BUILTIN_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

/* The next element child from c on (comments and white space between elements skipped);
 * *rc is set when anything else is there. */
static xmlNode *element(xmlNode *c, int *rc)
{
    for (; c && *rc == SNPLP_OK; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            return c;
        if (c->type == XML_COMMENT_NODE)
            continue;
        if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c))
            continue;
        *rc = defect(c, "unexpected content in", c->parent ? (const char *)c->parent->name : "");
    }
    return NULL;
}

#define EACH_CHILD(c, n, rc)                                                                       \
    for (xmlNode *c = element((n)->children, &(rc)); c && (rc) == SNPLP_OK;                        \
         c = element(c->next, &(rc)))

/* The text of a text-only element (verbatim: no white space is trimmed). */
static const char *text_of(const xmlNode *n, int *rc)
{
    if (*rc != SNPLP_OK)
        return NULL;
    const xmlNode *t = n->children;
    if (!t || t->next || t->type != XML_TEXT_NODE || !t->content) {
        *rc = defect(n, "expected text only in", (const char *)n->name);
        return NULL;
    }
    return (const char *)t->content;
}

static const char *attr(const xmlNode *n, const char *name, bool required, int *rc)
{
    xmlAttr *a = xmlHasProp(n, (const xmlChar *)name);
    if (a && a->children && a->children->type == XML_TEXT_NODE && !a->children->next)
        return (const char *)a->children->content;
    if (required && *rc == SNPLP_OK)
        *rc = defect(n, "missing attribute", name);
    return NULL;
}

/* A whole decimal number in [min, max] from an attribute. */
static int64_t number_attr(const xmlNode *n, const char *name, int64_t min, int64_t max, int *rc)
{
    const char *s = attr(n, name, true, rc);
    if (!s)
        return 0;
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || s[0] < '0' || s[0] > '9' || v < min || v > max) {
        if (*rc == SNPLP_OK)
            *rc = defect(n, "bad number in attribute", name);
        return 0;
    }
    return (int64_t)v;
}

static bool bool_attr(const xmlNode *n, const char *name, int *rc)
{
    const char *s = attr(n, name, false, rc);
    if (!s || strcmp(s, "false") == 0)
        return false;
    if (strcmp(s, "true") != 0 && *rc == SNPLP_OK)
        *rc = defect(n, "expected true or false in attribute", name);
    return true;
}

/* The enumeration value whose name(value) is the attribute's text. */
static int enum_attr(const xmlNode *n, const char *name, const char *(*names)(int), int count,
                     int *rc)
{
    const char *s = attr(n, name, true, rc);
    for (int v = 1; s && v <= count; v++)
        if (strcmp(s, names(v)) == 0)
            return v;
    if (*rc == SNPLP_OK)
        *rc = defect(n, "unknown value of attribute", name);
    return 0;
}

static const char *level_name(int v)
{
    return snplp_level_name((snplp_level)v);
}
static const char *style_name(int v)
{
    return snplp_style_name((snplp_style)v);
}
static const char *category_name(int v)
{
    return snplp_category_name((snplp_category)v);
}

/* Unknown child element of n. */
static int unknown(const xmlNode *c)
{
    return defect(c, "unknown element", (const char *)c->name);
}

/* Runs call only while no error is recorded: every value a call takes is read into a local
 * first, so a defect found while reading it is never overwritten by the call. */
#define THEN(call)                                                                                 \
    do {                                                                                           \
        if (rc == SNPLP_OK)                                                                        \
            rc = (call);                                                                           \
    } while (0)

static int read_strategy(snplp_strategy *s, xmlNode *n)
{
    int rc = SNPLP_OK;
    if (bool_attr(n, "levers-open", &rc))
        THEN(snplp_strategy_set_levers_open(s, true));
    EACH_CHILD(c, n, rc)
    {
        const char *v = is(c, "budget") ? NULL : text_of(c, &rc);
        if (is(c, "title"))
            THEN(snplp_strategy_set_title(s, v));
        else if (is(c, "label"))
            THEN(snplp_strategy_add_label(s, v));
        else if (is(c, "description"))
            THEN(snplp_strategy_set_description(s, v));
        else if (is(c, "launch-date"))
            THEN(snplp_strategy_set_launch_date(s, v));
        else if (is(c, "budget")) {
            int64_t cents = number_attr(c, "cents", 0, INT64_MAX, &rc);
            v = text_of(c, &rc);
            THEN(snplp_strategy_set_budget_cents(s, cents));
            THEN(snplp_strategy_set_budget_text(s, v));
        } else
            rc = unknown(c);
    }
    return rc;
}

/* <commitment>, <lever>: an id and a title, then an optional description. */
static int read_commitment(snplp_referential *ref, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_commitment *item = NULL;
    const char *id = attr(n, "id", true, &rc);
    EACH_CHILD(c, n, rc)
    {
        const char *v = text_of(c, &rc);
        if (is(c, "title") && !item)
            THEN(snplp_referential_add_commitment(&item, ref, id, v));
        else if (is(c, "description") && item)
            THEN(snplp_commitment_set_description(item, v));
        else
            rc = unknown(c);
    }
    return rc == SNPLP_OK && !item ? defect(n, "missing title in", "commitment") : rc;
}

static int read_lever(snplp_referential *ref, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_lever *item = NULL;
    const char *id = attr(n, "id", true, &rc);
    EACH_CHILD(c, n, rc)
    {
        const char *v = text_of(c, &rc);
        if (is(c, "title") && !item)
            THEN(snplp_referential_add_lever(&item, ref, id, v));
        else if (is(c, "description") && item)
            THEN(snplp_lever_set_description(item, v));
        else
            rc = unknown(c);
    }
    return rc == SNPLP_OK && !item ? defect(n, "missing title in", "lever") : rc;
}

/* An <objective> or <outcome> of the training plan (theme NULL) or of a theme. */
static int read_aim(snplp_training_plan *plan, snplp_theme *theme, xmlNode *c)
{
    int rc = SNPLP_OK;
    const char *id = attr(c, "id", true, &rc);
    const char *v = text_of(c, &rc);
    if (is(c, "objective")) {
        THEN(plan ? snplp_training_plan_add_objective(NULL, plan, id, v)
                  : snplp_theme_add_objective(NULL, theme, id, v));
        return rc;
    }
    snplp_outcome *o = NULL;
    bool involved = bool_attr(c, "for-involved", &rc);
    THEN(plan ? snplp_training_plan_add_outcome(&o, plan, id, v)
              : snplp_theme_add_outcome(&o, theme, id, v));
    if (involved)
        THEN(snplp_outcome_set_for_involved(o, true));
    return rc;
}

static int read_training_plan(snplp_training_plan *p, xmlNode *n)
{
    int rc = SNPLP_OK;
    if (attr(n, "max-module-days", false, &rc)) {
        int64_t days = number_attr(n, "max-module-days", 1, 366, &rc);
        THEN(snplp_training_plan_set_max_module_days(p, (double)days));
    }
    EACH_CHILD(c, n, rc)
    {
        if (is(c, "objective") || is(c, "outcome")) {
            rc = read_aim(p, NULL, c);
            continue;
        }
        const char *v = text_of(c, &rc);
        if (is(c, "title"))
            THEN(snplp_training_plan_set_title(p, v));
        else if (is(c, "description"))
            THEN(snplp_training_plan_set_description(p, v));
        else if (is(c, "audience"))
            THEN(snplp_training_plan_set_audience(p, v));
        else
            rc = unknown(c);
    }
    return rc;
}

static int read_theme(snplp_referential *ref, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_theme *t = NULL;
    const char *id = attr(n, "id", true, &rc);
    EACH_CHILD(c, n, rc)
    {
        if (t && (is(c, "objective") || is(c, "outcome"))) {
            rc = read_aim(NULL, t, c);
            continue;
        }
        const char *v = text_of(c, &rc);
        if (!t && is(c, "title"))
            THEN(snplp_referential_add_theme(&t, ref, id, v));
        else if (t && is(c, "label"))
            THEN(snplp_theme_add_label(t, v));
        else if (t && is(c, "description"))
            THEN(snplp_theme_set_description(t, v));
        else if (t && is(c, "recommendation")) {
            const char *rid = attr(c, "id", true, &rc);
            THEN(snplp_theme_add_recommendation(NULL, t, rid, v));
        } else
            rc = unknown(c);
    }
    return rc == SNPLP_OK && !t ? defect(n, "missing title in", "theme") : rc;
}

/* <content id style><text/> <content/>...</content>, under a competence or a content item. */
static int read_content(snplp_competence *comp, snplp_content *parent, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_content *item = NULL;
    const char *id = attr(n, "id", true, &rc);
    snplp_style style = (snplp_style)enum_attr(n, "style", style_name, 3, &rc);
    EACH_CHILD(c, n, rc)
    {
        if (!item && is(c, "text")) {
            const char *v = text_of(c, &rc);
            THEN(parent ? snplp_content_add_child(&item, parent, id, style, v)
                        : snplp_competence_add_content(&item, comp, id, style, v));
        } else if (item && is(c, "content"))
            rc = read_content(comp, item, c);
        else
            rc = unknown(c);
    }
    return rc == SNPLP_OK && !item ? defect(n, "missing text in", "content") : rc;
}

static int read_competence(snplp_module *m, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_competence *comp = NULL;
    const char *id = attr(n, "id", true, &rc);
    EACH_CHILD(c, n, rc)
    {
        if (!comp && is(c, "title")) {
            const char *v = text_of(c, &rc);
            THEN(snplp_module_add_competence(&comp, m, id, v));
        } else if (comp && is(c, "content"))
            rc = read_content(comp, NULL, c);
        else
            rc = unknown(c);
    }
    return rc == SNPLP_OK && !comp ? defect(n, "missing title in", "competence") : rc;
}

static int read_module(snplp_referential *ref, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_module *m = NULL;
    const char *id = attr(n, "id", true, &rc);
    const char *theme = attr(n, "theme", true, &rc);
    snplp_level level = (snplp_level)enum_attr(n, "level", level_name, 2, &rc);
    EACH_CHILD(c, n, rc)
    {
        if (m && is(c, "competence")) {
            rc = read_competence(m, c);
            continue;
        }
        if (m && (is(c, "prerequisite") || is(c, "profession"))) {
            const char *target = attr(c, "ref", true, &rc);
            THEN(is(c, "prerequisite") ? snplp_module_add_prerequisite(m, target)
                                       : snplp_module_add_profession(m, target));
            continue;
        }
        const char *v = text_of(c, &rc);
        if (!m && is(c, "title"))
            THEN(snplp_referential_add_module(&m, ref, theme, id, level, v));
        else if (m && is(c, "subtitle"))
            THEN(snplp_module_set_subtitle(m, v));
        else if (m && is(c, "audience"))
            THEN(snplp_module_set_audience(m, v));
        else if (m && is(c, "role"))
            THEN(snplp_module_set_role(m, v));
        else if (m && is(c, "recommendation")) {
            const char *rid = attr(c, "id", true, &rc);
            THEN(snplp_module_add_recommendation(NULL, m, rid, v));
        } else
            rc = unknown(c);
    }
    return rc == SNPLP_OK && !m ? defect(n, "missing title in", "module") : rc;
}

static int read_profession(snplp_referential *ref, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_profession *p = NULL;
    const char *id = attr(n, "id", true, &rc);
    snplp_category cat = (snplp_category)enum_attr(n, "category", category_name, 2, &rc);
    EACH_CHILD(c, n, rc)
    {
        const char *v = text_of(c, &rc);
        if (!p && is(c, "title"))
            THEN(snplp_referential_add_profession(&p, ref, id, cat, v));
        else if (p && is(c, "abbreviation"))
            THEN(snplp_profession_set_abbreviation(p, v));
        else
            rc = unknown(c);
    }
    return rc == SNPLP_OK && !p ? defect(n, "missing title in", "profession") : rc;
}

static int read_diploma_rule(snplp_referential *ref, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_diploma_rule *r = NULL;
    const char *id = attr(n, "id", true, &rc);
    int64_t level = number_attr(n, "min-level", 1, 8, &rc);
    const char *v = text_of(n, &rc);
    THEN(snplp_referential_add_diploma_rule(&r, ref, id, v));
    THEN(snplp_diploma_rule_set_min_level(r, (int)level));
    return rc;
}

static int read_funding(snplp_referential *ref, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_funding *f = NULL;
    const char *id = attr(n, "id", true, &rc);
    int64_t cents = number_attr(n, "cents", 0, INT64_MAX, &rc);
    EACH_CHILD(c, n, rc)
    {
        const char *v = text_of(c, &rc);
        if (!f && is(c, "title")) {
            THEN(snplp_referential_add_funding(&f, ref, id, v));
            THEN(snplp_funding_set_amount_cents(f, cents));
        } else if (f && is(c, "period"))
            THEN(snplp_funding_set_period(f, v));
        else if (f && is(c, "source-text"))
            THEN(snplp_funding_set_source_text(f, v));
        else
            rc = unknown(c);
    }
    return rc == SNPLP_OK && !f ? defect(n, "missing title in", "funding") : rc;
}

static int read_plan_theme(snplp_plan *p, xmlNode *n)
{
    int rc = SNPLP_OK;
    const char *id = attr(n, "id", true, &rc);
    xmlNode *title = element(n->children, &rc);
    if (rc == SNPLP_OK && (!title || !is(title, "title") || element(title->next, &rc)))
        return rc ? rc : defect(n, "expected one title in", "plan-theme");
    const char *v = rc == SNPLP_OK ? text_of(title, &rc) : NULL;
    THEN(snplp_plan_add_plan_theme(NULL, p, id, v));
    return rc;
}

static int read_plan(snplp_referential *ref, xmlNode *n)
{
    int rc = SNPLP_OK;
    snplp_plan *p = NULL;
    const char *id = attr(n, "id", true, &rc);
    EACH_CHILD(c, n, rc)
    {
        if (p && is(c, "plan-theme")) {
            rc = read_plan_theme(p, c);
            continue;
        }
        const char *v = text_of(c, &rc);
        if (!p && is(c, "title"))
            THEN(snplp_referential_add_plan(&p, ref, id, v));
        else if (p && is(c, "label"))
            THEN(snplp_plan_add_label(p, v));
        else if (p && is(c, "description"))
            THEN(snplp_plan_set_description(p, v));
        else if (p && is(c, "figure")) {
            const char *fid = attr(c, "id", true, &rc);
            int64_t value = number_attr(c, "value", INT64_MIN, INT64_MAX, &rc);
            THEN(snplp_plan_add_figure(NULL, p, fid, value, v));
        } else
            rc = unknown(c);
    }
    return rc == SNPLP_OK && !p ? defect(n, "missing title in", "plan") : rc;
}

static int read_referential(snplp_referential *ref, xmlNode *root)
{
    int rc = SNPLP_OK;
    if (!root || !is(root, "referential"))
        return defect(root, "expected the root element", "referential");
    EACH_CHILD(c, root, rc)
    {
        if (is(c, "strategy"))
            rc = read_strategy(snplp_referential_strategy(ref), c);
        else if (is(c, "commitment"))
            rc = read_commitment(ref, c);
        else if (is(c, "lever"))
            rc = read_lever(ref, c);
        else if (is(c, "training-plan"))
            rc = read_training_plan(snplp_referential_training_plan(ref), c);
        else if (is(c, "theme"))
            rc = read_theme(ref, c);
        else if (is(c, "module"))
            rc = read_module(ref, c);
        else if (is(c, "profession"))
            rc = read_profession(ref, c);
        else if (is(c, "diploma-rule"))
            rc = read_diploma_rule(ref, c);
        else if (is(c, "funding"))
            rc = read_funding(ref, c);
        else if (is(c, "plan"))
            rc = read_plan(ref, c);
        else
            rc = unknown(c);
    }
    return rc;
}

/* Internal (reached by the tests through libsnplp.a): reads a referential in the built-in
 * data's form from xml[0..len). */
int snplp__builtin_read(snplp_referential **out, const char *xml, size_t len);

int snplp__builtin_read(snplp_referential **out, const char *xml, size_t len)
{
    if (!out || !xml || len > INT_MAX)
        return snplp__bad_arg(__func__, "NULL argument or too long");
    pthread_once(&xml_once, xml_init);

    xmlParserCtxt *ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return snplp__oom();
    xmlDoc *doc = xmlCtxtReadMemory(ctxt, xml, (int)len, BUILTIN_NAME, "UTF-8",
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    int rc = SNPLP_OK;
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        if (e && e->domain == XML_FROM_MEMORY)
            rc = snplp__oom();
        else
            rc = snplp__fail(SNPLP_EINTERNAL, "%s:%d:%d: built-in data: %s", BUILTIN_NAME,
                             e ? e->line : 0, e ? e->int2 : 0,
                             e && e->message ? e->message : "unreadable");
    }
    xmlFreeParserCtxt(ctxt);
    if (rc != SNPLP_OK)
        return rc;

    snplp_referential *ref = NULL;
    rc = snplp_referential_new(&ref);
    if (rc == SNPLP_OK)
        rc = read_referential(ref, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    if (rc != SNPLP_OK) {
        snplp_referential_unref(ref);
        return rc;
    }
    *out = ref;
    return SNPLP_OK;
}

int snplp_referential_builtin(snplp_referential **out)
{
    if (!out)
        return snplp__bad_arg(__func__, "NULL out");
    return snplp__builtin_read(out, (const char *)snplp__builtin_referential_xml,
                               snplp__builtin_referential_xml_size);
}
