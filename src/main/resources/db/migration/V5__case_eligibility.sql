-- The eligibility decision recorded on the case (intake.CaseFile), with the inputs it was given and the version of
-- the rules that decided, and a caseworker's override of a refusal with the supervisor's answer.
alter table case_file
    add column eligibility_eligible          boolean,
    add column eligibility_pathways          text[],
    add column eligibility_rule_id           varchar(128),
    add column eligibility_reason            text,
    add column eligibility_decision_version  integer,
    add column eligibility_decided_at        timestamptz,
    add column eligibility_nationality       varchar(3),
    add column eligibility_arrival_date      date,
    add column eligibility_application_date  date,
    add column override_justification        text,
    add column override_pathways             text[],
    add column override_requested_by         varchar(255),
    add column override_requested_at         timestamptz,
    add column override_decision             varchar(16),
    add column override_decided_by           varchar(255),
    add column override_decided_at           timestamptz,
    add column override_reason               text,
    add column closing_note                  text;

-- Re-screening walks an office's closed-ineligible cases in id order.
create index case_file_office_status_id on case_file (office, status, id);

-- Re-screening of closed cases when the rules widen: one row per case and rules version that found the case
-- eligible, so that running it again opens no second task (intake.CaseRescreening).
create table rescreening (
    case_id                uuid         not null references case_file (id) on delete cascade,
    decision_version       integer      not null,
    eligible_pathways      text[]       not null,
    rule_id                varchar(128) not null,
    reason                 text         not null,
    application_date       date         not null,
    opened_at              timestamptz  not null,
    outcome                varchar(16),
    decided_by             varchar(255),
    decided_at             timestamptz,
    primary key (case_id, decision_version)
);

create index rescreening_open on rescreening (case_id) where outcome is null;
