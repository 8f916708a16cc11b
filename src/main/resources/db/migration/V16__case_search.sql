-- Finding a person: the names on a case (applicant and household members), folded (lower case, accents removed,
-- punctuation to spaces) for trigram matching, with a phonetic code per name word (double metaphone) for typos that
-- trigrams miss in short names ("Jonh" for "John"). Kept by triggers, so every way a case or its household is written
-- keeps it in step; searched through GIN indexes, never by scanning.
create extension if not exists unaccent with schema smo;
create extension if not exists pg_trgm with schema smo;
create extension if not exists fuzzystrmatch with schema smo;

-- unaccent() is only stable (its dictionary could change); with the dictionary named, the folding is a function of its
-- input, which an index needs.
create function search_fold(text) returns text language sql immutable strict parallel safe as $$
    select btrim(regexp_replace(lower(smo.unaccent('smo.unaccent'::regdictionary, $1)), '[^a-z0-9]+', ' ', 'g'))
$$;

create function search_codes(text) returns text[] language sql immutable strict parallel safe as $$
    select coalesce(array_agg(distinct smo.dmetaphone(w)) filter (where smo.dmetaphone(w) <> ''), '{}')
      from unnest(string_to_array(smo.search_fold($1), ' ')) w
     where w <> ''
$$;

create table case_search (
    case_id uuid   primary key references case_file (id) on delete cascade,
    names   text   not null,
    codes   text[] not null
);
create index case_search_names on case_search using gin (names gin_trgm_ops);
create index case_search_codes on case_search using gin (codes);

create function case_search_refresh(target uuid) returns void language plpgsql as $$
declare
    all_names text;
begin
    select concat_ws(' ', c.applicant_given_name, c.applicant_family_name,
                     (select string_agg(m.given_name || ' ' || m.family_name, ' ' order by m.position)
                        from smo.household_member m where m.case_id = c.id))
      into all_names
      from smo.case_file c where c.id = target;
    if all_names is null then
        return; -- the case is gone (its row here goes with it)
    end if;
    insert into smo.case_search (case_id, names, codes)
    values (target, smo.search_fold(all_names), smo.search_codes(all_names))
    on conflict (case_id) do update set names = excluded.names, codes = excluded.codes;
end $$;

create function case_search_on_case() returns trigger language plpgsql as $$
begin
    perform smo.case_search_refresh(new.id);
    return null;
end $$;

create function case_search_on_member() returns trigger language plpgsql as $$
begin
    perform smo.case_search_refresh(case when tg_op = 'DELETE' then old.case_id else new.case_id end);
    return null;
end $$;

create trigger case_search_case after insert or update of applicant_given_name, applicant_family_name on case_file
    for each row execute function case_search_on_case();
create trigger case_search_member after insert or update or delete on household_member
    for each row execute function case_search_on_member();

insert into case_search (case_id, names, codes)
select c.id, search_fold(n.all_names), search_codes(n.all_names)
  from case_file c
  cross join lateral (select concat_ws(' ', c.applicant_given_name, c.applicant_family_name,
                             (select string_agg(m.given_name || ' ' || m.family_name, ' ' order by m.position)
                                from household_member m where m.case_id = c.id)) as all_names) n;

-- exact lookups: a document or phone number read out at the counter, and case numbers (already unique)
create index case_file_document on case_file (applicant_document_number) where applicant_document_number is not null;
create index case_file_phone on case_file (applicant_phone) where applicant_phone is not null;
create index case_file_office_birth on case_file (office, applicant_date_of_birth);
