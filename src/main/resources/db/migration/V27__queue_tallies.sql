-- Queue figures without counting every open task (issue 16). GET /api/v1/queues counted each open task of the
-- supervisor's offices on every call (an index-only scan of open_task: 91-114 ms at 100,000 tasks, growing with them).
-- Now open_task's changes are tallied per office, activity, creation day and due day (UTC), and a queue's figures
-- are sums of a few tally rows per day plus exact counts over the one partial day at each boundary the figures ask
-- about (overdue: due earlier today; age: created within a day of now-1d, -3d, -7d), read from open_task's indexes.
-- The work grows with days x groups and one day's tasks, not with every open task.
--
-- No row is updated in place: a counter row per office would be locked by every registration at that office from
-- the opening of its task to its commit, so registrations would queue on it. Each statement on open_task appends its
-- net change as delta rows (folded = false); fold_queue_tally() sums the deltas into one folded row per key, run by
-- one replica at a time every few seconds (TaskQueues.fold). Reads sum folded rows and deltas alike, so figures are
-- exact whether or not a fold has run.
create table queue_tally (
    office      varchar(2)  not null,
    activity    varchar(64) not null,
    created_on  date        not null,
    due_on      date,
    tasks       integer     not null,
    unassigned  integer     not null,
    folded      boolean     not null default false
);

create unique index queue_tally_folded on queue_tally (office, activity, created_on, due_on) nulls not distinct
    where folded;
-- a queue page's total (one office and activity), and the deltas a fold takes
create index queue_tally_queue on queue_tally (office, activity);
create index queue_tally_delta on queue_tally (office) where not folded;

-- Overdue tasks due earlier today, per office and activity (replaces the index the full count read).
drop index open_task_queue;
create index open_task_due on open_task (office, activity, due_at);

-- One function for the three statement triggers: each transition table is read only in the branch of its own event.
create function queue_tally_on_tasks() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into queue_tally (office, activity, created_on, due_on, tasks, unassigned)
        select office, activity, (created_at at time zone 'UTC')::date, (due_at at time zone 'UTC')::date,
               count(*), count(*) filter (where assignee is null)
          from added group by 1, 2, 3, 4;
    elsif tg_op = 'DELETE' then
        insert into queue_tally (office, activity, created_on, due_on, tasks, unassigned)
        select office, activity, (created_at at time zone 'UTC')::date, (due_at at time zone 'UTC')::date,
               -count(*), -count(*) filter (where assignee is null)
          from removed group by 1, 2, 3, 4;
    else
        -- an update that moves nothing a tally counts (priority, name) nets to zero and writes nothing
        insert into queue_tally (office, activity, created_on, due_on, tasks, unassigned)
        select office, activity, created_on, due_on, sum(tasks), sum(unassigned)
          from (select office, activity, (created_at at time zone 'UTC')::date as created_on,
                       (due_at at time zone 'UTC')::date as due_on, 1 as tasks, case when assignee is null then 1 else 0 end as unassigned
                  from added
                 union all
                select office, activity, (created_at at time zone 'UTC')::date, (due_at at time zone 'UTC')::date,
                       -1, case when assignee is null then -1 else 0 end
                  from removed) change
         group by 1, 2, 3, 4
        having sum(tasks) <> 0 or sum(unassigned) <> 0;
    end if;
    return null;
end $$;

create trigger queue_tally_opened after insert on open_task
    referencing new table as added for each statement execute function queue_tally_on_tasks();
create trigger queue_tally_closed after delete on open_task
    referencing old table as removed for each statement execute function queue_tally_on_tasks();
create trigger queue_tally_changed after update on open_task
    referencing old table as removed new table as added for each statement execute function queue_tally_on_tasks();

-- Sums the deltas into the folded rows of their keys, in one statement (so a reader sees either the deltas or their
-- sum, never both or neither). Deltas committed while it runs are not in its snapshot and wait for the next fold.
-- One fold at a time (a transaction-scoped advisory lock; a replica that does not get it skips): two folds writing
-- the same key's folded row would collide on queue_tally_folded. Returns how many delta rows it folded.
create function fold_queue_tally() returns integer language plpgsql as $$
declare
    folded_deltas integer;
begin
    if not pg_try_advisory_xact_lock(6003998353495905281) then
        return 0;
    end if;
    with delta as (
        delete from queue_tally where not folded
        returning office, activity, created_on, due_on, tasks, unassigned),
    keys as (select distinct office, activity, created_on, due_on from delta),
    previous as (
        delete from queue_tally f using keys k
         where f.folded and f.office = k.office and f.activity = k.activity and f.created_on = k.created_on
           and f.due_on is not distinct from k.due_on
        returning f.office, f.activity, f.created_on, f.due_on, f.tasks, f.unassigned),
    summed as (
        select office, activity, created_on, due_on, sum(tasks) as tasks, sum(unassigned) as unassigned
          from (select * from delta union all select * from previous) d
         group by 1, 2, 3, 4),
    kept as (
        insert into queue_tally (office, activity, created_on, due_on, tasks, unassigned, folded)
        select office, activity, created_on, due_on, tasks, unassigned, true from summed
         where tasks <> 0 or unassigned <> 0
        returning 1)
    select count(*) into folded_deltas from delta;
    return folded_deltas;
end $$;

-- The tasks open now, folded.
insert into queue_tally (office, activity, created_on, due_on, tasks, unassigned, folded)
select office, activity, (created_at at time zone 'UTC')::date, (due_at at time zone 'UTC')::date,
       count(*), count(*) filter (where assignee is null), true
  from open_task group by 1, 2, 3, 4;
