import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { bid } from "../api/proposals";
import type { Job } from "../api/types";
import { fixedJob, hourlyJob, proposal } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { ProposalForm } from "./ProposalForm";

function setup(job: Job = fixedJob()) {
  const onSubmitted = vi.fn();
  const user = userEvent.setup();
  renderWithProviders(<ProposalForm job={job} submit={(input) => bid(job.id, input)} onSubmitted={onSubmitted} />);
  return { user, onSubmitted };
}

const bidPath = `POST /api/jobs/${fixedJob().id}/bid`;

describe("ProposalForm", () => {
  it("keeps a running total of the milestones against the bid", async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText("Your bid for the whole job (USD)"), "400");
    await user.click(screen.getByRole("button", { name: "Add milestone" }));
    await user.type(screen.getByLabelText("Amount 1 (USD)"), "150");
    const total = screen.getByTestId("milestone-total");
    expect(total).toHaveTextContent("Milestones total: $150.00 of $400.00");
    expect(total).toHaveTextContent("$250.00 of the bid is not in any milestone yet.");

    await user.click(screen.getByRole("button", { name: "Add milestone" }));
    await user.type(screen.getByLabelText("Amount 2 (USD)"), "260.5");
    expect(total).toHaveTextContent("The milestones come to $10.50 more than the bid.");

    await user.clear(screen.getByLabelText("Amount 2 (USD)"));
    await user.type(screen.getByLabelText("Amount 2 (USD)"), "250");
    expect(total).toHaveTextContent(/^Milestones total: \$400\.00 of \$400\.00$/);

    await user.click(screen.getByRole("button", { name: "Remove milestone 1" }));
    expect(screen.getByTestId("milestone-total")).toHaveTextContent("Milestones total: $250.00 of $400.00");
  });

  it("sends the bid and milestones in cents, with the answers", async () => {
    const { calls } = mockApi({ [bidPath]: ({ body }) => json({ ...proposal(), ...(body as object) }, 201) });
    const { user, onSubmitted } = setup();
    await user.type(screen.getByLabelText("Your bid for the whole job (USD)"), "$1,000.50");
    await user.type(screen.getByLabelText("How many days will it take?"), "12");
    await user.type(screen.getByLabelText("Cover letter"), "I have built many pages like this one.");
    await user.type(screen.getByLabelText("Which similar pages have you built?"), "Three.");
    await user.click(screen.getByRole("button", { name: "Add milestone" }));
    await user.type(screen.getByLabelText("Milestone 1"), "Everything");
    await user.type(screen.getByLabelText("Amount 1 (USD)"), "1000.50");
    await user.click(screen.getByRole("button", { name: "Send proposal" }));

    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1));
    expect(calls[0].body).toEqual({
      cover_letter: "I have built many pages like this one.",
      amount: { amount: 100050, currency: "usd" },
      duration_days: 12,
      answers: ["Three."],
      milestones: [{ title: "Everything", amount: { amount: 100050, currency: "usd" }, due_date: null }],
      attachment_file_ids: [],
    });
  });

  it("checks the form before sending anything", async () => {
    const { fetchMock } = mockApi({});
    const { user } = setup();
    await user.type(screen.getByLabelText("Your bid for the whole job (USD)"), "12.345");
    await user.click(screen.getByRole("button", { name: "Send proposal" }));
    expect(await screen.findByText("Use at most two decimal places.")).toBeInTheDocument();
    expect(screen.getByLabelText("Which similar pages have you built?")).toHaveAccessibleDescription("Answer this question.");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the server's field errors next to their fields", async () => {
    mockApi({
      [bidPath]: () =>
        json(
          {
            error: {
              code: "validation_failed",
              message: "validation failed",
              fields: {
                cover_letter: "must be at least 20 characters",
                "answers[0]": "must be at most 2000 characters",
                "milestones[0].due_date": "must be after today",
                attachment_file_ids: "must be attachments you uploaded",
              },
            },
          },
          422,
        ),
    });
    const { user, onSubmitted } = setup();
    await user.type(screen.getByLabelText("Your bid for the whole job (USD)"), "400");
    await user.type(screen.getByLabelText("Cover letter"), "Short.");
    await user.type(screen.getByLabelText("Which similar pages have you built?"), "Many.");
    await user.click(screen.getByRole("button", { name: "Add milestone" }));
    await user.type(screen.getByLabelText("Milestone 1"), "All");
    await user.type(screen.getByLabelText("Amount 1 (USD)"), "400");
    await user.type(screen.getByLabelText("Due date 1"), "2020-01-01");
    await user.click(screen.getByRole("button", { name: "Send proposal" }));

    const cover = screen.getByLabelText("Cover letter");
    await waitFor(() => expect(cover).toHaveAttribute("aria-invalid", "true"));
    expect(cover).toHaveAccessibleDescription(expect.stringContaining("Must be at least 20 characters"));
    expect(screen.getByLabelText("Which similar pages have you built?")).toHaveAccessibleDescription("Must be at most 2000 characters");
    expect(screen.getByLabelText("Due date 1")).toHaveAccessibleDescription("Must be after today");
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Please correct the highlighted fields.");
    expect(within(alert).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Attachment file ids: must be attachments you uploaded"]);
    expect(onSubmitted).not.toHaveBeenCalled();

    await user.type(cover, " More words.");
    expect(cover).not.toHaveAttribute("aria-invalid");
  });

  it("explains a second proposal on the same job", async () => {
    mockApi({ [bidPath]: () => json({ error: { code: "already_proposed", message: "you have already proposed on this job" } }, 409) });
    const { user } = setup(fixedJob({ screening_questions: [] }));
    await user.type(screen.getByLabelText("Your bid for the whole job (USD)"), "400");
    await user.type(screen.getByLabelText("Cover letter"), "I have built many pages like this one.");
    await user.click(screen.getByRole("button", { name: "Send proposal" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You have already proposed on this job");
    expect(screen.getByRole("link", { name: "My proposals" })).toHaveAttribute("href", "/my/proposals");
  });

  it("asks for a rate and offers no milestones on an hourly job", () => {
    setup(hourlyJob());
    expect(screen.getByLabelText("Your hourly rate (USD)")).toHaveAccessibleDescription("The client's budget: $40.00–$60.00/hr.");
    expect(screen.queryByRole("button", { name: "Add milestone" })).not.toBeInTheDocument();
  });
});
