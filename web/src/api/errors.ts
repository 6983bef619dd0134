/** A failed API call, carrying the server's `{"error": {...}}` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Per-field messages of a 422, keyed by path such as `freelancer.hourly_rate`. */
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** Builds an error from a response status and its parsed (or raw) body. */
  static from(status: number, body: unknown): ApiError {
    const detail = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
    if (detail && typeof detail.code === "string") {
      const fields: Record<string, string> = {};
      if (detail.fields && typeof detail.fields === "object") {
        for (const [key, value] of Object.entries(detail.fields as Record<string, unknown>)) {
          if (typeof value === "string") fields[key] = value;
        }
      }
      const message = typeof detail.message === "string" ? detail.message : defaultMessage(status);
      return new ApiError(status, detail.code, message, fields);
    }
    return new ApiError(status, status === 0 ? "network_error" : "unexpected_response", defaultMessage(status));
  }

  static network(): ApiError {
    return ApiError.from(0, null);
  }

  get isValidation(): boolean {
    return this.status === 422;
  }
}

function defaultMessage(status: number): string {
  if (status === 0) return "Could not reach the server. Check your connection and try again.";
  if (status === 413) return "That file is too large.";
  if (status === 429) return "Too many attempts. Wait a moment and try again.";
  if (status >= 500) return "Something went wrong on our side. Try again in a moment.";
  return `The request failed (HTTP ${status}).`;
}

/** A readable sentence for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    // The server's generic "validation failed" reads better with a hint.
    if (error.isValidation && error.code === "validation_failed") return "Please correct the highlighted fields.";
    return capitalize(error.message);
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
