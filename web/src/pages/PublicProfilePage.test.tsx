import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { setSession } from "../api/session";
import { CLIENT_ID, FREELANCER_ID, freelancerProfile } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { PublicProfilePage } from "./PublicProfilePage";

function open(viewer: string | null) {
  if (viewer) setSession({ accessToken: "a", refreshToken: "r", user: { id: viewer, email: "x@example.com", name: "X", role: "client" } });
  mockApi({ [`GET /api/users/${FREELANCER_ID}`]: () => json(freelancerProfile({ id: FREELANCER_ID, name: "Finn Freelancer" })) });
  renderWithProviders(
    <Routes>
      <Route path="/users/:id" element={<PublicProfilePage />} />
    </Routes>,
    { route: `/users/${FREELANCER_ID}` },
  );
}

describe("PublicProfilePage", () => {
  it("lets a logged-in visitor message the person", async () => {
    open(CLIENT_ID);
    expect(await screen.findByRole("link", { name: "Message Finn Freelancer" })).toHaveAttribute("href", `/messages/${FREELANCER_ID}`);
  });

  it("offers no message button to the owner", async () => {
    open(FREELANCER_ID);
    expect(await screen.findByRole("heading", { name: "Finn Freelancer" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /^Message/ })).toBeNull();
  });

  it("offers no message button to a visitor who is not logged in", async () => {
    open(null);
    expect(await screen.findByRole("heading", { name: "Finn Freelancer" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /^Message/ })).toBeNull();
  });
});
