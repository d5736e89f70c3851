package dev.outpost.desktop.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactingConvertersTest {
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("test");

    @Test
    void messagesAreRedactedAfterArgumentsAreFilledIn() {
        LoggingEvent event = new LoggingEvent("x", logger, Level.INFO, "cloning {} with token={}", null,
                new Object[] {"https://bob:hunter2@git.corp/p.git", "glpat-123456"});
        String line = new RedactingMessageConverter().convert(event);
        assertThat(line).isEqualTo("cloning https://***@git.corp/p.git with token=***")
                .doesNotContain("hunter2", "glpat-123456");
    }

    @Test
    void stackTracesAreRedacted() {
        LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "pull failed",
                new IOException("GET http://admin:s3cr3t@registry:5000/v2/ failed"), null);
        RedactingThrowableConverter converter = new RedactingThrowableConverter();
        converter.setContext(context);
        converter.start();
        String trace = converter.convert(event);
        assertThat(trace).contains("java.io.IOException: GET http://***@registry:5000/v2/ failed")
                .doesNotContain("s3cr3t");
    }
}
