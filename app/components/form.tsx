import { getInputProps, getTextareaProps, type FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';

/** Errors under a field or a form, announced to screen readers. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors || errors.length === 0) return null;
  // The alert wraps the list: role="alert" on the <ul> itself would take away its list role and
  // leave the <li>s outside any list (axe "listitem").
  return (
    <div id={id} role="alert">
      <ul className="field-errors">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

type InputType = 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'url' | 'tel' | 'datetime-local' | 'search';

/** A labelled input with its hint and its errors wired up with aria-describedby. */
export function Field({
  meta,
  label,
  type = 'text',
  hint,
  autoComplete,
  children,
}: {
  meta: FieldMetadata<string | number | Date | undefined | null>;
  label: string;
  type?: InputType;
  hint?: ReactNode;
  autoComplete?: string;
  children?: ReactNode;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getInputProps(meta, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="muted">
          {hint}
        </p>
      ) : null}
      <input {...props} key={props.key} autoComplete={autoComplete} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
      {children}
    </div>
  );
}

export function TextareaField({
  meta,
  label,
  hint,
  rows = 6,
}: {
  meta: FieldMetadata<string | undefined | null>;
  label: string;
  hint?: ReactNode;
  rows?: number;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getTextareaProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="muted">
          {hint}
        </p>
      ) : null}
      <textarea {...props} key={props.key} rows={rows} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
