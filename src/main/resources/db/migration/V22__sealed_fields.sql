-- Encryption at rest (issue 15, point 3): the sensitive fields hold what the service seals with Tink's AEAD
-- ("smo1:<base64>", crypto.FieldCipher), so their columns become text; lists and JSON are sealed as JSON text. What the
-- service looks up by equality gets a blind index beside it (a keyed PRF of the normalized value, computed by the
-- service: the database never sees the key), indexed instead of the value.
--
-- Rows written before stay plain text (the service reads a value without the prefix as itself) until
-- scripts/reencrypt.sh seals them and fills in their blind indexes; until then a search by document or phone does not
-- find them, and duplicate detection compares their people by name and birth date only.
-- the trigger names the document column: it is recreated below on the blind index
drop trigger person_search_case on case_file;
alter table case_file alter column applicant_document_number type text;
alter table case_file alter column applicant_phone type text;
alter table case_file alter column applicant_email type text;
alter table case_file add column applicant_document_index text;
alter table case_file add column applicant_phone_index text;

alter table household_member alter column document_number type text;
alter table household_member add column document_index text;
alter table household_member alter column vulnerabilities drop default;
alter table household_member alter column vulnerabilities type text using array_to_json(vulnerabilities)::text;
alter table household_member alter column vulnerabilities set default '[]';

alter table interview alter column protection_needs type text using array_to_json(protection_needs)::text;
alter table interview alter column vulnerabilities type text using array_to_json(vulnerabilities)::text;
alter table interview alter column family_ties type text using family_ties::text;

alter table referral alter column package type text using package::text;
alter table referral alter column questions type text using questions::text;
alter table referral alter column answers type text using answers::text;

drop index case_file_document;
drop index case_file_phone;
drop index household_member_document;
create index case_file_document_index on case_file (applicant_document_index) where applicant_document_index is not null;
create index case_file_phone_index on case_file (applicant_phone_index) where applicant_phone_index is not null;
create index household_member_document_index on household_member (document_index) where document_index is not null;

-- a person's document is compared by its blind index; the plain keys kept so far go
update person_search set document = null;

-- the people of a case as duplicate detection compares them: documents by blind index, and none for an erased case
-- (no person to compare new registrations with; the trigger runs when erased_at is set)
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
           c.applicant_document_index as document,
           smo.birth_codes(c.applicant_date_of_birth, c.applicant_given_name || ' ' || c.applicant_family_name) as birth_codes
      from smo.case_file c where c.id = target
    union all
    select m.person_id, m.case_id, false, smo.search_fold(m.given_name), smo.search_fold(m.family_name),
           m.date_of_birth, m.nationality, m.document_index,
           smo.birth_codes(m.date_of_birth, m.given_name || ' ' || m.family_name)
      from smo.household_member m where m.case_id = target) p
    order by p.person_id, p.applicant desc
    -- a member split into a case of their own takes their id along: the row follows them to the new case
    on conflict (person_id) do update
       set case_id = excluded.case_id, applicant = excluded.applicant, given_name = excluded.given_name,
           family_name = excluded.family_name, date_of_birth = excluded.date_of_birth,
           nationality = excluded.nationality, document = excluded.document, birth_codes = excluded.birth_codes;
end $$;

create trigger person_search_case after insert or update of applicant_person_id, applicant_nationality,
    applicant_date_of_birth, applicant_given_name, applicant_family_name, applicant_document_index, erased_at on case_file
    for each row execute function person_search_on_case();
