/* Reading files of conventions from XML: the rules of the format as tables (the same rules as
 * libsnplp/schema/snplp-1.0.xsd), checked by the streaming core (reader.c); this reader makes
 * each convention, action and indicator when its first text arrives and stores the yearly
 * records as their elements are read, through the model's functions (their checks, their
 * messages), with the texts marked as checked by libxml2. */
#include <string.h>

#include <snplp/snplp.h>

#include "exchange/xml/reader.h"
#include "model/conventions/convention_model.h"
#include "util/alloc.h"
#include "util/errors.h"
#include "util/yeartab.h"

/* ---- the rules ---- */

typedef enum ctype {
    T_CROOT,
    T_CONVENTION,
    T_SIGNATORY,
    T_FUNDING,
    T_REPORT,
    T_ACTION,
    T_STATUS,
    T_INDICATOR,
    T_BASELINE,
    T_VALUES,
    T_FROM_RECORDS, /* 1.1 */
    T_RECORDS_REF,  /* 1.1: a filter of <from-records> (its element's name tells the kind) */
    T_COUNT
} ctype;

/* What an attribute is (a rule's slot). */
enum {
    A_ID,
    A_KIND,
    A_CODE,
    A_FIRST_YEAR,
    A_LAST_YEAR,
    A_DATE,
    A_YEAR,
    A_STATE_CENTS,
    A_OWN_CENTS,
    A_OBJECTIVE,
    A_STATUS,
    A_UNIT,
    A_POLARITY,
    A_AGGREGATION,
    A_WEIGHT,
    A_NUMERATOR,
    A_DENOMINATOR,
    A_VALUE, /* a baseline's value, or a year's target */
    A_ACTUAL,
    A_MEASURE,
    A_REF
};

/* The texts (a text element's code). */
enum {
    F_TERRITORY_NAME,
    F_ROLE,
    F_NAME,
    F_TITLE,
    F_DESCRIPTION,
    F_REASON,
    F_LABEL,
    F_SOURCE,
    F_COMMENT
};

static int kind_of(const char *name)
{
    return (int)snplp_territory_kind_from_name(name);
}
static int objective_of(const char *name)
{
    return (int)snplp_action_objective_from_name(name);
}
static int status_of(const char *name)
{
    return (int)snplp_action_status_from_name(name);
}
static int unit_of(const char *name)
{
    return (int)snplp_unit_from_name(name);
}
static int polarity_of(const char *name)
{
    return (int)snplp_polarity_from_name(name);
}
static int measure_of(const char *name)
{
    return (int)snplp_records_measure_from_name(name);
}
/* the aggregation plus 1 (SNPLP_AGGREGATION_NONE is 0, a value) */
static int aggregation_of(const char *name)
{
    snplp_aggregation a;
    return snplp_aggregation_from_name(&a, name) ? (int)a + 1 : 0;
}

#define ATTR(name, type, required, slot)                                                           \
    {                                                                                              \
        name, type, required, slot, NULL, NULL                                                     \
    }
#define NAMED(name, required, slot, lookup)                                                        \
    {                                                                                              \
        name, V_NAME, required, slot, NULL, lookup                                                 \
    }
#define NO_ATTR                                                                                    \
    {                                                                                              \
        NULL, 0, false, 0, NULL, NULL                                                              \
    }
#define TEXT(name, field, min)                                                                     \
    {                                                                                              \
        name, SNPLP_XML_TEXT, min, 1, field, name                                                  \
    }
#define KID(name, type, min)                                                                       \
    {                                                                                              \
        name, type, min, 0, 0, NULL                                                                \
    }
#define NO_CHILD                                                                                   \
    {                                                                                              \
        NULL, 0, 0, 0, 0, NULL                                                                     \
    }

static const snplp_xml_attr_rule no_attrs[] = {NO_ATTR};
static const snplp_xml_attr_rule convention_attrs[] = {
    ATTR("id", V_ID, true, A_ID),
    NAMED("territory-kind", true, A_KIND, kind_of),
    ATTR("territory-code", V_CODE, true, A_CODE),
    ATTR("first-year", V_YEAR, false, A_FIRST_YEAR),
    ATTR("last-year", V_YEAR, false, A_LAST_YEAR),
    ATTR("signature-date", V_DAY, false, A_DATE),
    NO_ATTR};
