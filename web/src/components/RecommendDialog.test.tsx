import { describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { FREELANCER_ID, recommendation, userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { RecommendDialog } from "./RecommendDialog";

const bo = userCard(1, "Bo Friend");
const cy = userCard(2, "Cy Colleague");
const finn = { id: FREELANCER_ID, name: "Finn Freelancer", avatar_url: null };

function open(answer: (to: string) => Response = (to) => json(recommendation({ to: to === bo.id ? bo : cy }), 201)) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "client" } });
  const api = mockApi({
    // The freelancer is a friend too, and cannot be recommended to themselves.
    "GET /api/users/friends": () => json({ items: [bo, finn, cy], next_cursor: null }),
    "POST /api/recommendations": ({ body }) => answer((body as { to_user_id: string }).to_user_id),
  });
  const onClose = vi.fn();
  const user = userEvent.setup();
  renderWithProviders(<RecommendDialog freelancer={finn} onClose={onClose} />);
  return { ...api, user, onClose };
}

describe("RecommendDialog", () => {
  it("recommends the freelancer to each friend picked, with the note", async () => {
    const { calls, user, onClose } = open();
    const form = screen.getByRole("form", { name: "Recommend Finn Freelancer" });
    await user.click(await within(form).findByRole("checkbox", { name: "Bo Friend" }));
    await user.click(within(form).getByRole("checkbox", { name: "Cy Colleague" }));
    expect(within(form).queryByRole("checkbox", { name: "Finn Freelancer" })).toBeNull();
    await user.type(within(form).getByLabelText("Note (optional)"), "  Finn rebuilt our shop in a week. ");
    await user.click(within(form).getByRole("button", { name: "Send recommendation" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Recommended Finn Freelancer to Bo Friend and Cy Colleague.");
    expect(calls.filter((c) => c.method === "POST").map((c) => c.body)).toEqual([
      { to_user_id: bo.id, freelancer_id: FREELANCER_ID, note: "Finn rebuilt our shop in a week." },
      { to_user_id: cy.id, freelancer_id: FREELANCER_ID, note: "Finn rebuilt our shop in a week." },
    ]);
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(onClose).toHaveBeenCalled();
  });

  it("asks for a friend before sending", async () => {
    const { calls, user } = open();
    await screen.findByRole("checkbox", { name: "Bo Friend" });
    await user.click(screen.getByRole("button", { name: "Send recommendation" }));
    expect(screen.getByText("Pick at least one friend.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("keeps what went through when one fails, so that a retry sends only the rest", async () => {
    let refuse = true;
    const { calls, user } = open((to) => {
      if (to === cy.id && refuse) return json({ error: { code: "not_friends", message: "you can recommend freelancers to your friends" } }, 403);
      return json(recommendation({ to: to === bo.id ? bo : cy }), 201);
    });
    await user.click(await screen.findByRole("checkbox", { name: "Bo Friend" }));
    await user.click(screen.getByRole("checkbox", { name: "Cy Colleague" }));
    await user.click(screen.getByRole("button", { name: "Send recommendation" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("You can recommend freelancers to your friends");
    expect(screen.getByRole("status")).toHaveTextContent("Recommended to Bo Friend.");
    expect(screen.queryByRole("checkbox", { name: "Bo Friend" })).toBeNull();
    expect(screen.getByRole("checkbox", { name: "Cy Colleague" })).toBeChecked();

    refuse = false;
    await user.click(screen.getByRole("button", { name: "Send recommendation" }));
    expect(await screen.findByText("Recommended Finn Freelancer to Bo Friend and Cy Colleague.")).toBeInTheDocument();
    expect(calls.filter((c) => c.method === "POST").map((c) => (c.body as { to_user_id: string }).to_user_id)).toEqual([bo.id, cy.id, cy.id]);
  });
});
