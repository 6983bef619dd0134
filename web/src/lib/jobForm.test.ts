import { describe, expect, it } from "vitest";
import { fixedJob, hourlyJob } from "../test/fixtures";
import { buildJobInput, emptyJobForm, formFromJob, newQuestion, type JobFormState } from "./jobForm";

function form(overrides: Partial<JobFormState> = {}): JobFormState {
  return {
    ...emptyJobForm(),
    title: "Build a landing page",
    description: "A single responsive page with a signup form.",
    category: "web-development",
    budget: "500",
    ...overrides,
  };
}

describe("buildJobInput", () => {
  it("sends a fixed budget in cents and no hourly fields", () => {
    const built = buildJobInput(form({ budget: "$1,250.50", skills: [{ slug: "react", name: "React" }], deadline: "2027-01-10" }), { draft: false });
    expect(built).toEqual({
      ok: true,
      input: {
        title: "Build a landing page",
        description: "A single responsive page with a signup form.",
        category: "web-development",
        skills: ["react"],
        payment_type: "fixed",
        budget: { amount: 125050, currency: "usd" },
        hourly_rate_min: null,
        hourly_rate_max: null,
        hours_per_week: null,
        duration: null,
        experience_level: "intermediate",
        screening_questions: [],
        deadline: "2027-01-10",
        attachment_file_ids: [],
        visibility: "public",
        hires_wanted: 1,
        draft: false,
      },
    });
  });

  it("sends an hourly range in cents and leaves the budget out", () => {
    const built = buildJobInput(form({ payment_type: "hourly", budget: "500", hourly_rate_min: "25", hourly_rate_max: "45.5", hours_per_week: "20" }));
    expect(built.ok && built.input).toMatchObject({
      payment_type: "hourly",
      budget: null,
      hourly_rate_min: { amount: 2500, currency: "usd" },
      hourly_rate_max: { amount: 4550, currency: "usd" },
      hours_per_week: 20,
    });
    expect(built.ok && "draft" in built.input).toBe(false);
  });

  it("reports problems under the server's field paths", () => {
    const built = buildJobInput(
      form({
        title: " ",
        category: "",
        payment_type: "hourly",
        hourly_rate_min: "50",
        hourly_rate_max: "40",
        hours_per_week: "100",
        hires_wanted: "0",
        screening_questions: [newQuestion("Fine?"), newQuestion(" ")],
      }),
    );
    expect(!built.ok && built.errors).toEqual({
      title: "Enter a title.",
      category: "Choose a category.",
      hourly_rate_max: "The highest rate must not be below the lowest.",
      hours_per_week: "Enter whole hours from 1 to 80.",
      hires_wanted: "Enter how many people to hire, from 1 to 50.",
      "screening_questions[1]": "Write the question, or remove it.",
    });
  });

  it("needs a budget for a fixed-price job", () => {
    expect(buildJobInput(form({ budget: "" }))).toEqual({ ok: false, errors: { budget: "Enter the budget." } });
    expect(buildJobInput(form({ budget: "0" }))).toEqual({ ok: false, errors: { budget: "Enter an amount greater than zero." } });
  });

  it("round-trips a job through the form", () => {
    for (const job of [fixedJob({ screening_questions: ["One?", "Two?"], duration: "1_to_3_months" }), hourlyJob()]) {
      const built = buildJobInput(formFromJob(job));
      expect(built.ok).toBe(true);
      if (!built.ok) continue;
      expect(built.input).toMatchObject({
        title: job.title,
        payment_type: job.payment_type,
        budget: job.budget,
        hourly_rate_min: job.hourly_rate_min,
        hourly_rate_max: job.hourly_rate_max,
        hours_per_week: job.hours_per_week,
        screening_questions: job.screening_questions,
        duration: job.duration,
      });
    }
  });
});
