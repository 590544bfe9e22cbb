import { getFormProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { formatDate } from '~/lib/dates';
import { centsToEuros, formatEuros } from '~/lib/fees';
import { translatedReply } from '~/lib/forms.server';
import { readForm } from '~/lib/http/body.server';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { requireMeetingPermission } from '~/models/agendas.server';
import { listClaimableMeetings, saveClaim } from '~/models/fees.server';
import { ACCESSIBILITY_TYPES, claimSchema, feeRefusalKey } from '~/validation/fees';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/** The signed-in person's meetings of the last year that the minutes record them attending, with their travel claims. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const meetings = user.personId ? await listClaimableMeetings(user.personId) : [];
  const selectedId = new URL(request.url).searchParams.get('meeting');
  return json(
    {
      meetings: meetings.map((m) => ({
        meetingId: m.meetingId,
        title: m.title,
        councilNameFi: m.councilNameFi,
        councilNameSv: m.councilNameSv,
        councilNameEn: m.councilNameEn,
        firstDay: m.firstDay,
        lastDay: m.lastDay,
        pays: m.ruleKind === 'per_meeting',
        kmRateCents: m.kmRateCents,
        claim: m.claim
          ? {
              travelDate: m.claim.travelDate,
              km: m.claim.km,
              ticketCents: m.claim.ticketCents,
              accessibilityCents: m.claim.accessibilityCents,
              accessibilityType: m.claim.accessibilityType,
              note: m.claim.note,
              status: m.claim.status,
              rejectReason: m.claim.rejectReason,
              lockVersion: m.claim.lockVersion,
            }
          : null,
      })),
      selectedId: meetings.some((m) => m.meetingId === selectedId) ? selectedId : null,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

type Reply = { result?: ReturnType<typeof translatedReply>; message?: string; error?: string };

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { t } = await getT(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: claimSchema });
  if (submission.status !== 'success') return json<Reply>({ result: translatedReply(submission, t) }, { status: 400 });
  // The right follows the meeting (a seat or role on its date); the model checks attendance itself.
  const { actor } = await requireMeetingPermission(request, submission.value.meetingId, 'claim.submit');
  if (!user.personId)
    return json<Reply>(
      { result: translatedReply(submission, t, { fieldErrors: { meetingId: [t('fees.errors.notAttended')] } }) },
      { status: 400 },
    );
  const outcome = await saveClaim(actor, user.personId, submission.value);
  if (outcome.status !== 'ok') {
    const params = outcome.params?.firstDay
      ? {
          date:
            outcome.params.firstDay === outcome.params.lastDay
              ? outcome.params.firstDay
              : `${outcome.params.firstDay} – ${outcome.params.lastDay}`,
        }
      : undefined;
    const message = t(feeRefusalKey(outcome.status), params);
    const fieldErrors = outcome.field && outcome.field !== 'meetingId' ? { [outcome.field]: [message] } : undefined;
    return json<Reply>(
      { result: translatedReply(submission, t, { fieldErrors, formErrors: fieldErrors ? undefined : [message] }) },
      { status: outcome.status === 'conflict' ? 409 : 400 },
    );
  }
  return json<Reply>({
    result: translatedReply(submission, t),
    message: t(submission.value.intent === 'submit-claim' ? 'fees.my.submitted' : 'fees.my.saved'),
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['meetings'][number];

const euroField = (cents: number) => (cents === 0 ? '' : centsToEuros(cents).replace('.', ','));

function ClaimForm({ meeting, lastResult }: { meeting: Row; lastResult?: Reply['result'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const claim = meeting.claim;
  const [form, fields] = useForm<z.input<typeof claimSchema>>({
    id: `claim-${meeting.meetingId}-${claim?.lockVersion ?? 0}`,
    lastResult,
    defaultValue: {
      meetingId: meeting.meetingId,
      travelDate: claim?.travelDate ?? meeting.firstDay,
      km: claim ? String(claim.km) : '',
      tickets: claim ? euroField(claim.ticketCents) : '',
      accessibilityCosts: claim ? euroField(claim.accessibilityCents) : '',
      accessibilityType: claim?.accessibilityType ?? '',
      note: claim?.note ?? '',
    },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="meetingId" value={meeting.meetingId} />
      {claim ? <input type="hidden" name="lockVersion" value={claim.lockVersion} /> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field meta={fields.travelDate} type="date" label={t('fees.my.travelDate')} />
      <Field
        meta={fields.km}
        type="number"
        label={t('fees.my.km')}
        hint={t('fees.my.kmHint', { rate: formatEuros(meeting.kmRateCents, locale) })}
      />
      <Field meta={fields.tickets} label={t('fees.my.tickets')} />
      <Field
        meta={fields.accessibilityCosts}
        label={t('fees.my.accessibilityCosts')}
        hint={t('fees.my.accessibilityHint')}
      />
      <div className="field">
        <label htmlFor={fields.accessibilityType.id}>{t('fees.my.accessibilityType')}</label>
        <select {...getSelectProps(fields.accessibilityType)} key={fields.accessibilityType.key}>
          <option value="">{t('fees.my.chooseType')}</option>
          {ACCESSIBILITY_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`fees.accessibilityTypes.${k}`)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.accessibilityType.errorId} errors={fields.accessibilityType.errors} />
      </div>
      <TextareaField meta={fields.note} label={t('fees.my.note')} rows={3} />
      <div className="button-row">
        <button type="submit" name="intent" value="submit-claim">
          {t('fees.my.submit')}
        </button>{' '}
        {!claim || claim.status === 'draft' || claim.status === 'rejected' ? (
          <button type="submit" name="intent" value="save-claim" className="secondary">
            {t('fees.my.saveDraft')}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

export default function MyClaimsPage() {
  const { meetings, selectedId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const selected = meetings.find((m) => m.meetingId === selectedId) ?? null;
  const euros = (cents: number) => formatEuros(cents, locale);
  return (
    <>
      <h1>{t('fees.my.title')}</h1>
      <p className="muted">{t('fees.my.intro')}</p>
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {!selected && actionData?.result?.error ? (
        <ErrorList errors={Object.values(actionData.result.error).flatMap((e) => e ?? [])} />
      ) : null}
      {meetings.length === 0 ? (
        <p className="muted">{t('fees.my.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t('fees.my.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fees.manage.travelDate')}</th>
                <th scope="col">{t('fees.my.meeting')}</th>
                <th scope="col">{t('fees.my.council')}</th>
                <th scope="col">{t('fees.my.claim')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.meetingId}>
                  <td>{formatDate(m.firstDay, locale)}</td>
                  <th scope="row">{m.title}</th>
                  <td>
                    {
                      localized(
                        { nameFi: m.councilNameFi, nameSv: m.councilNameSv, nameEn: m.councilNameEn },
                        'name',
                        locale,
                      ).text
                    }
                  </td>
                  <td>
                    {!m.pays ? (
                      t('fees.my.noFees')
                    ) : (
                      <>
                        {m.claim ? `${t(`fees.statuses.${m.claim.status}`)} · ` : ''}
                        <Link
                          to={`?meeting=${m.meetingId}`}
                          aria-current={m.meetingId === selectedId ? 'page' : undefined}
                        >
                          {m.claim
                            ? m.claim.status === 'approved'
                              ? t('fees.my.show')
                              : t('fees.my.edit')
                            : t('fees.my.apply')}
                          <span className="visually-hidden">: {m.title}</span>
                        </Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && selected.pays ? (
        <section aria-labelledby="claim-title">
          <h2 id="claim-title">{t('fees.my.formTitle', { title: selected.title })}</h2>
          {selected.claim?.status === 'rejected' && selected.claim.rejectReason ? (
            <p className="error-text">{t('fees.my.rejectedBecause', { reason: selected.claim.rejectReason })}</p>
          ) : null}
          {selected.claim?.status === 'approved' ? (
            <>
              <p>{t('fees.my.final')}</p>
              <dl>
                <dt>{t('fees.my.travelDate')}</dt>
                <dd>{formatDate(selected.claim.travelDate, locale)}</dd>
                <dt>{t('fees.my.km')}</dt>
                <dd>{selected.claim.km}</dd>
                <dt>{t('fees.my.tickets')}</dt>
                <dd>{euros(selected.claim.ticketCents)}</dd>
                <dt>{t('fees.my.accessibilityCosts')}</dt>
                <dd>{euros(selected.claim.accessibilityCents)}</dd>
              </dl>
            </>
          ) : (
            <ClaimForm meeting={selected} lastResult={actionData?.result} />
          )}
          <p>
            <Link to="/my/claims">{t('fees.my.back')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
