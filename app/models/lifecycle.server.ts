/**
 * Display period and the web copy's personal-data removal (issue 14.4).
 *
 * A council sets how long its minutes are on public display: `display_notice_days` of notice after
 * publication, then `display_web_months` on the web (null = permanent). Agenda items and attachments
 * carry a personal-data class. When the display period of a meeting has ended, the daily job
 * (`cron.display-period`) writes a web_redactions row for every item and attachment holding
 * personal data; from then on the public readers (meeting and minutes pages, public PDFs, the API,
 * OParl, feeds, search) show such an item's title, § and a removal line only, and leave the
 * attachment out. The record itself (frozen by sec_freeze.sql) is not touched, and members and the
 * secretariat still see everything.
 *
 * Special categories and criminal records are never shown on the web, not even during the display
 * period (Helsinki's Ahjo practice): those items are treated as removed from the start.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { webRedactions } from '~db/schema';
import { recordAudit, type AuditActor } from './audit.server';

const SYSTEM_ACTOR: AuditActor = { userId: null, label: 'system: display period', ip: null };

// Qualified by hand: drizzle leaves columns unqualified in single-table selects, and inside the
// subqueries below a bare "id" would mean the subquery's own table.
const ITEM_ID = sql.raw('"agenda_items"."id"');
const ITEM_CLASS = sql.raw('"agenda_items"."personal_data_class"');
const ITEM_CREATED = sql.raw('"agenda_items"."created_at"');
const ATT_ID = sql.raw('"agenda_item_attachments"."id"');
const ATT_ITEM = sql.raw('"agenda_item_attachments"."agenda_item_id"');
const ATT_CLASS = sql.raw('"agenda_item_attachments"."personal_data_class"');

/**
 * SQL: the date (timestamptz) since which the item's personal-data part is off the web, or null
 * while it is shown. Usable in any query that has agenda_items in scope.
 */
export function itemWebRemovedAt(): SQL<Date | null> {
  return sql<Date | null>`(CASE WHEN ${ITEM_CLASS} IN ('special', 'criminal') THEN ${ITEM_CREATED}
    ELSE (SELECT wr.redacted_at FROM web_redactions wr WHERE wr.agenda_item_id = ${ITEM_ID} AND wr.attachment_id IS NULL) END)`.mapWith(
    (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v))),
  );
}

/** SQL condition: this attachment may be on the web (its own personal data is not removed). */
export function attachmentOnWeb(): SQL {
  return sql`(${ATT_CLASS} NOT IN ('special', 'criminal')
    AND NOT EXISTS (SELECT 1 FROM web_redactions wr WHERE wr.attachment_id = ${ATT_ID})
    AND NOT EXISTS (SELECT 1 FROM agenda_items wi WHERE wi.id = ${ATT_ITEM}
      AND (wi.personal_data_class IN ('special', 'criminal')
        OR EXISTS (SELECT 1 FROM web_redactions wr2 WHERE wr2.agenda_item_id = wi.id AND wr2.attachment_id IS NULL))))`;
}

/**
 * When each meeting's display period ends: the first publication of its minutes (or, without
 * published minutes, of its agenda) + notice days + web months. Null months = permanent.
 */
const displayEnd = sql`(
  coalesce(
    (SELECT min(v.published_at) FROM minutes mi JOIN minutes_versions v ON v.minutes_id = mi.id
      WHERE mi.meeting_id = m.id AND v.status = 'published'),
    m.agenda_published_at)
  + make_interval(days => c.display_notice_days)
  + make_interval(months => c.display_web_months))`;

interface DueRow {
  item_id: string;
  attachment_id: string | null;
  class: string;
  council_id: string;
  region_id: string;
  ends: Date | string;
}

interface DisplayPeriodRun {
  items: number;
  attachments: number;
}

/**
 * The daily job: removes from the web copy the personal data of every item and attachment whose
 * meeting's display period ended before `now`. Idempotent (a second run adds nothing); one
 * transaction; one audit entry per council touched, by the system.
 */
export async function runDisplayPeriod(now: Date = new Date(), limit = 5000): Promise<DisplayPeriodRun> {
  return getDb().transaction(async (tx) => {
    const due = await tx.execute(sql`
      WITH ends AS (
        SELECT m.id AS meeting_id, c.id AS council_id, c.region_id, ${displayEnd} AS ends
        FROM meetings m JOIN councils c ON c.id = m.council_id
        WHERE c.display_web_months IS NOT NULL AND m.agenda_published_at IS NOT NULL)
      SELECT ai.id AS item_id, NULL::uuid AS attachment_id, ai.personal_data_class::text AS class, e.council_id, e.region_id, e.ends
        FROM agenda_items ai JOIN ends e ON e.meeting_id = ai.meeting_id
        WHERE ai.personal_data_class <> 'none' AND e.ends < ${now.toISOString()}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM web_redactions wr WHERE wr.agenda_item_id = ai.id AND wr.attachment_id IS NULL)
      UNION ALL
      SELECT ai.id, a.id, a.personal_data_class::text, e.council_id, e.region_id, e.ends
        FROM agenda_item_attachments a JOIN agenda_items ai ON ai.id = a.agenda_item_id JOIN ends e ON e.meeting_id = ai.meeting_id
        WHERE a.personal_data_class <> 'none' AND e.ends < ${now.toISOString()}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM web_redactions wr WHERE wr.attachment_id = a.id)
      LIMIT ${limit}`);
    // postgres.js returns the rows array itself, PGlite an object holding them.
    const list = (Array.isArray(due) ? due : ((due as { rows?: unknown[] }).rows ?? [])) as DueRow[];
    if (list.length === 0) return { items: 0, attachments: 0 };
    await tx
      .insert(webRedactions)
      .values(
        list.map((r) => ({
          agendaItemId: r.item_id,
          attachmentId: r.attachment_id,
          personalDataClass: r.class,
          displayEndedAt: new Date(r.ends),
          redactedAt: now,
        })),
      )
      .onConflictDoNothing();
    const byCouncil = new Map<string, { regionId: string; items: string[]; attachments: string[] }>();
    for (const r of list) {
      const entry = byCouncil.get(r.council_id) ?? { regionId: r.region_id, items: [], attachments: [] };
      if (r.attachment_id) entry.attachments.push(r.attachment_id);
      else entry.items.push(r.item_id);
      byCouncil.set(r.council_id, entry);
    }
    for (const [councilId, entry] of byCouncil) {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'display_period.web_redact',
        entityType: 'council',
        entityId: councilId,
        councilId,
        regionId: entry.regionId,
        changes: { items: entry.items, attachments: entry.attachments, at: now.toISOString() },
      });
    }
    return {
      items: list.filter((r) => !r.attachment_id).length,
      attachments: list.filter((r) => r.attachment_id).length,
    };
  });
}
