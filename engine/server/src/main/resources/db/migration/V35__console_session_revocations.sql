-- Console sessions that were signed out (engine/server, dev.bespoke.server.security).
-- Portable SQL for H2 2.x and PostgreSQL 15, as V1.
-- The console's session cookie is self-contained, so a copy of it would outlive a sign-out;
-- every node therefore looks up the session id of its companion mark here on each console
-- request. A row is only needed until the session could have ended anyway (its sign-in plus
-- bespoke.console.session-max-age): sign-outs delete the expired rows as they go.
create table console_session_revoked (
    session_id    varchar(64)  not null primary key,
    user_name     varchar(128) not null,
    expires_at_ms bigint       not null
);

create index ix_console_session_revoked_expiry on console_session_revoked (expires_at_ms);
