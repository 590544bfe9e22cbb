/**
 * Issue #13: no translation bundle larger than the page needs. The root loader sends a hydrating
 * page only the message areas its route modules (and what they import) name, from
 * app/lib/i18n-areas.generated.ts; a client-side navigation's data request brings the next page's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageAreas } from '../../app/lib/i18n-areas';
import { messages } from '../../app/locales';
import * as root from '../../app/root';
import { GENERATED, renderAreas } from '../../scripts/i18n-areas';
import { useTestDatabase } from '../setup/database';
import { makeRequest } from '../support/requests';

useTestDatabase();

type RootData = { translations: Record<string, unknown> | null };

async function rootData(path: string, context: Record<string, unknown> = {}): Promise<RootData> {
  const response = (await root.loader({ request: makeRequest(path), params: {}, context })) as Response;
  return (await response.json()) as RootData;
}

describe('message areas per page', () => {
  it('the generated list matches the route modules (run `npx tsx scripts/i18n-areas.ts`)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(renderAreas());
  });

  it('gives a page the areas its modules name and not the others', () => {
    const minutes = pageAreas('/manage/meetings/0b7e0c52-0000-4000-8000-000000000000/minutes')!;
    expect(minutes).toEqual(expect.arrayContaining(['records', 'site', 'errors', 'ws']));
    expect(minutes).not.toContain('admin');
    expect(minutes).not.toContain('totp');
    const twoFactor = pageAreas('/account/two-factor')!;
    expect(twoFactor).toContain('totp');
    expect(twoFactor).not.toContain('records');
    // A layout and its index page share a URL: both count.
    expect(pageAreas('/manage')).toEqual(expect.arrayContaining(['roles', 'roster']));
    // Only the catch-all page matches an unknown URL.
    expect(pageAreas('/no/such/page')).toEqual(pageAreas('/*'));
  });

  it('sends a hydrating page only its areas, a public document none, a data request its page’s', async () => {
    const all = Object.keys(messages.fi);
    const login = await rootData('/login');
    expect(Object.keys(login.translations ?? {}).sort()).toEqual(pageAreas('/login'));
    expect(Object.keys(login.translations ?? {}).length).toBeLessThan(all.length);
    expect(login.translations).not.toHaveProperty('totp');

    expect((await rootData('/councils/x')).translations).toBeNull();
    const navigation = await rootData('/councils/x', { dataRequest: true });
    expect(Object.keys(navigation.translations ?? {}).sort()).toEqual(pageAreas('/councils/x'));
    expect(navigation.translations).toHaveProperty('council');
  });

  it('sends the strings themselves in the visitor’s language', async () => {
    const data = await rootData('/account/two-factor?lng=sv');
    expect(data.translations?.totp).toEqual((messages.sv as Record<string, unknown>).totp);
  });
});
