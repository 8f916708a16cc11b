-- Screening recorded on the case (intake.CaseFile): the interview appointment, what the interview found, and the
-- supervisor's review; and the applicant's withdrawal.
alter table case_file
    add column interview_at                 timestamptz,
    add column interview_remote             boolean,
    add column interview_location           varchar(200),
    add column interview_language           varchar(2),
    add column interview_interpreter_needed boolean,
    add column interview_scheduled_by       varchar(255),
    add column interview_scheduled_at       timestamptz,
    add column protection_needs             text[],
    add column vulnerabilities              text[],
    add column family_ties                  jsonb,
    add column pathway_preference           varchar(32),
    add column interview_summary            text,
    add column interview_conducted_by       varchar(255),
    add column interview_conducted_at       timestamptz,
    add column review_decision              varchar(16),
    add column review_pathway               varchar(32),
    add column review_reason                text,
    add column review_decided_by            varchar(255),
    add column review_decided_at            timestamptz,
    add column withdrawal_reason            text,
    add column withdrawn_by                 varchar(255),
    add column withdrawn_at                 timestamptz;

-- Internal notes on a case (screening.CaseNote): for the office's staff only, never shared with partners.
create table case_note (
    id          bigint       generated always as identity primary key,
    case_id     uuid         not null references case_file (id) on delete cascade,
    author      varchar(255) not null,
    author_name varchar(255),
    text        text         not null,
    created_at  timestamptz  not null
);

create index case_note_case on case_note (case_id, created_at desc);

-- Things supervisors must look at (supervision.Escalation): for now tasks past their due date.
create table escalation (
    id              bigint       generated always as identity primary key,
    kind            varchar(32)  not null,
    office          varchar(2)   not null references office (code),
    case_id         uuid         references case_file (id) on delete cascade,
    activity        varchar(64),
    task_id         varchar(64),
    raised_at       timestamptz  not null,
    acknowledged_by varchar(255),
    acknowledged_at timestamptz,
    unique (kind, task_id)
);

create index escalation_open on escalation (office, raised_at) where acknowledged_at is null;
