package io.authd.config;

/** How log events are written to standard output. */
public enum LogFormat {
    /** One line of readable text per event, for a terminal. */
    TEXT,
    /** One JSON object per line, for a log collector (Loki, Elasticsearch, Cloud Logging). */
    JSON
}
