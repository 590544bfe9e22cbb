import { describe, expect, it } from 'vitest';
import { shownStatus } from './meeting-number';

// A hydrating page renders the meeting's shown status twice: on the server and in the browser. Both
// must use the server's time from the loader, or a browser whose clock differs (or a page loaded as
// the meeting ends) renders another status than the server did and React throws error 418.
describe('shownStatus', () => {
  const DAY = 86_400_000;
  const future = { status: 'invited', endsAt: new Date(Date.now() + 10 * DAY).toISOString() };

  it('decides by the time it is given, not by the clock of the machine it runs on', () => {
    expect(shownStatus(future, new Date(Date.now() + 11 * DAY).toISOString())).toBe('held');
    expect(shownStatus(future, new Date(Date.now() + 9 * DAY))).toBe('invited');
  });

  it('keeps a marked or cancelled status whatever the time', () => {
    expect(shownStatus({ ...future, status: 'cancelled' }, new Date(Date.now() + 11 * DAY))).toBe('cancelled');
    expect(shownStatus({ ...future, status: 'held' }, new Date())).toBe('held');
  });
});
