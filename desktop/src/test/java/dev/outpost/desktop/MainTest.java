package dev.outpost.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void aSingleProfileFileOpensTheWindowAsTheFileAssociationDoes() {
        assertThat(Main.opensProfileFile(new String[] {"/home/me/web.outpost.yaml"})).isTrue();
    }

    @Test
    void commandsAndOtherFilesStayCliCommands() {
        assertThat(Main.opensProfileFile(new String[] {"doctor"})).isFalse();
        assertThat(Main.opensProfileFile(new String[] {"profile", "validate", "a.outpost.yaml"})).isFalse();
        assertThat(Main.opensProfileFile(new String[] {"profile.yaml"})).isFalse();
    }
}
