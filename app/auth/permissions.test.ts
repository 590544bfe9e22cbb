import { describe, expect, it } from 'vitest';
import { ANONYMOUS, can, type CouncilRole, type Principal } from './permissions';

const principal = (over: Partial<Principal>): Principal => ({ ...ANONYMOUS, userId: 'u1', ...over });
const inCouncil = (councilId: string, ...roles: CouncilRole[]) => principal({ councilRoles: new Map([[councilId, new Set(roles)]]) });

describe('can', () => {
  const A = { councilId: 'A', regionId: 'R1' };
  const B = { councilId: 'B', regionId: 'R2' };

  it('denies the anonymous visitor everything', () => {
    expect(can(ANONYMOUS, 'council.view_internal', A)).toBe(false);
    expect(can(ANONYMOUS, 'account.use')).toBe(false);
  });
  it('lets a signed-in user with no role use only their account', () => {
    const p = principal({});
    expect(can(p, 'account.use')).toBe(true);
    expect(can(p, 'council.view_internal', A)).toBe(false);
  });
  it('lets a member read their own council, not another', () => {
    const p = inCouncil('A', 'member');
    expect(can(p, 'council.view_internal', A)).toBe(true);
    expect(can(p, 'council.view_internal', B)).toBe(false);
    expect(can(p, 'minutes.edit', A)).toBe(false);
    expect(can(p, 'meeting.reply', A)).toBe(true);
  });
  it('lets a secretary manage their council only', () => {
    const p = inCouncil('A', 'secretary');
    expect(can(p, 'roster.edit', A)).toBe(true);
    expect(can(p, 'minutes.publish', A)).toBe(true);
    expect(can(p, 'roster.edit', B)).toBe(false);
    expect(can(p, 'council.create', A)).toBe(false);
  });
  it('lets a chair co-prepare the agenda but not publish minutes', () => {
    const p = inCouncil('A', 'chair');
    expect(can(p, 'agenda.edit', A)).toBe(true);
    expect(can(p, 'minutes.publish', A)).toBe(false);
  });
  it('scopes region admins to their region', () => {
    const p = principal({ regionAdmin: new Set(['R1']) });
    expect(can(p, 'council.edit', A)).toBe(true);
    expect(can(p, 'council.edit', B)).toBe(false);
    expect(can(p, 'outbox.view')).toBe(false);
  });
  it('lets installation admins do everything', () => {
    const p = principal({ isAdmin: true });
    expect(can(p, 'outbox.view')).toBe(true);
    expect(can(p, 'council.edit', B)).toBe(true);
  });
});

describe('rights that follow the meeting', () => {
  const A = { councilId: 'A', regionId: 'R1' };
  const nobodyToday = principal({});
  it('a chosen checker may read and check the meeting with no council role today', () => {
    const subject = { ...A, meetingRoles: new Set(['checker'] as const) };
    expect(can(nobodyToday, 'minutes.check', subject)).toBe(true);
    expect(can(nobodyToday, 'council.view_internal', subject)).toBe(true);
    expect(can(nobodyToday, 'minutes.edit', subject)).toBe(false);
  });
  it('a member on the meeting date may read it; no meeting roles means no right', () => {
    expect(can(nobodyToday, 'council.view_internal', { ...A, meetingRoles: new Set(['deputy'] as const) })).toBe(true);
    expect(can(nobodyToday, 'council.view_internal', { ...A, meetingRoles: new Set() })).toBe(false);
    expect(can(nobodyToday, 'minutes.check', A)).toBe(false);
  });
});
