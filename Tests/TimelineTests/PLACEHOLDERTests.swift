// Temporary: removed as soon as the first real test of the Timeline engine lands.
