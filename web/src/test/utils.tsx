import type { ReactElement } from "react";
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter, useLocation } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { vi } from "vitest";

export function renderWithProviders(ui: ReactElement, { route = "/" }: { route?: string } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return {
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </QueryClientProvider>,
    ),
  };
}

export interface RecordedCall {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
}

type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/**
 * Replaces `fetch` with a router over `"METHOD /path"` handlers and records
 * every call. Unknown routes answer 404 in the server's error shape.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    const call = { method: request.method, path: url.pathname, search: url.search, headers: request.headers, body };
    calls.push(call);
    const handler = handlers[`${request.method} ${url.pathname}`];
    if (!handler) return json({ error: { code: "not_found", message: "no such route" } }, 404);
    return handler(call);
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock };
}

/** Shows the router's current address, for tests that follow navigation. */
export function CurrentLocation() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/**
 * jsdom has no object URLs; documents fetched as blobs get a fake one.
 * Returns the mock that hands them out.
 */
export function stubObjectUrls() {
  const createObjectURL = vi.fn((_blob: Blob) => "blob:document");
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
  return createObjectURL;
}

/** A key figure's value, read next to its name in the list labelled `list`. */
export function figureValue(list: string, name: string) {
  return within(screen.getByLabelText(list)).getByText(name).nextElementSibling;
}
