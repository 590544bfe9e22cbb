import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server.js';
import { describe, expect, it } from 'vitest';
import { CalendarMonth, monthBounds, monthWeeks, shiftMonth, type MonthMeeting } from '../../app/components/calendar-month';
import { helsinkiWallClock, toIsoWithOffset } from '../../app/lib/dates';
import { i18nConfig } from '../../app/lib/i18n';
import { resources } from '../../app/lib/i18n-resources';

/** Renders the grid inside a data router whose root loader says the locale, as the app's root does. */
async function render(month: string, meetings: MonthMeeting[], lng: 'fi' | 'sv' | 'en' = 'fi') {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng, resources });
  const routes = [
    {
      id: 'root',
      path: '/',
      loader: () => ({ locale: lng }),
      element: createElement(CalendarMonth, {
        month,
        meetings,
        now: '2026-03-10T10:00:00Z',
        hrefFor: (m: MonthMeeting) => `/manage/meetings/${m.id}`,
        monthHref: (m: string) => `/x?view=month&month=${m}`,
      }),
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request('http://localhost/'));
  if (context instanceof Response) throw new Error('unexpected response');
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context, hydrate: false })));
}

describe('month grid', () => {
  it('is a table with a caption, weekday headers with abbr, and meetings as links in their day cells', async () => {
    const html = await render('2026-03', [
      { id: 'a', title: 'Kevätkokous', startsAt: helsinkiWallClock('2026-03-31', '13:00'), status: 'invited' },
      { id: 'b', title: 'Peruttu', startsAt: helsinkiWallClock('2026-03-02', '09:00'), status: 'cancelled' },
    ]);
    expect(html).toContain('<caption>maaliskuu 2026</caption>');
    expect(html).toMatch(/<th scope="col" abbr="maanantai">ma<\/th>/);
    expect((html.match(/<th scope="col"/g) ?? []).length).toBe(7);
    expect(html).toContain('href="/manage/meetings/a"');
    expect(html).toMatch(/13\.00 Kevätkokous/);
    expect(html).toContain('(Peruttu)');
    expect(html).toContain('href="/x?view=month&amp;month=2026-02"');
    expect(html).toContain('href="/x?view=month&amp;month=2026-04"');
    expect(html).toMatch(/<td aria-current="date"/);
    // 2026-03-01 is a Sunday: the first week has six blank days before it.
    expect(monthWeeks('2026-03')[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
  });

  it('writes each locale its own way', async () => {
    const html = await render('2026-10', [{ id: 'a', title: 'Möte', startsAt: helsinkiWallClock('2026-10-27', '13:00'), status: 'planned' }], 'sv');
    expect(html).toContain('<caption>oktober 2026</caption>');
    expect(html).toMatch(/abbr="måndag"/);
    const en = await render('2026-10', [], 'en');
    expect(en).toContain('<caption>October 2026</caption>');
    expect(en).toContain('No meetings this month.');
  });

  it('bounds a month at Helsinki midnights, across DST', () => {
    const march = monthBounds('2026-03');
    expect(toIsoWithOffset(march.from)).toBe('2026-03-01T00:00:00+02:00');
    expect(toIsoWithOffset(march.to)).toBe('2026-04-01T00:00:00+03:00');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });
});
