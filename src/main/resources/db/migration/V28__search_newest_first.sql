-- A common given name alone finds thousands of cases at an office (some 6,000 of 250,000 for "maria"); ranking them all
-- cost more with every case registered (issue 16). Past CaseSearch.RANKED hits a page is read newest first instead:
-- each office's newest search rows in order, keeping those whose names hold every word searched, stopping at the page.
create index case_search_office_newest on case_search (office, registered_at desc, case_id desc);
