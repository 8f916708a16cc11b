-- Consent by purpose (issue 15): processing for the case, sharing with resettlement partners, and sharing limited data
-- with the host government (the privacy notice's one exception: Guatemalans found eligible in Guatemala). The answer
-- in force per purpose sits on the case, read with every case; every answer ever given, with when and by whom, is in
-- consent_record. The applicant answers for the household registered with them.
--
-- Before, one flag recorded "consent to processing and to sharing"; cases registered then keep that one answer for
-- both purposes (recorded by whoever registered the case), and have no answer about the host government (= no).
alter table case_file rename column consent_given to consent_partner_sharing;
alter table case_file add column consent_processing boolean;
alter table case_file add column consent_host_government boolean not null default false;
update case_file set consent_processing = consent_partner_sharing;
alter table case_file alter column consent_processing set not null;

create table consent_record (
    id          bigint       generated always as identity primary key,
    case_id     uuid         not null references case_file (id) on delete cascade,
    purpose     varchar(32)  not null check (purpose in ('PROCESSING', 'PARTNER_SHARING', 'HOST_GOVERNMENT_SHARING')),
    given       boolean      not null,
    recorded_at timestamptz  not null,
    recorded_by varchar(255) not null,
    note        varchar(500)
);
create index consent_record_case on consent_record (case_id, id);

insert into consent_record (case_id, purpose, given, recorded_at, recorded_by, note)
select id, 'PROCESSING', consent_processing, consent_recorded_at, registered_by,
       'one answer for processing and sharing, recorded before consent by purpose'
from case_file
union all
select id, 'PARTNER_SHARING', consent_partner_sharing, consent_recorded_at, registered_by,
       'one answer for processing and sharing, recorded before consent by purpose'
from case_file;
