package dev.outpost.profiles.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.sync.UserFileMerge.Outcome;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserFileMergeTest {
    private static ObjectId id(String v) {
        return v == null || v.equals("-") ? null : UserFiles.blobId(v.getBytes());
    }

    /** "-" is no such file. */
    @ParameterizedTest(name = "base {0}, local {1}, upstream {2}, conflict {3} -> {4}")
    @CsvSource({
        "a, a, a, false, SAME",
        "a, b, b, false, SAME",
        "a, b, b, true,  SAME",
        "a, a, b, false, TAKE_UPSTREAM",
        "a, a, -, false, TAKE_UPSTREAM",
        "-, -, b, false, TAKE_UPSTREAM",
        "a, b, a, false, KEEP_LOCAL",
        "a, -, a, false, KEEP_LOCAL",
        "-, b, -, false, KEEP_LOCAL",
        "a, b, c, false, CONFLICT",
        "a, -, c, false, CONFLICT",
        "a, b, -, false, CONFLICT",
        "-, b, c, false, CONFLICT",
        "a, a, b, true,  CONFLICT",
    })
    void decides(String base, String local, String upstream, boolean conflict, Outcome expected) {
        assertThat(UserFileMerge.decide(id(base), id(local), id(upstream), conflict)).isEqualTo(expected);
    }
}
