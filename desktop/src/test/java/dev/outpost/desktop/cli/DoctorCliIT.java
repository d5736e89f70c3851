package dev.outpost.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.AppServices;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.LocalProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `outpost doctor --json` on this machine, against the real Docker engine CI starts. */
class DoctorCliIT {
    @Test
    void findsTheRealEngineAndReportsWhatIsMissing(@TempDir Path home) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("OUTPOST_HOME", home.toString());
        HostEnvironment host = new HostEnvironment(HostEnvironment.current().os(), env, HostEnvironment.current().home());
        StringWriter out = new StringWriter();
        int code = Cli.run(new String[] {"doctor", "--json", "--runtime", "docker"}, AppServices.forHost(host),
                new PrintWriter(out), new PrintWriter(new StringWriter()));

        String expectedVersion = new LocalProcessRunner()
                .runChecked(Command.of("docker", "version", "--format", "{{.Server.Version}}")).stdoutText().trim();
        JsonNode report = JsonMapper.builder().build().readTree(out.toString());
        JsonNode engine = check(report, "engine");
        assertThat(engine.get("status").asString()).isEqualTo("OK");
        assertThat(engine.get("facts").get("version").asString()).isEqualTo(expectedVersion);
        assertThat(engine.get("required").asBoolean()).isTrue();
        assertThat(code).isZero();
        assertThat(report.get("ready").asBoolean()).isTrue();

        // Tools this machine does not have are reported missing, each with a fix.
        for (String id : new String[] {"kind", "k3d", "ollama-cli", "ollama-api", "gpu"}) {
            JsonNode c = check(report, id);
            if (host.findExecutable(id.replace("-cli", "")).isEmpty() && !id.equals("ollama-api") && !id.equals("gpu")) {
                assertThat(c.get("status").asString()).as(id).isEqualTo("MISSING");
            }
            if (!c.get("status").asString().equals("OK")) {
                assertThat(c.get("fix").asString()).as(id + " fix").isNotBlank();
            }
        }
    }

    private static JsonNode check(JsonNode report, String id) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + report);
    }
}
