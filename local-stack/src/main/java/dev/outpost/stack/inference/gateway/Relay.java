package dev.outpost.stack.inference.gateway;

import java.io.InputStream;
import java.net.http.HttpResponse;

/** Copies (or translates) one upstream answer to the client as it arrives. */
interface Relay {
    /**
     * @param route the route's name, for the error line when the stream breaks
     * @return how it ended; when the upstream broke, the client has already been told in its dialect
     * @throws ClientGoneException when the client went away (the upstream is closed, which cancels it)
     */
    Outcome relay(HttpResponse<InputStream> upstream, ClientStream client, String route) throws ClientGoneException;

    /**
     * @param failure null when complete, else what broke
     * @param abort   true when the answer had no way to carry an error (plain JSON): drop the connection
     *                rather than end it cleanly, so the client sees a truncated answer and not a short one
     */
    record Outcome(String failure, boolean abort) {
        static final Outcome COMPLETE = new Outcome(null, false);

        boolean complete() {
            return failure == null;
        }
    }
}
