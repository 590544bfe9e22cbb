import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { can } from '~/auth/permissions';
import { readForm } from '~/lib/http/body.server';
import { safeRedirect } from '~/lib/http/redirect';
import { getT } from '~/lib/t.server';
import { linkMatter, listMatters } from '~/models/matters.server';
import { matterLinkSchema } from '~/validation/practice';

export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** The council's matters (asiat) with links to their public pages; linking happens from the agenda editor and statements. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireCouncilPermission(request, params.slug, 'council.view_internal');
  return json(
    {
      slug: council.slug,
      publicCouncil: council.publicityDefault === 'public',
      matters: await listMatters(council.id),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

/** Links an agenda item (agenda.edit) or a statement (statement.edit) to a matter, new or existing, then returns to the form's page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { council, principal, actor } = await requireCouncilPermission(request, params.slug, 'council.view_internal');
  const subject = { councilId: council.id, regionId: council.regionId };
  if (!can(principal, 'agenda.edit', subject) && !can(principal, 'statement.edit', subject))
    throw new Response('Forbidden', { status: 403 });
  const { t } = await getT(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: matterLinkSchema });
  if (submission.status !== 'success') {
    const first = Object.values(submission.error ?? {}).find((m) => m && m.length > 0)?.[0];
    return json({ error: t(first ?? 'records.errors.badForm') }, { status: 400 });
  }
  const v = submission.value;
  if (!can(principal, v.itemId ? 'agenda.edit' : 'statement.edit', subject))
    throw new Response('Forbidden', { status: 403 });
  const outcome = await linkMatter(
    { councilId: council.id, regionId: council.regionId, actor },
    {
      itemId: v.itemId,
      statementId: v.statementId,
      matterId: v.matterId || undefined,
      newTitle: v.newTitle,
      newDiaryNumber: v.newDiaryNumber,
      expectedMatterId: v.expectedMatterId,
    },
  );
  if (outcome.status === 'conflict') return json({ error: t('records.errors.conflict') }, { status: 409 });
  if (outcome.status !== 'ok') {
    return json(
      { error: t(outcome.status === 'unknown_matter' ? 'practice.matters.errors.unknown' : 'records.errors.notFound') },
      { status: 404 },
    );
  }
  return redirect(safeRedirect(String(formData.get('returnTo') ?? ''), `/manage/councils/${council.slug}/matters`));
}

export default function CouncilMatters() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('practice.matters.matter')}</h1>
      {reply?.error ? (
        <p role="alert" className="error-text">
          {reply.error}
        </p>
      ) : null}
      {data.matters.length === 0 ? (
        <p className="muted">–</p>
      ) : (
        <ul>
          {data.matters.map((m) => (
            <li key={m.id}>
              {data.publicCouncil ? <Link to={`/councils/${data.slug}/matters/${m.id}`}>{m.title}</Link> : m.title}
              {m.diaryNumber ? ` (${t('practice.matters.diaryNumber')} ${m.diaryNumber})` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
