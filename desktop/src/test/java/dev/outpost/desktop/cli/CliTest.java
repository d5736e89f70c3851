package dev.outpost.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.AppInfo;
import dev.outpost.desktop.TestServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CliTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(args, TestServices.withChecks(home, TestServices.typicalLaptop()), new PrintWriter(out, true),
                new PrintWriter(err, true));
    }

    @Test
    void doctorJsonListsEveryCheckAndExitsZeroWhenTheRuntimeIsReady() {
        assertThat(run("doctor", "--json")).isEqualTo(ExitCodes.OK);
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.get("ready").asBoolean()).isTrue();
        assertThat(json.get("runtime").asString()).isEqualTo("docker");
        assertThat(json.get("checks")).hasSize(3);
        JsonNode kind = json.get("checks").get(1);
        assertThat(kind.get("id").asString()).isEqualTo("kind");
        assertThat(kind.get("status").asString()).isEqualTo("MISSING");
        assertThat(kind.get("fix").asString()).contains("kind.sigs.k8s.io");
        assertThat(kind.get("required").asBoolean()).isFalse();
    }

    @Test
    void doctorExitsOneWhenTheChosenRuntimeLacksItsTool() {
        assertThat(run("doctor", "--runtime", "kind")).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString())
                .contains("✗ kind")
                .contains("(required for kind)")
                .contains("→ Install kind")
                .contains("Not ready for the kind runtime: fix kind.");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("doctor", "--runtime", "minikube")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown runtime 'minikube'");
        assertThat(run("no-such-command")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void versionInBothForms() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().trim()).isEqualTo("outpost " + AppInfo.version());
        out.getBuffer().setLength(0);
        assertThat(run("version", "--json")).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.get("version").asString()).isEqualTo(AppInfo.version()).isNotEqualTo("dev");
        assertThat(json.get("java").asString()).startsWith("25");
    }
}
