# Makes the schema compiled into the library (snplp_xml_schema()): one self-contained file.
#   cmake -DINPUT=snplp-1.1.xsd -DINCLUDED=snplp-1.0.xsd -DOUTPUT=file -P flatten.cmake
# writes INPUT with its line <xs:include schemaLocation="snplp-1.0.xsd"/> replaced by the
# declarations of INCLUDED (what its <xs:schema> element holds), so that a validator given the
# text alone, with no file to look for, knows every root of the format.
file(READ "${INPUT}" top)
file(READ "${INCLUDED}" base)
string(FIND "${base}" "<xs:schema" start)
if(start LESS 0)
  message(FATAL_ERROR "${INCLUDED}: no <xs:schema> element")
endif()
string(SUBSTRING "${base}" ${start} -1 base)
string(FIND "${base}" ">" open_end)
math(EXPR body_start "${open_end} + 1")
string(FIND "${base}" "</xs:schema>" close REVERSE)
math(EXPR body_length "${close} - ${body_start}")
string(SUBSTRING "${base}" ${body_start} ${body_length} body)
set(include_tag "<xs:include schemaLocation=\"snplp-1.0.xsd\"/>")
string(FIND "${top}" "${include_tag}" at)
if(at LESS 0)
  message(FATAL_ERROR "${INPUT}: no ${include_tag}")
endif()
string(REPLACE "${include_tag}"
  "<!-- ===== snplp-1.0.xsd, included (flattened by the build) ===== -->${body}<!-- ===== end of snplp-1.0.xsd ===== -->"
  flat "${top}")
file(WRITE "${OUTPUT}.tmp" "${flat}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
