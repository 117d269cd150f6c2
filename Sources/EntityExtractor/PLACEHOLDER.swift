// Temporary: removed as soon as the engine's first real file lands.
enum EntityExtractorPlaceholder {}
