/**
 * The browser translates with createMessageI18n, the server with i18next: a page hydrates without a
 * mismatch only if both give the same text. Compare them on every message of every language, with
 * no options, with counts, with every placeholder filled, with odd values and with missing ones.
 */
import { createInstance, type i18n as I18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createMessageI18n, type MessageTree } from './i18n-client';
import { i18nConfig, supportedLanguages } from './i18n';
import { resources } from './i18n-resources';

function leaves(tree: MessageTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v as MessageTree, `${prefix}${k}.`),
  );
}

async function i18nextFor(lng: string): Promise<I18n> {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng, resources: { [lng]: resources[lng as 'fi'] } });
  return instance;
}

describe('the browser translator', () => {
  for (const lng of supportedLanguages) {
    it(`gives i18next's text for every ${lng} message`, async () => {
      const reference = await i18nextFor(lng);
      const small = createMessageI18n(lng, resources[lng].common);
      const all = leaves(resources[lng].common);
      expect(all.length).toBeGreaterThan(500);
      let compared = 0;
      for (const [path, text] of all) {
        const key = path.replace(/_(zero|one|two|few|many|other)$/, '');
        const names = [...text.matchAll(/\{\{-?(.+?)\}\}/g)].map((m) => m[1]!.trim());
        const filled = Object.fromEntries(names.map((n, i) => [n, i % 2 === 0 ? `«${n}»` : i]));
        const odd = Object.fromEntries(names.map((n) => [n, `$& {{${n}}} $1`]));
        const optionSets: Record<string, unknown>[] = [
          {},
          filled,
          odd,
          Object.fromEntries(names.map((n) => [n, null])),
          Object.fromEntries(names.map((n) => [n, undefined])),
          ...[0, 1, 2, 5, 21, 1.5].map((count) => ({ ...filled, count })),
          { count: '3' },
        ];
        for (const options of optionSets) {
          expect(small.t(key, options), `${lng} ${key} ${JSON.stringify(options)}`).toBe(reference.t(key, options));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(5000);
    });
  }

  it('answers a missing key and an area key as i18next does', async () => {
    const reference = await i18nextFor('fi');
    const small = createMessageI18n('fi', resources.fi.common);
    for (const key of ['no.such.key', 'records', 'site.name.deeper', 'site']) {
      expect(small.t(key)).toBe(reference.t(key));
    }
  });

  it('takes in more message areas after it was made', () => {
    const small = createMessageI18n('en', { site: resources.en.common.site });
    expect(small.t('records.minutes')).toBe('records.minutes');
    small.addMessages({ records: resources.en.common.records });
    expect(small.t('records.minutes')).toBe(leaves(resources.en.common).find(([p]) => p === 'records.minutes')?.[1]);
    expect(small.t('site.name')).toBe('Neuvos');
  });
});
