package dev.outpost.stack.inference.gateway;

/** What to do with one request on one route: forward it (and relay the answer a certain way), or answer here. */
sealed interface Plan {
    record Forward(UpstreamRequest request, Relay relay) implements Plan {
    }

    /** Answered by the gateway itself: nothing to ask upstream, or a request that cannot be translated. */
    record Answer(int status, String contentType, byte[] body) implements Plan {
    }
}
