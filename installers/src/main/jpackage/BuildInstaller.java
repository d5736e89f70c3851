/*
 * Builds Outpost's native installer for the OS it runs on. Run by the installers module's `installer`
 * profile (exec-maven-plugin, on the JDK 25 that maven-toolchains-plugin selected) as a single-file program:
 *
 *   java BuildInstaller.java --input=DIR --javafx=DIR --main-jar=NAME --version=V --dest=DIR [--type=T] ...
 *
 * The steps, Cryptomator-style (jlink, app image, then wrap it for each OS):
 *   1. jdeps lists the JDK and JavaFX modules the app's jars use; extra-modules.txt adds the ones that are
 *      only loaded as services, which jdeps cannot see;
 *   2. jlink links exactly those into a trimmed runtime; JavaFX's native libraries are taken out of its jars
 *      and put where the JDK keeps its own (lib/, or bin/ on Windows), so nothing is unpacked at run time;
 *   3. jpackage --type app-image: the launcher, the runtime, the jars;
 *   4. the app image is started once, headless, up to its first window, with -XX:AOTCacheOutput: JDK 25's AOT
 *      cache (JEP 483/514/515, AppCDS grown up: classes loaded and linked, plus method profiles) is written next
 *      to the jars (outpost.aot) and the launcher's configuration names it;
 *   5. jpackage wraps the app image: deb/rpm (Linux, with our own maintainer scripts for the menu entry, the
 *      file association and the `outpost` command), dmg (macOS, signed and notarised when asked), msi (Windows).
 * The same steps build the floor app (one label) for the start-up benchmark when --floor-source is given.
 *
 * Every external tool comes from the running JDK (java.home), so the toolchain's JDK is the one used.
 */

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

public class BuildInstaller {
    enum Os { LINUX, MAC, WINDOWS }

    static final Os OS = detectOs();
    static final Path JDK = Path.of(System.getProperty("java.home"));
    /** JavaFX (in the runtime, so a named module) and JNA (class path) call native code. */
    static final String NATIVE_ACCESS = "--enable-native-access=javafx.graphics,ALL-UNNAMED";

    final Map<String, String> opt;
    final Path work;
    /**
     * The modification time given to every file of the app image before the AppCDS training run, and passed
     * to the packagers as SOURCE_DATE_EPOCH: a CDS archive records each jar's mtime and is refused when it
     * differs, and jpackage copies the image into the package with new mtimes; dpkg-deb (and rpmbuild, through
     * outpost.spec) clamp them back to SOURCE_DATE_EPOCH, so the installed jars carry the trained ones.
     */
    final long epoch;

