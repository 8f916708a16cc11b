-- The search rows of a case's household (issue 16). A member added adds that member to the case's search rows instead of
-- rebuilding them from the whole household: a registration (and a household edit) inserts its members one by one, and
-- each insert rebuilt the case's case_search row from every name and deleted and rewrote the person_search row of
-- everyone on the case, so a family of six rebuilt its rows six times over a growing household. Measured by inserting
-- five members into a case, alternated with the old functions: 1.1-1.8 ms an insert before, growing with the
-- household, 0.8-1.1 ms after (0.65x), most of what is left being the rows' index entries. The rows come out the same:
-- a case's words and codes are those of each name taken on its own (folding works word by word), and the other
-- people's rows were up to date already, every earlier write having refreshed them (HouseholdMemberIT compares them
-- with a rebuild). Deletes still rebuild, and so does an insert whose person is already on record (moved within an
-- edit, or the applicant of a split), or whose case has no rows to add to (erased). An update rebuilds only when it
-- changes what the rows are made of (an edit rewrites every member whose position or needs changed), as V25 did for
-- the case's own columns.
create or replace function case_search_on_member() returns trigger language plpgsql as $$
declare
    added text[];
begin
    if tg_op = 'INSERT' then
        added := smo.search_words(new.given_name || ' ' || new.family_name);
        update smo.case_search s
           set words = array(select distinct w from unnest(s.words || added) w order by w),
               codes = array(select distinct c
                               from unnest(s.codes || smo.search_codes(new.given_name || ' ' || new.family_name)) c
                              order by c)
         where s.case_id = new.case_id;
        if found then
            insert into smo.name_word (word) select unnest(added) on conflict do nothing;
            return null;
        end if;
    end if;
    perform smo.case_search_refresh(case when tg_op = 'DELETE' then old.case_id else new.case_id end);
    return null;
end $$;

create or replace function person_search_on_member() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT'
       and not exists (select 1 from smo.person_search where person_id = new.person_id)
       and exists (select 1 from smo.person_search where case_id = new.case_id and applicant) then
        insert into smo.person_search (person_id, case_id, applicant, given_name, family_name, date_of_birth,
                                       nationality, document, birth_codes)
        values (new.person_id, new.case_id, false, smo.search_fold(new.given_name), smo.search_fold(new.family_name),
                new.date_of_birth, new.nationality, new.document_index,
                smo.birth_codes(new.date_of_birth, new.given_name || ' ' || new.family_name))
        -- as the rebuild: should another case have taken the person meanwhile, the row follows them here
        on conflict (person_id) do update
           set case_id = excluded.case_id, applicant = excluded.applicant, given_name = excluded.given_name,
               family_name = excluded.family_name, date_of_birth = excluded.date_of_birth,
               nationality = excluded.nationality, document = excluded.document, birth_codes = excluded.birth_codes;
        return null;
    end if;
    perform smo.person_search_refresh(case when tg_op = 'DELETE' then old.case_id else new.case_id end);
    return null;
end $$;

drop trigger case_search_member on household_member;
create trigger case_search_member after insert or delete on household_member
    for each row execute function case_search_on_member();
create trigger case_search_member_changed after update on household_member
    for each row when ((old.case_id, old.given_name, old.family_name) is distinct from
                       (new.case_id, new.given_name, new.family_name))
    execute function case_search_on_member();

drop trigger person_search_member on household_member;
create trigger person_search_member after insert or delete on household_member
    for each row execute function person_search_on_member();
create trigger person_search_member_changed after update on household_member
    for each row when ((old.case_id, old.person_id, old.given_name, old.family_name, old.date_of_birth, old.nationality,
                        old.document_index) is distinct from
                       (new.case_id, new.person_id, new.given_name, new.family_name, new.date_of_birth, new.nationality,
                        new.document_index))
    execute function person_search_on_member();
