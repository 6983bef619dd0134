import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import type { Invite } from "../../api/types";
import { CLIENT_ID, FREELANCER_ID } from "../../test/fixtures";
import { ADMIN_ID, openAdmin } from "../../test/adminPages";
import { json } from "../../test/utils";

const made: Invite = {
  id: "01a22400-5555-7000-8000-0000000000c1",
  code: "WELCOME42",
  created_by: ADMIN_ID,
  by_admin: true,
  email: "pat@example.com",
  note: "Beta tester",
  expires_at: "2099-12-15T10:00:00Z",
  used_by: null,
  used_at: null,
  created_at: "2026-12-01T10:00:00Z",
};

const used: Invite = {
  ...made,
  id: "01a22400-5555-7000-8000-0000000000c2",
  code: "FRIEND7",
  created_by: CLIENT_ID,
  by_admin: false,
  email: "finn@example.com",
  note: "",
  used_by: FREELANCER_ID,
  used_at: "2026-11-20T09:00:00Z",
  created_at: "2026-11-19T09:00:00Z",
};

describe("admin invites", () => {
  it("are in the admin navigation", async () => {
    openAdmin("/admin/invites", { "GET /api/admin/invites": () => json({ items: [] }) });
    const nav = await screen.findByRole("navigation", { name: "Admin" });
    expect(within(nav).getByRole("link", { name: "Invites" })).toHaveAttribute("href", "/admin/invites");
    expect(await screen.findByText("No invitation codes yet.")).toBeInTheDocument();
  });

  it("create a code with a note, showing it with its sign-up link, then list it", async () => {
    const state = { items: [used] };
    const { calls, user } = openAdmin("/admin/invites", {
      "GET /api/admin/invites": () => json({ items: state.items }),
      "POST /api/admin/invites": () => {
        state.items = [made, used];
        return json(made, 201);
      },
    });
    const row = (await screen.findByText("FRIEND7")).closest("tr")!;
    expect(within(row).getByRole("link", { name: `User ${CLIENT_ID.slice(-8)}` })).toHaveAttribute("href", `/admin/users/${CLIENT_ID}`);
    expect(within(row).getByText(/^Used /)).toBeInTheDocument();

    await user.type(screen.getByLabelText("Email (optional)"), "pat@example.com");
    await user.click(screen.getByRole("button", { name: "Create invite" }));
    expect(screen.getByText("Say what the code is for; it goes in the audit log.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Note"), "Beta tester");
    await user.click(screen.getByRole("button", { name: "Create invite" }));

    const created = (await screen.findByText(/^Invite created/)).closest<HTMLElement>("[role=status]")!;
    expect(created).toHaveTextContent("Invite created, and mailed to pat@example.com: WELCOME42");
    const link = `${window.location.origin}/signup?invite=WELCOME42`;
    expect(within(created).getByRole("link", { name: link })).toHaveAttribute("href", link);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ email: "pat@example.com", note: "Beta tester" });

    const newRow = (await screen.findAllByText("WELCOME42")).map((el) => el.closest("tr")).find(Boolean)!;
    expect(within(newRow).getByText("An admin")).toBeInTheDocument();
    expect(within(newRow).getByText(/^Good until /)).toBeInTheDocument();
    expect(screen.getByLabelText("Note")).toHaveValue("");
  });

  it("send no e-mail when none is given, and show the server's refusal", async () => {
    const { calls, user } = openAdmin("/admin/invites", {
      "GET /api/admin/invites": () => json({ items: [] }),
      "POST /api/admin/invites": () => json({ error: { code: "validation_failed", message: "validation failed", fields: { email: "not an e-mail address" } } }, 422),
    });
    await user.type(await screen.findByLabelText("Note"), "Open day");
    await user.click(screen.getByRole("button", { name: "Create invite" }));
    expect(await screen.findByText("Not an e-mail address")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ email: null, note: "Open day" });
  });
});
