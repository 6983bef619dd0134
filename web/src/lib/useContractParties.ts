import { useQuery } from "@tanstack/react-query";
import type { Contract } from "../api/types";
import { useSession } from "../auth/session";
import { publicProfileQuery } from "../pages/profileQueries";
import { partyRole, type PartyRole } from "./contracts";

export interface ContractParties {
  me: string | undefined;
  /** The viewer's side, or null for someone else (an admin). */
  role: PartyRole | null;
  /** "You" for the viewer, the party's name otherwise. */
  nameOf: (userId: string) => string;
}

/** Who is who on a contract (or a dispute about one), by the names on the parties' public profiles. */
export function useContractParties(contract: Pick<Contract, "client_id" | "freelancer_id">): ContractParties {
  const me = useSession()?.user.id;
  const client = useQuery(publicProfileQuery(contract.client_id)).data;
  const freelancer = useQuery(publicProfileQuery(contract.freelancer_id)).data;
  const names: Record<string, string> = {
    [contract.client_id]: client?.name ?? "Client",
    [contract.freelancer_id]: freelancer?.name ?? "Freelancer",
  };
  return {
    me,
    role: partyRole(contract, me),
    nameOf: (userId) => (userId === me ? "You" : (names[userId] ?? "Downwork")),
  };
}
