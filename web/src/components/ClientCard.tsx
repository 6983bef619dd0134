import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { formatMonth } from "../lib/labels";
import { publicProfileQuery } from "../pages/profileQueries";

/** "About the client": who posted a job. */
export function ClientCard({ clientId }: { clientId: string }) {
  const profile = useQuery(publicProfileQuery(clientId));
  if (!profile.data) return null;
  const client = profile.data;
  return (
    <aside className="card" aria-labelledby="about-client">
      <h2 id="about-client">About the client</h2>
      <p>
        <Link to={`/users/${client.id}`}>{client.name}</Link>
        {client.client?.company_name && <span className="muted"> · {client.client.company_name}</span>}
      </p>
      <ul className="meta">
        {client.location && <li>{client.location}</li>}
        <li>Member since {formatMonth(client.member_since)}</li>
      </ul>
    </aside>
  );
}
