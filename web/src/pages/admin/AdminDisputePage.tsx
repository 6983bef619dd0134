import { useParams } from "react-router";
import { DisputeDetail } from "../../components/DisputeDetail";
import { DisputeLoader } from "../../components/DisputeLoader";
import { ResolveDispute } from "../../components/ResolveDispute";

/** One dispute for an admin: everything the parties see, and the decision while it is open. */
export function AdminDisputePage() {
  const { id = "" } = useParams();
  return (
    <DisputeLoader id={id} backTo="/admin/disputes">
      {(dispute) => (
        <div className="stack">
          <DisputeDetail dispute={dispute} listPath="/admin/disputes" />
          <div className="narrow">
            <ResolveDispute dispute={dispute} />
          </div>
        </div>
      )}
    </DisputeLoader>
  );
}
