/*
 * The floor of the XML benchmarks (docs/performance.md): what libxml2 alone costs to read a
 * document, before libsnplp does anything with it.
 */
#ifndef SNPLP_BENCH_SAX_FLOOR_H
#define SNPLP_BENCH_SAX_FLOOR_H

/*
 * Parses the file at @p path once with libxml2's SAX2 push parser (xmlCreatePushParserCtxt,
 * an xmlSAXHandler with XML_SAX2_MAGIC whose startElementNs, endElementNs and characters do
 * nothing), the file read with fread in 64 KiB chunks, XML_PARSE_NONET: the same reading as
 * libsnplp's import, with no work done on what is read. Returns 0 if the document is
 * well-formed, -1 otherwise (or if the file cannot be read).
 */
int bench_sax_floor(const char *path);

#endif
