import { useEffect, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import { serverFieldErrors } from "./FormErrors";

/**
 * A form's save: the request, the error it last failed with (field messages
 * included, from the form's own checks or the server's), and the summary
 * above the form, which takes the focus after every failed save so that a
 * keyboard or screen-reader user lands on what went wrong, and not on every edit.
 */
export function useFormSave<Saved, Variables = void>(save: (variables: Variables) => Promise<Saved>, onSaved: (saved: Saved) => void) {
  const [error, setError] = useState<unknown>(null);
  const [failedSaves, setFailedSaves] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  const mutation = useMutation({
    mutationFn: save,
    onSuccess: (saved) => {
      setError(null);
      onSaved(saved);
    },
    onError: (err) => {
      setError(err);
      setFailedSaves((n) => n + 1);
    },
  });

  useEffect(() => {
    if (failedSaves > 0) summary.current?.focus();
  }, [failedSaves]);

  /** Editing a field clears its messages; the summary stays until the next save. */
  function clearError(...paths: string[]) {
    if (!(error instanceof ApiError)) return;
    const rest = { ...error.fields };
    let changed = false;
    for (const path of paths) {
      if (path in rest) {
        delete rest[path];
        changed = true;
      }
    }
    if (changed) setError(new ApiError(error.status, error.code, error.message, rest));
  }

  return { mutation, error, errors: serverFieldErrors(error), summary, clearError };
}
