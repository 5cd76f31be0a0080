/* Reading a referential from XML: libxml2's SAX2 push parser, the schema's rules checked by a
 * table-driven streaming checker (the same rules as libsnplp/schema/snplp-1.0.xsd), the model
 * built as the elements end, then the model's rules. Every problem is a diagnostic.
 *
 * The input is untrusted: the parser never loads anything (XML_PARSE_NONET, no DTD loading,
 * no entity substitution), a document type declaration ends the pass, and depth, text and
 * attribute sizes are bounded. */
#include <limits.h>
#include <stddef.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>
#include <unicode/utf8.h>

#include <snplp/snplp.h>

#include "util/alloc.h"
#include "model/conventions/convention_model.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/errors.h"
#include "io/source.h"
#include "model/referential/item.h"
#include "util/text.h"
#include "exchange/xml/core.h"
#include "exchange/xml/extension.h"
#include "exchange/xml/fragment.h"
#include "io/source.h"
#include "util/days.h"

#define XSI "http://www.w3.org/2001/XMLSchema-instance"

/* ---- the schema's rules, as tables ---- */

typedef enum etype {
    T_ROOT,
    T_STRATEGY,
    T_COMMITMENT,
    T_LEVER,
    T_TRAINING_PLAN,
    T_OBJECTIVE,
    T_OUTCOME,
    T_RECOMMENDATION,
    T_THEME,
    T_MODULE,
    T_PREREQUISITE,
    T_PROFESSION_REF,
    T_COMPETENCE,
    T_CONTENT,
    T_PROFESSION,
    T_DIPLOMA_RULE,
    T_FUNDING,
    T_PLAN,
    T_PLAN_THEME,
    T_FIGURE,
    /* files of conventions */
    T_CROOT,
    T_CONVENTION,
    T_SIGNATORY,
    T_CFUNDING,
    T_REPORT,
    T_ACTION,
    T_STATUS,
    T_INDICATOR,
    T_BASELINE,
    T_VALUES,
    T_TEXT, /* a text element: title, label, description... */
    T_COUNT
} etype;

typedef enum vtype {
    V_ID,
    V_DAYS,
    V_CENTS,
    V_INTEGER,
    V_DATE,
    V_LEVEL,
    V_STYLE,
    V_CATEGORY,
    V_BOOL,
    V_DIPLOMA,
    /* conventions */
    V_CYEAR,      /* 1000 to 9998 */
    V_DAY,        /* YYYY-MM-DD */
    V_DECIMAL,    /* the plain form of an exact decimal */
    V_KIND,       /* territory kind */
    V_CODE,       /* territory code (its kind decides: a model rule) */
    V_OBJECTIVE,  /* an action's objective */
    V_ASTATUS,    /* an action's status */
    V_UNIT,       /* an indicator's unit */
    V_POLARITY,   /* an indicator's polarity */
    V_AGGREGATION /* an indicator's aggregation rule */
} vtype;

/* The texts of conventions: field codes of their own (above every snplp_field). */
enum {
    F_TERRITORY_NAME = 100,
    F_ROLE,
    F_NAME,
    F_TITLE,
    F_DESCRIPTION,
    F_REASON,
    F_LABEL,
    F_SOURCE,
    F_COMMENT
};
static const char *const conv_text_names[] = {"territory-name", "role",        "name",
                                              "title",          "description", "reason",
                                              "label",          "source",      "comment"};

/* The element name of a text field, for messages. */
static const char *text_name(unsigned field)
{
    return field >= F_TERRITORY_NAME ? conv_text_names[field - F_TERRITORY_NAME]
                                     : snplp_field_name((snplp_field)field);
}

typedef struct child_rule {
    const char *name;
    uint8_t type;  /* etype */
    uint8_t min;   /* 0 or 1 */
    uint8_t max;   /* 1, or 0 for unbounded */
    uint8_t field; /* snplp_field of a T_TEXT child */
} child_rule;

/* Slots of a frame's ids[]; ID_REF (a reference applied at once) is kept in the ID_THEME one */
enum { ID_ID, ID_THEME, ID_WEIGHT, ID_NUMERATOR, ID_DENOMINATOR, ID_REF };

typedef struct attr_rule {
    const char *name;
    uint8_t type; /* vtype */
    bool required;
    /* where the value goes: an id's slot (ID_*); 1 for the second of a pair (last-year,
     * own-cents, actual), else 0 */
    uint8_t slot;
} attr_rule;

typedef struct elem_rule {
    const char *name;
    const attr_rule *attrs;
    const child_rule *children;
    bool item; /* an item: takes foreign attributes and ends with foreign elements */
} elem_rule;

#define TXT(n, f, lo, hi)                                                                          \
    {                                                                                              \
        n, T_TEXT, lo, hi, SNPLP_FIELD_##f                                                         \
    }
#define KID(n, t, lo, hi)                                                                          \
    {                                                                                              \
        n, t, lo, hi, 0                                                                            \
    }
#define END                                                                                        \
    {                                                                                              \
        NULL, 0, 0, 0, 0                                                                           \
    }

static const child_rule root_children[] = {KID("strategy", T_STRATEGY, 0, 1),
                                           KID("commitment", T_COMMITMENT, 0, 0),
                                           KID("lever", T_LEVER, 0, 0),
                                           KID("training-plan", T_TRAINING_PLAN, 0, 1),
                                           KID("theme", T_THEME, 0, 0),
                                           KID("module", T_MODULE, 0, 0),
                                           KID("profession", T_PROFESSION, 0, 0),
                                           KID("diploma-rule", T_DIPLOMA_RULE, 0, 0),
                                           KID("funding", T_FUNDING, 0, 0),
                                           KID("plan", T_PLAN, 0, 0),
                                           END};
static const child_rule strategy_children[] = {TXT("title", TITLE, 0, 1), TXT("label", LABEL, 0, 0),
                                               TXT("description", DESCRIPTION, 0, 1),
                                               TXT("budget-text", BUDGET_TEXT, 0, 1), END};
static const child_rule titled_children[] = {TXT("title", TITLE, 1, 1),
                                             TXT("description", DESCRIPTION, 0, 1), END};
static const child_rule training_plan_children[] = {
    TXT("title", TITLE, 0, 1),       TXT("description", DESCRIPTION, 0, 1),
    TXT("audience", AUDIENCE, 0, 1), KID("objective", T_OBJECTIVE, 0, 0),
    KID("outcome", T_OUTCOME, 0, 0), END};
static const child_rule text_item_children[] = {TXT("text", TEXT, 1, 1), END};
static const child_rule theme_children[] = {TXT("title", TITLE, 1, 1),
                                            TXT("label", LABEL, 0, 0),
                                            TXT("description", DESCRIPTION, 0, 1),
                                            KID("objective", T_OBJECTIVE, 0, 0),
                                            KID("outcome", T_OUTCOME, 0, 0),
                                            KID("recommendation", T_RECOMMENDATION, 0, 0),
                                            END};
static const child_rule module_children[] = {TXT("title", TITLE, 1, 1),
                                             TXT("subtitle", SUBTITLE, 0, 1),
                                             TXT("audience", AUDIENCE, 0, 1),
                                             TXT("role", ROLE, 0, 1),
                                             KID("prerequisite", T_PREREQUISITE, 0, 0),
                                             KID("profession-ref", T_PROFESSION_REF, 0, 0),
                                             KID("competence", T_COMPETENCE, 0, 0),
                                             KID("recommendation", T_RECOMMENDATION, 0, 0),
                                             END};
static const child_rule no_children[] = {END};
static const child_rule competence_children[] = {TXT("title", TITLE, 1, 1),
                                                 KID("content", T_CONTENT, 0, 0), END};
static const child_rule content_children[] = {TXT("text", TEXT, 1, 1),
                                              KID("content", T_CONTENT, 0, 0), END};
static const child_rule profession_children[] = {TXT("title", TITLE, 1, 1),
                                                 TXT("abbreviation", ABBREVIATION, 0, 1), END};
static const child_rule funding_children[] = {
    TXT("title", TITLE, 1, 1), TXT("period", PERIOD, 0, 1), TXT("source-text", SOURCE, 0, 1), END};
static const child_rule plan_children[] = {TXT("title", TITLE, 1, 1),
                                           TXT("label", LABEL, 0, 0),
                                           TXT("description", DESCRIPTION, 0, 1),
                                           KID("plan-theme", T_PLAN_THEME, 0, 0),
                                           KID("figure", T_FIGURE, 0, 0),
                                           END};
static const child_rule plan_theme_children[] = {TXT("title", TITLE, 1, 1), END};

#define CTXT(n, f, lo, hi)                                                                         \
    {                                                                                              \
        n, T_TEXT, lo, hi, f                                                                       \
    }
static const child_rule croot_children[] = {KID("convention", T_CONVENTION, 1, 0), END};
static const child_rule convention_children[] = {CTXT("territory-name", F_TERRITORY_NAME, 1, 1),
                                                 KID("signatory", T_SIGNATORY, 0, 0),
                                                 KID("funding", T_CFUNDING, 0, 0),
                                                 KID("report", T_REPORT, 0, 0),
                                                 KID("action", T_ACTION, 0, 0),
                                                 KID("indicator", T_INDICATOR, 0, 0),
                                                 END};
static const child_rule signatory_children[] = {CTXT("role", F_ROLE, 1, 1),
                                                CTXT("name", F_NAME, 1, 1), END};
static const child_rule action_children[] = {CTXT("title", F_TITLE, 1, 1),
                                             CTXT("description", F_DESCRIPTION, 0, 1),
                                             KID("status", T_STATUS, 0, 0), END};
static const child_rule status_children[] = {CTXT("reason", F_REASON, 0, 1), END};
static const child_rule indicator_children[] = {CTXT("label", F_LABEL, 1, 1),
                                                KID("baseline", T_BASELINE, 0, 1),
                                                KID("values", T_VALUES, 0, 0), END};
static const child_rule values_children[] = {CTXT("source", F_SOURCE, 0, 1),
                                             CTXT("comment", F_COMMENT, 0, 1), END};

static const attr_rule no_attrs[] = {{NULL, 0, false, 0}};
static const attr_rule id_attrs[] = {{"id", V_ID, true, ID_ID}, {NULL, 0, false, 0}};
static const attr_rule strategy_attrs[] = {{"launch-date", V_DATE, false, 0},
                                           {"budget-cents", V_CENTS, false, 0},
                                           {"levers-open", V_BOOL, false, 0},
                                           {NULL, 0, false, 0}};
static const attr_rule training_plan_attrs[] = {{"max-module-days", V_DAYS, false, 0},
                                                {NULL, 0, false, 0}};
static const attr_rule outcome_attrs[] = {
    {"id", V_ID, true, ID_ID}, {"for-involved", V_BOOL, false, 0}, {NULL, 0, false, 0}};
static const attr_rule module_attrs[] = {{"id", V_ID, true, ID_ID},
                                         {"theme", V_ID, true, ID_THEME},
                                         {"level", V_LEVEL, true, 0},
                                         {"duration-days", V_DAYS, false, 0},
                                         {NULL, 0, false, 0}};
