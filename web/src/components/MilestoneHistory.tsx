import { fileUrl } from "../api/endpoints";
import type { MilestoneEvent } from "../api/types";
import { formatAgo } from "../lib/labels";
import { describeEvent } from "../lib/milestones";
import { DocumentButton } from "./DocumentButton";

interface MilestoneHistoryProps {
  title: string;
  events: MilestoneEvent[];
  nameOf: (userId: string) => string;
}

/** What happened to a milestone, oldest first: hand-ins with their files, requests for changes, payments. */
export function MilestoneHistory({ title, events, nameOf }: MilestoneHistoryProps) {
  if (events.length === 0) return null;
  return (
    <ol className="timeline milestone-history" aria-label={`History of ${title}`}>
      {events.map((event, i) => (
        <li key={i}>
          <p>
            <strong>{describeEvent(event, nameOf)}</strong>{" "}
            <time className="muted" dateTime={event.created_at} title={new Date(event.created_at).toLocaleString()}>
              {formatAgo(event.created_at)}
            </time>
          </p>
          {event.message && <p className="prose">{event.message}</p>}
          {event.file_ids.length > 0 && (
            <ul className="attachments" aria-label="Files">
              {event.file_ids.map((id, n) => (
                <li key={id}>
                  <DocumentButton path={fileUrl(id)} mode="save" saveAs={`attachment-${n + 1}`} className="link-button">
                    Download attachment {n + 1}
                  </DocumentButton>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