static const snplp_xml_attr_rule funding_attrs[] = {
    ATTR("year", V_YEAR, true, A_YEAR), ATTR("state-cents", V_CENTS, true, A_STATE_CENTS),
    ATTR("own-cents", V_CENTS, true, A_OWN_CENTS), NO_ATTR};
static const snplp_xml_attr_rule report_attrs[] = {ATTR("year", V_YEAR, true, A_YEAR),
                                                   ATTR("sent", V_DAY, true, A_DATE), NO_ATTR};
static const snplp_xml_attr_rule action_attrs[] = {
    ATTR("id", V_ID, true, A_ID), NAMED("objective", true, A_OBJECTIVE, objective_of), NO_ATTR};
static const snplp_xml_attr_rule status_attrs[] = {
    ATTR("year", V_YEAR, true, A_YEAR), NAMED("value", true, A_STATUS, status_of), NO_ATTR};
static const snplp_xml_attr_rule indicator_attrs[] = {
    ATTR("id", V_ID, true, A_ID),
    NAMED("unit", true, A_UNIT, unit_of),
    NAMED("polarity", false, A_POLARITY, polarity_of),
    NAMED("aggregation", false, A_AGGREGATION, aggregation_of),
    ATTR("weight", V_ID, false, A_WEIGHT),
    ATTR("numerator", V_ID, false, A_NUMERATOR),
    ATTR("denominator", V_ID, false, A_DENOMINATOR),
    NO_ATTR};
static const snplp_xml_attr_rule baseline_attrs[] = {
    ATTR("year", V_YEAR, true, A_YEAR), ATTR("value", V_DECIMAL, true, A_VALUE), NO_ATTR};
static const snplp_xml_attr_rule values_attrs[] = {
    ATTR("year", V_YEAR, true, A_YEAR), ATTR("target", V_DECIMAL, false, A_VALUE),
    ATTR("actual", V_DECIMAL, false, A_ACTUAL), NO_ATTR};

static const snplp_xml_attr_rule from_records_attrs[] = {
    NAMED("measure", true, A_MEASURE, measure_of), NO_ATTR};
static const snplp_xml_attr_rule ref_attrs[] = {ATTR("ref", V_ID, true, A_REF), NO_ATTR};

static const snplp_xml_child_rule no_children[] = {NO_CHILD};
static const snplp_xml_child_rule root_children[] = {KID("convention", T_CONVENTION, 1), NO_CHILD};
static const snplp_xml_child_rule convention_children[] = {
    TEXT("territory-name", F_TERRITORY_NAME, 1),
    KID("signatory", T_SIGNATORY, 0),
    KID("funding", T_FUNDING, 0),
    KID("report", T_REPORT, 0),
    KID("action", T_ACTION, 0),
    KID("indicator", T_INDICATOR, 0),
    NO_CHILD};
static const snplp_xml_child_rule signatory_children[] = {TEXT("role", F_ROLE, 1),
                                                          TEXT("name", F_NAME, 1), NO_CHILD};
static const snplp_xml_child_rule action_children[] = {TEXT("title", F_TITLE, 1),
                                                       TEXT("description", F_DESCRIPTION, 0),
                                                       KID("status", T_STATUS, 0), NO_CHILD};
static const snplp_xml_child_rule status_children[] = {TEXT("reason", F_REASON, 0), NO_CHILD};
static const snplp_xml_child_rule indicator_children[] = {
    TEXT("label", F_LABEL, 1),
    {"baseline", T_BASELINE, 0, 1, 0, NULL},
    KID("values", T_VALUES, 0),
    {"from-records", T_FROM_RECORDS, 0, SNPLP_XML_TAIL, 0, NULL},
    NO_CHILD};
/* in the order of snplp_records_filter */
static const snplp_xml_child_rule from_records_children[] = {
    KID("theme-ref", T_RECORDS_REF, 0), KID("module-ref", T_RECORDS_REF, 0),
    KID("plan-ref", T_RECORDS_REF, 0), KID("profession-ref", T_RECORDS_REF, 0), NO_CHILD};
