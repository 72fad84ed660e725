package io.authd.cli;

import io.vertx.core.json.JsonObject;

/** What came back from one admin API call. */
sealed interface AdminReply {

    /** The server answered; {@code body} is empty for 204 and for a body that is not a JSON object. */
    record Answered(int status, JsonObject body) implements AdminReply {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The server's error in one line: its message, status and code. */
        String problem() {
            JsonObject error = body.getJsonObject("error", new JsonObject());
            String message = error.getString("message", "no error message");
            return message + " (HTTP " + status + (error.containsKey("code") ? " " + error.getString("code") : "") + ")";
        }
    }

    /** No answer: refused connection, timeout, unknown host. */
    record Unreachable(String reason) implements AdminReply {
    }
}
