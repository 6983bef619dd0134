import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { setSession } from "../api/session";
import { fixedJob, jobSummary, sharedJob, userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { SharedJobs } from "./SharedJobs";

describe("SharedJobs", () => {
  it("lists jobs friends shared, with who, the pay and the note", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "freelancer" } });
    const closed = sharedJob({ id: "s2", job: jobSummary(fixedJob({ id: "j2", title: "Old logo", status: "closed" })), note: "", from: userCard(2, "Cy Colleague") });
    mockApi({ "GET /api/jobs/shared-with-me": () => json({ items: [sharedJob(), closed], next_cursor: null }) });
    renderWithProviders(<SharedJobs />);

    const list = await screen.findByRole("list", { name: "Jobs shared with me" });
    const item = within(list).getByRole("listitem", { name: fixedJob().title });
    expect(within(item).getByRole("link", { name: fixedJob().title })).toHaveAttribute("href", `/jobs/${fixedJob().id}`);
    expect(within(item).getByRole("link", { name: "Bo Friend" })).toHaveAttribute("href", `/users/${userCard(1, "Bo Friend").id}`);
    expect(item).toHaveTextContent("$500.00");
    expect(item).toHaveTextContent("Thought of you for this one.");
    expect(within(list).getByRole("listitem", { name: "Old logo" })).toHaveTextContent("Closed");
  });

  it("says what will show when nothing was shared", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "freelancer" } });
    mockApi({ "GET /api/jobs/shared-with-me": () => json({ items: [], next_cursor: null }) });
    renderWithProviders(<SharedJobs />);
    expect(await screen.findByText("Jobs your friends share with you will show up here.")).toBeInTheDocument();
  });
});
