import type { LoaderFunctionArgs } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { createInstance } from 'i18next';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { Outlet, type RouteObject } from 'react-router-dom';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server';
import { i18nConfig } from '../../app/lib/i18n';
import { resources } from '../../app/lib/i18n-resources';
import { getDb } from '../../db/client.server';
import { agendaItems, type NewCouncil, type NewMeeting } from '../../db/schema';
import type { Who } from '../../app/models/agendas.server';
import { buildUser } from '../support/requests';
import { buildCategory, buildCouncil, buildMeeting, buildMembership, buildPerson, buildTerm } from './index';

/** An audit actor for calling models directly. */
export function testWho(council: { id: string; regionId: string }, label = 'test'): Who {
  return { councilId: council.id, regionId: council.regionId, actor: { userId: null, label, ip: '127.0.0.1' } };
}

/**
 * A council with `members` seats (each with a personal deputy), a chair and a secretary who
 * are users, two member users who can act as checkers, and one meeting.
 */
export async function buildRecordsSetup(opts: { members?: number; council?: Partial<NewCouncil>; meeting?: Partial<NewMeeting> } = {}) {
  const council = await buildCouncil(opts.council);
  const term = await buildTerm(council.id, { startDate: '2020-01-01', endDate: '2099-12-31' });
  const category = await buildCategory(term.id, { nameFi: 'Lapset ja perheet', memberSeats: 20, deputySeats: 20 });
  const seats: Array<{ personId: string; membershipId: string; deputyPersonId: string; deputyMembershipId: string; name: string }> = [];
  for (let i = 0; i < (opts.members ?? 4); i++) {
    const person = await buildPerson({ givenName: `Jäsen${i + 1}` });
    const deputy = await buildPerson({ givenName: `Varajäsen${i + 1}` });
    const m = await buildMembership(term.id, person.id, { categoryId: category.id, startDate: '2020-01-01' });
    const d = await buildMembership(term.id, deputy.id, { role: 'deputy', categoryId: category.id, principalId: m.id, startDate: '2020-01-01' });
    seats.push({ personId: person.id, membershipId: m.id, deputyPersonId: deputy.id, deputyMembershipId: d.id, name: `${person.givenName} ${person.familyName}` });
  }
  const secretaryPerson = await buildPerson({ givenName: 'Sihteeri' });
  await buildMembership(term.id, secretaryPerson.id, { role: 'secretary', startDate: '2020-01-01' });
  const secretary = await buildUser({ personId: secretaryPerson.id, grants: [{ role: 'secretary', councilId: council.id }] });
  const checkerA = await buildUser({ personId: seats[0]!.personId });
  const checkerB = await buildUser({ personId: seats[1]!.personId });
  const meeting = await buildMeeting(council.id, { termId: term.id, title: 'Kokous 1/2026', ...opts.meeting });
  return { council, term, category, seats, secretary, secretaryPerson, checkerA, checkerB, meeting, who: testWho(council) };
}

/** Inserts agenda items straight into the table (for setting up states the UI reaches in many steps). */
export async function insertItems(
  meeting: { id: string; councilId: string },
  items: Array<Partial<typeof agendaItems.$inferInsert> & { title: string }>,
) {
  const rows = await getDb()
    .insert(agendaItems)
    .values(items.map((item, i) => ({ meetingId: meeting.id, councilId: meeting.councilId, position: i + 1, ...item })))
    .returning();
  return rows;
}

/** The items of a meeting in order. */
export async function itemsOf(meetingId: string) {
  return getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(agendaItems.position);
}

/**
 * Renders a route module the way the server would: its real loader runs inside a react-router
 * static handler (with a root route answering `useLocale`), then the component is rendered to
 * HTML with i18n in the given language. Returns the status and the HTML.
 */
export async function renderRoute(
  route: { loader: (args: LoaderFunctionArgs) => unknown; default: ComponentType },
  pattern: string,
  request: Request,
  locale: 'fi' | 'sv' | 'en' = 'fi',
): Promise<{ status: number; html: string }> {
  const routes: RouteObject[] = [
    {
      id: 'root',
      path: '/',
      loader: () => ({ locale }),
      element: createElement(Outlet),
      children: [
        {
          id: 'page',
          path: pattern.replace(/^\//, ''),
          loader: async ({ request: r, params }) => (await route.loader({ request: r, params, context: {} })) as Response,
          element: createElement(route.default),
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(request);
  if (context instanceof Response) return { status: context.status, html: '' };
  if (context.errors) {
    const error = Object.values(context.errors)[0];
    return { status: error instanceof Response ? error.status : (error as { status?: number })?.status ?? 500, html: '' };
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, resources, lng: locale });
  const html = renderToString(
    createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context, hydrate: false })),
  );
  return { status: context.statusCode, html };
}