static const attr_rule reference_attrs[] = {{"ref", V_ID, true, ID_REF}, {NULL, 0, false, 0}};
static const attr_rule content_attrs[] = {
    {"id", V_ID, true, ID_ID}, {"style", V_STYLE, true, 0}, {NULL, 0, false, 0}};
static const attr_rule profession_attrs[] = {
    {"id", V_ID, true, ID_ID}, {"category", V_CATEGORY, true, 0}, {NULL, 0, false, 0}};
static const attr_rule diploma_attrs[] = {
    {"id", V_ID, true, ID_ID}, {"min-level", V_DIPLOMA, false, 0}, {NULL, 0, false, 0}};
static const attr_rule funding_attrs[] = {
    {"id", V_ID, true, ID_ID}, {"cents", V_CENTS, false, 0}, {NULL, 0, false, 0}};
static const attr_rule figure_attrs[] = {
    {"id", V_ID, true, ID_ID}, {"value", V_INTEGER, true, 0}, {NULL, 0, false, 0}};
static const attr_rule convention_attrs[] = {{"id", V_ID, true, ID_ID},
                                             {"territory-kind", V_KIND, true, 0},
                                             {"territory-code", V_CODE, true, 0},
                                             {"first-year", V_CYEAR, false, 0},
                                             {"last-year", V_CYEAR, false, 1},
                                             {"signature-date", V_DAY, false, 0},
                                             {NULL, 0, false, 0}};
static const attr_rule cfunding_attrs[] = {{"year", V_CYEAR, true, 0},
                                           {"state-cents", V_CENTS, true, 0},
                                           {"own-cents", V_CENTS, true, 1},
                                           {NULL, 0, false, 0}};
static const attr_rule report_attrs[] = {
    {"year", V_CYEAR, true, 0}, {"sent", V_DAY, true, 0}, {NULL, 0, false, 0}};
static const attr_rule action_attrs[] = {
    {"id", V_ID, true, ID_ID}, {"objective", V_OBJECTIVE, true, 0}, {NULL, 0, false, 0}};
static const attr_rule status_attrs[] = {
    {"year", V_CYEAR, true, 0}, {"value", V_ASTATUS, true, 0}, {NULL, 0, false, 0}};
static const attr_rule indicator_attrs[] = {{"id", V_ID, true, ID_ID},
                                            {"unit", V_UNIT, true, 0},
                                            {"polarity", V_POLARITY, false, 0},
                                            {"aggregation", V_AGGREGATION, false, 0},
                                            {"weight", V_ID, false, ID_WEIGHT},
                                            {"numerator", V_ID, false, ID_NUMERATOR},
                                            {"denominator", V_ID, false, ID_DENOMINATOR},
                                            {NULL, 0, false, 0}};
static const attr_rule baseline_attrs[] = {
    {"year", V_CYEAR, true, 0}, {"value", V_DECIMAL, true, 0}, {NULL, 0, false, 0}};
static const attr_rule values_attrs[] = {{"year", V_CYEAR, true, 0},
                                         {"target", V_DECIMAL, false, 0},
                                         {"actual", V_DECIMAL, false, 1},
                                         {NULL, 0, false, 0}};

static const elem_rule rules[T_COUNT] = {
    [T_ROOT] = {"referential", no_attrs, root_children, false},
    [T_STRATEGY] = {"strategy", strategy_attrs, strategy_children, true},
    [T_COMMITMENT] = {"commitment", id_attrs, titled_children, true},
    [T_LEVER] = {"lever", id_attrs, titled_children, true},
    [T_TRAINING_PLAN] = {"training-plan", training_plan_attrs, training_plan_children, true},
    [T_OBJECTIVE] = {"objective", id_attrs, text_item_children, true},
    [T_OUTCOME] = {"outcome", outcome_attrs, text_item_children, true},
    [T_RECOMMENDATION] = {"recommendation", id_attrs, text_item_children, true},
    [T_THEME] = {"theme", id_attrs, theme_children, true},
    [T_MODULE] = {"module", module_attrs, module_children, true},
    [T_PREREQUISITE] = {"prerequisite", reference_attrs, no_children, false},
    [T_PROFESSION_REF] = {"profession-ref", reference_attrs, no_children, false},
    [T_COMPETENCE] = {"competence", id_attrs, competence_children, true},
    [T_CONTENT] = {"content", content_attrs, content_children, true},
    [T_PROFESSION] = {"profession", profession_attrs, profession_children, true},
    [T_DIPLOMA_RULE] = {"diploma-rule", diploma_attrs, text_item_children, true},
    [T_FUNDING] = {"funding", funding_attrs, funding_children, true},
    [T_PLAN] = {"plan", id_attrs, plan_children, true},
    [T_PLAN_THEME] = {"plan-theme", id_attrs, plan_theme_children, true},
    [T_FIGURE] = {"figure", figure_attrs, text_item_children, true},
    [T_CROOT] = {"conventions", no_attrs, croot_children, false},
    [T_CONVENTION] = {"convention", convention_attrs, convention_children, true},
    [T_SIGNATORY] = {"signatory", no_attrs, signatory_children, false},
    [T_CFUNDING] = {"funding", cfunding_attrs, no_children, false},
    [T_REPORT] = {"report", report_attrs, no_children, false},
    [T_ACTION] = {"action", action_attrs, action_children, true},
    [T_STATUS] = {"status", status_attrs, status_children, false},
    [T_INDICATOR] = {"indicator", indicator_attrs, indicator_children, true},
    [T_BASELINE] = {"baseline", baseline_attrs, no_children, false},
    [T_VALUES] = {"values", values_attrs, values_children, false},
    [T_TEXT] = {"text", no_attrs, no_children, false},
};

/* ---- the reader's state ---- */

typedef struct frame {
    uint8_t type;     /* etype */
    uint8_t field;    /* snplp_field of a T_TEXT element */
    const char *name; /* the element's name (a text element's own: "title"...) */
    bool ext;         /* foreign elements have started: no more snplp elements */
    bool text_reported;
    bool dead;    /* no item can be made (a missing title, a duplicate id...) */
    uint16_t pos; /* position in the children's sequence */
    uint32_t count;
    snplp_item *item;
    size_t line, column;
    /* values read from the attributes, applied when the item is made; the id and the theme
     * are in ids[0] and ids[1] (frames move as the stack grows: no pointer into them is
     * kept) */
    bool has_id, has_theme, has_weight, has_numerator, has_denominator;
    int variant;
    bool has_number;
    int64_t integer;
    int64_t micro; /* days, in millionths */
    bool flag;
    snplp_list fattrs; /* snplp_foreign_attr * waiting for the item */
    /* files of conventions: the object made (convention, action, indicator) and its
     * extensions, and the values read from the attributes */
    void *cobj;
    snplp_ext *cext;
    int32_t year, year2;
    bool has_year, has_year2, has_date, has_dec[2], has_polarity, has_aggregation;
    bool bad_value; /* an attribute had a bad value: no follow-on findings from the model */
    snplp_date date;
    snplp_decimal dec[2]; /* value or target, actual */
    int e1;               /* kind, objective, status or unit */
    int polarity, aggregation;
    int64_t cents[2];
    char *pending; /* a signatory's role, a status's reason: until the element ends */
    /* an indicator's <values> years read so far: the first ones in seen_first, the others in
     * seen (int32_t records) */
    int32_t seen_first[4];
    uint8_t nseen_first;
    snplp_yeartab seen;
    char code[16];
    /* ids: id, theme, weight, numerator, denominator */
    char ids[5][SNPLP_ID_MAX + 1]; /* not cleared by push(): written before being read */
} frame;

typedef struct position {
    const char *id;
    size_t line, column;
} position;

typedef struct reader {
    xmlParserCtxtPtr ctxt;
    snplp_referential *ref;
    snplp_convention_list *list; /* a file of conventions is read (ref is NULL) */
    snplp_diagnostics *diags;
    const char *name;
    frame *stack;
    size_t depth, cap;
    size_t skip;                             /* depth inside a subtree that is not checked */
    snplp_fragment frag;                     /* a foreign element being recorded */
    snplp_item *frag_item;                   /* where it goes (NULL: dropped) */
    snplp_ext *frag_ext;                     /* or: the extensions of a convention's object */
    size_t frag_text_bytes, frag_text_chars; /* the current run of text in it */
    bool frag_text_reported;
    snplp_buf text; /* the text of the current text element */
    size_t text_chars;
    bool text_too_long;
    bool root_seen;
    bool stopped; /* the pass ended (fatal problem) */
    int status;   /* SNPLP_OK, or the error that ended the pass (SNPLP_ENOMEM, SNPLP_EIO) */
    size_t parse_errors, model_errors;
    int first_code;
    char first[512];
    char generic[300]; /* the first message libxml2 gave its generic error handler */
    position *positions;
    size_t npositions, cappositions;
    /* the format's namespace and names, looked up in the parser's dictionary once
     * (intern_names): SAX2 hands names over from that dictionary, so that a pointer comparison
     * finds them; strcmp() still decides when the pointers differ (NULL: a failed lookup) */
    const xmlChar *ns_uri;
    const xmlChar *attr_names[T_COUNT][8];   /* of rules[t].attrs (8 at most: seen[] too) */
    const xmlChar *child_names[T_COUNT][16]; /* of rules[t].children (the first 16) */
} reader;

static size_t cur_line(const reader *r)
{
    long l = r->ctxt ? xmlSAX2GetLineNumber(r->ctxt) : 0;
    return l > 0 ? (size_t)l : 1;
}

static size_t cur_column(const reader *r)
{
    long c = r->ctxt ? xmlSAX2GetColumnNumber(r->ctxt) : 0;
    return c > 0 ? (size_t)c : 1;
}

/* Ends the pass. Not xmlStopParser(): called from a SAX callback, it frees the input that
 * libxml2 (and the schema's SAX plug, in strict mode) still reads when the callback returns. */
static void stop(reader *r)
{
    if (!r->stopped && r->ctxt) {
        r->ctxt->disableSAX = 1;
        r->ctxt->instate = XML_PARSER_EOF;
    }
    r->stopped = true;
}

static void oom(reader *r)
{
    if (r->status == SNPLP_OK)
        r->status = SNPLP_ENOMEM;
    stop(r);
}

/* Makes msg valid UTF-8 without control characters: libxml2 quotes the input in its messages
 * and may cut a character in two, and a message cut to its buffer may end in the middle of
 * one. Bad bytes become '?'. */
static void sanitize(char *msg)
{
    /* ICU's U8_NEXT is strict (libxml2's xmlGetUTF8Char takes any byte as a lead byte) */
    int32_t n = (int32_t)strlen(msg);
    for (int32_t i = 0; i < n;) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT((const uint8_t *)msg, i, n, c);
        if (c < 0 || (c < 0x20 && c != '\t') || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE ||
            c == 0xFFFF) {
            for (int32_t k = at; k < i; k++)
                msg[k] = c == '\n' ? ' ' : '?';
        }
    }
}

