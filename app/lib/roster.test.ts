import { describe, expect, it } from 'vitest';
import { buildRoster, type RosterMembership } from './roster';

const m = (over: Partial<RosterMembership> & Pick<RosterMembership, 'id' | 'role'>): RosterMembership => ({
  categoryId: null,
  principalId: null,
  seatNumber: null,
  personId: `p-${over.id}`,
  personName: `Person ${over.id}`,
  organisationName: null,
  startDate: '2026-01-01',
  endDate: null,
  ...over,
});

describe('buildRoster', () => {
  const cat = { id: 'c1', position: 1, nameFi: 'Nuoret', nameSv: null, nameEn: null, memberSeats: 2, deputySeats: 2 };

  it('pairs each member with their personal deputy and shows vacant seats', () => {
    const roster = buildRoster(
      [cat],
      [],
      [
        m({ id: 'a', role: 'member', categoryId: 'c1' }),
        m({ id: 'b', role: 'deputy', categoryId: 'c1', principalId: 'a' }),
      ],
    );
    const group = roster.groups[0]!;
    expect(group.pairs).toHaveLength(2);
    expect(group.pairs[0]!.member?.id).toBe('a');
    expect(group.pairs[0]!.deputies.map((d) => d.id)).toEqual(['b']);
    expect(group.pairs[1]!.member).toBeNull();
    expect(group.mismatch).toBe('under');
  });

  it('warns when a category has more people than its plan', () => {
    const roster = buildRoster(
      [{ ...cat, memberSeats: 1, deputySeats: 0 }],
      [],
      [m({ id: 'a', role: 'member', categoryId: 'c1' }), m({ id: 'c', role: 'member', categoryId: 'c1' })],
    );
    expect(roster.groups[0]!.mismatch).toBe('over');
  });

  it('lists officers separately and groups seats outside categories', () => {
    const roster = buildRoster(
      [],
      [{ role: 'elected_official', memberSeats: 1, deputySeats: 1 }],
      [
        m({ id: 'x', role: 'chair' }),
        m({ id: 'e', role: 'elected_official' }),
        m({ id: 'ed', role: 'deputy', principalId: 'e' }),
      ],
    );
    expect(roster.officers.map((o) => o.id)).toEqual(['x']);
    expect(roster.groups[0]!.role).toBe('elected_official');
    expect(roster.groups[0]!.pairs[0]!.deputies[0]!.id).toBe('ed');
    expect(roster.groups[0]!.mismatch).toBeNull();
  });
});

describe('members outside categories', () => {
  it('are listed in their own group with their personal deputies, never dropped', () => {
    const roster = buildRoster(
      [],
      [],
      [
        m({ id: 'a', role: 'member' }),
        m({ id: 'b', role: 'member' }),
        m({ id: 'ad', role: 'deputy', principalId: 'a' }),
      ],
    );
    const group = roster.groups.find((g) => g.role === 'member');
    expect(group?.pairs.map((p) => p.member?.id)).toEqual(['a', 'b']);
    expect(group?.pairs[0]!.deputies.map((d) => d.id)).toEqual(['ad']);
    expect(group?.mismatch).toBeNull();
  });
});
