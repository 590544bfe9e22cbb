// /admin/users shows each user's role grants, with the council or region they apply to.
import { describe, expect, it } from 'vitest';
import * as usersRoute from '../../app/routes/admin.users._index';
import { buildCouncil } from '../factories';
import { renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, makeRequest } from '../support/requests';

useTestDatabase();

describe('/admin/users', () => {
  it('lists each user with their grants', async () => {
    const council = await buildCouncil({ nameFi: 'Järjestöfoorumi' });
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    await buildUser({ email: 'sihteeri@example.org', grants: [{ role: 'secretary', councilId: council.id }] });
    const page = await renderRoute(usersRoute, '/admin/users', makeRequest('/admin/users', { cookie: admin.cookie }));
    expect(page.status).toBe(200);
    const row = page.html.split('<tr').find((r) => r.includes('sihteeri@example.org'))!;
    expect(row).toContain('Järjestöfoorumi');
    expect(row).toMatch(/[Ss]ihteeri/);
  });
});

describe('council pickers', () => {
  it('show the region beside the council name on the invite form', async () => {
    const inviteRoute = await import('../../app/routes/admin.invite');
    const { buildRegion } = await import('../factories');
    const north = await buildRegion({ nameFi: 'Pohjois-Savo' });
    const south = await buildRegion({ nameFi: 'Etelä-Savo' });
    await buildCouncil({ nameFi: 'Järjestöfoorumi', regionId: north.id });
    await buildCouncil({ nameFi: 'Järjestöfoorumi', regionId: south.id });
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const page = await renderRoute(inviteRoute, '/admin/invite', makeRequest('/admin/invite', { cookie: admin.cookie }));
    expect(page.html).toContain('Järjestöfoorumi (Pohjois-Savo)');
    expect(page.html).toContain('Järjestöfoorumi (Etelä-Savo)');
  });
});
