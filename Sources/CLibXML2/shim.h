// libxml2 for Ingest (hOCR, .docx). Debian's libxml2 is built with ICU, so its encoding.h would
// include the system's <unicode/ucnv.h>; Foundation brings its own ICU module, and the two
// definitions of UErrorCode clash in a clean build. We never use libxml2's ICU converters, so the
// ICU switch is turned off before the other headers see it (xmlversion.h has an include guard).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
