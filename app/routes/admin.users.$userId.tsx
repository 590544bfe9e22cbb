import { getFormProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { can } from '~/auth/permissions';
import { grantSubject, managedScope, managesAnything, type ManagedScope } from '~/auth/role-scope';
import { requireUser } from '~/auth/session.server';
import { ErrorList } from '~/components/form';
import { councilLabel } from '~/lib/council-label';
import { formatDate } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { readForm } from '~/lib/http/body.server';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { getCouncilScope } from '~/models/admin.server';
import { listCouncilsInScope } from '~/models/councils.server';
import {
  getUserWithGrants,
  grantRole,
  listRegionsForPicker,
  revokeRole,
  userInScope,
} from '~/models/role-grants.server';
import {
  INVITE_ROLES,
  ROLE_INTENTS,
  roleChangeSchema,
  type grantAdminSchema,
  type grantCouncilSchema,
  type grantRegionSchema,
} from '~/validation/admin';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

/**
 * One user's roles: who may see the page and change which grant follows can(…, 'role.manage', …)
 * with the grant's council, region or (admin) nothing as the subject. Someone who manages nothing
 * this user has to do with gets a 404.
 */
async function loadTarget(request: Request, userId: string | undefined) {
  const auth = await requireUser(request);
  const scope = managedScope(auth.principal);
  if (!managesAnything(scope) || !z.string().uuid().safeParse(userId).success)
    throw new Response('Not found', { status: 404 });
  const target = await getUserWithGrants(userId!);
  if (!target || !(await userInScope(target.user, scope))) throw new Response('Not found', { status: 404 });
  return { auth, scope, target };
}

async function pickers(scope: ManagedScope) {
  const [councils, regions] = await Promise.all([
    listCouncilsInScope({ all: scope.all, ids: scope.councilIds, regionIds: scope.regionIds }),
    listRegionsForPicker({ all: scope.all, ids: scope.regionIds }),
  ]);
  return { councils: councils.map((c) => ({ id: c.id, label: councilLabel(c.nameFi, c.regionNameFi) })), regions };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, scope, target } = await loadTarget(request, params.userId);
  const { councils, regions } = await pickers(scope);
  return json({
    user: {
      id: target.user.id,
      email: target.user.email,
      displayName: target.user.displayName,
      disabled: target.user.disabledAt !== null,
    },
    grants: target.grants.map((g) => ({ ...g, mayRevoke: can(auth.principal, 'role.manage', grantSubject(g)) })),
    councils,
    regions,
    mayGrantAdmin: can(auth.principal, 'role.manage', {}),
    mayList: auth.principal.isAdmin || auth.principal.regionAdmin.size > 0,
  });
}

