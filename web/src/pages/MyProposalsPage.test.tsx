import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { proposalWithJob } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { MyProposalsPage } from "./MyProposalsPage";

describe("MyProposalsPage", () => {
  it("links a hired proposal straight to its contract", async () => {
    const hired = proposalWithJob({ status: "hired", contract_id: "c-1" });
    const { calls } = mockApi({ "GET /api/proposals": () => json({ items: [hired], next_cursor: null }) });
    renderWithProviders(<MyProposalsPage />);
    const item = await screen.findByRole("listitem", { name: hired.job.title });
    expect(item).toHaveTextContent("Hired");
    expect(screen.getByRole("link", { name: "View contract" })).toHaveAttribute("href", "/contracts/c-1");
    expect(calls.map((c) => c.path)).toEqual(["/api/proposals"]);
  });
});
