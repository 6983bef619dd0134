import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { setSession } from "../api/session";
import type { Role } from "../api/types";
import { RealtimeProvider } from "../realtime/RealtimeProvider";
import { createSocket } from "../realtime/socket";
import { fakeSockets } from "../test/fakeSocket";
import { chatMessage, freelancerProfile } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { Header } from "./Header";

vi.mock("../realtime/socket", () => ({ createSocket: vi.fn() }));

function logIn(role: "freelancer" | "client", roles: Role[] = [role], unread = 0, unreadMessages = 0) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: "u1", email: "ada@example.com", name: "Ada", role } });
  const counts = { unread, unreadMessages };
  mockApi({
    "GET /api/users/profile": () => json(freelancerProfile({ role, roles })),
    "GET /api/notifications": () => json({ items: [], next_cursor: null, unread_count: counts.unread }),
    "GET /api/chats": () => json({ items: [], next_cursor: null, unread_total: counts.unreadMessages }),
  });
  return counts;
}

const nav = () => within(screen.getByRole("navigation", { name: "Main" }));
const links = () =>
  nav()
    .queryAllByRole("link")
    .map((link) => link.getAttribute("aria-label") ?? link.textContent);

describe("Header", () => {
  it("shows visitors the job board and the way in", () => {
    renderWithProviders(<Header />);
    expect(links()).toEqual(["Find work", "Log in", "Sign up"]);
  });

  it("shows freelancers their links", async () => {
    logIn("freelancer");
    renderWithProviders(<Header />);
    expect(links()).toEqual(["Find work", "My proposals", "Invitations", "Dashboard", "Contracts", "Messages", "Balance", "Invoices", "Friends", "Notifications", "My profile"]);
  });

  it("shows clients theirs", async () => {
    logIn("client");
    renderWithProviders(<Header />);
    expect(links()).toEqual(["Post a job", "My jobs", "Find talent", "Dashboard", "Contracts", "Messages", "Balance", "Invoices", "Friends", "Notifications", "My profile"]);
  });

  it("shows both once the profile has both roles", async () => {
    logIn("freelancer", ["freelancer", "client"]);
    renderWithProviders(<Header />);
    expect(await nav().findByRole("link", { name: "Post a job" })).toBeInTheDocument();
    expect(links()).toEqual(["Find work", "My proposals", "Invitations", "Post a job", "My jobs", "Find talent", "Dashboard", "Contracts", "Messages", "Balance", "Invoices", "Friends", "Notifications", "My profile"]);
  });

  it("counts unread notifications and messages", async () => {
    logIn("client", ["client"], 2, 3);
    renderWithProviders(<Header />);
    expect(await nav().findByRole("link", { name: "Notifications, 2 unread" })).toHaveAttribute("href", "/notifications");
    expect(await nav().findByRole("link", { name: "Messages, 3 unread" })).toHaveAttribute("href", "/messages");
  });

  it("updates both counts live, as the socket tells of a notification or a message", async () => {
    const counts = logIn("client", ["client"], 0, 0);
    const sockets = fakeSockets(vi.mocked(createSocket));
    renderWithProviders(
      <RealtimeProvider>
        <Header />
      </RealtimeProvider>,
    );
    await waitFor(() => expect(sockets.at(-1)?.connected).toBe(true));
    expect(nav().getByRole("link", { name: "Notifications" })).toBeInTheDocument();

    counts.unread = 1;
    sockets[0].push("notification:new", { id: "n1", kind: "proposal_received", payload: {}, read_at: null, created_at: "2026-11-28T10:00:00Z" });
    expect(await nav().findByRole("link", { name: "Notifications, 1 unread" })).toBeInTheDocument();

    counts.unreadMessages = 1;
    sockets[0].push("message:new", chatMessage(1));
    expect(await nav().findByRole("link", { name: "Messages, 1 unread" })).toBeInTheDocument();
  });
});