type Intent = (typeof ROLE_INTENTS)[keyof typeof ROLE_INTENTS];

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, target } = await loadTarget(request, params.userId);
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: roleChangeSchema });
  const intent = (Object.values(ROLE_INTENTS) as string[]).includes(String(submission.payload.intent))
    ? (submission.payload.intent as Intent)
    : null;
  const reply = (status: number, options?: Parameters<typeof translatedReply>[2]) =>
    json(
      { intent, result: translatedReply(submission, t, options), done: null as null | 'granted' | 'revoked' },
      { status },
    );
  if (submission.status !== 'success') return reply(400);
  const value = submission.value;
  const notAllowed = t('admin.roles.errors.notAllowed');

  if (value.intent === ROLE_INTENTS.revoke) {
    const grant = target.grants.find((g) => g.id === value.grantId);
    if (!grant) return reply(409, { formErrors: [t('admin.roles.errors.gone')] });
    if (!can(auth.principal, 'role.manage', grantSubject(grant))) return reply(403, { formErrors: [notAllowed] });
    const result = await revokeRole(auth.actor, target.user.id, grant.id);
    if (!result.ok)
      return reply(409, {
        formErrors: [t(result.reason === 'last_admin' ? 'admin.roles.errors.lastAdmin' : 'admin.roles.errors.gone')],
      });
    return json({ intent, result: translatedReply(submission, t, { resetForm: true }), done: 'revoked' as const });
  }

  let outcome;
  if (value.intent === ROLE_INTENTS.council) {
    const council = await getCouncilScope(value.councilId);
    if (!council) return reply(400, { fieldErrors: { councilId: [t('admin.roles.errors.noScope')] } });
    if (!can(auth.principal, 'role.manage', { councilId: council.id, regionId: council.regionId }))
      return reply(403, { fieldErrors: { councilId: [notAllowed] } });
    outcome = await grantRole(auth.actor, target.user.id, { role: value.role, councilId: council.id });
    if (!outcome.ok && outcome.reason === 'duplicate')
      return reply(400, { fieldErrors: { role: [t('admin.roles.errors.duplicate')] } });
  } else if (value.intent === ROLE_INTENTS.region) {
    if (!can(auth.principal, 'role.manage', { regionId: value.regionId }))
      return reply(403, { fieldErrors: { regionId: [notAllowed] } });
    outcome = await grantRole(auth.actor, target.user.id, { role: 'region_admin', regionId: value.regionId });
    if (!outcome.ok && outcome.reason === 'duplicate')
      return reply(400, { fieldErrors: { regionId: [t('admin.roles.errors.duplicate')] } });
    if (!outcome.ok && outcome.reason === 'no_scope')
      return reply(400, { fieldErrors: { regionId: [t('admin.roles.errors.noScope')] } });
  } else {
    if (!can(auth.principal, 'role.manage', {})) return reply(403, { formErrors: [notAllowed] });
    outcome = await grantRole(auth.actor, target.user.id, { role: 'admin' });
    if (!outcome.ok && outcome.reason === 'duplicate')
      return reply(400, { formErrors: [t('admin.roles.errors.duplicate')] });
  }
  if (!outcome.ok) return reply(404, { formErrors: [t('admin.roles.errors.noScope')] });
  return json({ intent, result: translatedReply(submission, t, { resetForm: true }), done: 'granted' as const });
}

