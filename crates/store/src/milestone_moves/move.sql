-- One payment on a milestone (see milestone_moves.rs). Every write hangs
-- off `moved`, so nothing is written when the milestone has left the status
-- the move was decided from. The final SELECT reads `moved`, then
-- `balanced`, then `invoiced`: the milestone is locked first, the balances
-- next (in the order given) and the year's invoice counter last, the order
-- every other payment takes them in.
WITH moved AS (
    UPDATE milestones
    SET status = $3, updated_at = $4,
        submitted_at = CASE WHEN $3 = 'submitted' THEN $4 ELSE submitted_at END
    WHERE id = $1 AND status = $2
    RETURNING id
), booked AS (
    INSERT INTO ledger_transactions (id, movement, contract_id, milestone_id, user_id, created_at)
    SELECT $5, $6, $7, $8, $9, $4 FROM moved
    RETURNING id
), posted AS (
    INSERT INTO ledger_postings (id, transaction_id, account_kind, account_id, currency, amount, movement, created_at)
    SELECT p.id, booked.id, p.account_kind, p.account_id, p.currency, p.amount, $6, $4
    FROM booked, jsonb_to_recordset($10::jsonb)
        AS p(id uuid, account_kind text, account_id uuid, currency text, amount bigint)
), balanced AS (
    INSERT INTO account_balances (account_kind, account_id, currency, balance, updated_at)
    SELECT b.account_kind, b.account_id, b.currency, b.amount, $4
    FROM moved, jsonb_to_recordset($11::jsonb) AS b(account_kind text, account_id uuid, currency text, amount bigint)
    ON CONFLICT (account_kind, account_id, currency)
    DO UPDATE SET balance = account_balances.balance + excluded.balance, updated_at = excluded.updated_at
    RETURNING 1
), received AS (
    INSERT INTO provider_payments (id, kind, provider, reference, amount, currency, ledger_transaction_id, created_at)
    SELECT r.id, r.kind, r.provider, r.reference, r.amount, r.currency, booked.id, $4
    FROM booked, jsonb_to_recordset($12::jsonb)
        AS r(id uuid, kind text, provider text, reference text, amount bigint, currency text)
), recorded AS (
    INSERT INTO milestone_events (id, milestone_id, author_id, kind, message, created_at)
    SELECT e.id, moved.id, e.author_id, e.kind, '', $4
    FROM moved, jsonb_to_recordset($13::jsonb) AS e(id uuid, author_id uuid, kind text)
), told AS (
    INSERT INTO notifications (id, user_id, kind, payload_json, read_at, pushed_at, created_at)
    SELECT n.id, n.user_id, n.kind, n.payload_json, NULL, n.pushed_at, $4
    FROM moved, jsonb_to_recordset($14::jsonb)
        AS n(id uuid, user_id uuid, kind text, payload_json text, pushed_at timestamptz)
), counted AS (
    INSERT INTO invoice_counters (year, last)
    SELECT i.year, 1 FROM moved, jsonb_to_recordset($15::jsonb) AS i(year integer)
    ON CONFLICT (year) DO UPDATE SET last = invoice_counters.last + 1
    RETURNING year, 'DW-' || year || '-' || lpad(last::text, greatest(6, length(last::text)), '0') AS number
), invoiced AS (
    INSERT INTO invoices (id, number, kind, contract_id, job_id, client_id, freelancer_id, milestone_id,
                          hourly_week_id, currency, client_total, freelancer_net, document, issued_at)
    SELECT i.id, counted.number, i.kind, i.contract_id, i.job_id, i.client_id, i.freelancer_id, i.milestone_id,
           i.hourly_week_id, i.currency, i.client_total, i.freelancer_net,
           jsonb_set(i.document::jsonb, '{number}', to_jsonb(counted.number))::text, i.issued_at
    FROM counted, jsonb_to_recordset($15::jsonb)
        AS i(id uuid, kind text, contract_id uuid, job_id uuid, client_id uuid, freelancer_id uuid,
             milestone_id uuid, hourly_week_id uuid, currency text, client_total bigint, freelancer_net bigint,
             document text, issued_at timestamptz)
    RETURNING number
)
SELECT (SELECT count(*) FROM moved) AS moved,
       (SELECT count(*) FROM balanced) AS balanced,
       (SELECT number FROM invoiced) AS invoice_number
