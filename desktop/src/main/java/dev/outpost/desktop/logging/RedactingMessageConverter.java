package dev.outpost.desktop.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.outpost.stack.secrets.Redaction;

/** Used by logback.xml in place of %msg, so a secret that slips into a message never reaches a log. */
public final class RedactingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redaction.redact(super.convert(event));
    }
}
