#ifndef DOSSIER_CLIBXML2_SHIM_H
#define DOSSIER_CLIBXML2_SHIM_H

/// libxml2's generic error function is variadic, which Swift can neither
/// define nor store; these set and restore it from C.

/// The calling thread's generic error function and its context, saved.
typedef struct {
    void *function;
    void *context;
} DossierGenericErrorHandler;

/// Makes libxml2's generic errors on this thread go nowhere (libxml2 prints
/// some, such as "xmlParseChunk: encoder error", there instead of through the
/// structured channel) and returns the handler that was set, for
/// `dossier_xml_restore_generic_errors`.
DossierGenericErrorHandler dossier_xml_silence_generic_errors(void);

/// Puts back the handler `dossier_xml_silence_generic_errors` returned.
void dossier_xml_restore_generic_errors(DossierGenericErrorHandler previous);

#endif
