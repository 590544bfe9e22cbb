/**
 * A person's rights under the GDPR from the admin pages (issue 14.4): an export of everything held
 * about them (art. 15/20) and erasure (art. 17) within what the law requires to keep.
 *
 * Every table that references people or users is listed in GDPR_SOURCES; a test compares the list
 * with the database's foreign keys, so a new table cannot be forgotten.
 *
 * Erasure, in one transaction:
 * - the account: sessions, two-factor secrets and codes, calendar feed tokens, sign-in and invitation
 *   links are deleted; role grants are revoked; the users row becomes a disabled tombstone without
 *   e-mail address, name or password (it cannot be deleted: frozen approved minutes reference it as
 *   their author or a checker's confirming account);
 * - contact details: the person's e-mail address and phone number; subscriptions, unsubscribe links,
 *   sign-in links and the mail log to their addresses; the e-mail of feedback they sent;
 * - unpublished data of their own: invitation replies and draft travel claims;
 * - the name is kept where it is part of a published record (attendance, votes by name, minutes
 *   checkers and recusals of approved or published minutes, and the public roster of memberships),
 *   as the Publicity Act and the Local Government Act require; otherwise it becomes "Poistettu henkilö".
 * - kept on purpose: opt-outs (so no mail is sent to the address again), submitted and decided
 *   travel claims (accounting records), the council's own working records (draft minutes list
 *   attendance), and the append-only audit log, which gets an entry without the erased data.
 */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import {
  auditLog,
  authTokens,
  calendarFeedTokens,
  emailSubscriptions,
  feedbackMessages,
  mailMessages,
  meetingInvitees,
  people,
  roleGrants,
  sessions,
  totpChallenges,
  totpRecoveryCodes,
  travelClaims,
  unsubscribeLinks,
  users,
  userTotp,
} from '~db/schema';
import { recordAudit, type AuditActor } from './audit.server';

/** Every column of the schema that points at a person or a user, and how the export reads it. */
export const GDPR_SOURCES = [
  { table: 'users', column: 'person_id', refers: 'people' },
  { table: 'sessions', column: 'user_id', refers: 'users' },
  { table: 'role_grants', column: 'user_id', refers: 'users' },
  { table: 'role_grants', column: 'granted_by', refers: 'users' },
  { table: 'auth_tokens', column: 'user_id', refers: 'users' },
  { table: 'auth_tokens', column: 'created_by', refers: 'users' },
  { table: 'calendar_feed_tokens', column: 'user_id', refers: 'users' },
  { table: 'documents', column: 'uploaded_by', refers: 'users' },
  { table: 'travel_claims', column: 'person_id', refers: 'people' },
  { table: 'travel_claims', column: 'decided_by', refers: 'users' },
  { table: 'meeting_invitees', column: 'person_id', refers: 'people' },
  { table: 'minutes_versions', column: 'created_by', refers: 'users' },
  { table: 'minutes_checkers', column: 'person_id', refers: 'people' },
  { table: 'minutes_checkers', column: 'confirmed_by_user_id', refers: 'users' },
  { table: 'attendance', column: 'person_id', refers: 'people' },
  { table: 'recusals', column: 'person_id', refers: 'people' },
  { table: 'member_votes', column: 'person_id', refers: 'people' },
  { table: 'memberships', column: 'person_id', refers: 'people' },
  { table: 'user_totp', column: 'user_id', refers: 'users' },
  { table: 'totp_recovery_codes', column: 'user_id', refers: 'users' },
  { table: 'totp_challenges', column: 'user_id', refers: 'users' },
  { table: 'extract_sendings', column: 'sent_by', refers: 'users' },
  { table: 'conflict_declarations', column: 'person_id', refers: 'people' },
  { table: 'conflict_declarations', column: 'declared_by', refers: 'users' },
  { table: 'conflict_declarations', column: 'decided_by', refers: 'users' },
  { table: 'matters', column: 'created_by', refers: 'users' },
] as const;

/** Secrets are never exported (they identify a session or sign-in, not the person). */
const SECRET_COLUMN = /(hash|secret|token)$/i;
const EXPORT_LIMIT = 5000;

function rowsOf(result: unknown): Array<Record<string, unknown>> {
  // postgres.js returns the rows array itself, PGlite an object holding them.
  if (Array.isArray(result)) return result as Array<Record<string, unknown>>;
  return (result as { rows?: Array<Record<string, unknown>> }).rows ?? [];
}

