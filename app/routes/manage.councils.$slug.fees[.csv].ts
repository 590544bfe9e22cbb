import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { toCsv } from '~/lib/csv';
import { todayInHelsinki } from '~/lib/dates';
import { FEE_EXPORT_HEADER, feeExportRow, quarterOf, quarterRange } from '~/lib/fees';
import { getT } from '~/lib/t.server';
import { exportFeePeriod } from '~/models/fees.server';
import { parsePeriod } from '~/validation/fees';

/**
 * The payroll export of one period (?from=&to=, default the current quarter): one row per person
 * and meeting with the fee components, kilometres, approved claim amounts and the total, in euros.
 * Secretariat only; every cell is protected against spreadsheet formula injection by toCsv.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'fees.manage');
  const asked = parsePeriod(new URL(request.url).searchParams);
  if (asked === 'bad') {
    const { t } = await getT(request);
    return json({ error: t('fees.errors.badPeriod') }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
  }
  const today = quarterOf(todayInHelsinki());
  const period = asked ?? quarterRange(today.year, today.quarter);
  const rows = await exportFeePeriod({ councilId: council.id, regionId: council.regionId, actor }, period);
  const body = toCsv(
    FEE_EXPORT_HEADER,
    rows.map(({ meeting, line }) => feeExportRow(meeting, line)),
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${council.slug}-fees-${period.from}-${period.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
