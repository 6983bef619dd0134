import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { useMutation } from "@tanstack/react-query";
import { signup, type SignupInput } from "../api/endpoints";
import { ApiError } from "../api/errors";
import { useSession } from "../auth/session";
import { TextField } from "../components/Field";
import { FormErrors, serverFieldErrors } from "../components/FormErrors";
import { INVITE_PARAM } from "../lib/invites";

export function SignupPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const linkedCode = params.get(INVITE_PARAM) ?? "";
  const [form, setForm] = useState<SignupInput>({ name: "", email: "", password: "", role: "freelancer" });
  const [inviteCode, setInviteCode] = useState(linkedCode);
  // The code is asked for only when it matters: a link carried one, or the server wants one
  // (sign-up is invite-only); once asked, it stays while the form is retried.
  const [askCode, setAskCode] = useState(Boolean(linkedCode));
  const mutation = useMutation({
    mutationFn: signup,
    onSuccess: () => navigate("/profile/edit", { replace: true, state: { welcome: true } }),
    onError: (error) => {
      if (error instanceof ApiError && "invite_code" in error.fields) setAskCode(true);
    },
  });
  const errors = serverFieldErrors(mutation.error);

  if (session && !mutation.isSuccess) return <Navigate to="/profile" replace />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const code = inviteCode.trim();
    mutation.mutate({ ...form, name: form.name.trim(), email: form.email.trim(), ...(code && { invite_code: code }) });
  }

  return (
    <section className="auth-page">
      <div className="card auth-card">
        <h1>Create your account</h1>
        <form className="form" onSubmit={onSubmit} aria-label="Sign up" noValidate>
          <FormErrors error={mutation.error} shown={["name", "email", "password", "role", "invite_code"]} />
          <fieldset className="role-picker">
            <legend>I want to</legend>
            <label className={`role-option${form.role === "freelancer" ? " is-selected" : ""}`}>
              <input type="radio" name="role" value="freelancer" checked={form.role === "freelancer"} onChange={() => setForm({ ...form, role: "freelancer" })} />
              <span>
                <strong>Freelancer</strong>
                <span className="muted">Find work</span>
              </span>
            </label>
            <label className={`role-option${form.role === "client" ? " is-selected" : ""}`}>
              <input type="radio" name="role" value="client" checked={form.role === "client"} onChange={() => setForm({ ...form, role: "client" })} />
              <span>
                <strong>Client</strong>
                <span className="muted">Hire for my projects</span>
              </span>
            </label>
            {errors.role && <p className="field-error">{errors.role}</p>}
          </fieldset>
          <TextField label="Full name" name="name" autoComplete="name" required value={form.name} error={errors.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={form.email}
            error={errors.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            hint="At least 8 characters."
            value={form.password}
            error={errors.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          {askCode && (
            <TextField
              label="Invitation code"
              name="invite_code"
              autoComplete="off"
              hint="The code from the invitation you received."
              value={inviteCode}
              error={errors.invite_code}
              onChange={(e) => setInviteCode(e.target.value)}
            />
          )}
          <button type="submit" className="button button--primary button--block" disabled={mutation.isPending}>
            {mutation.isPending ? "Creating account…" : "Create account"}
          </button>
        </form>
        <p className="auth-card__switch">
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      </div>
    </section>
  );
}
