package dev.outpost.stack.inference;

import dev.outpost.stack.platform.HostEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where the Ollama server is, read from {@code OLLAMA_HOST} the way Ollama itself reads it (its
 * {@code envconfig.Host}), so Outpost and the {@code ollama} CLI always agree on the address.
 *
 * <p>Ollama uses one value both to bind the server and to dial it. An unspecified address
 * ({@code 0.0.0.0}, {@code ::}, or an empty host as in {@code :8080}) makes the server listen on every
 * interface, and a Go client dialling it reaches the local machine. Java clients are not so lenient
 * everywhere (Windows refuses to connect to {@code 0.0.0.0}), so {@link #baseUri()} dials loopback
 * instead; {@link #toString()} keeps the address as Ollama reports it.
 *
 * @param scheme {@code http} unless the value names another scheme
 * @param host   as written, without IPv6 brackets; may be empty
 * @param port   the port given, else 11434 (80/443 when the value had an http/https scheme)
 * @param path   a path prefix such as {@code /ollama} for a server behind a proxy; empty when none
 */
public record OllamaHost(String scheme, String host, int port, String path) {
    public static final String VARIABLE = "OLLAMA_HOST";
    public static final int DEFAULT_PORT = 11434;
    public static final OllamaHost DEFAULT = new OllamaHost("http", "127.0.0.1", DEFAULT_PORT, "");

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public OllamaHost {
        path = path == null ? "" : path;
    }

    public static OllamaHost fromEnvironment(HostEnvironment env) {
        return parse(env.get(VARIABLE).orElse(""));
    }

    /**
     * Parses a value of OLLAMA_HOST; null or blank gives {@link #DEFAULT}. An invalid port falls back
     * to the default port, as Ollama does (it only logs a warning).
     *
     * @throws InvalidOllamaHostException if the result cannot be turned into a URI
     */
    public static OllamaHost parse(String value) {
        String raw = value == null ? "" : value;
        // Ollama strips surrounding spaces and quotes: values pasted from shell snippets keep them.
        String s = stripQuotes(raw.strip()).strip();

        String scheme = "http";
        String defaultPort = String.valueOf(DEFAULT_PORT);
        String hostport;
        int sep = s.indexOf("://");
        if (sep < 0) {
            hostport = s;
            if (s.equals("ollama.com")) {
                scheme = "https";
                hostport = "ollama.com:443";
            }
        } else {
            scheme = s.substring(0, sep);
            hostport = s.substring(sep + 3);
            if (scheme.equals("http")) {
                defaultPort = "80";
            } else if (scheme.equals("https")) {
                defaultPort = "443";
            }
        }

        String path = "";
        int slash = hostport.indexOf('/');
        if (slash >= 0) {
            path = hostport.substring(slash);
            hostport = hostport.substring(0, slash);
        }
        path = trimTrailingSlashes(path);

        String host;
        String port;
        String[] split = splitHostPort(hostport);
        if (split != null) {
            host = split[0];
            port = split[1];
        } else {
            String unbracketed = trimBrackets(hostport);
            if (IPV6_LITERAL.matcher(unbracketed).matches()) {
                host = unbracketed;
            } else {
                host = hostport.isEmpty() ? "127.0.0.1" : hostport;
            }
            port = defaultPort;
        }

        OllamaHost parsed = new OllamaHost(scheme, host, parsePort(port, Integer.parseInt(defaultPort)), path);
        parsed.validate(raw);
        return parsed;
    }

    /** The base to send API requests to, e.g. {@code http://127.0.0.1:11434} or {@code https://h:443/ollama}. */
    public URI baseUri() {
        return URI.create(scheme + "://" + joinHostPort(dialHost(), port) + path);
    }

    /** An API endpoint under {@link #baseUri()}, e.g. {@code endpoint("/api/version")}. */
    public URI endpoint(String apiPath) {
        return URI.create(baseUri() + (apiPath.startsWith("/") ? apiPath : "/" + apiPath));
    }

    /** The address as Ollama prints it, e.g. {@code http://0.0.0.0:11434}. */
    @Override
    public String toString() {
        return scheme + "://" + joinHostPort(host, port) + path;
    }

    private String dialHost() {
        return switch (host) {
            case "", "0.0.0.0" -> "127.0.0.1";
            case "::" -> "::1";
            default -> host;
        };
    }

    private void validate(String raw) {
        try {
            URI uri = new URI(scheme + "://" + joinHostPort(dialHost(), port) + path);
            if (uri.getHost() == null) {
                throw new URISyntaxException(uri.toString(), "no host name can be read from it");
            }
        } catch (URISyntaxException e) {
            throw new InvalidOllamaHostException(raw, e);
        }
    }

    /** Go's {@code net.SplitHostPort}: null where Go reports an error (no port, too many colons, ...). */
    private static String[] splitHostPort(String hostport) {
        int colon = hostport.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String host;
        int j = 0;
        int k = 0;
        if (hostport.startsWith("[")) {
            int end = hostport.indexOf(']');
            if (end < 0 || end + 1 != colon) {
                return null;
            }
            host = hostport.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            host = hostport.substring(0, colon);
            if (host.indexOf(':') >= 0) {
                return null;
            }
        }
        if (hostport.indexOf('[', j) >= 0 || hostport.indexOf(']', k) >= 0) {
            return null;
        }
        return new String[] {host, hostport.substring(colon + 1)};
    }

    private static int parsePort(String port, int fallback) {
        try {
            int n = Integer.parseInt(port);
            return n < 0 || n > 65535 ? fallback : n;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String joinHostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String stripQuotes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isQuote(s.charAt(from))) {
            from++;
        }
        while (to > from && isQuote(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static String trimBrackets(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == '[' || s.charAt(from) == ']')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == '[' || s.charAt(to - 1) == ']')) {
            to--;
        }
        return s.substring(from, to);
    }

    private static String trimTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
