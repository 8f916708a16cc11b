-- Bulk actions: one supervisor's or admin's decision applied to every case of an office matching a filter, as an
-- asynchronous job. The matching cases are fixed when the job is accepted (bulk_action_case), and each is marked done
-- in the transaction that changes it, so a job resumed after a restart touches every case once.
create table bulk_action (
    id              uuid         primary key,
    office          varchar(2)   not null references office (code),
    action          varchar(16)  not null check (action in ('HOLD', 'RESUME', 'CLOSE', 'RESCREEN')),
    filter          jsonb        not null,
    outcome         varchar(32),
    reason          text         not null,
    state           varchar(16)  not null check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'CANCELLED')),
    matched         integer      not null,
    done            integer      not null default 0,
    skipped         integer      not null default 0,
    failed          integer      not null default 0,
    requested_by    varchar(255) not null,
    requested_at    timestamptz  not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    -- the replica working on it, and until when its claim holds; another replica takes over an expired claim
    lease_owner     varchar(64),
    lease_until     timestamptz
);
create index bulk_action_office on bulk_action (office, requested_at desc);
create index bulk_action_unfinished on bulk_action (requested_at) where state in ('QUEUED', 'RUNNING');

create table bulk_action_case (
    action_id    uuid         not null references bulk_action (id) on delete cascade,
    case_id      uuid         not null references case_file (id) on delete cascade,
    -- null while pending; DONE, SKIPPED (nothing to do, said why) or FAILED (said why)
    result       varchar(8)   check (result in ('DONE', 'SKIPPED', 'FAILED')),
    detail       text,
    processed_at timestamptz,
    primary key (action_id, case_id)
);
create index bulk_action_case_pending on bulk_action_case (action_id, case_id) where result is null;
