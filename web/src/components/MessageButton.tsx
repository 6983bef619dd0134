import { Link } from "react-router";

/** Opens the conversation with a user. */
export function MessageButton({ userId, name, className = "button button--secondary button--small" }: { userId: string; name: string; className?: string }) {
  return (
    <Link to={`/messages/${userId}`} className={className} aria-label={`Message ${name}`}>
      Message
    </Link>
  );
}