static const snplp_xml_child_rule values_children[] = {TEXT("source", F_SOURCE, 0),
                                                       TEXT("comment", F_COMMENT, 0), NO_CHILD};

static const snplp_xml_elem_rule rules[T_COUNT] = {
    [T_CROOT] = {"conventions", no_attrs, root_children, false},
    [T_CONVENTION] = {"convention", convention_attrs, convention_children, true},
    [T_SIGNATORY] = {"signatory", no_attrs, signatory_children, false},
    [T_FUNDING] = {"funding", funding_attrs, no_children, false},
    [T_REPORT] = {"report", report_attrs, no_children, false},
    [T_ACTION] = {"action", action_attrs, action_children, true},
    [T_STATUS] = {"status", status_attrs, status_children, false},
    [T_INDICATOR] = {"indicator", indicator_attrs, indicator_children, true},
    [T_BASELINE] = {"baseline", baseline_attrs, no_children, false},
    [T_VALUES] = {"values", values_attrs, values_children, false},
    [T_FROM_RECORDS] = {"from-records", from_records_attrs, from_records_children, false},
    [T_RECORDS_REF] = {"reference", ref_attrs, no_children, false},
};

/* ---- the reader ---- */

typedef struct cframe {
    snplp_xml_frame core;
    /* the object made for the element (at most one of them) and its extensions */
    snplp_convention *conv;
    snplp_action *action;
    snplp_indicator *ind;
    snplp_ext *ext;
    char *pending; /* a signatory's role, a status's reason: until the element ends */
    /* an indicator's <values> years read so far: the first ones in seen_first, the others in
     * seen (int32_t records) */
    snplp_yeartab seen;
    uint8_t nseen_first;
    /* which attributes were read */
    bool has_id, has_year, has_last_year, has_date, has_dec[2], has_polarity, has_aggregation;
    bool has_weight, has_numerator, has_denominator;
    /* the values read from the attributes: written before being read (a required attribute
     * missing makes the element dead), so not zeroed for each element */
    int32_t seen_first[4];
    int32_t year, last_year; /* year: a record's year, or a convention's first year */
    snplp_date date;
    snplp_decimal dec[2]; /* a value or target, an actual */
    int kind, objective, status, unit, polarity, aggregation, measure;
    int64_t cents[2]; /* state, own */
    char code[16];
    char id[SNPLP_ID_MAX + 1];
    char weight[SNPLP_ID_MAX + 1], numerator[SNPLP_ID_MAX + 1], denominator[SNPLP_ID_MAX + 1];
    char ref[SNPLP_ID_MAX + 1]; /* a filter's id */
} cframe;

typedef struct creader {
    snplp_xml_reader core;
    snplp_convention_list *list;
} creader;

#define ID(f) ((f)->has_id ? (const char *)(f)->id : NULL)

static cframe *parent_of(creader *r, cframe *f)
{
    return (cframe *)(void *)snplp__xml_parent(&r->core, &f->core);
}

/* The parent's object (NULL: none, it could not be made). */
static snplp_convention *parent_conv(creader *r, cframe *f)
{
    cframe *p = parent_of(r, f);
    return p && !p->core.dead ? p->conv : NULL;
}
static snplp_action *parent_action(creader *r, cframe *f)
{
    cframe *p = parent_of(r, f);
    return p && !p->core.dead ? p->action : NULL;
}
static snplp_indicator *parent_indicator(creader *r, cframe *f)
{
    cframe *p = parent_of(r, f);
    return p && !p->core.dead ? p->ind : NULL;
}

/* An error of the catalogue (util/messages/diag/xml.en.txt) at the element of f, about the
 * object item_id (NULL: none). */
static void say(creader *r, const cframe *f, snplp_diag_code code, const char *variant,
                const char *item_id, const snplp_msg_arg *args, size_t n)
{
    snplp__xml_error_at(&r->core, &f->core, code, variant, item_id, args, n);
}

/* A model call's failure on a convention's element f: a reused id is a duplicate, anything else
 * a value the schema allows but the model refuses (the model's reason). */
