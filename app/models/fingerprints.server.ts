import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import { annualReports, councils, documentFingerprints, meetings, minutes, minutesVersions } from '~db/schema';
import type { Locale } from '~/lib/i18n';
import { meetingSequence } from '~/models/meeting-number.server';

/** The SHA-256 of a document's bytes as 64 lower-case hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type FingerprintKind = 'agenda' | 'minutes';

type Subject =
  { kind: FingerprintKind; meetingId: string; versionNo: number | null } | { kind: 'report'; reportId: string };

/**
 * Records the fingerprint of an official public PDF (idempotent: the same bytes are recorded once).
 * Called in publishMinutes' transaction and whenever a public agenda or minutes PDF is served, so
 * every copy the public can have is known to /verify.
 */
export async function recordFingerprint(
  db: Executor,
  doc: Subject & { language: Locale; bytes: Uint8Array },
): Promise<string> {
  const sha256 = sha256Hex(doc.bytes);
  // Look first: an INSERT that does nothing would still fire the statement trigger that empties
  // the anonymous response cache, and most renders are of bytes already recorded.
  const [known] = await db
    .select({ id: documentFingerprints.id })
    .from(documentFingerprints)
    .where(eq(documentFingerprints.sha256, sha256));
  if (known) return sha256;
  await db
    .insert(documentFingerprints)
    .values({
      kind: doc.kind,
      ...(doc.kind === 'report' ? { reportId: doc.reportId } : { meetingId: doc.meetingId, versionNo: doc.versionNo }),
      language: doc.language,
      sha256,
      sizeBytes: doc.bytes.byteLength,
    })
    .onConflictDoNothing({ target: documentFingerprints.sha256 });
  return sha256;
}

/** The most recent fingerprint of a public agenda or minutes version in one language, or null. */
export async function latestFingerprint(
  meetingId: string,
  kind: FingerprintKind,
  versionNo: number | null,
  language: Locale,
): Promise<string | null> {
  const [row] = await getDb()
    .select({ sha256: documentFingerprints.sha256 })
    .from(documentFingerprints)
    .where(
      and(
        eq(documentFingerprints.meetingId, meetingId),
        eq(documentFingerprints.kind, kind),
        versionNo === null ? isNull(documentFingerprints.versionNo) : eq(documentFingerprints.versionNo, versionNo),
        eq(documentFingerprints.language, language),
      ),
    )
    .orderBy(desc(documentFingerprints.createdAt))
    .limit(1);
  return row?.sha256 ?? null;
}

/**
 * What an official fingerprint stands for, or null when this service never published such a
 * document. Only documents the public may still see are answered for.
 */
export async function findOfficialDocument(sha256: string): Promise<OfficialDocument | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const db = getDb();
  const [fp] = await db.select().from(documentFingerprints).where(eq(documentFingerprints.sha256, sha256));
  if (!fp) return null;
  if (fp.kind === 'report') {
    if (!fp.reportId) return null;
    const [report] = await db
      .select({
        title: annualReports.title,
        year: annualReports.year,
        publishedAt: annualReports.publishedAt,
        councilSlug: councils.slug,
        councilNameFi: councils.nameFi,
        councilNameSv: councils.nameSv,
        councilNameEn: councils.nameEn,
      })
      .from(annualReports)
      .innerJoin(councils, eq(councils.id, annualReports.councilId))
      .where(
        and(
          eq(annualReports.id, fp.reportId),
          eq(annualReports.status, 'published'),
          eq(councils.publicityDefault, 'public'),
        ),
      );
    if (!report) return null;
    return { kind: 'report', language: fp.language, ...report };
  }
  if (!fp.meetingId) return null;
  const [row] = await db
    .select({
      meetingId: meetings.id,
      title: meetings.title,
      meetingNo: meetingSequence,
      startsAt: meetings.startsAt,
      agendaPublishedAt: meetings.agendaPublishedAt,
      councilNameFi: councils.nameFi,
      councilNameSv: councils.nameSv,
      councilNameEn: councils.nameEn,
      latestVersionNo: sql<number | null>`(
        SELECT max(${minutesVersions.versionNo}) FROM ${minutesVersions}
        INNER JOIN ${minutes} ON ${minutes.id} = ${minutesVersions.minutesId}
        WHERE ${minutes.meetingId} = ${meetings.id} AND ${minutesVersions.status} = 'published')`,
      versionPublishedAt: sql<Date | string | null>`(
        SELECT ${minutesVersions.publishedAt} FROM ${minutesVersions}
        INNER JOIN ${minutes} ON ${minutes.id} = ${minutesVersions.minutesId}
        WHERE ${minutes.meetingId} = ${meetings.id} AND ${minutesVersions.versionNo} = ${fp.versionNo ?? -1}
          AND ${minutesVersions.status} = 'published')`,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(meetings.id, fp.meetingId),
        eq(meetings.publicity, 'public'),
        eq(councils.publicityDefault, 'public'),
        sql`${meetings.agendaPublishedAt} IS NOT NULL`,
      ),
    );
  if (!row) return null;
  const { versionPublishedAt, agendaPublishedAt, latestVersionNo, ...rest } = row;
  const publishedAt = fp.kind === 'minutes' ? versionPublishedAt : agendaPublishedAt;
  return {
    kind: fp.kind,
    language: fp.language,
    versionNo: fp.versionNo,
    ...rest,
    publishedAt: publishedAt ? new Date(publishedAt) : null,
    latestVersionNo: latestVersionNo === null ? null : Number(latestVersionNo),
  };
}

type CouncilNames = { councilNameFi: string; councilNameSv: string | null; councilNameEn: string | null };
export type OfficialDocument =
  | (CouncilNames & {
      kind: FingerprintKind;
      language: string;
      versionNo: number | null;
      meetingId: string;
      title: string;
      meetingNo: number | null;
      startsAt: Date;
      publishedAt: Date | null;
      latestVersionNo: number | null;
    })
  | (CouncilNames & {
      kind: 'report';
      language: string;
      title: string;
      year: number;
      publishedAt: Date | null;
      councilSlug: string;
    });
