import { describe, expect, it } from "vitest";
import type { MilestoneEvent } from "../api/types";
import { buildMilestoneDraft, describeEvent, milestoneActions, milestoneFormState } from "./milestones";

describe("milestoneActions", () => {
  it("lets the client fund, release and ask for changes", () => {
    expect(milestoneActions("proposed", "client")).toEqual(["fund", "edit", "remove"]);
    expect(milestoneActions("funded", "client")).toEqual(["release", "dispute"]);
    expect(milestoneActions("submitted", "client")).toEqual(["release", "request_changes", "dispute"]);
    expect(milestoneActions("changes_requested", "client")).toEqual(["release", "dispute"]);
  });

  it("lets the freelancer hand in work and refund escrow", () => {
    expect(milestoneActions("proposed", "freelancer")).toEqual(["edit", "remove"]);
    expect(milestoneActions("funded", "freelancer")).toEqual(["submit", "refund", "dispute"]);
    expect(milestoneActions("changes_requested", "freelancer")).toEqual(["submit", "refund", "dispute"]);
    expect(milestoneActions("submitted", "freelancer")).toEqual(["refund", "dispute"]);
  });

  it("offers nothing once the money has left escrow, nor to anyone else", () => {
    for (const status of ["released", "refunded", "disputed"] as const) {
      expect(milestoneActions(status, "client")).toEqual([]);
      expect(milestoneActions(status, "freelancer")).toEqual([]);
    }
    expect(milestoneActions("funded", null)).toEqual([]);
  });
});

describe("buildMilestoneDraft", () => {
  it("builds the milestone in cents, with an optional due date", () => {
    expect(buildMilestoneDraft({ title: " QA pass ", amount: "120.50", due_date: "" }, "usd")).toEqual({
      ok: true,
      draft: { title: "QA pass", amount: { amount: 12050, currency: "usd" }, due_date: null },
    });
    expect(buildMilestoneDraft({ title: "QA", amount: "5", due_date: "2027-01-10" }, "usd")).toMatchObject({ ok: true, draft: { due_date: "2027-01-10" } });
  });

  it("says what to fix", () => {
    expect(buildMilestoneDraft({ title: "", amount: "0", due_date: "" }, "usd")).toEqual({
      ok: false,
      errors: { title: "Name this milestone.", amount: "Enter an amount greater than zero." },
    });
    expect(buildMilestoneDraft({ title: "QA", amount: "ten", due_date: "" }, "usd")).toEqual({ ok: false, errors: { amount: "Enter an amount like 45 or 45.50." } });
  });

  it("starts from a milestone's own values when editing", () => {
    expect(milestoneFormState({ id: "m", position: 0, title: "Design", amount: { amount: 20050, currency: "usd" }, status: "proposed", due_date: "2027-01-10" })).toEqual({
      title: "Design",
      amount: "200.50",
      due_date: "2027-01-10",
    });
  });
});

describe("describeEvent", () => {
  const event = (kind: MilestoneEvent["kind"], author_id: string | null): MilestoneEvent => ({
    milestone_id: "m1",
    kind,
    author_id,
    message: "",
    file_ids: [],
    created_at: "2026-11-29T10:00:00Z",
  });
  const nameOf = (id: string) => (id === "me" ? "You" : "Finn");

  it("says who did what", () => {
    expect(describeEvent(event("submitted", "f1"), nameOf)).toBe("Finn submitted work");
    expect(describeEvent(event("changes_requested", "me"), nameOf)).toBe("You asked for changes");
    expect(describeEvent(event("released", "me"), nameOf)).toBe("You approved the work and released the payment");
  });

  it("says when the platform released the money on its own", () => {
    expect(describeEvent(event("auto_released", null), nameOf)).toBe("Released automatically after the review period");
  });
});
