# Makes the schema compiled into the library (snplp_xml_schema()): one self-contained file.
#   cmake -DINPUT=snplp-1.1.xsd -DINCLUDED=snplp-1.0.xsd -DOUTPUT=file -P flatten.cmake
# writes INPUT with its <xs:redefine schemaLocation="snplp-1.0.xsd"> replaced by the
# declarations of INCLUDED (what its <xs:schema> element holds), so that a validator given the
# text alone, with no file to look for, knows every root of the format.
#   cmake -DINPUT=snplp-1.2.xsd -DINCLUDED=flat-1.1.xsd -DLOCATION=snplp-1.1.xsd ... -P flatten.cmake
# does the same for a redefine of another file (LOCATION, the schemaLocation INPUT names; by
# default the name of INCLUDED), INCLUDED being that file already flattened: format 1.2 is
# flattened in two steps, 1.1 with 1.0, then 1.2 with the result.
if(NOT LOCATION)
  get_filename_component(LOCATION "${INCLUDED}" NAME)
endif()
if(NOT LOCATION MATCHES "^snplp-([0-9]+\\.[0-9]+)\\.xsd$")
  message(FATAL_ERROR "${LOCATION}: not the name of a version of the schema (snplp-X.Y.xsd)")
endif()
set(version "${CMAKE_MATCH_1}")
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
# The include is an <xs:redefine> (format 1.1 extends 1.0's <indicator>, 1.2 its <module>): the
# redefined complex types keep their former definition under the name NAME-X.Y (X.Y: the
# version redefined), and their new definition (an extension of s:NAME) extends s:NAME-X.Y
# instead, so that one text holds both.
set(open_tag "<xs:redefine schemaLocation=\"${LOCATION}\">")
set(close_tag "</xs:redefine>")
string(FIND "${top}" "${open_tag}" at)
if(at LESS 0)
  message(FATAL_ERROR "${INPUT}: no ${open_tag}")
endif()
string(FIND "${top}" "${close_tag}" at_close)
string(LENGTH "${open_tag}" open_length)
math(EXPR inner_start "${at} + ${open_length}")
math(EXPR inner_length "${at_close} - ${inner_start}")
string(SUBSTRING "${top}" ${inner_start} ${inner_length} redefined)
string(REGEX MATCHALL "<xs:complexType name=\"[a-z0-9-]+\">" types "${redefined}")
foreach(tag ${types})
  string(REGEX REPLACE "^<xs:complexType name=\"([a-z0-9-]+)\">$" "\\1" name "${tag}")
  string(REPLACE "<xs:complexType name=\"${name}\">"
    "<xs:complexType name=\"${name}-${version}\">" body "${body}")
  string(REPLACE "base=\"s:${name}\"" "base=\"s:${name}-${version}\"" redefined "${redefined}")
endforeach()
string(LENGTH "${close_tag}" close_length)
math(EXPR after "${at_close} + ${close_length}")
string(SUBSTRING "${top}" 0 ${at} head)
string(SUBSTRING "${top}" ${after} -1 tail)
set(flat "${head}<!-- ===== ${LOCATION}, included (flattened by the build) ===== -->${body}<!-- ===== end of ${LOCATION} ===== -->${redefined}${tail}")
file(WRITE "${OUTPUT}.tmp" "${flat}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
