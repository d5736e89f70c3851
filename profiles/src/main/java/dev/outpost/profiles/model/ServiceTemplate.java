package dev.outpost.profiles.model;

import java.util.List;
import java.util.Map;

@Doc("One data service the platform offers, and how to run it.")
public record ServiceTemplate(@Required String apiVersion, @Required String kind, @Required Metadata metadata,
                              @Required Spec spec) implements Document {

    public record Spec(
            @Required @Doc("Versions offered, and the default.") Versions versions,
            @Required @Doc("Image reference with a {{version}} placeholder, e.g. docker.io/library/postgres:{{version}}.") String image,
            @Doc("Ports the service listens on.") List<Port> ports,
            @Doc("Environment; values may use {{secret:NAME}} (generated once per environment).") Map<String, String> env,
            @Doc("Overrides the image's entrypoint.") List<String> command,
            @Doc("Arguments to the command.") List<String> args,
            @Doc("Data kept across stop and start.") List<Volume> volumes,
            @Doc("How to tell the service is ready.") Readiness readiness,
            @Doc("CPU and memory requests and limits.") Resources resources,
            @Doc("What a user copies to connect, by name; placeholders {{host}}, {{port:NAME}}, {{secret:NAME}}, {{env:NAME}}.")
            Map<String, String> connection,
            @Doc("Other templates this one needs running first.") List<String> dependsOn,
            @Doc("Needs a GPU (an inference server).") Boolean gpu) {
    }

    public record Versions(@Required @Doc("Allowed versions.") List<String> offered,
                           @Required @Doc("Used when a profile names none; one of offered.")
                           @com.fasterxml.jackson.annotation.JsonProperty("default") String defaultVersion) {
    }

    public record Port(@Required @Doc("Name used by readiness checks and connection templates.") String name,
                       @Required Integer containerPort,
                       @Doc("tcp (default) or udp.") Protocol protocol,
                       @Doc("Host port used unless a profile overrides it.") Integer hostPort) {
    }

    public enum Protocol { TCP, UDP }

    public record Volume(@Required String name, @Required String mountPath) {
    }

    @Doc("Exactly one of tcp, http, exec or log.")
    public record Readiness(TcpCheck tcp, HttpCheck http, List<String> exec, LogCheck log,
                            @Doc("Give up after this long, e.g. 60s.") String timeout) {
    }

    public record TcpCheck(@Required @Doc("Port name.") String port) {
    }

    public record HttpCheck(@Required @Doc("Port name.") String port, @Doc("Path, default /.") String path) {
    }

    public record LogCheck(@Required @Doc("Regular expression a log line must match.") String pattern) {
    }

    public record Resources(Amounts requests, Amounts limits) {
    }

    public record Amounts(@Doc("Kubernetes notation, e.g. 500m or 2.") String cpu,
                          @Doc("Kubernetes notation, e.g. 512Mi.") String memory) {
    }
}
