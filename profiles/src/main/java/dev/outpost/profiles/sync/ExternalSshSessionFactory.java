package dev.outpost.profiles.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RemoteSession;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * Runs the user's own {@code ssh} client for SSH remotes, as the git command line does, so their
 * ~/.ssh/config, keys, agent and known_hosts apply unchanged. JGit's core has no SSH client of its
 * own. BatchMode keeps ssh from waiting for a password or host-key prompt that no one would see.
 */
final class ExternalSshSessionFactory extends SshSessionFactory {
    private final List<String> sshCommand;
    private volatile SshProcess lastProcess;

    ExternalSshSessionFactory(List<String> sshCommand) {
        this.sshCommand = List.copyOf(sshCommand);
    }

    @Override
    public RemoteSession getSession(URIish uri, CredentialsProvider credentials, FS fs, int timeoutMillis)
            throws TransportException {
        String host = uri.getHost();
        String user = uri.getUser();
        // A host or user starting with '-' would be read by ssh as an option (CVE-2017-1000117).
        if (host == null || host.startsWith("-") || (user != null && user.startsWith("-"))) {
            throw new TransportException(uri, "not a valid SSH host");
        }
        return new Session(uri, timeoutMillis);
    }

    /** Called as each fetch or push starts, so a failure is never explained by an earlier run's output. */
    void forgetLastRun() {
        lastProcess = null;
    }

    /** What the last ssh run printed on stderr; empty when none ran. Operations run one at a time. */
    String lastStderr() {
        SshProcess p = lastProcess;
        return p == null ? "" : p.stderr();
    }

    @Override
    public String getType() {
        return "outpost-ssh-client";
    }

    private final class Session implements RemoteSession {
        private final URIish uri;
        private final int timeoutMillis;

        Session(URIish uri, int timeoutMillis) {
            this.uri = uri;
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public Process exec(String command, int timeoutSeconds) throws IOException {
            List<String> args = new ArrayList<>(sshCommand);
            args.add("-o");
            args.add("BatchMode=yes");
            int connect = timeoutSeconds > 0 ? timeoutSeconds : timeoutMillis / 1000;
            if (connect > 0) {
                args.add("-o");
                args.add("ConnectTimeout=" + connect);
            }
            if (uri.getPort() > 0) {
                args.add("-p");
                args.add(Integer.toString(uri.getPort()));
            }
            args.add(uri.getUser() == null ? uri.getHost() : uri.getUser() + "@" + uri.getHost());
            args.add(command);
            SshProcess process = new SshProcess(new ProcessBuilder(args).start());
            lastProcess = process;
            return process;
        }

        @Override
        public void disconnect() {
            // Each exec is its own ssh process, ended by JGit when the connection closes.
        }
    }
}
