package dev.outpost.profiles.sync;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * A Git server like the company's: JGit's GitServlet in Jetty on 127.0.0.1, serving one bare
 * repository at {@code /git/idp.git}, and answering 401 unless HTTP basic auth carries the token as
 * its password (any user name, as GitHub and GitLab accept).
 */
final class TokenGitServer implements AutoCloseable {
    static final String REPO = "idp.git";

    private final Server server = new Server();
    private final ServerConnector connector;
    private final String scheme;
    final List<String> userNamesSeen = new CopyOnWriteArrayList<>();
    /** Runs inside each push before refs are updated, as a server-side hook would. */
    volatile PreReceiveHook beforeUpdate = PreReceiveHook.NULL;

    private TokenGitServer(Repository repo, String token, SslContextFactory.Server tls) throws Exception {
        connector = tls == null ? new ServerConnector(server) : new ServerConnector(server, tls);
        scheme = tls == null ? "http" : "https";
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        GitServlet git = new GitServlet();
        git.setRepositoryResolver((req, name) -> {
            if (!name.equals(REPO)) {
                throw new RepositoryNotFoundException(name);
            }
            repo.incrementOpen();
            return repo;
        });
        // The filter below has authenticated the caller; JGit's default would refuse anonymous pushes.
        git.setReceivePackFactory((req, db) -> {
            ReceivePack rp = new ReceivePack(db);
            rp.setPreReceiveHook(beforeUpdate);
            return rp;
        });
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new TokenFilter(token)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(git), "/git/*");
        server.setHandler(context);
        server.start();
    }

    static TokenGitServer http(Repository repo, String token) throws Exception {
        return new TokenGitServer(repo, token, null);
    }

    static TokenGitServer https(Repository repo, String token, Path pkcs12, String password) throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(pkcs12.toString());
        tls.setKeyStorePassword(password);
        tls.setKeyStoreType("PKCS12");
        return new TokenGitServer(repo, token, tls);
    }

    String url() {
        return scheme + "://127.0.0.1:" + connector.getLocalPort() + "/git/" + REPO;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    private final class TokenFilter implements Filter {
        private final String token;

        TokenFilter(String token) {
            this.token = token;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String auth = ((HttpServletRequest) request).getHeader("Authorization");
            if (auth != null && auth.startsWith("Basic ")) {
                String pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon >= 0 && pair.substring(colon + 1).equals(token)) {
                    userNamesSeen.add(pair.substring(0, colon));
                    chain.doFilter(request, response);
                    return;
                }
            }
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
            http.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }
}
