// Workspace and portal pages rendered on the server: strings resolve, labels name their fields.
import { describe, expect, it } from 'vitest';
import * as searchRoute from '../../app/routes/search';
import * as meetingsRoute from '../../app/routes/manage.councils.$slug.meetings._index';
import * as agendaRoute from '../../app/routes/manage.meetings.$meetingId_.agenda';
import { buildRecordsSetup } from '../factories/records';
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

/** Every id once; every label's `for` names a form control (not a heading). */
function labelProblems(html: string): string[] {
  const problems: string[] = [];
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`duplicate id ${id}`);
    seen.add(id);
  }
  for (const [, target] of html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)) {
    const element = html.match(new RegExp(`<(\\w+)[^>]*\\sid="${target!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    if (!element) problems.push(`label for missing ${target}`);
    else if (!['input', 'select', 'textarea'].includes(element[1]!)) problems.push(`label for ${target} points at <${element[1]}>`);
  }
  return problems;
}

describe('labels name their fields', () => {
  it('on the council meetings page and the agenda editor, ids are unique and labels point at inputs', async () => {
    const s = await buildRecordsSetup();
    const meetings = await renderRoute(meetingsRoute, '/manage/councils/:slug/meetings', makeRequest(`/manage/councils/${s.council.slug}/meetings`, { cookie: s.secretary.cookie }));
    expect(meetings.status).toBe(200);
    expect(meetings.html).toContain('id="new-series-title"');
    expect(labelProblems(meetings.html)).toEqual([]);
    const agenda = await renderRoute(agendaRoute, '/manage/meetings/:meetingId/agenda', makeRequest(`/manage/meetings/${s.meeting.id}/agenda`, { cookie: s.secretary.cookie }));
    expect(agenda.status).toBe(200);
    expect(agenda.html).toContain('id="new-item-title"');
    expect(labelProblems(agenda.html)).toEqual([]);
  });
});

describe('after accepting an invitation', () => {
  it('the sign-in page says the account is ready and what to do next', async () => {
    const loginRoute = await import('../../app/routes/login');
    for (const [locale, text] of [
      ['fi', 'Tunnuksesi on luotu ja kutsu hyväksytty.'],
      ['sv', 'Ditt konto har skapats'],
      ['en', 'Your account has been created'],
    ] as const) {
      const page = await renderRoute(loginRoute, '/login', makeRequest('/login?invited=1'), locale);
      expect(page.html).toContain(text);
    }
    const plain = await renderRoute(loginRoute, '/login', makeRequest('/login'));
    expect(plain.html).not.toContain('kutsu hyväksytty');
  });
});
