import { describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { freelancerProfile } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { ProfileForm } from "./ProfileForm";

function setup(profile = freelancerProfile()) {
  const onSaved = vi.fn();
  const user = userEvent.setup();
  renderWithProviders(<ProfileForm profile={profile} onSaved={onSaved} />);
  return { onSaved, user };
}

describe("ProfileForm", () => {
  it("fills its fields from the profile", () => {
    setup(
      freelancerProfile({
        name: "Ada",
        location: "London",
        freelancer: { ...freelancerProfile().freelancer!, headline: "Analyst", hourly_rate: { amount: 8550, currency: "usd" }, skills: [{ slug: "rust", name: "Rust" }] },
      }),
    );
    expect(screen.getByLabelText("Name")).toHaveValue("Ada");
    expect(screen.getByLabelText("Location")).toHaveValue("London");
    expect(screen.getByLabelText("Headline")).toHaveValue("Analyst");
    expect(screen.getByLabelText("Hourly rate (USD)")).toHaveValue("85.50");
    expect(screen.getByRole("list", { name: "Selected skills" })).toHaveTextContent("Rust");
  });

  it("sends the rate as integer cents and keeps what it does not edit", async () => {
    const { calls } = mockApi({
      "PUT /api/users/profile": ({ body }) => json({ ...freelancerProfile(), ...(body as object) }),
    });
    const { user, onSaved } = setup();

    await user.clear(screen.getByLabelText("Name"));
    await user.type(screen.getByLabelText("Name"), "Ada King");
    await user.type(screen.getByLabelText("Headline"), "Analytical engines");
    await user.type(screen.getByLabelText("Hourly rate (USD)"), "$1,234.5");
    await user.selectOptions(screen.getByLabelText("Availability"), "part_time");
    await user.selectOptions(screen.getByLabelText("Experience level"), "expert");
    await user.click(screen.getByRole("button", { name: "Save profile" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const put = calls.find((call) => call.method === "PUT");
    expect(put?.body).toEqual({
      name: "Ada King",
      avatar_file_id: null,
      location: null,
      timezone: null,
      freelancer: {
        headline: "Analytical engines",
        bio: "",
        hourly_rate: { amount: 123450, currency: "usd" },
        availability: "part_time",
        experience_level: "expert",
        skills: [],
        experience: [],
        education: freelancerProfile().freelancer!.education,
        portfolio: [],
      },
    });
  });

  it("checks the rate before sending anything", async () => {
    const { fetchMock } = mockApi({});
    const { user, onSaved } = setup();

    await user.type(screen.getByLabelText("Hourly rate (USD)"), "12.345");
    await user.click(screen.getByRole("button", { name: "Save profile" }));

    expect(await screen.findByText("Use at most two decimal places.")).toBeInTheDocument();
    expect(screen.getByLabelText("Hourly rate (USD)")).toHaveAttribute("aria-invalid", "true");
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("shows the server's field errors next to their fields", async () => {
    mockApi({
      "PUT /api/users/profile": () =>
        json(
          {
            error: {
              code: "validation_failed",
              message: "validation failed",
              fields: {
                timezone: "must be an IANA time zone such as Europe/Berlin",
                "freelancer.skills": "unknown skills: cobol",
                "freelancer.portfolio[0].title": "must not be empty",
              },
            },
          },
          422,
        ),
    });
    const { user, onSaved } = setup();

    await user.type(screen.getByLabelText("Time zone"), "Berlin");
    await user.click(screen.getByRole("button", { name: "Save profile" }));

    const timezone = screen.getByLabelText("Time zone");
    await waitFor(() => expect(timezone).toHaveAttribute("aria-invalid", "true"));
    expect(timezone).toHaveAccessibleDescription(expect.stringContaining("Must be an IANA time zone such as Europe/Berlin"));
    expect(screen.getByRole("combobox", { name: "Skills" })).toHaveAccessibleDescription(expect.stringContaining("Unknown skills: cobol"));
    // A field the form has no input for is still reported, in the summary.
    expect(screen.getByRole("alert")).toHaveTextContent("Portfolio 1: title: must not be empty");
    expect(onSaved).not.toHaveBeenCalled();

    // Editing the field clears its message.
    await user.type(timezone, "x");
    expect(timezone).not.toHaveAttribute("aria-invalid");
  });

  it("adds a client profile when asked", async () => {
    const { calls } = mockApi({ "PUT /api/users/profile": () => json(freelancerProfile()) });
    const { user, onSaved } = setup();

    await user.click(screen.getByLabelText("Add a client profile to hire freelancers"));
    await user.click(screen.getByRole("button", { name: "Save profile" }));
    expect(await screen.findByText("Enter the company name.")).toBeInTheDocument();

    await user.type(screen.getByLabelText("Company name"), "Analytical Engines Ltd");
    await user.type(screen.getByLabelText("Website"), "engines.example");
    await user.selectOptions(screen.getByLabelText("Company size"), "2-10");
    await user.click(screen.getByRole("button", { name: "Save profile" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect((calls[0].body as { client: unknown }).client).toEqual({
      company_name: "Analytical Engines Ltd",
      website: "https://engines.example",
      company_size: "2-10",
      industry: "",
      description: "",
    });
  });
});
