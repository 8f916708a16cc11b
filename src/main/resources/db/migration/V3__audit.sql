-- Append-only audit trail, written in the same transaction as the change it records.
create table audit_event (
    id          bigint       generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor       varchar(255) not null,
    actor_roles text[]       not null,
    office      varchar(2),
    action      varchar(64)  not null,
    case_id     uuid,
    request_id  varchar(64),
    details     jsonb
);

create index audit_event_case on audit_event (case_id, occurred_at) where case_id is not null;
create index audit_event_occurred on audit_event (occurred_at);
