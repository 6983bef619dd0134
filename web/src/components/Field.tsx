import { useId, type InputHTMLAttributes, type ReactElement, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  label: ReactNode;
  /** A message from the server or from checks in the form. */
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactElement;
}

/** A label, a control and its hint and error, wired together for assistive tech. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={["field", error ? "field--invalid" : "", className ?? ""].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {sentence(error)}
        </p>
      )}
    </div>
  );
}

type Common = { label: ReactNode; error?: string; hint?: ReactNode; className?: string };

export function TextField({ label, error, hint, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => <input type="text" {...input} {...control} />}
    </Field>
  );
}

export function TextAreaField({ label, error, hint, className, ...textarea }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => <textarea rows={5} {...textarea} {...control} />}
    </Field>
  );
}

export function SelectField({ label, error, hint, className, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A select's options, one per entry of a labels map (value to words), in the map's order. */
export function Options({ labels }: { labels: Record<string, string> }) {
  return Object.entries(labels).map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}

interface StatusFilterProps<S extends string> {
  value: S | "";
  labels: Record<S, string>;
  /** The choice that shows every status: "All jobs". */
  all: string;
  onChange: (value: S | "") => void;
}

/** "Show …" above a list: one status, or all of them. */
export function StatusFilter<S extends string>({ value, labels, all, onChange }: StatusFilterProps<S>) {
  return (
    <label className="inline-select">
      Show{" "}
      <select value={value} onChange={(e) => onChange(e.target.value as S | "")}>
        <option value="">{all}</option>
        <Options labels={labels} />
      </select>
    </label>
  );
}

interface DurationFieldProps {
  legend: ReactNode;
  hours: string;
  minutes: string;
  /** One message for the time as a whole, such as the weekly limit. */
  error?: string;
  hint?: ReactNode;
  onHoursChange: (value: string) => void;
  onMinutesChange: (value: string) => void;
}

/** A length of time typed as whole hours and minutes, side by side, with one hint and one error for both. */
export function DurationField({ legend, hours, minutes, error, hint, onHoursChange, onMinutesChange }: DurationFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control = {
    type: "text",
    inputMode: "numeric" as const,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [errorId, hintId].filter(Boolean).join(" ") || undefined,
  };
  return (
    <fieldset className={["field", "duration-field", error ? "field--invalid" : ""].filter(Boolean).join(" ")}>
      <legend>{legend}</legend>
      <div className="duration-field__inputs">
        <div>
          <label htmlFor={`${id}-hours`}>Hours</label>
          <input id={`${id}-hours`} {...control} value={hours} onChange={(e) => onHoursChange(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-minutes`}>Minutes</label>
          <input id={`${id}-minutes`} {...control} value={minutes} onChange={(e) => onMinutesChange(e.target.value)} />
        </div>
      </div>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {sentence(error)}
        </p>
      )}
    </fieldset>
  );
}

/** Server messages read "must not be empty"; shown alone they start a sentence. */
function sentence(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
