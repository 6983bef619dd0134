import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { getSession } from "../api/session";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { SignupPage } from "./SignupPage";

function renderSignup(route = "/signup") {
  return renderWithProviders(
    <Routes>
      <Route path="/signup" element={<SignupPage />} />
      <Route path="/profile/edit" element={<h1>Set up your profile</h1>} />
    </Routes>,
    { route },
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

  it("asks for an invitation code once the server says sign-up needs one, and sends it", async () => {
    const user = { id: "u2", email: "ada@example.com", name: "Ada Lovelace", role: "freelancer" };
    const { calls } = mockApi({
      "POST /api/users/signup": ({ body }) =>
        (body as { invite_code?: string }).invite_code
          ? json({ user, access_token: "a", refresh_token: "r" }, 201)
          : json({ error: { code: "validation_failed", message: "validation failed", fields: { invite_code: "an invitation code is needed to sign up" } } }, 422),
    });
    const u = userEvent.setup();
    renderSignup();
    expect(screen.queryByLabelText("Invitation code")).toBeNull();
    await u.type(screen.getByLabelText("Full name"), "Ada Lovelace");
    await u.type(screen.getByLabelText("Email"), "ada@example.com");
    await u.type(screen.getByLabelText("Password"), "analytical");
    await u.click(screen.getByRole("button", { name: "Create account" }));

    const code = await screen.findByLabelText("Invitation code");
    expect(code).toHaveAccessibleDescription(expect.stringContaining("An invitation code is needed to sign up"));
    await u.type(code, " WELCOME42 ");
    await u.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByRole("heading", { name: "Set up your profile" })).toBeInTheDocument();
    expect(calls.map((c) => (c.body as { invite_code?: string }).invite_code)).toEqual([undefined, "WELCOME42"]);
  });

  it("fills in the invitation code from the link", async () => {
    const user = { id: "u3", email: "pat@example.com", name: "Pat", role: "freelancer" };
    const { calls } = mockApi({ "POST /api/users/signup": () => json({ user, access_token: "a", refresh_token: "r" }, 201) });
    const u = userEvent.setup();
    renderSignup("/signup?invite=WELCOME42");
    expect(screen.getByLabelText("Invitation code")).toHaveValue("WELCOME42");
    await u.type(screen.getByLabelText("Full name"), "Pat");
    await u.type(screen.getByLabelText("Email"), "pat@example.com");
    await u.type(screen.getByLabelText("Password"), "long enough");
    await u.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByRole("heading", { name: "Set up your profile" })).toBeInTheDocument();
    expect(calls[0].body).toEqual({ name: "Pat", email: "pat@example.com", password: "long enough", role: "freelancer", invite_code: "WELCOME42" });
  });
});
