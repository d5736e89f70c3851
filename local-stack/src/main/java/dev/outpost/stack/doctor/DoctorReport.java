package dev.outpost.stack.doctor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.outpost.profiles.Runtime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything the doctor found, in a fixed order, for the runtime it was asked about. */
public record DoctorReport(Instant checkedAt, Runtime runtime, List<Check> checks) {
    public DoctorReport {
        checks = List.copyOf(checks);
    }

    /** True when everything the chosen runtime needs is there. */
    @JsonProperty("ready")
    public boolean ready() {
        return checks.stream().allMatch(Check::satisfied);
    }

    public Optional<Check> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @JsonIgnore
    public List<Check> blocking() {
        return checks.stream().filter(c -> !c.satisfied()).toList();
    }
}
