package dev.outpost.stack.doctor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the doctor's report.
 *
 * @param id       stable key, used in JSON and tests ({@code engine}, {@code kind}, {@code gpu}, ...)
 * @param title    what was checked, for people
 * @param status   the outcome
 * @param summary  one line: the version found, or what is wrong
 * @param facts    what was measured, in display order (version, endpoint, free disk, ...)
 * @param fix      what the user should do, for this OS; null when nothing needs doing
 * @param required whether the chosen runtime cannot work without it
 */
public record Check(String id, String title, CheckStatus status, String summary, Map<String, String> facts,
                    String fix, boolean required) {

    public Check {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static Check ok(String id, String title, String summary, Map<String, String> facts) {
        return new Check(id, title, CheckStatus.OK, summary, facts, null, false);
    }

    public static Check of(String id, String title, CheckStatus status, String summary, Map<String, String> facts,
                           String fix) {
        return new Check(id, title, status, summary, facts, fix, false);
    }

    public Optional<String> fixHint() {
        return Optional.ofNullable(fix);
    }

    public Check withRequired(boolean isRequired) {
        return new Check(id, title, status, summary, facts, fix, isRequired);
    }

    /** True when this check does not stop the chosen runtime from working. */
    public boolean satisfied() {
        return !required || status.usable();
    }
}
