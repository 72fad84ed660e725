package io.authd.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.authd.config.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.format} to the console appender of logback.xml once the configuration is loaded: the
 * encoder is swapped, the appender (and the audit appender that writes through it) stays.
 */
public final class LogFormats {
    private static final String CONSOLE = "CONSOLE";

    private LogFormats() {
    }

    public static void apply(LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: it has its own configuration
        }
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE);
        if (appender instanceof OutputStreamAppender<ILoggingEvent> console && format == LogFormat.JSON) {
            Encoder<ILoggingEvent> encoder = jsonEncoder(context);
            console.stop();
            console.setEncoder(encoder);
            console.start();
        }
    }

    /**
     * logback's own JSON encoder: level, logger, thread, timestamp, formatted message, the key-value pairs (the audit
     * fields) and any exception, one object per line. The context and MDC blocks carry nothing authd sets.
     */
    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithContext(false);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        // The template and its raw arguments would repeat the formatted message.
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.start();
        return json;
    }

    /** Writes out what the asynchronous appenders still hold; call before the process ends. */
    public static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
