import { Link } from "react-router";
import { searchUsers } from "../../api/admin";
import type { Role } from "../../api/types";
import { Options, SelectField, TextField } from "../../components/Field";
import { FilterForm } from "../../components/FilterForm";
import { LoadMore } from "../../components/LoadMore";
import { ErrorPanel, Loading } from "../../components/Status";
import { StatusBadge } from "../../components/StatusBadge";
import { ROLES, STANDINGS, formatDate } from "../../lib/labels";
import { usePaged } from "../../lib/usePaged";
import { useUrlFilters } from "../../lib/useUrlFilters";

interface UserFilters {
  q: string;
  role: Role | "";
  locked_out: boolean;
}

function fromSearch(params: URLSearchParams): UserFilters {
  const role = params.get("role") ?? "";
  return { q: params.get("q") ?? "", role: Object.hasOwn(ROLES, role) ? (role as Role) : "", locked_out: params.get("locked_out") === "true" };
}

function toSearch(filters: UserFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.role) params.set("role", filters.role);
  if (filters.locked_out) params.set("locked_out", "true");
  return params;
}

/** Users searched by name or e-mail, role, and whether they are suspended or banned. */
export function AdminUsersPage() {
  const { filters, draft, setDraft, apply } = useUrlFilters(fromSearch, toSearch);
  const query = { q: filters.q || undefined, role: filters.role || undefined, locked_out: filters.locked_out || undefined };
  const users = usePaged(["admin", "users", query], (cursor) => searchUsers({ ...query, cursor }));

  return (
    <section className="stack" aria-labelledby="admin-users-title">
      <h1 id="admin-users-title">Users</h1>
      <FilterForm label="Users" onApply={() => apply(draft)}>
        <TextField label="Name or e-mail" type="search" value={draft.q} onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} />
        <SelectField label="Role" value={draft.role} onChange={(e) => apply({ ...draft, role: e.target.value as Role | "" })}>
          <option value="">Any role</option>
          <Options labels={ROLES} />
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" checked={draft.locked_out} onChange={(e) => apply({ ...draft, locked_out: e.target.checked })} /> Suspended or banned only
        </label>
      </FilterForm>
      {users.isPending ? (
        <Loading label="Loading users…" />
      ) : users.isError && users.items.length === 0 ? (
        <ErrorPanel error={users.error} retry={() => users.refetch()} />
      ) : users.items.length === 0 ? (
        <p className="muted">No users match.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Roles</th>
              <th scope="col">Standing</th>
              <th scope="col">Joined</th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </td>
                <td>{user.email}</td>
                <td>{user.roles.map((role) => ROLES[role]).join(", ")}</td>
                <td>
                  <StatusBadge status={user.standing} label={STANDINGS[user.standing] ?? user.standing} />
                </td>
                <td>{formatDate(user.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore hasMore={users.hasNextPage} loading={users.isFetchingNextPage} error={users.isFetchNextPageError ? users.error : undefined} onLoad={() => users.fetchNextPage()} />
    </section>
  );
}
