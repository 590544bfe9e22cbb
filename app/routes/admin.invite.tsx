import { getFormProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { can } from '~/auth/permissions';
import { requireUser, type RequestAuth } from '~/auth/session.server';
import { ErrorList, Field } from '~/components/form';
import { translatedReply } from '~/lib/forms.server';
import { sendMail } from '~/lib/mail.server';
import { getT } from '~/lib/t.server';
import { absoluteUrl } from '~/lib/url.server';
import { getCouncilScope } from '~/models/admin.server';
import { listCouncilsInScope } from '~/models/councils.server';
import { getPersonInScope, peopleScopeFor } from '~/models/people.server';
import { councilLabel } from '~/lib/council-label';
import { createInvitation, INVITATION_DAYS } from '~/models/users.server';
import { INVITE_ROLES, inviteSchema } from '~/validation/admin';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

function secretaryCouncils(auth: RequestAuth) {
  return [...auth.principal.councilRoles.entries()].filter(([, roles]) => roles.has('secretary')).map(([id]) => id);
}

async function invitable(auth: RequestAuth) {
  return listCouncilsInScope({ all: auth.principal.isAdmin, ids: secretaryCouncils(auth), regionIds: [...auth.principal.regionAdmin] });
}

/**
 * The form, optionally prefilled from a roster row (?person=…&council=…): the person's email when
 * the person is in the inviter's scope, and the council when the inviter may invite to it. A
 * person with a stored email is linked to the account on acceptance, so their seats give the
 * rights (and end with the seat) and no role is suggested; without an email, the member role is.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const councils = await invitable(auth);
  if (!auth.principal.isAdmin && councils.length === 0) throw new Response('Not found', { status: 404 });
  const url = new URL(request.url);
  const personId = url.searchParams.get('person');
  const person = personId ? await getPersonInScope(personId, await peopleScopeFor(auth.principal)) : null;
  const council = councils.find((c) => c.id === url.searchParams.get('council')) ?? null;
  return json({
    councils: councils.map((c) => ({ id: c.id, label: councilLabel(c.nameFi, c.regionNameFi) })),
    mayInviteWithoutCouncil: auth.principal.isAdmin,
    person: person ? { name: `${person.givenName} ${person.familyName}`, hasEmail: Boolean(person.email) } : null,
    defaults: {
      email: person?.email ?? '',
      councilId: council?.id ?? '',
      role: person && council && !person.email ? 'member' : '',
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  if (!auth.principal.isAdmin && auth.principal.regionAdmin.size === 0 && secretaryCouncils(auth).length === 0) {
    throw new Response('Not found', { status: 404 });
  }
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: inviteSchema });
  if (submission.status !== 'success') return json({ result: translatedReply(submission, t), sent: null }, { status: 400 });
  const { email, councilId, role } = submission.value;
  const scope = councilId ? await getCouncilScope(councilId) : null;
  const allowed = councilId
    ? scope !== null && can(auth.principal, 'user.invite', { councilId, regionId: scope.regionId })
    : auth.principal.isAdmin;
  if (!allowed) {
    return json({ result: translatedReply(submission, t, { fieldErrors: { councilId: [t('admin.invite.notAllowed')] } }), sent: null }, { status: 403 });
  }
  const { token } = await createInvitation({ email, councilId: councilId ?? null, grantRole: role ?? null, actor: auth.actor });
  await sendMail({
    to: email,
    subject: t('auth.inviteMail.subject'),
    text: t('auth.inviteMail.text', {
      council: scope ? ` (${scope.nameFi})` : '',
      url: absoluteUrl(request, `/invite/${token}`),
      days: INVITATION_DAYS,
    }),
    councilId: councilId ?? null,
  });
  return json({ result: translatedReply(submission, t, { resetForm: true }), sent: email });
}

export default function InvitePage() {
  const { councils, mayInviteWithoutCouncil, person, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof inviteSchema>>({
    lastResult: actionData?.result,
    defaultValue: { email: defaults.email, councilId: defaults.councilId, role: (defaults.role || undefined) as z.input<typeof inviteSchema>['role'] },
  });
  return (
    <>
      <h1>{t('admin.invite.title')}</h1>
      {actionData?.sent ? <p role="status">{t('admin.invite.sent', { email: actionData.sent })}</p> : null}
      {person && !actionData?.sent ? (
        <p>
          {t('admin.inviteFromRoster.person', { name: person.name })}
          {person.hasEmail ? null : <> {t('admin.inviteFromRoster.noEmail')}</>}
        </p>
      ) : null}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field meta={fields.email} label={t('admin.invite.email')} type="email" />
        <div className="field">
          <label htmlFor={fields.councilId.id}>{t('admin.invite.council')}</label>
          <select {...getSelectProps(fields.councilId)} key={fields.councilId.key}>
            {mayInviteWithoutCouncil ? <option value="">{t('admin.invite.noCouncil')}</option> : null}
            {councils.map((c) => (
              <option key={c.id} value={c.id}>
                {/* Two councils may share a name ("Järjestöfoorumi"): the region tells them apart. */}
                {c.label}
              </option>
            ))}
          </select>
          <ErrorList id={fields.councilId.errorId} errors={fields.councilId.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.role.id}>{t('admin.invite.role')}</label>
          <select {...getSelectProps(fields.role)} key={fields.role.key}>
            <option value="">{t('admin.invite.noRole')}</option>
            {INVITE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
        </div>
        <div>
          <button type="submit">{t('admin.invite.submit')}</button>
        </div>
      </Form>
    </>
  );
}
