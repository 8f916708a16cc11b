-- Idempotency keys of create requests, scoped to the caller (token subject); see http.IdempotencyKeys.
create table idempotency_record (
    caller              varchar(255) not null,
    idempotency_key     varchar(255) not null,
    operation           varchar(64)  not null,
    request_fingerprint varchar(64)  not null,
    resource_id         varchar(64),
    response_status     integer,
    created_at          timestamptz  not null,
    primary key (caller, idempotency_key)
);

create index idempotency_record_created on idempotency_record (created_at);
