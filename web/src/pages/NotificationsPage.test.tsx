import { describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { setSession } from "../api/session";
import type { Notification } from "../api/types";
import { RealtimeProvider } from "../realtime/RealtimeProvider";
import { createSocket } from "../realtime/socket";
import { fakeSockets } from "../test/fakeSocket";
import { fixedJob } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { NotificationsPage } from "./NotificationsPage";

vi.mock("../realtime/socket", () => ({ createSocket: vi.fn() }));

const job = fixedJob();
const notification = (id: string, kind: string): Notification => ({
  id,
  kind,
  payload: { job_id: job.id, job_title: job.title },
  read_at: null,
  created_at: "2026-11-28T10:00:00Z",
});

describe("NotificationsPage", () => {
  it("shows a notification as soon as the socket tells of it", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: job.client_id, email: "c@example.com", name: "Cleo", role: "client" } });
    const held = [notification("n1", "invitation_answered")];
    mockApi({
      "GET /api/notifications": () => json({ items: held, next_cursor: null, unread_count: held.length }),
    });
    const sockets = fakeSockets(vi.mocked(createSocket));
    renderWithProviders(
      <RealtimeProvider>
        <NotificationsPage />
      </RealtimeProvider>,
    );
    expect(await screen.findByRole("link", { name: /Your invitation to “.*” was declined\./ })).toBeInTheDocument();
    await waitFor(() => expect(sockets.at(-1)?.connected).toBe(true));

    const fresh = notification("n2", "proposal_received");
    held.unshift(fresh);
    sockets[0].push("notification:new", fresh);
    expect(await screen.findByRole("link", { name: /New proposal for “.*”\./ })).toHaveAttribute("href", `/jobs/${job.id}/proposals`);
  });
});
