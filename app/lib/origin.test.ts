import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest, isCrossSiteWrite } from './origin';

describe('isCrossSiteWrite', () => {
  const self = 'http://localhost:3000';
  it('allows safe methods from anywhere', () => {
    expect(isCrossSiteWrite('GET', 'https://evil.example', 'cross-site', self)).toBe(false);
  });
  it('refuses a POST from another origin', () => {
    expect(isCrossSiteWrite('POST', 'https://evil.example', null, self)).toBe(true);
  });
  it('refuses a POST marked cross-site or same-site by the browser', () => {
    expect(isCrossSiteWrite('POST', null, 'cross-site', self)).toBe(true);
    expect(isCrossSiteWrite('POST', null, 'same-site', self)).toBe(true);
  });
  it('refuses an opaque origin', () => {
    expect(isCrossSiteWrite('POST', 'null', null, self)).toBe(true);
  });
  it('allows the opaque origin of a no-referrer page when the browser says the post is same-origin', () => {
    // Found by the browser journey with JavaScript off: accepting an invitation (a no-referrer page) was refused.
    expect(isCrossSiteWrite('POST', 'null', 'same-origin', self)).toBe(false);
    expect(isCrossSiteWrite('POST', 'null', 'cross-site', self)).toBe(true);
  });
  it('allows a same-origin POST', () => {
    expect(isCrossSiteWrite('POST', 'http://localhost:3000', 'same-origin', self)).toBe(false);
  });
  it('checks Request objects the same way', () => {
    const req = new Request('http://localhost:3000/x', { method: 'POST', headers: { origin: 'http://other:3000' } });
    expect(isCrossSiteRequest(req)).toBe(true);
  });
});
