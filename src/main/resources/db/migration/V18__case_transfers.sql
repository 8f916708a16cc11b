-- Transfers between offices: a family that moves from one host country to another keeps its case. The sending office
-- asks, the receiving office's supervisors accept or reject; on acceptance the case takes a number of the receiving
-- office and the old number stays an alias (searchable). Both offices read the transfer.
create table case_transfer (
    id                 uuid          primary key,
    case_id            uuid          not null references case_file (id) on delete cascade,
    from_office        varchar(2)    not null references office (code),
    to_office          varchar(2)    not null references office (code),
    from_case_number   varchar(32)   not null,
    to_case_number     varchar(32),
    status             varchar(16)   not null check (status in ('REQUESTED', 'ACCEPTED', 'REJECTED')),
    reason             varchar(2000) not null,
    requested_by       varchar(255)  not null,
    requested_at       timestamptz   not null,
    decided_by         varchar(255),
    decided_at         timestamptz,
    decision_reason    varchar(2000),
    withdrawn_referrals integer
);
-- one transfer at a time per case
create unique index case_transfer_waiting on case_transfer (case_id) where status = 'REQUESTED';
create index case_transfer_case on case_transfer (case_id, requested_at);
create index case_transfer_from on case_transfer (from_office, requested_at desc, id desc);
create index case_transfer_to on case_transfer (to_office, requested_at desc, id desc);

-- Numbers a case had at offices it left: quoted by the applicant or in old papers, they still find the case.
create table case_number_alias (
    case_number varchar(32) primary key,
    case_id     uuid        not null references case_file (id) on delete cascade
);
create index case_number_alias_case on case_number_alias (case_id);
