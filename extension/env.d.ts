/** The API origin the extension was built for (wxt.config.ts); the options page can point elsewhere. */
declare const __PROTIV_DEFAULT_API__: string
