-- Each capability keeps what it records about a case in its own table, keyed by the case id (issue 11). Until now the
-- eligibility decision and its override, the interview and the supervisor's review were columns of intake's case_file.
-- The rows move as they are (no drop and recreate), then the old columns go.

-- eligibility.RecordedEligibility: the decision recorded for the case, the inputs it saw and the rules version, and
-- a caseworker's override of a refusal with the supervisor's answer (an override always answers this decision).
create table eligibility_decision (
    case_id                uuid         primary key references case_file (id) on delete cascade,
    eligible               boolean      not null,
    pathways               text[]       not null,
    rule_id                varchar(128) not null,
    reason                 text         not null,
    decision_version       integer      not null,
    decided_at             timestamptz  not null,
    nationality            varchar(3),
    arrival_date           date,
    application_date       date,
    override_justification text,
    override_pathways      text[],
    override_requested_by  varchar(255),
    override_requested_at  timestamptz,
    override_decision      varchar(16),
    override_decided_by    varchar(255),
    override_decided_at    timestamptz,
    override_reason        text
);

insert into eligibility_decision (case_id, eligible, pathways, rule_id, reason, decision_version, decided_at,
                                  nationality, arrival_date, application_date, override_justification,
                                  override_pathways, override_requested_by, override_requested_at, override_decision,
                                  override_decided_by, override_decided_at, override_reason)
select id, eligibility_eligible, coalesce(eligibility_pathways, '{}'), eligibility_rule_id, eligibility_reason,
       coalesce(eligibility_decision_version, 0), coalesce(eligibility_decided_at, created_at),
       eligibility_nationality, eligibility_arrival_date, eligibility_application_date, override_justification,
       override_pathways, override_requested_by, override_requested_at, override_decision, override_decided_by,
       override_decided_at, override_reason
  from case_file
 where eligibility_eligible is not null;

-- screening.Interview: the appointment, then what the interviewer found.
create table interview (
    case_id             uuid         primary key references case_file (id) on delete cascade,
    appointment_at      timestamptz  not null,
    remote              boolean      not null,
    location            varchar(200),
    language            varchar(2)   not null,
    interpreter_needed  boolean      not null,
    scheduled_by        varchar(255) not null,
    scheduled_at        timestamptz  not null,
    protection_needs    text[],
    vulnerabilities     text[],
    family_ties         jsonb,
    pathway_preference  varchar(32),
    summary             text,
    conducted_by        varchar(255),
    conducted_at        timestamptz
);

insert into interview (case_id, appointment_at, remote, location, language, interpreter_needed, scheduled_by,
                       scheduled_at, protection_needs, vulnerabilities, family_ties, pathway_preference, summary,
                       conducted_by, conducted_at)
select id, interview_at, interview_remote, interview_location, interview_language, interview_interpreter_needed,
       interview_scheduled_by, interview_scheduled_at, protection_needs, vulnerabilities, family_ties,
       pathway_preference, interview_summary, interview_conducted_by, interview_conducted_at
  from case_file
 where interview_scheduled_at is not null;

-- screening.SupervisorReview: the latest review of the interview (a pathway approved, or returned with a reason).
create table supervisor_review (
    case_id     uuid         primary key references case_file (id) on delete cascade,
    decision    varchar(16)  not null,
    pathway     varchar(32),
    reason      text,
    decided_by  varchar(255) not null,
    decided_at  timestamptz  not null
);

insert into supervisor_review (case_id, decision, pathway, reason, decided_by, decided_at)
select id, review_decision, review_pathway, review_reason, review_decided_by, review_decided_at
  from case_file
 where review_decision is not null;

alter table case_file
    drop column eligibility_eligible,
    drop column eligibility_pathways,
    drop column eligibility_rule_id,
    drop column eligibility_reason,
    drop column eligibility_decision_version,
    drop column eligibility_decided_at,
    drop column eligibility_nationality,
    drop column eligibility_arrival_date,
    drop column eligibility_application_date,
    drop column override_justification,
    drop column override_pathways,
    drop column override_requested_by,
    drop column override_requested_at,
    drop column override_decision,
    drop column override_decided_by,
    drop column override_decided_at,
    drop column override_reason,
    drop column interview_at,
    drop column interview_remote,
    drop column interview_location,
    drop column interview_language,
    drop column interview_interpreter_needed,
    drop column interview_scheduled_by,
    drop column interview_scheduled_at,
    drop column protection_needs,
    drop column vulnerabilities,
    drop column family_ties,
    drop column pathway_preference,
    drop column interview_summary,
    drop column interview_conducted_by,
    drop column interview_conducted_at,
    drop column review_decision,
    drop column review_pathway,
    drop column review_reason,
    drop column review_decided_by,
    drop column review_decided_at;
