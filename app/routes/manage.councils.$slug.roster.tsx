import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SEAT_ROLES } from '~db/schema/constants';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { RosterView } from '~/components/roster-view';
import { AssignForm, EndForm, MembershipHistory } from '~/components/roster-manage';
import { formatDate } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { getRoster, getTermForCouncil, listTerms } from '~/models/councils.server';
import { listPeopleForPicker, peopleScopeFor } from '~/models/people.server';
import { assignMembership, endMembership, getSeatPlan, listOfficerHistory, listTermMemberships, rosterDateFor, type Refusal } from '~/models/rosters.server';
import { assignSchema, endSchema, onDateParam } from '~/validation/roster';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, principal } = await requireCouncilPermission(request, params.slug, 'roster.edit');
  const url = new URL(request.url);
  const terms = await listTerms(council.id);
  const wanted = url.searchParams.get('term');
  const term = wanted ? await getTermForCouncil(council.id, wanted) : (terms.find((x) => x.current) ?? terms[0] ?? null);
  if (wanted && !term) throw new Response('Not found', { status: 404 });
  const base = { council: { id: council.id, slug: council.slug, nameFi: council.nameFi }, terms };
  if (!term) return json({ ...base, term: null, data: null });
  const on = onDateParam.parse(url.searchParams.get('on') ?? undefined) ?? rosterDateFor(term);
  const scope = await peopleScopeFor(principal);
  const [roster, memberships, plan, people, officers] = await Promise.all([
    getRoster(term.id, on),
    listTermMemberships(term.id),
    getSeatPlan(term.id),
    listPeopleForPicker(scope),
    listOfficerHistory(council.id),
  ]);
  const ending = memberships.find((m) => m.id === url.searchParams.get('end') && m.endDate === null) ?? null;
  return json({
    ...base,
    term: { id: term.id, name: term.name, startDate: term.startDate, endDate: term.endDate },
    data: { on, roster, memberships, categories: plan.categories.map((c) => ({ id: c.id, nameFi: c.nameFi })), people, officers, ending },
  });
}

type Scope = { councilId: string; regionId: string };
type Actor = Awaited<ReturnType<typeof requireCouncilPermission>>['actor'];
type T = Awaited<ReturnType<typeof getT>>['t'];

function refused(intent: 'assign' | 'end', reply: ReturnType<typeof translatedReply>, result: Refusal) {
  return json({ intent, result: reply, duplicates: result.duplicates ?? [], done: false }, { status: result.conflict ? 409 : 400 });
}

async function assign(formData: FormData, actor: Actor, scope: Scope, t: T) {
  const submission = parseWithZod(formData, { schema: assignSchema });
  if (submission.status !== 'success') return json({ intent: 'assign' as const, result: translatedReply(submission, t), duplicates: [], done: false }, { status: 400 });
  const result = await assignMembership(actor, scope, submission.value);
  if (!result.ok) return refused('assign', translatedReply(submission, t, { fieldErrors: result.fieldErrors, formErrors: result.formErrors }), result);
  return json({ intent: 'assign' as const, result: translatedReply(submission, t, { resetForm: true }), duplicates: [], done: true });
}

async function end(formData: FormData, actor: Actor, scope: Scope, t: T) {
  const submission = parseWithZod(formData, { schema: endSchema });
  if (submission.status !== 'success') return json({ intent: 'end' as const, result: translatedReply(submission, t), duplicates: [], done: false }, { status: 400 });
  const result = await endMembership(actor, scope, submission.value);
  if (!result.ok) {
    const options = result.conflict ? { formErrors: [t('roster.errors.conflict')] } : { fieldErrors: result.fieldErrors, formErrors: result.formErrors };
    return refused('end', translatedReply(submission, t, options), result);
  }
  return json({ intent: 'end' as const, result: translatedReply(submission, t, { resetForm: true }), duplicates: [], done: true });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'roster.edit');
  const { t } = await getT(request);
  const scope = { councilId: council.id, regionId: council.regionId };
  const formData = await readForm(request);
  // A person picked from the duplicate warning replaces the (empty) person select.
  for (const [radio, field] of [['useExisting', 'personId'], ['useExistingSuccessor', 'successorPersonId']] as const) {
    const chosen = formData.get(radio);
    if (typeof chosen === 'string' && chosen) formData.set(field, chosen);
  }
  return formData.get('intent') === 'end' ? end(formData, actor, scope, t) : assign(formData, actor, scope, t);
}

