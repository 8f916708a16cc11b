-- Supervision's own record of each case for cohort statistics (supervision.CaseCohorts), kept by the events of intake,
-- eligibility and referral in the transaction of each change, so the report reads one table it owns instead of
-- joining the tables of three capabilities. Filled here from what those tables hold today.
create table case_cohort (
    case_id            uuid         primary key references case_file (id) on delete cascade,
    office             varchar(2)   not null,
    nationality        varchar(3)   not null,
    registered_at      timestamptz  not null,
    eligible           boolean,
    overridden         boolean      not null default false,
    first_referred_at  timestamptz,
    last_pathway       varchar(32),
    accepted           boolean      not null default false,
    declined           boolean      not null default false,
    withdrawn          boolean      not null default false
);

create index case_cohort_office_registered on case_cohort (office, registered_at);

insert into case_cohort (case_id, office, nationality, registered_at, eligible, overridden, first_referred_at,
                         last_pathway, accepted, declined, withdrawn)
select c.id, c.office, c.applicant_nationality, c.created_at, d.eligible, coalesce(d.override_decision = 'APPROVED', false),
       r.first_sent, r.last_pathway, coalesce(r.accepted, false), coalesce(r.declined, false), c.status = 'WITHDRAWN'
  from case_file c
  left join eligibility_decision d on d.case_id = c.id
  left join lateral (
       select min(sent_at) as first_sent,
              (array_agg(pathway order by sent_at desc))[1] as last_pathway,
              bool_or(status = 'ACCEPTED') as accepted,
              bool_or(status = 'DECLINED') as declined
         from referral where case_id = c.id) r on true;
