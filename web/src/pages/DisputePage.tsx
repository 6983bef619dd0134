import { useParams } from "react-router";
import { DisputeDetail } from "../components/DisputeDetail";
import { DisputeLoader } from "../components/DisputeLoader";

/** One dispute, for its parties: where it stands, what was said, and what they can do. */
export function DisputePage() {
  const { id = "" } = useParams();
  return (
    <DisputeLoader id={id} backTo="/disputes">
      {(dispute) => <DisputeDetail dispute={dispute} listPath="/disputes" />}
    </DisputeLoader>
  );
}
