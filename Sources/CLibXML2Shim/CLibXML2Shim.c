#include "CLibXML2Shim.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

static void dossier_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

DossierGenericErrorHandler dossier_xml_silence_generic_errors(void) {
    // xmlGenericError and xmlGenericErrorContext are the calling thread's.
    DossierGenericErrorHandler previous = {(void *)xmlGenericError, xmlGenericErrorContext};
    xmlSetGenericErrorFunc(NULL, dossier_ignore_generic_error);
    return previous;
}

void dossier_xml_restore_generic_errors(DossierGenericErrorHandler previous) {
    xmlSetGenericErrorFunc(previous.context, (xmlGenericErrorFunc)previous.function);
}
