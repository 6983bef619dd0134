import { useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { useMutation } from "@tanstack/react-query";
import { login } from "../api/endpoints";
import { useSession } from "../auth/session";
import { TextField } from "../components/Field";
import { FormErrors, serverFieldErrors } from "../components/FormErrors";

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/profile";
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const mutation = useMutation({
    mutationFn: () => login(email.trim(), password),
    onSuccess: () => navigate(from, { replace: true }),
  });
  const errors = serverFieldErrors(mutation.error);

  if (session && !mutation.isSuccess) return <Navigate to={from} replace />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <section className="auth-page">
      <div className="card auth-card">
        <h1>Log in</h1>
        <form className="form" onSubmit={onSubmit} aria-label="Log in" noValidate>
          <FormErrors error={mutation.error} shown={["email", "password"]} />
          <TextField label="Email" name="email" type="email" autoComplete="email" required value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="button button--primary button--block" disabled={mutation.isPending}>
            {mutation.isPending ? "Logging in…" : "Log in"}
          </button>
        </form>
        <p className="auth-card__switch">
          New to Downwork? <Link to="/signup">Create an account</Link>
        </p>
      </div>
    </section>
  );
}
