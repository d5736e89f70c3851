package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.stack.gpu.GpuDetection;
import dev.outpost.stack.inference.ChatMessage;
import dev.outpost.stack.inference.ChatRequest;
import dev.outpost.stack.inference.ChatResult;
import dev.outpost.stack.inference.InferenceService;
import dev.outpost.stack.inference.ModelPullProgress;
import dev.outpost.stack.inference.OllamaClient;
import dev.outpost.stack.inference.PlacementDecision;
import dev.outpost.stack.inference.PullHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code outpost model list|pull|rm|run}: models on the local Ollama, and a quick run where the placement says. */
@Command(name = "model", description = "List, pull, remove and run models (local Ollama, or the remote target).",
        subcommands = {ModelCommand.ListModels.class, ModelCommand.Pull.class, ModelCommand.Remove.class, ModelCommand.Run.class})
final class ModelCommand {
    private ModelCommand() {
    }

    abstract static class Base extends ProfileCommand.Base {
        Base(AppServices services) {
            super(services);
        }

        InferenceService inference() {
            return services.inference();
        }
    }

    @Command(name = "list", description = "Models on the local Ollama: size, whether they fit the GPU's free memory, loaded or not.")
    static final class ListModels extends Base {
        ListModels(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            GpuDetection gpu = inference().gpu();
            List<InferenceService.ModelRow> rows = inference().models(gpu);
            if (output.json()) {
                out().println(Json.write(rows));
                return ExitCodes.OK;
            }
            if (rows.isEmpty()) {
                out().println("No models yet: outpost model pull llama3.2:3b");
                return ExitCodes.OK;
            }
            Table t = new Table("MODEL", "SIZE", "FITS GPU", "LOADED");
            rows.forEach(r -> t.row(r.name(), String.format("%.1f GB", r.sizeBytes() / 1e9), r.fitsGpu() ? "yes" : "no",
                    r.loaded() ? "yes" : "no"));
            out().print(t.render());
            return ExitCodes.OK;
        }
    }

    @Command(name = "pull", description = "Download a model into the local Ollama, with progress; Ctrl+C cancels.")
    static final class Pull extends Base {
        @Parameters(paramLabel = "MODEL")
        String model;

        Pull(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            var err = spec.commandLine().getErr();
            var server = inference().ensureLocal(step -> {
                if (!output.json()) {
                    err.println(step);
                }
            });
            if (!output.json()) {
                err.println("Ollama: " + server.reason());
            }
            try (server; OllamaClient client = new OllamaClient(server.baseUri())) {
                PullHandle handle = client.pull(model, p -> {
                    if (!output.json()) {
                        err.print("\r" + describe(p));
                        err.flush();
                    }
                });
                Thread hook = new Thread(handle::cancel, "outpost-cancel-pull");
                Runtime.getRuntime().addShutdownHook(hook);
                ModelPullProgress done;
                try {
                    done = handle.await();
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // Ctrl+C: the hook cancelled the pull
                    }
                }
                if (!output.json()) {
                    err.println();
                }
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("model", model);
                json.put("status", done.status());
                json.put("bytes", done.bytesTotal());
                json.put("attempts", done.attempt());
                if (output.json()) {
                    out().println(Json.write(json));
                } else {
                    out().println(model + ": " + done.status());
                }
            }
            return ExitCodes.OK;
        }

        static String describe(ModelPullProgress p) {
            String eta = p.eta().map(d -> ", " + d.toSeconds() + " s left").orElse("");
            return String.format("%-28s %5.1f%%  %.1f of %.1f MB  %.1f MB/s%s", p.status(), p.percent(), p.bytesDone() / 1e6,
                    p.bytesTotal() / 1e6, p.bytesPerSecond() / 1e6, eta);
        }
    }

    @Command(name = "rm", description = "Delete a model from the local Ollama.")
    static final class Remove extends Base {
        @Parameters(paramLabel = "MODEL")
        String model;

        Remove(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            try (OllamaClient client = inference().local()) {
                client.delete(model);
            }
            if (output.json()) {
                out().println(Json.write(Map.of("model", model, "deleted", true)));
            } else {
                out().println(model + " deleted");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "run", description = "Ask a model once, where the placement says (local, remote, or auto), streaming the answer.")
    static final class Run extends Base {
        @Parameters(index = "0", paramLabel = "MODEL")
        String model;

        @Parameters(index = "1..*", paramLabel = "PROMPT", arity = "1..*")
        List<String> prompt;

        Run(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            PlacementDecision where = inference().place(model, inference().gpu());
            var target = where.where() == PlacementDecision.Where.REMOTE ? inference().remoteTarget() : java.util.Optional.<dev.outpost.profiles.model.InferenceTarget>empty();
            if (!output.json()) {
                spec.commandLine().getErr().println(where.reason());
            }
            ChatResult result;
            try (OllamaClient client = target.map(t -> inference().remote(t)).orElseGet(() -> inference().local())) {
                var out = out();
                result = client.chat(ChatRequest.of(model, List.of(ChatMessage.user(String.join(" ", prompt)))), chunk -> {
                    if (!output.json() && chunk.content() != null) {
                        out.print(chunk.content());
                        out.flush();
                    }
                });
            }
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("model", model);
                json.put("where", where.where().name().toLowerCase(java.util.Locale.ROOT));
                json.put("reason", where.reason());
                json.put("answer", result.message().content());
                json.put("timeToFirstTokenMs", result.stats().timeToFirstToken().toMillis());
                json.put("tokensPerSecond", result.stats().tokensPerSecond());
                out().println(Json.write(json));
            } else {
                out().println();
                spec.commandLine().getErr().printf("%d ms to first token, %.1f tokens/s%n",
                        result.stats().timeToFirstToken().toMillis(), result.stats().tokensPerSecond());
            }
            return ExitCodes.OK;
        }
    }
}
