import { ApiError } from "../api/errors";

/** What a form's own checks make of its state: the request to send, or the messages per field. */
export type Built<T> = { ok: true; input: T } | { ok: false; errors: Record<string, string> };

/** The request to send; a form that fails its own checks fails like the server's 422, so both kinds of message show alike. */
export function sendable<T>(built: Built<T>): T {
  if (!built.ok) throw new ApiError(422, "validation_failed", "validation failed", built.errors);
  return built.input;
}
