-- Retention and erasure (issue 15, point 4). A case's personal data is erased on request, when the applicant withdraws
-- consent to processing, or when its retention period after closure has passed; what statistics need stays (office,
-- nationality, dates, status and outcome, eligibility decision, pathway, referrals' statuses). Personal columns become
-- nullable so that an erased case keeps its row; erased_at says it happened (who asked and why: the audit trail).
alter table case_file alter column applicant_given_name drop not null;
alter table case_file alter column applicant_family_name drop not null;
alter table case_file alter column applicant_date_of_birth drop not null;
alter table case_file add column closed_at timestamptz;
alter table case_file add column erased_at timestamptz;
-- asked for (consent to processing withdrawn) while a legal hold kept the data: erased by the retention job once lifted
alter table case_file add column erasure_requested_at timestamptz;
-- a legal hold (litigation, an investigation, a fraud review) keeps the case's data past its retention and refuses erasure
alter table case_file add column legal_hold_reason varchar(500);
alter table case_file add column legal_hold_by varchar(255);
alter table case_file add column legal_hold_since timestamptz;

-- cases closed before this migration: their last change is when they closed (a closed case takes no edits)
update case_file set closed_at = updated_at
 where status in ('CLOSED_INELIGIBLE', 'WITHDRAWN', 'REFERRED_ACCEPTED', 'NO_PATHWAY', 'CLOSED_BY_PROGRAMME', 'DUPLICATE');

-- the retention job's question: closed cases not yet erased, oldest closure first; small (closed and not erased)
create index case_file_retention on case_file (closed_at) where erased_at is null and closed_at is not null;
create index case_file_erasure_requested on case_file (erasure_requested_at) where erasure_requested_at is not null;

alter table referral alter column package drop not null;

-- an erased case is nobody to find: no search rows, no person to compare new registrations with
create or replace function case_search_refresh(target uuid) returns void language plpgsql as $$
begin
    if exists (select 1 from smo.case_file where id = target and erased_at is not null) then
        delete from smo.case_search where case_id = target;
        return;
    end if;
    insert into smo.case_search (case_id, office, status, nationality, date_of_birth, registered_at, words, codes)
    select c.id, c.office, c.status, c.applicant_nationality, c.applicant_date_of_birth, c.created_at,
           smo.search_words(n.all_names), smo.search_codes(n.all_names)
      from smo.case_file c
     cross join lateral (select concat_ws(' ', c.applicant_given_name, c.applicant_family_name,
                                (select string_agg(m.given_name || ' ' || m.family_name, ' ' order by m.position)
                                   from smo.household_member m where m.case_id = c.id)) as all_names) n
     where c.id = target
    on conflict (case_id) do update
       set office = excluded.office, status = excluded.status, nationality = excluded.nationality,
           date_of_birth = excluded.date_of_birth, registered_at = excluded.registered_at,
           words = excluded.words, codes = excluded.codes;
    insert into smo.name_word (word)
    select unnest(words) from smo.case_search where case_id = target
    on conflict do nothing;
end $$;

create or replace function person_search_refresh(target uuid) returns void language plpgsql as $$
begin
    delete from smo.person_search where case_id = target;
    if exists (select 1 from smo.case_file where id = target and erased_at is not null) then
        return;
    end if;
    -- distinct: while a household edit rewrites its rows one by one, a member's id may sit on two rows for a moment
    insert into smo.person_search (person_id, case_id, applicant, given_name, family_name, date_of_birth, nationality,
                                   document, birth_codes)
    select distinct on (p.person_id) p.* from (
    select c.applicant_person_id as person_id, c.id as case_id, true as applicant,
           smo.search_fold(c.applicant_given_name) as given_name, smo.search_fold(c.applicant_family_name) as family_name,
           c.applicant_date_of_birth as date_of_birth, c.applicant_nationality as nationality,
           smo.document_key(c.applicant_document_number) as document,
           smo.birth_codes(c.applicant_date_of_birth, c.applicant_given_name || ' ' || c.applicant_family_name) as birth_codes
      from smo.case_file c where c.id = target
    union all
    select m.person_id, m.case_id, false, smo.search_fold(m.given_name), smo.search_fold(m.family_name),
           m.date_of_birth, m.nationality, smo.document_key(m.document_number),
           smo.birth_codes(m.date_of_birth, m.given_name || ' ' || m.family_name)
      from smo.household_member m where m.case_id = target) p
    order by p.person_id, p.applicant desc
    -- a member split into a case of their own takes their id along: the row follows them to the new case
    on conflict (person_id) do update
       set case_id = excluded.case_id, applicant = excluded.applicant, given_name = excluded.given_name,
           family_name = excluded.family_name, date_of_birth = excluded.date_of_birth,
           nationality = excluded.nationality, document = excluded.document, birth_codes = excluded.birth_codes;
end $$;

-- erasing sets erased_at with the names: the refresh must run then too
drop trigger person_search_case on case_file;
create trigger person_search_case after insert or update of applicant_person_id, applicant_nationality,
    applicant_date_of_birth, applicant_given_name, applicant_family_name, applicant_document_number, erased_at on case_file
    for each row execute function person_search_on_case();
drop trigger case_search_case on case_file;
create trigger case_search_case after insert or update of applicant_nationality, applicant_date_of_birth,
    applicant_given_name, applicant_family_name, erased_at on case_file
    for each row execute function case_search_on_case();
