package dev.outpost.desktop.ui.settings;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.profiles.sync.InvalidPlatformConfigException;
import dev.outpost.profiles.sync.PlatformConfig;
import dev.outpost.stack.catalog.PlatformService;
import dev.outpost.stack.secrets.Redaction;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The platform repository form: URL, branch, user and token (the token is written to the keychain, never shown). */
public final class PlatformSettingsViewModel {
    private final PlatformService platform;
    private final UiExecutor executor;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty branch = new SimpleStringProperty("main");
    private final StringProperty user = new SimpleStringProperty(System.getProperty("user.name", ""));
    private final StringProperty token = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public PlatformSettingsViewModel(PlatformService platform, UiExecutor executor) {
        this.platform = platform;
        this.executor = executor;
        executor.run(platform::config, c -> c.ifPresent(cfg -> {
            url.set(cfg.url());
            branch.set(cfg.branch());
            user.set(cfg.user());
        }), e -> message.set(Redaction.redact(String.valueOf(e.getMessage()))));
    }

    public void save() {
        PlatformConfig config = new PlatformConfig(url.get(), branch.get(), user.get(), null, null);
        Optional<String> secret = Optional.ofNullable(token.get()).filter(t -> !t.isBlank());
        executor.run(() -> {
            platform.configure(config, secret);
            return platform.tokens().backendDescription();
        }, where -> {
            token.set("");
            message.set("Saved. " + (secret.isPresent() ? "Token: " + where : "No token stored (fine for SSH or a local path)."));
        }, e -> message.set(e instanceof InvalidPlatformConfigException i ? String.join("\n", i.problems())
                : "Could not save: " + Redaction.redact(String.valueOf(e.getMessage()))));
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty branchProperty() {
        return branch;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
