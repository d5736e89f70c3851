package dev.outpost.stack.cluster.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict re-implementation of the pflag/cobra command-line rules both real tools use: long and short flags,
 * {@code --flag=value}, {@code --flag value}, grouped bool shorthands, {@code --} and interspersed positionals, and
 * pflag's error wording ({@code unknown flag: --foo}, {@code flag needs an argument: --name}, ...).
 */
final class CobraArgs {
    enum Type { BOOL, STRING, INT, INT32, DURATION, STRING_ARRAY }

    record Flag(String name, String shorthand, Type type, String defaultValue) {
        static Flag bool(String name, String shorthand, boolean def) {
            return new Flag(name, shorthand, Type.BOOL, Boolean.toString(def));
        }

        static Flag string(String name, String shorthand, String def) {
            return new Flag(name, shorthand, Type.STRING, def);
        }

        static Flag integer(String name, String shorthand, int def) {
            return new Flag(name, shorthand, Type.INT, Integer.toString(def));
        }

        static Flag int32(String name, String shorthand, int def) {
            return new Flag(name, shorthand, Type.INT32, Integer.toString(def));
        }

        static Flag duration(String name, String def) {
            return new Flag(name, null, Type.DURATION, def);
        }

        static Flag array(String name, String shorthand) {
            return new Flag(name, shorthand, Type.STRING_ARRAY, null);
        }

        String display() {
            return shorthand == null ? "--" + name : "-" + shorthand + ", --" + name;
        }
    }

    /** A command-line mistake, worded as pflag/cobra words it. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    record Parsed(Map<String, Flag> flags, Map<String, List<String>> values, List<String> positionals, boolean help) {
        boolean changed(String name) {
            return values.containsKey(name);
        }

        String string(String name) {
            List<String> v = values.get(name);
            return v == null ? flag(name).defaultValue() : v.getLast();
        }

        boolean bool(String name) {
            return Boolean.parseBoolean(normaliseBool(string(name)));
        }

        int integer(String name) {
            return Integer.parseInt(string(name));
        }

        Duration duration(String name) {
            return GoDuration.parse(string(name));
        }

        List<String> array(String name) {
            return values.getOrDefault(name, List.of());
        }

        private Flag flag(String name) {
            Flag f = flags.get(name);
            if (f == null) {
                throw new IllegalArgumentException("no flag " + name);
            }
            return f;
        }
    }

    private CobraArgs() {
    }

    static Parsed parse(List<Flag> specs, List<String> args) {
        Map<String, Flag> byName = new HashMap<>();
        Map<String, Flag> byShort = new HashMap<>();
        for (Flag f : specs) {
            byName.put(f.name(), f);
            if (f.shorthand() != null) {
                byShort.put(f.shorthand(), f);
            }
        }
        byName.putIfAbsent("help", Flag.bool("help", "h", false));
        byShort.putIfAbsent("h", byName.get("help"));
        Map<String, List<String>> values = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                String body = a.substring(2);
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                Flag f = byName.get(name);
                if (f == null) {
                    throw new UsageError("unknown flag: --" + name);
                }
                String value;
                if (eq >= 0) {
                    value = body.substring(eq + 1);
                } else if (f.type() == Type.BOOL) {
                    value = "true";
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageError("flag needs an argument: --" + name);
                }
                set(values, f, value);
            } else if (a.startsWith("-") && a.length() > 1) {
                String shorts = a.substring(1);
                for (int j = 0; j < shorts.length(); j++) {
                    String c = shorts.substring(j, j + 1);
                    Flag f = byShort.get(c);
                    if (f == null) {
                        throw new UsageError("unknown shorthand flag: '" + c + "' in " + a);
                    }
                    String rest = shorts.substring(j + 1);
                    if (rest.startsWith("=")) {
                        set(values, f, rest.substring(1));
                        break;
                    }
                    if (f.type() == Type.BOOL) {
                        set(values, f, "true");
                        continue;
                    }
                    if (!rest.isEmpty()) {
                        set(values, f, rest);
                    } else if (i + 1 < args.size()) {
                        set(values, f, args.get(++i));
                    } else {
                        throw new UsageError("flag needs an argument: '" + c + "' in " + a);
                    }
                    break;
                }
            } else {
                positionals.add(a);
            }
        }
        boolean help = values.containsKey("help") && "true".equals(values.get("help").getLast());
        return new Parsed(byName, values, positionals, help);
    }

    private static void set(Map<String, List<String>> values, Flag f, String value) {
        String checked = switch (f.type()) {
            case BOOL -> {
                String b = normaliseBool(value);
                if (b == null) {
                    throw invalid(f, value, "strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
                }
                yield b;
            }
            case INT, INT32 -> {
                try {
                    long n = Long.parseLong(value);
                    if (f.type() == Type.INT32 && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
                        throw invalid(f, value, "strconv.ParseInt: parsing \"" + value + "\": value out of range");
                    }
                    yield Long.toString(n);
                } catch (NumberFormatException e) {
                    throw invalid(f, value, "strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
                }
            }
            case DURATION -> {
                try {
                    GoDuration.parse(value);
                    yield value;
                } catch (IllegalArgumentException e) {
                    throw invalid(f, value, e.getMessage());
                }
            }
            case STRING, STRING_ARRAY -> value;
        };
        values.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(checked);
    }

    private static UsageError invalid(Flag f, String value, String why) {
        return new UsageError("invalid argument \"" + value + "\" for \"" + f.display() + "\" flag: " + why);
    }

    /** strconv.ParseBool's accepted spellings, normalised to "true"/"false"; null when not a bool. */
    static String normaliseBool(String v) {
        return switch (v) {
            case "1", "t", "T", "TRUE", "true", "True" -> "true";
            case "0", "f", "F", "FALSE", "false", "False" -> "false";
            default -> null;
        };
    }

    /** Set of flag names, for callers that need to know which flags exist. */
    static Set<String> names(List<Flag> specs) {
        Set<String> s = new HashSet<>();
        specs.forEach(f -> s.add(f.name()));
        return s;
    }
}