export default function UserRolesPage() {
  const { user, grants, councils, regions, mayGrantAdmin, mayList } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const resultFor = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined);
  const [councilForm, councilFields] = useForm<z.input<typeof grantCouncilSchema>>({
    id: 'grant-council',
    lastResult: resultFor(ROLE_INTENTS.council),
  });
  const [regionForm, regionFields] = useForm<z.input<typeof grantRegionSchema>>({
    id: 'grant-region',
    lastResult: resultFor(ROLE_INTENTS.region),
  });
  const [adminForm] = useForm<z.input<typeof grantAdminSchema>>({
    id: 'grant-admin',
    lastResult: resultFor(ROLE_INTENTS.admin),
  });
  const revokeResult = resultFor(ROLE_INTENTS.revoke);
  const revokeErrors = revokeResult?.error?.[''] ?? null;
  const roleName = (role: string) =>
    role === 'admin'
      ? t('admin.roles.admin')
      : role === 'region_admin'
        ? t('ws.roles.regionAdmin')
        : t(`roles.${role}`);
  const scopeName = (g: (typeof grants)[number]) =>
    g.councilNameFi ? councilLabel(g.councilNameFi, g.regionNameFi) : (g.regionNameFi ?? t('admin.roles.everywhere'));
  return (
    <>
      <h1>{t('admin.roles.title', { name: user.displayName })}</h1>
      <p>
        {user.email}
        {user.disabled ? ` · ${t('admin.userList.disabled')}` : ''}
      </p>
      {mayList ? (
        <p>
          <Link to="/admin/users">{t('admin.roles.back')}</Link>
        </p>
      ) : null}
      {actionData?.done ? (
        <p role="status" className="notice">
          {t(actionData.done === 'granted' ? 'admin.roles.granted' : 'admin.roles.revoked')}
        </p>
      ) : null}

      <section aria-labelledby="grants-title">
        <h2 id="grants-title">{t('admin.roles.current')}</h2>
        <ErrorList id="revoke-errors" errors={revokeErrors} />
        {grants.length === 0 ? (
          <p className="muted">{t('admin.roles.none')}</p>
        ) : (
          <table>
            <caption className="visually-hidden">{t('admin.roles.current')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.roles.role')}</th>
                <th scope="col">{t('admin.roles.scope')}</th>
                <th scope="col">{t('admin.roles.since')}</th>
                <th scope="col">{t('admin.roles.grantedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.roles.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{roleName(g.role)}</th>
                  <td>{scopeName(g)}</td>
                  <td>{formatDate(g.grantedAt, locale)}</td>
                  <td>{g.grantedBy ?? ''}</td>
                  <td>
                    {g.mayRevoke ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value={ROLE_INTENTS.revoke} />
                        <input type="hidden" name="grantId" value={g.id} />
                        <button
                          type="submit"
                          className="secondary"
                          aria-label={t('admin.roles.revokeLabel', { role: roleName(g.role), scope: scopeName(g) })}
                        >
                          {t('admin.roles.revoke')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {councils.length > 0 ? (
        <section aria-labelledby="grant-council-title">
          <h2 id="grant-council-title">{t('admin.roles.grantCouncil')}</h2>
          <Form method="post" className="stack" {...getFormProps(councilForm)}>
            <input type="hidden" name="intent" value={ROLE_INTENTS.council} />
            <ErrorList id={councilForm.errorId} errors={councilForm.errors} />
            <div className="field">
              <label htmlFor={councilFields.councilId.id}>{t('admin.roles.council')}</label>
              <select {...getSelectProps(councilFields.councilId)} key={councilFields.councilId.key}>
                <option value="">{t('admin.roles.chooseCouncil')}</option>
                {councils.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
              <ErrorList id={councilFields.councilId.errorId} errors={councilFields.councilId.errors} />
            </div>
            <div className="field">
              <label htmlFor={councilFields.role.id}>{t('admin.roles.role')}</label>
              <select {...getSelectProps(councilFields.role)} key={councilFields.role.key}>
                {INVITE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
              <ErrorList id={councilFields.role.errorId} errors={councilFields.role.errors} />
            </div>
            <div>
              <button type="submit">{t('admin.roles.submit')}</button>
            </div>
          </Form>
        </section>
      ) : null}

      {regions.length > 0 ? (
        <section aria-labelledby="grant-region-title">
          <h2 id="grant-region-title">{t('admin.roles.grantRegion')}</h2>
          <Form method="post" className="stack" {...getFormProps(regionForm)}>
            <input type="hidden" name="intent" value={ROLE_INTENTS.region} />
            <ErrorList id={regionForm.errorId} errors={regionForm.errors} />
            <div className="field">
              <label htmlFor={regionFields.regionId.id}>{t('admin.roles.region')}</label>
              <select {...getSelectProps(regionFields.regionId)} key={regionFields.regionId.key}>
                <option value="">{t('admin.roles.chooseRegion')}</option>
                {regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.nameFi}
                  </option>
                ))}
              </select>
              <ErrorList id={regionFields.regionId.errorId} errors={regionFields.regionId.errors} />
            </div>
            <div>
              <button type="submit">{t('admin.roles.submit')}</button>
            </div>
          </Form>
        </section>
      ) : null}

      {mayGrantAdmin ? (
        <section aria-labelledby="grant-admin-title">
          <h2 id="grant-admin-title">{t('admin.roles.grantAdmin')}</h2>
          <p id="grant-admin-hint" className="muted">
            {t('admin.roles.grantAdminHint')}
          </p>
          <Form method="post" {...getFormProps(adminForm)}>
            <input type="hidden" name="intent" value={ROLE_INTENTS.admin} />
            <ErrorList id={adminForm.errorId} errors={adminForm.errors} />
            <button type="submit" className="secondary" aria-describedby="grant-admin-hint">
              {t('admin.roles.submitAdmin')}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
