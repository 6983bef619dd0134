import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { CLIENT_ID, FREELANCER_ID, contractDetail, dispute, invoice, milestone } from "../test/fixtures";
import { open } from "../test/contractPage";
import { json, stubObjectUrls } from "../test/utils";

const base = contractDetail();
const [design] = base.milestones;

const milestoneCard = (title: string) => screen.findByRole("article", { name: new RegExp(`^\\d+\\. ${title}$`) });
const paymentPath = `/api/contracts/${base.id}/payment`;

describe("ContractPage", () => {
  beforeEach(() => {
    stubObjectUrls();
  });

  it("lets the client fund a milestone after confirming, with one idempotency key across retries", async () => {
    let attempts = 0;
    const { calls, state, user } = open(CLIENT_ID, base, {
      [`POST ${paymentPath}`]: () => {
        attempts += 1;
        if (attempts === 1) return json({ error: { code: "payment_failed", message: "the card was declined" } }, 402);
        state.contract = { ...base, milestones: [{ ...design, status: "funded" }, base.milestones[1]] };
        return json({ ...design, status: "funded" });
      },
    });
    const card = await milestoneCard("Design");
    expect(within(card).getByText("Not funded yet")).toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Fund milestone" }));
    const panel = within(card).getByRole("group", { name: "Fund Design" });
    expect(panel).toHaveTextContent("Put $200.00 in escrow for “Design”");

    await user.click(within(panel).getByRole("button", { name: "Fund $200.00" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("The card was declined");
    await user.click(within(panel).getByRole("button", { name: "Fund $200.00" }));

    expect(await within(card).findByText("Funded")).toBeInTheDocument();
    expect(within(card).queryByRole("group", { name: "Fund Design" })).not.toBeInTheDocument();
    const payments = calls.filter((c) => c.method === "POST" && c.path === paymentPath);
    expect(payments.map((c) => c.body)).toEqual([
      { milestone_id: design.id, action: "fund" },
      { milestone_id: design.id, action: "fund" },
    ]);
    const keys = payments.map((c) => c.headers.get("Idempotency-Key"));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    // The sandbox takes no payment method: no provider's script is loaded.
    expect(document.querySelectorAll("script")).toHaveLength(0);
  });

  it("shows the client the submitted work with its files, and approves and releases it", async () => {
    const submitted = contractDetail({
      milestones: [{ ...design, status: "submitted", submitted_at: "2026-11-29T09:00:00Z" }],
      history: [
        {
          milestone_id: design.id,
          kind: "submitted",
          author_id: FREELANCER_ID,
          message: "Mockups for desktop and mobile.",
          file_ids: ["f1"],
          created_at: "2026-11-29T09:00:00Z",
        },
      ],
    });
    const { calls, user } = open(CLIENT_ID, submitted, {
      [`POST ${paymentPath}`]: () => json({ ...design, status: "released" }),
      "GET /api/files/f1": () => new Response("%PDF-1.4", { headers: { "Content-Type": "application/pdf" } }),
    });
    const card = await milestoneCard("Design");
    const history = within(card).getByRole("list", { name: "History of Design" });
    expect(await within(history).findByText("Finn Freelancer submitted work")).toBeInTheDocument();
    expect(within(history).getByText("Mockups for desktop and mobile.")).toBeInTheDocument();

    // Attachments need the bearer token, so they are fetched and saved from the page.
    const saved = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    await user.click(within(history).getByRole("button", { name: "Download attachment 1" }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect((saved.mock.contexts[0] as HTMLAnchorElement).download).toBe("attachment-1.pdf");
    expect(calls.find((c) => c.path === "/api/files/f1")?.headers.get("Authorization")).toBe("Bearer a");

    expect(within(card).getByRole("button", { name: "Request changes" })).toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Approve & release" }));
    const panel = within(card).getByRole("group", { name: "Release Design" });
    expect(panel).toHaveTextContent("pay $200.00 to Finn Freelancer");
    await user.click(within(panel).getByRole("button", { name: "Release $200.00" }));
    await waitFor(() => expect(calls.find((c) => c.path === paymentPath)?.body).toEqual({ milestone_id: design.id, action: "release" }));
  });

  it("lets the client ask for changes, with a message", async () => {
    const submitted = contractDetail({ milestones: [{ ...design, status: "submitted", submitted_at: "2026-11-29T09:00:00Z" }] });
    const path = `/api/contracts/${base.id}/milestones/${design.id}/request-changes`;
    const { calls, user } = open(CLIENT_ID, submitted, { [`POST ${path}`]: () => json({ ...design, status: "changes_requested" }) });
    const card = await milestoneCard("Design");
    await user.click(within(card).getByRole("button", { name: "Request changes" }));
    const form = within(card).getByRole("form", { name: "Request changes to Design" });
    await user.click(within(form).getByRole("button", { name: "Send request" }));
    expect(within(form).getByLabelText("What should change")).toHaveAccessibleDescription(/Write a message\./);
    expect(calls.some((c) => c.path === path)).toBe(false);

    await user.type(within(form).getByLabelText("What should change"), "Use the brand colours.");
    await user.click(within(form).getByRole("button", { name: "Send request" }));
    await waitFor(() => expect(calls.find((c) => c.path === path)?.body).toEqual({ message: "Use the brand colours." }));
  });

  it("lets the freelancer submit work with a message and an uploaded attachment", async () => {
    const funded = contractDetail({ milestones: [{ ...design, status: "funded" }] });
    const path = `/api/contracts/${base.id}/milestones/${design.id}/submit`;
    const { calls, user } = open(FREELANCER_ID, funded, {
      "POST /api/files": () =>
        json({ id: "f9", purpose: "attachment", content_type: "application/pdf", size_bytes: 8, url: "/api/files/f9", created_at: "2026-11-29T09:00:00Z" }, 201),
      [`POST ${path}`]: () => json({ ...design, status: "submitted" }),
    });
    const card = await milestoneCard("Design");
    expect(within(card).queryByRole("button", { name: "Fund milestone" })).not.toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Submit work" }));
    const form = within(card).getByRole("form", { name: "Submit work for Design" });
    await user.type(within(form).getByLabelText("Message to the client"), "Both mockups are attached.");
    await user.upload(within(form).getByLabelText("Attachments (optional)"), new File(["%PDF-1.4"], "mockups.pdf", { type: "application/pdf" }));
    expect(await within(form).findByRole("list", { name: "Attached files" })).toHaveTextContent("mockups.pdf");
    expect(String(calls.find((c) => c.path === "/api/files")?.body)).toContain("attachment");

    await user.click(within(form).getByRole("button", { name: "Submit work" }));
    await waitFor(() => expect(calls.find((c) => c.path === path)?.body).toEqual({ message: "Both mockups are attached.", file_ids: ["f9"] }));
  });

  it("lets the freelancer refund escrow, and says when a payment was released automatically", async () => {
    const contract = contractDetail({
      milestones: [{ ...design, status: "submitted", submitted_at: "2026-11-01T09:00:00Z" }, milestone({ id: "m2", position: 1, title: "Build", status: "released" })],
      history: [{ milestone_id: "m2", kind: "auto_released", author_id: null, message: "", file_ids: [], created_at: "2026-11-15T09:00:00Z" }],
    });
    const { calls, user } = open(FREELANCER_ID, contract, { [`POST ${paymentPath}`]: () => json({ ...design, status: "refunded" }) });
    const build = await milestoneCard("Build");
    expect(within(build).getByText("Released automatically after the review period")).toBeInTheDocument();
    expect(within(build).queryByRole("button")).not.toBeInTheDocument();

    const card = await milestoneCard("Design");
    expect(within(card).queryByRole("button", { name: "Submit work" })).not.toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Refund" }));
    const panel = within(card).getByRole("group", { name: "Refund Design" });
    expect(panel).toHaveTextContent("Give the $200.00 in escrow for “Design” back to Cleo Client?");
    await user.click(within(panel).getByRole("button", { name: "Refund $200.00" }));
    await waitFor(() => expect(calls.find((c) => c.path === paymentPath)?.body).toEqual({ milestone_id: design.id, action: "refund" }));
  });

  it("shows the server's refusal in place", async () => {
    const funded = contractDetail({ milestones: [{ ...design, status: "funded" }] });
    const { user } = open(CLIENT_ID, funded, {
      [`POST ${paymentPath}`]: () => json({ error: { code: "illegal_transition", message: "milestone cannot be released when refunded" } }, 409),
    });
    const card = await milestoneCard("Design");
    await user.click(within(card).getByRole("button", { name: "Approve & release" }));
    const panel = within(card).getByRole("group", { name: "Release Design" });
    await user.click(within(panel).getByRole("button", { name: "Release $200.00" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("Milestone cannot be released when refunded");
    expect(within(panel).getByRole("button", { name: "Release $200.00" })).toBeEnabled();
  });

  it("lets the client ask to cancel, then shows the request as pending", async () => {
    const funded = contractDetail({ milestones: [{ ...design, status: "funded" }] });
    const path = `/api/contracts/${base.id}/end`;
    const { calls, state, user } = open(CLIENT_ID, funded, {
      [`POST ${path}`]: () => {
        state.contract = { ...funded, cancel_requested_by: CLIENT_ID };
        return json(state.contract);
      },
    });
    const end = await screen.findByRole("region", { name: "End contract" });
    await user.click(within(end).getByRole("button", { name: "Cancel contract" }));
    const panel = within(end).getByRole("group", { name: "Cancel contract" });
    expect(panel).toHaveTextContent("the $200.00 in escrow is refunded to you");
    await user.click(within(panel).getByRole("button", { name: "Ask to cancel" }));

    expect(await within(end).findByText("Cancellation requested.")).toBeInTheDocument();
    expect(within(end).queryByRole("button", { name: "Cancel contract" })).not.toBeInTheDocument();
    const request = calls.find((c) => c.path === path);
    expect(request?.body).toEqual({ ending: "cancel" });
    expect(request?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lets the freelancer agree to the client's cancellation, or complete the contract", async () => {
    const asked = contractDetail({ milestones: [{ ...design, status: "funded" }], cancel_requested_by: CLIENT_ID });
    const path = `/api/contracts/${base.id}/end`;
    const { calls, user } = open(FREELANCER_ID, asked, { [`POST ${path}`]: () => json({ ...asked, status: "cancelled" }) });
    const end = await screen.findByRole("region", { name: "End contract" });
    expect(await within(end).findByText("Cleo Client asked to cancel this contract.")).toBeInTheDocument();
    expect(screen.getByText("Cancellation requested")).toBeInTheDocument();

    await user.click(within(end).getByRole("button", { name: "Complete contract" }));
    expect(within(end).getByRole("group", { name: "Complete contract" })).toHaveTextContent("First release or refund the $200.00 still in escrow.");
    await user.click(within(end).getByRole("button", { name: "Cancel" }));

    await user.click(within(end).getByRole("button", { name: "Agree to cancel" }));
    const panel = within(end).getByRole("group", { name: "Cancel contract" });
    expect(panel).toHaveTextContent("The $200.00 in escrow goes back to Cleo Client at once.");
    await user.click(within(panel).getByRole("button", { name: "Cancel contract now" }));
    await waitFor(() => expect(calls.find((c) => c.path === path)?.body).toEqual({ ending: "cancel" }));
  });

  it("lets either party add a milestone, and change or remove one that is not funded", async () => {
    const milestonePath = `/api/contracts/${base.id}/milestones`;
    const { calls, user } = open(FREELANCER_ID, base, {
      [`POST /api/contracts/${base.id}/milestone`]: () =>
        json({ error: { code: "validation_failed", message: "validation failed", fields: { due_date: "must be after today" } } }, 422),
      [`PUT ${milestonePath}/${design.id}`]: ({ body }) => json({ ...design, ...(body as object) }),
      [`DELETE ${milestonePath}/${base.milestones[1].id}`]: () => new Response(null, { status: 204 }),
    });
    const section = await screen.findByRole("region", { name: "Milestones" });
    await user.click(within(section).getByRole("button", { name: "Add milestone" }));
    const add = within(section).getByRole("form", { name: "New milestone" });
    await user.click(within(add).getByRole("button", { name: "Add milestone" }));
    expect(within(add).getByLabelText("Milestone")).toHaveAccessibleDescription("Name this milestone.");
    await user.type(within(add).getByLabelText("Milestone"), "QA pass");
    await user.type(within(add).getByLabelText("Amount (USD)"), "120.50");
    await user.type(within(add).getByLabelText("Due date (optional)"), "2020-01-01");
    await user.click(within(add).getByRole("button", { name: "Add milestone" }));
    expect(await within(add).findByText("Must be after today")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ title: "QA pass", amount: { amount: 12050, currency: "usd" }, due_date: "2020-01-01" });
    await user.click(within(add).getByRole("button", { name: "Cancel" }));

    const card = await milestoneCard("Design");
    await user.click(within(card).getByRole("button", { name: "Edit milestone" }));
    const edit = within(card).getByRole("form", { name: "Edit Design" });
    const amount = within(edit).getByLabelText("Amount (USD)");
    expect(amount).toHaveValue("200");
    await user.clear(amount);
    await user.type(amount, "210");
    await user.click(within(edit).getByRole("button", { name: "Save milestone" }));
    await waitFor(() => expect(calls.find((c) => c.method === "PUT")?.body).toEqual({ title: "Design", amount: { amount: 21000, currency: "usd" }, due_date: null }));

    const build = await milestoneCard("Build");
    await user.click(within(build).getByRole("button", { name: "Remove milestone" }));
    const remove = within(build).getByRole("group", { name: "Remove Build" });
    expect(remove).toHaveTextContent("Remove “Build” ($250.00) from the contract?");
    await user.click(within(remove).getByRole("button", { name: "Remove milestone" }));
    await waitFor(() => expect(calls.some((c) => c.method === "DELETE" && c.path === `${milestonePath}/${base.milestones[1].id}`)).toBe(true));
  });

  it("lets a party dispute a funded milestone with a reason, a description and evidence", async () => {
    const funded = contractDetail({ milestones: [{ ...design, status: "funded" }] });
    const { calls, user } = open(CLIENT_ID, funded, {
      "POST /api/files": () => json({ id: "f1", purpose: "attachment", content_type: "application/pdf", size: 4, url: "/api/files/f1" }, 201),
      "POST /api/disputes": () => json(dispute(), 201),
      "GET /api/disputes": () => json({ items: [], next_cursor: null }),
    });
    const card = await milestoneCard("Design");
    await user.click(within(card).getByRole("button", { name: "Open a dispute" }));
    const form = within(card).getByRole("form", { name: "Dispute Design" });
    await user.selectOptions(within(form).getByLabelText("Reason"), "The work is not good enough");
    await user.type(within(form).getByLabelText("What went wrong"), "Too short");
    await user.click(within(form).getByRole("button", { name: "Open dispute" }));
    expect(within(form).getByText("Describe what went wrong in at least 10 characters.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("What went wrong"), ": the mockups ignore the brand guide.");
    await user.upload(within(form).getByLabelText("Attachments (optional)"), new File(["%PDF"], "guide.pdf", { type: "application/pdf" }));
    expect(await within(form).findByText("guide.pdf")).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Open dispute" }));

    const opened = () => calls.find((c) => c.method === "POST" && c.path === "/api/disputes");
    await waitFor(() => expect(opened()).toBeDefined());
    expect(opened()?.body).toEqual({
      milestone_id: design.id,
      reason: "quality",
      description: "Too short: the mockups ignore the brand guide.",
      evidence_file_ids: ["f1"],
    });
  });

  it("lists the contract's disputes, each leading to its page", async () => {
    const disputed = contractDetail({ milestones: [{ ...design, status: "disputed" }, base.milestones[1]] });
    const { calls } = open(FREELANCER_ID, disputed, { "GET /api/disputes": () => json({ items: [dispute()], next_cursor: null }) });
    const section = await screen.findByRole("region", { name: "Disputes" });
    expect(await within(section).findByRole("link", { name: "Dispute over “Design”" })).toHaveAttribute("href", `/disputes/${dispute().id}`);
    expect(calls.find((c) => c.path === "/api/disputes")?.search).toBe(`?contract_id=${disputed.id}&limit=100`);
    expect(within(await milestoneCard("Design")).queryByRole("button", { name: "Open a dispute" })).toBeNull();
  });

  it("lists the contract's invoices from the viewer's side", async () => {
    const other = invoice({ id: "other", number: "DW-2026-000009", contract_id: "another-contract" });
    open(CLIENT_ID, base, {}, [invoice(), other]);
    const table = await screen.findByRole("table", { name: "Invoices" });
    expect(within(table).getByRole("rowheader", { name: "DW-2026-000001" })).toBeInTheDocument();
    expect(within(table).queryByText("DW-2026-000009")).not.toBeInTheDocument();
    expect(within(table).getByText("You paid")).toBeInTheDocument();
    expect(within(table).getByText("$210.00")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "All invoices" })).toHaveAttribute("href", "/invoices");
  });

  it("offers each party a way to message the other", async () => {
    open(CLIENT_ID, base);
    expect(await screen.findByRole("link", { name: "Message Finn Freelancer" })).toHaveAttribute("href", `/messages/${FREELANCER_ID}`);
    expect(screen.queryByRole("link", { name: "Message Cleo Client" })).toBeNull();
  });

  it("offers the freelancer a way to message the client", async () => {
    open(FREELANCER_ID, base);
    expect(await screen.findByRole("link", { name: "Message Cleo Client" })).toHaveAttribute("href", `/messages/${CLIENT_ID}`);
    expect(screen.queryByRole("link", { name: /^Message Finn/ })).toBeNull();
  });
});
