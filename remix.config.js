/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // rrule ships an ESM build Node cannot load directly; bundle it (and the i18n packages
  // that are ESM-only) into the server build.
  serverDependenciesToBundle: ['rrule', 'remix-i18next', /^remix-i18next\/.*/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
