package dev.outpost.stack.inference.gateway;

/** What goes to the upstream: method, path under the route's base URI, and body. */
record UpstreamRequest(String method, String pathAndQuery, String contentType, byte[] body) {
    static UpstreamRequest json(String method, String pathAndQuery, byte[] body) {
        return new UpstreamRequest(method, pathAndQuery, "application/json", body);
    }
}
