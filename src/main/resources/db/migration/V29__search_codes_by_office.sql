-- A name search's codes are looked up per office through one index key each, "GT:MT" for the code MT at GT (issue 16).
-- The two-column GIN index on (office, codes) it replaces kept one posting tree per office holding every case of the
-- office, and each search intersected its codes' postings with it: at 1,000,000 cases (250,000 at GT) that read 107
-- index pages and took 3-5 ms for "Mateo" (6,332 hits), 146 pages for "Juan Perez" (877), and grew with the office,
-- whatever the name. Keyed by office and code, the same lookups read 6 and 17 pages (0.5-2 ms) and grow only with the
-- name's own hits. A row's keys are those of its own office only, so a search of several offices looks each office up
-- on its own (CaseSearch).
create function search_codes_at(office text, codes text[]) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(office || ':' || c), '{}') from unnest(codes) c
$$;

create index case_search_codes_at_office on case_search using gin (search_codes_at(office, codes)) with (fastupdate = off);
drop index case_search_office_codes;
