-- The inbox reads the open-task projection instead of the engine's task query (issue 16). The engine's query joins
-- ACT_RU_TASK to ACT_RU_IDENTITYLINK per candidate group and sorts every task of the caller's groups before it pages
-- (p99 38-52 ms at 10,000 open tasks); here a page is an index range per group.
--
-- candidate_group: the one group a task is offered to (an office's code, or <office>-supervisors); every user task
-- of the case process has exactly one (CandidateGroupsTest checks it). name: the task's name as the model gives it.
alter table open_task add column candidate_group varchar(80);
alter table open_task add column name varchar(255);

-- Rows from before: from the engine's own tables when they exist yet (on a new database Flyway runs before the engine
-- creates them), else as the model offers each activity.
do $$
begin
    if to_regclass('public.act_ru_identitylink') is not null then
        update open_task t
           set candidate_group = l.group_id_, name = k.name_
          from public.act_ru_identitylink l, public.act_ru_task k
         where l.task_id_ = t.task_id and l.type_ = 'candidate' and l.group_id_ is not null and k.id_ = t.task_id;
    end if;
end $$;
update open_task
   set candidate_group = office || case when activity in ('approve-override', 'supervisor-review', 'accept-transfer')
                                        then '-supervisors' else '' end
 where candidate_group is null;
update open_task set name = activity where name is null;
alter table open_task alter column candidate_group set not null;

-- An inbox page: per group, highest priority first, then the earliest due (none last), then the oldest; the same
-- order narrowed to one activity; and a person's own tasks (few among many, so their own small index). The assignee
-- (and the activity) ride along so that the inbox's count and its "unassigned" filter read the index alone.
create index open_task_inbox on open_task (candidate_group, priority desc, due_at, created_at, task_id)
    include (activity, assignee);
create index open_task_inbox_activity on open_task (candidate_group, activity, priority desc, due_at, created_at, task_id)
    include (assignee);
create index open_task_inbox_assignee on open_task (assignee, candidate_group, priority desc, due_at, created_at, task_id)
    where assignee is not null;
-- The tasks of one case (inbox narrowed to a case; a case's view).
create index open_task_case on open_task (case_id);
