-- Who uploaded each version of the eligibility rules (eligibility.RuleUpload); the engine keeps the versions.
create table eligibility_rule_upload (
    decision_definition_id varchar(64)  primary key,
    version                integer      not null,
    uploaded_by            varchar(255) not null,
    uploaded_by_name       varchar(255),
    uploaded_at            timestamptz  not null,
    file_name              varchar(128) not null,
    sha256                 varchar(64)  not null,
    comment                text
);
