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

-- an erased case is nobody to find: no search rows
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

-- (person_search's refresh learns the same in V22, which rewrites it for the blind indexes anyway)

-- erasing sets erased_at with the names: the refresh must run then too
drop trigger case_search_case on case_file;
create trigger case_search_case after insert or update of applicant_nationality, applicant_date_of_birth,
    applicant_given_name, applicant_family_name, erased_at on case_file
    for each row execute function case_search_on_case();
