-- People: the applicant and each household member are a person with an id of their own, which stays with them when a
-- member is split into a case of their own. A member may carry an identity document and specific needs.
alter table case_file add column applicant_person_id uuid;
update case_file set applicant_person_id = gen_random_uuid();
alter table case_file alter column applicant_person_id set not null;
-- the service always gives the id; the default serves rows written in SQL (seeds, benchmarks)
alter table case_file alter column applicant_person_id set default gen_random_uuid();

alter table household_member add column person_id uuid;
update household_member set person_id = gen_random_uuid();
alter table household_member alter column person_id set not null;
alter table household_member alter column person_id set default gen_random_uuid();
alter table household_member add column document_type varchar(32);
alter table household_member add column document_number varchar(64);
alter table household_member add column vulnerabilities text[] not null default '{}';
-- not unique: a household edit rewrites the rows by position, so two rows may briefly trade ids within a statement
create index household_member_person on household_member (person_id);
create index household_member_document on household_member (document_number) where document_number is not null;

-- Everyone on any case, as duplicate detection compares them: folded names (see search_fold), the date of birth, the
-- nationality, and the document number without spaces or punctuation. Kept by triggers like case_search, so every way a
-- case or its household is written keeps it in step. Looked up by document, or by date of birth and the sound of a name
-- word together (birth_codes), never scanned.
create table person_search (
    person_id     uuid        primary key,
    case_id       uuid        not null references case_file (id) on delete cascade,
    applicant     boolean     not null,
    given_name    text        not null,
    family_name   text        not null,
    date_of_birth date        not null,
    nationality   varchar(3)  not null,
    document      text,
    -- "<date of birth> <double-metaphone code>" for each word of the name: candidates are the people born on one of
    -- the likely days (the day itself, day and month swapped, one digit off: about 40) who share the sound of a name
    -- word, read from one GIN index. At 1,600,000 people a common name ("María José González Pérez") reads 136 rows
    -- this way, where the date alone read 1,752 rows over as many heap pages (34-44 ms, now 10-14 ms warm).
    birth_codes   text[]      not null
);
create index person_search_case on person_search (case_id);
create index person_search_birth_codes on person_search using gin (birth_codes);
create index person_search_document on person_search (document) where document is not null;

create function document_key(text) returns text language sql immutable strict parallel safe as $$
    select nullif(upper(regexp_replace($1, '[^A-Za-z0-9]+', '', 'g')), '')
$$;

-- the day in ISO form whatever the session's DateStyle: the service builds the same keys from its own dates
create function birth_codes(date, text) returns text[] language sql immutable strict parallel safe as $$
    select coalesce(array_agg(to_char($1, 'YYYY-MM-DD') || ' ' || c), '{}') from unnest(smo.search_codes($2)) c
$$;

create function person_search_refresh(target uuid) returns void language plpgsql as $$
begin
    delete from smo.person_search where case_id = target;
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

create function person_search_on_case() returns trigger language plpgsql as $$
begin
    perform smo.person_search_refresh(new.id);
    return null;
end $$;

create function person_search_on_member() returns trigger language plpgsql as $$
begin
    perform smo.person_search_refresh(case when tg_op = 'DELETE' then old.case_id else new.case_id end);
    return null;
end $$;

create trigger person_search_case after insert or update of applicant_person_id, applicant_nationality,
    applicant_date_of_birth, applicant_given_name, applicant_family_name, applicant_document_number on case_file
    for each row execute function person_search_on_case();
create trigger person_search_member after insert or update or delete on household_member
    for each row execute function person_search_on_member();

select person_search_refresh(id) from case_file;

-- How alike two people's names are, from 0 to 1, whatever the order of their words: the best of the whole names'
-- trigram similarity, and the mean of the given names' likeness (trigrams, or the same sound: "Jonh" and "John") and the
-- family names' (one containing the other: a second family name dropped, or the two swapped).
create function name_likeness(given_a text, family_a text, given_b text, family_b text)
    returns real language sql immutable strict parallel safe as $$
    select greatest(
        smo.similarity(given_a || ' ' || family_a, given_b || ' ' || family_b),
        (greatest(smo.similarity(given_a, given_b),
                  case when smo.dmetaphone(given_a) <> '' and smo.dmetaphone(given_a) = smo.dmetaphone(given_b)
                            and smo.dmetaphone_alt(given_a) = smo.dmetaphone_alt(given_b) then 0.9 else 0 end)
         + greatest(smo.word_similarity(family_a, family_b), smo.word_similarity(family_b, family_a))) / 2)::real
$$;

-- A likely match found when a person was registered: the person on the newer case, the person on the other case, and
-- why they look alike. One row per pair of people ever (either order): a pair decided DIFFERENT_PEOPLE is never
-- asked again.
create table possible_duplicate (
    id               uuid         primary key,
    case_id          uuid         not null references case_file (id) on delete cascade,
    person_id        uuid         not null,
    other_case_id    uuid         not null references case_file (id) on delete cascade,
    other_person_id  uuid         not null,
    both_applicants  boolean      not null,
    name_likeness    real         not null,
    reasons          text[]       not null,
    found_at         timestamptz  not null,
    decision         varchar(20)  check (decision in ('SAME_PERSON', 'DIFFERENT_PEOPLE')),
    decided_by       varchar(255),
    decided_at       timestamptz,
    note             varchar(4000)
);
create unique index possible_duplicate_pair on possible_duplicate
    (least(person_id, other_person_id), greatest(person_id, other_person_id));
create index possible_duplicate_case on possible_duplicate (case_id);
create index possible_duplicate_other_case on possible_duplicate (other_case_id);

-- Cases tied to each other: a duplicate closed in favour of the earlier case of the same person, or a household member
-- split into a case of their own. Each side's staff see the link from their own case.
create table case_link (
    case_id        uuid         not null references case_file (id) on delete cascade,
    linked_case_id uuid         not null references case_file (id) on delete cascade,
    kind           varchar(20)  not null check (kind in ('DUPLICATE_OF', 'SPLIT_FROM')),
    person_id      uuid,
    reason         varchar(4000),
    created_by     varchar(255) not null,
    created_at     timestamptz  not null,
    primary key (case_id, linked_case_id, kind)
);
create index case_link_linked on case_link (linked_case_id);
