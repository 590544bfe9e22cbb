import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireSameOrigin } from '~/auth/session.server';
import { formatDate } from '~/lib/dates';
import { localized, type Locale } from '~/lib/i18n';
import { meetingNumber } from '~/lib/meeting-lifecycle';
import { maxUploadBytes } from '~/lib/storage.server';
import { getT } from '~/lib/t.server';
import { readUpload } from '~/models/attachments.server';
import { findOfficialDocument, sha256Hex, type OfficialDocument } from '~/models/fingerprints.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Neuvos` : 'Neuvos' }];

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The answer for one fingerprint: what it is an official copy of, or that it is none. */
type Verdict = {
  sha256: string;
  match: { text: string; href: string; newer: { n: number; href: string } | null } | null;
};

const maxMb = () => Number((maxUploadBytes() / (1024 * 1024)).toFixed(2));
const SHA256 = /^[0-9a-f]{64}$/;
/** A PDF starts with "%PDF-" (ISO 32000-1, 7.5.2); nothing else is looked up. */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

function isPdf(bytes: Uint8Array): boolean {
  return bytes.byteLength > PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/** "Council, Kokous 3/2027, minutes version 2, published 1.2.2027" in the visitor's language. */
function describe(doc: OfficialDocument, t: Translate, locale: Locale): NonNullable<Verdict['match']> {
  const council = localized(doc, 'councilName', locale).text;
  const published = doc.publishedAt ? t('verify.publishedOn', { date: formatDate(doc.publishedAt, locale) }) : null;
  if (doc.kind === 'report') {
    const kind = t('verify.reportOf', { year: doc.year });
    return {
      // "Toimintakertomus 2026" needs no "toimintakertomus 2026" after it; another title does.
      text: [council, doc.title, doc.title.toLowerCase() === kind.toLowerCase() ? null : kind, published]
        .filter((p): p is string => !!p)
        .join(', '),
      href: `/councils/${doc.councilSlug}/reports/${doc.year}`,
      newer: null,
    };
  }
  const number = meetingNumber(doc.meetingNo, doc.startsAt);
  const parts = [
    council,
    number ? `${t('ws.meeting.number', number)} (${doc.title})` : doc.title,
    doc.kind === 'minutes' ? t('verify.minutesVersion', { n: doc.versionNo }) : t('verify.agendaOf'),
    published,
  ].filter((p): p is string => !!p);
  const base = `/meetings/${doc.meetingId}`;
  const newer =
    doc.kind === 'minutes' &&
    doc.versionNo !== null &&
    doc.latestVersionNo !== null &&
    doc.latestVersionNo > doc.versionNo
      ? { n: doc.latestVersionNo, href: `${base}/minutes` }
      : null;
  return {
    text: parts.join(', '),
    href: doc.kind === 'minutes' ? `${base}/minutes?version=${doc.versionNo}` : base,
    newer,
  };
}

async function verdictFor(sha256: string, t: Translate, locale: Locale): Promise<Verdict> {
  const doc = await findOfficialDocument(sha256);
  return { sha256, match: doc ? describe(doc, t, locale) : null };
}

/** A pasted fingerprint: hex digits, any case, spaces and a "SHA-256:" prefix forgiven. */
function normaliseSha(value: string): string {
  return value
    .trim()
    .replace(/^sha-?256\s*:?\s*/i, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * GET /verify: the form; GET /verify?sha256=…: the answer for a pasted fingerprint (a plain GET
 * form, so the answer has its own URL). Public, no JavaScript needed.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { t, locale } = await getT(request);
  const param = new URL(request.url).searchParams.get('sha256');
  const mb = maxMb();
  if (param === null) return json({ title: t('verify.title'), mb, sha256: '', verdict: null, shaError: null });
  const sha256 = normaliseSha(param.slice(0, 200));
  if (!SHA256.test(sha256))
    return json(
      { title: t('verify.title'), mb, sha256: param.slice(0, 200), verdict: null, shaError: t('verify.errors.badSha') },
      { status: 400 },
    );
  return json({ title: t('verify.title'), mb, sha256, verdict: await verdictFor(sha256, t, locale), shaError: null });
}

/**
 * POST /verify (multipart): an uploaded PDF is hashed in memory and looked up; it is never stored.
 * Refusals (no file, not a PDF, over UPLOAD_MAX_MB) are shown at the file field.
 */
export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { t, locale } = await getT(request);
  const headers = { 'Cache-Control': 'no-store' };
  const refuse = (error: string, status: number) => json({ fileError: error, verdict: null }, { status, headers });
  const upload = await readUpload(request);
  if (!upload.ok) {
    return upload.code === 'too_large'
      ? refuse(t('verify.errors.tooLarge', { mb: maxMb() }), 413)
      : refuse(t('verify.errors.badForm'), 400);
  }
  if (!upload.file) return refuse(t('verify.errors.noFile'), 400);
  if (!isPdf(upload.file.bytes)) return refuse(t('verify.errors.notPdf'), 400);
  const verdict = await verdictFor(sha256Hex(upload.file.bytes), t, locale);
  return json({ fileError: null, verdict }, { headers });
}

function VerdictView({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <section
      aria-labelledby="verify-result"
      className={verdict.match ? 'notice' : 'notice notice-warning'}
      role="status"
    >
      <h2 id="verify-result">{t('verify.resultTitle')}</h2>
      {verdict.match ? (
        <>
          <p>
            <strong>{t('verify.official')}</strong> <Link to={verdict.match.href}>{verdict.match.text}</Link>
          </p>
          {verdict.match.newer ? (
            <p>
              <Link to={verdict.match.newer.href}>{t('verify.newerVersion', { n: verdict.match.newer.n })}</Link>
            </p>
          ) : null}
        </>
      ) : (
        <p>
          <strong>{t('verify.notOfficial')}</strong>
        </p>
      )}
      <p className="muted">
        <small>
          {t('verify.checked')}: <code>{verdict.sha256}</code>
        </small>
      </p>
    </section>
  );
}

export default function VerifyPage() {
  const data = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation();
  const verdict = posted ? posted.verdict : data.verdict;
  const fileError = posted?.fileError ?? null;
  const shaError = posted ? null : data.shaError;
  return (
    <article aria-labelledby="verify-title" className="stack">
      <h1 id="verify-title">{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      {verdict ? <VerdictView verdict={verdict} /> : null}
      <Form method="post" encType="multipart/form-data" className="stack" reloadDocument>
        <fieldset>
          <legend>{t('verify.fileLegend')}</legend>
          <div className="field">
            <label htmlFor="verify-file">{t('verify.file')}</label>
            <p id="verify-file-hint" className="muted">
              {t('verify.fileHint', { mb: data.mb })}
            </p>
            <input
              id="verify-file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'verify-file-hint verify-file-error' : 'verify-file-hint'}
            />
            {fileError ? (
              // A paragraph, not a list: role="alert" on a <ul> would leave its <li> outside a list.
              <p id="verify-file-error" className="field-errors" role="alert">
                {fileError}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit">{t('verify.checkFile')}</button>
          </div>
        </fieldset>
      </Form>
      <Form method="get" className="stack" reloadDocument>
        <fieldset>
          <legend>{t('verify.shaLegend')}</legend>
          <div className="field">
            <label htmlFor="verify-sha256">{t('verify.sha256')}</label>
            <p id="verify-sha256-hint" className="muted">
              {t('verify.shaHint')}
            </p>
            <input
              id="verify-sha256"
              name="sha256"
              type="text"
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              required
              maxLength={200}
              defaultValue={data.sha256}
              aria-invalid={shaError ? true : undefined}
              aria-describedby={shaError ? 'verify-sha256-hint verify-sha256-error' : 'verify-sha256-hint'}
            />
            {shaError ? (
              // A paragraph, not a list: role="alert" on a <ul> would leave its <li> outside a list.
              <p id="verify-sha256-error" className="field-errors" role="alert">
                {shaError}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit">{t('verify.checkSha')}</button>
          </div>
        </fieldset>
      </Form>
    </article>
  );
}
