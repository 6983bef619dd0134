import { describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Job } from "../api/types";
import { categories, fixedJob, hourlyJob } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { JobForm } from "./JobForm";

function setup(job?: Job) {
  const onSaved = vi.fn();
  const user = userEvent.setup();
  renderWithProviders(<JobForm job={job} onSaved={onSaved} />);
  return { user, onSaved };
}

async function fillBasics(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText("Title"), "Build a landing page");
  await user.type(screen.getByLabelText("Description"), "A single responsive page with a signup form.");
  await user.selectOptions(await screen.findByLabelText("Category"), await screen.findByRole("option", { name: "Web Development" }));
}

describe("JobForm", () => {
  it("posts a fixed-price job with the budget in cents", async () => {
    const { calls } = mockApi({
      "GET /api/categories": () => json(categories),
      "POST /api/jobs": () => json(fixedJob(), 201),
    });
    const { user, onSaved } = setup();
    await fillBasics(user);
    await user.type(screen.getByLabelText("Budget (USD)"), "1,500.25");
    await user.click(screen.getByRole("button", { name: "Add question" }));
    await user.type(screen.getByLabelText("Question 1"), "Which similar pages have you built?");
    await user.click(screen.getByRole("button", { name: "Post job" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const post = calls.find((c) => c.method === "POST");
    expect(post?.body).toMatchObject({
      title: "Build a landing page",
      category: "web-development",
      payment_type: "fixed",
      budget: { amount: 150025, currency: "usd" },
      hourly_rate_min: null,
      screening_questions: ["Which similar pages have you built?"],
      draft: false,
    });
  });

  it("saves a draft", async () => {
    const { calls } = mockApi({
      "GET /api/categories": () => json(categories),
      "POST /api/jobs": () => json(fixedJob({ status: "draft" }), 201),
    });
    const { user, onSaved } = setup();
    await fillBasics(user);
    await user.type(screen.getByLabelText("Budget (USD)"), "500");
    await user.click(screen.getByRole("button", { name: "Save as draft" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({ draft: true });
  });

  it("asks for an hourly range instead of a budget", async () => {
    const { calls } = mockApi({
      "GET /api/categories": () => json(categories),
      "POST /api/jobs": () => json(hourlyJob(), 201),
    });
    const { user, onSaved } = setup();
    await fillBasics(user);
    await user.click(screen.getByLabelText(/Hourly/));
    expect(screen.queryByLabelText("Budget (USD)")).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Lowest hourly rate (USD)"), "40");
    await user.type(screen.getByLabelText("Highest hourly rate (USD)"), "60.5");
    await user.type(screen.getByLabelText("Hours per week"), "20");
    await user.click(screen.getByRole("button", { name: "Post job" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({
      payment_type: "hourly",
      budget: null,
      hourly_rate_min: { amount: 4000, currency: "usd" },
      hourly_rate_max: { amount: 6050, currency: "usd" },
      hours_per_week: 20,
    });
  });

  it("shows the server's 422 messages next to their fields", async () => {
    mockApi({
      "GET /api/categories": () => json(categories),
      "POST /api/jobs": () =>
        json(
          {
            error: {
              code: "validation_failed",
              message: "validation failed",
              fields: { title: "must be at least 5 characters", budget: "must be between $5.00 and $10,000,000.00", deadline: "must be after today" },
            },
          },
          422,
        ),
    });
    const { user, onSaved } = setup();
    await fillBasics(user);
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "Site");
    await user.type(screen.getByLabelText("Budget (USD)"), "1");
    await user.click(screen.getByRole("button", { name: "Post job" }));

    const title = screen.getByLabelText("Title");
    await waitFor(() => expect(title).toHaveAttribute("aria-invalid", "true"));
    expect(title).toHaveAccessibleDescription(expect.stringContaining("Must be at least 5 characters"));
    expect(screen.getByLabelText("Budget (USD)")).toHaveAccessibleDescription(expect.stringContaining("Must be between $5.00 and $10,000,000.00"));
    expect(screen.getByLabelText("Deadline")).toHaveAccessibleDescription(expect.stringContaining("Must be after today"));
    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("edits a job with PUT and keeps its attachments", async () => {
    const job = fixedJob({ attachment_file_ids: ["f1"] });
    const { calls } = mockApi({
      "GET /api/categories": () => json(categories),
      [`PUT /api/jobs/${job.id}`]: ({ body }) => json({ ...job, ...(body as object) }),
    });
    const { user, onSaved } = setup(job);
    expect(screen.getByLabelText("Budget (USD)")).toHaveValue("500");
    expect(screen.queryByRole("button", { name: "Save as draft" })).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText("Budget (USD)"));
    await user.type(screen.getByLabelText("Budget (USD)"), "650");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.body).toMatchObject({ budget: { amount: 65000, currency: "usd" }, attachment_file_ids: ["f1"] });
    expect(put?.body).not.toHaveProperty("draft");
  });
});
