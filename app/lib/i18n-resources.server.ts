/**
 * The translations for server code and loaders. Route modules import them from here so the browser
 * build drops them (the compiler empties *.server modules), whatever the bundler thinks of the
 * locale files' side effects.
 */
export { resources } from '~/lib/i18n-resources';
