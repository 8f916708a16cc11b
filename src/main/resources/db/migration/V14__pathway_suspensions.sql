-- Pathways suspended by a destination's decision, from a day on, for every office or one: an approved case is not
-- referred while its pathway is suspended; it waits on hold in its workflow, and a referral already sent is marked
-- held for its partner.
create table pathway_suspension (
    id          uuid         primary key,
    pathway     varchar(32)  not null check (pathway in ('US_REFUGEE', 'US_OTHER', 'CANADA', 'SPAIN')),
    -- null: every office
    office      varchar(2)   references office (code),
    -- on the office's calendar: suspended from starts_on, until the day before lifted_on (null: until further notice)
    starts_on   date         not null,
    lifted_on   date,
    reason      text         not null,
    set_by      varchar(255) not null,
    set_at      timestamptz  not null,
    updated_at  timestamptz,
    version     bigint       not null default 0,
    check (lifted_on is null or lifted_on > starts_on)
);
create index pathway_suspension_pathway on pathway_suspension (pathway, starts_on);

-- Public record: Executive Order 14163 suspended the US Refugee Admissions Program from 27 January 2025.
insert into pathway_suspension (id, pathway, office, starts_on, lifted_on, reason, set_by, set_at)
values ('00000000-0000-4000-a000-000000000001', 'US_REFUGEE', null, date '2025-01-27', null,
        'US Refugee Admissions Program suspended by Executive Order 14163 (Realigning the United States Refugee Admissions Program), effective 27 January 2025',
        'system', timestamptz '2025-01-27 00:00:00+00');

-- Approved cases waiting because their pathway is suspended: one row while the case waits in its workflow's
-- await-pathway step; the row goes when the case is released (suspension lifted, or another pathway chosen).
create table pathway_hold (
    case_id     uuid         primary key references case_file (id) on delete cascade,
    office      varchar(2)   not null references office (code),
    pathway     varchar(32)  not null,
    held_since  timestamptz  not null
);
create index pathway_hold_pathway on pathway_hold (pathway, office);

-- A referral already with its partner when its pathway was suspended: held (the partner is told by webhook), so no
-- partner SLA escalates it, until the suspension is lifted.
alter table referral add column held_since timestamptz;
create index referral_open_pathway on referral (pathway, office) where status in ('SENT', 'INFO_REQUESTED');

-- A case held by a supervisor's or an admin's decision (its workflow suspended: no task can be completed, no timer
-- fires) until resumed; and the outcome of a case closed by a programme decision.
alter table case_file add column held_since timestamptz;
alter table case_file add column hold_reason text;
alter table case_file add column closing_outcome varchar(32);