function clean(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (SECRET_COLUMN.test(k) || (table === 'sessions' && k === 'id') || (table === 'user_totp' && k === 'secret'))
      continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

async function select(db: Executor, table: string, column: string, ids: string[]) {
  if (ids.length === 0) return [];
  const result = await db.execute(
    sql`SELECT * FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} IN (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) LIMIT ${EXPORT_LIMIT}`,
  );
  return rowsOf(result).map((r) => clean(table, r));
}

async function selectByAddress(db: Executor, table: string, column: string, addresses: string[]) {
  if (addresses.length === 0) return [];
  const result = await db.execute(
    sql`SELECT * FROM ${sql.identifier(table)} WHERE lower(${sql.identifier(column)}) IN (${sql.join(
      addresses.map((a) => sql`${a}`),
      sql`, `,
    )}) LIMIT ${EXPORT_LIMIT}`,
  );
  return rowsOf(result).map((r) => clean(table, r));
}

/** The person and their account, or null. */
export async function getDataSubject(personId: string, db: Executor = getDb()) {
  const [person] = await db.select().from(people).where(eq(people.id, personId)).limit(1);
  if (!person) return null;
  const [user] = await db.select().from(users).where(eq(users.personId, personId)).limit(1);
  return { person, user: user ?? null };
}

function addressesOf(subject: { person: { email: string | null }; user: { email: string } | null }): string[] {
  return [
    ...new Set([subject.person.email, subject.user?.email].filter((a): a is string => !!a).map((a) => a.toLowerCase())),
  ];
}

/**
 * Everything held about a person, table by table (JSON). Null when there is no such person.
 * The export itself is audited (who looked at whose data).
 */
export async function exportPersonData(actor: AuditActor, personId: string, now = new Date()) {
  return getDb().transaction(async (tx) => {
    const subject = await getDataSubject(personId, tx);
    if (!subject) return null;
    const userIds = subject.user ? [subject.user.id] : [];
    const addresses = addressesOf(subject);
    const tables: Record<string, Array<Record<string, unknown>>> = {};
    tables.people = [clean('people', subject.person as unknown as Record<string, unknown>)];
    for (const source of GDPR_SOURCES) {
      const ids = source.refers === 'people' ? [personId] : userIds;
      const rows = await select(tx, source.table, source.column, ids);
      const key = source.table === 'users' ? 'users' : `${source.table}.${source.column}`;
      tables[key] = rows;
    }
    // Tables that reach the person by e-mail address, not by a key.
    tables['auth_tokens.email'] = await selectByAddress(tx, 'auth_tokens', 'email', addresses);
    tables['email_subscriptions.email'] = await selectByAddress(tx, 'email_subscriptions', 'email', addresses);
    tables['mail_opt_outs.address'] = await selectByAddress(tx, 'mail_opt_outs', 'address', addresses);
    tables['unsubscribe_links.address'] = await selectByAddress(tx, 'unsubscribe_links', 'address', addresses);
    tables['mail_messages.to_address'] = await selectByAddress(tx, 'mail_messages', 'to_address', addresses);
    tables['feedback_messages.email'] = await selectByAddress(tx, 'feedback_messages', 'email', addresses);
    // The audit log: entries they made, and entries about them or their account.
    const subjectIds = [personId, ...userIds];
    const audit = await tx
      .select()
      .from(auditLog)
      .where(
        or(
          userIds.length > 0 ? inArray(auditLog.actorUserId, userIds) : undefined,
          inArray(auditLog.entityId, subjectIds),
        ),
      )
      .orderBy(auditLog.id)
      .limit(EXPORT_LIMIT);
    tables.audit_log = audit.map((r) => clean('audit_log', r as unknown as Record<string, unknown>));
    await recordAudit(tx, actor, {
      action: 'gdpr.export',
      entityType: 'person',
      entityId: personId,
      changes: { tables: Object.keys(tables).length },
    });
    return { exportedAt: now.toISOString(), personId, userId: subject.user?.id ?? null, tables };
  });
}

type EraseOutcome = { status: 'ok'; keptName: boolean } | { status: 'not_found' } | { status: 'last_admin' };

/** Erases a person's account, contact details and unpublished data (see the module comment). */
/** What an erased name becomes where no published record needs it (the records are in Finnish). */
const ERASED_NAME = { given: 'Poistettu', family: 'henkilö' } as const;

export async function erasePerson(actor: AuditActor, personId: string, now = new Date()): Promise<EraseOutcome> {
  const erasedName = ERASED_NAME;
  return getDb().transaction(async (tx): Promise<EraseOutcome> => {
    const [person] = await tx.select().from(people).where(eq(people.id, personId)).for('update');
    if (!person) return { status: 'not_found' };
    const [user] = await tx.select().from(users).where(eq(users.personId, personId)).for('update');
    if (user) {
      const admins = await tx
        .select({ userId: roleGrants.userId })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.revokedAt), isNull(users.disabledAt)));
      const ids = new Set(admins.map((a) => a.userId));
      if (ids.has(user.id) && ids.size <= 1) return { status: 'last_admin' };
    }
    const addresses = addressesOf({ person, user: user ?? null });
    const counts: Record<string, number> = {};
    const n = (key: string, rows: unknown[]) => {
      counts[key] = rows.length;
    };

    if (user) {
      n('sessions', await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id }));
      n('totp', await tx.delete(userTotp).where(eq(userTotp.userId, user.id)).returning({ id: userTotp.userId }));
      n(
        'recoveryCodes',
        await tx
          .delete(totpRecoveryCodes)
          .where(eq(totpRecoveryCodes.userId, user.id))
          .returning({ id: totpRecoveryCodes.userId }),
      );
      n(
        'totpChallenges',
        await tx
          .delete(totpChallenges)
          .where(eq(totpChallenges.userId, user.id))
          .returning({ id: totpChallenges.userId }),
      );
      n(
        'feedTokens',
        await tx
          .delete(calendarFeedTokens)
          .where(eq(calendarFeedTokens.userId, user.id))
          .returning({ id: calendarFeedTokens.userId }),
      );
      n(
        'roleGrantsRevoked',
        await tx
          .update(roleGrants)
          .set({ revokedAt: now })
          .where(and(eq(roleGrants.userId, user.id), isNull(roleGrants.revokedAt)))
          .returning({ id: roleGrants.id }),
      );
      // The row stays as a disabled tombstone: frozen minutes may name it as author or checker's account.
      await tx
        .update(users)
        .set({
          email: `erased-${user.id}@erased.invalid`,
          displayName: `${erasedName.given} ${erasedName.family}`,
          passwordHash: null,
          personId: null,
          disabledAt: now,
          lastLoginAt: null,
          updatedAt: now,
        })
        .where(eq(users.id, user.id));
    }
    n(
      'authTokens',
      await tx
        .delete(authTokens)
        .where(
          or(
            user ? eq(authTokens.userId, user.id) : undefined,
            addresses.length > 0 ? inArray(sql`lower(${authTokens.email})`, addresses) : undefined,
          ) ?? sql`false`,
        )
        .returning({ id: authTokens.id }),
    );
    if (addresses.length > 0) {
      n(
        'subscriptions',
        await tx
          .delete(emailSubscriptions)
          .where(inArray(sql`lower(${emailSubscriptions.email})`, addresses))
          .returning({ id: emailSubscriptions.id }),
      );
      n(
        'unsubscribeLinks',
        await tx
          .delete(unsubscribeLinks)
          .where(inArray(sql`lower(${unsubscribeLinks.address})`, addresses))
          .returning({ id: unsubscribeLinks.tokenHash }),
      );
      n(
        'mailLog',
        await tx
          .delete(mailMessages)
          .where(inArray(sql`lower(${mailMessages.toAddress})`, addresses))
          .returning({ id: mailMessages.id }),
      );
      n(
        'feedbackEmail',
        await tx
          .update(feedbackMessages)
          .set({ email: null })
          .where(inArray(sql`lower(${feedbackMessages.email})`, addresses))
          .returning({ id: feedbackMessages.id }),
      );
    }
    n(
      'invitations',
      await tx
        .delete(meetingInvitees)
        .where(eq(meetingInvitees.personId, personId))
        .returning({ id: meetingInvitees.id }),
    );
    n(
      'draftClaims',
      await tx
        .delete(travelClaims)
        .where(and(eq(travelClaims.personId, personId), eq(travelClaims.status, 'draft')))
        .returning({ id: travelClaims.id }),
    );

    // The name stays where a published record needs it.
    const published = await tx.execute(sql`
      SELECT EXISTS (SELECT 1 FROM memberships WHERE person_id = ${personId})
        OR EXISTS (SELECT 1 FROM (
             SELECT version_id FROM attendance WHERE person_id = ${personId}
             UNION ALL SELECT version_id FROM member_votes WHERE person_id = ${personId}
             UNION ALL SELECT version_id FROM minutes_checkers WHERE person_id = ${personId}
             UNION ALL SELECT version_id FROM recusals WHERE person_id = ${personId}) p
           JOIN minutes_versions v ON v.id = p.version_id WHERE v.status IN ('approved', 'published')) AS kept`);
    const keptName = Boolean(rowsOf(published)[0]?.kept);
    await tx
      .update(people)
      .set({
        email: null,
        phone: null,
        ...(keptName ? {} : { givenName: erasedName.given, familyName: erasedName.family, organisationId: null }),
        updatedAt: now,
        lockVersion: sql`${people.lockVersion} + 1`,
      })
      .where(eq(people.id, personId));
    // The audit entry names no erased data: only what kinds of rows went, and how many.
    await recordAudit(tx, actor, {
      action: 'gdpr.erase',
      entityType: 'person',
      entityId: personId,
      changes: { keptName, userId: user?.id ?? null, counts },
    });
    return { status: 'ok', keptName };
  });
}
