import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { setSession } from "../api/session";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { RecommendedCount } from "./RecommendedCount";

function open(times: number) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "freelancer" } });
  mockApi({ "GET /api/recommendations/stats": () => json({ times_recommended: times }) });
  renderWithProviders(<RecommendedCount />);
}

describe("RecommendedCount", () => {
  it("tells a freelancer how often friends recommended them", async () => {
    open(3);
    expect(await screen.findByText("Recommended 3 times to friends.")).toBeInTheDocument();
  });

  it("says so when no one has yet", async () => {
    open(0);
    expect(await screen.findByText("No one has recommended you to a friend yet.")).toBeInTheDocument();
  });
});
