import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { StaticRouter } from 'react-router-dom/server';
import { describe, expect, it } from 'vitest';
import { STORAGE_READ_UNAVAILABLE, STORAGE_UNAVAILABLE } from '~/lib/error-codes';
import { i18nConfig, type Locale } from '~/lib/i18n';
import { resources } from '~/lib/i18n-resources';
import { ErrorPage } from './error-page';

// What Remix hands the error boundary for a thrown Response.
function errorResponse(status: number, data: string) {
  return { status, statusText: 'Service Unavailable', internal: false, data };
}

async function render(locale: Locale, error: unknown): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: locale, resources });
  return renderToStaticMarkup(
    <StaticRouter location="/">
      <I18nextProvider i18n={i18n}>
        <ErrorPage error={error} />
      </I18nextProvider>
    </StaticRouter>,
  );
}

describe('the error page when file storage fails', () => {
  it.each([
    ['fi', 'Palvelu ei juuri nyt vastaa', 'Mitään ei tallennettu', 'tiedostoa ei voi juuri nyt hakea'],
    ['sv', 'Tjänsten svarar inte just nu', 'Ingenting sparades', 'filen kan inte hämtas just nu'],
    ['en', 'The service is not answering right now', 'Nothing was saved', 'the file cannot be fetched right now'],
  ] as const)('%s: says nothing was saved after a failed write, and that the file cannot be fetched after a failed read', async (locale, title, write, read) => {
    const afterWrite = await render(locale, errorResponse(503, STORAGE_UNAVAILABLE));
    expect(afterWrite).toContain(`<h1 id="error-title">${title}</h1>`);
    expect(afterWrite).toContain(write);
    const afterRead = await render(locale, errorResponse(503, STORAGE_READ_UNAVAILABLE));
    expect(afterRead).toContain(read);
    expect(afterRead).not.toContain(write);
  });

  it('keeps a generic text for other 503s', async () => {
    const html = await render('fi', errorResponse(503, 'other'));
    expect(html).toContain('Palvelu on hetkellisesti poissa käytöstä');
  });
});