/* Records a finding at line:column. */
__attribute__((format(printf, 7, 8))) static void report(reader *r, snplp_severity severity,
                                                         snplp_diag_code code, size_t line,
                                                         size_t column, const char *item_id,
                                                         const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sanitize(msg);
    if (severity == SNPLP_SEVERITY_ERROR) {
        if ((int)code >= 200 && (int)code < 230)
            r->parse_errors++;
        else
            r->model_errors++;
        if (!r->first_code) {
            r->first_code = code;
            snprintf(r->first, sizeof r->first, "%s:%zu:%zu: %s", r->name, line, column, msg);
        }
    }
    bool trusted = snplp__text_trusted; /* a message is not a text libxml2 checked */
    snplp__text_trusted = false;
    int rc = r->diags ? snplp__diag(r->diags, severity, code, line, column, item_id, "%s", msg)
                      : SNPLP_OK;
    snplp__text_trusted = trusted;
    if (rc != SNPLP_OK)
        oom(r);
}

#define ERR(r, code, ...)                                                                          \
    report(r, SNPLP_SEVERITY_ERROR, code, cur_line(r), cur_column(r), NULL, __VA_ARGS__)

/* ---- values ---- */

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

static bool id_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* [A-Za-z_][A-Za-z0-9_.-]*, at most 256 characters: snplp_id_is_valid() on n bytes (a NUL is
 * none of those characters). */
static bool id_ok(const char *s, size_t n)
{
    if (n == 0 || n > SNPLP_ID_MAX || !(id_letter(s[0]) || s[0] == '_'))
        return false;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (!(id_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

/* Checks a value of type t (already stripped of white space where the schema collapses it);
 * stores what it means in the frame. */
static bool value_ok(frame *f, vtype t, const char *s, size_t n)
{
    switch (t) {
    case V_ID:
        return id_ok(s, n);
    case V_DAYS:
        return snplp__days_parse(s, n, &f->micro);
    case V_CENTS:
    case V_INTEGER: {
        /* xs:long: at most 19 digits, within the range of a 64-bit integer */
        bool neg = t == V_INTEGER && n > 0 && s[0] == '-';
        const char *d = s + neg;
        size_t dn = n - neg;
        if (!all_digits(d, dn) || dn > 19)
            return false;
        uint64_t v = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
        for (size_t i = 0; i < dn; i++) {
            unsigned digit = (unsigned)(d[i] - '0');
            if (v > (limit - digit) / 10)
                return false;
            v = v * 10 + digit;
        }
        f->integer = neg ? (int64_t)(0 - v) : (int64_t)v;
        return true;
    }
    case V_DIPLOMA:
        if (n != 1 || s[0] < '1' || s[0] > '8')
            return false;
        f->integer = s[0] - '0';
        return true;
    case V_DATE: {
        if (n != 4 && n != 7 && n != 10)
            return false;
        char buf[11];
        memcpy(buf, s, n);
        buf[n] = '\0';
        return buf[0] >= '1' && buf[0] <= '9' && snplp__date_is_valid(buf);
    }
    case V_BOOL:
        if (n == 4 && memcmp(s, "true", 4) == 0)
            f->flag = true;
        else if (n == 5 && memcmp(s, "false", 5) == 0)
            f->flag = false;
        else
            return false;
        return true;
    case V_CYEAR:
        if (n != 4 || !all_digits(s, 4) || s[0] == '0')
            return false;
        f->integer = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        return f->integer <= SNPLP_YEAR_MAX;
    case V_DAY: {
        char buf[11];
        if (n != 10 || s[0] == '0')
            return false;
        memcpy(buf, s, n);
        buf[n] = '\0';
        return snplp_date_parse(&f->date, buf) == SNPLP_OK;
    }
    case V_DECIMAL: {
        /* -?[0-9]+(\.[0-9]+)?: the form; the model's range is checked apart (dec_range) */
        size_t i = n > 0 && s[0] == '-', d = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == d)
            return false;
        if (i < n) {
            if (s[i++] != '.' || i == n)
                return false;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
        }
        return i == n;
    }
    case V_CODE:
        if (n < 2 || n > 9)
            return false;
        for (size_t i = 0; i < n; i++)
            if (!((s[i] >= '0' && s[i] <= '9') || s[i] == 'A' || s[i] == 'B'))
                return false;
        memcpy(f->code, s, n);
        f->code[n] = '\0';
        return true;
    case V_KIND:
    case V_OBJECTIVE:
    case V_ASTATUS:
    case V_UNIT:
    case V_POLARITY:
    case V_AGGREGATION: {
        char buf[32];
        if (n >= sizeof buf)
            return false;
        memcpy(buf, s, n);
        buf[n] = '\0';
        snplp_aggregation agg;
        int v = t == V_KIND        ? (int)snplp_territory_kind_from_name(buf)
                : t == V_OBJECTIVE ? (int)snplp_action_objective_from_name(buf)
                : t == V_ASTATUS   ? (int)snplp_action_status_from_name(buf)
                : t == V_UNIT      ? (int)snplp_unit_from_name(buf)
                : t == V_POLARITY  ? (int)snplp_polarity_from_name(buf)
                : snplp_aggregation_from_name(&agg, buf) ? (int)agg + 1
                                                         : 0;
        if (v == 0)
            return false;
        f->variant = t == V_AGGREGATION ? v - 1 : v;
        return true;
    }
    case V_LEVEL:
    case V_STYLE:
    case V_CATEGORY: {
        int count = t == V_STYLE ? 3 : 2;
        for (int v = 1; v <= count; v++) {
            const char *name = t == V_LEVEL   ? snplp_level_name((snplp_level)v)
                               : t == V_STYLE ? snplp_style_name((snplp_style)v)
                                              : snplp_category_name((snplp_category)v);
            if (strlen(name) == n && memcmp(name, s, n) == 0) {
                f->variant = v;
                return true;
            }
        }
        return false;
    }
    }
    return false;
}

/* ---- positions of items, for the findings of validation ---- */

static void remember(reader *r, const snplp_item *it, size_t line, size_t column)
{
    if (r->npositions == r->cappositions) {
        size_t cap = r->cappositions ? r->cappositions * 2 : 256;
        position *p = snplp__realloc(r->positions, cap * sizeof *p);
        if (!p) {
            oom(r);
            return;
        }
        r->positions = p;
        r->cappositions = cap;
    }
    r->positions[r->npositions++] = (position){it->id, line, column};
}

static int cmp_position(const void *a, const void *b)
{
    return strcmp(((const position *)a)->id, ((const position *)b)->id);
}

/* ---- frames ---- */

static void free_fattrs(snplp_list *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        snplp__free(l->v[i]);
    snplp__list_dispose(l);
}

static void frame_clear(frame *f)
{
    free_fattrs(&f->fattrs);
    snplp__free(f->pending);
    snplp__yeartab_dispose(&f->seen);
    /* nothing reads a frame once popped: push() clears it for the next element */
}

/* The id and theme read from the frame's attributes, NULL when absent. */
#define ID(f)    ((f)->has_id ? (const char *)(f)->ids[0] : NULL)
#define THEME(f) ((f)->has_theme ? (const char *)(f)->ids[1] : NULL)

static frame *push(reader *r, etype type)
{
    if (r->depth == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        frame *s = snplp__realloc(r->stack, cap * sizeof *s);
        if (!s) {
            oom(r);
            return NULL;
        }
        r->stack = s;
        r->cap = cap;
    }
    frame *f = &r->stack[r->depth++];
    memset(f, 0, offsetof(frame, ids));
    f->type = (uint8_t)type;
    f->name = rules[type].name;
    f->line = cur_line(r);
    f->column = cur_column(r);
    return f;
}

static frame *top(reader *r)
{
    return r->depth ? &r->stack[r->depth - 1] : NULL;
}

static frame *parent_of(reader *r, const frame *f)
{
    return f > r->stack ? (frame *)f - 1 : NULL;
}

/* ---- the model ---- */

static void attach_fattrs(reader *r, frame *f)
{
    for (uint32_t i = 0; i < f->fattrs.n && !r->stopped; i++) {
        const snplp_foreign_attr *a = f->fattrs.v[i];
        int rc = snplp__ext_set_attr(f->item, a->ns, a->prefix, a->name, a->value, "import");
        if (rc == SNPLP_ENOMEM)
            oom(r);
        else if (rc != SNPLP_OK)
            report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_BAD_VALUE, f->line, f->column, ID(f), "%s",
                   snplp_error_last_message());
    }
    free_fattrs(&f->fattrs);
}

/* A model call's failure: out of memory ends the pass, a reused id is a finding, anything else
 * is a value the model refuses. */
static void model_failed(reader *r, frame *f, int rc, const char *what)
{
    if (rc == SNPLP_ENOMEM) {
        oom(r);
        return;
    }
    if (rc == SNPLP_EEXISTS)
        report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_DUPLICATE_ID, f->line, f->column, ID(f),
               "%s: %s", what, snplp_error_last_message());
    else
        report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_BAD_VALUE, f->line, f->column, ID(f), "%s: %s",
               what, snplp_error_last_message());
}

/* The text just stored in field (LABEL: the last label) of it. */
static const char *stored(const snplp_item *it, snplp_field field)
{
    if (field == SNPLP_FIELD_LABEL) {
        const snplp_list *l = snplp__item_list(it, LIST_LABELS);
        return l && l->n ? l->v[l->n - 1] : NULL;
    }
    return snplp__item_text(it, field);
}

static void check_nfc(reader *r, const snplp_item *it, snplp_field field, const char *text,
                      size_t line, size_t column)
{
    const char *s = stored(it, field);
    if (s && strcmp(s, text) != 0)
        report(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_TEXT_NORMALIZED, line, column, it->id,
               "the %s was not in Unicode NFC: it was normalized", snplp_field_name(field));
}

