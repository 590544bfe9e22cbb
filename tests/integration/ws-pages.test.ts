// Workspace and portal pages rendered on the server: strings resolve, labels name their fields.
import { describe, expect, it } from 'vitest';
import * as searchRoute from '../../app/routes/search';
import { renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { makeRequest } from '../support/requests';

useTestDatabase();

/** Text that looks like an untranslated key such as `portal.search.title`. */
const RAW_KEY = /\b(?:portal|records|roster|calendar|plans|common|admin|ws)\.[a-z][A-Za-z]*\.[a-z_A-Z.]+/;

describe('/search', () => {
  for (const locale of ['fi', 'sv', 'en'] as const) {
    it(`shows translated labels, not raw keys (${locale})`, async () => {
      const page = await renderRoute(searchRoute, '/search', makeRequest('/search?q=kokous'), locale);
      expect(page.status).toBe(200);
      const text = page.html.replace(/<[^>]+>/g, ' ');
      expect(text).not.toMatch(RAW_KEY);
      expect(page.html).not.toContain('portal.search.');
    });
  }
});
