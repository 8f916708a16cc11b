-- The search rows are rebuilt when what they hold changes, not whenever a case is written (issue 16). Hibernate
-- writes every column of a changed case, so "update of <columns>" fired on every status change, assignment or
-- correction: a registration rebuilt its case's search rows three times and its people's rows three times (the
-- registration's insert, each member's insert, then the update after the workflow's first steps), and every later
-- step of a case rebuilt both again. Inserts still rebuild; updates only when a column the rows are built from (or,
-- for the status trigger, the status or office) actually differs.

drop trigger case_search_case on case_file;
drop trigger person_search_case on case_file;
drop trigger case_search_status on case_file;

create trigger case_search_case after insert on case_file
    for each row execute function case_search_on_case();
create trigger case_search_case_changed after update on case_file
    for each row when ((old.applicant_nationality, old.applicant_date_of_birth, old.applicant_given_name,
                        old.applicant_family_name, old.erased_at)
                       is distinct from
                       (new.applicant_nationality, new.applicant_date_of_birth, new.applicant_given_name,
                        new.applicant_family_name, new.erased_at))
    execute function case_search_on_case();

create trigger person_search_case after insert on case_file
    for each row execute function person_search_on_case();
create trigger person_search_case_changed after update on case_file
    for each row when ((old.applicant_person_id, old.applicant_nationality, old.applicant_date_of_birth,
                        old.applicant_given_name, old.applicant_family_name, old.applicant_document_index,
                        old.erased_at)
                       is distinct from
                       (new.applicant_person_id, new.applicant_nationality, new.applicant_date_of_birth,
                        new.applicant_given_name, new.applicant_family_name, new.applicant_document_index,
                        new.erased_at))
    execute function person_search_on_case();

create trigger case_search_status after update on case_file
    for each row when ((old.status, old.office) is distinct from (new.status, new.office))
    execute function case_search_on_status();