/* Makes the item of frame f from its first text (title or text). */
static void make_item(reader *r, frame *f, frame *p, const char *text)
{
    if (f->dead || !f->has_id || (p && p->type != T_ROOT && !p->item)) {
        f->dead = true;
        return;
    }
    snplp_item *pi = p ? p->item : NULL;
    void *out = NULL;
    int rc;
    switch ((etype)f->type) {
    case T_COMMITMENT:
        rc = snplp_referential_add_commitment((snplp_commitment **)&out, r->ref, ID(f), text);
        break;
    case T_LEVER:
        rc = snplp_referential_add_lever((snplp_lever **)&out, r->ref, ID(f), text);
        break;
    case T_THEME:
        rc = snplp_referential_add_theme((snplp_theme **)&out, r->ref, ID(f), text);
        break;
    case T_MODULE:
        rc = snplp_referential_add_module((snplp_module **)&out, r->ref, THEME(f), ID(f),
                                          (snplp_level)f->variant, text);
        break;
    case T_PROFESSION:
        rc = snplp_referential_add_profession((snplp_profession **)&out, r->ref, ID(f),
                                              (snplp_category)f->variant, text);
        break;
    case T_DIPLOMA_RULE:
        rc = snplp_referential_add_diploma_rule((snplp_diploma_rule **)&out, r->ref, ID(f), text);
        break;
    case T_FUNDING:
        rc = snplp_referential_add_funding((snplp_funding **)&out, r->ref, ID(f), text);
        break;
    case T_PLAN:
        rc = snplp_referential_add_plan((snplp_plan **)&out, r->ref, ID(f), text);
        break;
    case T_OBJECTIVE:
        rc = p->type == T_THEME
                 ? snplp_theme_add_objective((snplp_objective **)&out, (snplp_theme *)pi, ID(f),
                                             text)
                 : snplp_training_plan_add_objective((snplp_objective **)&out,
                                                     (snplp_training_plan *)pi, ID(f), text);
        break;
    case T_OUTCOME:
        rc = p->type == T_THEME
                 ? snplp_theme_add_outcome((snplp_outcome **)&out, (snplp_theme *)pi, ID(f), text)
                 : snplp_training_plan_add_outcome((snplp_outcome **)&out,
                                                   (snplp_training_plan *)pi, ID(f), text);
        break;
    case T_RECOMMENDATION:
        rc = p->type == T_THEME ? snplp_theme_add_recommendation((snplp_recommendation **)&out,
                                                                 (snplp_theme *)pi, ID(f), text)
                                : snplp_module_add_recommendation((snplp_recommendation **)&out,
                                                                  (snplp_module *)pi, ID(f), text);
        break;
    case T_COMPETENCE:
        rc =
            snplp_module_add_competence((snplp_competence **)&out, (snplp_module *)pi, ID(f), text);
        break;
    case T_CONTENT:
        rc = p->type == T_CONTENT
                 ? snplp_content_add_child((snplp_content **)&out, (snplp_content *)pi, ID(f),
                                           (snplp_style)f->variant, text)
                 : snplp_competence_add_content((snplp_content **)&out, (snplp_competence *)pi,
                                                ID(f), (snplp_style)f->variant, text);
        break;
    case T_PLAN_THEME:
        rc = snplp_plan_add_plan_theme((snplp_plan_theme **)&out, (snplp_plan *)pi, ID(f), text);
        break;
    case T_FIGURE:
        rc =
            snplp_plan_add_figure((snplp_figure **)&out, (snplp_plan *)pi, ID(f), f->integer, text);
        break;
    default:
        return;
    }
    if (rc != SNPLP_OK) {
        f->dead = true;
        model_failed(r, f, rc, rules[f->type].name);
        return;
    }
    f->item = out;
    remember(r, f->item, f->line, f->column);
    /* the values of the attributes */
    switch ((etype)f->type) {
    case T_MODULE:
        if (f->has_number)
            rc = snplp_module_set_duration_days(out, (double)f->micro / 1e6);
        break;
    case T_OUTCOME:
        rc = snplp_outcome_set_for_involved(out, f->flag);
        break;
    case T_DIPLOMA_RULE:
        if (f->has_number)
            rc = snplp_diploma_rule_set_min_level(out, (int)f->integer);
        break;
    case T_FUNDING:
        if (f->has_number)
            rc = snplp_funding_set_amount_cents(out, f->integer);
        break;
    default:
        break;
    }
    if (rc != SNPLP_OK)
        model_failed(r, f, rc, rules[f->type].name);
    attach_fattrs(r, f);
}

/* The strategy and the training plan exist already: their attributes apply at once. */
static void apply_singleton(reader *r, frame *f, const char *launch_date)
{
    int rc = SNPLP_OK;
    if (f->type == T_STRATEGY) {
        f->item = (snplp_item *)(void *)snplp_referential_strategy(r->ref);
        if (launch_date)
            rc = snplp_strategy_set_launch_date((snplp_strategy *)(void *)f->item, launch_date);
        if (rc == SNPLP_OK && f->has_number)
            rc = snplp_strategy_set_budget_cents((snplp_strategy *)(void *)f->item, f->integer);
        if (rc == SNPLP_OK)
            rc = snplp_strategy_set_levers_open((snplp_strategy *)(void *)f->item, f->flag);
    } else {
        f->item = (snplp_item *)(void *)snplp_referential_training_plan(r->ref);
        if (f->has_number)
            rc = snplp_training_plan_set_max_module_days((snplp_training_plan *)(void *)f->item,
                                                         (double)f->micro / 1e6);
    }
    if (rc != SNPLP_OK)
        model_failed(r, f, rc, rules[f->type].name);
    remember(r, f->item, f->line, f->column);
    attach_fattrs(r, f);
}

static void deliver_conv_text(reader *r, const frame *t, frame *p, const char *text);

/* A text element ended: its text goes to the item of frame p. */
static void deliver_text(reader *r, frame *t, frame *p)
{
    if (r->text.failed) {
        oom(r);
        return;
    }
    const char *text = r->text.p && r->text.n ? r->text.p : "";
    if (r->text_too_long || p->dead)
        return;
    if (t->field >= F_TERRITORY_NAME) {
        deliver_conv_text(r, t, p, text);
        return;
    }
    snplp_field field = (snplp_field)t->field;
    bool first = (field == SNPLP_FIELD_TITLE || field == SNPLP_FIELD_TEXT) && !p->item &&
                 p->type != T_STRATEGY && p->type != T_TRAINING_PLAN;
    if (first) {
        make_item(r, p, parent_of(r, p), text);
        if (p->item)
            check_nfc(r, p->item, field, text, t->line, t->column);
        return;
    }
    if (!p->item)
        return;
    void *it = p->item;
    int rc = SNPLP_OK;
    switch (field) {
    case SNPLP_FIELD_TITLE: /* strategy, training plan */
        rc = p->type == T_STRATEGY ? snplp_strategy_set_title(it, text)
                                   : snplp_training_plan_set_title(it, text);
        break;
    case SNPLP_FIELD_LABEL:
        rc = p->type == T_STRATEGY ? snplp_strategy_add_label(it, text)
             : p->type == T_THEME  ? snplp_theme_add_label(it, text)
                                   : snplp_plan_add_label(it, text);
        break;
    case SNPLP_FIELD_DESCRIPTION:
        switch ((etype)p->type) {
        case T_STRATEGY:
            rc = snplp_strategy_set_description(it, text);
            break;
        case T_TRAINING_PLAN:
            rc = snplp_training_plan_set_description(it, text);
            break;
        case T_COMMITMENT:
            rc = snplp_commitment_set_description(it, text);
            break;
        case T_LEVER:
            rc = snplp_lever_set_description(it, text);
            break;
        case T_THEME:
            rc = snplp_theme_set_description(it, text);
            break;
        default:
            rc = snplp_plan_set_description(it, text);
            break;
        }
        break;
    case SNPLP_FIELD_BUDGET_TEXT:
        rc = snplp_strategy_set_budget_text(it, text);
        break;
    case SNPLP_FIELD_AUDIENCE:
        rc = p->type == T_MODULE ? snplp_module_set_audience(it, text)
                                 : snplp_training_plan_set_audience(it, text);
        break;
    case SNPLP_FIELD_SUBTITLE:
        rc = snplp_module_set_subtitle(it, text);
        break;
    case SNPLP_FIELD_ROLE:
        rc = snplp_module_set_role(it, text);
        break;
    case SNPLP_FIELD_ABBREVIATION:
        rc = snplp_profession_set_abbreviation(it, text);
        break;
    case SNPLP_FIELD_PERIOD:
        rc = snplp_funding_set_period(it, text);
        break;
    case SNPLP_FIELD_SOURCE:
        rc = snplp_funding_set_source_text(it, text);
        break;
    default:
        return;
    }
    if (rc != SNPLP_OK)
        model_failed(r, t, rc, snplp_field_name(field));
    else
        check_nfc(r, p->item, field, text, t->line, t->column);
}

/* ---- files of conventions ---- */

/* A model call's failure on a convention's element: a reused id is a duplicate, anything else
 * a value the schema allows but the model refuses. */
static void conv_failed(reader *r, const frame *f, int rc, const char *what)
{
    if (rc == SNPLP_ENOMEM) {
        oom(r);
        return;
    }
    report(r, SNPLP_SEVERITY_ERROR,
           rc == SNPLP_EEXISTS ? SNPLP_DIAG_DUPLICATE_ID : SNPLP_DIAG_MODEL_VALUE, f->line,
           f->column, ID(f), "%s: %s", what, snplp_error_last_message());
}

/* The object of the frame holding f (NULL: none, it could not be made). */
static void *parent_obj(reader *r, const frame *f)
{
    const frame *p = parent_of(r, f);
    return p && !p->dead ? p->cobj : NULL;
}

/* snplp_decimal_parse() on a value of the decimal form (value_ok() checked it): with at most 18
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

/* An attribute of a convention's element, checked by value_ok(): kept where it belongs. */
static void conv_attribute(reader *r, frame *f, const attr_rule *ar, const char *s, size_t n)
{
    const char *name = ar->name;
    switch ((vtype)ar->type) {
    case V_CYEAR:
        if (ar->slot == 1) { /* last-year */
            f->year2 = (int32_t)f->integer;
            f->has_year2 = true;
        } else {
            f->year = (int32_t)f->integer;
            f->has_year = true;
        }
        break;
    case V_DAY:
        f->has_date = true;
        break;
    case V_CENTS:
        f->cents[ar->slot] = f->integer; /* state-cents, own-cents */
        break;
    case V_DECIMAL: {
        int k = ar->slot; /* value or target, actual */
        int rc = decimal_read(&f->dec[k], s, n);
        if (rc == SNPLP_OK) {
            f->has_dec[k] = true;
        } else {
            char shown[64];
            snprintf(shown, sizeof shown, "%.*s%s", (int)(n < 40 ? n : 40), s, n > 40 ? "..." : "");
            ERR(r, SNPLP_DIAG_MODEL_VALUE,
                "<%s> %s '%s' is beyond what a decimal holds (at most 18 decimals, and its digits "
                "within 9223372036854775807)",
                rules[f->type].name, name, shown);
            if (ar->required)
                f->dead = true;
        }
        break;
    }
    case V_POLARITY:
        f->polarity = f->variant;
        f->has_polarity = true;
        break;
    case V_AGGREGATION:
        f->aggregation = f->variant;
        f->has_aggregation = true;
        break;
    case V_KIND:
    case V_OBJECTIVE:
    case V_ASTATUS:
    case V_UNIT:
        f->e1 = f->variant;
        break;
    default:
        break;
    }
}

/* Records year among the <values> years of the indicator of frame ip: 1 if it is new, 0 if it
 * was there, -1 if memory ran out. */
static int see_year(frame *ip, int32_t year)
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
 * _set_actual() would, without their checks: the year was read as V_CYEAR (within
 * SNPLP_YEAR_MIN..SNPLP_YEAR_MAX) and snplp_decimal_parse() gives only valid decimals. False if
 * memory ran out (nothing changed). */
