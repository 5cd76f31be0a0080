# Makes the schema compiled into the library (snplp_xml_schema()): one self-contained file.
#   cmake -DINPUT=snplp-1.1.xsd -DINCLUDED=snplp-1.0.xsd -DOUTPUT=file -P flatten.cmake
# writes INPUT with its <xs:redefine schemaLocation="snplp-1.0.xsd"> replaced by the
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
# The include is an <xs:redefine> (format 1.1 extends 1.0's <indicator>): the redefined
# complex types keep their 1.0 definition under the name NAME-1.0, and their new definition
# (an extension of s:NAME) extends s:NAME-1.0 instead, so that one text holds both.
set(open_tag "<xs:redefine schemaLocation=\"snplp-1.0.xsd\">")
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
  string(REPLACE "<xs:complexType name=\"${name}\">" "<xs:complexType name=\"${name}-1.0\">"
    body "${body}")
  string(REPLACE "base=\"s:${name}\"" "base=\"s:${name}-1.0\"" redefined "${redefined}")
endforeach()
string(LENGTH "${close_tag}" close_length)
math(EXPR after "${at_close} + ${close_length}")
string(SUBSTRING "${top}" 0 ${at} head)
string(SUBSTRING "${top}" ${after} -1 tail)
set(flat "${head}<!-- ===== snplp-1.0.xsd, included (flattened by the build) ===== -->${body}<!-- ===== end of snplp-1.0.xsd ===== -->${redefined}${tail}")
file(WRITE "${OUTPUT}.tmp" "${flat}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
