#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and its encoding.h would pull in the system
// ICU headers, which clash with the newer ICU that Foundation carries
// ("UErrorCode has different definitions in different modules"). Nothing here
// uses libxml2's ICU converters; without this the struct only loses two
// trailing pointer fields that Swift never touches (it uses the struct through
// pointers only).
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
