-- Resettlement partners (referral.Partner): who receives referrals for which pathway, and where their webhooks go.
-- The webhook secret is stored encrypted (AES-GCM, key from configuration), because signing needs it back; the API
-- never returns it.
create table partner (
    id                       varchar(16)  primary key check (id ~ '^[A-Z][A-Z0-9_]{1,15}$'),
    name                     text         not null,
    -- The destination country (US, CA, ES): family ties in it are what the partner sees of the applicant's family.
    country                  varchar(2)   not null check (country ~ '^[A-Z]{2}$'),
    webhook_url              text,
    webhook_secret_encrypted text,
    webhook_secret_set_at    timestamptz,
    active                   boolean      not null default true,
    created_at               timestamptz  not null default now(),
    updated_at               timestamptz  not null default now(),
    version                  bigint       not null default 0
);

-- The pathways a partner accepts; each pathway goes to exactly one partner, so a referral's partner is never a guess.
create table partner_pathway (
    partner_id               varchar(16)  not null references partner (id) on delete cascade,
    pathway                  varchar(32)  not null unique check (pathway in ('US_REFUGEE', 'US_OTHER', 'CANADA', 'SPAIN')),
    -- Some pathways need the applicant's identity document (parole processes check it); others never see it.
    requires_document_number boolean      not null default false,
    primary key (partner_id, pathway)
);

insert into partner (id, name, country) values
    ('US', 'United States: refugee admissions and other US pathways', 'US'),
    ('CA', 'Canada: UNHCR referrals and family-based humanitarian pathway', 'CA'),
    ('ES', 'Spain: resettlement and labour-based pathways', 'ES');

insert into partner_pathway (partner_id, pathway, requires_document_number) values
    ('US', 'US_REFUGEE', false),
    ('US', 'US_OTHER', true),
    ('CA', 'CANADA', false),
    ('ES', 'SPAIN', false);

-- A referral of one case to one partner (referral.Referral). The package is the minimized snapshot the partner
-- reads, rebuilt at each (re)send; the partner's decision and questions, and the office's answers, are kept with it.
create table referral (
    id              uuid         primary key,
    case_id         uuid         not null references case_file (id) on delete cascade,
    case_number     varchar(32)  not null,
    office          varchar(2)   not null references office (code),
    partner_id      varchar(16)  not null references partner (id),
    pathway         varchar(32)  not null,
    status          varchar(20)  not null check (status in ('SENT', 'ACCEPTED', 'DECLINED', 'INFO_REQUESTED', 'WITHDRAWN')),
    revision        int          not null,
    package         jsonb        not null,
    questions       jsonb,
    answers         jsonb,
    decision_reason text,
    decided_by      varchar(255),
    decided_at      timestamptz,
    sent_at         timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);

create index referral_partner on referral (partner_id, sent_at desc, id);
create index referral_partner_status on referral (partner_id, status, sent_at desc, id);
create index referral_case on referral (case_id, sent_at);

-- Events for partners' webhooks (referral.OutboxEvent), written in the transaction of the change they announce and
-- delivered afterwards by the delivery workers. The id is the Standard Webhooks webhook-id: stable across retries.
create table outbox_event (
    id              uuid         primary key,
    -- Order of creation: a referral's events are delivered in this order.
    seq             bigint       generated always as identity unique,
    type            varchar(40)  not null,
    partner_id      varchar(16)  not null references partner (id),
    referral_id     uuid         not null references referral (id) on delete cascade,
    office          varchar(2)   not null references office (code),
    payload         jsonb        not null,
    status          varchar(16)  not null check (status in ('PENDING', 'DELIVERED', 'SKIPPED', 'DEAD')),
    attempts        int          not null default 0,
    created_at      timestamptz  not null,
    -- Retries stop once this plus the retry budget has passed; a manual retry of a dead letter restarts it.
    retry_from      timestamptz  not null,
    next_attempt_at timestamptz  not null,
    -- A worker that claimed the event holds it until then (a crashed worker's claim lapses).
    locked_until    timestamptz,
    last_attempt_at timestamptz,
    last_status     int,
    last_error      text,
    delivered_at    timestamptz,
    dead_at         timestamptz
);

create index outbox_event_due on outbox_event (next_attempt_at) where status = 'PENDING';
create index outbox_event_referral_pending on outbox_event (referral_id, seq) where status = 'PENDING';
create index outbox_event_dead on outbox_event (office, dead_at desc) where status = 'DEAD';

-- Escalations beyond overdue tasks: a partner's decision past its SLA, a referral the workflow could not send, a
-- webhook that was dead-lettered. reference names what it is about (a referral, a case or an event), detail says
-- why. One open escalation per kind and reference: raising it again while unacknowledged changes nothing.
alter table escalation
    add column reference varchar(64),
    add column detail    text;

create unique index escalation_open_reference on escalation (kind, reference)
    where reference is not null and acknowledged_at is null;
