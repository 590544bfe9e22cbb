import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '~/lib/i18n';
import { ErrorList, Field } from '~/components/form';

/**
 * "Get notices by email": email and language, posted to /councils/{slug}/subscribe. A plain
 * HTML form, so it works on the public pages, which run no JavaScript (decision 002).
 */
export function SubscribeForm({
  slug,
  locale,
  lastResult,
}: {
  slug: string;
  locale: Locale;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<{ email: string; language: Locale; website?: string }>({
    lastResult: lastResult ?? undefined,
    defaultValue: { language: locale },
  });
  const language = getSelectProps(fields.language);
  const honeypot = getInputProps(fields.website, { type: 'text' });
  return (
    <section aria-labelledby={`${form.id}-title`} className="subscribe">
      <h2 id={`${form.id}-title`}>{t('notify.form.title')}</h2>
      <p>{t('notify.form.intro')}</p>
      <Form method="post" action={`/councils/${slug}/subscribe`} className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field meta={fields.email} label={t('notify.form.email')} type="email" autoComplete="email" />
        <div className="field">
          <label htmlFor={fields.language.id}>{t('notify.form.language')}</label>
          <select {...language} key={language.key}>
            {(['fi', 'sv', 'en'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.language.errorId} errors={fields.language.errors} />
        </div>
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={fields.website.id}>Website</label>
          <input {...honeypot} key={honeypot.key} tabIndex={-1} autoComplete="off" />
        </div>
        <div>
          <button type="submit">{t('notify.form.submit')}</button>
        </div>
      </Form>
    </section>
  );
}
