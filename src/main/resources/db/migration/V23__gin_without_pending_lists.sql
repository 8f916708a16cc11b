-- GIN indexes on the registration path write straight into the index (fastupdate off) instead of a pending list.
-- With a pending list every search reads the whole list (up to 4 MB) before the index: duplicate detection's
-- candidate lookup took 18.8 ms with 60,000 pending entries (423 pages read) and 0.09 ms without, and registrations
-- ran at 5/s with 200,000 cases. Only vacuum or the insert that overflows the list empties it, so how fast a search
-- was depended on when the table was last vacuumed (never, on the development machines). Inserts pay a little more;
-- searches no longer depend on vacuum. (issue 16)
alter index person_search_birth_codes set (fastupdate = off);
alter index case_search_office_codes set (fastupdate = off);
alter index name_word_trigrams set (fastupdate = off);
select gin_clean_pending_list('person_search_birth_codes'::regclass);
select gin_clean_pending_list('case_search_office_codes'::regclass);
select gin_clean_pending_list('name_word_trigrams'::regclass);
