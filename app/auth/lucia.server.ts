/**
 * The only module that imports lucia (v3 is no longer maintained; keeping it behind this
 * file keeps it replaceable). Sessions live in the `sessions` table.
 */
import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle';
import { Lucia, TimeSpan } from 'lucia';
import { getDb, type Db } from '~db/client.server';
import { sessions, users } from '~db/schema';
import { isSecureDeployment, sessionSettings } from '~/lib/config.server';

function createLucia(db: Db) {
  const secure = isSecureDeployment();
  return new Lucia(new DrizzlePostgreSQLAdapter(db, sessions, users), {
    sessionExpiresIn: new TimeSpan(sessionSettings.idleDays, 'd'),
    sessionCookie: {
      name: secure ? '__Host-neuvos_session' : 'neuvos_session',
      expires: true,
      attributes: { secure, sameSite: 'lax' },
    },
    getSessionAttributes: (attributes) => ({
      absoluteExpiresAt: new Date(attributes.absoluteExpiresAt),
      createdAt: attributes.createdAt ? new Date(attributes.createdAt) : null,
      ip: attributes.ip ?? null,
      userAgent: attributes.userAgent ?? null,
    }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      displayName: attributes.displayName,
      personId: attributes.personId ?? null,
      locale: attributes.locale,
      disabledAt: attributes.disabledAt ? new Date(attributes.disabledAt) : null,
    }),
  });
}

declare module 'lucia' {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseSessionAttributes: {
      absoluteExpiresAt: Date;
      createdAt?: Date;
      ip?: string | null;
      userAgent?: string | null;
    };
    DatabaseUserAttributes: {
      email: string;
      displayName: string;
      personId?: string | null;
      locale: string;
      disabledAt?: Date | null;
    };
  }
}

let cached: { db: Db; lucia: ReturnType<typeof createLucia> } | null = null;
function lucia() {
  const db = getDb();
  if (cached?.db !== db) cached = { db, lucia: createLucia(db) };
  return cached.lucia;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  personId: string | null;
  locale: string;
}

export interface ValidatedSession {
  sessionId: string;
  user: SessionUser;
  /** A Set-Cookie value when the session was extended or must be cleared. */
  setCookie: string | null;
}

/** The session token from a Cookie header, if any. */
export function readSessionToken(cookieHeader: string | null): string | null {
  return lucia().readSessionCookie(cookieHeader ?? '');
}

/** Start a new session (always a new id) and return its cookie. */
export async function startSession(userId: string, meta: { ip: string | null; userAgent: string | null }) {
  const now = new Date();
  const session = await lucia().createSession(userId, {
    absoluteExpiresAt: new Date(now.getTime() + sessionSettings.absoluteDays * 86_400_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { sessionId: session.id, setCookie: lucia().createSessionCookie(session.id).serialize() };
}

/**
 * Validate a token: unknown, expired (idle or absolute), tampered or disabled-account
 * sessions all come back null, with a cookie that clears the browser's copy.
 */
export async function validateSession(token: string): Promise<ValidatedSession | { user: null; setCookie: string }> {
  const l = lucia();
  const blank = l.createBlankSessionCookie().serialize();
  const { session, user } = await l.validateSession(token);
  if (!session || !user) return { user: null, setCookie: blank };
  if (session.absoluteExpiresAt.getTime() <= Date.now() || user.disabledAt) {
    await l.invalidateSession(session.id);
    return { user: null, setCookie: blank };
  }
  return {
    sessionId: session.id,
    user: { id: user.id, email: user.email, displayName: user.displayName, personId: user.personId, locale: user.locale },
    setCookie: session.fresh ? l.createSessionCookie(session.id).serialize() : null,
  };
}

export async function endSession(sessionId: string): Promise<void> {
  await lucia().invalidateSession(sessionId);
}

export async function endAllSessions(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}
