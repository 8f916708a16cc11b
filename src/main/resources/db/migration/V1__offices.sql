-- Offices: the unit of scope for staff, cases and tasks. Admins maintain them; these are the four SMOs.
create table office (
    code         varchar(2)  primary key check (code ~ '^[A-Z]{2}$'),
    name         text        not null,
    host_country varchar(3)  not null check (host_country ~ '^[A-Z]{3}$'),
    time_zone    text        not null,
    active       boolean     not null default true
);

insert into office (code, name, host_country, time_zone) values
    ('GT', 'Guatemala', 'GTM', 'America/Guatemala'),
    ('CR', 'Costa Rica', 'CRI', 'America/Costa_Rica'),
    ('CO', 'Colombia', 'COL', 'America/Bogota'),
    ('EC', 'Ecuador', 'ECU', 'America/Guayaquil');
