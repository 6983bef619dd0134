import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { announce, listAnnouncements } from "../../api/admin";
import type { Announcement, Audience } from "../../api/types";
import { Options, SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormErrors, serverFieldErrors } from "../../components/FormErrors";
import { LoadMore } from "../../components/LoadMore";
import { ErrorPanel, Loading } from "../../components/Status";
import { AUDIENCES, formatDateTime } from "../../lib/labels";
import { usePaged } from "../../lib/usePaged";

const announcementsKey = ["admin", "announcements"] as const;

/** Announcements to everyone, freelancers or clients, and how far their delivery has got. */
export function AdminAnnouncementsPage() {
  const list = usePaged(announcementsKey, (cursor) => listAnnouncements(cursor));
  const delivering = list.items.some((a) => !a.finished_at);
  // Delivery goes in batches; look again while any is under way.
  const { refetch } = list;
  useEffect(() => {
    if (!delivering) return;
    const timer = setInterval(() => void refetch(), 5_000);
    return () => clearInterval(timer);
  }, [delivering, refetch]);

  return (
    <section className="stack" aria-labelledby="announcements-title">
      <h1 id="announcements-title">Announcements</h1>
      <AnnouncementForm />
      <h2>Sent</h2>
      {list.isPending ? (
        <Loading label="Loading announcements…" />
      ) : list.isError && list.items.length === 0 ? (
        <ErrorPanel error={list.error} retry={() => list.refetch()} />
      ) : list.items.length === 0 ? (
        <p className="muted">No announcements yet.</p>
      ) : (
        <ul className="stack">
          {list.items.map((a) => (
            <li key={a.id}>
              <AnnouncementItem announcement={a} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} error={list.isFetchNextPageError ? list.error : undefined} onLoad={() => list.fetchNextPage()} />
    </section>
  );
}

/** "120 of 300 delivered", or "Delivered to all 300" once done. */
export function describeDelivery(a: Pick<Announcement, "recipients" | "delivered" | "finished_at">): string {
  if (a.finished_at) return `Delivered to all ${a.recipients}`;
  return `${a.delivered} of ${a.recipients} delivered`;
}

function AnnouncementItem({ announcement: a }: { announcement: Announcement }) {
  return (
    <article className="card" aria-label={a.title}>
      <h3>{a.title}</h3>
      <ul className="meta">
        <li>To {AUDIENCES[a.audience as Audience] ?? a.audience}</li>
        <li>{formatDateTime(a.created_at)}</li>
      </ul>
      <p className="prose">{a.body}</p>
      <p>
        <progress max={Math.max(a.recipients, 1)} value={a.finished_at ? Math.max(a.recipients, 1) : a.delivered} aria-label={`Delivery of ${a.title}`} />{" "}
        {describeDelivery(a)}
      </p>
    </article>
  );
}

function AnnouncementForm() {
  const queryClient = useQueryClient();
  const [audience, setAudience] = useState<Audience>("all");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [checks, setChecks] = useState<{ title?: string; body?: string }>({});
  const send = useMutation({
    mutationFn: () => announce({ audience, title: title.trim(), body: body.trim() }),
    onSuccess: () => {
      setTitle("");
      setBody("");
      void queryClient.invalidateQueries({ queryKey: announcementsKey });
    },
  });
  const server = serverFieldErrors(send.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: typeof checks = {};
    if (!title.trim()) found.title = "Give it a title.";
    if (!body.trim()) found.body = "Write the announcement.";
    setChecks(found);
    if (Object.keys(found).length === 0) send.mutate();
  }

  return (
    <form className="card form" aria-label="New announcement" onSubmit={onSubmit} noValidate>
      <h2>New announcement</h2>
      {send.isSuccess && (
        <p className="notice" role="status">
          Announcement sent; delivery is under way.
        </p>
      )}
      <FormErrors error={send.error} shown={["audience", "title", "body"]} />
      <SelectField label="Audience" value={audience} error={server.audience} onChange={(e) => setAudience(e.target.value as Audience)}>
        <Options labels={AUDIENCES} />
      </SelectField>
      <TextField label="Title" maxLength={200} value={title} error={checks.title ?? server.title} onChange={(e) => setTitle(e.target.value)} />
      <TextAreaField label="Message" rows={4} value={body} error={checks.body ?? server.body} onChange={(e) => setBody(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? "Sending…" : "Send announcement"}
        </button>
      </div>
    </form>
  );
}
