/* libxml2 for Swift. Debian builds libxml2 with ICU, and encoding.h then pulls in the system's
 * <unicode/ucnv.h>, whose types clash with the copy of ICU inside Swift's Foundation
 * ("'UErrorCode' has different definitions in different modules"). qawl never touches libxml2's
 * ICU converter structs (only pointers to them), so the ICU part of the headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
