/** Open redirect after sign-in (issue 17 item 2): hostile redirectTo values end at /account. */
import { describe, expect, it } from 'vitest';
import * as loginRoute from '../../app/routes/login';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const HOSTILE = ['/%09/evil.example', '/\t/evil.example', '/%09%5Cevil.example', '/%0A/evil.example', '/%0D/evil.example', '/%00/evil.example', '//evil', '/\\evil', 'https://evil', 'javascript:alert(1)'];

describe('sign-in redirect', () => {
  it('the login page for a signed-in user never redirects off-site', async () => {
    const { cookie } = await buildUser();
    for (const target of HOSTILE) {
      const res = await call(loginRoute.loader as never, makeRequest(`/login?redirectTo=${encodeURIComponent(target)}`, { cookie }));
      expect([res.status, res.headers.get('location')], target).toEqual([302, '/account']);
    }
  });

  it('signing in with a hostile redirectTo lands on /account; a same-site path is kept', async () => {
    let i = 0;
    for (const target of [...HOSTILE, '/manage']) {
      const { user, password } = await buildUser({ email: `redirect${i++}@example.org` });
      const res = await call(loginRoute.action as never, makeRequest('/login', { form: { email: user.email, password, redirectTo: target }, headers: { 'x-neuvos-client-ip': `10.1.0.${i}` } }));
      expect(res.status, target).toBe(302);
      expect(res.headers.get('location'), target).toBe(target === '/manage' ? '/manage' : '/account');
    }
  });
});
