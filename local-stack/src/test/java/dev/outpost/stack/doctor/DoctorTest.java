package dev.outpost.stack.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.Runtime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DoctorTest {
    private static DiagnosticProbe probe(String id, CheckStatus status) {
        return new DiagnosticProbe() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Check run() {
                return Check.of(id, id, status, status.name(), Map.of(), status.usable() ? null : "install " + id);
            }
        };
    }

    private final List<DiagnosticProbe> probes = List.of(
            probe("engine", CheckStatus.OK), probe("kind", CheckStatus.MISSING), probe("k3d", CheckStatus.OK),
            probe("gpu", CheckStatus.MISSING));

    @Test
    void readinessDependsOnWhatTheChosenRuntimeNeeds() throws Exception {
        Doctor doctor = new Doctor(probes);
        assertThat(doctor.diagnose(Runtime.DOCKER).ready()).isTrue();
        assertThat(doctor.diagnose(Runtime.K3D).ready()).isTrue();

        DoctorReport kind = doctor.diagnose(Runtime.KIND);
        assertThat(kind.ready()).isFalse();
        assertThat(kind.blocking()).extracting(Check::id).containsExactly("kind");
        assertThat(kind.check("gpu")).get().extracting(Check::required).isEqualTo(false);
    }

    @Test
    void checksKeepTheProbeOrder() throws Exception {
        assertThat(new Doctor(probes).diagnose(Runtime.DOCKER).checks()).extracting(Check::id)
                .containsExactly("engine", "kind", "k3d", "gpu");
    }

    @Test
    void probesRunConcurrently() throws Exception {
        // Each probe waits for the other: run one after the other they would never finish.
        CountDownLatch both = new CountDownLatch(2);
        DiagnosticProbe waiting = new DiagnosticProbe() {
            @Override
            public String id() {
                return "engine";
            }

            @Override
            public Check run() throws InterruptedException {
                both.countDown();
                boolean met = both.await(10, TimeUnit.SECONDS);
                return Check.of("engine", "engine", met ? CheckStatus.OK : CheckStatus.FAILED, "", Map.of(), null);
            }
        };
        DoctorReport r = new Doctor(List.of(waiting, waiting)).diagnose(Runtime.DOCKER);
        assertThat(r.checks()).extracting(Check::status).containsOnly(CheckStatus.OK);
    }

    @Test
    void aProbeThatThrowsBecomesAFailedCheck() throws Exception {
        DiagnosticProbe broken = new DiagnosticProbe() {
            @Override
            public String id() {
                return "engine";
            }

            @Override
            public Check run() {
                throw new IllegalStateException("boom");
            }
        };
        DoctorReport r = new Doctor(List.of(broken)).diagnose(Runtime.DOCKER);
        assertThat(r.checks()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(c.summary()).contains("boom");
        });
        assertThat(r.ready()).isFalse();
    }
}
