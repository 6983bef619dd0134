import type { ReactNode } from "react";
import { Link } from "react-router";
import type { UserCard } from "../api/types";
import { Avatar } from "./Avatar";

interface PersonItemProps {
  user: UserCard;
  /** What is said of them, under the name. */
  children?: ReactNode;
  /** Buttons beside the name. */
  actions?: ReactNode;
  /** More below, such as a note or a confirmation. */
  below?: ReactNode;
  /** False where their profile cannot be opened (a blocked user). */
  link?: boolean;
  className?: string;
}

/** A person in a list: picture, name (to their profile), a line about them and what one can do. */
export function PersonItem({ user, children, actions, below, link = true, className }: PersonItemProps) {
  return (
    <li className={["person", className].filter(Boolean).join(" ")} aria-label={user.name}>
      <div className="person__row">
        <Avatar name={user.name} url={user.avatar_url} size="small" />
        <div className="person__main">
          {link ? (
            <Link to={`/users/${user.id}`} className="person__name">
              {user.name}
            </Link>
          ) : (
            <span className="person__name">{user.name}</span>
          )}
          {children && <div className="person__meta">{children}</div>}
        </div>
        {actions && <div className="person__actions">{actions}</div>}
      </div>
      {below}
    </li>
  );
}
