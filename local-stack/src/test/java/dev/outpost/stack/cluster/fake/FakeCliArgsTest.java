package dev.outpost.stack.cluster.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.cluster.fake.CobraArgs.Flag;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fakes' pflag/cobra-compatible argument parsing, and the logrus value quoting. */
class FakeCliArgsTest {
    private static final List<Flag> FLAGS = List.of(Flag.string("name", "n", "kind"), Flag.bool("retain", null,
            false), Flag.duration("wait", "0s"), Flag.integer("servers", "s", 1), Flag.array("port", "p"),
            Flag.bool("all", "a", false), Flag.bool("quiet", "q", false));

    @Test
    void acceptsPflagSpellings() {
        CobraArgs.Parsed p = CobraArgs.parse(FLAGS, List.of("pos", "--name=x", "--retain", "--wait", "2m", "-s3",
                "-p", "80:80", "-p=81:81", "-aq", "--", "-notaflag"));

        assertThat(p.string("name")).isEqualTo("x");
        assertThat(p.bool("retain")).isTrue();
        assertThat(p.duration("wait")).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.integer("servers")).isEqualTo(3);
        assertThat(p.array("port")).containsExactly("80:80", "81:81");
        assertThat(p.bool("all")).isTrue();
        assertThat(p.bool("quiet")).isTrue();
        assertThat(p.positionals()).containsExactly("pos", "-notaflag");
        assertThat(p.changed("retain")).isTrue();
        assertThat(CobraArgs.parse(FLAGS, List.of()).string("name")).isEqualTo("kind");
    }

    @Test
    void rejectsLikePflag() {
        assertThatThrownBy(() -> CobraArgs.parse(FLAGS, List.of("--foo"))).hasMessage("unknown flag: --foo");
        assertThatThrownBy(() -> CobraArgs.parse(FLAGS, List.of("-x"))).hasMessage(
                "unknown shorthand flag: 'x' in -x");
        assertThatThrownBy(() -> CobraArgs.parse(FLAGS, List.of("--name"))).hasMessage(
                "flag needs an argument: --name");
        assertThatThrownBy(() -> CobraArgs.parse(FLAGS, List.of("--wait", "soon"))).hasMessage(
                "invalid argument \"soon\" for \"--wait\" flag: time: invalid duration \"soon\"");
        assertThatThrownBy(() -> CobraArgs.parse(FLAGS, List.of("-s", "x"))).hasMessage(
                "invalid argument \"x\" for \"-s, --servers\" flag: strconv.ParseInt: parsing \"x\": invalid syntax");
        assertThatThrownBy(() -> CobraArgs.parse(FLAGS, List.of("--retain=maybe"))).hasMessageContaining(
                "strconv.ParseBool");
    }

    @Test
    void goDurations() {
        assertThat(GoDuration.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(GoDuration.format(Duration.ofMinutes(2))).isEqualTo("2m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThatThrownBy(() -> GoDuration.parse("30")).hasMessage("time: missing unit in duration \"30\"");
    }

    @Test
    void logrusQuotesOnlyWhenNeeded() {
        assertThat(K3dLog.quoteIfNeeded("done")).isEqualTo("done");
        assertThat(K3dLog.quoteIfNeeded("Cluster 'a' created\n")).isEqualTo("\"Cluster 'a' created\\n\"");
    }
}