static bool store_values(snplp_indicator *ind, const frame *f)
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
static void conv_started(reader *r, frame *f)
{
    if (f->dead)
        return;
    int rc = SNPLP_OK;
    const char *what = rules[f->type].name;
    switch ((etype)f->type) {
    case T_CONVENTION:
        if (f->has_year != f->has_year2) {
            report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_MODEL_VALUE, f->line, f->column, ID(f),
                   "<convention> gives %s without %s: give both years, or neither",
                   f->has_year ? "first-year" : "last-year",
                   f->has_year ? "last-year" : "first-year");
            f->has_year = f->has_year2 = false;
        }
        return;
    case T_CFUNDING: {
        snplp_convention *c = parent_obj(r, f);
        if (!c)
            return;
        if (snplp_convention_funding(c, f->year, NULL, NULL) == SNPLP_OK) {
            report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_MODEL_VALUE, f->line, f->column, NULL,
                   "a second <funding> for %ld in convention '%s'", (long)f->year, c->id);
            return;
        }
        rc = snplp_convention_set_funding(c, f->year, f->cents[0], f->cents[1]);
        break;
    }
    case T_REPORT: {
        snplp_convention *c = parent_obj(r, f);
        snplp_date sent;
        if (!c)
            return;
        if (snplp_convention_report_sent(&sent, c, f->year) == SNPLP_OK) {
            report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_MODEL_VALUE, f->line, f->column, NULL,
                   "a second <report> on %ld in convention '%s'", (long)f->year, c->id);
            return;
        }
        rc = snplp_convention_set_report_sent(c, f->year, f->date);
        break;
    }
    case T_BASELINE: {
        snplp_indicator *ind = parent_obj(r, f);
        if (ind && f->has_dec[0])
            rc = snplp_indicator_set_baseline(ind, f->year, f->dec[0]);
        break;
    }
    case T_VALUES: {
        snplp_indicator *ind = parent_obj(r, f);
        if (!ind)
            return;
        int first = see_year(parent_of(r, f), f->year);
        if (first < 0) {
            oom(r);
            return;
        }
        if (!first) { /* even an empty <values> counts: the year appears once */
            report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_MODEL_VALUE, f->line, f->column, NULL,
                   "a second <values> for %ld in indicator '%s'", (long)f->year, ind->id);
            f->dead = true; /* its source and comment are not kept either */
            return;
        }
        f->cobj = ind;
        if (!store_values(ind, f)) {
            oom(r);
            return;
        }
        break;
    }
    default:
        return;
    }
    if (rc != SNPLP_OK)
        conv_failed(r, f, rc, what);
}

/* A status element ended: applied with its reason. */
static void conv_status_ended(reader *r, frame *f)
{
    snplp_action *a = parent_obj(r, f);
    if (!a || f->dead)
        return;
    if (snplp_action_status_in(a, f->year) != SNPLP_ACTION_STATUS_NONE) {
        report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_MODEL_VALUE, f->line, f->column, NULL,
               "a second <status> for %ld in action '%s'", (long)f->year, a->id);
        return;
    }
    if (!presize(&a->statuses, sizeof(snplp_status_year), a->conv, f->year)) {
        oom(r);
        return;
    }
    int rc = snplp_action_set_status(a, f->year, (snplp_action_status)f->e1, f->pending);
    if (rc != SNPLP_OK)
        conv_failed(r, f, rc, "status");
}

/* The foreign attributes read on the element of f go to the object just made. */
static void attach_conv_fattrs(reader *r, frame *f)
{
    for (uint32_t i = 0; i < f->fattrs.n && !r->stopped; i++) {
        const snplp_foreign_attr *a = f->fattrs.v[i];
        int rc = snplp__ext_put_attr(f->cext, a->ns, a->prefix, a->name, a->value, "import");
        if (rc == SNPLP_ENOMEM)
            oom(r);
        else if (rc != SNPLP_OK)
            report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_BAD_VALUE, f->line, f->column, ID(f), "%s",
                   snplp_error_last_message());
    }
    free_fattrs(&f->fattrs);
}

/* A text was normalized to NFC when stored. */
static void conv_check_nfc(reader *r, const frame *t, const char *id, const char *stored,
                           const char *text)
{
    if (stored && strcmp(stored, text) != 0)
        report(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_TEXT_NORMALIZED, t->line, t->column, id,
               "the %s was not in Unicode NFC: it was normalized", text_name(t->field));
}

/* Makes the convention of frame p from its territory name. */
static void make_convention(reader *r, frame *p, const frame *t, const char *name)
{
    snplp_convention *c = NULL;
    int rc = snplp_convention_new(&c, ID(p), (snplp_territory_kind)p->e1, p->code, name);
    if (rc != SNPLP_OK) {
        p->dead = true;
        conv_failed(r, p, rc, "convention");
        return;
    }
    if (p->has_year && (rc = snplp_convention_set_years(c, p->year, p->year2)) != SNPLP_OK)
        conv_failed(r, p, rc, "convention");
    if (p->has_date && (rc = snplp_convention_set_signature_date(c, p->date)) != SNPLP_OK)
        conv_failed(r, p, rc, "convention");
    rc = snplp_convention_list_add(r->list, c);
    snplp_convention_unref(c); /* the list holds it, or it goes */
    if (rc != SNPLP_OK) {
        p->dead = true;
        conv_failed(r, p, rc, "convention");
        return;
    }
    p->cobj = c;
    p->cext = &c->ext;
    conv_check_nfc(r, t, c->id, c->name, name);
    attach_conv_fattrs(r, p);
}

/* A text element of a file of conventions ended: its text goes where it belongs. */
static void deliver_conv_text(reader *r, const frame *t, frame *p, const char *text)
{
    int rc = SNPLP_OK;
    const char *stored = NULL;
    switch (t->field) {
    case F_TERRITORY_NAME:
        if (p->has_id && p->code[0])
            make_convention(r, p, t, text);
        else
            p->dead = true;
        return;
    case F_ROLE:
    case F_REASON: {
        /* kept until the element ends: normalized now, so that the warning has its place */
        rc = snplp__text_copy(&p->pending, text, NULL, NULL, NULL);
        if (rc == SNPLP_ENOMEM)
            oom(r);
        else if (rc != SNPLP_OK && !(p->pending = snplp__strdup(text)))
            oom(r); /* (kept as it is: the model will say what is wrong) */
        else
            conv_check_nfc(r, t, NULL, p->pending, text);
        return;
    }
    case F_NAME: {
        snplp_convention *c = parent_obj(r, p);
        if (!c || !p->pending)
            return;
        rc = snplp_convention_add_signatory(c, p->pending, text);
        if (rc == SNPLP_OK)
            stored = snplp_convention_signatory_name(c, c->signatories.n - 1);
        break;
    }
    case F_TITLE: {
        snplp_convention *c = parent_obj(r, p);
        snplp_action *a = NULL;
        if (!c || !p->has_id) {
            p->dead = true;
            return;
        }
        rc = snplp_convention_add_action(&a, c, ID(p), (snplp_action_objective)p->e1, text);
        if (rc != SNPLP_OK) {
            p->dead = true;
            conv_failed(r, p, rc, "action");
            return;
        }
        p->cobj = a;
        p->cext = &a->ext;
        conv_check_nfc(r, t, a->id, a->title, text);
        attach_conv_fattrs(r, p);
        return;
    }
    case F_DESCRIPTION:
        if (!p->cobj)
            return;
        rc = snplp_action_set_description(p->cobj, text);
        stored = snplp_action_description(p->cobj);
        break;
    case F_LABEL: {
        snplp_convention *c = parent_obj(r, p);
        snplp_indicator *ind = NULL;
        if (!c || !p->has_id) {
            p->dead = true;
            return;
        }
        rc = snplp_convention_add_indicator(&ind, c, ID(p), text, (snplp_unit)p->e1);
        if (rc != SNPLP_OK) {
            p->dead = true;
            conv_failed(r, p, rc, "indicator");
            return;
        }
        p->cobj = ind;
        p->cext = &ind->ext;
        conv_check_nfc(r, t, ind->id, ind->label, text);
        if (p->has_polarity && (rc = snplp_indicator_set_polarity(ind, p->polarity)) != SNPLP_OK)
            conv_failed(r, p, rc, "indicator");
        if ((p->has_aggregation || (p->has_weight && !p->bad_value)) &&
            (rc = snplp_indicator_set_aggregation(
                 ind, p->has_aggregation ? p->aggregation : SNPLP_AGGREGATION_NONE,
                 p->has_weight ? p->ids[ID_WEIGHT] : NULL)) != SNPLP_OK)
            conv_failed(r, p, rc, "indicator");
        if ((p->has_numerator || p->has_denominator) &&
            (rc = snplp_indicator_set_ratio_of(ind, p->has_numerator ? p->ids[ID_NUMERATOR] : NULL,
                                               p->has_denominator ? p->ids[ID_DENOMINATOR]
                                                                  : NULL)) != SNPLP_OK)
            conv_failed(r, p, rc, "indicator");
        attach_conv_fattrs(r, p);
        return;
    }
    case F_SOURCE:
    case F_COMMENT:
        if (!p->cobj)
            return;
        rc = t->field == F_SOURCE ? snplp_indicator_set_source(p->cobj, p->year, text)
                                  : snplp_indicator_set_comment(p->cobj, p->year, text);
        stored = t->field == F_SOURCE ? snplp_indicator_source(p->cobj, p->year)
                                      : snplp_indicator_comment(p->cobj, p->year);
        break;
    default:
        return;
    }
    if (rc != SNPLP_OK)
        conv_failed(r, t, rc, text_name(t->field));
    else
        conv_check_nfc(r, t, NULL, stored, text);
}

/* ---- SAX2 events ---- */

static bool is_snplp(const reader *r, const xmlChar *uri)
{
    return uri && (uri == r->ns_uri || strcmp((const char *)uri, SNPLP_XML_NAMESPACE) == 0);
}

/* Looks the format's names up in the parser's dictionary (a failed lookup leaves NULL: the
 * names are then compared by strcmp() only). */
static void intern_names(reader *r)
{
    xmlDictPtr dict = r->ctxt->dict;
    if (!dict)
        return;
    r->ns_uri = xmlDictLookup(dict, (const xmlChar *)SNPLP_XML_NAMESPACE, -1);
    for (size_t t = 0; t < T_COUNT; t++) {
        const attr_rule *a = rules[t].attrs;
        for (size_t k = 0; a[k].name && k < sizeof r->attr_names[t] / sizeof *r->attr_names[t]; k++)
            r->attr_names[t][k] = xmlDictLookup(dict, (const xmlChar *)a[k].name, -1);
        const child_rule *c = rules[t].children;
        for (size_t k = 0; c[k].name && k < sizeof r->child_names[t] / sizeof *r->child_names[t];
             k++)
            r->child_names[t][k] = xmlDictLookup(dict, (const xmlChar *)c[k].name, -1);
    }
}

/* The position of the attribute named local in the rules of f's element (that of the NULL
 * name at the end if none). */
static int attr_index(const reader *r, const frame *f, const xmlChar *local)
{
    const attr_rule *a = rules[f->type].attrs;
    const xmlChar *const *names = r->attr_names[f->type];
    int k = 0;
    for (; a[k].name && k < 8; k++)
        if (names[k] == local)
            return k;
    for (k = 0; a[k].name && strcmp(a[k].name, (const char *)local) != 0; k++)
        ;
    return k;
}

/* The position of the child named local among the children of f's element, from position
 * from on (that of the NULL name at the end if none). The names of a sequence are distinct. */
