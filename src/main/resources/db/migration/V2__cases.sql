-- Cases and their households. The applicant is embedded in the case row: one principal applicant per case.
create table case_file (
    id                            uuid         primary key,
    case_number                   varchar(32)  not null unique,
    office                        varchar(2)   not null references office (code),
    status                        varchar(32)  not null,
    applicant_given_name          varchar(100) not null,
    applicant_family_name         varchar(100) not null,
    applicant_date_of_birth       date         not null,
    applicant_sex                 varchar(16),
    applicant_nationality         varchar(3)   not null,
    applicant_document_type       varchar(32),
    applicant_document_number     varchar(64),
    applicant_arrival_date        date         not null,
    applicant_host_country_status varchar(32),
    applicant_phone               varchar(16),
    applicant_email               varchar(254),
    applicant_preferred_language  varchar(2),
    consent_given                 boolean      not null,
    consent_recorded_at           timestamptz  not null,
    process_instance_id           varchar(64),
    registered_by                 varchar(255) not null,
    created_at                    timestamptz  not null,
    updated_at                    timestamptz  not null,
    version                       bigint       not null default 0
);

-- The case list: by office, newest first, optionally by status or nationality.
create index case_file_office_created on case_file (office, created_at desc, id desc);
create index case_file_office_status_created on case_file (office, status, created_at desc, id desc);
create index case_file_office_nationality_created on case_file (office, applicant_nationality, created_at desc, id desc);

create table household_member (
    case_id       uuid         not null references case_file (id) on delete cascade,
    position      integer      not null,
    given_name    varchar(100) not null,
    family_name   varchar(100) not null,
    date_of_birth date         not null,
    relationship  varchar(32)  not null,
    nationality   varchar(3)   not null,
    primary key (case_id, position)
);

-- One counter per office and year for case numbers (GT-2026-000123); see intake.CaseNumbers.
create table case_number_counter (
    office     varchar(2) not null references office (code),
    year       integer    not null,
    last_value bigint     not null,
    primary key (office, year)
);
