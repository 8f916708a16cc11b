-- A tamper-evident, append-only audit trail.
--
-- Every entry carries its place in one chain (seq, gapless, in commit order), the hash of the entry before it and its
-- own hash: SHA-256 over the previous hash and the entry's canonical content. Changing an entry breaks its hash,
-- removing one leaves a gap, rewriting the chain from some point on leaves the head (and every copy of a later hash
-- anyone kept) disagreeing. GET /api/v1/admin/audit/verify walks it.
--
-- The chain is extended by a trigger under a lock on its head row, held until the inserting transaction ends: audit
-- entries commit one transaction at a time, which is what gives a gapless order. Updates, deletes and truncation are
-- refused by triggers (even for the table's owner) and the service's role loses those privileges; a superuser can
-- still bypass both, which is what the chain is for.

alter table audit_event add column client_request_id varchar(64);
alter table audit_event add column seq bigint;
alter table audit_event add column prev_hash bytea;
alter table audit_event add column hash bytea;
comment on column audit_event.request_id is 'the id this service gave the request';
comment on column audit_event.client_request_id is 'the X-Request-Id the caller sent, if it was a sane token';

-- The entry's canonical content: every field, in a fixed order, separated by the unit separator; absent values are
-- \N; the time in microseconds since the epoch (independent of the session's time zone); details as jsonb prints
-- them (keys in a fixed order).
create function audit_entry_digest(previous bytea, e audit_event) returns bytea
    language sql stable parallel safe as
$$
select sha256(previous || convert_to(concat_ws(chr(31),
        e.seq::text, e.id::text,
        ((extract(epoch from e.occurred_at) * 1000000)::bigint)::text,
        e.actor, array_to_string(e.actor_roles, ','),
        coalesce(e.office, '\N'), e.action, coalesce(e.case_id::text, '\N'),
        coalesce(e.request_id, '\N'), coalesce(e.client_request_id, '\N'),
        coalesce(e.details::text, '\N')), 'UTF8'))
$$;

create table audit_chain_head (
    singleton boolean primary key default true check (singleton),
    seq       bigint not null,
    hash      bytea  not null
);

-- The entries written before this version, chained in the order they were written.
do $$
declare
    previous bytea := decode(repeat('00', 32), 'hex');
    n        bigint := 0;
    e        audit_event;
begin
    for e in select * from audit_event order by id loop
        n := n + 1;
        e.seq := n;
        e.prev_hash := previous;
        e.hash := audit_entry_digest(previous, e);
        update audit_event set seq = e.seq, prev_hash = e.prev_hash, hash = e.hash where id = e.id;
        previous := e.hash;
    end loop;
    insert into audit_chain_head (seq, hash) values (n, previous);
end
$$;

alter table audit_event alter column seq set not null;
alter table audit_event alter column prev_hash set not null;
alter table audit_event alter column hash set not null;
create unique index audit_event_seq on audit_event (seq);
create index audit_event_actor on audit_event (actor, occurred_at);
create index audit_event_action on audit_event (action, occurred_at);

create function audit_chain_append() returns trigger
    language plpgsql as
$$
declare
    head smo.audit_chain_head;
begin
    select * into head from smo.audit_chain_head for update;
    new.seq := head.seq + 1;
    new.prev_hash := head.hash;
    new.hash := smo.audit_entry_digest(head.hash, new);
    update smo.audit_chain_head set seq = new.seq, hash = new.hash;
    return new;
end
$$;

create trigger audit_event_chain before insert on audit_event
    for each row execute function audit_chain_append();

create function audit_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit entries are append-only: % on audit_event refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change();

revoke update, delete, truncate on audit_event from current_user;
revoke delete, truncate on audit_chain_head from current_user;
