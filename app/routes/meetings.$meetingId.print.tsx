import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RecordsItemList } from '~/components/records-items';
import { RecordsAttendance, RecordsCheckers, RecordsVersionFacts } from '~/components/records-minutes';
import { formatMeetingTime } from '~/lib/dates';
import { isLocale, localized, metaLocale, pickLang, type Locale } from '~/lib/i18n';
import { ContentLocale, LangText } from '~/components/lang-text';
import { createMessageI18n, type MessageTree } from '~/lib/i18n-client';
import { resources } from '~/lib/i18n-resources.server';
import { councilLanguage } from '~/models/agendas.server';
import { loadPrintable, publicMeetingFacts, toItemView } from '~/models/minutes.server';
import { docParam, versionParam } from '~/validation/records';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${pickLang(data.meeting.titles, metaLocale(matches))?.text ?? data.meeting.title} – Neuvos` : 'Neuvos' },
];

/** Printable HTML of the agenda or minutes (`?doc=agenda|minutes`, `?view=members`, `?version=n`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const printable = await loadPrintable(request, params.meetingId, docParam(url), {
    members: url.searchParams.get('view') === 'members',
    version: versionParam(url),
  });
  const asked = url.searchParams.get('lng');
  const language: Locale = isLocale(asked) ? asked : councilLanguage(printable.scope);
  const headers = { 'Cache-Control': printable.audience === 'public' ? 'public, max-age=60' : 'private, no-store' };
  return json(
    {
      meeting: publicMeetingFacts(printable.scope),
      // `?lng=` asks for a language version (as for the PDF); otherwise the council's language. Only
      // the areas the page uses travel (the route module does not carry every language's strings).
      language,
      strings: printStrings(language),
      doc: printable.doc,
      agenda: printable.agenda,
      minutes: printable.minutes
        ? {
            version: printable.minutes.version,
            items: printable.minutes.items.map(toItemView),
            attendees: printable.minutes.attendees,
            checkers: printable.minutes.checkers,
          }
        : null,
    },
    { headers },
  );
}

/** The message areas the printable agenda and minutes use (this route and records-items/-minutes). */
function printStrings(language: Locale) {
  const { meetings, records, ws, content } = resources[language].common;
  return { meetings, records, ws, content };
}

/** Translations in the council's language, whatever language the visitor browses in. */
function useCouncilI18n(language: Locale, strings: MessageTree) {
  // The same small translator as every hydrating page (docs/decisions/009), on the server too.
  return useMemo(() => createMessageI18n(language, strings), [language, strings]);
}

function PrintBody() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = data.language;
  const name = localized(data.meeting, 'councilName', locale);
  return (
    <article className="records-print" lang={locale}>
      <p className="muted">{name.text}</p>
      <h1>{data.doc === 'agenda' ? t('records.agenda') : t('records.minutes')}</h1>
      <p>
        <strong>
          <LangText texts={data.meeting.titles} fallbackText={data.meeting.title} />
        </strong>
        <br />
        {formatMeetingTime(data.meeting.startsAt, data.meeting.endsAt, locale)}
        {data.meeting.address ? (
          <>
            <br />
            {[data.meeting.address, data.meeting.room].filter(Boolean).join(', ')}
          </>
        ) : null}
      </p>
      {data.agenda ? <RecordsItemList items={data.agenda} /> : null}
      {data.minutes ? (
        <>
          <RecordsVersionFacts version={data.minutes.version} locale={locale} />
          <RecordsAttendance attendees={data.minutes.attendees} />
          <h2>{t('records.minutesPage.items')}</h2>
          <RecordsItemList items={data.minutes.items} showMinutes />
          <RecordsCheckers checkers={data.minutes.checkers} locale={locale} />
        </>
      ) : null}
    </article>
  );
}

export default function PrintPage() {
  const { language, strings } = useLoaderData<typeof loader>();
  const i18n = useCouncilI18n(language, strings);
  return (
    <I18nextProvider i18n={i18n}>
      <ContentLocale.Provider value={language}>
        <PrintBody />
      </ContentLocale.Provider>
    </I18nextProvider>
  );
}
