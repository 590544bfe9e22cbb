import type { i18n as I18n } from 'i18next';

/** A message tree as the root loader sends it: nested objects of strings. */
export type MessageTree = { [key: string]: unknown };

type TOptions = { [name: string]: unknown; count?: unknown };

/**
 * The browser's translator (docs/decisions/009-small-translator-in-the-browser.md): the part of
 * i18next's `t` this app uses, over one language's messages, shaped so that react-i18next's
 * `useTranslation` and `I18nextProvider` accept it. The server keeps i18next; i18n-client.test.ts
 * checks that both give the same text for every message in every language.
 *
 * Covered: dotted keys, `{{name}}` and `{{- name}}` interpolation (no escaping, as configured),
 * plural keys `_zero`/`_one`/`_other`… chosen with Intl.PluralRules like i18next v23, the key itself
 * for a missing message. Not covered (unused here): namespaces in keys, context, nesting `$t()`,
 * formats, returnObjects, defaultValue.
 */
export function createMessageI18n(lng: string, messages: MessageTree) {
  const tree: MessageTree = { ...messages };
  const plural = new Intl.PluralRules(lng);

  const lookup = (key: string): unknown => {
    let node: unknown = tree;
    for (const part of key.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as MessageTree)[part];
    }
    return node;
  };

  // i18next's own interpolation loop (unescaped `{{- name}}` first, then `{{name}}`), kept step for
  // step so that odd values (a title containing "{{x}}" or "$&") come out exactly as on the server.
  const interpolate = (text: string, options: TOptions): string => {
    let str = text;
    for (const regex of [/\{\{-(.+?)\}\}/g, /\{\{(.+?)\}\}/g]) {
      let match: RegExpExecArray | null;
      while ((match = regex.exec(str))) {
        const name = match[1]!.trim();
        let value: unknown = options[name];
        if (value === undefined) {
          if (!Object.prototype.hasOwnProperty.call(options, name)) continue; // left as it is
          value = '';
        }
        const replacement = value === null ? '' : String(value);
        str = str.replace(match[0], replacement.replace(/\$/g, '$$$$'));
        regex.lastIndex += replacement.length - match[0].length;
      }
    }
    return str;
  };

  function t(key: string, options: TOptions = {}): string {
    const count = options.count;
    const candidates = [key];
    if (count !== undefined && typeof count !== 'string') {
      candidates.push(`${key}_${plural.select(count as number)}`);
      if (count === 0) candidates.push(`${key}_zero`);
    }
    let found: unknown;
    while (found === undefined && candidates.length > 0) found = lookup(candidates.pop()!);
    if (found !== undefined && typeof found === 'object' && found !== null) {
      return `key '${key} (${lng})' returned an object instead of string.`;
    }
    if (typeof found !== 'string') return key;
    return interpolate(found, options);
  }

  const instance = {
    language: lng,
    languages: [lng],
    isInitialized: true,
    options: { defaultNS: 'common', react: { useSuspense: false } },
    t,
    getFixedT: () => t,
    hasLoadedNamespace: () => true,
    on() {},
    off() {},
    store: { on() {}, off() {} },
    /** Add message areas (a later page's strings) to the ones already here. */
    addMessages(more: MessageTree) {
      Object.assign(tree, more);
    },
    /** Whether every one of these areas is here (null: all of them, which only the full set has). */
    hasAreas(areas: readonly string[] | null) {
      return areas === null ? false : areas.every((a) => a in tree);
    },
  };
  return instance as unknown as BrowserI18n;
}

export type BrowserI18n = I18n & {
  addMessages(more: MessageTree): void;
  hasAreas(areas: readonly string[] | null): boolean;
};

let browserI18n: BrowserI18n | null = null;

/** The page's translator in the browser (entry.client sets it; the root's shouldRevalidate reads it). */
export function setBrowserI18n(i18n: BrowserI18n) {
  browserI18n = i18n;
}

export function getBrowserI18n(): BrowserI18n | null {
  return browserI18n;
}
