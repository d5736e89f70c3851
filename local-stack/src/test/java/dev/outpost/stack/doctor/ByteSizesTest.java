package dev.outpost.stack.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizesTest {
    @Test
    void binaryUnitsWithOneDecimal() {
        assertThat(ByteSizes.human(0)).isEqualTo("0 B");
        assertThat(ByteSizes.human(1023)).isEqualTo("1023 B");
        assertThat(ByteSizes.human(1024)).isEqualTo("1.0 KiB");
        assertThat(ByteSizes.human(44_238_946_713L)).isEqualTo("41.2 GiB");
        assertThat(ByteSizes.human(3L * 1024 * 1024 * 1024 * 1024)).isEqualTo("3.0 TiB");
    }
}
