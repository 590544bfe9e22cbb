import { describe, expect, it } from 'vitest';
import * as termPlan from '../../app/routes/manage.councils.$slug.terms.$termId';
import { buildCouncilWithTerm, buildRosterUsers } from '../factories/roster';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

// Found by the browser journey with JavaScript off: after saving the seat plan, the page the server
// rendered showed the posted form (the new categories still in the text box and missing from the
// table, the old lock versions), because the reply carried the posted values back as the form's
// initial value. A saved plan resets the form to what the loader reads back.
describe('seat plan reply', () => {
  it('a saved plan does not hand the posted values back to the form', async () => {
    const { council, term } = await buildCouncilWithTerm();
    const { secretary } = await buildRosterUsers(council.id);
    const form = { intent: 'plan', newCategories: 'Sosiaali- ja terveysjärjestöt\nKulttuurijärjestöt', newMemberSeats: '1', newDeputySeats: '1' };
    const res = await call(termPlan.action, makeRequest(`/manage/councils/${council.slug}/terms/${term.id}`, { cookie: secretary.cookie, form }), { slug: council.slug, termId: term.id });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { saved: boolean; result: { initialValue?: unknown } };
    expect(body.saved).toBe(true);
    expect(body.result.initialValue).toBeNull();
  });
});
