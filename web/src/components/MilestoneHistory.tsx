import type { MilestoneEvent } from "../api/types";
import { describeEvent } from "../lib/milestones";
import { Timeline } from "./Timeline";

interface MilestoneHistoryProps {
  title: string;
  events: MilestoneEvent[];
  nameOf: (userId: string) => string;
}

/** What happened to a milestone, oldest first: hand-ins with their files, requests for changes, payments. */
export function MilestoneHistory({ title, events, nameOf }: MilestoneHistoryProps) {
  const entries = events.map((event) => ({ heading: describeEvent(event, nameOf), created_at: event.created_at, text: event.message, file_ids: event.file_ids }));
  return <Timeline label={`History of ${title}`} entries={entries} className="milestone-history" />;
}
