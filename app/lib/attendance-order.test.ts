import { describe, expect, it } from 'vitest';
import { membersWithDeputies } from './attendance-order';

const p = (name: string, membershipId: string, roles: string[], principalId: string | null = null) => ({ name, membershipId, roles, principalId });

describe('attendance order', () => {
  it('puts each personal deputy directly after their member, whatever the family names', () => {
    const byFamilyName = [
      p('Aalto (varajäsen of Virta)', 'd1', ['deputy'], 'm2'),
      p('Bäck', 'm1', ['member']),
      p('Koski (varajäsen of Bäck)', 'd2', ['deputy'], 'm1'),
      p('Lind (yleinen varajäsen)', 'd3', ['deputy']),
      p('Virta', 'm2', ['member']),
      p('Öhman (sihteeri)', 's1', ['secretary']),
    ];
    expect(membersWithDeputies(byFamilyName).map((x) => x.membershipId)).toEqual(['m1', 'd2', 'd3', 'm2', 'd1', 's1']);
  });
});
