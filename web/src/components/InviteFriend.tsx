import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { inviteFriend } from "../api/invites";
import { TextField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";

/** Invites someone to Downwork by e-mail; the server mails them a code to sign up with. */
export function InviteFriend() {
  const [email, setEmail] = useState("");
  const [check, setCheck] = useState<string>();
  const invite = useMutation({
    mutationFn: inviteFriend,
    onSuccess: () => setEmail(""),
  });
  const server = serverFieldErrors(invite.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    setCheck(address ? undefined : "Enter your friend's e-mail address.");
    if (address) invite.mutate(address);
  }

  return (
    <section className="card" aria-labelledby="invite-friend-heading">
      <h2 id="invite-friend-heading">Invite a friend</h2>
      <form className="form" aria-label="Invite a friend" onSubmit={onSubmit} noValidate>
        {invite.isSuccess && (
          <p className="notice" role="status">
            Invitation sent to {invite.data.email}.
          </p>
        )}
        <FormErrors error={invite.error} shown={["email"]} />
        <TextField
          label="Friend's email"
          type="email"
          hint="They get a code to sign up with, good for 14 days."
          value={email}
          error={check ?? server.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={invite.isPending}>
            {invite.isPending ? "Sending…" : "Send invitation"}
          </button>
        </div>
      </form>
    </section>
  );
}
