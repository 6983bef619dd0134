import type { Proposal } from "../api/types";
import { formatDate } from "../lib/labels";
import { formatMoney } from "../lib/money";

/** The body of a proposal: cover letter, answers to the job's questions, milestones. */
export function ProposalDetails({ proposal, questions }: { proposal: Proposal; questions: string[] }) {
  return (
    <div className="proposal-details">
      <p className="prose">{proposal.cover_letter}</p>
      {questions.length > 0 && (
        <dl className="answers">
          {questions.map((question, i) => (
            <div key={i}>
              <dt>{question}</dt>
              <dd className="prose">{proposal.answers[i] ?? "—"}</dd>
            </div>
          ))}
        </dl>
      )}
      {proposal.milestones.length > 0 && (
        <table className="table">
          <caption>Milestones</caption>
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Amount</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {proposal.milestones.map((m, i) => (
              <tr key={i}>
                <td>{m.title}</td>
                <td>{formatMoney(m.amount)}</td>
                <td>{m.due_date ? formatDate(m.due_date) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
