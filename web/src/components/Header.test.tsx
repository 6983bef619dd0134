import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { setSession } from "../api/session";
import type { Role } from "../api/types";
import { freelancerProfile } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { Header } from "./Header";

function logIn(role: "freelancer" | "client", roles: Role[] = [role], unread = 0) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: "u1", email: "ada@example.com", name: "Ada", role } });
  mockApi({
    "GET /api/users/profile": () => json(freelancerProfile({ role, roles })),
    "GET /api/notifications": () => json({ items: [], next_cursor: null, unread_count: unread }),
  });
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
    expect(links()).toEqual(["Find work", "My proposals", "Invitations", "Contracts", "Balance", "Invoices", "Notifications", "My profile"]);
  });

  it("shows clients theirs", async () => {
    logIn("client");
    renderWithProviders(<Header />);
    expect(links()).toEqual(["Post a job", "My jobs", "Find talent", "Contracts", "Balance", "Invoices", "Notifications", "My profile"]);
  });

  it("shows both once the profile has both roles", async () => {
    logIn("freelancer", ["freelancer", "client"]);
    renderWithProviders(<Header />);
    expect(await nav().findByRole("link", { name: "Post a job" })).toBeInTheDocument();
    expect(links()).toEqual(["Find work", "My proposals", "Invitations", "Post a job", "My jobs", "Find talent", "Contracts", "Balance", "Invoices", "Notifications", "My profile"]);
  });

  it("counts unread notifications", async () => {
    logIn("client", ["client"], 2);
    renderWithProviders(<Header />);
    expect(await nav().findByRole("link", { name: "Notifications, 2 unread" })).toHaveAttribute("href", "/notifications");
  });
});
