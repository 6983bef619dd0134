import { authFetch, baseUrl } from "./client";
import { ApiError } from "./errors";

/**
 * A document only its holder may read (an invoice, an attachment), fetched
 * with the session's token. Links cannot carry the token, so the page gets
 * the bytes and shows or saves them itself.
 */
export async function fetchDocument(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await authFetch(new Request(`${baseUrl}${path}`));
  } catch {
    throw ApiError.network();
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw ApiError.from(response.status, body);
  }
  return response.blob();
}
