import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ConflictDecisions } from '~/components/practice-conflicts';
import { readForm } from '~/lib/http/body.server';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { requireMeetingPermission } from '~/models/agendas.server';
import { decideConflict, listDeclarations, type ConflictOutcome } from '~/models/conflicts.server';
import { getMinutesVersions } from '~/models/minutes.server';
import { getDb } from '~db/client.server';
import { decideConflictSchema } from '~/validation/practice';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.meetingTitle} – Neuvos` : 'Neuvos' },
];

/** Members' conflict-of-interest declarations of one meeting, for the secretary to confirm or reject (also shown in the minutes editor). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireMeetingPermission(request, params.meetingId, 'minutes.edit');
  const [declarations, versions] = await Promise.all([
    listDeclarations(scope.meetingId),
    getMinutesVersions(scope.meetingId, scope.councilId, getDb()),
  ]);
  const current = versions?.versions[0] ?? null;
  return json(
    {
      meetingId: scope.meetingId,
      meetingTitle: scope.title,
      declarations,
      version: current ? { id: current.id, lockVersion: current.lockVersion, status: current.status } : null,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

const REFUSALS: Record<Exclude<ConflictOutcome['status'], 'ok'>, { key: string; status: number }> = {
  not_found: { key: 'records.errors.notFound', status: 404 },
  too_late: { key: 'practice.conflicts.tooLate', status: 409 },
  no_seat: { key: 'practice.conflicts.noSeat', status: 403 },
  decided: { key: 'practice.conflicts.errors.decided', status: 409 },
  conflict: { key: 'records.errors.conflict', status: 409 },
  no_draft: { key: 'practice.conflicts.errors.noDraft', status: 409 },
  not_attendee: { key: 'records.errors.notAttendee', status: 400 },
  frozen: { key: 'records.errors.frozen', status: 409 },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, actor } = await requireMeetingPermission(request, params.meetingId, 'minutes.edit');
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: decideConflictSchema });
  if (submission.status !== 'success') {
    const first = Object.values(submission.error ?? {}).find((m) => m && m.length > 0)?.[0];
    return json({ error: t(first ?? 'records.errors.badForm') }, { status: 400 });
  }
  const v = submission.value;
  const who = { councilId: scope.councilId, regionId: scope.regionId, actor };
  const outcome = await decideConflict(who, scope.meetingId, {
    declarationId: v.declarationId,
    declarationLockVersion: v.declarationLockVersion,
    decision: v.intent === 'confirm-conflict' ? 'confirm' : 'reject',
    note: v.note,
    minutes: v.versionId && v.lockVersion ? { versionId: v.versionId, lockVersion: v.lockVersion } : undefined,
  });
  if (outcome.status !== 'ok') {
    const refusal = REFUSALS[outcome.status];
    return json({ error: t(refusal.key) }, { status: refusal.status });
  }
  return redirect(`/manage/meetings/${scope.meetingId}/minutes?section=items`);
}

export default function ConflictDeclarationsPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <p>
        <Link to={`/manage/meetings/${data.meetingId}/minutes?section=items`}>{data.meetingTitle}</Link>
      </p>
      <h1>{t('practice.conflicts.declarations')}</h1>
      {reply?.error ? (
        <p role="alert" className="error-text">
          {reply.error}
        </p>
      ) : null}
      {data.declarations.length === 0 ? <p className="muted">–</p> : null}
      <ConflictDecisions
        meetingId={data.meetingId}
        declarations={data.declarations}
        version={data.version}
        locale={locale}
      />
    </>
  );
}
