/* decimal.h: exact decimal values, as (units, scale) tuples of ints.
 *
 *   snplp_decimal by value, in    <- (units, scale), e.g. (1250, 2) for "12.50"
 *   const snplp_decimal *, in     <- (units, scale) or None (NULL)
 *   snplp_decimal *, out          -> (units, scale), None when the call failed
 *   snplp_decimal returned        -> (units, scale)
 *
 * A tuple (or list) of two ints is expected: anything else raises TypeError, units beyond
 * 64 bits or a scale beyond 32 bits OverflowError. The C struct itself is not wrapped.
 *
 *   snplp_decimal_parse("12.50")        -> (0, (1250, 2))
 *   snplp_decimal_format((1250, 2))     -> (0, "12.50")
 *   snplp_decimal_add((1250, 2), (5, 1)) -> (0, (1300, 2))
 *   snplp_decimal_ratio((1, 0), (4, 0)) -> (0, 0.25)
 */

%{
static int snplp_py_to_decimal(PyObject *obj, snplp_decimal *out, const char *func, int argnum)
{
    static const int kinds[2] = {64, 32};
    int64_t units = 0;
    int32_t scale = 0;
    void *const slots[2] = {&units, &scale};
    if (snplp_py_to_ints(obj, 2, kinds, slots, "(units, scale)", func, argnum) < 0)
        return -1;
    out->units = units;
    out->scale = scale;
    return 0;
}

static PyObject *snplp_py_from_decimal(snplp_decimal d)
{
    return Py_BuildValue("(Li)", (long long)d.units, (int)d.scale);
}
%}

%typemap(in) snplp_decimal {
  if (snplp_py_to_decimal($input, &$1, "$symname", $argnum) < 0) SWIG_fail;
}
%typemap(out) snplp_decimal {
  $result = snplp_py_from_decimal($1);
  if (!$result) SWIG_fail;
}
%typemap(in) const snplp_decimal * (snplp_decimal temp) {
  if ($input == Py_None) {
    $1 = NULL;
  } else {
    if (snplp_py_to_decimal($input, &temp, "$symname", $argnum) < 0) SWIG_fail;
    $1 = &temp;
  }
}
/* (without it, the argout typemap below would apply to the const pointers too) */
%typemap(argout) const snplp_decimal * "";
%typemap(in, numinputs=0) snplp_decimal * (snplp_decimal temp) {
  temp.units = 0;
  temp.scale = 0;
  $1 = &temp;
}
%typemap(argout) snplp_decimal * {
  SNPLP_PY_APPEND($result, SNPLP_PY_OK ? snplp_py_from_decimal(*$1) : snplp_py_none());
}

/* Values are tuples: no wrapper of the struct and its fields. */
%ignore snplp_decimal;
%include <snplp/decimal.h>