static size_t child_index(const reader *r, const frame *f, size_t from, const xmlChar *local)
{
    const child_rule *c = rules[f->type].children;
    const xmlChar *const *names = r->child_names[f->type];
    size_t i = from;
    for (; c[i].name && i < 16; i++)
        if (names[i] == local)
            return i;
    for (i = from; c[i].name && strcmp(c[i].name, (const char *)local) != 0; i++)
        ;
    return i;
}

static const char *qname(char *buf, size_t size, const xmlChar *prefix, const xmlChar *local)
{
    snprintf(buf, size, "%s%s%s", prefix ? (const char *)prefix : "", prefix ? ":" : "",
             (const char *)local);
    return buf;
}

/* Checks the attributes of an element of the format; returns false if the element cannot
 * make an item (a missing or malformed id). */
static void check_attributes(reader *r, frame *f, int nb, const xmlChar **attrs)
{
    const elem_rule *rule = &rules[f->type];
    bool seen[8] = {false};
    char launch_date[11] = "";
    bool has_launch = false;
    for (int i = 0; i < nb && !r->stopped; i++) {
        const xmlChar **a = attrs + 5 * i;
        const char *v = (const char *)a[3];
        size_t n = (size_t)(a[4] - a[3]);
        char q[200];
        if (n > SNPLP_XML_MAX_ATTRIBUTE) {
            ERR(r, SNPLP_DIAG_ATTRIBUTE_TOO_LONG, "attribute '%s' of <%s> is longer than %d bytes",
                qname(q, sizeof q, a[1], a[0]), f->name, SNPLP_XML_MAX_ATTRIBUTE);
            if (!a[2]) {
                int k = attr_index(r, f, a[0]);
                if (rule->attrs[k].name)
                    seen[k] = true;
            }
            f->dead = true;
            continue;
        }
        if (a[2] && strcmp((const char *)a[2], XSI) == 0 &&
            (strcmp((const char *)a[0], "schemaLocation") == 0 ||
             strcmp((const char *)a[0], "noNamespaceSchemaLocation") == 0))
            continue; /* hints for validators, allowed anywhere by XSD; libsnplp reads nothing */
        if (a[2]) {   /* qualified */
            bool xsi_special =
                strcmp((const char *)a[2], XSI) == 0 &&
                (strcmp((const char *)a[0], "type") == 0 || strcmp((const char *)a[0], "nil") == 0);
            if (is_snplp(r, a[2]) || !rule->item || xsi_special) {
                ERR(r, SNPLP_DIAG_UNKNOWN_ATTRIBUTE,
                    "<%s> takes no attribute '%s' (of namespace %s)", f->name,
                    qname(q, sizeof q, a[1], a[0]), (const char *)a[2]);
                continue;
            }
            size_t ns = strlen((const char *)a[2]), pre = a[1] ? strlen((const char *)a[1]) : 0,
                   loc = strlen((const char *)a[0]);
            snplp_foreign_attr *fa = snplp__malloc(sizeof *fa + ns + pre + loc + n + 4);
            if (!fa || snplp__list_reserve(&f->fattrs) != SNPLP_OK) {
                snplp__free(fa);
                oom(r);
                return;
            }
            char *p = (char *)(fa + 1);
            fa->ns = memcpy(p, a[2], ns + 1);
            p += ns + 1;
            fa->prefix = memcpy(p, a[1] ? (const char *)a[1] : "", pre + 1);
            p += pre + 1;
            fa->name = memcpy(p, a[0], loc + 1);
            p += loc + 1;
            memcpy(p, v, n);
            p[n] = '\0';
            fa->value = p;
            snplp__list_push(&f->fattrs, fa);
            continue;
        }
        int k = attr_index(r, f, a[0]);
        const attr_rule *ar = &rule->attrs[k];
        if (!ar->name) {
            ERR(r, SNPLP_DIAG_UNKNOWN_ATTRIBUTE, "<%s> takes no attribute '%s'", f->name,
                (const char *)a[0]);
            continue;
        }
        seen[k] = true;
        /* every type but ids collapses white space */
        const char *s = v;
        size_t sn = n;
        if (ar->type != V_ID) {
            while (sn && is_ws(*s))
                s++, sn--;
            while (sn && is_ws(s[sn - 1]))
                sn--;
        }
        if (!value_ok(f, (vtype)ar->type, s, sn)) {
            char shown[64];
            snprintf(shown, sizeof shown, "%.*s%s", (int)(n < 40 ? n : 40), v, n > 40 ? "..." : "");
            if (ar->type == V_ID)
                ERR(r, SNPLP_DIAG_BAD_ID,
                    "<%s> %s '%s' is not an id (a letter or _, then letters, digits, '-', '_' or "
                    "'.', at most %d characters)",
                    f->name, ar->name, shown, SNPLP_ID_MAX);
            else
                ERR(r, SNPLP_DIAG_BAD_VALUE, "<%s> %s '%s' is not a valid value", f->name, ar->name,
                    shown);
            if (ar->required || ar->type == V_ID)
                f->dead = true;
            f->bad_value = true;
            continue;
        }
        if (ar->type == V_ID) {
            /* an id is at most SNPLP_ID_MAX bytes (checked above): kept in the frame */
            bool ref = ar->slot == ID_REF; /* applied at once */
            int slot = ref ? ID_THEME : ar->slot;
            char *copy = f->ids[slot];
            memcpy(copy, v, n);
            copy[n] = '\0';
            f->has_theme |= slot == ID_THEME;
            f->has_id |= slot == ID_ID;
            f->has_weight |= slot == ID_WEIGHT;
            f->has_numerator |= slot == ID_NUMERATOR;
            f->has_denominator |= slot == ID_DENOMINATOR;
            if (ref) { /* applied at once to the module being read */
                f->has_theme = false;
                frame *p = parent_of(r, f);
                if (p && p->item) {
                    int rc =
                        f->type == T_PREREQUISITE
                            ? snplp_module_add_prerequisite((snplp_module *)(void *)p->item, copy)
                            : snplp_module_add_profession((snplp_module *)(void *)p->item, copy);
                    if (rc != SNPLP_OK)
                        model_failed(r, f, rc, f->name);
                }
            }
        } else if (f->type >= T_CROOT) {
            conv_attribute(r, f, ar, s, sn);
        } else if (ar->type == V_DAYS || ar->type == V_CENTS || (ar->type == V_DIPLOMA) ||
                   (ar->type == V_INTEGER)) {
            f->has_number = true;
        } else if (ar->type == V_DATE) {
            memcpy(launch_date, s, sn);
            launch_date[sn] = '\0';
            has_launch = true;
        }
    }
    for (int k = 0; rule->attrs[k].name && !r->stopped; k++)
        if (rule->attrs[k].required && !seen[k]) {
            ERR(r, SNPLP_DIAG_MISSING_ATTRIBUTE, "<%s> needs the attribute '%s'", f->name,
                rule->attrs[k].name);
            f->dead = true;
        }
    if (!r->stopped && (f->type == T_STRATEGY || f->type == T_TRAINING_PLAN))
        apply_singleton(r, f, has_launch ? launch_date : NULL);
    if (!r->stopped && f->type >= T_CROOT && f->type < T_TEXT)
        conv_started(r, f);
}

/* Reports the required children of f at positions [from, to) that never came (the one at
 * f->pos counts as come if f->count > 0). */
static void missing_between(reader *r, frame *f, size_t from, size_t to)
{
    const child_rule *c = rules[f->type].children;
    for (size_t i = from; i < to && c[i].name; i++) {
        if (c[i].min == 0 || (i == f->pos && f->count > 0))
            continue;
        ERR(r, SNPLP_DIAG_MISSING_ELEMENT, "<%s> needs a <%s>%s", f->name, c[i].name,
            i == 0 ? " first" : "");
        f->dead = true;
    }
}

static void missing_from(reader *r, frame *f, size_t from)
{
    missing_between(r, f, from, SIZE_MAX);
}

static void start_decoded(reader *r, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, const xmlChar **attributes);

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    (void)nb_defaulted;
    reader *r = ctx;
    if (r->stopped)
        return;
    size_t depth = r->depth + r->skip + (size_t)r->frag.depth + 1;
    if (depth > SNPLP_XML_MAX_DEPTH) {
        ERR(r, SNPLP_DIAG_TOO_DEEP, "elements nest deeper than %d levels", SNPLP_XML_MAX_DEPTH);
        stop(r);
        return;
    }
    if (r->skip && r->frag.depth == 0) {
        r->skip++;
        return;
    }
    void *mem = NULL;
    const xmlChar **attrs = NULL;
    if (!snplp__attrs_decode(nb_attributes, attributes, &attrs, &mem)) {
        oom(r);
        return;
    }
    start_decoded(r, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, attrs);
    snplp__free(mem);
}

static void start_decoded(reader *r, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, const xmlChar **attributes)
{
    if (r->frag.depth > 0) {
        r->frag_text_bytes = r->frag_text_chars = 0;
        snplp__fragment_start(&r->frag, localname, prefix, uri, nb_namespaces, namespaces,
                              nb_attributes, attributes);
        return;
    }
    char q[200];
    frame *f = top(r);
    if (!f) {
        const char *root = r->list ? "conventions" : "referential";
        if (!is_snplp(r, uri) || strcmp((const char *)localname, root) != 0) {
            ERR(r, SNPLP_DIAG_WRONG_ROOT,
                "the root element is <%s>%s%s, not <%s> of namespace %s%s",
                qname(q, sizeof q, prefix, localname), uri ? " of namespace " : " of no namespace",
                uri ? (const char *)uri : "", root, SNPLP_XML_NAMESPACE,
                is_snplp(r, uri) && strcmp((const char *)localname,
                                           r->list ? "referential" : "conventions") == 0
                    ? r->list ? ": a referential, not a file of conventions"
                              : ": a file of conventions, not a referential"
                    : "");
            r->skip = 1;
            return;
        }
        r->root_seen = true;

        f = push(r, r->list ? T_CROOT : T_ROOT);
        if (f)
            check_attributes(r, f, nb_attributes, attributes);
        return;
    }
    const elem_rule *rule = &rules[f->type];
    if (!is_snplp(r, uri)) {
        if (uri && rule->item) { /* an extension: recorded whole */
            if (!f->ext) {
                missing_from(r, f, f->pos);
                f->ext = true;
                f->pos = 0;
                while (rule->children[f->pos].name)
                    f->pos++;
                f->count = 0;
            }
            r->frag_item = f->dead ? NULL : f->item;
            r->frag_ext = f->dead ? NULL : f->cext;
            r->frag_text_bytes = r->frag_text_chars = 0;
            r->frag_text_reported = false;
            snplp__fragment_start(&r->frag, localname, prefix, uri, nb_namespaces, namespaces,
                                  nb_attributes, attributes);
            return;
        }
        ERR(r, SNPLP_DIAG_UNKNOWN_ELEMENT, "<%s> %s is not allowed in <%s>",
            qname(q, sizeof q, prefix, localname), uri ? "of another namespace" : "of no namespace",
            f->name);
        r->skip = 1;
        return;
    }
    /* an element of the format: where does it fit in the parent's sequence? */
    const child_rule *c = rule->children;
    size_t i = f->ext ? SIZE_MAX : f->pos;
    if (i != SIZE_MAX) {
        i = child_index(r, f, i, localname);
        if (!c[i].name)
            i = SIZE_MAX;
    }
    if (i != SIZE_MAX && i == f->pos && f->count > 0 && c[i].max == 1)
        i = SIZE_MAX; /* a second one */
    for (size_t k = f->pos; i != SIZE_MAX && k < i; k++)
        if (c[k].min > 0 && !(k == f->pos && f->count > 0))
            i = SIZE_MAX; /* it would pass over a required element that has not come */
    if (i == SIZE_MAX) {
        const char *expected = NULL;
        for (size_t k = f->pos; !f->ext && c[k].name && !expected; k++)
            if (c[k].min > 0 && !(k == f->pos && f->count > 0))
                expected = c[k].name;
        if (expected)
            ERR(r, SNPLP_DIAG_UNKNOWN_ELEMENT, "<%s> is not allowed here in <%s>: <%s> comes first",
                (const char *)localname, f->name, expected);
        else
            ERR(r, SNPLP_DIAG_UNKNOWN_ELEMENT, "<%s> is not allowed %s in <%s>",
                (const char *)localname, f->ext ? "after extension elements" : "here", f->name);
        r->skip = 1;
        return;
    }
    if (i != f->pos) {
        missing_between(r, f, f->pos, i);
        /* only the skipped positions were checked: the new one is counted below */
        f->pos = (uint16_t)i;
        f->count = 0;
    }
    f->count++;
    frame *child = push(r, (etype)c[i].type);
    if (!child)
        return;
    child->field = c[i].field;
    child->name = c[i].name;
    if (child->type == T_TEXT) {
        r->text.n = 0; /* the buffer is reused from one text to the next */
        if (r->text.p)
            r->text.p[0] = '\0';
        r->text.failed = false;
        r->text_chars = 0;
        r->text_too_long = false;
    }
    check_attributes(r, child, nb_attributes, attributes);
}