    BuildInstaller(Map<String, String> opt) {
        this.opt = opt;
        this.work = Path.of(req("work"));
        String sde = System.getenv("SOURCE_DATE_EPOCH");
        this.epoch = sde != null && !sde.isBlank() ? Long.parseLong(sde.strip()) : System.currentTimeMillis() / 1000 - 60;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        new BuildInstaller(opt).run();
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        List<String> types = types(opt.getOrDefault("type", "auto"));
        log("JDK " + Runtime.version() + " at " + JDK + "; building " + types + " on " + OS);
        Path input = Path.of(req("input"));
        Path javafx = Path.of(req("javafx"));
        Path resources = Path.of(req("resources"));
        List<Path> fxJars = modularJars(javafx);

        // 1. modules: computed with jdeps, plus the service-loaded extras (each with its reason in the file).
        TreeSet<String> modules = new TreeSet<>(jdeps(input, fxJars));
        List<String> extras = readList(resources.resolve("extra-modules.txt"));
        modules.addAll(extras);
        Files.createDirectories(work);
        Files.writeString(work.resolve("modules.txt"), String.join("\n", modules) + "\n");
        log("runtime modules (jdeps + " + extras.size() + " service-loaded): " + String.join(",", modules));

        trimSqliteNatives(input);

        // 2. the trimmed runtime
        Path runtime = work.resolve("runtime");
        deleteRecursively(runtime);
        String fxModulePath = fxJars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        exec(tool("jlink"), "--module-path", fxModulePath, "--add-modules", String.join(",", modules),
                // Uncompressed: the package's own xz compresses the class files to less than half of what jlink's
                // per-entry zip leaves (measured: 20 vs 44 MB), and nothing is inflated at start-up.
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=zip-0",
                // JavaFX's natives are copied next to the JDK's below; the copies inside the jars are not needed.
                "--exclude-resources=glob:/javafx.graphics/*.so,glob:/javafx.graphics/*.dylib,glob:/javafx.graphics/*.dll",
                "--output", runtime.toString());
        copyJavaFxNatives(fxJars, runtime.resolve(OS == Os.WINDOWS ? "bin" : "lib"));
        baseArchive(runtime);

        // 3.-4. the app image with its class-data archive
        String name = opt.getOrDefault("name", "Outpost");
        Path images = work.resolve("image");
        Path appImage = appImage(name, input, req("main-jar"), req("main-class"), runtime, images, resources);
        if (Boolean.parseBoolean(opt.getOrDefault("cds", "true"))) {
            archiveClasses(name, appImage);
        }

        // the floor app for the start-up benchmark, linked against the same runtime and started the same way
        if (!opt.getOrDefault("floor-source", "").isBlank()) {
            Path floorInput = compileFloor(Path.of(opt.get("floor-source")), fxModulePath);
            Path floor = appImage("OutpostFloor", floorInput, "floor.jar", "FloorApp", runtime, work.resolve("floor"),
                    null);
            archiveClasses("OutpostFloor", floor);
        }

        // 5. wrap it
        if (!types.equals(List.of("app-image"))) {
            deleteRecursively(Path.of(req("dest")));
            Files.copy(resources.resolve("icons/outpost.png"), appDir(appImage).resolve("outpost.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            if (OS == Os.LINUX) {
                addLinuxIntegration(appImage, resources);
            }
            if (OS == Os.MAC && !opt.getOrDefault("mac-signing-identity", "").isBlank()) {
                signMacAppImage(appImage);
            }
            for (String type : types) {
                if (!type.equals("app-image")) {
                    packageImage(type, name, appImage, resources);
                }
            }
        }
        log(String.format(Locale.ROOT, "done in %.0f s", (System.nanoTime() - t0) / 1e9));
    }

    /** auto: deb (plus rpm where rpmbuild is on the PATH) on Linux, dmg on macOS, msi on Windows. */
    static List<String> types(String value) {
        if (!value.isBlank() && !value.equals("auto")) {
            return Arrays.stream(value.split(",")).map(String::strip).toList();
        }
        return switch (OS) {
            case LINUX -> onPath("rpmbuild") ? List.of("deb", "rpm") : List.of("deb");
            case MAC -> List.of("dmg");
            case WINDOWS -> List.of("msi");
        };
    }

    static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isBlank() && Files.isExecutable(Path.of(d, program)));
    }

    // ---------------------------------------------------------------------------------------------------------

    Path appImage(String name, Path input, String mainJar, String mainClass, Path runtime, Path dest,
            Path resources) throws Exception {
        deleteRecursively(dest);
        List<String> cmd = new ArrayList<>(List.of(tool("jpackage"), "--type", "app-image", "--name", name,
                "--input", input.toString(), "--main-jar", mainJar, "--main-class", mainClass,
                "--runtime-image", runtime.toString(), "--dest", dest.toString(),
                "--app-version", appVersion(), "--vendor", opt.getOrDefault("vendor", "Outpost"),
                "--description", opt.getOrDefault("description", name),
                "--java-options", NATIVE_ACCESS,
                // JVM warnings go to stderr, never into a command's --json on stdout.
                "--java-options", "-Xlog:disable", "--java-options", "-Xlog:all=warning:stderr"));
        if (resources != null) {
            cmd.addAll(List.of("--icon", resources.resolve("icons/" + switch (OS) {
                case LINUX -> "outpost.png";
                case MAC -> "outpost.icns";
                case WINDOWS -> "outpost.ico";
            }).toString()));
        }
        if (OS == Os.MAC) {
            cmd.addAll(List.of("--mac-package-identifier", opt.getOrDefault("mac-package-identifier", "dev.outpost." + name)));
        }
        if (OS == Os.WINDOWS) {
            // The same launcher is the CLI: a console launcher shows output in a terminal.
            cmd.add("--win-console");
        }
        exec(cmd);
        return dest.resolve(OS == Os.MAC ? name + ".app" : name);
    }

    /**
     * The JDK classes' CDS archive, which the app's dynamic archive extends. Dumped here rather than by jlink's
     * --generate-cds-archive so that it is made with the launcher's --enable-native-access: an archive made
     * without it makes every start print "Mismatched values for property jdk.module.enable.native.access" and
     * lose the archived module graph.
     */
    static void baseArchive(Path runtime) throws Exception {
        Path java = runtime.resolve("bin").resolve(OS == Os.WINDOWS ? "java.exe" : "java");
        Path server = runtime.resolve(OS == Os.WINDOWS ? "bin/server" : "lib/server");
        exec(java.toString(), "-Xshare:dump", NATIVE_ACCESS, "-XX:SharedArchiveFile=" + server.resolve("classes.jsa"),
                "-Xlog:cds=off");
        // Used when the heap is too large for compressed pointers (a max heap of 32 GB or more).
        exec(java.toString(), "-Xshare:dump", NATIVE_ACCESS, "-XX:-UseCompressedOops",
                "-XX:SharedArchiveFile=" + server.resolve("classes_nocoops.jsa"), "-Xlog:cds=off");
    }

    /**
     * Starts the app image once up to its first window on JavaFX's headless platform and has the JVM write what it
     * loaded, linked and profiled into an AOT cache (JDK 25, JEP 483/514/515: the AppCDS archive extended with
     * linked classes and method profiles; one training run, the JVM creates the cache as it exits), then has the
     * launcher use it. Measured against the dynamic AppCDS archive it replaces: first window 2.5 s instead of 3.1 s
     * (docs/performance.md); and the dynamic archive's dump at exit crashed the JVM (SIGSEGV in
     * LambdaProxyClassDictionary) once a second thread was defining lambdas as the training run ended.
     */
    void archiveClasses(String name, Path appImage) throws Exception {
        Path appDir = appDir(appImage);
        Path aot = appDir.resolve(name.toLowerCase(Locale.ROOT) + ".aot");
        Files.deleteIfExists(aot);
        setModifiedTimes(appImage);
        Path home = work.resolve("training-home-" + name);
        deleteRecursively(home);
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(launcher(appImage, name).toString()).inheritIO();
        // The launcher reads JAVA_TOOL_OPTIONS (it ignores JDK_JAVA_OPTIONS). The training run keeps its files
        // in the build directory, never in the builder's own Outpost directories.
        pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + aot
                + " -Dglass.platform=Headless -Dprism.order=sw -Doutpost.startup=exit -Xlog:aot=error,cds=error");
        pb.environment().put("OUTPOST_HOME", home.toString());
        log("training run for the AOT cache: " + launcher(appImage, name));
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the training run did not finish in 300 s");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(aot)) {
            throw new IllegalStateException("the training run failed (exit " + p.exitValue() + "), no " + aot);
        }
        // The cache was written after the mtimes were set; the jars it names keep theirs.
        setModifiedTimes(appImage);
        Path cfg = appDir.resolve(name + ".cfg");
        String text = Files.readString(cfg);
        // $APPDIR is expanded by the launcher to wherever the app is installed.
        text = text.replace("[JavaOptions]\n", "[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/"
                + aot.getFileName() + "\n");
        Files.writeString(cfg, text);
        log(String.format(Locale.ROOT, "AOT cache %s (%.1f MB), named in %s", aot.getFileName(),
                Files.size(aot) / 1e6, cfg.getFileName()));
    }

    /**
     * sqlite-jdbc carries SQLite's native library for twenty OS and CPU pairs (22 MB); an installer is for one.
     * The copy of the jar in the installer's input keeps only this platform's (the driver looks for exactly
     * org/sqlite/native/OS/ARCH/), which takes about 8 MB off the package.
     */
    static void trimSqliteNatives(Path input) throws IOException {
        String os = switch (OS) {
            case LINUX -> "Linux";
            case MAC -> "Mac";
            case WINDOWS -> "Windows";
        };
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (arch == null) {
            return;
        }
        String keep = "org/sqlite/native/" + os + "/" + arch + "/";
        List<Path> jars;
        try (Stream<Path> s = Files.list(input)) {
            jars = s.filter(p -> p.getFileName().toString().startsWith("sqlite-jdbc-")).toList();
        }
        for (Path jar : jars) {
            Path trimmed = jar.resolveSibling(jar.getFileName() + ".trimmed");
            int dropped = 0;
            try (ZipFile in = new ZipFile(jar.toFile());
                 java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(trimmed))) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    String name = e.getName();
                    if (name.startsWith("org/sqlite/native/") && !name.startsWith(keep) && !name.endsWith("/")) {
                        dropped++;
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(name));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(trimmed, jar, StandardCopyOption.REPLACE_EXISTING);
            log("kept only " + keep + " of " + jar.getFileName() + "'s native libraries (" + dropped + " dropped)");
        }
    }

    Path compileFloor(Path source, String fxModulePath) throws Exception {
        Path classes = work.resolve("floor-classes");
        Path input = work.resolve("floor-input");
        deleteRecursively(classes);
        deleteRecursively(input);
        Files.createDirectories(input);
        exec(tool("javac"), "--release", "25", "--module-path", fxModulePath, "--add-modules", "javafx.controls",
                "-d", classes.toString(), source.toString());
        exec(tool("jar"), "--create", "--file", input.resolve("floor.jar").toString(), "-C", classes.toString(), ".");
        return input;
    }

    /** The menu entry, MIME type, icon and `outpost` command, installed by the package's scripts from here. */
    void addLinuxIntegration(Path appImage, Path resources) throws IOException {
        Path target = appImage.resolve("lib/desktop");
        Files.createDirectories(target);
        for (String f : List.of("outpost.desktop", "outpost-mime.xml", "integrate.sh")) {
            Files.copy(resources.resolve("linux/" + f), target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(resources.resolve("icons/outpost.png"), target.resolve("outpost.png"), StandardCopyOption.REPLACE_EXISTING);
        target.resolve("integrate.sh").toFile().setExecutable(true, false);
    }

    void signMacAppImage(Path appImage) throws Exception {
        // The archive and the edited .cfg are part of what is signed, so the image is signed after them.
        exec(tool("jpackage"), "--type", "app-image", "--app-image", appImage.toString(), "--mac-sign",
                "--mac-signing-key-user-name", opt.get("mac-signing-identity"));
    }

    void packageImage(String type, String name, Path appImage, Path resources) throws Exception {
        Path dest = Path.of(req("dest"));
        Files.createDirectories(dest);
        List<String> cmd = new ArrayList<>(List.of(tool("jpackage"), "--type", type, "--name", name,
                "--app-image", appImage.toString(), "--dest", dest.toString(), "--app-version", appVersion(),
                "--vendor", opt.getOrDefault("vendor", "Outpost"),
                "--description", opt.getOrDefault("description", name)));
        if (!opt.getOrDefault("about-url", "").isBlank()) {
            cmd.addAll(List.of("--about-url", opt.get("about-url")));
        }
        switch (OS) {
            case LINUX -> {
                cmd.addAll(List.of("--install-dir", "/opt", "--linux-package-name", "outpost",
                        "--linux-app-category", "devel", "--linux-menu-group", "Development",
                        "--linux-deb-maintainer", opt.getOrDefault("maintainer", "maintainers@outpost.invalid"),
                        // GTK's libraries are loaded from JavaFX's natives, which jpackage does not inspect.
                        "--linux-package-deps", type.equals("rpm") ? "gtk3" : "libgtk-3-0",
                        // postinst/prerm/postrm (deb) and outpost.spec (rpm) call lib/desktop/integrate.sh.
                        "--resource-dir", resources.resolve("linux/package").toString()));
            }
            case MAC -> {
                String identity = opt.getOrDefault("mac-signing-identity", "");
                if (!identity.isBlank()) {
                    cmd.addAll(List.of("--mac-sign", "--mac-signing-key-user-name", identity));
                }
            }
            case WINDOWS -> cmd.addAll(List.of("--win-menu", "--win-menu-group", "Outpost", "--win-dir-chooser",
                    "--win-shortcut-prompt", "--win-per-user-install",
                    // A fixed upgrade code makes every later MSI replace the earlier one (settings are per user).
                    "--win-upgrade-uuid", opt.getOrDefault("win-upgrade-uuid", "6f0f7d0e-3c1b-4f55-9a0e-0c5a3c9d7e21")));
        }
        exec(cmd, Map.of("SOURCE_DATE_EPOCH", String.valueOf(epoch)));
        try (Stream<Path> s = Files.list(dest)) {
            s.forEach(p -> log(String.format(Locale.ROOT, "%s: %.1f MB", p, size(p) / 1e6)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    List<String> jdeps(Path input, List<Path> fxJars) throws Exception {
        List<Path> jars;
        try (Stream<Path> s = Files.list(input)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        String cp = jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        String fx = fxJars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        Path main = input.resolve(req("main-jar"));
        String out = capture(tool("jdeps"), "--print-module-deps", "--ignore-missing-deps", "--recursive",
                "--multi-release", String.valueOf(Runtime.version().feature()), "--module-path", fx,
                "--class-path", cp, main.toString());
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        if (!last.contains("java.base")) {
            throw new IllegalStateException("jdeps printed no module list:\n" + out);
        }
        return Arrays.asList(last.split(","));
    }

    /** The JavaFX jars that are real modules (the platform-classifier ones), not the empty placeholders. */
    static List<Path> modularJars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).filter(BuildInstaller::hasModuleInfo).sorted().toList();
        }
    }

    static boolean hasModuleInfo(Path jar) {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.getEntry("module-info.class") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyJavaFxNatives(List<Path> fxJars, Path into) throws IOException {
        for (Path jar : fxJars) {
            try (ZipFile z = new ZipFile(jar.toFile())) {
                for (ZipEntry e : z.stream().toList()) {
                    String n = e.getName();
                    if (!n.contains("/") && (n.endsWith(".so") || n.endsWith(".dylib") || n.endsWith(".dll"))) {
                        try (InputStream in = z.getInputStream(e)) {
                            Files.copy(in, into.resolve(n), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        }
    }

    static Path appDir(Path appImage) {
        return switch (OS) {
            case LINUX -> appImage.resolve("lib/app");
            case MAC -> appImage.resolve("Contents/app");
            case WINDOWS -> appImage.resolve("app");
        };
    }

    static Path launcher(Path appImage, String name) {
        return switch (OS) {
            case LINUX -> appImage.resolve("bin/" + name);
            case MAC -> appImage.resolve("Contents/MacOS/" + name);
            case WINDOWS -> appImage.resolve(name + ".exe");
        };
    }

    /** jpackage wants N[.N[.N]]: 0.1.0-SNAPSHOT installs as 0.1.0. */
    String appVersion() {
        return req("version").replaceFirst("-.*$", "");
    }

    static List<String> readList(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.replaceFirst("#.*$", "").strip())
                .filter(l -> !l.isEmpty()).toList();
    }

    static String tool(String name) {
        Path p = JDK.resolve("bin").resolve(OS == Os.WINDOWS ? name + ".exe" : name);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(name + " not found at " + p + ": build with a full JDK 25");
        }
        return p.toString();
    }

    static void exec(String... cmd) throws Exception {
        exec(List.of(cmd));
    }

    static void exec(List<String> cmd) throws Exception {
        exec(cmd, Map.of());
    }

    static void exec(List<String> cmd, Map<String, String> env) throws Exception {
        log("$ " + abbreviate(String.join(" ", cmd)) + (env.isEmpty() ? "" : " (with " + env + ")"));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(Path.of(cmd.get(0)).getFileName() + " failed with exit " + p.exitValue());
        }
    }

    static String capture(String... cmd) throws Exception {
        log("$ " + abbreviate(String.join(" ", cmd)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd[0] + " failed:\n" + out);
        }
        return out;
    }

    String req(String key) {
        String v = opt.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing --" + key + "=...");
        }
        return v;
    }

    void setModifiedTimes(Path dir) throws IOException {
        java.nio.file.attribute.FileTime t = java.nio.file.attribute.FileTime.fromMillis(epoch * 1000);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, t);
            }
        }
    }

    static long size(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    static Os detectOs() {
        String n = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return n.contains("win") ? Os.WINDOWS : n.contains("mac") ? Os.MAC : Os.LINUX;
    }

    static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "… (" + s.length() + " characters)";
    }

    static void log(String s) {
        System.out.println("[installer] " + s);
        System.out.flush();
    }
}
