package io.authd.credentials.postgres;

import io.vertx.sqlclient.Tuple;

/** A statement and its parameters, run as a prepared (and cached) statement. */
record Query(String sql, Tuple params) {
}
