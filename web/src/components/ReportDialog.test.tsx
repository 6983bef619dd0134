import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FREELANCER_ID } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { ReportDialog } from "./ReportDialog";

function open(answer = () => json({ id: "r1", status: "open" }, 201)) {
  const api = mockApi({ "POST /api/reports": answer });
  const closed: string[] = [];
  const user = userEvent.setup();
  renderWithProviders(<ReportDialog kind="user" subjectId={FREELANCER_ID} what="Finn Freelancer" onClose={() => closed.push("closed")} />);
  return { ...api, user, closed };
}

describe("ReportDialog", () => {
  it("asks for a reason, then sends it with the details", async () => {
    const { calls, user } = open();
    const form = screen.getByRole("form", { name: "Report Finn Freelancer" });
    await user.click(within(form).getByRole("button", { name: "Send report" }));
    expect(within(form).getByText("Pick a reason.")).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.selectOptions(within(form).getByLabelText("Reason"), "Asks to pay outside Downwork");
    await user.type(within(form).getByLabelText("Details (optional)"), "Wanted a bank transfer.");
    await user.click(within(form).getByRole("button", { name: "Send report" }));

    expect(await screen.findByRole("status")).toHaveTextContent("we received your report");
    expect(calls[0].body).toEqual({ subject_kind: "user", subject_id: FREELANCER_ID, reason: "off_platform_payment", details: "Wanted a bank transfer." });
  });

  it("shows why the server refused", async () => {
    const { user } = open(() => json({ error: { code: "conflict", message: "You reported this already." } }, 409));
    const form = screen.getByRole("form", { name: "Report Finn Freelancer" });
    await user.selectOptions(within(form).getByLabelText("Reason"), "Spam");
    await user.click(within(form).getByRole("button", { name: "Send report" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You reported this already.");
  });

  it("closes on Cancel", async () => {
    const { user, closed } = open();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(closed).toEqual(["closed"]);
  });
});
