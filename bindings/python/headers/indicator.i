/* indicator.h: indicators of a convention. Decimal values are (units, scale) tuples
 * (decimal.i): snplp_indicator_target(ind, 2020) -> (status, (units, scale) or None);
 * snplp_indicator_baseline(ind) -> (status, year, (units, scale)).
 *
 * snplp_aggregation_from_name(name) returns a bool, not a status:
 *   snplp_aggregation_from_name("sum") -> (True, SNPLP_AGGREGATION_SUM)
 *   snplp_aggregation_from_name("x")   -> (False, None)
 */

%typemap(in, numinputs=0) snplp_aggregation *out (snplp_aggregation temp = SNPLP_AGGREGATION_NONE) {
  $1 = &temp;
}
%typemap(argout) snplp_aggregation *out {
  SNPLP_PY_APPEND($result, result ? PyLong_FromLong((long)*$1) : snplp_py_none());
}

%include <snplp/indicator.h>
