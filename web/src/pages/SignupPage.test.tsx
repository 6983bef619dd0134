import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { getSession } from "../api/session";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { SignupPage } from "./SignupPage";

function renderSignup() {
  return renderWithProviders(
    <Routes>
      <Route path="/signup" element={<SignupPage />} />
      <Route path="/profile/edit" element={<h1>Set up your profile</h1>} />
    </Routes>,
    { route: "/signup" },
  );
}

describe("SignupPage", () => {
  it("creates the account with the chosen role and continues to the profile editor", async () => {
    const user = { id: "u1", email: "grace@example.com", name: "Grace Hopper", role: "client" };
    const { calls } = mockApi({ "POST /api/users/signup": () => json({ user, access_token: "a", refresh_token: "r" }, 201) });
    const u = userEvent.setup();
    renderSignup();

    await u.click(screen.getByLabelText(/Client/));
    await u.type(screen.getByLabelText("Full name"), "Grace Hopper");
    await u.type(screen.getByLabelText("Email"), "grace@example.com");
    await u.type(screen.getByLabelText("Password"), "cobol-forever");
    await u.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByRole("heading", { name: "Set up your profile" })).toBeInTheDocument();
    expect(calls[0].body).toEqual({ name: "Grace Hopper", email: "grace@example.com", password: "cobol-forever", role: "client" });
    expect(getSession()?.user).toEqual(user);
  });

  it("shows the server's messages next to the fields", async () => {
    mockApi({
      "POST /api/users/signup": () =>
        json(
          {
            error: {
              code: "validation_failed",
              message: "validation failed",
              fields: { email: "must be a valid e-mail address", password: "must be at least 8 characters" },
            },
          },
          422,
        ),
    });
    const u = userEvent.setup();
    renderSignup();
    await u.type(screen.getByLabelText("Full name"), "G");
    await u.type(screen.getByLabelText("Email"), "nope");
    await u.type(screen.getByLabelText("Password"), "short");
    await u.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByText("Must be a valid e-mail address")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(expect.stringContaining("Must be at least 8 characters"));
    expect(screen.getByLabelText("Full name")).not.toHaveAttribute("aria-invalid");
    expect(getSession()).toBeNull();
  });

  it("reports a taken e-mail address", async () => {
    mockApi({
      "POST /api/users/signup": () => json({ error: { code: "email_taken", message: "an account with this e-mail address exists" } }, 409),
    });
    const u = userEvent.setup();
    renderSignup();
    await u.type(screen.getByLabelText("Full name"), "Grace");
    await u.type(screen.getByLabelText("Email"), "grace@example.com");
    await u.type(screen.getByLabelText("Password"), "long enough");
    await u.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("An account with this e-mail address exists");
  });
});
