package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppInfo;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"outpost " + AppInfo.version()};
    }
}
