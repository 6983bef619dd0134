import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { FREELANCER_ID } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { EmailPreferences } from "./EmailPreferences";

function open() {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: FREELANCER_ID, email: "f@example.com", name: "F", role: "freelancer" } });
  let items = [
    { kind: "hired", email: true },
    { kind: "friend_request", email: false },
  ];
  const api = mockApi({
    "GET /api/notifications/preferences": () => json({ items }),
    "PUT /api/notifications/preferences": ({ body }) => {
      const changes = (body as { items: typeof items }).items;
      items = items.map((item) => changes.find((c) => c.kind === item.kind) ?? item);
      return json({ items });
    },
  });
  renderWithProviders(<EmailPreferences />);
  return { ...api, user: userEvent.setup() };
}

describe("EmailPreferences", () => {
  it("shows each kind with its setting and saves a change at once", async () => {
    const { calls, user } = open();
    const hired = await screen.findByRole("checkbox", { name: "I was hired" });
    expect(hired).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Friend requests" })).not.toBeChecked();

    await user.click(screen.getByRole("checkbox", { name: "Friend requests" }));
    await waitFor(() => expect(screen.getByRole("checkbox", { name: "Friend requests" })).toBeChecked());
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.body).toEqual({ items: [{ kind: "friend_request", email: true }] });
  });
});
