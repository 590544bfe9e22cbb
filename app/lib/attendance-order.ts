// The attendance list in the order a secretary reads it: each member directly followed by their
// personal deputy, then anyone else (general deputies, officers without a seat) in the given order.

export interface OrderablePerson {
  membershipId: string;
  principalId: string | null;
  roles: readonly string[];
}

/** Members in their given order, each followed by the deputies whose principal is that member's seat. */
export function membersWithDeputies<T extends OrderablePerson>(people: readonly T[]): T[] {
  const isPersonalDeputy = (p: T) => p.principalId !== null && p.roles.length > 0 && p.roles.every((r) => r === 'deputy');
  const deputiesOf = new Map<string, T[]>();
  const seatIds = new Set(people.filter((p) => !isPersonalDeputy(p)).map((p) => p.membershipId));
  for (const p of people) {
    if (isPersonalDeputy(p) && seatIds.has(p.principalId!)) {
      deputiesOf.set(p.principalId!, [...(deputiesOf.get(p.principalId!) ?? []), p]);
    }
  }
  const out: T[] = [];
  const placed = new Set<T>();
  for (const p of people) {
    if (placed.has(p) || (isPersonalDeputy(p) && seatIds.has(p.principalId!))) continue;
    out.push(p);
    placed.add(p);
    for (const d of deputiesOf.get(p.membershipId) ?? []) {
      out.push(d);
      placed.add(d);
    }
  }
  return out;
}
