import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../../db/client.server';
import { auditLog, type NewCouncil } from '../../db/schema';
import { buildCouncil, buildTerm } from './index';
import { buildUser } from '../support/requests';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A roster CSV from tests/fixtures/roster. */
export function rosterFixture(name: string): string {
  return readFileSync(path.resolve(here, '../fixtures/roster', name), 'utf8');
}

/** A fresh public council with one open term that is current today. */
export async function buildCouncilWithTerm(over: Partial<NewCouncil> = {}, termOver: { startDate?: string; endDate?: string | null; name?: string } = {}) {
  const council = await buildCouncil({ publicityDefault: 'public', ...over });
  const term = await buildTerm(council.id, { startDate: '2023-01-01', endDate: '2099-12-31', ...termOver });
  return { council, term };
}

/** Signed-in users around a council: its secretary, a member, a member of another council. */
export async function buildRosterUsers(councilId: string, otherCouncilId?: string) {
  const secretary = await buildUser({ grants: [{ role: 'secretary', councilId }] });
  const member = await buildUser({ grants: [{ role: 'member', councilId }] });
  const outsider = otherCouncilId ? await buildUser({ grants: [{ role: 'secretary', councilId: otherCouncilId }] }) : null;
  return { secretary, member, outsider };
}

/** Audit entries of an action for an entity (or the whole council). */
export async function auditEntries(action: string, councilId: string) {
  return getDb().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.councilId, councilId)));
}
