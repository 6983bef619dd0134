import { describe, expect, it } from "vitest";
import { useState } from "react";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { FriendPicker } from "./FriendPicker";

function Picker() {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <>
      <FriendPicker selected={selected} onChange={setSelected} />
      <output data-testid="selected">{selected.join(",")}</output>
    </>
  );
}

describe("FriendPicker", () => {
  it("loads every page of friends, filters them by name past a few, and keeps the picks", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "client" } });
    const names = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo"];
    const friends = names.map((name, i) => userCard(i + 1, name));
    const { calls } = mockApi({
      "GET /api/users/friends": ({ search }) =>
        new URLSearchParams(search).get("cursor") === "next"
          ? json({ items: friends.slice(6), next_cursor: null })
          : json({ items: friends.slice(0, 6), next_cursor: "next" }),
    });
    const user = userEvent.setup();
    renderWithProviders(<Picker />);

    await user.click(await screen.findByRole("checkbox", { name: "Jo" }));
    expect(calls.map((c) => c.search)).toEqual(["?limit=100", "?cursor=next&limit=100"]);
    await user.type(screen.getByRole("textbox", { name: "Filter friends by name" }), "b");
    expect(screen.getAllByRole("checkbox").map((box) => box.closest("label")?.textContent)).toEqual(["Bo"]);
    await user.click(screen.getByRole("checkbox", { name: "Bo" }));
    await user.clear(screen.getByRole("textbox", { name: "Filter friends by name" }));
    expect(screen.getByRole("checkbox", { name: "Jo" })).toBeChecked();
    expect(screen.getByTestId("selected")).toHaveTextContent(`${friends[9].id},${friends[1].id}`);

    await user.type(screen.getByRole("textbox", { name: "Filter friends by name" }), "zz");
    expect(screen.getByText("No friend is called that.")).toBeInTheDocument();
  });
});
