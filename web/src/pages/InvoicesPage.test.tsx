import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { CLIENT_ID, FREELANCER_ID, invoice } from "../test/fixtures";
import { json, mockApi, renderWithProviders, stubObjectUrls } from "../test/utils";
import { InvoicesPage } from "./InvoicesPage";

const first = invoice();
const second = invoice({ id: "i2", number: "DW-2026-000002", issued_at: "2026-11-30T10:00:00Z" });

function open(userId: string) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: userId, email: "x@example.com", name: "X", role: "client" } });
  const api = mockApi({
    "GET /api/invoices": ({ search }) =>
      new URLSearchParams(search).get("cursor") === "c2" ? json({ items: [first], next_cursor: null }) : json({ items: [second], next_cursor: "c2" }),
    [`GET /api/invoices/${first.id}`]: () => new Response("%PDF-1.7", { headers: { "Content-Type": "application/pdf" } }),
    "GET /api/invoices/i2": ({ search }) =>
      search === "?format=html"
        ? new Response("<h1>Invoice</h1>", { headers: { "Content-Type": "text/html; charset=utf-8" } })
        : json({ error: { code: "internal", message: "the PDF could not be made" } }, 500),
  });
  const user = userEvent.setup();
  renderWithProviders(<InvoicesPage />);
  return { ...api, user };
}

describe("InvoicesPage", () => {
  it("lists the client's invoices with what they paid, page by page", async () => {
    const { user } = open(CLIENT_ID);
    const table = await screen.findByRole("table", { name: "Invoices" });
    const row = within(table).getByRole("row", { name: /DW-2026-000002/ });
    expect(row).toHaveTextContent("Nov 30, 2026");
    expect(row).toHaveTextContent("You paid $210.00");
    expect(within(row).getByRole("link", { name: first.title })).toHaveAttribute("href", `/contracts/${first.contract_id}`);

    await user.click(screen.getByRole("button", { name: "Load more" }));
    expect(await within(table).findByRole("row", { name: /DW-2026-000001/ })).toBeInTheDocument();
  });

  it("shows the freelancer what they received", async () => {
    open(FREELANCER_ID);
    const row = await screen.findByRole("row", { name: /DW-2026-000002/ });
    expect(row).toHaveTextContent("You received $180.00");
  });

  it("downloads the PDF with the session's token, and opens the printable page in a new tab", async () => {
    const createObjectURL = stubObjectUrls();
    const saved = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const tab = { location: { href: "" }, close: vi.fn() };
    vi.spyOn(window, "open").mockImplementation(() => tab as unknown as Window);
    const { calls, user } = open(CLIENT_ID);
    await user.click(await screen.findByRole("button", { name: "Load more" }));

    const actions = await screen.findByRole("group", { name: `Invoice ${first.number}` });
    await user.click(within(actions).getByRole("button", { name: "Download PDF" }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect((saved.mock.contexts[0] as HTMLAnchorElement).download).toBe("DW-2026-000001.pdf");
    const pdf = calls.find((c) => c.path === `/api/invoices/${first.id}`);
    expect(pdf?.search).toBe("?format=pdf");
    expect(pdf?.headers.get("Authorization")).toBe("Bearer a");
    expect(createObjectURL.mock.calls[0][0].type).toBe("application/pdf");

    await user.click(within(screen.getByRole("group", { name: "Invoice DW-2026-000002" })).getByRole("button", { name: "View" }));
    await waitFor(() => expect(tab.location.href).toBe("blob:document"));
    expect(window.open).toHaveBeenCalledWith("", "_blank");
  });

  it("says so in place when a document cannot be fetched", async () => {
    const { user } = open(CLIENT_ID);
    const actions = await screen.findByRole("group", { name: "Invoice DW-2026-000002" });
    await user.click(within(actions).getByRole("button", { name: "Download PDF" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The PDF could not be made");
  });
});