static void failed(creader *r, const cframe *f, int rc)
{
    if (rc == SNPLP_ENOMEM) {
        snplp__xml_oom(&r->core);
        return;
    }
    say(r, f, rc == SNPLP_EEXISTS ? SNPLP_DIAG_DUPLICATE_ID : SNPLP_DIAG_MODEL_VALUE,
        rc == SNPLP_EEXISTS ? "element" : "model", ID(f),
        SNPLP_ARGS(SNPLP_ARG(ID, "element", f->core.name),
                   SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
}

/* The year y as the text of an INTEGER argument, in buf. */
static const char *year_text(char *buf, size_t size, long y)
{
    snprintf(buf, size, "%ld", y);
    return buf;
}

/* snplp_decimal_parse() on a value of the decimal form (checked by the core): with at most 18
 * digits (below 10^18: always within the range) read here, without a second pass over its
 * syntax. */
static int decimal_read(snplp_decimal *out, const char *s, size_t n)
{
    if (n > 19 || (n == 19 && s[0] != '-'))
        return snplp_decimal_parse(out, s, n);
    bool negative = s[0] == '-';
    uint64_t units = 0;
    int32_t scale = 0;
    bool point = false;
    for (size_t i = negative; i < n; i++) {
        if (s[i] == '.') {
            point = true;
            continue;
        }
        units = units * 10 + (uint64_t)(s[i] - '0');
        scale += point;
    }
    out->units = negative ? -(int64_t)units : (int64_t)units;
    out->scale = scale;
    return SNPLP_OK;
}

static void copy_id(char *dst, const snplp_xml_value *v)
{
    memcpy(dst, v->s, v->n);
    dst[v->n] = '\0';
}

static void attribute(snplp_xml_reader *core, snplp_xml_frame *cf, const snplp_xml_attr_rule *ar,
                      const snplp_xml_value *v)
{
    cframe *f = (cframe *)cf;
    switch (ar->slot) {
    case A_ID:
        copy_id(f->id, v);
        f->has_id = true;
        break;
    case A_WEIGHT:
        copy_id(f->weight, v);
        f->has_weight = true;
        break;
    case A_NUMERATOR:
        copy_id(f->numerator, v);
        f->has_numerator = true;
        break;
    case A_DENOMINATOR:
        copy_id(f->denominator, v);
        f->has_denominator = true;
        break;
    case A_REF:
        copy_id(f->ref, v);
        break;
    case A_MEASURE:
        f->measure = v->variant;
        break;
    case A_CODE:
        memcpy(f->code, v->s, v->n);
        f->code[v->n] = '\0';
        break;
    case A_FIRST_YEAR:
    case A_YEAR:
        f->year = (int32_t)v->integer;
        f->has_year = true;
        break;
    case A_LAST_YEAR:
        f->last_year = (int32_t)v->integer;
        f->has_last_year = true;
        break;
    case A_DATE:
        f->date = v->date;
        f->has_date = true;
        break;
    case A_STATE_CENTS:
        f->cents[0] = v->integer;
        break;
    case A_OWN_CENTS:
        f->cents[1] = v->integer;
        break;
    case A_VALUE:
    case A_ACTUAL: {
        int k = ar->slot == A_ACTUAL;
        if (decimal_read(&f->dec[k], v->s, v->n) == SNPLP_OK) {
            f->has_dec[k] = true;
        } else {
            /* (the decimal form: ASCII digits, cut at 40 bytes) */
            char shown[64];
            snprintf(shown, sizeof shown, "%.*s%s", (int)(v->n < 40 ? v->n : 40), v->s,
                     v->n > 40 ? "..." : "");
            say((creader *)core, f, SNPLP_DIAG_MODEL_VALUE, "decimal", NULL,
                SNPLP_ARGS(SNPLP_ARG(ID, "element", f->core.name),
                           SNPLP_ARG(ID, "attribute", ar->name), SNPLP_ARG(TEXT, "value", shown)));
            if (ar->required)
                f->core.dead = true;
        }
        break;
    }
    case A_KIND:
        f->kind = v->variant;
        break;
    case A_OBJECTIVE:
        f->objective = v->variant;
        break;
    case A_STATUS:
        f->status = v->variant;
        break;
    case A_UNIT:
        f->unit = v->variant;
        break;
    case A_POLARITY:
        f->polarity = v->variant;
        f->has_polarity = true;
        break;
    case A_AGGREGATION:
        f->aggregation = v->variant - 1;
        f->has_aggregation = true;
        break;
    default:
        break;
    }
}

/* Records year among the <values> years of the indicator of frame ip: 1 if it is new, 0 if it
 * was there, -1 if memory ran out. */
static int see_year(cframe *ip, int32_t year)
{
    for (unsigned k = 0; k < ip->nseen_first; k++)
        if (ip->seen_first[k] == year)
            return 0;
    if (ip->nseen_first < sizeof ip->seen_first / sizeof *ip->seen_first) {
        ip->seen_first[ip->nseen_first++] = year;
        return 1;
    }
    bool created = false;
    if (!snplp__yeartab_get(&ip->seen, sizeof(int32_t), year, &created))
        return -1;
    return created;
}

/* Makes room in an empty table of yearly records for the years of convention c (at most 4:
 * never more than the table's own growth would take) when year is one of them, so that a
 * table filled from a file is allocated once. False if memory ran out (nothing changed). */
static bool presize(snplp_yeartab *t, size_t size, const snplp_convention *c, int32_t year)
{
    if (t->cap != 0 || !snplp__conv_has_year(c, year))
        return true;
    int64_t span = (int64_t)c->last_year - c->first_year + 1;
    return span < 2 || snplp__yeartab_reserve(t, size, span < 4 ? (size_t)span : 4);
}

/* The target and actual of a <values> element, stored as snplp_indicator_set_target() and
 * _set_actual() would, without their checks: the year was read as V_YEAR (within
 * SNPLP_YEAR_MIN..SNPLP_YEAR_MAX) and snplp_decimal_parse() gives only valid decimals. False if
 * memory ran out (nothing changed). */
static bool store_values(snplp_indicator *ind, const cframe *f)
{
    if (!f->has_dec[0] && !f->has_dec[1])
        return true;
    if (!presize(&ind->values, sizeof(snplp_value_year), ind->conv, f->year))
        return false;
    snplp_value_year *v = snplp__yeartab_get(&ind->values, sizeof *v, f->year, NULL);
    if (!v)
        return false;
    if (f->has_dec[0]) {
        v->has_target = true;
        v->target = f->dec[0];
    }
    if (f->has_dec[1]) {
        v->has_actual = true;
        v->actual = f->dec[1];
    }
    return true;
}

/* The attributes of a convention's element are read: what needs no text is applied. */
static void started(snplp_xml_reader *core, snplp_xml_frame *cf)
{
    creader *r = (creader *)core;
    cframe *f = (cframe *)cf;
    if (f->core.type == T_CONVENTION)
        snprintf(core->convention_id, sizeof core->convention_id, "%s", f->has_id ? f->id : "");
    if (f->core.dead)
        return;
    int rc = SNPLP_OK;
    switch ((ctype)f->core.type) {
    case T_CONVENTION:
        if (f->has_year != f->has_last_year) {
            /* a year with a bad value was reported as such: no second finding for its pair */
            if (!snplp__xml_attr_bad(core, cf, f->has_year ? "last-year" : "first-year"))
                say(r, f, SNPLP_DIAG_MODEL_VALUE,
                    f->has_year ? "first-year-alone" : "last-year-alone", ID(f), SNPLP_NO_ARGS);
            f->has_year = f->has_last_year = false;
        }
        return;
    case T_FUNDING: {
        snplp_convention *c = parent_conv(r, f);
        if (!c)
            return;
        if (snplp_convention_funding(c, f->year, NULL, NULL) == SNPLP_OK) {
            char y[24];
            say(r, f, SNPLP_DIAG_MODEL_VALUE, "second-funding", NULL,
                SNPLP_ARGS(SNPLP_ARG(INTEGER, "year", year_text(y, sizeof y, (long)f->year)),
                           SNPLP_ARG(ID, "convention", c->id)));
            return;
        }
        rc = snplp_convention_set_funding(c, f->year, f->cents[0], f->cents[1]);
        break;
    }
    case T_REPORT: {
        snplp_convention *c = parent_conv(r, f);
        snplp_date sent;
        if (!c)
            return;
        if (snplp_convention_report_sent(&sent, c, f->year) == SNPLP_OK) {
            char y[24];
            say(r, f, SNPLP_DIAG_MODEL_VALUE, "second-report", NULL,
                SNPLP_ARGS(SNPLP_ARG(INTEGER, "year", year_text(y, sizeof y, (long)f->year)),
                           SNPLP_ARG(ID, "convention", c->id)));
            return;
        }
        rc = snplp_convention_set_report_sent(c, f->year, f->date);
        break;
    }
    case T_BASELINE: {
        snplp_indicator *ind = parent_indicator(r, f);
        if (ind && f->has_dec[0])
            rc = snplp_indicator_set_baseline(ind, f->year, f->dec[0]);
        break;
    }
    case T_VALUES: {
        snplp_indicator *ind = parent_indicator(r, f);
        if (!ind)
            return;
        int first = see_year(parent_of(r, f), f->year);
        if (first < 0) {
            snplp__xml_oom(core);
            return;
        }
        if (!first) { /* even an empty <values> counts: the year appears once */
            char y[24];
            say(r, f, SNPLP_DIAG_MODEL_VALUE, "second-values", NULL,
                SNPLP_ARGS(SNPLP_ARG(INTEGER, "year", year_text(y, sizeof y, (long)f->year)),
                           SNPLP_ARG(ID, "indicator", ind->id)));
            f->core.dead = true; /* its source and comment are not kept either */
            return;
        }
        f->ind = ind;
        if (!store_values(ind, f)) {
            snplp__xml_oom(core);
            return;
        }
        break;
    }
    case T_FROM_RECORDS: {
        snplp_indicator *ind = parent_indicator(r, f);
        if (!ind)
            return;
        rc = snplp_indicator_set_records_measure(ind, (snplp_records_measure)f->measure);
        if (rc == SNPLP_OK)
            f->ind = ind; /* for its filters */
        break;
    }
    case T_RECORDS_REF: {
        snplp_indicator *ind = parent_indicator(r, f);
        if (!ind)
            return;
        snplp_records_filter kind = SNPLP_FILTER_THEME;
        while (kind < SNPLP_FILTER_PROFESSION &&
               strcmp(from_records_children[kind - 1].name, f->core.name) != 0)
            kind++;
        rc = snplp_indicator_add_records_filter(ind, kind, f->ref);
        if (rc == SNPLP_EEXISTS) { /* a filter given twice: not an id of the document */
            say(r, f, SNPLP_DIAG_MODEL_VALUE, "filter-twice", NULL,
                SNPLP_ARGS(SNPLP_ARG(ID, "element", f->core.name),
                           SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
            return;
        }
        break;
    }
    default:
        return;
    }
    if (rc != SNPLP_OK)
        failed(r, f, rc);
}

/* An element ended: a status is applied with its reason. */
static void ended(snplp_xml_reader *core, snplp_xml_frame *cf)
{
    creader *r = (creader *)core;
    cframe *f = (cframe *)cf;
    if (f->core.type == T_CONVENTION)
        core->convention_id[0] = '\0';
    if (f->core.type != T_STATUS)
        return;
    snplp_action *a = parent_action(r, f);
    if (!a || f->core.dead)
        return;
    if (snplp_action_status_in(a, f->year) != SNPLP_ACTION_STATUS_NONE) {
        char y[24];
        say(r, f, SNPLP_DIAG_MODEL_VALUE, "second-status", NULL,
            SNPLP_ARGS(SNPLP_ARG(INTEGER, "year", year_text(y, sizeof y, (long)f->year)),
                       SNPLP_ARG(ID, "action", a->id)));
        return;
    }
    if (!presize(&a->statuses, sizeof(snplp_status_year), a->conv, f->year)) {
        snplp__xml_oom(core);
        return;
    }
    int rc = snplp__action_set_status(a, f->year, (snplp_action_status)f->status, f->pending,
                                      SNPLP_TEXT_CHECKED, "snplp_action_set_status");
    if (rc != SNPLP_OK)
        failed(r, f, rc);
}

/* The object of frame p is made: its extensions, and the foreign attributes read. */
static void made(creader *r, cframe *p, snplp_ext *ext)
{
    p->ext = ext;
    snplp__xml_attach_fattrs(&r->core, &p->core, NULL, ext, ID(p));
}

/* Makes the convention of frame p from its territory name. */
static void make_convention(creader *r, cframe *p, const snplp_xml_frame *t, const char *name)
{
    snplp_convention *c = NULL;
    int rc = snplp__convention_new(&c, ID(p), (snplp_territory_kind)p->kind, p->code, name,
                                   SNPLP_TEXT_CHECKED, "snplp_convention_new");
    if (rc != SNPLP_OK) {
        p->core.dead = true;
        failed(r, p, rc);
        return;
    }
    if (p->has_year && (rc = snplp_convention_set_years(c, p->year, p->last_year)) != SNPLP_OK)
        failed(r, p, rc);
    if (p->has_date && (rc = snplp_convention_set_signature_date(c, p->date)) != SNPLP_OK)
        failed(r, p, rc);
    rc = snplp_convention_list_add(r->list, c);
    snplp_convention_unref(c); /* the list holds it, or it goes */
    if (rc != SNPLP_OK) {
        p->core.dead = true;
        failed(r, p, rc);
        return;
    }
    p->conv = c;
    snplp__xml_check_nfc(&r->core, t, c->id, c->name, name);
    made(r, p, &c->ext);
}

/* Makes the action of frame p from its title. */
static void make_action(creader *r, cframe *p, const snplp_xml_frame *t, const char *title)
{
    snplp_convention *c = parent_conv(r, p);
    snplp_action *a = NULL;
    if (!c || !p->has_id) {
        p->core.dead = true;
        return;
    }
    int rc = snplp__convention_add_action(&a, c, ID(p), (snplp_action_objective)p->objective, title,
                                          SNPLP_TEXT_CHECKED, "snplp_convention_add_action");
    if (rc != SNPLP_OK) {
        p->core.dead = true;
        failed(r, p, rc);
        return;
    }
    p->action = a;
    snplp__xml_check_nfc(&r->core, t, a->id, a->title, title);
    made(r, p, &a->ext);
}

/* Makes the indicator of frame p from its label, with the attributes read. */
static void make_indicator(creader *r, cframe *p, const snplp_xml_frame *t, const char *label)
{
    snplp_convention *c = parent_conv(r, p);
    snplp_indicator *ind = NULL;
    if (!c || !p->has_id) {
        p->core.dead = true;
        return;
    }
    int rc = snplp__convention_add_indicator(&ind, c, ID(p), label, (snplp_unit)p->unit,
                                             SNPLP_TEXT_CHECKED, "snplp_convention_add_indicator");
    if (rc != SNPLP_OK) {
        p->core.dead = true;
        failed(r, p, rc);
        return;
    }
    p->ind = ind;
    snplp__xml_check_nfc(&r->core, t, ind->id, ind->label, label);
    if (p->has_polarity && (rc = snplp_indicator_set_polarity(ind, p->polarity)) != SNPLP_OK)
        failed(r, p, rc);
    if ((p->has_aggregation || (p->has_weight && !p->core.bad_value)) &&
        (rc = snplp_indicator_set_aggregation(
             ind, p->has_aggregation ? p->aggregation : SNPLP_AGGREGATION_NONE,
             p->has_weight ? p->weight : NULL)) != SNPLP_OK)
        failed(r, p, rc);
    if ((p->has_numerator || p->has_denominator) &&
        (rc = snplp_indicator_set_ratio_of(ind, p->has_numerator ? p->numerator : NULL,
                                           p->has_denominator ? p->denominator : NULL)) != SNPLP_OK)
        failed(r, p, rc);
    made(r, p, &ind->ext);
}

/* A text element t of frame p ended: its text goes where it belongs. */
static void text(snplp_xml_reader *core, snplp_xml_frame *t, snplp_xml_frame *cp, const char *text)
{
    creader *r = (creader *)core;
    cframe *p = (cframe *)cp;
    int rc = SNPLP_OK;
    const char *stored = NULL;
    switch (t->field) {
    case F_TERRITORY_NAME:
        if (p->has_id && p->code[0])
            make_convention(r, p, t, text);
        else
            p->core.dead = true;
        return;
    case F_ROLE:
    case F_REASON:
        /* kept until the element ends: normalized now, so that the warning has its place */
        rc = snplp__text_copy(&p->pending, text, NULL, SNPLP_TEXT_CHECKED, NULL, NULL);
        if (rc == SNPLP_ENOMEM)
            snplp__xml_oom(core);
        else if (rc != SNPLP_OK && !(p->pending = snplp__strdup(text)))
            snplp__xml_oom(core); /* (kept as it is: the model will say what is wrong) */
        else
            snplp__xml_check_nfc(core, t, NULL, p->pending, text);
        return;
    case F_NAME: {
        snplp_convention *c = parent_conv(r, p);
        if (!c || !p->pending)
            return;
        rc = snplp__convention_add_signatory(c, p->pending, text, SNPLP_TEXT_CHECKED,
                                             "snplp_convention_add_signatory");
        if (rc == SNPLP_OK)
            stored = snplp_convention_signatory_name(c, c->signatories.n - 1);
        break;
    }
    case F_TITLE:
        make_action(r, p, t, text);
        return;
    case F_DESCRIPTION:
        if (!p->action)
            return;
        rc = snplp__action_set_description(p->action, text, SNPLP_TEXT_CHECKED,
                                           "snplp_action_set_description");
        stored = snplp_action_description(p->action);
        break;
    case F_LABEL:
        make_indicator(r, p, t, text);
        return;
    case F_SOURCE:
    case F_COMMENT: {
        int which = t->field == F_COMMENT;
        if (!p->ind)
            return;
        rc = snplp__indicator_set_note(p->ind, p->year, text, which, SNPLP_TEXT_CHECKED,
                                       which ? "snplp_indicator_set_comment"
                                             : "snplp_indicator_set_source");
        stored = which ? snplp_indicator_comment(p->ind, p->year)
                       : snplp_indicator_source(p->ind, p->year);
        break;
    }
    default:
        return;
    }
    if (rc != SNPLP_OK)
        failed(r, (const cframe *)t, rc);
    else
        snplp__xml_check_nfc(core, t, NULL, stored, text);
}

static void extension(snplp_xml_reader *core, snplp_xml_frame *cf, char *xml)
{
    cframe *f = (cframe *)cf;
    if (f->core.dead || !f->ext) {
        snplp__free(xml);
        return;
    }
    if (snplp__ext_push_element(f->ext, xml) != SNPLP_OK) {
        snplp__free(xml);
        snplp__xml_oom(core);
    }
}

static void frame_clear(snplp_xml_frame *cf)
{
    cframe *f = (cframe *)cf;
    snplp__free(f->pending);
    snplp__yeartab_dispose(&f->seen);
}

static void frame_init(snplp_xml_frame *f)
{
    memset(f, 0, offsetof(cframe, seen_first));
}

static const snplp_xml_doc conventions_doc = {
    .root = "conventions",
    .what = "a file of conventions",
    .rules = rules,
    .nrules = T_COUNT,
    .root_type = T_CROOT,
    .frame_size = sizeof(cframe),
    .frame_init = frame_init,
    .attribute = attribute,
    .started = started,
    .text = text,
    .ended = ended,
    .extension = extension,
    .finish = NULL,
    .frame_clear = frame_clear,
};

/* ---- the public functions ---- */

static int import(void *out, snplp_diagnostics *diags, snplp_source *src, const char *name,
                  const snplp_import_options *options)
{
    creader r;
    memset(&r, 0, sizeof r);
    int rc = snplp_convention_list_new(&r.list);
    if (rc == SNPLP_OK)
        rc = snplp__xml_read(&r.core, &conventions_doc, diags, src, name, options);
    if (rc != SNPLP_OK) {
        snplp__buf_free(&r.core.prolog);
        snplp_convention_list_free(r.list);
        return rc;
    }
    /* the comments before the root, written back by the export */
    if (r.core.prolog.n > 0) {
        char *prolog = snplp__buf_take(&r.core.prolog);
        if (!prolog) {
            snplp_convention_list_free(r.list);
            return snplp__oom();
        }
        snplp__convention_list_set_prolog(r.list, prolog);
    }
    *(snplp_convention_list **)out = r.list;
    return SNPLP_OK;
}

SNPLP_XML_DEFINE_IMPORTS(conventions, snplp_convention_list, import)
