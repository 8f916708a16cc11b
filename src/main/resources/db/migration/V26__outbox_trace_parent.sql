-- The W3C traceparent of the transaction that wrote a webhook event (issue 17): the delivery worker continues that
-- trace, and sends it to the partner, so that one trace shows a partner's decision or a caseworker's approval through
-- to the partner's webhook. Null for events written outside any trace (engine jobs) and those written before.
alter table smo.outbox_event add column trace_parent text
    constraint outbox_event_trace_parent_w3c check (trace_parent ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$');
