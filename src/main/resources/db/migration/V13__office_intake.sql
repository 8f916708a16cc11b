-- Offices as data admins maintain, and whether each takes applications: intake state changes with the day they take
-- effect (on the office's calendar), the weekdays intake is open and an optional daily quota, counted per office day.

-- office.active is no longer read: an office that stops taking applications keeps its cases readable and workable;
-- whether it takes applications is its intake state below.
comment on column office.active is 'unused since V13; see intake_change';
alter table office add column opened_on date;
update office set opened_on = case code
    when 'GT' then date '2023-06-12'
    when 'CR' then date '2023-06-12'
    when 'CO' then date '2023-06-19'
    when 'EC' then date '2023-10-18'
    else date '2023-06-12' end;
alter table office alter column opened_on set not null;
-- the ISO days of the week intake is open (MONDAY ... SUNDAY); null: every day
alter table office add column intake_weekdays text[];
alter table office add column daily_quota integer check (daily_quota > 0);
alter table office add column version bigint not null default 0;
alter table office add column updated_at timestamptz;

-- The office's intake state from a day on, until the next change; before the first change an office is open.
create table intake_change (
    id                 bigint       generated always as identity primary key,
    office             varchar(2)   not null references office (code),
    effective_from     date         not null,
    state              varchar(8)   not null check (state in ('OPEN', 'PAUSED', 'CLOSED')),
    message            text,
    expected_reopening date,
    reason             text         not null,
    set_by             varchar(255) not null,
    set_at             timestamptz  not null,
    unique (office, effective_from)
);

-- Registrations counted per office day, for daily quotas (a row lock makes the count exact across replicas).
create table intake_day (
    office     varchar(2) not null references office (code),
    day        date       not null,
    registered integer    not null,
    primary key (office, day)
);

-- The day an application was made, when it is not the day it is registered (paper or online applications received
-- before a pause); eligibility is decided on this day. Null: the day of registration.
alter table case_file add column application_date date;
alter table case_file add column application_date_reason text;
