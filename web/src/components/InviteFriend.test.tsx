import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import type { Invite } from "../api/types";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { InviteFriend } from "./InviteFriend";

const sent: Invite = {
  id: "01a22400-5555-7000-8000-0000000000d1",
  code: "PAL123",
  created_by: "me",
  by_admin: false,
  email: "pat@example.com",
  note: "",
  expires_at: "2026-12-15T10:00:00Z",
  used_by: null,
  used_at: null,
  created_at: "2026-12-01T10:00:00Z",
};

function open(answer: () => Response) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "client" } });
  const api = mockApi({ "POST /api/invites": answer });
  renderWithProviders(<InviteFriend />);
  return { ...api, user: userEvent.setup() };
}

describe("InviteFriend", () => {
  it("asks for an address, then sends the invitation and says so", async () => {
    const { calls, user } = open(() => json(sent, 201));
    await user.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(screen.getByText("Enter your friend's e-mail address.")).toBeInTheDocument();
    expect(calls).toEqual([]);

    await user.type(screen.getByLabelText("Friend's email"), " pat@example.com ");
    await user.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(await screen.findByText("Invitation sent to pat@example.com.")).toBeInTheDocument();
    expect(calls.map((c) => c.body)).toEqual([{ email: "pat@example.com" }]);
    expect(screen.getByLabelText("Friend's email")).toHaveValue("");
  });

  it("shows the server's refusal, such as the limit on unused invitations", async () => {
    const { user } = open(() =>
      json({ error: { code: "too_many_invites", message: "you have 20 unused invitations; wait until some are used or expire" } }, 409),
    );
    await user.type(screen.getByLabelText("Friend's email"), "pat@example.com");
    await user.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You have 20 unused invitations; wait until some are used or expire");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("shows a refused address next to the field", async () => {
    const { user } = open(() => json({ error: { code: "validation_failed", message: "validation failed", fields: { email: "not an e-mail address" } } }, 422));
    await user.type(screen.getByLabelText("Friend's email"), "pat@");
    await user.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(await screen.findByText("Not an e-mail address")).toBeInTheDocument();
  });
});
