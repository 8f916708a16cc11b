-- The open user tasks of the case workflow (supervision.OpenTask), kept by task listeners in the transaction that
-- changes the task, so that queues are grouped queries over one narrow table with indexes of our own, never scans of
-- the engine's tables. A row exists while its task is open.
create table open_task (
    task_id     varchar(64)  primary key,
    office      varchar(2)   not null,
    activity    varchar(64)  not null,
    case_id     uuid         not null,
    assignee    varchar(255),
    priority    int          not null,
    created_at  timestamptz  not null,
    due_at      timestamptz
);

-- Queue figures per office and activity: an index-only scan of the offices asked for.
create index open_task_queue on open_task (office, activity) include (created_at, due_at, assignee);
-- A queue's tasks, oldest first.
create index open_task_list on open_task (office, activity, created_at, task_id);

-- Staff as their tokens present them (access.StaffDirectory): who exists and for which offices, so that a supervisor
-- can assign work only to someone who works for the task's office.
create table staff (
    subject     varchar(255) primary key,
    username    varchar(255),
    name        varchar(255),
    roles       text[]       not null,
    offices     text[]       not null,
    first_seen  timestamptz  not null,
    last_seen   timestamptz  not null
);

create index staff_username on staff (username);
