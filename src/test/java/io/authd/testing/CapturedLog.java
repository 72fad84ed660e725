package io.authd.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.authd.auth.AuditLog;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What one class (or, from {@link #everything()}, every logger at DEBUG) logs while a test runs. */
public final class CapturedLog implements AutoCloseable {
    private final List<Logger> loggers;
    private final List<Level> levels = new ArrayList<>();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private CapturedLog(List<Logger> loggers, Level level) {
        this.loggers = loggers;
        events.start();
        for (Logger logger : loggers) {
            levels.add(logger.getLevel());
            if (level != null) {
                logger.setLevel(level);
            }
            logger.addAppender(events);
        }
    }

    public CapturedLog(Class<?> source) {
        this(List.of((Logger) LoggerFactory.getLogger(source)), null);
    }

    /** Every logger, including the audit logger (which does not pass its events to the root), at DEBUG. */
    public static CapturedLog everything() {
        return new CapturedLog(List.of((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME),
                (Logger) LoggerFactory.getLogger(AuditLog.LOGGER)), Level.DEBUG);
    }

    /** The messages logged at {@code level}, formatted, in order. */
    public List<String> at(Level level) {
        return events.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(events.list);
    }

    /**
     * Every event as the console would write it, in both formats: text with key-value pairs and stack trace, and
     * JSON with the raw arguments too.
     */
    public List<String> rendered() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayout text = new PatternLayout();
        text.setContext(context);
        text.setPattern("%d %-5level %logger - %msg %kvp{NONE} %ex%n");
        text.start();
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.start();
        return events().stream().flatMap(e -> Stream.of(text.doLayout(e),
                new String(json.encode(e), StandardCharsets.UTF_8))).toList();
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(events);
            if (levels.size() > i) {
                loggers.get(i).setLevel(levels.get(i));
            }
        }
    }
}