export default function RosterPage() {
  const { council, terms, term, data } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/manage/councils/${council.slug}`;
  if (!term || !data) {
    return (
      <>
        <h1>{t('roster.page.title', { council: council.nameFi })}</h1>
        <p>
          {t('council.noTerm')} <Link to={`${base}/terms/new`}>{t('roster.overview.newTerm')}</Link>
        </p>
      </>
    );
  }
  const open = data.memberships.filter((m) => m.endDate === null || m.endDate >= data.on);
  const principals = open.filter((m) => SEAT_ROLES.includes(m.role));
  const mismatches = data.roster.groups.filter((g) => g.mismatch);
  const endDeputies = data.ending ? open.filter((m) => m.role === 'deputy' && m.principalId === data.ending!.id) : [];
  return (
    <>
      <h1>{t('roster.page.title', { council: council.nameFi })}</h1>
      <Form method="get" className="filters">
        <label>
          {t('roster.page.term')}
          <select name="term" defaultValue={term.id}>
            {terms.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('roster.page.on')}
          <input type="date" name="on" defaultValue={data.on} />
        </label>
        <button type="submit" className="secondary">
          {t('roster.page.show')}
        </button>
      </Form>
      <p>
        <Link to={`${base}/terms/${term.id}`}>{t('roster.terms.plan')}</Link> · <Link to={`${base}/import?term=${term.id}`}>{t('roster.overview.import')}</Link> ·{' '}
        <a href={`${base}/export.csv?term=${term.id}&on=${data.on}`}>{t('roster.overview.export')} CSV</a> · <a href={`${base}/export.json?term=${term.id}&on=${data.on}`}>JSON</a>
      </p>
      {actionData?.done ? <p role="status">{t('roster.saved')}</p> : null}

      <section aria-labelledby="roster-title">
        <h2 id="roster-title">{t('roster.page.asOf', { term: term.name, date: formatDate(data.on, locale) })}</h2>
        {mismatches.length > 0 ? (
          <div className="notice" role="status">
            <p>{t('roster.page.mismatchIntro')}</p>
            <ul>
              {mismatches.map((g) => (
                <li key={g.key}>
                  {g.category?.nameFi ?? t(`roles.${g.role ?? 'member'}`)}:{' '}
                  {t(g.mismatch === 'over' ? 'roster.page.over' : 'roster.page.under', { members: g.actualMembers, plannedMembers: g.plannedMembers, deputies: g.actualDeputies, plannedDeputies: g.plannedDeputies })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <RosterView roster={data.roster} locale={locale} showWarnings />
      </section>

      {data.ending ? (
        <section aria-labelledby="end-title">
          <h2 id="end-title">{t('roster.end.title', { name: data.ending.personName })}</h2>
          <EndForm membership={data.ending} deputies={endDeputies} people={data.people} lastResult={actionData?.intent === 'end' ? actionData.result : undefined} duplicates={actionData?.intent === 'end' ? actionData.duplicates : []} />
        </section>
      ) : null}

      <section aria-labelledby="assign-title">
        <h2 id="assign-title">{t('roster.assign.title')}</h2>
        <AssignForm
          termId={term.id}
          termStart={term.startDate}
          people={data.people}
          categories={data.categories}
          principals={principals}
          lastResult={actionData?.intent === 'assign' ? actionData.result : undefined}
          duplicates={actionData?.intent === 'assign' ? actionData.duplicates : []}
        />
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('roster.history.title')}</h2>
        <MembershipHistory
          memberships={data.memberships}
          locale={locale}
          endLink={(id) => `?term=${term.id}&end=${id}#end-title`}
          inviteLink={(m) => `/admin/invite?${new URLSearchParams({ person: m.personId ?? '', council: council.id })}`}
        />
      </section>

      <section aria-labelledby="officers-title">
        <h2 id="officers-title">{t('roster.officers.title')}</h2>
        {data.officers.length === 0 ? (
          <p className="muted">{t('roster.officers.none')}</p>
        ) : (
          <table>
            <caption className="visually-hidden">{t('roster.officers.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.history.role')}</th>
                <th scope="col">{t('roster.history.person')}</th>
                <th scope="col">{t('roster.page.term')}</th>
                <th scope="col">{t('roster.history.period')}</th>
              </tr>
            </thead>
            <tbody>
              {data.officers.map((o) => (
                <tr key={o.id}>
                  <td>{t(`roles.${o.role}`)}</td>
                  <th scope="row">{o.personName}</th>
                  <td>{o.termName}</td>
                  <td>
                    {formatDate(o.startDate, locale)} – {o.endDate ? formatDate(o.endDate, locale) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
