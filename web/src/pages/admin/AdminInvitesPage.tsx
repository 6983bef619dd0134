import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createInvite, listInvites } from "../../api/admin";
import type { Invite } from "../../api/types";
import { TextField } from "../../components/Field";
import { FormErrors, serverFieldErrors } from "../../components/FormErrors";
import { LoadMore } from "../../components/LoadMore";
import { ErrorPanel, Loading } from "../../components/Status";
import { signupLink } from "../../lib/invites";
import { formatDateTime } from "../../lib/labels";
import { usePaged } from "../../lib/usePaged";

const invitesKey = ["admin", "invites"] as const;

/** Invitation codes: make one (for sign-up while it is invite-only), and every code made so far. */
export function AdminInvitesPage() {
  const list = usePaged(invitesKey, (cursor) => listInvites(cursor));
  return (
    <section className="stack" aria-labelledby="invites-title">
      <h1 id="invites-title">Invites</h1>
      <InviteForm />
      <h2>Codes</h2>
      {list.isPending ? (
        <Loading label="Loading invites…" />
      ) : list.isError && list.items.length === 0 ? (
        <ErrorPanel error={list.error} retry={() => list.refetch()} />
      ) : list.items.length === 0 ? (
        <p className="muted">No invitation codes yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Made</th>
              <th scope="col">By</th>
              <th scope="col">For</th>
              <th scope="col">Note</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((invite) => (
              <InviteRow key={invite.id} invite={invite} />
            ))}
          </tbody>
        </table>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} error={list.isFetchNextPageError ? list.error : undefined} onLoad={() => list.fetchNextPage()} />
    </section>
  );
}

function InviteRow({ invite }: { invite: Invite }) {
  return (
    <tr>
      <td>
        <code>{invite.code}</code>
      </td>
      <td>{formatDateTime(invite.created_at)}</td>
      <td>{invite.by_admin ? "An admin" : <Link to={`/admin/users/${invite.created_by}`}>User {invite.created_by.slice(-8)}</Link>}</td>
      <td>{invite.email ?? "Anyone with the code"}</td>
      <td>{invite.note || "—"}</td>
      <td>
        {invite.used_at ? (
          <>
            Used {formatDateTime(invite.used_at)}
            {invite.used_by && (
              <>
                {" "}
                by <Link to={`/admin/users/${invite.used_by}`}>user {invite.used_by.slice(-8)}</Link>
              </>
            )}
          </>
        ) : new Date(invite.expires_at) <= new Date() ? (
          "Expired"
        ) : (
          `Good until ${formatDateTime(invite.expires_at)}`
        )}
      </td>
    </tr>
  );
}

function InviteForm() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [note, setNote] = useState("");
  const [checks, setChecks] = useState<{ note?: string }>({});
  const create = useMutation({
    mutationFn: () => createInvite({ email: email.trim() || null, note: note.trim() }),
    onSuccess: () => {
      setEmail("");
      setNote("");
      void queryClient.invalidateQueries({ queryKey: invitesKey });
    },
  });
  const server = serverFieldErrors(create.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The note is the audit log's reason for the code.
    const found: typeof checks = note.trim() ? {} : { note: "Say what the code is for; it goes in the audit log." };
    setChecks(found);
    if (!found.note) create.mutate();
  }

  return (
    <form className="card form" aria-label="New invite" onSubmit={onSubmit} noValidate>
      <h2>New invite</h2>
      {create.isSuccess && <CreatedInvite invite={create.data} />}
      <FormErrors error={create.error} shown={["email", "note"]} />
      <TextField
        label="Email (optional)"
        type="email"
        hint="The code is mailed there, and only that address may use it."
        value={email}
        error={server.email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextField label="Note" maxLength={500} value={note} error={checks.note ?? server.note} onChange={(e) => setNote(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create invite"}
        </button>
      </div>
    </form>
  );
}

/** The new code and its sign-up link, to hand on. */
function CreatedInvite({ invite }: { invite: Invite }) {
  const link = signupLink(invite.code);
  return (
    <div className="notice" role="status">
      <p>
        Invite created{invite.email ? `, and mailed to ${invite.email}` : ""}: <code>{invite.code}</code>, good until {formatDateTime(invite.expires_at)}.
      </p>
      <p>
        Sign-up link: <a href={link}>{link}</a>
      </p>
    </div>
  );
}
