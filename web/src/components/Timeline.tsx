import { fileUrl } from "../api/endpoints";
import { formatAgo } from "../lib/labels";
import { DocumentButton } from "./DocumentButton";

export interface TimelineEntry {
  /** Who did what: "Finn submitted work". */
  heading: string;
  created_at: string;
  text: string;
  file_ids: string[];
}

/** What happened, oldest first, each with its message and files to download. */
export function Timeline({ label, entries, className = "" }: { label: string; entries: TimelineEntry[]; className?: string }) {
  if (entries.length === 0) return null;
  return (
    <ol className={`timeline ${className}`.trim()} aria-label={label}>
      {entries.map((entry, i) => (
        <li key={i}>
          <p>
            <strong>{entry.heading}</strong>{" "}
            <time className="muted" dateTime={entry.created_at} title={new Date(entry.created_at).toLocaleString()}>
              {formatAgo(entry.created_at)}
            </time>
          </p>
          {entry.text && <p className="prose">{entry.text}</p>}
          {entry.file_ids.length > 0 && (
            <ul className="attachments" aria-label="Files">
              {entry.file_ids.map((id, n) => (
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
