import { ApiError, errorMessage } from "../api/errors";

/** The per-field messages of a failed request (a 422), keyed by field path. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}

/** "freelancer.experience[0].start_date" -> "Experience 1: start date". */
export function describeField(path: string): string {
  const parts = path.split(".").filter((part) => part !== "freelancer" && part !== "client");
  return parts
    .map((part) => {
      const indexed = /^(.*)\[(\d+)\]$/.exec(part);
      const words = (indexed ? indexed[1] : part).replace(/_/g, " ");
      return indexed ? `${words} ${Number(indexed[2]) + 1}` : words;
    })
    .join(": ")
    .replace(/^./, (c) => c.toUpperCase());
}

interface FormErrorsProps {
  /** The error a submit failed with, if any. */
  error: unknown;
  /** Field errors the form shows next to its fields; the others are listed here. */
  shown?: readonly string[];
}

/**
 * The summary above a form: what went wrong, plus any field messages that no
 * field on the form displays (so none is ever lost).
 */
export function FormErrors({ error, shown = [] }: FormErrorsProps) {
  if (!error) return null;
  const fields = serverFieldErrors(error);
  const unshown = Object.entries(fields).filter(([path]) => !shown.includes(path));
  return (
    <div className="form-errors" role="alert">
      <p>{errorMessage(error)}</p>
      {unshown.length > 0 && (
        <ul>
          {unshown.map(([path, message]) => (
            <li key={path}>
              {describeField(path)}: {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
