package dev.outpost.stack.inference.gateway;

/**
 * Decides, per request and route, whether the request passes through unchanged or is translated.
 *
 * <p>Only one pairing needs translating: an Ollama client on an OpenAI-compatible route. An OpenAI client
 * on an Ollama route is forwarded to the route's own {@code /v1} endpoints, because Ollama serves them
 * natively and its own translation (tools, images, usage) is more faithful than a second one here.
 */
final class Planner {
    private Planner() {
    }

    static Plan plan(IncomingRequest in, Route route) {
        if (in.dialect() == ApiKind.OLLAMA && route.api() == ApiKind.OPENAI) {
            return OllamaOverOpenAi.plan(in, route);
        }
        return new Plan.Forward(in.unchanged(), PassthroughRelay.INSTANCE);
    }
}
