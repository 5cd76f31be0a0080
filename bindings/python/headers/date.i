/* date.h: calendar dates, as (year, month, day) tuples of ints.
 *
 *   snplp_date by value, in  <- (year, month, day), e.g. (2021, 3, 31)
 *   const snplp_date *, in   <- (year, month, day) or None (NULL)
 *   snplp_date *, out        -> (year, month, day), None when the call failed
 *
 *   snplp_date_parse("2021-03-31")                    -> (0, (2021, 3, 31))
 *   snplp_date_format((2021, 3, 31))                  -> (0, "2021-03-31")
 *   snplp_date_days_between((2024, 2, 28), (2024, 3, 1)) -> (0, 2)
 */

%{
static int snplp_py_to_date(PyObject *obj, snplp_date *out, const char *func, int argnum)
{
    static const int kinds[3] = {32, 32, 32};
    int32_t year = 0, month = 0, day = 0;
    void *const slots[3] = {&year, &month, &day};
    if (snplp_py_to_ints(obj, 3, kinds, slots, "(year, month, day)", func, argnum) < 0)
        return -1;
    out->year = year;
    out->month = month;
    out->day = day;
    return 0;
}

static PyObject *snplp_py_from_date(snplp_date d)
{
    return Py_BuildValue("(iii)", (int)d.year, (int)d.month, (int)d.day);
}
%}

%typemap(in) snplp_date {
  if (snplp_py_to_date($input, &$1, "$symname", $argnum) < 0) SWIG_fail;
}
%typemap(out) snplp_date {
  $result = snplp_py_from_date($1);
  if (!$result) SWIG_fail;
}
%typemap(in) const snplp_date * (snplp_date temp) {
  if ($input == Py_None) {
    $1 = NULL;
  } else {
    if (snplp_py_to_date($input, &temp, "$symname", $argnum) < 0) SWIG_fail;
    $1 = &temp;
  }
}
/* (without it, the argout typemap below would apply to the const pointers too) */
%typemap(argout) const snplp_date * "";
%typemap(in, numinputs=0) snplp_date * (snplp_date temp) {
  temp.year = temp.month = temp.day = 0;
  $1 = &temp;
}
%typemap(argout) snplp_date * {
  SNPLP_PY_APPEND($result, SNPLP_PY_OK ? snplp_py_from_date(*$1) : snplp_py_none());
}

/* Values are tuples: no wrapper of the struct and its fields. */
%ignore snplp_date;
%include <snplp/date.h>
