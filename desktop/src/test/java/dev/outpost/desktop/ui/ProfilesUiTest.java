package dev.outpost.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.desktop.UpstreamRepo;
import dev.outpost.profiles.sync.PlatformConfig;
import java.util.Optional;
import dev.outpost.desktop.ui.shell.Screen;
import dev.outpost.stack.catalog.CatalogSnapshot.ProfileEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ProfilesUiTest {
    @TempDir
    Path home;

    private AppServices services;

    @Start
    void start(Stage stage) throws Exception {
        services = TestServices.withChecks(home, TestServices.typicalLaptop());
        Path mine = services.catalog().userProfilesDirectory();
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("broken.yaml"), """
                apiVersion: outpost.dev/v1
                kind: Profile
                metadata:
                  name: broken
                spec:
                  services:
                    - use: postgres
                      version: "99"
                """);
        new DesktopShell(services, UiExecutor.fx()).show(stage);
    }

    @SuppressWarnings("unchecked")
    private static ListView<ProfileEntry> list(FxRobot robot) {
        return robot.lookup("#profiles-list").queryAs(ListView.class);
    }

    @Test
    void listsBuiltInProfilesAndShowsAnInvalidOnesError(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.PROFILES.navId());
        waitFor(10, TimeUnit.SECONDS, () -> list(robot).getItems().size() == 4);
        assertThat(list(robot).getItems()).extracting(ProfileEntry::name)
                .contains("web-backend", "data-pipeline", "rag-prototype", "broken");
        assertThat(robot.lookup("#profiles-status").queryAs(Label.class).getText()).startsWith("4 profiles, 1 with problems");

        robot.interact(() -> list(robot).getSelectionModel().select(
                list(robot).getItems().stream().filter(e -> e.name().equals("broken")).findFirst().orElseThrow()));
        String details = robot.lookup("#profiles-details").queryAs(TextArea.class).getText();
        assertThat(details).contains("cannot be used until these are fixed")
                .contains("broken.yaml:8:16 spec.services[0].version: \"99\" is not offered by catalog service postgres"
                        + " (offered: 15, 16, 17)");
    }

    @Test
    void syncsFromThePlatformRepositoryAndTheListUpdates(FxRobot robot) throws Exception {
        UpstreamRepo upstream = UpstreamRepo.create(home.resolve("git"))
                .commit("profiles/team/search.yaml", UpstreamRepo.profile("search", "opensearch"), "Team search profile");
        services.platform().configure(PlatformConfig.of(upstream.bare.toString(), "ann"), Optional.empty());

        robot.clickOn("#" + Screen.PROFILES.navId());
        waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#sync-button").queryButton().isDisabled());
        assertThat(robot.lookup("#sync-platform").queryAs(Label.class).getText()).contains("not synced yet");
        assertThat(list(robot).getItems()).extracting(ProfileEntry::name).doesNotContain("search");

        robot.clickOn("#sync-button");
        waitFor(15, TimeUnit.SECONDS, () -> list(robot).getItems().stream().anyMatch(e -> e.name().equals("search")));
        assertThat(list(robot).getItems()).filteredOn(e -> e.name().equals("search")).singleElement()
                .extracting(e -> e.origin().id()).isEqualTo("team");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sync-platform").queryAs(Label.class).getText()
                .contains("using "));
        assertThat(robot.lookup("#sync-result").queryAs(Label.class).getText()).startsWith("Now using ")
                .contains("search.yaml");
    }

    @Test
    void createsAProfileFromCatalogPicks(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.PROFILES.navId());
        waitFor(10, TimeUnit.SECONDS, () -> !list(robot).getItems().isEmpty());
        robot.clickOn("#new-profile");
        robot.clickOn("#new-profile-name").write("my-idea");
        robot.clickOn("#pick-postgres");
        robot.clickOn("#pick-qdrant");
        robot.clickOn("#new-profile-create");

        Path file = services.catalog().userProfilesDirectory().resolve("my-idea.yaml");
        waitFor(10, TimeUnit.SECONDS, () -> list(robot).getItems().stream().anyMatch(e -> e.name().equals("my-idea")));
        assertThat(Files.readString(file)).contains("name: my-idea", "- use: postgres", "- use: qdrant");
        assertThat(robot.lookup("#new-profile-message").queryAs(Label.class).getText()).startsWith("Created ");
    }
}
