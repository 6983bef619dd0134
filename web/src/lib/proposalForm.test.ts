import { describe, expect, it } from "vitest";
import { fixedJob, hourlyJob, proposal } from "../test/fixtures";
import { buildProposalInput, emptyProposalForm, formFromProposal, milestoneMismatch, milestoneTotal, newMilestone, type ProposalFormState } from "./proposalForm";

function form(overrides: Partial<ProposalFormState> = {}): ProposalFormState {
  return {
    ...emptyProposalForm(fixedJob()),
    cover_letter: "I have built many pages like this one.",
    amount: "400",
    answers: ["Three."],
    ...overrides,
  };
}

describe("milestoneTotal", () => {
  it("adds the amounts in cents", () => {
    expect(milestoneTotal([{ amount: "150" }, { amount: "249.99" }, { amount: "0.01" }])).toEqual({ cents: 40000, incomplete: false });
    expect(milestoneTotal([])).toEqual({ cents: 0, incomplete: false });
  });

  it("adds what it can read and says when some is missing", () => {
    expect(milestoneTotal([{ amount: "100" }, { amount: "" }, { amount: "ten" }])).toEqual({ cents: 10000, incomplete: true });
  });

  it("keeps every cent where floating point would not", () => {
    const thirds = Array.from({ length: 3 }, () => ({ amount: "0.10" }));
    expect(milestoneTotal([...thirds, { amount: "0.20" }]).cents).toBe(50);
  });
});

describe("milestoneMismatch", () => {
  it("says nothing without milestones or when they match", () => {
    expect(milestoneMismatch(form(), "usd")).toBeNull();
    expect(milestoneMismatch(form({ milestones: [newMilestone({ amount: "150" }), newMilestone({ amount: "250" })] }), "usd")).toBeNull();
  });

  it("says how far off the milestones are", () => {
    expect(milestoneMismatch(form({ milestones: [newMilestone({ amount: "150" })] }), "usd")).toBe("$250.00 of the bid is not in any milestone yet.");
    expect(milestoneMismatch(form({ milestones: [newMilestone({ amount: "450.50" })] }), "usd")).toBe("The milestones come to $50.50 more than the bid.");
  });
});

describe("buildProposalInput", () => {
  it("sends amounts in cents, in the job's currency", () => {
    const built = buildProposalInput(
      form({
        amount: "1,234.5",
        duration_days: "14",
        milestones: [newMilestone({ title: " Design ", amount: "234.50", due_date: "2027-01-05" }), newMilestone({ title: "Build", amount: "1000" })],
      }),
      fixedJob({ budget: { amount: 150000, currency: "eur" } }),
    );
    expect(built).toEqual({
      ok: true,
      input: {
        cover_letter: "I have built many pages like this one.",
        amount: { amount: 123450, currency: "eur" },
        duration_days: 14,
        answers: ["Three."],
        milestones: [
          { title: "Design", amount: { amount: 23450, currency: "eur" }, due_date: "2027-01-05" },
          { title: "Build", amount: { amount: 100000, currency: "eur" }, due_date: null },
        ],
        attachment_file_ids: [],
      },
    });
  });

  it("reports each problem under the server's field path", () => {
    const built = buildProposalInput(
      form({ cover_letter: " ", amount: "", duration_days: "0", answers: [""], milestones: [newMilestone({ title: "", amount: "x" })] }),
      fixedJob(),
    );
    expect(built.ok).toBe(false);
    expect(!built.ok && built.errors).toEqual({
      cover_letter: "Write a cover letter.",
      amount: "Enter your bid.",
      duration_days: "Enter whole days from 1 to 730.",
      "answers[0]": "Answer this question.",
      "milestones[0].title": "Name this milestone.",
      "milestones[0].amount": "Enter an amount like 45 or 45.50.",
    });
  });

  it("refuses milestones that do not add up to the bid", () => {
    const built = buildProposalInput(form({ milestones: [newMilestone({ title: "All", amount: "300" })] }), fixedJob());
    expect(!built.ok && built.errors).toEqual({ milestones: "The milestones must add up to the bid. $100.00 of the bid is not in any milestone yet." });
  });

  it("sends no milestones for an hourly job", () => {
    const built = buildProposalInput(form({ amount: "45", answers: [], milestones: [newMilestone({ title: "x", amount: "1" })] }), hourlyJob());
    expect(built.ok && built.input.milestones).toEqual([]);
    expect(built.ok && built.input.amount).toEqual({ amount: 4500, currency: "usd" });
  });

  it("fills the form back from a proposal", () => {
    const state = formFromProposal(
      proposal({ amount: { amount: 40050, currency: "usd" }, milestones: [{ title: "All", amount: { amount: 40050, currency: "usd" }, due_date: null }] }),
      fixedJob(),
    );
    expect(state).toMatchObject({ amount: "400.50", duration_days: "10", answers: ["Three, all for launches."] });
    expect(state.milestones[0]).toMatchObject({ title: "All", amount: "400.50", due_date: "" });
  });
});