static void end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                        const xmlChar *uri)
{
    (void)uri;
    reader *r = ctx;
    if (r->stopped)
        return;
    if (r->frag.depth > 0) {
        r->frag_text_bytes = r->frag_text_chars = 0;
        if (snplp__fragment_end(&r->frag, localname, prefix)) {
            char *xml = snplp__fragment_take(&r->frag);
            if (!xml)
                oom(r);
            else if (r->frag_ext) {
                if (snplp__ext_push_element(r->frag_ext, xml) != SNPLP_OK) {
                    snplp__free(xml);
                    oom(r);
                }
            } else if (!r->frag_item)
                snplp__free(xml);
            else if (snplp__ext_add_element(r->frag_item, xml) != SNPLP_OK) {
                snplp__free(xml);
                oom(r);
            }
        }
        return;
    }
    if (r->skip) {
        r->skip--;
        return;
    }
    frame *f = top(r);
    if (!f)
        return;
    if (f->type == T_TEXT) {
        deliver_text(r, f, parent_of(r, f));
    } else {
        if (!f->ext)
            missing_from(r, f, f->pos);
        if (f->type == T_STATUS && !r->stopped)
            conv_status_ended(r, f);
    }
    frame_clear(f);
    r->depth--;
}

static void characters(void *ctx, const xmlChar *ch, int len)
{
    reader *r = ctx;
    if (r->stopped || len <= 0)
        return;
    if (r->frag.depth > 0) {
        /* an extension's texts are bounded too (a run of text between two tags) */
        if (r->frag_text_bytes + (size_t)len > SNPLP_XML_MAX_TEXT) {
            for (int i = 0; i < len; i++)
                r->frag_text_chars += (ch[i] & 0xC0) != 0x80;
            if (r->frag_text_chars > SNPLP_XML_MAX_TEXT && !r->frag_text_reported) {
                ERR(r, SNPLP_DIAG_TEXT_TOO_LONG,
                    "a text of an extension element is longer than %d characters",
                    SNPLP_XML_MAX_TEXT);
                r->frag_text_reported = true;
            }
        } else
            for (int i = 0; i < len; i++)
                r->frag_text_chars += (ch[i] & 0xC0) != 0x80;
        r->frag_text_bytes += (size_t)len;
        if (!r->frag_text_reported)
            snplp__fragment_text(&r->frag, (const char *)ch, (size_t)len);
        return;
    }
    if (r->skip)
        return;
    frame *f = top(r);
    if (!f)
        return;
    if (f->type == T_TEXT) {
        if (r->text_too_long)
            return;
        /* characters are counted only once the bytes could be too many */
        if (r->text.n + (size_t)len > SNPLP_XML_MAX_TEXT) {
            if (r->text_chars == 0)
                for (size_t i = 0; i < r->text.n; i++)
                    r->text_chars += (r->text.p[i] & 0xC0) != 0x80;
            for (int i = 0; i < len; i++)
                r->text_chars += (ch[i] & 0xC0) != 0x80;
        }
        if (r->text_chars > SNPLP_XML_MAX_TEXT) {
            ERR(r, SNPLP_DIAG_TEXT_TOO_LONG, "the text of <%s> is longer than %d characters",
                text_name(f->field), SNPLP_XML_MAX_TEXT);
            r->text_too_long = true;
            snplp__buf_free(&r->text);
            return;
        }
        snplp__buf_put(&r->text, (const char *)ch, (size_t)len);
        if (r->text.failed)
            oom(r);
        return;
    }
    for (int i = 0; i < len; i++)
        if (!is_ws((char)ch[i])) {
            if (!f->text_reported)
                ERR(r, SNPLP_DIAG_UNEXPECTED_TEXT, "<%s> holds elements only, not text", f->name);
            f->text_reported = true;
            return;
        }
}

static void internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                            const xmlChar *system_id)
{
    (void)name, (void)external_id, (void)system_id;
    reader *r = ctx;
    if (r->stopped)
        return;
    ERR(r, SNPLP_DIAG_DOCTYPE,
        "a document type declaration (<!DOCTYPE>) is refused: no DTD or entity is read");
    stop(r);
}

/* Errors of libxml2's parser: every one is fatal for the pass. */
static void parser_error(void *data, xmlErrorPtr e)
{
    (void)data;
    xmlParserCtxtPtr ctxt = e ? (xmlParserCtxtPtr)e->ctxt : NULL;
    reader *r = ctxt ? ctxt->_private : NULL;
    if (!r || r->stopped || !e || e->level == XML_ERR_WARNING)
        return;
    if (e->domain == XML_FROM_SCHEMASV || e->domain == XML_FROM_SCHEMASP)
        return; /* reported by schema_error() */
    char msg[300];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "not well-formed");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    if (e->code == XML_ERR_NO_MEMORY) {
        oom(r);
        return;
    }
    report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED, e->line > 0 ? (size_t)e->line : 1,
           e->int2 > 0 ? (size_t)e->int2 : 1, NULL, "not well-formed: %s", msg);
    stop(r);
}

/* Findings of the XSD validator (strict mode). */
static void schema_error(void *data, xmlErrorPtr e)
{
    reader *r = data;
    if (!r || r->stopped || !e || e->level == XML_ERR_WARNING)
        return;
    if (e->code == XML_ERR_NO_MEMORY) {
        oom(r);
        return;
    }
    char msg[300];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "invalid");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    size_t line = e->line > 0 ? (size_t)e->line : cur_line(r);
    report(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_SCHEMA, line, e->int2 > 0 ? (size_t)e->int2 : 1,
           NULL, "%s", msg);
}

/* libxml2 reports a few problems (encoding conversions) only through its generic error
 * handler, which prints to stderr by default: during an import they are kept instead. */
static void generic_error(void *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void generic_error(void *ctx, const char *fmt, ...)
{
    reader *r = ctx;
    size_t n = strlen(r->generic);
    if (n + 1 >= sizeof r->generic || (n > 0 && r->generic[n - 1] == '\n'))
        return; /* the first message only */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->generic + n, sizeof r->generic - n, fmt, ap);
    va_end(ap);
}

/* ---- the encoding ---- */

#define HEAD 512 /* bytes read before the parse starts, to see the XML declaration */

/* Whether the document starting with p[0..n) is UTF-8: no UTF-16 or UTF-32 byte order mark or
 * pattern, and an XML declaration that names no encoding or UTF-8. Otherwise enc receives the
 * name found. libxml2 would convert other encodings, in ways that depend on how the input
 * arrives; the format is UTF-8 only, so the declaration is read here, and libxml2 is told to
 * ignore it (XML_PARSE_IGNORE_ENC). A malformed declaration is left to libxml2 to report. */
static bool encoding_is_utf8(const char *p, size_t n, char *enc, size_t size)
{
    const unsigned char *u = (const unsigned char *)p;
    snprintf(enc, size, "UTF-16");
    if (n >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE)))
        return false;
    if (n >= 2 && (u[0] == 0 || u[1] == 0)) /* UTF-16 or UTF-32 without a mark */
        return false;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        p += 3, n -= 3;
    if (n < 6 || memcmp(p, "<?xml", 5) != 0 || !is_ws(p[5]))
        return true;
    const char *end = NULL;
    for (size_t i = 5; i + 1 < n && !end; i++)
        if (p[i] == '?' && p[i + 1] == '>')
            end = p + i;
    if (!end)
        return true;
    for (const char *q = p + 5; q + 8 <= end; q++) {
        if (memcmp(q, "encoding", 8) != 0 || !is_ws(q[-1]))
            continue;
        q += 8;
        while (q < end && is_ws(*q))
            q++;
        if (q >= end || *q++ != '=')
            return true;
        while (q < end && is_ws(*q))
            q++;
        if (q >= end || (*q != '"' && *q != '\''))
            return true;
        char quote = *q++;
        const char *name = q;
        while (q < end && *q != quote)
            q++;
        size_t len = (size_t)(q - name);
        snprintf(enc, size, "%.*s", (int)(len < 30 ? len : 30), name);
        return len == 5 && strncasecmp(name, "UTF-8", 5) == 0;
    }
    return true;
}

/* ---- the pass ---- */

struct snplp_import_options {
    bool strict;
    snplp_progress_fn progress;
    void *progress_user;
};

int snplp_import_options_new(snplp_import_options **out)
{
    if (!out)
        return snplp__bad_arg(__func__, "out is NULL");
    snplp_import_options *o = snplp__calloc(1, sizeof *o);
    if (!o)
        return snplp__oom();
    *out = o;
    return SNPLP_OK;
}

void snplp_import_options_free(snplp_import_options *options)
{
    snplp__free(options);
}

int snplp_import_options_set_strict(snplp_import_options *options, bool strict)
{
    if (!options)
        return snplp__bad_arg(__func__, "options is NULL");
    options->strict = strict;
    return SNPLP_OK;
}

bool snplp_import_options_strict(const snplp_import_options *options)
{
    return options && options->strict;
}

