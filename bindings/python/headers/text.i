/* text.h: French collation and search folding.
 *
 *   snplp_text_sort(texts) -> (status, order): texts is a list (or tuple) of str, order a
 *       list of ints, None when the call failed; snplp_text_sort(["côte", "cote"]) -> (0, [1, 0])
 *   snplp_text_fold(text) -> (status, folded str); the C buffer is freed by the wrapper
 *       (char **out, common.i)
 */

%typemap(in) (size_t *out_order, const char *const *texts, size_t count)
    (PyObject *seq = NULL, const char **strings = NULL, size_t *order = NULL) {
  if (PyUnicode_Check($input) || PyBytes_Check($input) || !PySequence_Check($input)) {
    PyErr_Format(PyExc_TypeError, "in method '%s', argument %d: expected a list of str, not %.100s",
                 "$symname", $argnum, Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
  seq = PySequence_Fast($input, "expected a list of str");
  if (!seq) SWIG_fail;
  {
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    strings = PyMem_Malloc(((size_t)n + 1) * sizeof *strings);
    order = PyMem_Malloc(((size_t)n + 1) * sizeof *order);
    if (!strings || !order) { PyErr_NoMemory(); SWIG_fail; }
    for (Py_ssize_t i = 0; i < n; i++) {
      if (snplp_py_to_cstr(PySequence_Fast_GET_ITEM(seq, i), &strings[i], NULL, "$symname", $argnum) < 0)
        SWIG_fail;
    }
    $1 = order;
    $2 = ($2_ltype)strings;
    $3 = (size_t)n;
  }
}
%typemap(argout) (size_t *out_order, const char *const *texts, size_t count) {
  if (SNPLP_PY_OK) {
    PyObject *list = PyList_New((Py_ssize_t)$3);
    if (!list) SWIG_fail;
    for (size_t i = 0; i < $3; i++) {
      PyObject *index = PyLong_FromSize_t($1[i]);
      if (!index) { Py_DECREF(list); SWIG_fail; }
      PyList_SET_ITEM(list, (Py_ssize_t)i, index);
    }
    SNPLP_PY_APPEND($result, list);
  } else {
    SNPLP_PY_APPEND($result, snplp_py_none());
  }
}
%typemap(freearg) (size_t *out_order, const char *const *texts, size_t count) {
  PyMem_Free(strings$argnum);
  PyMem_Free(order$argnum);
  Py_XDECREF(seq$argnum);
}

%include <snplp/text.h>