int snplp_import_options_set_progress(snplp_import_options *options, snplp_progress_fn progress,
                                      void *user)
{
    if (!options)
        return snplp__bad_arg(__func__, "options is NULL");
    options->progress = progress;
    options->progress_user = progress ? user : NULL;
    return SNPLP_OK;
}

/* The model's rules on what was read, each finding placed at its item's element. */
static void validate_read(reader *r)
{
    snplp_diagnostics *d = NULL;
    if (snplp_diagnostics_new(&d) != SNPLP_OK) {
        oom(r);
        return;
    }
    int rc = snplp_referential_validate(r->ref, d);
    if (rc != SNPLP_OK && rc != SNPLP_EVALIDATION) {
        snplp_diagnostics_free(d);
        oom(r);
        return;
    }
    if (snplp_diagnostics_count(d) > 0) /* sorted only when there is something to place */
        qsort(r->positions, r->npositions, sizeof *r->positions, cmp_position);
    for (size_t i = 0; i < snplp_diagnostics_count(d) && r->status == SNPLP_OK; i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        const char *id = snplp_diagnostic_item_id(g);
        size_t line = 1, column = 1;
        if (id) {
            position key = {id, 0, 0};
            const position *p =
                bsearch(&key, r->positions, r->npositions, sizeof key, cmp_position);
            if (p) {
                line = p->line;
                column = p->column;
            }
        }
        report(r, snplp_diagnostic_severity(g), snplp_diagnostic_code(g), line, column, id, "%s",
               snplp_diagnostic_message(g));
    }
    snplp_diagnostics_free(d);
}

/* Frees what an import made (a referential or a list of conventions). */
static void discard(reader *r)
{
    snplp_referential_unref(r->ref);
    snplp_convention_list_free(r->list);
}

/* Where an import puts what it read: a referential, or a list of conventions (the other is
 * NULL). */
typedef struct target {
    snplp_referential **ref;
    snplp_convention_list **list;
} target;

/* Reads a referential or a file of conventions, as out says. */
static int import(target out, snplp_diagnostics *diags, snplp_source *src, const char *name,
                  const snplp_import_options *options)
{
    snplp__xml_init();
    reader r;
    memset(&r, 0, sizeof r);
    r.diags = diags;
    r.name = name ? name : "(input)";
    int rc = out.list ? snplp_convention_list_new(&r.list) : snplp_referential_new(&r.ref);
    if (rc != SNPLP_OK)
        return rc;

    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = start_element;
    sax.endElementNs = end_element;
    sax.characters = characters;
    sax.cdataBlock = characters;
    sax.internalSubset = internal_subset;
    sax.serror = parser_error;
    xmlSAXHandlerPtr sax_ptr = &sax;
    void *user = &r;

    xmlSchemaValidCtxtPtr vctxt = NULL;
    xmlSchemaSAXPlugPtr plug = NULL;
    if (options && options->strict) {
        xmlSchemaPtr schema = snplp__xml_schema();
        vctxt = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
        if (vctxt) {
            xmlSchemaSetValidStructuredErrors(vctxt, schema_error, &r);
            plug = xmlSchemaSAXPlug(vctxt, &sax_ptr, &user);
        }
        if (!plug) {
            xmlSchemaFreeValidCtxt(vctxt);
            discard(&r);
            return snplp__oom();
        }
    }

    xmlGenericErrorFunc old_generic = xmlGenericError;
    void *old_generic_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(&r, generic_error);
    r.ctxt = xmlCreatePushParserCtxt(sax_ptr, user, NULL, 0, r.name);
    if (!r.ctxt) {
        xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
        if (plug)
            xmlSchemaSAXUnplug(plug);
        xmlSchemaFreeValidCtxt(vctxt);
        discard(&r);
        return snplp__oom();
    }
    r.ctxt->_private = &r;
    intern_names(&r);
    /* the schema's SAX plug does not pass the parser's own errors on: take them directly */
    r.ctxt->sax->serror = parser_error;
    xmlCtxtUseOptions(r.ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC);
    if (vctxt)
        xmlSchemaValidateSetFilename(vctxt, r.name);

    snplp_buf head = {0}; /* the first bytes, kept until the encoding is known */
    bool head_checked = false;
    for (;;) {
        const char *chunk;
        size_t n;
        int src_rc = snplp__source_next(src, &chunk, &n);
        if (src_rc == SNPLP_ENOMEM) {
            oom(&r);
            break;
        }
        if (src_rc != SNPLP_OK) {
            report(&r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_IO, cur_line(&r), cur_column(&r), NULL,
                   "reading %s failed", r.name);
            r.status = SNPLP_EIO;
            break;
        }
        size_t len = n;
        if (!head_checked) {
            snplp__buf_put(&head, chunk, len);
            if (head.failed) {
                oom(&r);
                break;
            }
            if (head.n < HEAD && n > 0)
                goto progress;
            head_checked = true;
            char enc[40];
            if (!encoding_is_utf8(head.p ? head.p : "", head.n, enc, sizeof enc)) {
                report(&r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED, 1, 1, NULL,
                       "not well-formed: the document is in %s; the format is UTF-8 only", enc);
                stop(&r);
                break;
            }
            chunk = head.p ? head.p : "";
            len = head.n;
        }
        int prc = 0;
        if (!r.stopped) {
            snplp__text_trusted = true; /* texts come from libxml2 until it returns */
            prc = xmlParseChunk(r.ctxt, chunk, (int)len, n == 0);
            snplp__text_trusted = false;
        }
        snplp__buf_free(&head);
        if (prc != 0 && !r.stopped && r.parse_errors == 0) {
            /* libxml2 stopped without a finding through serror (an encoding conversion that
             * failed, for one) */
            const xmlError *e = xmlCtxtGetLastError(r.ctxt);
            char m[300];
            snprintf(m, sizeof m, "%s",
                     r.generic[0]      ? r.generic
                     : e && e->message ? e->message
                                       : "parse error");
            report(&r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED,
                   e && e->line > 0 ? (size_t)e->line : cur_line(&r),
                   e && e->int2 > 0 ? (size_t)e->int2 : 1, NULL, "not well-formed: %s", m);
            stop(&r);
        }
        if (r.stopped || n == 0)
            break;
    progress:
        if (options && options->progress &&
            options->progress(options->progress_user, src->done, src->total) != 0) {
            report(&r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_IO, cur_line(&r), cur_column(&r), NULL,
                   "reading %s was cancelled", r.name);
            r.status = SNPLP_EIO;
            break;
        }
    }
    if (r.status == SNPLP_OK && !r.stopped && !r.ctxt->wellFormed && r.parse_errors == 0) {
        const xmlError *e = xmlCtxtGetLastError(r.ctxt);
        report(&r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED,
               e && e->line > 0 ? (size_t)e->line : 1, e && e->int2 > 0 ? (size_t)e->int2 : 1, NULL,
               "not well-formed: %s", e && e->message ? e->message : "parse error");
    }
    if (r.status == SNPLP_OK && !r.stopped && !r.root_seen && r.parse_errors == 0)
        report(&r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED, 1, 1, NULL,
               "not well-formed: the document is empty");
    if (r.status == SNPLP_OK && !r.stopped && r.parse_errors == 0 && r.ref)
        validate_read(&r);

    snplp__buf_free(&head);
    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    if (r.ctxt->myDoc) /* a document libxml2 may make for a DTD's entities */
        xmlFreeDoc(r.ctxt->myDoc);
    r.ctxt->myDoc = NULL;
    xmlFreeParserCtxt(r.ctxt);
    if (plug)
        xmlSchemaSAXUnplug(plug);
    xmlSchemaFreeValidCtxt(vctxt);
    while (r.depth)
        frame_clear(&r.stack[--r.depth]);
    snplp__free(r.stack);
    snplp__fragment_reset(&r.frag);
    snplp__buf_free(&r.text);
    snplp__free(r.positions);

    rc = r.status;
    if (rc == SNPLP_OK && (r.parse_errors || r.model_errors))
        rc = r.parse_errors ? SNPLP_EPARSE : SNPLP_EVALIDATION;
    if (rc != SNPLP_OK) {
        discard(&r);
        if (rc == SNPLP_ENOMEM)
            return snplp__oom();
        return snplp__fail(rc, "%s", r.first_code ? r.first : "import failed");
    }
    if (out.list)
        *out.list = r.list;
    else
        *out.ref = r.ref;
    return SNPLP_OK;
}

static int import_memory(target out, snplp_diagnostics *diags, const void *data, size_t size,
                         const char *name, const snplp_import_options *options, const char *fn)
{
    if ((!out.ref && !out.list) || (!data && size))
        return snplp__bad_arg(fn, "NULL out or data");
    snplp_source s;
    snplp__source_memory(&s, data, size);
    return import(out, diags, &s, name, options);
}

static int import_callback(target out, snplp_diagnostics *diags, snplp_read_fn read, void *user,
                           const char *name, const snplp_import_options *options, const char *fn)
{
    if ((!out.ref && !out.list) || !read)
        return snplp__bad_arg(fn, "NULL out or read");
    snplp_source s;
    snplp__source_callback(&s, read, user);
    int rc = import(out, diags, &s, name, options);
    snplp__source_close(&s);
    return rc;
}

static int import_file(target out, snplp_diagnostics *diags, const char *path,
                       const snplp_import_options *options, const char *fn)
{
    if ((!out.ref && !out.list) || !path)
        return snplp__bad_arg(fn, "NULL out or path");
    snplp_source s;
    int rc = snplp__source_open(&s, path, diags, SNPLP_DIAG_IO, fn);
    if (rc != SNPLP_OK)
        return rc;
    rc = import(out, diags, &s, path, options);
    snplp__source_close(&s);
    return rc;
}

int snplp_referential_import_memory(snplp_referential **out, snplp_diagnostics *diags,
                                    const void *data, size_t size, const char *name,
                                    const snplp_import_options *options)
{
    return import_memory((target){out, NULL}, diags, data, size, name, options, __func__);
}

int snplp_referential_import_callback(snplp_referential **out, snplp_diagnostics *diags,
                                      snplp_read_fn read, void *user, const char *name,
                                      const snplp_import_options *options)
{
    return import_callback((target){out, NULL}, diags, read, user, name, options, __func__);
}

int snplp_referential_import_file(snplp_referential **out, snplp_diagnostics *diags,
                                  const char *path, const snplp_import_options *options)
{
    return import_file((target){out, NULL}, diags, path, options, __func__);
}

int snplp_conventions_import_memory(snplp_convention_list **out, snplp_diagnostics *diags,
                                    const void *data, size_t size, const char *name,
                                    const snplp_import_options *options)
{
    return import_memory((target){NULL, out}, diags, data, size, name, options, __func__);
}

int snplp_conventions_import_callback(snplp_convention_list **out, snplp_diagnostics *diags,
                                      snplp_read_fn read, void *user, const char *name,
                                      const snplp_import_options *options)
{
    return import_callback((target){NULL, out}, diags, read, user, name, options, __func__);
}

int snplp_conventions_import_file(snplp_convention_list **out, snplp_diagnostics *diags,
                                  const char *path, const snplp_import_options *options)
{
    return import_file((target){NULL, out}, diags, path, options, __func__);
}
